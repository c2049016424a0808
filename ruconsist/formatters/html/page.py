"""The HTML report: aligned RU and ZH segments side by side.

One self-contained file (no network, no CDN): the segments of every file
pair in a two-column table, each recognised name, title, number and date
highlighted and linked to its counterpart (hovering one highlights the
other), the findings underlined in the text with their messages under
the segment, a filter by category and severity, and a summary table per
file pair.

The page stays light on large documents: the text is static HTML, one
listener on the document handles every hover and click (event
delegation), and filtering walks the findings once.  The filter state
lives in the URL fragment (``#sev=error&cat=name,title&only=1``), so a
filtered view can be linked to; ``hl=KEY`` highlights a mention and its
counterpart, ``focus=ID`` a finding.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ruconsist.diagnostic import CATEGORIES, Diagnostic, Location
from ruconsist.document import SegmentPair, Side

if TYPE_CHECKING:
    from ruconsist.context import PairContext
    from ruconsist.document import Document, Segment
    from ruconsist.result import PairResult

SEVERITIES = ("error", "warning", "info")
#: A counterpart span longer than this (characters) is a whole sentence:
#: it is not marked, the segment row shows it anyway.
MAX_COUNTERPART = 40


# ---------------------------------------------------------------------------
# Mapping file positions to segment text


class SideIndex:
    """File offsets of one side of a bead, to map a finding's location
    back into ``side.text``."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self.spans: list[tuple[int, int, int, Segment]] = []  # file start, file end, base, segment
        base = 0
        for seg in side.segments:
            if seg.text:
                self.spans.append((seg.file_offset(0), seg.file_offset(len(seg.text) - 1) + 1, base, seg))
            base += len(seg.text) + 1

    def contains(self, path: str, offset: int) -> bool:
        return any(seg.doc.path == path and a <= offset < max(b, a + 1) for a, b, _, seg in self.spans)

    def to_text(self, offset: int) -> int | None:
        for a, b, base, seg in self.spans:
            if a <= offset <= b:
                if seg.offsets is None:
                    return base + offset - seg.start
                i = bisect_right(list(seg.offsets), offset) - 1
                return base + max(0, i)
        return None


def _file_offset(loc: Location, doc: Document, end: bool = False) -> int:
    line, col = (loc.end_line, loc.end_column) if end else (loc.line, loc.column)
    line = min(max(1, line), doc.line_count)
    return doc.offset(line, col)


# ---------------------------------------------------------------------------
# Marks


@dataclass
class Mark:
    start: int
    end: int
    classes: tuple[str, ...]
    link: str | None = None
    finding: str | None = None
    title: str | None = None


@dataclass
class Row:
    bead: SegmentPair
    marks: dict[str, list[Mark]] = field(default_factory=lambda: {"ru": [], "zh": []})
    findings: list[tuple[str, Diagnostic]] = field(default_factory=list)
    _index: dict[str, SideIndex] = field(default_factory=dict)

    def index(self, lang: str) -> SideIndex:
        if lang not in self._index:
            self._index[lang] = SideIndex(self.bead.side(lang))
        return self._index[lang]


