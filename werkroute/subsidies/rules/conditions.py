"""Reading and checking the conditions of a scheme: leaves over one fact, and all/any groups.

Plain Python: no Django. Part of the loader (loader.py), split off to keep both readable.
"""

import datetime as dt
import string
from typing import Any

from werkroute.subsidies.rules.errors import RuleError
from werkroute.subsidies.rules.errors import listing as _listing
from werkroute.subsidies.rules.errors import quoted as _quoted
from werkroute.subsidies.rules.facts import FACTS, FactSpec, Vocabularies
from werkroute.subsidies.rules.model import OPERATORS, Answer, Condition, Group, Rule

CONDITION_KEYS = ("fact", "op", "value", "yes", "no", "unknown", "otherwise")
GROUP_KEYS = ("all", "any", "yes", "no", "unknown")
TEXT_KEYS = ("yes", "no", "unknown")

OPERATORS_BY_KIND: dict[str, tuple[str, ...]] = {
    "int": ("==", "!=", "<", "<=", ">", ">=", "in", "not in"),
    "number": ("==", "!=", "<", "<=", ">", ">=", "in", "not in"),
    "bool": ("==", "!="),
    "choice": ("==", "!=", "in", "not in"),
    "date": ("==", "!=", "<", "<=", ">", ">="),
}
# Placeholders a condition's texts may use: the value in the rule and the person's or job's own.
PLACEHOLDERS = {"yes": {"value", "actual"}, "no": {"value", "actual"}, "unknown": {"value"}}


class ConditionReader:
    """Checks a scheme's conditions, collecting every problem in `errors`."""

    def __init__(self, file: str, vocabularies: Vocabularies) -> None:
        self.file = file
        self.vocabularies = vocabularies
        self.code = "?"
        self.errors: list[RuleError] = []

    def error(self, message: str, condition: str = "") -> None:
        self.errors.append(RuleError(self.file, message, self.code, condition))

    def read_conditions(self, value: Any) -> tuple[Rule, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            self.error("conditions moet minstens één voorwaarde hebben ([[conditions]])")
            return ()
        rules = [self.read_rule(item, str(number)) for number, item in enumerate(value, 1)]
        return tuple(r for r in rules if r is not None)

    def read_rule(self, raw: Any, number: str) -> Rule | None:
        if not isinstance(raw, dict):
            self.error("een voorwaarde moet een tabel zijn met fact, op en value", number)
            return None
        modes = [mode for mode in ("all", "any") if mode in raw]
        if modes:
            return self.read_group(raw, modes, number)
        return self.read_condition(raw, number)

    def read_group(self, raw: dict[str, Any], modes: list[str], number: str) -> Group | None:
        if len(modes) > 1 or "fact" in raw:
            self.error("een voorwaarde heeft óf fact, op en value, óf all, óf any", number)
            return None
        mode = modes[0]
        for key in raw:
            if key not in GROUP_KEYS:
                self.error(
                    f'onbekend veld "{key}" in een {mode}-groep. Bekend zijn: '
                    f"{mode}, yes, no, unknown",
                    number,
                )
        items = raw[mode]
        if not isinstance(items, list) or not items:
            self.error(f"{mode} moet een lijst met minstens één voorwaarde zijn", number)
            return None
        children = [self.read_rule(item, f"{number}.{i}") for i, item in enumerate(items, 1)]
        texts = {key: self.read_template(raw, key, number, allowed=set()) for key in TEXT_KEYS}
        if any(child is None for child in children):
            return None
        return Group(mode=mode, items=tuple(children), **texts)  # type: ignore[arg-type]

    def read_condition(self, raw: dict[str, Any], number: str) -> Condition | None:
        errors_before = len(self.errors)
        for key in raw:
            if key not in CONDITION_KEYS:
                self.error(
                    f'onbekend veld "{key}". Bekend zijn: {_listing(CONDITION_KEYS)}', number
                )
        for key in ("fact", "op", "value"):
            if key not in raw:
                self.error(f'verplicht veld "{key}" ontbreekt', number)
        fact, op = raw.get("fact"), raw.get("op")
        spec = FACTS.get(fact) if isinstance(fact, str) else None
        if "fact" in raw and spec is None:
            self.error(f"onbekend feit {_quoted(fact)}. Bekend zijn: {_listing(FACTS)}", number)
        if spec is not None and "op" in raw:
            allowed = OPERATORS_BY_KIND[spec.kind]
            if op not in allowed:
                known = "" if op in OPERATORS else " bestaat niet en"
                self.error(
                    f"operator {_quoted(op)}{known} kan niet bij {fact}. "
                    f"Kies uit: {_listing(allowed)}",
                    number,
                )
            elif "value" in raw:
                self.check_value(spec, op, raw["value"], number)
        texts = {
            key: self.read_template(raw, key, number, allowed=PLACEHOLDERS[key])
            for key in TEXT_KEYS
        }
        otherwise = raw.get("otherwise", Answer.NO.value)
        if otherwise not in (Answer.NO.value, Answer.MAYBE.value):
            self.error(f'otherwise moet "no" of "maybe" zijn, niet {_quoted(otherwise)}', number)
        if len(self.errors) > errors_before:
            return None
        return Condition(fact=fact, op=op, value=raw["value"], otherwise=Answer(otherwise), **texts)

    def check_value(self, spec: FactSpec, op: str, value: Any, number: str) -> None:
        if op in ("in", "not in"):
            if not isinstance(value, list) or not value:
                self.error(
                    f'bij "{op}" moet value een lijst zijn, zoals ["a", "b"] (nu: {_quoted(value)})',
                    number,
                )
                return
            for item in value:
                self.check_scalar(spec, item, number)
            return
        self.check_scalar(spec, value, number)

    def check_scalar(self, spec: FactSpec, value: Any, number: str) -> None:
        problem = ""
        if spec.kind == "int" and (isinstance(value, bool) or not isinstance(value, int)):
            problem = f"moet een heel getal zijn (zoals 56), niet {_quoted(value)}"
        elif spec.kind == "number" and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            problem = f"moet een getal zijn (zoals 24 of 10.5), niet {_quoted(value)}"
        elif spec.kind == "bool" and not isinstance(value, bool):
            problem = f"moet true of false zijn (zonder aanhalingstekens), niet {_quoted(value)}"
        elif spec.kind == "date" and (
            isinstance(value, dt.datetime) or not isinstance(value, dt.date)
        ):
            problem = f"moet een datum zijn zoals 2026-01-01 (zonder aanhalingstekens), niet {_quoted(value)}"
        elif spec.kind == "choice":
            allowed = self.vocabularies.get(spec.vocabulary, {})
            if not isinstance(value, str) or value not in allowed:
                problem = f"{_quoted(value)} bestaat niet. Kies uit: {_listing(allowed)}"
        if problem:
            self.error(f"de waarde voor {spec.name} {problem}", number)

    def read_template(
        self, raw: dict[str, Any], key: str, number: str, *, allowed: set[str]
    ) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.error(f"{key} moet een tekst zijn (tussen aanhalingstekens)", number)
            return ""
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError:
            self.error(
                f"in de tekst bij {key} klopt een {{ of }} niet; schrijf {{{{ of }}}} voor een "
                "gewoon haakje",
                number,
            )
            return ""
        wrong = sorted(names - allowed)
        if wrong:
            can = (
                "kan hier niet"
                if not allowed
                else "bestaat niet. Je kunt gebruiken: "
                + ", ".join(f"{{{n}}}" for n in sorted(allowed))
            )
            self.error(f"in de tekst bij {key}: {{{wrong[0]}}} {can}", number)
            return ""
        return value.strip()
