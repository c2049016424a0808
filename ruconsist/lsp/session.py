"""What the language server does, apart from the protocol.

A file opened in the editor is linted with its counterpart, as ``ruconsist
check FILE`` would lint it: the same configuration search, rule packs,
plugins, pairing and readers.  The texts of files open in the editor are
read instead of the disk's, so findings follow unsaved edits.  Each lint
is one run of the engine on one pair (:meth:`Linter.reset_run` first), so
a long-lived server neither accumulates run state nor reports one pair's
findings in another.

Positions: the engine counts columns in characters (code points); LSP
counts in the units the client negotiated (UTF-16 by default).  Every
conversion goes through a ``units`` function, the number of client units
in a string.
"""

from __future__ import annotations

import gc
import inspect
import io
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from lsprotocol import types as lsp

from ruconsist.diagnostic import Diagnostic, Fix, Location, Severity
from ruconsist.document import Document
from ruconsist.errors import RuconsistError
from ruconsist.lang.han import HAN_CHAR as _HAN

SOURCE = "ruconsist"

SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}

#: Names of files the configuration is read from (see ``config.py``).
CONFIG_NAMES = (".ruconsist.yaml", ".ruconsist.yml", "pyproject.toml")

Units = Callable[[str], int]

#: Pairs whose last lint is kept for the next (a translator works on a
#: few pairs at a time).
REUSE_PAIRS = 8


def utf16_units(text: str) -> int:
    """LSP's default position unit: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


#: An untagged file (no ``.ru``/``.zh`` in its name or folders, no
#: ``pairs:`` template) is read as one bilingual file when its beginning
#: holds both scripts; otherwise it belongs to no pair.
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def looks_bilingual(text: str) -> bool:
    head = text[:16384]
    return len(_CYRILLIC.findall(head)) >= 10 and len(_HAN.findall(head)) >= 5


def absolute(path: str | os.PathLike[str]) -> Path:
    """A path as the engine shows it (relative to the working directory
    when inside it) made absolute again."""
    return Path(os.path.abspath(path))


@dataclass
class Outcome:
    """One lint of a pair: what to publish for each of its files."""

    #: The files of the pair (one for a bilingual or unpaired file).
    files: tuple[Path, ...]
    #: The editor texts the lint read, by path; a later edit makes the
    #: outcome stale.
    texts: dict[Path, str] = field(default_factory=dict)
    findings: dict[Path, list[Diagnostic]] = field(default_factory=dict)
    #: The documents findings point into, to place them and to fix them.
    docs: dict[Path, Document] = field(default_factory=dict)
    #: Input and configuration errors: (path, line, message, severity).
    problems: list[tuple[Path, int, str, lsp.DiagnosticSeverity]] = field(default_factory=list)
    #: Window messages: (type, text).
    messages: list[tuple[lsp.MessageType, str]] = field(default_factory=list)
    #: Code → explanation, for hover and the explanation pages.
    explain: Callable[[str], str | None] = lambda code: None
    #: Whether the file belongs to no pair (nothing was linted).
    unpaired: bool = False
    #: Whether the configuration or a rule pack did not load.
    config_failed: bool = False

    @property
    def size(self) -> int:
        """Characters in the pair's files."""
        return sum(len(doc.text) for doc in self.docs.values())

    def stale(self, open_texts: Mapping[Path, str]) -> bool:
        """Whether a file of the pair was edited (or opened, or closed)
        in the editor since this lint."""
        now = {p: open_texts[p] for p in self.files if p in open_texts}
        return now != self.texts


