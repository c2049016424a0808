"""Fingerprints that survive lines moving, and the baseline file built
from them.

A fingerprint is a hash of what a finding *is*, not where it is: its
code, the rule (term id) behind it, its language, the file it is in, and
the text it points at with white space collapsed.  Editing another
paragraph, or inserting lines above it, leaves it unchanged; editing the
flagged words changes it (it is then a new finding).

``--write-baseline FILE`` records the current findings; ``--baseline
FILE`` then reports only findings that are not in it, and counts the
entries that were not found again (fixed, or their text changed).  A
team adopts ruconsist on a legacy repository without fixing everything
first, and the baseline shrinks as they fix.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruconsist.diagnostic import Diagnostic, Location
from ruconsist.document import Document, decode
from ruconsist.errors import ConfigError, RuconsistError

FORMAT_VERSION = 1
#: Bump when the fingerprint recipe changes: old baselines then match
#: nothing, which the "entries gone" count makes visible.
FINGERPRINT_VERSION = "v1"


def normalize(text: str) -> str:
    """White space collapsed and compatibility forms folded, so that
    re-wrapping a paragraph or a full-width/half-width digit swap in
    unrelated text does not make an old finding new."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(diag: Diagnostic, text: str, path: str) -> str:
    """Stable identity of a finding.

    :param text: the text at the diagnostic's primary location.
    :param path: the file's path relative to a fixed root (POSIX).
    """
    parts = [FINGERPRINT_VERSION, diag.code, diag.rule or "", diag.location.lang, path, normalize(text)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def relative_to(path: str, root: Path) -> str:
    """``path`` (as shown, relative to the working directory or
    absolute) relative to ``root``, in POSIX form; unchanged if outside."""
    p = Path(path)
    absolute = p if p.is_absolute() else Path.cwd() / p
    try:
        return Path(os.path.relpath(absolute, root)).as_posix() if _inside(absolute, root) else p.as_posix()
    except ValueError:  # another drive on Windows
        return p.as_posix()


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


class Sources:
    """The text of the files findings point at.  The CLI hands it the
    documents of the pair being reported (``use``); locations in other
    files (run-level findings) are read from disk once."""

    def __init__(self, encoding: str | None = None, keep: int = 64) -> None:
        self.encoding = encoding
        self.current: dict[str, Document] = {}
        self._disk: dict[str, Document | None] = {}
        #: How many documents read from disk are kept.
        self.keep = keep

    def use(self, docs: Iterable[Document]) -> None:
        self.current = {d.path: d for d in docs}

    def document(self, path: str) -> Document | None:
        if path in self.current:
            return self.current[path]
        if path not in self._disk:
            if len(self._disk) >= self.keep:
                self._disk.clear()
            try:
                self._disk[path] = decode(Path(path).read_bytes(), path, self.encoding)
            except (OSError, RuconsistError):  # unreadable: fingerprint on the message
                self._disk[path] = None
        return self._disk[path]

    def text(self, loc: Location) -> str | None:
        doc = self.document(loc.path)
        if doc is None:
            return None
        try:
            a = doc.offset(loc.line, loc.column)
            b = doc.offset(loc.end_line, loc.end_column)
        except IndexError:
            return None
        return doc.text[a:b]


class Fingerprints:
    """Fingerprints of findings with paths relative to ``root``."""

    def __init__(self, root: Path, sources: Sources | None = None) -> None:
        self.root = root
        self.sources = sources or Sources()

    def path(self, loc: Location) -> str:
        return relative_to(loc.path, self.root)

    def __call__(self, diag: Diagnostic) -> str:
        text = self.sources.text(diag.location)
        if text is None:
            text = diag.found or diag.message
        return fingerprint(diag, text, self.path(diag.location))


@dataclass
class Entry:
    fingerprint: str
    code: str
    path: str
    lang: str
    rule: str | None
    text: str
    message: str
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "path": self.path,
            "lang": self.lang,
        }
        if self.rule:
            data["rule"] = self.rule
        data["text"] = self.text
        data["message"] = self.message
        if self.count != 1:
            data["count"] = self.count
        return data


