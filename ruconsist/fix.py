"""Apply the fixes findings carry, safely.

A check offers a :class:`~ruconsist.diagnostic.Fix` only when the change
cannot alter meaning: the name separator (``弗拉基米尔*普京`` →
``弗拉基米尔·普京``), a forbidden variant to its preferred form,
half-width punctuation between Chinese characters to full width, the
missing ``《》`` around a known title.  This module turns those fixes into
new file contents and writes them:

* :func:`plan_fixes` groups fixes by file and drops overlapping ones (the
  first wins; the next run picks up the rest);
* :func:`unified_diff` shows what would change, without writing;
* :func:`apply` writes atomically (a temporary file in the same
  directory, then :func:`os.replace`), keeping the encoding, the BOM and
  the line endings, and only for files under version control unless
  ``force`` is given.  A file changed on disk since it was linted is left
  alone.

Fixing twice changes nothing the second time: the fixed text no longer
holds what the checks reported.
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ruconsist.diagnostic import Diagnostic, Fix
from ruconsist.document import Document


@dataclass
class FileFix:
    """The fixes for one file and the text they produce."""

    path: str
    doc: Document
    fixes: list[Fix] = field(default_factory=list)
    #: Codes of the findings the fixes come from, in ``fixes`` order.
    codes: list[str] = field(default_factory=list)
    #: Fixes left out because they overlap one that is applied.
    skipped: list[Fix] = field(default_factory=list)
    #: Why the file was not written (set by :func:`apply`), or None.
    refused: str | None = None

    @property
    def original(self) -> str:
        return self.doc.text

    @property
    def text(self) -> str:
        """The file's text with every fix applied."""
        out = []
        pos = 0
        for f in self.fixes:
            out.append(self.doc.text[pos : f.start])
            out.append(f.replacement)
            pos = f.end
        out.append(self.doc.text[pos:])
        return "".join(out)


def _docs_by_path(docs: Mapping[str, Document] | Iterable[Document]) -> dict[str, Document]:
    if isinstance(docs, Mapping):
        return dict(docs)
    return {d.path: d for d in docs}


def docs_of(results: Iterable[object]) -> dict[str, Document]:
    """The documents of lint results (``PairResult``), by path."""
    out: dict[str, Document] = {}
    for r in results:
        ctx = getattr(r, "context", None)
        if ctx is not None:
            out[ctx.ru_doc.path] = ctx.ru_doc
            out[ctx.zh_doc.path] = ctx.zh_doc
    return out


def _sound(fix: Fix, text: str) -> bool:
    """A fix that stays inside the text, changes something, and neither
    splits a CRLF pair nor adds or removes a line break."""
    if not (0 <= fix.start <= fix.end <= len(text)):
        return False
    old = text[fix.start : fix.end]
    if old == fix.replacement:
        return False
    if any(c in "\r\n" for c in old + fix.replacement):
        return False
    return not (0 < fix.start < len(text) and text[fix.start - 1] == "\r" and text[fix.start] == "\n")


#: The findings whose fixes cannot change meaning: a name separator, a
#: forbidden variant to its preferred form, half-width punctuation
#: between Chinese characters, 《》 around a known title.  Other findings
#: may carry a suggested replacement (quotes, a doubled word, a Palladius
#: respelling), shown as a suggestion but never applied by --fix.
SAFE_CODES = frozenset({"NAM001", "TRM002", "TYP001", "TTL002"})


def is_safe(d: Diagnostic) -> bool:
    return d.fix is not None and d.code in SAFE_CODES


def plan_fixes(
    diagnostics: Iterable[Diagnostic], docs: Mapping[str, Document] | Iterable[Document]
) -> list[FileFix]:
    """Fixes of ``diagnostics`` grouped by file, in file order.

    ``docs`` are the documents the diagnostics were found in (see
    :func:`docs_of`).  A fix whose file is unknown, that reaches outside
    the text or that overlaps an earlier fix is left out; the same fix
    reported by two findings is applied once.
    """
    by_path = _docs_by_path(docs)
    grouped: dict[str, list[tuple[Fix, str]]] = {}
    for d in diagnostics:
        if is_safe(d) and d.fix is not None and d.fix.path in by_path:
            grouped.setdefault(d.fix.path, []).append((d.fix, d.code))
    plans = []
    for path in sorted(grouped):
        doc = by_path[path]
        plan = FileFix(path, doc)
        seen: set[Fix] = set()
        end = -1
        for fix, code in sorted(grouped[path], key=lambda fc: (fc[0].start, fc[0].end, fc[1])):
            if fix in seen:
                continue
            seen.add(fix)
            if not _sound(fix, doc.text):
                plan.skipped.append(fix)
                continue
            # An overlapping fix, or a second insertion at the same place
            # (their order would be a guess), waits for the next run.
            previous = plan.fixes[-1] if plan.fixes else None
            second_insertion = (
                previous is not None
                and fix.start == fix.end == previous.start == previous.end
            )
            if fix.start < end or second_insertion:
                plan.skipped.append(fix)
                continue
            plan.fixes.append(fix)
            plan.codes.append(code)
            end = fix.end
        if plan.fixes:
            plans.append(plan)
    return plans


