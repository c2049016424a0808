"""Running ``ruconsist check`` as a CI job: what the GitHub Action
(:mod:`ruconsist.github_action`) and the GitLab component
(:mod:`ruconsist.gitlab_ci`) share.

Both read their inputs from ``INPUT_*`` variables (``INPUT_PATHS``,
``INPUT_CONFIG``, ``INPUT_PROFILE``, ``INPUT_FAIL_LEVEL``,
``INPUT_BASE``, ``INPUT_ARGS``), make sure the base revision and its
merge base with HEAD are in the clone, run the check in-process with the
reports they want, and decide from the totals whether the job fails.
"""

from __future__ import annotations

import json
import shlex
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

FAIL_LEVELS = ("error", "warning", "never")
#: ``base`` values that ask for every pair, also in a pull request.
NO_BASE = ("none", "all")


class CIError(Exception):
    """A problem with the job's inputs or the clone: one line, exit 2."""


def paths_of(environ: Mapping[str, str]) -> list[str]:
    try:
        paths = shlex.split(environ.get("INPUT_PATHS", ""))
    except ValueError as exc:
        raise CIError(f"input 'paths': {exc}") from None
    return paths or ["."]


def extra_args(environ: Mapping[str, str]) -> list[str]:
    try:
        return shlex.split(environ.get("INPUT_ARGS", ""))
    except ValueError as exc:
        raise CIError(f"input 'args': {exc}") from None


def fail_level_of(environ: Mapping[str, str]) -> str:
    level = (environ.get("INPUT_FAIL_LEVEL") or "error").strip().lower()
    if level == "none":
        level = "never"
    if level not in FAIL_LEVELS:
        raise CIError(f"input 'fail-level': {level!r} is not one of {', '.join(FAIL_LEVELS)}")
    return level


def explicit_base(environ: Mapping[str, str]) -> tuple[str | None, str] | None:
    """The ``base`` input: ``(revision, scope)``, ``(None, scope)`` for
    ``none``, or ``None`` when the input is empty (the CI system's
    default applies)."""
    explicit = environ.get("INPUT_BASE", "").strip()
    if explicit.lower() in NO_BASE:
        return None, "every pair (base: none)"
    if explicit:
        return explicit, f"the changes since {explicit}"
    return None


def git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def ensure_base(base: str, cwd: Path, log: IO[str], hint: str) -> None:
    """Make ``base`` and its merge base with HEAD available, fetching what
    a shallow clone left out.  ``hint`` says how to get a full clone on
    this CI system."""

    def merge_base() -> bool:
        return git(["merge-base", base, "HEAD"], cwd).returncode == 0

    if merge_base():
        return
    if git(["rev-parse", "--is-inside-work-tree"], cwd).returncode != 0:
        raise CIError(f"the working directory is not a git clone; comparing with a base needs one ({hint})")
    if git(["cat-file", "-e", f"{base}^{{commit}}"], cwd).returncode != 0:
        log.write(f"ruconsist: fetching the base {base}\n")
        git(["fetch", "--no-tags", "--quiet", "origin", base], cwd)
    shallow = git(["rev-parse", "--is-shallow-repository"], cwd).stdout.strip() == "true"
    if not merge_base() and shallow:
        log.write("ruconsist: the clone is shallow; fetching its history to find the merge base\n")
        git(["fetch", "--no-tags", "--quiet", "--unshallow", "origin"], cwd)
    if not merge_base():
        raise CIError(f"base {base!r} has no merge base with HEAD in this clone ({hint}, or set the 'base' input)")


def cli_has_option(dest: str) -> bool:
    """Whether ``ruconsist check`` has an option (``profile``)."""
    from ruconsist.cli import build_parser

    namespace, _ = build_parser().parse_known_args(["check", "."])
    return hasattr(namespace, dest)


def check_args(environ: Mapping[str, str], base: str | None, reports: Mapping[str, str | None]) -> list[str]:
    """``ruconsist check`` arguments for the inputs, a base and the
    reports (format → file, or ``None`` for the log)."""
    args = ["check", *paths_of(environ)]
    config = environ.get("INPUT_CONFIG", "").strip()
    if config:
        args += ["--config", config]
    profile = environ.get("INPUT_PROFILE", "").strip()
    if profile:
        if not cli_has_option("profile"):
            raise CIError(
                f"input 'profile' ({profile!r}) needs a ruconsist whose check command has --profile; this one has not"
            )
        args += ["--profile", profile]
    if base:
        args += ["--changed-since", base]
    for fmt, path in reports.items():
        args += ["--format", fmt]
        if path is not None:
            args += ["--output-file", path]
    return [*args, *extra_args(environ), "--color", "never", "--exit-zero"]


@dataclass(frozen=True)
class Outcome:
    """How a check went: ruconsist's exit code (0, or 2 when a file could
    not be read or an input was wrong) and the totals, when the run got
    as far as counting."""

    code: int
    errors: int | None
    warnings: int | None

    def failing(self, fail_level: str) -> str | None:
        """What fails the job at ``fail_level`` (``2 errors``, ``0 errors
        and 1 warning``), or ``None``."""
        errors, warnings = self.errors or 0, self.warnings or 0
        if fail_level == "never" or not (errors or (fail_level == "warning" and warnings)):
            return None
        found = f"{errors} error{'' if errors == 1 else 's'}"
        if fail_level == "warning":
            found += f" and {warnings} warning{'' if warnings == 1 else 's'}"
        return found


def run_check(
    environ: Mapping[str, str], base: str | None, reports: Mapping[str, str | None], tmp: Path,
    out: IO[str], err: IO[str],
) -> Outcome:
    """Run the check with ``reports``; the totals come from the json
    report (the one asked for, or one of our own in ``tmp``)."""
    from ruconsist.cli import main as cli_main

    reports = dict(reports)
    counts = reports.get("json") or str(tmp / "counts.json")
    reports["json"] = counts
    code = cli_main(check_args(environ, base, reports), out, err)
    try:
        totals = json.loads(Path(counts).read_text(encoding="utf-8"))["summary"]
    except (OSError, ValueError, KeyError):
        return Outcome(code, None, None)
    return Outcome(code, int(totals["errors"]), int(totals["warnings"]))
