"""Human-readable output.

``text`` (the default) shows each finding the way rustc and ruff do: a
header line with the location, code, severity and message, then the RU
line and the ZH line of the aligned text with the spans underlined (the
primary span with ``^``, its counterpart with ``-``), then a hint with the
expected form or the safe fix::

    a.ru.md:3:1: TRM001 [error] RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)
      RU 3 | Лавров встретился с Ван И.
           | ^^^^^^
      ZH 3 | 外长会见了王毅。
           | ----------------
      = expected: 谢尔盖·拉夫罗夫

Style findings of one code in one file are shown in full a few times,
then folded into one line, so that a file written with ASCII commas
throughout does not bury the real errors.  The last line sums up the
run: pairs checked, errors and warnings by category, style warnings by
code.

``parsable`` prints one ``path:line:col: [severity] CODE message`` line
per finding for editors, grep and pre-commit.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections import Counter, defaultdict
from typing import IO, TYPE_CHECKING, Any

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.fix import is_safe
from ruconsist.formatters.base import Formatter, Summary, systems_table
from ruconsist.lang import LANG_NAME as LANG_LABEL

if TYPE_CHECKING:
    from ruconsist.result import PairResult

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
BLUE, GREEN = "\033[34m", "\033[32m"

#: Findings of this category are folded after a few per code and file.
FOLDED_CATEGORY = "style"
#: The documents of pairs already shown are kept, for run-level findings
#: that point into any file of the run (CON001), up to this many
#: characters; past it such a finding's line is read from disk again, so
#: that a corpus of large files is not held to the end of the run.
KEEP_CHARS = 2_000_000


class ParsableFormatter(Formatter):
    """One line per finding: ``path:line:col: [severity] CODE message``,
    for editors, grep and pre-commit."""

    name = "parsable"

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        for d in diagnostics:
            loc = d.location
            self.stream.write(f"{loc.path}:{loc.line}:{loc.column}: [{d.severity.label}] {d.code} {d.message}\n")


# ---------------------------------------------------------------------------
# Display width


def char_width(ch: str) -> int:
    """Terminal columns of one character: East Asian wide and full-width
    characters take two, combining marks and zero-width characters none.
    Ambiguous-width characters (Cyrillic among them) take one, as in
    every Western terminal."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def _printable(text: str) -> str:
    """One display line: tabs and other control characters as one space
    each, so that columns keep counting characters."""
    return "".join(" " if (c < " " or c == "\x7f") else c for c in text)


