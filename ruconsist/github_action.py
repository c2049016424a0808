"""The logic of the GitHub Action (``action.yml`` at the repository root).

The Action's steps call this module; none of its logic is shell in YAML::

    python -I .../ruconsist/github_action.py prepare    # before install: pip's cache
    python -m ruconsist.github_action cache-key         # ruconsist's cache
    python -m ruconsist.github_action run               # the check

``prepare`` runs before ruconsist is installed, so this module imports
only the standard library at the top; ``-I`` keeps the module's own
directory off ``sys.path``.

``run`` reads the Action's inputs from ``INPUT_*`` variables (set in
``action.yml``), works out the base of a pull request from the event
file, fetches it if the checkout is shallow, runs ``ruconsist check``
with the requested formats, appends the Markdown summary to
``$GITHUB_STEP_SUMMARY``, writes ``errors``, ``warnings`` and
``sarif-file`` to ``$GITHUB_OUTPUT``, and fails at the requested level.
Each step writes its results as ``name=value`` lines to
``$GITHUB_OUTPUT``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

DEFAULT_FORMATS = ("github", "sarif", "markdown")
FAIL_LEVELS = ("error", "warning", "never")
#: Where reports that neither go to the log nor have an input of their own
#: are written, relative to the working directory.
REPORT_FILES = {
    "json": "ruconsist.json",
    "junit": "ruconsist-junit.xml",
    "gitlab": "gl-code-quality.json",
    "rdjsonl": "ruconsist.rdjsonl",
    "parsable": "ruconsist.txt",
}
#: The formats shown in the job's log rather than written to a file.
LOG_FORMATS = ("github", "text")
#: ``base`` values that ask for every pair, also in a pull request.
NO_BASE = ("none", "all")


class ActionError(Exception):
    """A problem with the Action's inputs or the checkout: one line, exit 2."""


# ---------------------------------------------------------------------------
# GitHub's files


def set_outputs(environ: Mapping[str, str], values: Mapping[str, str]) -> None:
    """Append ``name=value`` lines to ``$GITHUB_OUTPUT`` (values are one
    line each)."""
    target = environ.get("GITHUB_OUTPUT")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as fh:
        for name, value in values.items():
            fh.write(f"{name}={' '.join(str(value).splitlines())}\n")


def read_event(environ: Mapping[str, str]) -> dict:
    path = environ.get("GITHUB_EVENT_PATH")
    if not path or not os.path.isfile(path):
        return {}
    try:
        with open(path, encoding="utf-8") as fh:
            event = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ActionError(f"cannot read the event file {path}: {exc}") from None
    return event if isinstance(event, dict) else {}


def error_command(message: str) -> str:
    """A workflow command that fails the step with ``message``."""
    from ruconsist.formatters.github import escape_data

    return f"::error title=ruconsist::{escape_data(message)}\n"


# ---------------------------------------------------------------------------
# prepare: pip's cache (no ruconsist yet)


def action_root() -> Path:
    return Path(__file__).resolve().parent.parent


def file_digest(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"missing")
        h.update(b"\0")
    return h.hexdigest()[:16]


