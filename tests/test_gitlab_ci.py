"""The GitLab CI/CD component: ``templates/ruconsist.yml`` read as GitLab
reads it (a ``spec`` header, then the job, with ``$[[ inputs.… ]]``
interpolated), and its entry point run in a simulated merge-request
pipeline."""

from __future__ import annotations

import io
import json
import re
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml

from ruconsist import gitlab_ci
from tests.ci_support import check_jsonschema, make_pull_request, shellcheck
from tests.conftest import DATA, REPO

TEMPLATE = REPO / "templates/ruconsist.yml"
NEWS = str(DATA / "news.yaml")
INPUT = re.compile(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]")


def documents() -> tuple[dict, dict]:
    spec, jobs = yaml.safe_load_all(TEMPLATE.read_text(encoding="utf-8"))
    return spec, jobs


def interpolate(values: dict[str, str] | None = None) -> dict:
    """The job as GitLab builds it: the inputs' defaults, or ``values``,
    put in place of ``$[[ inputs.NAME ]]`` in the keys and values of the
    loaded YAML."""
    spec, jobs = documents()
    inputs = {name: str(item.get("default", "")) for name, item in spec["spec"]["inputs"].items()}
    inputs.update(values or {})

    def fill(node: object) -> object:
        if isinstance(node, str):
            return INPUT.sub(lambda m: inputs[m.group(1)], node)
        if isinstance(node, list):
            return [fill(item) for item in node]
        if isinstance(node, dict):
            return {fill(k): fill(v) for k, v in node.items()}
        return node

    return fill(jobs)  # type: ignore[return-value]


def test_template_has_a_component_spec_and_uses_every_input() -> None:
    spec, jobs = documents()
    assert set(spec) == {"spec"}
    declared = set(spec["spec"]["inputs"])
    body = TEMPLATE.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert set(INPUT.findall(body)) == declared
    for name, item in spec["spec"]["inputs"].items():
        assert "default" in item and item.get("description"), name
    assert spec["spec"]["inputs"]["fail-level"]["options"] == ["error", "warning", "never"]
    (job,) = interpolate().values()
    assert job["artifacts"]["reports"] == {"codequality": "gl-code-quality.json", "junit": "ruconsist-junit.xml"}
    assert job["artifacts"]["when"] == "always"
    assert "ruconsist-summary.md" in job["artifacts"]["paths"]
    assert job["script"][-1] == "python -m ruconsist.gitlab_ci"
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert list(interpolate({"job-name": "translations"})) == ["translations"]