def excerpt(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut ``line`` to at most ``width`` columns around ``line[start:end]``.

    Returns the shown text and the span's start and end *in display
    columns* of that text.  Elided parts are marked with ``…``; the span
    is placed a little right of the left edge so its context shows.
    """
    line = _printable(line)
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    widths = [char_width(c) for c in line]
    if sum(widths) <= width:
        a = sum(widths[:start])
        return line, a, a + sum(widths[start:end])
    # Some context before the span: at most a third of the room.
    left, used = start, 0
    budget = min(width // 3, max(0, width - 2 - sum(widths[start:end])))
    while left > 0 and used + widths[left - 1] <= budget:
        left -= 1
        used += widths[left]
    room = width - (1 if left > 0 else 0)
    right, used = left, 0
    while right < len(line) and used + widths[right] <= room - 1:
        used += widths[right]
        right += 1
    if right == len(line) - 1 and used + widths[right] <= room:
        used += widths[right]
        right += 1
    if right == len(line):
        # The rest of the line fits: give the spare room to the left.
        while left > 0 and used + widths[left - 1] + 1 <= width:
            left -= 1
            used += widths[left]
        if left == 1 and used + widths[0] <= width:
            left, used = 0, used + widths[0]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    a = len(prefix) + sum(widths[left:start])
    b = a + sum(widths[start:min(end, right)])
    if end > right:
        b = text_width(shown)
    return shown, a, b


# ---------------------------------------------------------------------------
# The default formatter


class TextFormatter(Formatter):
    """Each finding with the RU and ZH lines it concerns, the spans
    underlined, and a hint; a summary line at the end."""

    name = "text"
    wants_context = True
    #: Style findings shown in full per code and file before folding.
    style_shown = 3
    #: A counterpart wider than this (in columns) is a whole sentence:
    #: shown, not underlined.
    counterpart_underline = 40

    def __init__(self, stream: IO[str], color: bool = False, width: int | None = None) -> None:
        super().__init__(stream, color)
        if width is None:
            width = shutil.get_terminal_size((100, 24)).columns if _isatty(stream) else 100
        self.width = max(60, width)
        self.docs: dict[str, Any] = {}
        self._kept_chars = 0
        self._disk: Any = None
        self.fixable = 0
        self.style_codes: Counter[str] = Counter()
        self.style_hidden: Counter[str] = Counter()

    # Colour ----------------------------------------------------------

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color and text else text

    # Input -----------------------------------------------------------

    def _remember(self, result: PairResult | None) -> None:
        ctx = getattr(result, "context", None)
        if ctx is None:
            return
        for doc in (ctx.ru_doc, ctx.zh_doc):
            old = self.docs.pop(doc.path, None)
            if old is not None:
                self._kept_chars -= len(old.text)
            self.docs[doc.path] = doc
            self._kept_chars += len(doc.text)

    def _let_go(self) -> None:
        """Keep the documents shown last within :data:`KEEP_CHARS`; the
        pair just shown goes too if it alone is larger, rather than be
        held while the next pair is read."""
        while self._kept_chars > KEEP_CHARS and self.docs:
            oldest = next(iter(self.docs))
            self._kept_chars -= len(self.docs.pop(oldest).text)

    def _document(self, path: str) -> Any:
        doc = self.docs.get(path)
        if doc is None:
            if self._disk is None:
                from ruconsist.baseline import Sources

                # Run-level findings come sorted by path: the files of
                # one pair at a time.
                self._disk = Sources(keep=2)
            doc = self._disk.document(path)
        return doc

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        self._remember(result)
        folded: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
        # Errors first, each group in file order: an editor reads what
        # must be fixed before the warnings (machine formats keep order).
        for d in sorted(diagnostics, key=lambda d: d.severity != Severity.ERROR):
            if is_safe(d):
                self.fixable += 1
            if d.category == FOLDED_CATEGORY:
                self.style_codes[d.code] += 1
                key = (d.location.path, d.code)
                folded[key].append(d)
                if len(folded[key]) > self.style_shown:
                    continue
            self.stream.write(self.render(d))
        for (path, code), items in folded.items():
            rest = items[self.style_shown :]
            if not rest:
                continue
            self.style_hidden[code] += len(rest)
            numbers = list(dict.fromkeys(d.location.line for d in rest))
            lines = ", ".join(str(n) for n in numbers[:12])
            if len(numbers) > 12:
                lines += ", …"
            note = f"... {len(rest)} more {code} in {path} (lines {lines}); --format parsable lists them all"
            self.stream.write(self._c(DIM, note) + "\n")
        self._let_go()

    # One finding -----------------------------------------------------

    def render(self, d: Diagnostic) -> str:
        loc = d.location
        sev = self._c(COLORS[d.severity], d.severity.label)
        out = [f"{self._c(BOLD, loc.short())}: {self._c(BOLD, d.code)} [{sev}] {d.message}"]
        spans = {loc.lang: (loc, True)}
        if d.counterpart is not None and d.counterpart.lang not in spans:
            spans[d.counterpart.lang] = (d.counterpart, False)
        rows = []
        for lang in ("ru", "zh"):
            if lang in spans:
                span, primary = spans[lang]
                row = self._snippet(span, primary, d.severity)
                if row is not None:
                    rows.append((lang, span, primary, row))
        if rows:
            gutter = max(len(str(span.line)) for _, span, _, _ in rows)
            paths = {span.path for _, span, _, _ in rows}
            # In a table, which column (MT system) each row shows.
            labels = {
                lang: LANG_LABEL.get(lang, lang.upper()) + (f" [{span.cell[1]}]" if span.cell is not None else "")
                for lang, span, _, _ in rows
            }
            width = max(len(x) for x in labels.values())
            for lang, span, primary, (text, a, b, more) in rows:
                head = f"  {labels[lang]:<{width}} {span.line:>{gutter}} | "
                pad = " " * (len(head) - 2) + "| "
                out.append(self._c(BLUE, head) + text)
                if not primary and b - a > self.counterpart_underline:
                    # A whole counterpart sentence: the row itself shows it.
                    continue
                mark = "^" if primary else "-"
                under = " " * a + mark * max(1, b - a)
                label = f" (to line {span.end_line})" if more else ""
                if not primary and len(paths) > 1:
                    label += f" {span.short()}"
                colour = COLORS[d.severity] if primary else BLUE
                out.append(self._c(BLUE, pad) + self._c(colour, under) + self._c(DIM, label))
        hint = self._hint(d)
        if hint:
            out.append(f"  {self._c(BLUE, '=')} {hint}")
        return "\n".join(out) + "\n"

    def _snippet(self, span: Location, primary: bool, severity: Severity) -> tuple[str, int, int, bool] | None:
        doc = self._document(span.path)
        if doc is None or span.line > doc.line_count:
            return None
        line = doc.line_text(span.line)
        start = span.column - 1
        more = span.end_line > span.line
        end = len(line) if more else span.end_column - 1
        text_room = self.width - 10
        shown, a, b = excerpt(line, start, end, text_room)
        if end <= start and not shown.strip():
            return None
        return shown, a, b, more

    def _hint(self, d: Diagnostic) -> str:
        if d.fix is not None:
            doc = self._document(d.fix.path)
            old = doc.text[d.fix.start : d.fix.end] if doc is not None else (d.found or "")
            if is_safe(d):
                return f"{self._c(GREEN, 'fix')}: {describe_fix(old, d.fix.replacement)} (safe: --fix applies it)"
            return f"{self._c(GREEN, 'suggestion')}: {describe_fix(old, d.fix.replacement)} (check it: --fix leaves it)"
        if d.expected:
            return f"{self._c(GREEN, 'expected')}: {d.expected}"
        return ""

    # Summary ---------------------------------------------------------

    def finish(self, summary: Summary) -> None:
        for line in systems_table(summary):
            self.stream.write(line + "\n")
        self.stream.write(summary_line(summary, self.style_codes, self.fixable) + "\n")


def _short(text: str, limit: int = 30) -> str:
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[-half:]


def describe_fix(old: str, new: str) -> str:
    """A fix in a few words: only the characters it changes (``'"' with
    '«', '"' with '»'`` for a quoted paragraph), long texts elided."""
    if not old:
        return f"insert '{_short(new)}'"
    if len(old) <= 30 and len(new) <= 30:
        return f"replace '{old}' with '{new}'"
    import difflib

    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if 0 < len(ops) <= 3:
        parts = []
        for tag, a, b, c, e in ops:
            if tag == "insert":
                parts.append(f"insert '{_short(new[c:e])}'")
            elif tag == "delete":
                parts.append(f"delete '{_short(old[a:b])}'")
            else:
                parts.append(f"'{_short(old[a:b])}' with '{_short(new[c:e])}'")
        text = ", ".join(parts)
        return text if text.startswith(("insert", "delete")) else "replace " + text
    return f"replace '{_short(old)}' with '{_short(new)}'"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(summary: Summary, style_codes: Counter[str] | None = None, fixable: int = 0) -> str:
    """``3 pairs checked: 2 errors (name 1, title 1), 40 warnings (term 2;
    style: PUN001 37, PUN003 1)``: errors and warnings by category, style
    findings by code."""
    line = f"{_plural(summary.pairs, 'pair')} checked: "
    parts = []
    for label, count in (("error", summary.errors), ("warning", summary.warnings), ("info", summary.infos)):
        if label == "info" and not count:
            continue
        text = _plural(count, label)
        cats = sorted(
            (cat, n) for (cat, sev), n in summary.by_category.items() if sev == label and cat != FOLDED_CATEGORY
        )
        detail = ", ".join(f"{cat} {n}" for cat, n in cats)
        style = summary.by_category.get((FOLDED_CATEGORY, label), 0)
        if style:
            codes = ", ".join(f"{c} {n}" for c, n in sorted((style_codes or Counter()).items()))
            style_text = f"style: {codes}" if codes else f"style {style}"
            detail = f"{detail}; {style_text}" if detail else style_text
        if detail:
            text += f" ({detail})"
        parts.append(text)
    line += ", ".join(parts)
    if summary.fixed:
        line += f"; {summary.fixed} fixed"
    if fixable:
        line += f"; {fixable} fixable with --fix"
    bugs = sum(1 for e in summary.input_errors if getattr(e, "stage", None))
    if len(summary.input_errors) > bugs:
        line += f"; {_plural(len(summary.input_errors) - bugs, 'file')} could not be read"
    if bugs:
        line += f"; {_plural(bugs, 'pair')} not checked (internal error)"
    return line


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def use_color(stream: IO[str], choice: str = "auto") -> bool:
    """Colour when asked, or in ``auto`` mode when the stream is a
    terminal and ``NO_COLOR`` is unset (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    return _isatty(stream) and not os.environ.get("NO_COLOR")
