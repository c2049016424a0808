"""The logic of the GitHub Action (``action.yml`` at the repository root).

The Action's steps call this module; none of its logic is shell in YAML::

    python -I .../ruconsist/github_action.py prepare    # before install: pip's cache
    python -m ruconsist.github_action cache-key         # ruconsist's cache
    python -m ruconsist.github_action run               # the check

``prepare`` runs before ruconsist is installed, so this module imports
only the standard library at the top (ruconsist itself inside the
functions that run after the install); ``-I`` keeps the module's own
directory off ``sys.path``.

``run`` reads the Action's inputs from ``INPUT_*`` variables (set in
``action.yml``), takes the base of a pull request from the event file
(fetching it when the checkout is shallow), runs ``ruconsist check``
with the requested formats (:mod:`ruconsist.ci`, shared with the GitLab
component), appends the Markdown summary to ``$GITHUB_STEP_SUMMARY``,
writes ``errors``, ``warnings`` and ``sarif-file`` to ``$GITHUB_OUTPUT``
and fails at the requested level.  Each step writes its results as
``name=value`` lines to ``$GITHUB_OUTPUT``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

DEFAULT_FORMATS = ("github", "sarif", "markdown")
#: Where reports that neither go to the log nor have an input of their own
#: are written, relative to the working directory.
REPORT_FILES = {
    "json": "ruconsist.json",
    "junit": "ruconsist-junit.xml",
    "gitlab": "gl-code-quality.json",
    "rdjsonl": "ruconsist.rdjsonl",
    "parsable": "ruconsist.txt",
}


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
        from ruconsist.ci import CIError

        raise CIError(f"cannot read the event file {path}: {exc}") from None
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
    prefix = f"ruconsist-pip-{runner}-py{py}-"
    key = prefix + file_digest([action_root() / "pyproject.toml"])
    # An older cache still holds most of the wheels a new version needs.
    return {"pip-dir": pip_dir, "pip-key": key, "pip-restore-key": prefix}


# ---------------------------------------------------------------------------
# cache-key: ruconsist's cache, keyed by version and packs


def rule_packs(environ: Mapping[str, str]) -> list[Path]:
    """The packs a run loads: the shipped ones, the configuration's
    ``rules:`` and the ``--rules`` of the ``args`` input."""
    from ruconsist.ci import extra_args, paths_of
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


def base_of(environ: Mapping[str, str], event: Mapping) -> tuple[str | None, str]:
    """The revision to compare with and a phrase saying what it is: the
    ``base`` input, else the base of a pull request or merge group."""
    from ruconsist.ci import explicit_base

    given = explicit_base(environ)
    if given is not None:
        return given
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


def formats_of(environ: Mapping[str, str]) -> list[str]:
    raw = environ.get("INPUT_FORMATS", "").replace(",", " ").split()
    return list(dict.fromkeys(raw or DEFAULT_FORMATS))


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
    from ruconsist.ci import ensure_base, fail_level_of

    fail_level = fail_level_of(environ)
    formats = formats_of(environ)
    base, scope = base_of(environ, read_event(environ))
    if base:
        ensure_base(base, Path.cwd(), err, "use actions/checkout with fetch-depth: 0")
    tmp = Path(tempfile.mkdtemp(prefix="ruconsist-", dir=environ.get("RUNNER_TEMP") or None))
    try:
        return _check(environ, formats, fail_level, base, scope, tmp, out, err)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _check(environ: Mapping[str, str], formats: list[str], fail_level: str, base: str | None, scope: str,
           tmp: Path, out: IO[str], err: IO[str]) -> int:
    from ruconsist.ci import run_check

    sarif_file = environ.get("INPUT_SARIF_FILE", "").strip() or "ruconsist.sarif"
    reports: dict[str, str | None] = {}
    for fmt in formats:
        reports[fmt] = REPORT_FILES.get(fmt, f"ruconsist.{fmt}")
    reports.update({fmt: None for fmt in ("github",) if fmt in formats})
    if "sarif" in reports:
        reports["sarif"] = sarif_file
    if "markdown" in reports:
        reports["markdown"] = str(tmp / "summary.md")
    if "text" in reports:
        reports["text"] = str(tmp / "findings.txt")
    out.write(f"ruconsist: checking {scope}\n")
    out.flush()
    outcome = run_check(environ, base, reports, tmp, out, err)

    def written(fmt: str) -> str | None:
        path = reports.get(fmt)
        return path if path is not None and os.path.isfile(path) else None

    text = written("text")
    if text:
        out.write("::group::ruconsist findings\n")
        out.write(Path(text).read_text(encoding="utf-8"))
        out.write("::endgroup::\n")
    markdown = written("markdown")
    if markdown:
        append_summary(environ, Path(markdown).read_text(encoding="utf-8"), scope)
    for fmt in REPORT_FILES:
        path = written(fmt)
        if path:
            out.write(f"ruconsist: {fmt} report written to {path}\n")
    set_outputs(
        environ,
        {
            "errors": "" if outcome.errors is None else str(outcome.errors),
            "warnings": "" if outcome.warnings is None else str(outcome.warnings),
            "sarif-file": written("sarif") or "",
        },
    )
    if outcome.code != 0:
        out.write(error_command("ruconsist could not check every file (see the log above)"))
        return outcome.code
    failing = outcome.failing(fail_level)
    if failing:
        out.write(error_command(f"{failing} in {scope} (fail-level: {fail_level})"))
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
            set_outputs(environ, cache_key(environ))
            return 0
        if command == "run":
            return run(environ, out, err)
    except Exception as exc:
        # Only after ruconsist is installed can its errors be raised.
        from ruconsist.ci import CIError
        from ruconsist.errors import RuconsistError

        if not isinstance(exc, (CIError, RuconsistError)):
            raise
        out.write(error_command(str(exc)))
        return 2
    err.write("usage: python -m ruconsist.github_action {prepare,cache-key,run}\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