@pytest.mark.parametrize("part", [0, 1], ids=["spec", "job"])
def test_template_passes_gitlab_ci_schema(part: int, tmp_path: Path) -> None:
    # check-jsonschema reads one YAML document a file: give it each.
    path = tmp_path / "part.json"
    path.write_text(json.dumps(documents()[part]), encoding="utf-8")
    result = check_jsonschema("vendor.gitlab-ci", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_template_script_passes_shellcheck() -> None:
    (job,) = documents()[1].values()
    result = shellcheck("\n".join(job["script"]) + "\n")
    assert result.returncode == 0, result.stdout


class Pipeline:
    """The variables GitLab gives the component's job in a merge-request
    pipeline."""

    def __init__(self, repo: Path, base: str, values: dict[str, str] | None = None) -> None:
        (job,) = interpolate({"args": f"--no-default-rules --rules {NEWS}", **(values or {})}).values()
        self.repo = repo
        self.environ = {
            **{k: str(v).replace("$CI_PROJECT_DIR", str(repo)) for k, v in job["variables"].items()},
            "CI_PROJECT_DIR": str(repo),
            "CI_PIPELINE_SOURCE": "merge_request_event",
            "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
            "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
            "CI_MERGE_REQUEST_IID": "7",
            "CI_PROJECT_URL": "https://gitlab.example.org/team/texts",
            "CI_COMMIT_SHA": "0123456789abcdef",
        }

    def run(self, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
        monkeypatch.chdir(self.repo)
        for name in ("CI_PROJECT_URL", "CI_COMMIT_SHA"):
            monkeypatch.setenv(name, self.environ[name])
        out, err = io.StringIO(), io.StringIO()
        return gitlab_ci.main([], self.environ, out, err), out.getvalue(), err.getvalue()


def test_merge_request_pipeline_writes_the_reports_of_its_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pr = make_pull_request(tmp_path)
    pipeline = Pipeline(pr["repo"], pr["base"])
    code, out, err = pipeline.run(monkeypatch)
    assert code == 1, (out, err)
    scope = f"the changes of the merge request (target main, {pr['base'][:12]})"
    assert out.startswith(f"ruconsist: checking {scope}\n")
    assert "news/b.zh.md:3:1: NAM001 [error]" in out  # the text report, in the log
    assert out.rstrip().endswith(f"ruconsist: 1 error in {scope} (fail-level: error)")
    quality = json.loads((pr["repo"] / "gl-code-quality.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"]) for i in quality] == [
        ("NAM001", "news/b.zh.md"),
        ("NAM001", "news/b.ru.md"),
    ]
    junit = ET.parse(pr["repo"] / "ruconsist-junit.xml").getroot()
    assert junit.get("failures") == "1"
    summary = (pr["repo"] / "ruconsist-summary.md").read_text(encoding="utf-8")
    assert summary.startswith(f"## ruconsist: 1 error, 0 warnings in 1 pair\n\nChecked: {scope}.\n")
    assert "[news/b.zh.md:3](https://gitlab.example.org/team/texts/-/blob/0123456789abcdef/news/b.zh.md#L3)" in summary


def test_branch_pipeline_checks_every_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pr = make_pull_request(tmp_path)
    pipeline = Pipeline(pr["repo"], pr["base"], {"fail-level": "never"})
    del pipeline.environ["CI_MERGE_REQUEST_DIFF_BASE_SHA"]
    code, out, _ = pipeline.run(monkeypatch)
    assert code == 0 and "ruconsist: checking every pair\n" in out
    assert len(json.loads((pr["repo"] / "gl-code-quality.json").read_text(encoding="utf-8"))) == 6


class NotesAPI(BaseHTTPRequestHandler):
    """GitLab's merge-request notes endpoint, in memory."""

    notes: list[dict] = []
    requests: list[tuple[str, str, str | None]] = []

    def _reply(self, payload: object) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def do_GET(self) -> None:  # noqa: N802
        self.requests.append(("GET", self.path, self.headers.get("PRIVATE-TOKEN")))
        self._reply(self.notes)

    def do_POST(self) -> None:  # noqa: N802
        self.requests.append(("POST", self.path, self.headers.get("PRIVATE-TOKEN")))
        note = {"id": len(self.notes) + 100, "body": self._body()["body"]}
        self.notes.append(note)
        self._reply(note)

    def do_PUT(self) -> None:  # noqa: N802
        self.requests.append(("PUT", self.path, self.headers.get("PRIVATE-TOKEN")))
        note_id = int(self.path.rsplit("/", 1)[1])
        for note in self.notes:
            if note["id"] == note_id:
                note["body"] = self._body()["body"]
        self._reply({})

    def log_message(self, *args: object) -> None:
        pass


def test_summary_note_is_posted_once_then_updated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    NotesAPI.notes = [{"id": 1, "body": "Looks good to me"}]
    NotesAPI.requests = []
    server = HTTPServer(("127.0.0.1", 0), NotesAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pr = make_pull_request(tmp_path)
        pipeline = Pipeline(pr["repo"], pr["base"])
        pipeline.environ.update(
            {
                "RUCONSIST_NOTE_TOKEN": "secret",
                "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4",
                "CI_PROJECT_ID": "42",
            }
        )
        code, out, _ = pipeline.run(monkeypatch)
        assert code == 1 and "ruconsist: posted the summary as a note on merge request !7" in out
        # The pipeline of the next push updates that note.
        code, out, _ = pipeline.run(monkeypatch)
        assert "ruconsist: updated the summary note on merge request !7" in out
    finally:
        server.shutdown()
    notes_path = "/api/v4/projects/42/merge_requests/7/notes"
    assert [(m, p.split("?")[0]) for m, p, _ in NotesAPI.requests] == [
        ("GET", notes_path), ("POST", notes_path), ("GET", notes_path), ("PUT", f"{notes_path}/101"),
    ]
    assert {token for _, _, token in NotesAPI.requests} == {"secret"}
    assert len(NotesAPI.notes) == 2
    assert NotesAPI.notes[1]["body"].startswith(gitlab_ci.NOTE_MARK + "\n## ruconsist: 1 error")


def test_unreachable_notes_api_does_not_fail_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pr = make_pull_request(tmp_path)
    pipeline = Pipeline(pr["repo"], pr["base"], {"fail-level": "never"})
    pipeline.environ.update(
        {"RUCONSIST_NOTE_TOKEN": "secret", "CI_API_V4_URL": "http://127.0.0.1:9/api/v4", "CI_PROJECT_ID": "42"}
    )
    code, out, _ = pipeline.run(monkeypatch)
    assert code == 0 and "ruconsist: could not post the summary note:" in out


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pr = make_pull_request(tmp_path)
    pipeline = Pipeline(pr["repo"], pr["base"], {"base": "no-such-branch"})
    code, out, err = pipeline.run(monkeypatch)
    assert code == 2
    # It tried to fetch the base first; then one line says what is wrong.
    assert err.splitlines()[-1] + "\n" == (
        "ruconsist: base 'no-such-branch' has no merge base with HEAD in this clone"
        " (set GIT_DEPTH: 0 in the job's variables, or set the 'base' input)\n"
    )