@dataclass
class Baseline:
    """Recorded findings, matched by fingerprint and consumed as the run
    finds them again (a fingerprint recorded twice matches twice)."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    remaining: Counter[str] = field(default_factory=Counter)
    matched: int = 0

    @property
    def root(self) -> Path:
        return self.path.resolve().parent

    @classmethod
    def load(cls, path: Path) -> Baseline:
        shown = str(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError("baseline file not found (create it with --write-baseline)", shown) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read baseline: {exc}", shown) from None
        from ruconsist import jsonio

        data = jsonio.loads(raw, shown, ConfigError, "baseline")
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(
                f"not a ruconsist baseline (expected {{\"version\": {FORMAT_VERSION}, \"findings\": [...]}})", shown
            )
        base = cls(path)
        for i, item in enumerate(data["findings"]):
            try:
                entry = Entry(
                    fingerprint=str(item["fingerprint"]),
                    code=str(item["code"]),
                    path=str(item["path"]),
                    lang=str(item.get("lang", "")),
                    rule=item.get("rule"),
                    text=str(item.get("text", "")),
                    message=str(item.get("message", "")),
                    count=int(item.get("count", 1)),
                )
            except (KeyError, TypeError, ValueError):
                raise ConfigError(f"baseline finding #{i + 1} needs 'fingerprint', 'code' and 'path'", shown) from None
            if entry.fingerprint in base.entries:
                base.entries[entry.fingerprint].count += entry.count
            else:
                base.entries[entry.fingerprint] = entry
            base.remaining[entry.fingerprint] += entry.count
        return base

    def fingerprints(self, sources: Sources) -> Fingerprints:
        return Fingerprints(self.root, sources)

    def filter(self, diags: Iterable[Diagnostic], fp: Fingerprints) -> list[Diagnostic]:
        """The findings not in the baseline."""
        out = []
        for d in diags:
            key = fp(d)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.matched += 1
            else:
                out.append(d)
        return out

    def gone(self, checked_paths: Iterable[str]) -> int:
        """Entries not found again among the files that were checked
        (entries of files outside this run are not counted)."""
        checked = set(checked_paths)
        return sum(
            n for key, n in self.remaining.items() if n > 0 and self.entries[key].path in checked
        )


def entry_for(diag: Diagnostic, fp: Fingerprints) -> Entry:
    text = fp.sources.text(diag.location)
    return Entry(
        fingerprint=fp(diag),
        code=diag.code,
        path=fp.path(diag.location),
        lang=diag.location.lang,
        rule=diag.rule,
        text=normalize(text if text is not None else diag.found or ""),
        message=diag.message,
    )


def write(
    path: Path,
    entries: Iterable[Entry],
    checked_paths: Iterable[str] = (),
    keep_others: bool = True,
) -> int:
    """Write a baseline of ``entries``.  When the file exists and
    ``keep_others`` is true, its entries for files outside
    ``checked_paths`` are kept, so a run over part of a repository
    updates only that part.  Returns the number of findings written."""
    merged: dict[str, Entry] = {}
    checked = set(checked_paths)
    if keep_others and path.exists():
        old = Baseline.load(path)
        for key, entry in old.entries.items():
            if entry.path not in checked:
                merged[key] = entry
    for entry in entries:
        if entry.fingerprint in merged:
            merged[entry.fingerprint].count += 1
        else:
            merged[entry.fingerprint] = entry
    items = sorted(merged.values(), key=lambda e: (e.path, e.code, e.text, e.fingerprint))
    doc = {
        "version": FORMAT_VERSION,
        "tool": "ruconsist",
        "findings": [e.to_dict() for e in items],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    _atomic_write(path, text)
    return sum(e.count for e in items)


def _atomic_write(path: Path, text: str) -> None:
    from ruconsist.atomic import write_atomic

    write_atomic(path, text.encode("utf-8"))


def checked_paths(paths: Iterable[str], root: Path) -> list[str]:
    return [relative_to(p, root) for p in paths]


__all__ = [
    "Baseline",
    "Entry",
    "Fingerprints",
    "Sources",
    "entry_for",
    "fingerprint",
    "normalize",
    "write",
]
