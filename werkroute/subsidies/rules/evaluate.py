"""Answering "does this scheme apply?" with yes, no or maybe, and a Dutch reason per condition.

Three-valued: a condition over an unknown fact answers "misschien" with the reason "onbekend: ...".
A group "all" answers no if one item says no, else maybe if one says maybe, else yes; a group
"any" answers yes if one item says yes, else maybe if one says maybe, else no. A scheme's list of
conditions is an "all". Plain Python: no Django.
"""

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from werkroute.subsidies.rules.facts import FACTS, FactSpec, Vocabularies, format_value
from werkroute.subsidies.rules.model import Answer, Catalogue, Condition, Group, Rule, Scheme

COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda actual, value: actual in value,
    "not in": lambda actual, value: actual not in value,
}

# How the rule reads in a default sentence, by operator; dates read differently.
PHRASES = {
    "==": "{value}",
    "!=": "niet {value}",
    "<": "minder dan {value}",
    "<=": "{value} of minder",
    ">": "meer dan {value}",
    ">=": "{value} of meer",
    "in": "{value}",
    "not in": "niet {value}",
}
DATE_PHRASES = {
    **PHRASES,
    "<": "vóór {value}",
    "<=": "op of vóór {value}",
    ">": "na {value}",
    ">=": "op of na {value}",
}


@dataclass(frozen=True)
class Reason:
    answer: Answer
    text: str
    number: str  # "2", or "2.1" inside a group
    fact: str = ""  # empty for a group
    children: tuple["Reason", ...] = ()


@dataclass(frozen=True)
class Outcome:
    scheme: Scheme
    answer: Answer
    reasons: tuple[Reason, ...]

    @property
    def unknown_facts(self) -> list[str]:
        """The facts whose absence made this a maybe, in order, without repeats."""
        found: list[str] = []

        def walk(reasons: tuple[Reason, ...]) -> None:
            for reason in reasons:
                if reason.answer == Answer.MAYBE and reason.fact and reason.fact not in found:
                    found.append(reason.fact)
                walk(reason.children)

        walk(self.reasons)
        return found


def rule_phrase(spec: FactSpec, op: str, value: Any, vocabularies: Vocabularies) -> str:
    """The rule in words: "56 jaar of meer", "bijstand, IOAW of IOAZ", "vóór 1 januari 2026"."""
    phrases = DATE_PHRASES if spec.kind == "date" else PHRASES
    return phrases[op].format(value=format_value(spec, value, vocabularies))


def _condition_reason(
    condition: Condition, facts: Mapping[str, Any], number: str, vocabularies: Vocabularies
) -> Reason:
    spec = FACTS[condition.fact]
    rule = rule_phrase(spec, condition.op, condition.value, vocabularies)
    value_text = format_value(spec, condition.value, vocabularies)
    actual = facts.get(condition.fact)
    if actual is None:
        text = (condition.unknown or "").format(value=value_text)
        detail = f"; {text}" if text else f"; nodig: {rule}"
        return Reason(Answer.MAYBE, f"onbekend: {spec.label}{detail}", number, condition.fact)
    actual_text = format_value(spec, actual, vocabularies)
    try:
        met = COMPARE[condition.op](actual, condition.value)
    except TypeError:  # a value of the wrong kind in the facts: say so, do not guess
        return Reason(
            Answer.MAYBE,
            f"onbekend: {spec.label} (de waarde {actual_text} is niet te vergelijken)",
            number,
            condition.fact,
        )
    if met:
        template = condition.yes or f"{spec.label}: {{actual}} (voorwaarde: {rule})"
        return Reason(
            Answer.YES,
            template.format(value=value_text, actual=actual_text),
            number,
            condition.fact,
        )
    template = condition.no or f"{spec.label}: {{actual}}, maar de voorwaarde is {rule}"
    return Reason(
        condition.otherwise,
        template.format(value=value_text, actual=actual_text),
        number,
        condition.fact,
    )


def combine(mode: str, answers: list[Answer]) -> Answer:
    decisive, other = (Answer.NO, Answer.YES) if mode == "all" else (Answer.YES, Answer.NO)
    if decisive in answers:
        return decisive
    if Answer.MAYBE in answers:
        return Answer.MAYBE
    return other


GROUP_DEFAULTS = {
    ("all", Answer.YES): "aan al deze voorwaarden is voldaan",
    ("all", Answer.NO): "niet aan al deze voorwaarden is voldaan",
    ("all", Answer.MAYBE): "nog niet bekend of aan al deze voorwaarden is voldaan",
    ("any", Answer.YES): "aan minstens één van deze voorwaarden is voldaan",
    ("any", Answer.NO): "aan geen van deze voorwaarden is voldaan",
    ("any", Answer.MAYBE): "nog niet bekend of aan een van deze voorwaarden is voldaan",
}


def _group_reason(
    group: Group, facts: Mapping[str, Any], number: str, vocabularies: Vocabularies
) -> Reason:
    children = tuple(
        evaluate_rule(item, facts, f"{number}.{i}", vocabularies)
        for i, item in enumerate(group.items, 1)
    )
    answer = combine(group.mode, [c.answer for c in children])
    own = {Answer.YES: group.yes, Answer.NO: group.no, Answer.MAYBE: group.unknown}[answer]
    return Reason(answer, own or GROUP_DEFAULTS[(group.mode, answer)], number, "", children)


def evaluate_rule(
    rule: Rule, facts: Mapping[str, Any], number: str, vocabularies: Vocabularies
) -> Reason:
    if isinstance(rule, Group):
        return _group_reason(rule, facts, number, vocabularies)
    return _condition_reason(rule, facts, number, vocabularies)


def evaluate_scheme(
    scheme: Scheme, facts: Mapping[str, Any], vocabularies: Vocabularies
) -> Outcome:
    reasons = tuple(
        evaluate_rule(rule, facts, str(i), vocabularies)
        for i, rule in enumerate(scheme.conditions, 1)
    )
    return Outcome(scheme, combine("all", [r.answer for r in reasons]), reasons)


def evaluate_catalogue(
    catalogue: Catalogue, country: str, facts: Mapping[str, Any], vocabularies: Vocabularies
) -> list[Outcome]:
    """Every scheme of the country, in catalogue order."""
    return [evaluate_scheme(s, facts, vocabularies) for s in catalogue.for_country(country)]


def requirements(scheme: Scheme, vocabularies: Vocabularies) -> list[tuple[str, list[str]]]:
    """The conditions in words for a scheme's page: (sentence, sentences of a group's items)."""

    def describe(rule: Rule) -> tuple[str, list[str]]:
        if isinstance(rule, Group):
            lead = "Eén van deze:" if rule.mode == "any" else "Al deze:"
            return lead, [describe(item)[0] for item in rule.items]
        spec = FACTS[rule.fact]
        return f"{spec.label}: {rule_phrase(spec, rule.op, rule.value, vocabularies)}", []

    return [describe(rule) for rule in scheme.conditions]