class Session:
    """Linters by configuration, and the lint of one file's pair."""

    def __init__(self, plugins: bool = True, explain_dir: Path | None = None) -> None:
        self.plugins = plugins
        self.explain_dir = explain_dir
        #: configuration file (or None) → (stamp, linter, warnings)
        self._linters: dict[str | None, tuple[tuple[Any, ...], Any, list[str]]] = {}
        #: What the last lint of each pair left for the next (see
        #: :mod:`ruconsist.incremental`), for the pairs linted last.
        self._reuse: dict[tuple[Path, ...], Any] = {}

    # Configuration ----------------------------------------------------

    @staticmethod
    def _stamp(paths: Iterable[Path | str | None]) -> tuple[Any, ...]:
        out: list[Any] = []
        for p in paths:
            if p is None:
                out.append(None)
                continue
            try:
                st = os.stat(p)
                out.append((str(p), st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((str(p), None))
        return tuple(out)

    def linter_for(self, path: Path) -> tuple[Any, list[str]]:
        """The linter for ``path`` (its configuration found upwards from
        its folder, as the command line finds it), built again when the
        configuration file or a loaded rule pack changed on disk; and the
        warnings its packs' own examples gave.  A broken configuration or
        pack raises :class:`RuconsistError`."""
        from ruconsist.config import discover_config, find_config

        found = find_config(path.parent)
        key = str(found) if found else None
        cached = self._linters.get(key)
        if cached is not None:
            stamp, linter, warnings = cached
            if stamp == self._stamp([found, *(p.path for p in linter.rules.packs)]):
                return linter, []
        from ruconsist.engine import Linter
        from ruconsist.plugins import get_plugin_manager
        from ruconsist.selftest import verify_on_load

        config = discover_config(None, start=path.parent)
        linter = Linter(config, pm=get_plugin_manager(load_entrypoints=self.plugins), jobs=1)
        err = io.StringIO()
        verify_on_load(linter, err)
        warnings = [line.removeprefix("ruconsist: ") for line in err.getvalue().splitlines() if line]
        self._linters[key] = (self._stamp([found, *(p.path for p in linter.rules.packs)]), linter, warnings)
        return linter, warnings

    def watched(self) -> list[Path]:
        """Configuration files and rule packs of the linters built so far."""
        out = []
        for key, (_, linter, _) in self._linters.items():
            if key is not None:
                out.append(absolute(key))
            out.extend(absolute(p.path) for p in linter.rules.packs)
        return out

    def forget_linters(self) -> None:
        self._linters.clear()

    # Linting ----------------------------------------------------------

    def pair_for(self, linter: Any, path: Path, open_texts: Mapping[Path, str]) -> Any:
        """The pair ``path`` belongs to, found as the command line finds
        it, or None for an untagged file that is not bilingual."""
        from ruconsist.pairing import FilePair, lang_of, template_lang

        info = lang_of(path)
        lang = info[0] if info else template_lang(path, linter.config)
        if lang is None:
            text = open_texts.get(path)
            if text is None:
                try:
                    text = path.read_bytes()[:65536].decode("utf-8", "replace")
                except OSError:
                    text = ""
            return FilePair(None, None, bilingual=path) if looks_bilingual(text) else None
        return next(iter(linter.pairs([path])), None)

    def lint(
        self, path: Path, open_texts: Mapping[Path, str], cancelled: Callable[[], bool] | None = None
    ) -> Outcome:
        """Lint the pair of ``path``; ``open_texts``: the text of every
        file open in the editor.  ``cancelled`` tells whether the lint is
        still wanted: when it says no, the lint stops where it is and
        raises :class:`~ruconsist.incremental.Cancelled`."""
        path = absolute(path)
        own = {path: open_texts[path]} if path in open_texts else {}
        try:
            linter, warnings = self.linter_for(path)
        except RuconsistError as exc:
            return self._config_failure(path, own, exc)
        pair = self.pair_for(linter, path, open_texts)
        if pair is None:
            return Outcome(
                files=(path,),
                texts=own,
                unpaired=True,
                messages=[(
                    lsp.MessageType.Info,
                    f"ruconsist: {path.name} belongs to no RU/ZH pair (no ru/zh tag in its name or folders,"
                    " no 'pairs:' template in the configuration) and holds no Russian and Chinese text"
                    " together; it is not checked",
                )],
            )
        files = tuple(absolute(p) for p in pair.paths)
        texts = {p: open_texts[p] for p in files if p in open_texts}
        out = Outcome(files=files, texts=texts, explain=lambda code: explain_text(linter, code))
        out.messages.extend((lsp.MessageType.Warning, f"ruconsist: {w}") for w in warnings)
        if any(not t.strip() for t in texts.values()):
            return out  # a file being started: nothing to compare yet
        linter.reset_run()
        reuse = self.reuse_for(files)
        reuse.cancelled = cancelled
        try:
            result = linter.lint_pair(pair, texts, reuse=reuse)
        finally:
            reuse.cancelled = None
        found = [*result.diagnostics, *linter.finish_run()]
        if result.error is not None:
            out.problems.append(self._problem(result.error, path, files))
        if result.context is not None:
            for doc in (result.context.ru_doc, result.context.zh_doc):
                out.docs[absolute(doc.path)] = doc
        for d in found:
            out.findings.setdefault(absolute(d.location.path), []).append(d)
        return out

    def reuse_for(self, files: tuple[Path, ...]) -> Any:
        """The :class:`~ruconsist.incremental.PairReuse` of a pair; the
        pairs linted longest ago are forgotten."""
        from ruconsist.incremental import PairReuse

        reuse = self._reuse.pop(files, None) or PairReuse()
        self._reuse[files] = reuse  # now the most recent
        while len(self._reuse) > REUSE_PAIRS:
            del self._reuse[next(iter(self._reuse))]
        return reuse

    def forget_reuse(self) -> None:
        """Keep nothing from one lint for the next: the next lint of each
        pair is one from scratch (for timing)."""
        from ruconsist.align.segments import forget_anchors

        self._reuse.clear()
        for _, linter, _ in self._linters.values():
            forget_anchors(linter.rules)

    @staticmethod
    def _problem(
        exc: RuconsistError, opened: Path, files: tuple[Path, ...]
    ) -> tuple[Path, int, str, lsp.DiagnosticSeverity]:
        named = absolute(exc.path) if exc.path else None
        where = named if named in files else opened
        empty = exc.message in ("empty file", "file holds only white space")
        severity = lsp.DiagnosticSeverity.Information if empty else lsp.DiagnosticSeverity.Error
        # On the file it names, the message alone; elsewhere with the path.
        text = exc.message if where == named else str(exc)
        if empty:
            text += ": nothing to compare yet"
        return where, exc.line or 1, text, severity

    def _config_failure(self, path: Path, texts: dict[Path, str], exc: RuconsistError) -> Outcome:
        where = absolute(exc.path) if exc.path else None
        line = exc.line if where == path else 1
        return Outcome(
            files=(path,),
            texts=texts,
            config_failed=True,
            problems=[(path, line or 1, f"configuration: {exc}; not checked", lsp.DiagnosticSeverity.Error)],
            messages=[(lsp.MessageType.Error, f"ruconsist: {exc}")],
        )

    def warm_up(self, folder: Path) -> None:
        """Build the linter for ``folder`` and lint a small pair in memory,
        so the first file opened does not wait for the lazily loaded
        language data (the morphology dictionary, the pack matchers)."""
        from ruconsist.pairing import FilePair

        try:
            linter, _ = self.linter_for(folder / "ruconsist-warm-up.ru.md")
        except RuconsistError:
            return
        ru, zh = folder / "ruconsist-warm-up.ru.md", folder / "ruconsist-warm-up.zh.md"
        linter.reset_run()
        linter.lint_pair(
            FilePair(ru, zh),
            {ru: "Владимир Путин встретился с Си Цзиньпином 4 февраля 2026 года в Москве.\n",
             zh: "弗拉基米尔·普京于2026年2月4日在莫斯科会见了习近平。\n"},
        )
        linter.reset_run()
        # What is loaded now (language data, matchers) lives as long as
        # the server: out of the garbage collector's sight, its periodic
        # full collection stops walking it, a pause of 50 ms every few
        # lints of a 200-paragraph pair.
        gc.freeze()


# Explanations ----------------------------------------------------------


def explain_text(linter: Any, code: str) -> str | None:
    """What ``ruconsist explain CODE`` shows."""
    info = linter.codes.get(code)
    if info is None:
        return None
    doc = inspect.getdoc(info.check) or ""
    return f"{info.code} {info.slug} (category {info.category}, default severity {info.severity.label})\n\n{doc}\n"


def explain_uri(code: str, text: str | None, folder: Path | None) -> str | None:
    """A ``file:`` URI of a page holding the explanation of ``code``,
    written once into ``folder`` (the cache), for editors that open a
    diagnostic's code link."""
    if text is None or folder is None:
        return None
    page = folder / f"{code}.md"
    if _WRITTEN.get(page) == text:
        return page.as_uri()
    try:
        if not page.is_file() or page.read_text(encoding="utf-8") != text:
            from ruconsist.atomic import write_atomic

            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(page, text.encode("utf-8"))
    except OSError:
        return None
    _WRITTEN[page] = text
    return page.as_uri()


#: Explanation pages known to be up to date, with their text.
_WRITTEN: dict[Path, str] = {}


def explain_folder() -> Path | None:
    from ruconsist import __version__
    from ruconsist.cache import cache_dir

    base = cache_dir()
    if base is None:
        import tempfile

        base = Path(tempfile.gettempdir()) / "ruconsist"
    return base / "explain" / __version__


# Positions -------------------------------------------------------------


def position(doc: Document | None, line: int, column: int, units: Units) -> lsp.Position:
    """LSP position of a 1-based line and character column of ``doc``."""
    if doc is None or line > doc.line_count:
        return lsp.Position(line=max(0, line - 1), character=max(0, column - 1))
    return lsp.Position(line=line - 1, character=units(doc.line_text(line)[: max(0, column - 1)]))


def to_range(loc: Location, doc: Document | None, units: Units) -> lsp.Range:
    return lsp.Range(
        start=position(doc, loc.line, loc.column, units),
        end=position(doc, loc.end_line, loc.end_column, units),
    )


def offset_range(doc: Document, start: int, end: int, units: Units) -> lsp.Range:
    a, b = doc.line_col(start), doc.line_col(end)
    return lsp.Range(start=position(doc, *a, units), end=position(doc, *b, units))


def to_offset(doc: Document, pos: lsp.Position, units: Units) -> int:
    """Character offset in ``doc`` of an LSP position."""
    line = min(pos.line + 1, doc.line_count)
    text = doc.line_text(line)
    n = used = 0
    for ch in text:
        if used >= pos.character:
            break
        used += units(ch)
        n += 1
    return doc.offset(line, 1) + n


# Findings as LSP diagnostics --------------------------------------------


def to_lsp(d: Diagnostic, outcome: Outcome, units: Units, explain_folder: Path | None) -> lsp.Diagnostic:
    doc = outcome.docs.get(absolute(d.location.path))
    related = None
    if d.counterpart is not None:
        cp = d.counterpart
        related = [
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(
                    uri=absolute(cp.path).as_uri(),
                    range=to_range(cp, outcome.docs.get(absolute(cp.path)), units),
                ),
                message=f"{cp.lang.upper()} counterpart",
            )
        ]
    href = explain_uri(d.code, outcome.explain(d.code), explain_folder)
    return lsp.Diagnostic(
        range=to_range(d.location, doc, units),
        message=d.message,
        severity=SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Warning),
        code=d.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related,
        data={"slug": d.slug, "fixable": safe_fix(d) is not None},
    )


