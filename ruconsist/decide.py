"""Deciding: which findings are reported, and at what severity.

Every finding passes through here between the checks and the
formatters, in this order:

1. the profile (``--profile mt`` turns some warnings into errors), and
   the Chinese of findings on a Traditional file in its own script;
2. selection (``select``/``ignore`` and their ``extend-`` forms, flake8
   semantics: the longer matching prefix wins, a tie ignores),
   ``per-path-ignores`` and per-code severities of the configuration;
3. duplicates dropped, inline directives applied (:mod:`ruconsist.suppress`);
4. for the command line (:class:`ReportFilter`): the pairs to lint
   (each once; with ``--changed-since``, those with a changed file),
   the style findings of a table's shared ZH column shown once, the
   findings ``--changed-since`` keeps, and the baseline (``--baseline``,
   ``--write-baseline``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ruconsist.config import Config, selected_codes
from ruconsist.diagnostic import Diagnostic, Fix

if TYPE_CHECKING:
    from ruconsist.baseline import Baseline
    from ruconsist.context import PairContext
    from ruconsist.document import Document
    from ruconsist.formatters.base import Summary
    from ruconsist.gitdiff import Changes
    from ruconsist.pairing import FilePair
    from ruconsist.result import PairResult


class Decider:
    """Selection, severities, duplicates and inline directives for one
    run; remembers the directives of every pair for the run-level
    findings."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.run_directives: dict[str, Any] = {}

    def selected(self, code: str) -> bool:
        cfg = self.config
        select = list(cfg.select or ("ALL",)) + list(cfg.extend_select)
        ignore = list(cfg.ignore) + list(cfg.extend_ignore)
        # flake8 semantics: the longer matching prefix wins; a tie ignores.
        sel = selected_codes(select, code)
        ign = selected_codes(ignore, code)
        return sel >= 0 and (ign < 0 or sel > ign)

    def decide(self, diag: Diagnostic) -> Diagnostic | None:
        """``diag`` at its configured severity, or None when it is not
        reported (not selected, or ignored for its path)."""
        if not self.selected(diag.code):
            return None
        for glob, codes in self.config.per_path_ignores:
            if any(self.config.path_matches(loc.path, glob) for loc in diag.locations):
                if selected_codes(codes, diag.code) >= 0:
                    return None
        best = -1
        sev = None
        for prefix, level in self.config.severity:
            if diag.code.startswith(prefix) and len(prefix) > best:
                best, sev = len(prefix), level
        if sev is not None and sev != diag.severity:
            diag = replace(diag, severity=sev)
        return diag

    def finish(self, diags: Iterable[Diagnostic], ctx: PairContext | None) -> list[Diagnostic]:
        """The findings of one pair (``ctx``) or of the run (``None``) as
        reported: profile, in the Chinese file's own script, decision, no
        duplicates, inline directives, sorted."""
        out = []
        seen = set()
        if ctx is not None and ctx.config.profile != "human":
            from ruconsist.profile import apply_profile

            diags = apply_profile(diags, ctx.config)
        region = getattr(ctx.zh_doc, "region", None) if ctx is not None else None
        if region is not None:
            diags = in_script_of(diags, region, ctx.zh_doc)  # type: ignore[union-attr]
        for d in diags:
            decided = self.decide(d)
            if decided is None:
                continue
            key = (decided.code, decided.location, decided.message)
            if key in seen:
                continue
            seen.add(key)
            out.append(decided)
        if ctx is not None:
            from ruconsist import suppress

            directives = ctx.state["directives"] = suppress.directives_for(ctx)
            self.run_directives.update(directives)
            out = suppress.apply(out, ctx, directives)
            # The directives were the last to need every segment.
            ctx.state.pop("raw_beads", None)
        out.sort(key=Diagnostic.sort_key)
        return out

    def finish_run(self, diags: Iterable[Diagnostic]) -> list[Diagnostic]:
        """Findings of the run-level checks, less those an inline
        directive disables where they point (either file)."""
        out = self.finish(diags, None)
        if self.run_directives:
            from ruconsist import suppress

            out = [d for d in out if not suppress.is_suppressed(d, self.run_directives, {})]
        return out