def _term_marks(row: Row, ctx: PairContext, n: int) -> None:
    from ruconsist.terms import FORBIDDEN, matcher_for

    bead = row.bead
    matcher = matcher_for(ctx.rules)
    mentions = {
        lang: bead.cached(("terms", lang), lambda lang=lang: matcher.find(bead.side(lang).text, lang))
        for lang in ("ru", "zh")
    }
    present = {lang: {t for m in mentions[lang] for t in m.terms} for lang in ("ru", "zh")}
    stand_ins: set[tuple[str, int, int]] = set()
    for lang, other in (("ru", "zh"), ("zh", "ru")):
        for m in mentions[lang]:
            term = ctx.rules.term(m.terms[0])
            linked = [t for t in m.terms if t in present[other]]
            if not linked and m.role != FORBIDDEN:
                # A stand-in the pack accepts (俄方 for Россия) is the counterpart.
                for t in m.terms:
                    got = matcher.accepted(t, other, bead.side(other).text, mentions[other])
                    if got is not None:
                        linked = [t]
                        if (other, got.start, got.end) not in stand_ins:
                            stand_ins.add((other, got.start, got.end))
                            row.marks[other].append(Mark(
                                got.start, got.end, ("m", f"k-{term.category}"),
                                link=f"r{n}t{_safe(t)}", title=f"{term.category}: {t} (stand-in)",
                            ))
                        break
            classes = ["m", f"k-{term.category}"]
            if m.role == FORBIDDEN:
                classes.append("forbidden")
            if not linked:
                classes.append("alone")
            row.marks[lang].append(Mark(
                m.start, m.end, tuple(classes),
                link=f"r{n}t{_safe(linked[0])}" if linked else None,
                title=f"{term.category}: {term.id}",
            ))


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def _number_marks(row: Row, ctx: PairContext, n: int) -> None:
    try:
        from ruconsist.checks.numbers import bead_numbers
        from ruconsist.lang.numbers import values_equal
    except ModuleNotFoundError:
        return
    bead = row.bead
    try:
        ru = [m for m in bead_numbers(bead, "ru", ctx) if not m.quiet]
        zh = [m for m in bead_numbers(bead, "zh", ctx) if not m.quiet]
    except (AttributeError, TypeError):  # no number vocabulary loaded
        return
    used: set[int] = set()
    for i, r in enumerate(ru):
        key = None
        for j, z in enumerate(zh):
            if j not in used and values_equal(r, z):
                used.add(j)
                key = f"r{n}n{i}"
                row.marks["zh"].append(Mark(z.start, z.end, ("m", "k-number"), key, title=f"number: {z.reading()}"))
                break
        classes = ("m", "k-number") if key else ("m", "k-number", "alone")
        row.marks["ru"].append(Mark(r.start, r.end, classes, key, title=f"number: {r.reading()}"))
    for j, z in enumerate(zh):
        if j not in used:
            row.marks["zh"].append(Mark(z.start, z.end, ("m", "k-number", "alone"), title=f"number: {z.reading()}"))


def _date_marks(row: Row, ctx: PairContext, n: int) -> None:
    try:
        from ruconsist.lang import dates
    except ModuleNotFoundError:
        return
    bead_dates = getattr(dates, "bead_dates", None)
    pair_dates = getattr(dates, "pair_dates", None)
    if bead_dates is None or pair_dates is None:
        return
    bead = row.bead
    ru = bead_dates(bead, "ru", ctx)
    zh = bead_dates(bead, "zh", ctx)
    pairing = pair_dates(ru, zh, dates.pair_dateline(ctx) if hasattr(dates, "pair_dateline") else None)
    linked: set[int] = set()
    for i, (r, z) in enumerate(list(pairing.matched) + list(pairing.different)):
        key = f"r{n}d{i}"
        differ = i >= len(pairing.matched)
        classes = ("m", "k-date", "differ") if differ else ("m", "k-date")
        row.marks["ru"].append(Mark(r.start, r.end, classes, key, title=f"date: {r.iso()}"))
        row.marks["zh"].append(Mark(z.start, z.end, classes, key, title=f"date: {z.iso()}"))
        linked.update((id(r), id(z)))
    for lang, items in (("ru", ru), ("zh", zh)):
        for m in items:
            if id(m) not in linked:
                row.marks[lang].append(Mark(m.start, m.end, ("m", "k-date", "alone"), title=f"date: {m.iso()}"))


# ---------------------------------------------------------------------------
# Rendering text


def render_text(text: str, marks: Sequence[Mark]) -> str:
    """``text`` as HTML with every mark's span wrapped; overlapping marks
    are cut at each other's edges, each piece carrying all its marks."""
    bounds = {0, len(text)}
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            bounds.update((m.start, m.end))
    cuts = sorted(bounds)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        covering = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        if not covering:
            out.append(piece)
            continue
        classes = sorted({c for m in covering for c in m.classes})
        attrs = [f'class="{" ".join(classes)}"']
        links = [m.link for m in covering if m.link]
        if links:
            attrs.append(f'data-l="{" ".join(dict.fromkeys(links))}"')
        found = [m.finding for m in covering if m.finding]
        if found:
            attrs.append(f'data-f="{" ".join(dict.fromkeys(found))}"')
        titles = [m.title for m in covering if m.title]
        if titles:
            attrs.append(f'title="{html.escape(" · ".join(dict.fromkeys(titles)))}"')
        out.append(f"<span {' '.join(attrs)}>{piece}</span>")
    return "".join(out)