def publishable(outcome: Outcome, units: Units, explain_folder: Path | None) -> dict[Path, list[lsp.Diagnostic]]:
    """Diagnostics for every file of the pair (an empty list clears)."""
    out: dict[Path, list[lsp.Diagnostic]] = {p: [] for p in outcome.files}
    for path, found in outcome.findings.items():
        out.setdefault(path, []).extend(to_lsp(d, outcome, units, explain_folder) for d in found)
    for path, line, message, severity in outcome.problems:
        pos = lsp.Position(line=max(0, line - 1), character=0)
        out.setdefault(path, []).append(
            lsp.Diagnostic(range=lsp.Range(start=pos, end=pos), message=message, severity=severity, source=SOURCE)
        )
    return out


# Code actions and hover ----------------------------------------------------


def safe_fix(d: Diagnostic) -> Fix | None:
    """The fix ``ruconsist check --fix`` would apply for ``d``."""
    from ruconsist.fix import is_safe

    return d.fix if is_safe(d) else None


def _overlaps(r: lsp.Range, s: lsp.Range) -> bool:
    a = (r.start.line, r.start.character)
    b = (r.end.line, r.end.character)
    c = (s.start.line, s.start.character)
    e = (s.end.line, s.end.character)
    return c <= b and a <= e


def findings_at(outcome: Outcome, path: Path, where: lsp.Range, units: Units) -> list[Diagnostic]:
    doc = outcome.docs.get(path)
    return [d for d in outcome.findings.get(path, []) if _overlaps(to_range(d.location, doc, units), where)]


