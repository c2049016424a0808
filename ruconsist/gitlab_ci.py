"""The logic of the GitLab CI/CD component (``templates/ruconsist.yml``)::

    python -m ruconsist.gitlab_ci

In a merge-request pipeline only the segments the merge request changed
are checked (since ``CI_MERGE_REQUEST_DIFF_BASE_SHA``, the merge base
GitLab computed); elsewhere every pair, or what the ``base`` input
names.  It writes the Code Quality report and the JUnit report the
component declares as artifacts, the findings as text to the job log,
and the Markdown summary to a file.  When a token is given
(``RUCONSIST_NOTE_TOKEN``, a masked CI/CD variable with the ``api``
scope), the summary is also posted as a note on the merge request, and
updated in place by later pipelines rather than posted again.

Inputs come as ``INPUT_*`` variables (see :mod:`ruconsist.ci`), plus
``INPUT_CODE_QUALITY_FILE``, ``INPUT_JUNIT_FILE`` and
``INPUT_SUMMARY_FILE``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from ruconsist.ci import CIError, ensure_base, explicit_base, fail_level_of, run_check
from ruconsist.errors import RuconsistError

#: Marks the note this job posts, so that a later pipeline updates it.
NOTE_MARK = "<!-- ruconsist summary -->"


def base_of(environ: Mapping[str, str]) -> tuple[str | None, str]:
    given = explicit_base(environ)
    if given is not None:
        return given
    sha = environ.get("CI_MERGE_REQUEST_DIFF_BASE_SHA", "").strip()
    if sha:
        target = environ.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME") or "its target"
        return sha, f"the changes of the merge request (target {target}, {sha[:12]})"
    return None, "every pair"


def with_scope(markdown: str, scope: str) -> str:
    head, _, rest = markdown.partition("\n")
    return f"{head}\n\nChecked: {scope}.\n{rest}"


def _api(url: str, token: str, method: str = "GET", body: dict | None = None) -> object:
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("PRIVATE-TOKEN", token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the CI's own API URL
        return json.loads(response.read().decode("utf-8") or "null")


def post_note(environ: Mapping[str, str], markdown: str, log: IO[str]) -> None:
    """Post ``markdown`` as a note on the pipeline's merge request, or
    update the note an earlier pipeline posted."""
    token = environ.get("RUCONSIST_NOTE_TOKEN", "")
    iid = environ.get("CI_MERGE_REQUEST_IID", "")
    api, project = environ.get("CI_API_V4_URL", ""), environ.get("CI_PROJECT_ID", "")
    if not (token and iid and api and project):
        return
    notes = f"{api}/projects/{project}/merge_requests/{iid}/notes"
    body = {"body": f"{NOTE_MARK}\n{markdown}"}
    try:
        earlier = _api(f"{notes}?sort=asc&per_page=100", token)
        mine = [n for n in earlier if isinstance(n, dict) and str(n.get("body", "")).startswith(NOTE_MARK)] if isinstance(earlier, list) else []
        if mine:
            _api(f"{notes}/{mine[0]['id']}", token, "PUT", body)
            log.write(f"ruconsist: updated the summary note on merge request !{iid}\n")
        else:
            _api(notes, token, "POST", body)
            log.write(f"ruconsist: posted the summary as a note on merge request !{iid}\n")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        # The reports are written; a note that could not be posted does
        # not fail the check.
        log.write(f"ruconsist: could not post the summary note: {exc}\n")


def run(environ: Mapping[str, str], out: IO[str], err: IO[str]) -> int:
    fail_level = fail_level_of(environ)
    base, scope = base_of(environ)
    if base:
        ensure_base(base, Path.cwd(), err, "set GIT_DEPTH: 0 in the job's variables")
    summary_file = environ.get("INPUT_SUMMARY_FILE") or "ruconsist-summary.md"
    reports: dict[str, str | None] = {
        "gitlab": environ.get("INPUT_CODE_QUALITY_FILE") or "gl-code-quality.json",
        "junit": environ.get("INPUT_JUNIT_FILE") or "ruconsist-junit.xml",
        "text": None,
    }
    tmp = Path(tempfile.mkdtemp(prefix="ruconsist-"))
    try:
        reports["markdown"] = str(tmp / "summary.md")
        out.write(f"ruconsist: checking {scope}\n")
        out.flush()
        outcome = run_check(environ, base, reports, tmp, out, err)
        summary = Path(str(reports["markdown"]))
        if summary.is_file():
            markdown = with_scope(summary.read_text(encoding="utf-8"), scope)
            Path(summary_file).write_text(markdown, encoding="utf-8")
            out.write(f"ruconsist: summary written to {summary_file}\n")
            post_note(environ, markdown, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if outcome.code != 0:
        out.write("ruconsist: could not check every file (see above)\n")
        return outcome.code
    failing = outcome.failing(fail_level)
    if failing:
        out.write(f"ruconsist: {failing} in {scope} (fail-level: {fail_level})\n")
        return 1
    return 0


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None,
         out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return run(environ, out, err)
    except (CIError, RuconsistError) as exc:
        err.write(f"ruconsist: {exc}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