def unified_diff(fixes: Iterable[FileFix]) -> str:
    """The changes as a unified diff (``--- a/path`` / ``+++ b/path``), as
    ``git apply`` and ``patch -p1`` read it."""
    out = []
    for f in fixes:
        before = f.original.splitlines(keepends=True)
        after = f.text.splitlines(keepends=True)
        lines = list(difflib.unified_diff(before, after, f"a/{f.path}", f"b/{f.path}"))
        for line in lines:
            if line.endswith(("\n", "\r")):
                out.append(line)
            else:
                out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# Writing


def _logical_root(directory: Path) -> Path:
    """The repository holding ``directory`` as the path is written (not
    where its symbolic links lead): the nearest parent with ``.git``, or
    the current directory."""
    for d in (directory, *directory.parents):
        # A linked directory is not a repository of its own here: its
        # ``.git`` is the other repository's.
        if not d.is_symlink() and (d / ".git").exists():
            return d
    return Path.cwd()


def _write_target(path: str) -> tuple[Path, str | None]:
    """The file a fix of ``path`` writes (where a symbolic link leads, so
    the link stays a link), or why it must not be written: a read-only
    file, or a link (of the file or of a directory above it) that leads
    out of the repository the path is in."""
    logical = Path(os.path.abspath(path))
    real = logical.resolve()
    if real != logical:
        root = _logical_root(logical.parent).resolve()
        if not real.is_relative_to(root):
            return real, f"reached through a symbolic link that leads out of the repository (to {real}); not rewritten"
    try:
        st = real.stat()
    except OSError as exc:
        return real, f"cannot read: {exc.strerror or exc}"
    if not st.st_mode & stat.S_IWUSR:
        return real, "read-only file; not rewritten"
    return real, None


def under_version_control(path: str | os.PathLike[str]) -> bool:
    """Whether git tracks the file (``git ls-files --error-unmatch``)."""
    p = Path(path).resolve()
    try:
        proc = subprocess.run(
            ["git", "ls-files", "--error-unmatch", "--", p.name],
            cwd=p.parent,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def _codec(doc: Document, raw: bytes) -> tuple[str, bytes]:
    """The codec to write ``doc`` back with, and the BOM to put first,
    as the file on disk has them."""
    enc = codecs.lookup(doc.encoding).name
    if enc in ("utf-16", "utf-16-le", "utf-16-be"):
        if raw.startswith(codecs.BOM_UTF16_BE):
            return "utf-16-be", codecs.BOM_UTF16_BE
        if raw.startswith(codecs.BOM_UTF16_LE):
            return "utf-16-le", codecs.BOM_UTF16_LE
        return enc, b""
    if enc == "utf-8" and raw.startswith(codecs.BOM_UTF8):
        return "utf-8", codecs.BOM_UTF8
    return enc, b""


def _decode(raw: bytes, codec: str, bom: bytes) -> str | None:
    try:
        return raw[len(bom) :].decode(codec)
    except UnicodeDecodeError:
        return None


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file's content in one step, keeping its permissions."""
    from ruconsist.atomic import write_atomic as write

    write(path, data, sync=True)


#: Formats whose document text is not the file's text.
UNWRITABLE_FORMATS = frozenset({"csv", "xlsx", "docx"})


def apply(fixes: Iterable[FileFix], force: bool = False) -> list[str]:
    """Write the fixed files; return the paths written.

    A file is refused (its :attr:`FileFix.refused` says why) when it is
    not under version control and ``force`` is false, when it changed on
    disk since it was linted, or when the fixed text cannot be written in
    the file's encoding.
    """
    written = []
    for f in fixes:
        f.refused = None
        if f.doc.path != f.path:
            f.refused = "document and fix disagree on the path"
            continue
        if f.doc.format in UNWRITABLE_FORMATS:
            # Their text is a reading of the file (a sheet's cells, CSV
            # cells without their quoting, a Word document's paragraphs),
            # not the file's bytes.
            f.refused = f"fixes are not written into {f.doc.format} files; apply them by hand"
            continue
        target, why = _write_target(f.path)
        if why is not None:
            f.refused = why
            continue
        if not force and not under_version_control(f.path):
            f.refused = "not under version control (git); use --force to fix it anyway"
            continue
        try:
            raw = Path(f.path).read_bytes()
        except OSError as exc:
            f.refused = f"cannot read: {exc.strerror or exc}"
            continue
        codec, bom = _codec(f.doc, raw)
        if _decode(raw, codec, bom) != f.original:
            f.refused = "changed on disk since it was checked; run again"
            continue
        try:
            data = bom + f.text.encode(codec)
        except UnicodeEncodeError as exc:
            f.refused = f"the fix cannot be written in {f.doc.encoding} ({exc.object[exc.start : exc.end]!r})"
            continue
        try:
            write_atomic(target, data)
        except OSError as exc:
            f.refused = f"cannot write: {exc.strerror or exc}"
            continue
        written.append(f.path)
    return written