def code_actions(
    outcome: Outcome, path: Path, where: lsp.Range, units: Units, explain_folder: Path | None,
    only: Iterable[str] | None = None,
) -> list[lsp.CodeAction]:
    """Quick fixes for the findings under ``where``: the safe fix, and a
    suppression comment for the code; and, as ``source.fixAll``, every
    safe fix of the file."""
    uri = path.as_uri()
    doc = outcome.docs.get(path)
    wanted = list(only or ())

    def kind_wanted(kind: str) -> bool:
        return not wanted or any(kind == k or kind.startswith(k + ".") for k in wanted)

    actions: list[lsp.CodeAction] = []
    if doc is None:
        return actions
    here = findings_at(outcome, path, where, units)
    if kind_wanted(lsp.CodeActionKind.QuickFix):
        for d in here:
            fix = safe_fix(d)
            if fix is None or absolute(fix.path) != path:
                continue
            old = doc.text[fix.start : fix.end]
            actions.append(lsp.CodeAction(
                title=f"Fix {d.code}: '{old}' → '{fix.replacement}'",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[to_lsp(d, outcome, units, explain_folder)],
                is_preferred=True,
                edit=lsp.WorkspaceEdit(changes={uri: [
                    lsp.TextEdit(range=offset_range(doc, fix.start, fix.end, units), new_text=fix.replacement)
                ]}),
            ))
        seen: set[tuple[str, int]] = set()
        for d in here:
            if (d.code, d.location.line) in seen:
                continue
            seen.add((d.code, d.location.line))
            insertion = suppression(doc, d.location.line, d.code)
            if insertion is None:
                continue
            offset, text, scope = insertion
            pos = offset_range(doc, offset, offset, units).start
            actions.append(lsp.CodeAction(
                title=f"Disable {d.code} for this {scope} (ruconsist comment)",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[to_lsp(d, outcome, units, explain_folder)],
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=lsp.Range(start=pos, end=pos), new_text=text)]}),
            ))
    if kind_wanted(lsp.CodeActionKind.SourceFixAll) and (wanted or here):
        from ruconsist.fix import plan_fixes

        plans = plan_fixes(outcome.findings.get(path, []), {doc.path: doc})
        edits = [
            lsp.TextEdit(range=offset_range(doc, f.start, f.end, units), new_text=f.replacement)
            for plan in plans for f in plan.fixes
        ]
        if edits:
            actions.append(lsp.CodeAction(
                title=f"Apply the {len(edits)} safe ruconsist fix{'es' if len(edits) != 1 else ''} of this file",
                kind=lsp.CodeActionKind.SourceFixAll + ".ruconsist",
                edit=lsp.WorkspaceEdit(changes={uri: edits}),
            ))
    return actions


