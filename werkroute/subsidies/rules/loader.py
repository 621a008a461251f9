"""Reading and checking the rule files: one scheme per TOML file, in a folder per country.

    <root>/nl/loonkostensubsidie.toml
    <root>/be-vl/artikel-60.toml

Every problem is collected, not just the first, and each message names the file, the scheme and
the condition, in Dutch, for the functional administrator who edits the files. See
werkroute/subsidies/data/README.md for the format. Plain Python: no Django.
"""

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from werkroute.subsidies.rules.conditions import ConditionReader
from werkroute.subsidies.rules.errors import RuleError, SchemeFileError
from werkroute.subsidies.rules.errors import listing as _listing
from werkroute.subsidies.rules.errors import quoted as _quoted
from werkroute.subsidies.rules.facts import Vocabularies
from werkroute.subsidies.rules.model import (
    COUNTRIES,
    KINDS,
    UNITS,
    Amount,
    Catalogue,
    Scheme,
    Source,
)

__all__ = ["RuleError", "SchemeFileError", "load_catalogue", "read_catalogue", "read_scheme_file"]

SCHEME_KEYS = (
    "code",
    "name",
    "country",
    "kind",
    "summary",
    "amount",
    "source",
    "last_checked",
    "uncertain",
    "check_yourself",
    "conditions",
)
REQUIRED_KEYS = (
    "code",
    "name",
    "country",
    "kind",
    "summary",
    "amount",
    "source",
    "last_checked",
    "conditions",
)
AMOUNT_KEYS = ("text", "value", "unit")
SOURCE_KEYS = ("title", "url")
CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class _SchemeReader(ConditionReader):
    """Checks one scheme's data, collecting every problem."""

    def __init__(self, file: str, country: str, vocabularies: Vocabularies, today: dt.date) -> None:
        super().__init__(file, vocabularies)
        self.country = country
        self.today = today

    # --- the scheme's own fields -------------------------------------------------------------

    def read(self, data: dict[str, Any]) -> Scheme | None:
        code = data.get("code")
        if isinstance(code, str) and CODE_PATTERN.match(code):
            self.code = code
        for key in data:
            if key not in SCHEME_KEYS:
                self.error(f'onbekend veld "{key}". Bekend zijn: {_listing(SCHEME_KEYS)}')
        for key in REQUIRED_KEYS:
            if key not in data:
                self.error(f'verplicht veld "{key}" ontbreekt')
        if "code" in data and self.code == "?":
            self.error(
                f"code {_quoted(code)} kan niet: gebruik alleen kleine letters, cijfers, - en _ "
                "(zoals lkv-oudere-werknemer)"
            )
        name = self.text(data, "name")
        summary = self.text(data, "summary")
        country = self.read_country(data.get("country"))
        kind = data.get("kind")
        if "kind" in data and kind not in KINDS:
            self.error(f"soort (kind) {_quoted(kind)} bestaat niet. Kies uit: {_listing(KINDS)}")
        amount = self.read_amount(data.get("amount"))
        source = self.read_source(data.get("source"))
        last_checked = self.read_date(data.get("last_checked"))
        uncertain = self.text(data, "uncertain", required=False)
        check_yourself = self.read_text_list(data.get("check_yourself", []), "check_yourself")
        conditions = self.read_conditions(data.get("conditions"))
        if self.errors:
            return None
        return Scheme(
            code=self.code,
            name=name,
            country=country,
            kind=kind,
            summary=summary,
            amount=amount,  # type: ignore[arg-type]
            source=source,  # type: ignore[arg-type]
            last_checked=last_checked,  # type: ignore[arg-type]
            conditions=conditions,
            path=self.file,
            uncertain=uncertain,
            check_yourself=check_yourself,
        )

    def text(
        self, data: dict[str, Any], key: str, *, required: bool = True, label: str = ""
    ) -> str:
        value = data.get(key)
        if value is None:
            return ""  # a missing required field is reported once, above
        if not isinstance(value, str) or (required and not value.strip()):
            self.error(f"{label or key} moet een tekst zijn (tussen aanhalingstekens)")
            return ""
        return value.strip()

    def read_country(self, value: Any) -> str:
        if value is None:
            return ""
        if value not in COUNTRIES:
            self.error(
                f"land (country) {_quoted(value)} bestaat niet. Kies uit: {_listing(COUNTRIES)}"
            )
        elif value != self.country:
            self.error(
                f'land (country) "{value}" hoort niet bij de map "{self.country}": '
                f"zet het bestand in de map {value}/ of maak het land {self.country}"
            )
        return str(value)

    def read_amount(self, value: Any) -> Amount | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(
                "amount moet een tabel zijn: [amount] met text, en waar het vast ligt value en unit"
            )
            return None
        for key in value:
            if key not in AMOUNT_KEYS:
                self.error(f'onbekend veld "amount.{key}". Bekend zijn: {_listing(AMOUNT_KEYS)}')
        if "text" not in value:
            self.error('verplicht veld "amount.text" ontbreekt')
        text = self.text(value, "text", label="amount.text")
        number = value.get("value")
        unit = value.get("unit", "")
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)):
            self.error(f"amount.value moet een getal zijn (zoals 6000), niet {_quoted(number)}")
        if number is not None and not unit:
            self.error(f"amount.unit ontbreekt: zeg waar het bedrag over gaat ({_listing(UNITS)})")
        if unit and unit not in UNITS:
            self.error(f"amount.unit {_quoted(unit)} bestaat niet. Kies uit: {_listing(UNITS)}")
        if unit and number is None:
            self.error("amount.unit staat er, maar amount.value ontbreekt")
        return Amount(text=text, value=number, unit=unit)

    def read_source(self, value: Any) -> Source | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error("source moet een tabel zijn: [source] met title en url")
            return None
        for key in value:
            if key not in SOURCE_KEYS:
                self.error(f'onbekend veld "source.{key}". Bekend zijn: {_listing(SOURCE_KEYS)}')
        for key in SOURCE_KEYS:
            if key not in value:
                self.error(f'verplicht veld "source.{key}" ontbreekt')
        title = self.text(value, "title", label="source.title")
        url = self.text(value, "url", label="source.url")
        if url and not url.startswith(("https://", "http://")):
            self.error(f'source.url "{url}" is geen webadres: begin met https://')
        return Source(title=title, url=url)

    def read_date(self, value: Any) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.error(
                f"last_checked moet een datum zijn zoals 2026-01-15, zonder aanhalingstekens "
                f"en zonder tijd (nu: {_quoted(value)})"
            )
            return None
        if value > self.today:
            self.error(f"last_checked {value.isoformat()} ligt in de toekomst")
        return value

    def read_text_list(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(f'{key} moet een lijst met teksten zijn, zoals ["...", "..."]')
            return ()
        return tuple(v.strip() for v in value)


def _toml_message(error: tomllib.TOMLDecodeError) -> str:
    text = TOML_POSITION.sub(lambda m: f"(regel {m[1]}, kolom {m[2]})", str(error))
    return f"de TOML-opmaak klopt niet: {text}"


def read_scheme_file(
    path: Path,
    *,
    file: str,
    country: str,
    vocabularies: Vocabularies,
    today: dt.date,
) -> tuple[Scheme | None, list[RuleError]]:
    """One file: its scheme, or the problems found in it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [RuleError(file, "het bestand is geen tekst in UTF-8")]
    except tomllib.TOMLDecodeError as error:
        return None, [RuleError(file, _toml_message(error))]
    reader = _SchemeReader(file, country, vocabularies, today)
    scheme = reader.read(data)
    return scheme, reader.errors


def read_catalogue(
    root: Path, vocabularies: Vocabularies, *, today: dt.date | None = None
) -> tuple[Catalogue, list[RuleError]]:
    """Every scheme under `root` that is right, and every problem found."""
    today = today or dt.date.today()  # noqa: DTZ011 - a calendar date, no time zone involved
    root = Path(root)
    if not root.is_dir():
        return Catalogue(), [RuleError(str(root), "de map met regelingen bestaat niet")]
    errors: list[RuleError] = []
    schemes: list[Scheme] = []
    seen: dict[str, str] = {}
    for path in sorted(root.glob("*.toml")):
        errors.append(
            RuleError(
                path.name,
                f"een regeling hoort in een map per land ({_listing(f'{c}/' for c in COUNTRIES)})",
            )
        )
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.toml"))
        if folder.name not in COUNTRIES:
            if files:
                errors.append(
                    RuleError(
                        f"{folder.name}/",
                        f'de map "{folder.name}" is geen land. Gebruik: {_listing(COUNTRIES)}',
                    )
                )
            continue
        for path in files:
            file = path.relative_to(root).as_posix()
            scheme, problems = read_scheme_file(
                path, file=file, country=folder.name, vocabularies=vocabularies, today=today
            )
            errors.extend(problems)
            if scheme is None:
                continue
            if scheme.code in seen:
                errors.append(
                    RuleError(file, f"deze code bestaat al, in {seen[scheme.code]}", scheme.code)
                )
                continue
            seen[scheme.code] = file
            schemes.append(scheme)
    order = list(COUNTRIES)
    schemes.sort(key=lambda s: (order.index(s.country), s.name.lower()))
    return Catalogue(tuple(schemes)), errors


def load_catalogue(
    root: Path, vocabularies: Vocabularies, *, today: dt.date | None = None
) -> Catalogue:
    """Every scheme under `root`; raises SchemeFileError naming every problem if there is one."""
    catalogue, errors = read_catalogue(root, vocabularies, today=today)
    if errors:
        raise SchemeFileError(errors)
    return catalogue
