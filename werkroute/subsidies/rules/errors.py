"""Problems found in rule files, said in Dutch with the place: file, scheme, condition."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RuleError:
    """One problem in one file, said in Dutch with where it is."""

    file: str
    message: str
    scheme: str = ""  # the scheme's code; "?" when the file has none
    condition: str = ""  # "2", or "2.1" for the first item of the second condition's group

    def __str__(self) -> str:
        where = [self.file]
        if self.scheme == "?":
            where.append("regeling zonder code")
        elif self.scheme:
            where.append(f'regeling "{self.scheme}"')
        if self.condition:
            where.append(f"voorwaarde {self.condition}")
        return ", ".join(where) + ": " + self.message


class SchemeFileError(Exception):
    """One or more rule files are wrong; `errors` says what and where."""

    def __init__(self, errors: list[RuleError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def quoted(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def listing(names: Any) -> str:
    return ", ".join(names)