def prepare(environ: Mapping[str, str]) -> dict[str, str]:
    """pip's cache directory and a key for it: the runner's system, the
    Python version and the Action's own ``pyproject.toml`` (its
    dependencies)."""
    try:
        pip_dir = subprocess.run(
            [sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pip_dir = ""
    runner = environ.get("RUNNER_OS", sys.platform)
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    key = f"ruconsist-pip-{runner}-py{py}-{file_digest([action_root() / 'pyproject.toml'])}"
    return {"pip-dir": pip_dir, "pip-key": key}


# ---------------------------------------------------------------------------
# cache-key: ruconsist's cache, keyed by version and packs


def extra_args(environ: Mapping[str, str]) -> list[str]:
    try:
        return shlex.split(environ.get("INPUT_ARGS", ""))
    except ValueError as exc:
        raise ActionError(f"input 'args': {exc}") from None


def paths_of(environ: Mapping[str, str]) -> list[str]:
    try:
        paths = shlex.split(environ.get("INPUT_PATHS", ""))
    except ValueError as exc:
        raise ActionError(f"input 'paths': {exc}") from None
    return paths or ["."]


def rule_packs(environ: Mapping[str, str]) -> list[Path]:
    """The packs a run loads: the shipped ones, the configuration's
    ``rules:`` and the ``--rules`` of the ``args`` input."""
    from ruconsist.config import discover_config
    from ruconsist.rules import default_pack_paths

    config = discover_config(environ.get("INPUT_CONFIG") or None, paths=paths_of(environ))
    packs = [*default_pack_paths(), *(Path(p) for p in config.rules)]
    args = extra_args(environ)
    for i, word in enumerate(args):
        if word == "--rules" and i + 1 < len(args):
            packs.append(Path(args[i + 1]))
        elif word.startswith("--rules="):
            packs.append(Path(word.split("=", 1)[1]))
    return packs


def ruconsist_cache_dir(environ: Mapping[str, str]) -> str:
    """The directory ruconsist caches in (``RUCONSIST_CACHE_DIR`` or its
    default), or ``""`` when caching is off."""
    from ruconsist import cache

    if environ.get("RUCONSIST_NO_CACHE"):
        return ""
    if environ.get("RUCONSIST_CACHE_DIR"):
        return environ["RUCONSIST_CACHE_DIR"]
    directory = cache.cache_dir()
    return str(directory) if directory is not None else ""


def cache_key(environ: Mapping[str, str]) -> dict[str, str]:
    """ruconsist's cache directory, a key naming the version and the
    packs, and the prefix that restores an older cache of the same
    version when a pack changed (its unchanged packs stay valid)."""
    from ruconsist import __version__

    runner = environ.get("RUNNER_OS", sys.platform)
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    prefix = f"ruconsist-cache-{runner}-py{py}-{__version__}-"
    return {
        "dir": ruconsist_cache_dir(environ),
        "key": prefix + file_digest(rule_packs(environ)),
        "restore-key": prefix,
    }


# ---------------------------------------------------------------------------
# run: the check


def git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def base_of(environ: Mapping[str, str], event: Mapping) -> tuple[str | None, str]:
    """The revision to compare with and a phrase saying what it is."""
    explicit = environ.get("INPUT_BASE", "").strip()
    if explicit.lower() in NO_BASE:
        return None, "every pair (base: none)"
    if explicit:
        return explicit, f"the changes since {explicit}"
    pr = event.get("pull_request")
    if isinstance(pr, dict):
        base = pr.get("base") or {}
        if base.get("sha"):
            ref = base.get("ref") or "its base"
            return base["sha"], f"the changes of the pull request (base {ref}, {base['sha'][:12]})"
    group = event.get("merge_group")
    if isinstance(group, dict) and group.get("base_sha"):
        return group["base_sha"], f"the changes of the merge group (base {group['base_sha'][:12]})"
    return None, "every pair"


def ensure_base(base: str, cwd: Path, log: IO[str]) -> None:
    """Make ``base`` and its merge base with HEAD available, fetching what
    a shallow checkout (``actions/checkout`` fetches one commit by
    default) left out."""

    def merge_base() -> bool:
        return git(["merge-base", base, "HEAD"], cwd).returncode == 0

    if merge_base():
        return
    if git(["rev-parse", "--is-inside-work-tree"], cwd).returncode != 0:
        raise ActionError("the working directory is not a git checkout; a base needs one (actions/checkout)")
    if git(["cat-file", "-e", f"{base}^{{commit}}"], cwd).returncode != 0:
        log.write(f"ruconsist: fetching the base {base}\n")
        git(["fetch", "--no-tags", "--quiet", "origin", base], cwd)
    shallow = git(["rev-parse", "--is-shallow-repository"], cwd).stdout.strip() == "true"
    if not merge_base() and shallow:
        log.write("ruconsist: the checkout is shallow; fetching its history to find the merge base\n")
        git(["fetch", "--no-tags", "--quiet", "--unshallow", "origin"], cwd)
    if not merge_base():
        raise ActionError(
            f"base {base!r} has no merge base with HEAD in this checkout"
            " (use actions/checkout with fetch-depth: 0, or set the 'base' input)"
        )


def formats_of(environ: Mapping[str, str]) -> list[str]:
    raw = environ.get("INPUT_FORMATS", "").replace(",", " ").split()
    return list(dict.fromkeys(raw or DEFAULT_FORMATS))


def fail_level_of(environ: Mapping[str, str]) -> str:
    level = (environ.get("INPUT_FAIL_LEVEL") or "error").strip().lower()
    if level == "none":
        level = "never"
    if level not in FAIL_LEVELS:
        raise ActionError(f"input 'fail-level': {level!r} is not one of {', '.join(FAIL_LEVELS)}")
    return level


def cli_has_option(dest: str) -> bool:
    """Whether ``ruconsist check`` has an option (``profile``)."""
    from ruconsist.cli import build_parser

    namespace, _ = build_parser().parse_known_args(["check", "."])
    return hasattr(namespace, dest)


def check_args(environ: Mapping[str, str], base: str | None, formats: Sequence[str], files: Mapping[str, str]) -> list[str]:
    args = ["check", *paths_of(environ)]
    config = environ.get("INPUT_CONFIG", "").strip()
    if config:
        args += ["--config", config]
    profile = environ.get("INPUT_PROFILE", "").strip()
    if profile:
        if not cli_has_option("profile"):
            raise ActionError(
                f"input 'profile' ({profile!r}) needs a ruconsist whose check command has --profile; this one has not"
            )
        args += ["--profile", profile]
    if base:
        args += ["--changed-since", base]
    for fmt in formats:
        args += ["--format", fmt]
        if fmt in files:
            args += ["--output-file", files[fmt]]
    return [*args, *extra_args(environ), "--color", "never", "--exit-zero"]


def append_summary(environ: Mapping[str, str], markdown: str, scope: str) -> None:
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    head, _, rest = markdown.partition("\n")
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(f"{head}\n\nChecked: {scope}.\n{rest}")
        if not rest.endswith("\n"):
            fh.write("\n")


def run(environ: Mapping[str, str], out: IO[str], err: IO[str]) -> int:
    fail_level = fail_level_of(environ)
    formats = formats_of(environ)
    base, scope = base_of(environ, read_event(environ))
    if base:
        ensure_base(base, Path.cwd(), err)
    tmp = Path(tempfile.mkdtemp(prefix="ruconsist-", dir=environ.get("RUNNER_TEMP") or None))
    try:
        return _check(environ, formats, fail_level, base, scope, tmp, out, err)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _check(environ: Mapping[str, str], formats: list[str], fail_level: str, base: str | None, scope: str,
           tmp: Path, out: IO[str], err: IO[str]) -> int:
    from ruconsist.cli import main as cli_main

    sarif_file = environ.get("INPUT_SARIF_FILE", "").strip() or "ruconsist.sarif"
    files = {fmt: REPORT_FILES.get(fmt, f"ruconsist.{fmt}") for fmt in formats if fmt not in LOG_FORMATS}
    if "sarif" in files:
        files["sarif"] = sarif_file
    if "markdown" in files:
        files["markdown"] = str(tmp / "summary.md")
    if "text" in formats:
        files["text"] = str(tmp / "findings.txt")
    # The totals come from the json report: the user's, or one of our own.
    if "json" in files:
        counts, wanted = files["json"], formats
    else:
        counts, wanted = str(tmp / "counts.json"), [*formats, "json"]
    args = check_args(environ, base, wanted, {**files, "json": counts})
    out.write(f"ruconsist: checking {scope}\n")
    out.flush()
    code = cli_main(args, out, err)

    errors = warnings = ""
    if os.path.isfile(counts):
        totals = json.loads(Path(counts).read_text(encoding="utf-8"))["summary"]
        errors, warnings = str(totals["errors"]), str(totals["warnings"])
    if "text" in formats and os.path.isfile(files["text"]):
        out.write("::group::ruconsist findings\n")
        out.write(Path(files["text"]).read_text(encoding="utf-8"))
        out.write("::endgroup::\n")
    if "markdown" in files and os.path.isfile(files["markdown"]):
        append_summary(environ, Path(files["markdown"]).read_text(encoding="utf-8"), scope)
    reported = {fmt: path for fmt, path in files.items() if fmt in REPORT_FILES and os.path.isfile(path)}
    for fmt, path in reported.items():
        out.write(f"ruconsist: {fmt} report written to {path}\n")
    set_outputs(
        environ,
        {
            "errors": errors,
            "warnings": warnings,
            "sarif-file": sarif_file if "sarif" in files and os.path.isfile(sarif_file) else "",
        },
    )
    if code != 0:
        out.write(error_command("ruconsist could not check every file (see the log above)"))
        return code
    failing = int(errors or 0) + (int(warnings or 0) if fail_level == "warning" else 0)
    if fail_level != "never" and failing:
        found = f"{errors} error{'s' if errors != '1' else ''}"
        if fail_level == "warning":
            found += f" and {warnings} warning{'s' if warnings != '1' else ''}"
        out.write(error_command(f"{found} in {scope} (fail-level: {fail_level})"))
        return 1
    return 0


# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None,
         out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    environ = os.environ if environ is None else environ
    out = out or sys.stdout
    err = err or sys.stderr
    command = argv[0] if argv else ""
    try:
        if command == "prepare":
            set_outputs(environ, prepare(environ))
            return 0
        if command == "cache-key":
            from ruconsist.errors import RuconsistError

            try:
                set_outputs(environ, cache_key(environ))
            except RuconsistError as exc:
                raise ActionError(str(exc)) from None
            return 0
        if command == "run":
            return run(environ, out, err)
    except ActionError as exc:
        out.write(error_command(str(exc)))
        return 2
    err.write("usage: python -m ruconsist.github_action {prepare,cache-key,run}\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
