"""``--changed-since REV``: which lines changed since a git revision.

The comparison is between the merge base of REV and HEAD and the
working tree (like ``git diff REV...`` plus uncommitted and untracked
files), so commits that landed on REV after the branch was made do not
count as changes of the branch.  A pull-request check passes the target
branch (``--changed-since origin/main``).

A finding is reported when the segment it is in changed on either side:
its paragraph in the RU file or the aligned paragraph in the ZH file.
Editing only the Chinese translation therefore still reports a Russian
name whose Chinese rendering the edit broke.
"""

from __future__ import annotations

import codecs
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ruconsist.errors import ConfigError

#: ``@@ -12,3 +14,0 @@`` and ``@@ -5 +5 @@``: the new side's start and length.
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<len>\d+))? @@")


@dataclass
class Changes:
    """Changed lines per file (absolute, resolved paths); files in
    ``whole`` are new or untracked and count as changed everywhere."""

    root: Path
    base: str
    lines: dict[Path, set[int]] = field(default_factory=dict)
    whole: set[Path] = field(default_factory=set)

    @staticmethod
    def key(path: str | Path) -> Path:
        return Path(path).resolve()

    def file_changed(self, path: str | Path) -> bool:
        k = self.key(path)
        return k in self.whole or bool(self.lines.get(k))

    def touches(self, path: str | Path, first: int, last: int) -> bool:
        k = self.key(path)
        if k in self.whole:
            return True
        changed = self.lines.get(k)
        if not changed:
            return False
        if last - first > len(changed):
            return any(first <= n <= last for n in changed)
        return any(n in changed for n in range(first, last + 1))


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
        )
    except FileNotFoundError:
        raise ConfigError("--changed-since needs git, which is not installed") from None
    if proc.returncode != 0:
        msg = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise ConfigError(f"--changed-since: git {args[0]}: {msg}")
    return proc.stdout


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual file names."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        raw = codecs.escape_decode(name[1:-1].encode("utf-8", "surrogateescape"))[0]
        return raw.decode("utf-8", "surrogateescape")  # type: ignore[union-attr]
    return name


def parse_diff(text: str) -> dict[str, set[int]]:
    """Changed new-side line numbers per path (as git prints it, relative
    to the repository root) from ``git diff --unified=0`` output.  A pure
    deletion marks the lines on both sides of the gap: the paragraph it
    shortened."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            if target == "/dev/null":
                current = None
            else:
                current = out.setdefault(target[2:] if target.startswith("b/") else target, set())
            continue
        if current is None:
            continue
        m = HUNK.match(line)
        if m:
            start = int(m.group("start"))
            length = int(m.group("len")) if m.group("len") is not None else 1
            if length == 0:
                current.update(n for n in (start, start + 1) if n > 0)
            else:
                current.update(range(start, start + length))
    return out


def changed_since(rev: str, cwd: Path) -> Changes:
    """Lines changed between the merge base of ``rev`` and HEAD and the
    working tree, plus untracked files.

    :raises ConfigError: not a git repository, or an unknown revision.
    """
    if rev.startswith("-"):
        raise ConfigError(f"--changed-since: {rev!r} is not a revision")
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd)
    except ConfigError:
        raise ConfigError(f"--changed-since: unknown revision {rev!r} (fetch it first in a shallow clone)") from None
    try:
        base = _git(["merge-base", rev, "HEAD"], cwd).strip()
    except ConfigError:  # unrelated histories, or no HEAD yet: compare with rev itself
        base = rev
    diff = _git(
        [
            "diff", "--unified=0", "--no-color", "--no-ext-diff", "--find-renames",
            "--src-prefix=a/", "--dst-prefix=b/", base, "--",
        ],
        cwd,
    )
    changes = Changes(root=root, base=base)
    for rel, lines in parse_diff(diff).items():
        changes.lines[Changes.key(root / rel)] = lines
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], root)
    for rel in untracked.split("\0"):
        if rel:
            changes.whole.add(Changes.key(root / rel))
    return changes
