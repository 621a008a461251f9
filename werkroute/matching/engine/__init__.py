"""The matching engine: numpy and scipy on arrays, no Django (see DESIGN.md)."""

from werkroute.matching.engine.config import (
    DEFAULT_WEIGHTS,
    EXCLUDED_ATTRIBUTES,
    PART_CODES,
    PARTS,
    Weights,
)
from werkroute.matching.engine.matrices import (
    REQUIREMENT_ITEMS,
    OfferingMatrix,
    PeopleMatrix,
    missing_items,
)
from werkroute.matching.engine.records import OccupationInfo, OfferingRecord, PersonRecord
from werkroute.matching.engine.score import (
    BlockResult,
    PairParts,
    best_offerings,
    dense_reference,
    pair_parts,
    score_rows,
    top_k,
)
from werkroute.matching.engine.text import TextSpace

__all__ = [
    "DEFAULT_WEIGHTS",
    "EXCLUDED_ATTRIBUTES",
    "PARTS",
    "PART_CODES",
    "REQUIREMENT_ITEMS",
    "BlockResult",
    "OccupationInfo",
    "OfferingMatrix",
    "OfferingRecord",
    "PairParts",
    "PeopleMatrix",
    "PersonRecord",
    "TextSpace",
    "Weights",
    "best_offerings",
    "dense_reference",
    "missing_items",
    "pair_parts",
    "score_rows",
    "top_k",
]