def in_script_of(diags: Iterable[Diagnostic], region: str, doc: Document) -> list[Diagnostic]:
    """Findings on a Traditional file with their Chinese (the packs'
    forms, the text found, a fix's replacement) in the region's own
    characters: the file was checked in Simplified, its editor reads and
    writes 紐西蘭."""
    import dataclasses

    from ruconsist.lang.han import HAN_CHAR
    from ruconsist.lang.script import to_simplified, to_traditional

    def conv(text: str | None) -> str | None:
        return to_traditional(text, region) if text and HAN_CHAR.search(text) else text

    def rewrite(fix: Fix) -> Fix:
        # The replacement keeps the file's own characters wherever it
        # keeps the text it replaces (a quotation whose marks change).
        import difflib

        original = doc.text[fix.start : fix.end]
        simple = to_simplified(original, region)
        kept = []
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, simple, fix.replacement, autojunk=False).get_opcodes():
            kept.append(original[a1:a2] if op == "equal" else conv(fix.replacement[b1:b2]) or "")
        return dataclasses.replace(fix, replacement="".join(kept))

    out = []
    for d in diags:
        fix = d.fix
        if fix is not None and fix.path == doc.path:
            fix = rewrite(fix)
        out.append(dataclasses.replace(d, message=conv(d.message) or "", expected=conv(d.expected), found=conv(d.found), fix=fix))
    return out


def changed_only(
    diags: Iterable[Diagnostic], result: PairResult | None, changes: Changes | None, summary: Summary
) -> list[Diagnostic]:
    """The findings ``--changed-since`` keeps: those whose segment changed on
    either side (or, without a segment, whose own lines changed)."""
    if changes is None:
        return list(diags)
    beads = {b.id: b for b in (result.beads if result is not None else ())}
    kept = []
    for d in diags:
        spans = [d.location]
        bead = beads.get(d.segment) if d.segment else None
        if bead is not None:
            spans += [side.span() for side in (bead.ru, bead.zh) if side]
        elif d.counterpart is not None:
            spans.append(d.counterpart)
        whole_file = bead is None and d.location.line == d.location.end_line == 1 and d.location.column == d.location.end_column
        if whole_file and changes.file_changed(d.location.path):
            kept.append(d)
        elif any(changes.touches(s.path, s.line, s.end_line) for s in spans):
            kept.append(d)
        else:
            summary.outside_diff += 1
    return kept


class SharedCells:
    """A table checked column by column shares its ZH column: a style
    finding in a ZH cell (a typography slip of the source) is the same
    for every RU column, and is shown with the first one only."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, object, str]] = set()

    def first_time(self, diags: list[Diagnostic], pair: Any) -> list[Diagnostic]:
        kept = []
        for d in diags:
            if d.location.cell is not None and d.location.lang == "zh" and d.category == "style":
                key = (d.code, (d.location.path, d.location.line, d.location.column), d.message)
                if key in self.seen:
                    continue
                self.seen.add(key)
            kept.append(d)
        return kept


class ReportFilter:
    """What the command line does to the pairs it lints and to the
    findings of each pair before the formatters see them: a table's
    shared ZH column once, ``--changed-since``, then recording for
    ``--write-baseline``, then ``--baseline``; counts what it drops in
    ``summary``."""

    def __init__(
        self,
        summary: Summary,
        changes: Changes | None = None,
        baseline: Baseline | None = None,
        baseline_fingerprints: Any = None,
        record_fingerprints: Any = None,
    ) -> None:
        self.summary = summary
        self.changes = changes
        self.baseline = baseline
        self.baseline_fingerprints = baseline_fingerprints
        self.record_fingerprints = record_fingerprints
        #: Baseline entries of every finding seen (``--write-baseline``).
        self.recorded: list[Any] = []
        self.shared_cells = SharedCells()

    def pairs(self, pairs: Iterable[FilePair]) -> Iterator[FilePair]:
        """The pairs to lint: each once, and with ``--changed-since`` only
        those with a changed file."""
        seen = set()
        for pair in pairs:
            if pair.key in seen:
                continue
            seen.add(pair.key)
            if self.changes is not None and not any(self.changes.file_changed(p) for p in pair.paths):
                continue
            yield pair

    def apply(self, found: Iterable[Diagnostic], result: PairResult | None) -> list[Diagnostic]:
        if result is not None and result.pair.part is not None:
            found = self.shared_cells.first_time(list(found), result.pair)
        diags = changed_only(found, result, self.changes, self.summary)
        if self.record_fingerprints is not None:
            from ruconsist.baseline import entry_for

            self.recorded.extend(entry_for(d, self.record_fingerprints) for d in diags)
        if self.baseline is not None and self.baseline_fingerprints is not None:
            before = len(diags)
            diags = self.baseline.filter(diags, self.baseline_fingerprints)
            self.summary.baselined += before - len(diags)
        return diags

    def finish(self, checked: Iterable[str]) -> None:
        """Count the baseline's entries for the ``checked`` files that no
        finding matched (fixed or changed since)."""
        if self.baseline is not None:
            from ruconsist.baseline import relative_to

            self.summary.baseline_gone = self.baseline.gone(relative_to(p, self.baseline.root) for p in checked)
