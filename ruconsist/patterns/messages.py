"""The message of a finding: its template filled with the captures and
what the other side was expected to hold.
"""

from __future__ import annotations

import string
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ruconsist.lang import LANG_NAME
from ruconsist.patterns.captures import CaptureValue, _fmt_number
from ruconsist.patterns.matching import Finding, Match
from ruconsist.patterns.rule import PatternRule

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet


def render(template: str, values: dict[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _Defaults(values))


class _Defaults(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def expected_text(rule: PatternRule, match: Match, rules: RuleSet | None) -> str | None:
    """The ``expect`` template of the other side filled with the match's
    captures."""
    other = "zh" if match.lang == "ru" else "ru"
    tpl = dict(rule.expect).get(other)
    if tpl is None:
        return None
    values = {n: CaptureValue(v, match.lang, rules) for n, v in match.groups}
    return render(tpl, values)


def message_for(finding: Finding, rules: RuleSet | None) -> tuple[str, str | None]:
    """(message, expected text) of a finding."""
    rule, m = finding.rule, finding.match
    side = LANG_NAME[m.lang]
    other = LANG_NAME["zh" if m.lang == "ru" else "ru"]
    expected = expected_text(rule, m, rules)
    if rule.message is not None:
        values: dict[str, Any] = {n: CaptureValue(v, m.lang, rules) for n, v in m.groups}
        values.update(
            found=m.text,
            side=side,
            other=other,
            rule=rule.id,
            description=rule.description,
            expected=expected or "",
            counterpart=finding.near.text if finding.near else "",
        )
        return render(rule.message, values), expected
    if not rule.paired:
        msg = f"{side} '{m.text}' is not allowed"
        if rule.description:
            msg += f": {rule.description}"
        return msg + f" [{rule.id}]", expected
    msg = f"{side} '{m.text}' has no counterpart in {other}"
    notes = []
    if finding.near is not None and finding.differ:
        mine, theirs = dict(m.keys), dict(finding.near.keys)
        parts = []
        for n in finding.differ:
            if finding.near.group(n) == finding.near.text and m.group(n) == m.text:
                continue  # the capture is the whole match: nothing to add
            parts.append(
                f"{n} = {_shown(rule.kind_of(n), theirs[n], finding.near.group(n))},"
                f" not {_shown(rule.kind_of(n), mine[n], m.group(n))}"
            )
        found = f"found '{finding.near.text}'"
        notes.append(f"{found} with {', '.join(parts)}" if parts else found)
    if expected:
        notes.append(f"expected {expected}")
    if notes:
        msg += f" ({'; '.join(notes)})"
    elif rule.description:
        msg += f": {rule.description}"
    return msg + f" [{rule.id}]", expected


def _shown(kind: str, key: Any, raw: str | None) -> str:
    if kind == "number" and isinstance(key, Fraction):
        return _fmt_number(key)
    return raw or ""