# ---------------------------------------------------------------------------
# The report


@dataclass
class PairView:
    index: int
    result: PairResult
    rows: list[Row]
    loose: list[tuple[str, Diagnostic]] = field(default_factory=list)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        pair = self.result.pair
        if pair.bilingual is not None:
            return str(pair.bilingual) + (f" [{pair.part}]" if pair.part else "")
        ctx = self.result.context
        if ctx is not None:
            return f"{ctx.ru_doc.path} ↔ {ctx.zh_doc.path}"
        return " ↔ ".join(str(p) for p in pair.paths)


class ReportBuilder:
    """Collects lint results and renders them as one HTML page."""

    def __init__(self, title: str = "ruconsist report") -> None:
        self.title = title
        self.pairs: list[PairView] = []
        self._next_finding = 0
        self.total: Counter[tuple[str, str]] = Counter()

    def add(self, result: PairResult, diagnostics: Iterable[Diagnostic] | None = None) -> None:
        """Add one ``PairResult``: its aligned segments, and its findings
        (``diagnostics`` when given: what is left of them after the
        run's filters)."""
        view = PairView(len(self.pairs) + 1, result, [])
        ctx = result.context
        for bead in result.beads:
            row = Row(bead)
            if ctx is not None and bead.ru and bead.zh:
                n = len(self.pairs) * 100000 + bead.index
                _term_marks(row, ctx, n)
                _number_marks(row, ctx, n)
                _date_marks(row, ctx, n)
            view.rows.append(row)
        self.pairs.append(view)
        self.attach(result.diagnostics if diagnostics is None else diagnostics, view)

    def attach(self, diagnostics: Iterable[Diagnostic], view: PairView | None = None) -> None:
        """Put findings on their segments: those of one pair, or (run-level
        findings) wherever their location lies."""
        for d in diagnostics:
            target = view or self._view_of(d.location)
            if target is None and self.pairs:
                target = self.pairs[-1]
            if target is None:
                continue
            fid = f"f{self._next_finding}"
            self._next_finding += 1
            target.counts[(d.category, d.severity.label)] += 1
            self.total[(d.category, d.severity.label)] += 1
            row = self._row_of(target, d)
            if row is None:
                target.loose.append((fid, d))
                continue
            row.findings.append((fid, d))
            for loc, primary in ((d.location, True), (d.counterpart, False)):
                if loc is None:
                    continue
                span = self._span(row, target, loc)
                if span is None:
                    continue
                a, b = span
                if not primary and b - a > MAX_COUNTERPART:
                    continue
                sev = d.severity.label
                classes = ("f", f"s-{sev}", f"c-{d.category}") if primary else ("fc",)
                row.marks[loc.lang].append(Mark(a, max(b, a + 1), classes, finding=fid))

    def _view_of(self, loc: Location) -> PairView | None:
        for view in self.pairs:
            ctx = view.result.context
            if ctx is not None and ctx.doc(loc.lang).path == loc.path:
                return view
        return None

    def _row_of(self, view: PairView, d: Diagnostic) -> Row | None:
        if d.segment is not None:
            for row in view.rows:
                if row.bead.id == d.segment:
                    return row
        ctx = view.result.context
        if ctx is None:
            return None
        loc = d.location
        doc = ctx.doc(loc.lang)
        if doc.path != loc.path:
            return None
        offset = _file_offset(loc, doc)
        for row in view.rows:
            if row.bead.side(loc.lang) and row.index(loc.lang).contains(loc.path, offset):
                return row
        return None

    def _span(self, row: Row, view: PairView, loc: Location) -> tuple[int, int] | None:
        side = row.bead.side(loc.lang)
        ctx = view.result.context
        if not side or ctx is None:
            return None
        doc = ctx.doc(loc.lang)
        if doc.path != loc.path:
            return None
        index = row.index(loc.lang)
        a = index.to_text(_file_offset(loc, doc))
        b = index.to_text(_file_offset(loc, doc, end=True))
        if a is None:
            return None
        if b is None or b < a:
            b = len(side.text)
        return a, min(b, len(side.text))

    # HTML -------------------------------------------------------------

    def html(self) -> str:
        cats = [c for c in CATEGORIES if any(k[0] == c for k in self.total)]
        cats += sorted({k[0] for k in self.total} - set(cats))
        by_sev = Counter()
        by_cat = Counter()
        for (cat, sev), n in self.total.items():
            by_sev[sev] += n
            by_cat[cat] += n
        segments = sum(len(v.rows) for v in self.pairs)
        parts = [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(self.title)}</title>",
            f"<style>\n{_asset('page.css')}</style></head><body>",
            '<header id="top">',
            f"<h1>{html.escape(self.title)}</h1>",
            f'<p class="meta">{len(self.pairs)} file pair{"s" if len(self.pairs) != 1 else ""},'
            f" {segments} aligned segments, {sum(self.total.values())} findings"
            f" ({by_sev['error']} errors, {by_sev['warning']} warnings, {by_sev['info']} infos)</p>",
            '<form id="filters" autocomplete="off">',
            "<fieldset><legend>Severity</legend>",
        ]
        for sev in SEVERITIES:
            parts.append(
                f'<label><input type="checkbox" name="sev" value="{sev}" checked>'
                f' <span class="s-{sev} tag">{sev}</span> {by_sev[sev]}</label>'
            )
        parts.append("</fieldset><fieldset><legend>Category</legend>")
        for cat in cats:
            parts.append(
                f'<label><input type="checkbox" name="cat" value="{cat}" checked> {cat} {by_cat[cat]}</label>'
            )
        parts.append(
            '</fieldset><label class="only"><input type="checkbox" name="only">'
            " only segments with findings shown</label></form>"
        )
        parts.append('<p id="shown" aria-live="polite"></p>')
        parts.append(
            '<p class="legend">Highlighted: <span class="m k-name">names</span>'
            ' <span class="m k-place">places</span> <span class="m k-organization">organizations</span>'
            ' <span class="m k-title">titles</span> <span class="m k-term">terms</span>'
            ' <span class="m k-number">numbers</span> <span class="m k-date">dates</span>;'
            ' <span class="m k-name alone">dashed</span>: no counterpart found.'
            " Hover one to see its counterpart.</p>"
        )
        parts.append("</header><main>")
        parts.append(self._summary_table(cats))
        parts.append(self._columns_table())
        for view in self.pairs:
            parts.append(self._pair_html(view))
        parts.append("</main>")
        parts.append(f"<script>\n{_asset('page.js')}</script></body></html>")
        return "\n".join(parts) + "\n"

    def _summary_table(self, cats: list[str]) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in cats)
        out = [
            '<table class="summary"><thead><tr><th>file pair</th><th>segments</th>'
            f"<th>errors</th><th>warnings</th><th>infos</th>{head}</tr></thead><tbody>"
        ]
        for view in self.pairs:
            sev = Counter()
            cat = Counter()
            for (c, s), n in view.counts.items():
                sev[s] += n
                cat[c] += n
            cells = "".join(f"<td>{cat[c] or ''}</td>" for c in cats)
            out.append(
                f'<tr><td><a href="#pair-{view.index}">{html.escape(view.name)}</a></td>'
                f"<td>{len(view.rows)}</td><td>{sev['error'] or ''}</td><td>{sev['warning'] or ''}</td>"
                f"<td>{sev['info'] or ''}</td>{cells}</tr>"
            )
        out.append("</tbody></table>")
        return "".join(out)

    def _columns_table(self) -> str:
        """With several RU columns of bilingual tables (MT systems, the
        human version): errors per 1000 segments and by code, a row a
        column, summed over the tables."""
        from ruconsist.formatters.base import Summary

        summary = Summary()
        for view in self.pairs:
            part = getattr(view.result.pair, "part", None)
            if part is None:
                continue
            summary.add_segments(part, len(view.rows))
            for d in view.result.diagnostics:
                summary.add(d, part)
        rows = summary.compared()
        if not rows:
            return ""
        out = [
            '<table class="summary columns"><thead><tr><th>column</th><th>segments</th><th>errors</th>'
            "<th>errors per 1000 segments</th><th>warnings</th><th>errors by code</th></tr></thead><tbody>"
        ]
        for name, c in rows:
            codes = ", ".join(f"{code} {n}" for code, n in sorted(c.by_code.items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(
                f"<tr><td>{html.escape(name)}</td><td>{c.segments}</td><td>{c.errors}</td>"
                f"<td>{c.errors_per_1000:.1f}</td><td>{c.warnings}</td><td>{html.escape(codes)}</td></tr>"
            )
        out.append("</tbody></table>")
        return "".join(out)

    def _finding_html(self, fid: str, d: Diagnostic) -> str:
        sev = d.severity.label
        where = d.location.short()
        extra = ""
        if d.expected:
            extra = f' <span class="exp">expected: {html.escape(d.expected)}</span>'
        return (
            f'<li class="finding" id="{fid}" data-f="{fid}" data-sev="{sev}" data-cat="{html.escape(d.category)}">'
            f'<span class="s-{sev} tag">{sev}</span> <b>{html.escape(d.code)}</b> '
            f"{html.escape(d.message)}{extra} <span class=\"loc\">{html.escape(where)}</span></li>"
        )

    def _pair_html(self, view: PairView) -> str:
        out = [f'<section class="pair" id="pair-{view.index}"><h2>{html.escape(view.name)}</h2>']
        error = getattr(view.result, "error", None)
        if error is not None:
            out.append(f'<p class="error">{html.escape(str(error))}</p>')
        if view.loose:
            out.append('<ul class="findings loose">')
            out.extend(self._finding_html(fid, d) for fid, d in view.loose)
            out.append("</ul>")
        if view.rows:
            out.append(
                '<table class="segs"><colgroup><col class="n"><col class="t"><col class="t"></colgroup>'
                "<thead><tr><th>#</th><th>RU</th><th>ZH</th></tr></thead>"
            )
            for row in view.rows:
                out.append(self._row_html(view, row))
            out.append("</table>")
        out.append("</section>")
        return "".join(out)

    def _row_html(self, view: PairView, row: Row) -> str:
        bead = row.bead
        cells = []
        for lang in ("ru", "zh"):
            side = bead.side(lang)
            if not side:
                cells.append(f'<td class="{lang} none" lang="{lang}">(no counterpart)</td>')
                continue
            line = side.span().line
            cells.append(
                f'<td class="{lang}" lang="{lang}" data-line="{line}">{render_text(side.text, row.marks[lang])}</td>'
            )
        has = " has" if row.findings else ""
        rid = f"p{view.index}-{bead.id}"
        lines = []
        for lang in ("ru", "zh"):
            side = bead.side(lang)
            if side:
                loc = side.span()
                lines.append(f"{lang.upper()} {loc.line}")
        out = [
            f'<tbody class="seg{has}" id="{rid}">',
            f'<tr><td class="n"><a href="#{rid}" title="{html.escape(", ".join(lines))}">{bead.index + 1}</a></td>',
            *cells,
            "</tr>",
        ]
        if row.findings:
            out.append('<tr class="msgs"><td></td><td colspan="2"><ul class="findings">')
            out.extend(self._finding_html(fid, d) for fid, d in row.findings)
            out.append("</ul></td></tr>")
        out.append("</tbody>")
        return "".join(out)


def _asset(name: str) -> str:
    """The page's style sheet or script, package data next to this module."""
    from importlib.resources import files

    return files(__package__).joinpath(name).read_text(encoding="utf-8")