_BLANK = regex.compile(r"^[ \t]*$")


def suppression(doc: Document, line: int, code: str) -> tuple[int, str, str] | None:
    """Where and what to insert to disable ``code`` at ``line`` of
    ``doc`` (see :mod:`ruconsist.suppress`): (offset, text, what it
    covers).  Markdown and HTML take ``<!-- ruconsist: disable-line -->``
    at the end of the line; XML, XLIFF and TMX a ``disable-next-line`` comment
    above it; plain text, PO and YAML a ``# ruconsist: disable-next-line``
    line above the paragraph, entry or key.  JSON and subtitle files have
    no comments: None."""
    fmt = doc.format
    newline = "\r\n" if "\r\n" in doc.text else "\n"
    indent = regex.match(r"[ \t]*", doc.line_text(line)).group()
    if fmt in ("markdown", "html"):
        return doc.offset(line, 1) + len(doc.line_text(line)), f" <!-- ruconsist: disable-line {code} -->", "line"
    if fmt in ("xliff", "tmx", "xml"):
        return doc.offset(line, 1), f"{indent}<!-- ruconsist: disable-next-line {code} -->{newline}", "segment"
    if fmt in ("text", "bilingual"):
        first = line
        while first > 1 and not _BLANK.match(doc.line_text(first - 1)):
            first -= 1
        return doc.offset(first, 1), f"# ruconsist: disable-next-line {code}{newline}", "paragraph"
    if fmt == "lines":
        return doc.offset(line, 1), f"# ruconsist: disable-next-line {code}{newline}", "line"
    if fmt == "po":
        # Above the entry's msgctxt/msgid, below its other comments.
        first = line
        while first > 1 and not _BLANK.match(doc.line_text(first - 1)) and not doc.line_text(first - 1).startswith("#"):
            first -= 1
        return doc.offset(first, 1), f"# ruconsist: disable-next-line {code}{newline}", "entry"
    if fmt == "yaml-locale":
        return doc.offset(line, 1), f"{indent}# ruconsist: disable-next-line {code}{newline}", "key"
    return None


def hover(outcome: Outcome, path: Path, at: lsp.Position, units: Units) -> lsp.Hover | None:
    """The findings under the cursor with the explanation of their code."""
    here = findings_at(outcome, path, lsp.Range(start=at, end=at), units)
    if not here:
        return None
    parts = []
    for code in dict.fromkeys(d.code for d in here):
        messages = "\n".join(f"- {d.message}" for d in here if d.code == code)
        text = outcome.explain(code) or ""
        parts.append(f"**{code}**\n\n{messages}\n\n```text\n{text.rstrip()}\n```")
    doc = outcome.docs.get(path)
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=to_range(here[0].location, doc, units),
    )
