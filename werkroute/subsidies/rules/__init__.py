"""The rules engine of the subsidies app: facts, schemes read from TOML files, and the checker.

Plain Python: nothing here imports Django, so the rules can be read, tested and used on their own.
The Django side (werkroute.subsidies.services) passes in the vocabularies and the data folder.
"""

from werkroute.subsidies.rules.evaluate import (
    Outcome,
    Reason,
    evaluate_catalogue,
    evaluate_scheme,
    requirements,
)
from werkroute.subsidies.rules.facts import (
    FACTS,
    JobFacts,
    PersonFacts,
    Vocabularies,
    all_facts,
)
from werkroute.subsidies.rules.loader import (
    RuleError,
    SchemeFileError,
    load_catalogue,
    read_catalogue,
)
from werkroute.subsidies.rules.model import COUNTRIES, Answer, Catalogue, Scheme

__all__ = [
    "COUNTRIES",
    "FACTS",
    "Answer",
    "Catalogue",
    "JobFacts",
    "Outcome",
    "PersonFacts",
    "Reason",
    "RuleError",
    "Scheme",
    "SchemeFileError",
    "Vocabularies",
    "all_facts",
    "evaluate_catalogue",
    "evaluate_scheme",
    "load_catalogue",
    "read_catalogue",
    "requirements",
]
