"""A system check: every rule file is read and checked when Django starts (runserver, migrate,
check), so a file with an error is refused with a clear message before anyone uses it."""

from typing import Any

from django.core.checks import Error, register
from django.utils import timezone

from werkroute.subsidies.constants import vocabularies
from werkroute.subsidies.rules import read_catalogue
from werkroute.subsidies.services import schemes_dir


@register("werkroute")
def check_scheme_files(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    root = schemes_dir()
    _, errors = read_catalogue(root, vocabularies(), today=timezone.localdate())
    hint = (
        f"De regelingen staan in {root}. Zie werkroute/subsidies/data/README.md, of draai "
        "'werkroute check-schemes' voor alle fouten."
    )
    return [Error(str(error), hint=hint, id="subsidies.E001") for error in errors]
