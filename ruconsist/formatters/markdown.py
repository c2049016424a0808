"""``--format markdown``: a summary a person reads in the browser, for a
GitHub job summary (``$GITHUB_STEP_SUMMARY``) or a GitLab merge-request
note.

It has, in this order:

* a heading with the totals (``2 errors, 5 warnings in 3 pairs``) and
  what was left out (outside the changed segments, in the baseline);
* errors and warnings by category;
* a table of findings by file and code, errors first, each code linked
  to its ``explain`` page;
* the first findings (errors before warnings) with both sides quoted:
  the line of the flagged text with the span in bold, and the aligned
  line of the other language with its counterpart in bold.

Everything taken from the checked files is escaped, so a ``|``, a
``<script>`` or a ``**`` in a translation shows as written.  When the
run knows the repository and commit (``GITHUB_SERVER_URL``,
``GITHUB_REPOSITORY`` and ``GITHUB_SHA`` in GitHub Actions;
``CI_PROJECT_URL`` and ``CI_COMMIT_SHA`` in GitLab CI), locations link
to the lines they name.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote as quote_url

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.formatters.base import Formatter, Summary, explain_url
from ruconsist.lang import LANG_NAME

if TYPE_CHECKING:
    from ruconsist.result import PairResult

#: Characters that make Markdown inside a line or a table cell: emphasis,
#: code, links, cell borders, strike-through, GitHub's ``$`` math, and
#: the ``@name``, ``#12`` and ``!12`` references a merge-request note
#: would turn into mentions and links.
MARKDOWN_SPECIAL = set("\\`*_[]|~$@#!")


def escape(text: str) -> str:
    """Text shown as written in Markdown (GitHub and GitLab flavours):
    HTML escaped, inline Markdown punctuation backslash-escaped, line
    breaks as spaces.  (The text never starts a line, so block syntax
    such as ``#`` headings and ``-`` lists cannot apply.)"""
    text = " ".join(text.splitlines())
    out = []
    for ch in html.escape(text, quote=False):
        out.append("\\" + ch if ch in MARKDOWN_SPECIAL else ch)
    return "".join(out)


def _cut(line: str, start: int, end: int, context: int) -> tuple[str, str, str]:
    """``line[:start]``, ``line[start:end]`` and ``line[end:]``, each of
    the outer two cut to ``context`` characters next to the span, and a
    span longer than three times that cut in its middle."""
    before, span, after = line[:start], line[start:end], line[end:]
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    if len(span) > 3 * context:
        half = (3 * context) // 2
        span = span[:half] + "…" + span[-half:]
    return before, span, after


def quote(line: str, start: int, end: int, context: int = 60) -> str:
    """A line with ``line[start:end]`` in bold, escaped for Markdown."""
    before, span, after = _cut(line, start, end, context)
    if not span.strip():
        return escape(before + span + after)
    return f"{escape(before)}<b>{escape(span)}</b>{escape(after)}"


def blob_base() -> str | None:
    """The URL prefix of files at the checked commit, when the CI
    environment names them."""
    env = os.environ
    if env.get("GITHUB_REPOSITORY") and env.get("GITHUB_SHA"):
        server = env.get("GITHUB_SERVER_URL") or "https://github.com"
        return f"{server}/{env['GITHUB_REPOSITORY']}/blob/{env['GITHUB_SHA']}/"
    if env.get("CI_PROJECT_URL") and env.get("CI_COMMIT_SHA"):
        return f"{env['CI_PROJECT_URL']}/-/blob/{env['CI_COMMIT_SHA']}/"
    return None


@dataclass(frozen=True)
class Shown:
    """One of the first findings, rendered while its documents are at
    hand."""

    severity: Severity
    order: int
    text: str


class MarkdownFormatter(Formatter):
    """A Markdown summary: totals, a table by file and code, the first
    findings with both sides quoted."""

    name = "markdown"
    wants_context = True
    #: Findings quoted in full.
    shown = 20
    #: Rows of the table by file and code.
    table_rows = 50

    def begin(self) -> None:
        from ruconsist.baseline import Sources

        self.sources = Sources(keep=4)
        self.by_file_code: Counter[tuple[str, str, str]] = Counter()
        self.severity_of: dict[tuple[str, str, str], Severity] = {}
        self.first: list[Shown] = []
        self.seen = 0
        self.blob = blob_base()

    # Rendering one finding --------------------------------------------

    def _code(self, code: str) -> str:
        """The code, linked to its documentation when it has a page."""
        url = explain_url(code, self.run.codes)
        return f"[{code}]({url})" if url else code

    def _where(self, loc: Location) -> str:
        label = escape(f"{loc.path}:{loc.line}")
        if self.blob and not os.path.isabs(loc.path) and not loc.path.startswith(".."):
            lines = f"L{loc.line}" + (f"-L{loc.end_line}" if loc.end_line != loc.line else "")
            return f"[{label}]({self.blob}{quote_url(loc.path.replace(os.sep, '/'))}#{lines})"
        return label

    def _quoted(self, loc: Location) -> str | None:
        doc = self.sources.document(loc.path)
        if doc is None or not 1 <= loc.line <= doc.line_count:
            return None
        line = doc.line_text(loc.line)
        start = loc.column - 1
        end = len(line) if loc.end_line > loc.line else loc.end_column - 1
        return quote(line, max(0, start), max(start, end))

    def _render(self, d: Diagnostic) -> str:
        """The finding after its number: a line with its severity, code
        and message, then a table of the quoted lines."""
        head = f"**{d.severity.label}** {self._code(d.code)} {escape(d.slug)}: {escape(d.message)}"
        rows = []
        for loc in d.locations:
            text = self._quoted(loc)
            if text is None:
                continue
            rows.append(f"| {LANG_NAME.get(loc.lang, loc.lang.upper())} | {self._where(loc)} | {text} |")
        if not rows:
            return head + "\n"
        return head + "\n\n| | | |\n|---|---|---|\n" + "\n".join(rows) + "\n"

    # Input ----------------------------------------------------------------

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        ctx = getattr(result, "context", None)
        self.sources.use((ctx.ru_doc, ctx.zh_doc) if ctx is not None else ())
        for d in diagnostics:
            key = (d.location.path, d.code, d.slug)
            self.by_file_code[key] += 1
            self.severity_of[key] = max(self.severity_of.get(key, d.severity), d.severity)
            self.seen += 1
            # Keep the first errors; a warning is kept while there is room,
            # and gives way to a later error.
            if len(self.first) >= self.shown:
                weakest = min(self.first, key=lambda s: (s.severity, -s.order))
                if d.severity <= weakest.severity:
                    continue
                self.first.remove(weakest)
            self.first.append(Shown(d.severity, self.seen, self._render(d)))

    # Output ---------------------------------------------------------------

    def finish(self, summary: Summary) -> None:
        w = self.stream.write
        w(f"## ruconsist: {_totals(summary)}\n\n")
        left_out = []
        if summary.outside_diff:
            left_out.append(f"{_n(summary.outside_diff, 'finding')} outside the changed segments")
        if summary.baselined:
            left_out.append(f"{_n(summary.baselined, 'finding')} recorded in the baseline")
        if left_out:
            w(f"Not shown: {' and '.join(left_out)}.\n\n")
        if summary.input_errors:
            w(f"**{_n(len(summary.input_errors), 'file')} could not be read:**\n\n")
            for exc in summary.input_errors:
                w(f"* {escape(str(exc))}\n")
            w("\n")
        if not self.by_file_code:
            w("No findings.\n")
            return
        self._categories(summary)
        self._table()
        self._first()

    def _categories(self, summary: Summary) -> None:
        w = self.stream.write
        cats = sorted({cat for cat, _ in summary.by_category})
        has_info = any(sev == "info" for _, sev in summary.by_category)
        labels = ["error", "warning"] + (["info"] if has_info else [])
        w("| category | " + " | ".join(f"{label}s" for label in labels) + " |\n")
        w("|---|" + "---:|" * len(labels) + "\n")
        for cat in cats:
            counts = [summary.by_category.get((cat, label), 0) for label in labels]
            w(f"| {cat} | " + " | ".join(str(c) if c else "" for c in counts) + " |\n")
        w("\n")

    def _table(self) -> None:
        w = self.stream.write
        w("### Findings by file and code\n\n| file | code | severity | findings |\n|---|---|---|---:|\n")
        rows = sorted(
            self.by_file_code.items(), key=lambda kv: (-self.severity_of[kv[0]], kv[0][0], kv[0][1])
        )
        for (path, code, slug), count in rows[: self.table_rows]:
            sev = self.severity_of[(path, code, slug)].label
            w(f"| {escape(path)} | {self._code(code)} {escape(slug)} | {sev} | {count} |\n")
        rest = rows[self.table_rows :]
        if rest:
            w(f"| … {_n(len(rest), 'more row')} | | | {sum(c for _, c in rest)} |\n")
        w("\n")

    def _first(self) -> None:
        w = self.stream.write
        chosen = sorted(self.first, key=lambda s: (-s.severity, s.order))
        total = sum(self.by_file_code.values())
        heading = "Findings" if len(chosen) == total else f"First {len(chosen)} of {total} findings"
        w(f"### {heading}\n\n")
        for n, item in enumerate(chosen, start=1):
            w(f"**{n}.** {item.text}\n")


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _totals(summary: Summary) -> str:
    parts = [_n(summary.errors, "error"), _n(summary.warnings, "warning")]
    if summary.infos:
        parts.append(_n(summary.infos, "info"))
    return f"{', '.join(parts)} in {_n(summary.pairs, 'pair')}"
