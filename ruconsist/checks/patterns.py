"""House rules written as paired RU/ZH patterns in the rule packs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.patterns import (
    DEFAULT_CODE,
    TIMEOUT_CODE,
    PatternRule,
    PatternTimeout,
    message_for,
    path_allowed,
    prefilter,
    run_rule,
    sources_admit,
)
from ruconsist.patterns import rule_codes as _rule_codes

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet


class PatternRuleCheck(Check):
    """The ``patterns:`` rules of the rule packs: a Russian and a Chinese
    regular expression whose matches must answer each other within an
    aligned segment, such as "every ``ст. N`` comes out as ``第N条``" or
    "a treaty title in « » comes out in 《》".

    Named groups present in both patterns are compared: as text, as a
    number (``ст. 5`` answers ``第五条``, ``XX съезд`` answers ``二十大``)
    or as a term of the packs.  Each match on the rule's source side
    (``direction``: ru->zh, zh->ru or both) needs a counterpart of its own
    (``count: each``) or any counterpart (``count: any``); a rule with one
    pattern only reports every match.  ``scope`` limits a rule to titles
    or to body text, ``paths`` to files matching a glob.  The finding
    names the rule, the text found, the expected form (the rule's
    ``expect`` template) and, when there is one, the nearest unanswered
    match on the other side with the captures that differ.  A rule may
    set its own code, severity, category and message; see
    ``docs/rules.md`` for the format.  A pattern stopped by its timeout
    is PAT002.

    Examples (shipped rules of ``rules/house.yaml``)
      PASS  RU «согласно ст. 5 Устава»          ZH «根据《宪章》第五条»
      PASS  RU «на XX съезде КПК»                ZH «在中共二十大上»
      PASS  RU «проект «Сила Сибири — 2»»        ZH «“西伯利亚力量-2”项目»
      FAIL  RU «согласно ст. 5 Устава»          ZH «根据《宪章》第六条»   -> PAT001
      FAIL  RU «третий пленум ЦК КПК»           ZH «四中全会»           -> PAT001
      FAIL  RU «проект «Сила Сибири — 2»»        ZH «“西伯利亚力量”项目» -> PAT001
    """

    code = DEFAULT_CODE
    slug = "pattern-rule"
    category = "style"
    severity = Severity.WARNING
    extra_codes = {
        TIMEOUT_CODE: ("pattern-timeout", "style", Severity.ERROR),
    }
    code_docs = {
        TIMEOUT_CODE: """
        A pattern rule whose search took longer than its ``timeout``
        (0.5 s by default) on one segment: a regular expression that
        backtracks without bound on some text, such as ``(а|аа)+$`` on a
        long run of ``а``.  Reported once per rule, naming the pack file
        and line, and the rule is switched off for the rest of the run so
        that the run ends; the other rules go on.  An error: the rule
        checked nothing from there on.  Rewrite the pattern without
        nested repetition, or raise its ``timeout`` (at most 10 s).

        A rule whose every search stays just under its timeout is
        stopped the same way once it has spent its budget for the run:
        twice its timeout plus 1 s of CPU a million characters of text
        (an ordinary pattern needs a tenth of that), so that no pattern
        can make a run grow with segments times timeout.

        Examples (with the rule in brackets)
          PASS  RU «Слово ааааа конец.»   ZH «单词结束。»   (ru pattern '(а|аа)+$' timeout 0.05)
          FAIL  RU «Слово аааааааааааааааааааааааааааааааааааааааааааааааааааааааааааа конец.»   ZH «单词结束。»   (ru pattern '(а|аа)+$' timeout 0.05)   -> PAT002
        """,
    }

    @classmethod
    def explain(cls, code: str, rules: RuleSet | None = None) -> str:
        """PAT001 and PAT002 are documented here; a code a rule pack
        defines gets a page made of its rules' descriptions and
        examples."""
        if code in (DEFAULT_CODE, TIMEOUT_CODE) or rules is None:
            return super().explain(code, rules)
        from ruconsist.patterns import effective_patterns

        lines = [f"Findings of the pattern rules of the loaded rule packs that report {code}:", ""]
        examples = []
        for rule in effective_patterns(rules):
            if rule.code != code:
                continue
            lines.append(f"  {rule.id}: {rule.description or '(no description)'}")
            for ex in rule.examples:
                verdict = "PASS" if ex.expect_pass else "FAIL"
                tail = "" if ex.expect_pass else f"   -> {code}"
                examples.append(f"  {verdict}  RU «{ex.ru}»   ZH «{ex.zh}»{tail}")
        lines += ["", "The rule format is documented in docs/rules.md (patterns)."]
        if examples:
            lines += ["", "Examples (from the packs)", *examples]
        return "\n".join(lines)

    @classmethod
    def rule_codes(cls, rules: RuleSet) -> dict[str, tuple[str, str, Severity]]:
        """Codes the loaded pattern rules report besides PAT001: the
        engine should count the check as selected when one of these is."""
        return {
            code: (cls.slug, rule.category, rule.severity or cls.severity)
            for code, rule in _rule_codes(rules).items()
            if code != DEFAULT_CODE
        }

    def __init__(self, rules: RuleSet, config) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rules, config)
        #: Rules stopped by their timeout or their run budget: switched
        #: off for the run.
        self.timed_out: set[str] = set()
        #: rule id -> [CPU seconds spent, characters searched] in this run.
        self.spent: dict[str, list[float]] = {}

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh:
            return
        paths = (ctx.ru_doc.path, ctx.zh_doc.path)
        texts = {"ru": bead.ru.text, "zh": bead.zh.text}
        kinds = {
            "ru": lambda i: bead.ru.segment_at(i).kind,
            "zh": lambda i: bead.zh.segment_at(i).kind,
        }
        for rule in prefilter(ctx.rules).admitted(texts):
            if rule.id in self.timed_out:
                continue
            if rule.paths and not any(path_allowed(rule, p) for p in paths):
                continue
            if not sources_admit(rule, texts):
                continue  # the usual case: not searched, nothing spent
            began = time.thread_time()
            try:
                findings = run_rule(rule, texts, ctx.rules, kinds, admitted=True)
            except PatternTimeout as exc:
                self.timed_out.add(rule.id)
                yield self._timeout(bead, exc)
                continue
            spent = self.spent.setdefault(rule.id, [0.0, 0])
            spent[0] += time.thread_time() - began
            spent[1] += len(texts["ru"]) + len(texts["zh"])
            for finding in findings:
                yield self._finding(bead, rule, finding, ctx)
            if spent[0] > run_budget(rule, int(spent[1])):
                self.timed_out.add(rule.id)
                yield self._over_budget(bead, rule, spent[0], int(spent[1]))

    def _finding(self, bead: SegmentPair, rule: PatternRule, finding, ctx: PairContext) -> Diagnostic:  # type: ignore[no-untyped-def]
        m = finding.match
        message, expected = message_for(finding, ctx.rules)
        counterpart = True
        if finding.near is not None:
            near = finding.near
            counterpart = bead.side(near.lang).location(near.start, near.end)
        diag = self.report(
            bead,
            m.lang,
            m.start,
            m.end,
            message,
            category=rule.category,
            severity=rule.severity,
            rule=rule.id,
            expected=expected,
            found=m.text,
            counterpart=counterpart,
        )
        if rule.code != DEFAULT_CODE:
            diag = replace(diag, code=rule.code)
        return diag

    def _timeout(self, bead: SegmentPair, exc: PatternTimeout) -> Diagnostic:
        rule, lang = exc.rule, exc.lang
        return self._switched_off(
            bead, rule, lang,
            f"pattern rule '{rule.id}' ({rule.where(lang)}) took more than"
            f" {rule.timeout:g} s on this {LANG_NAME[lang]} text and is switched off"
            f" for the rest of the run: simplify its {lang} pattern (nested"
            " repetition such as (a+)+ or (a|aa)* backtracks without end)",
        )

    def _over_budget(self, bead: SegmentPair, rule: PatternRule, seconds: float, chars: int) -> Diagnostic:
        return self._switched_off(
            bead, rule, "ru" if rule.ru is not None else "zh",
            f"pattern rule '{rule.id}' ({rule.where()}) has taken {seconds:.1f} s of CPU"
            f" on {chars} characters so far, more than its budget for the run"
            f" (twice its timeout, plus {BUDGET_PER_MILLION:g} s a million characters),"
            " and is switched off for the rest of the run: each search stays under its"
            " timeout but backtracks; simplify the pattern (nested repetition such as"
            " (a+)+ or (a|aa)*)",
        )

    def _switched_off(self, bead: SegmentPair, rule: PatternRule, lang: str, message: str) -> Diagnostic:
        """PAT002 over the whole segment of ``lang``."""
        seg = bead.side(lang).segments[0]
        return self.report(
            bead, lang, 0, max(1, len(seg.text)), message,
            code=TIMEOUT_CODE, rule=rule.id, counterpart=bead.side(other(lang)).span(),
        )


#: CPU seconds a rule may spend per million characters of text it searched
#: (its gate admitted), on top of twice its timeout: an ordinary pattern needs a tenth
#: of this.
BUDGET_PER_MILLION = 1.0


def run_budget(rule: PatternRule, chars: int) -> float:
    """The CPU seconds a rule may spend in one run over ``chars``
    characters: the per-search ``timeout`` bounds one segment, but a
    pattern that takes just under it on every segment would make the run
    grow with segments times timeout (three such rules over twenty
    paragraphs took over a minute)."""
    return 2 * rule.timeout + BUDGET_PER_MILLION * chars / 1_000_000


CHECKS = [PatternRuleCheck]
