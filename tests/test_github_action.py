"""The GitHub Action: its entry point run against a simulated pull request
(a git repository with a base and a head commit, an event file, the
files GitHub gives a step), and ``action.yml`` and the workflows checked
as GitHub reads them."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from ruconsist import ci, github_action
from tests.ci_support import check_jsonschema, commit, git, make_pull_request, shellcheck
from tests.conftest import DATA, REPO

NEWS = str(DATA / "news.yaml")
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
@pytest.fixture
def pull_request(tmp_path: Path) -> dict:
    return make_pull_request(tmp_path)


class Runner:
    """The environment GitHub gives the Action's ``run`` step."""

    def __init__(self, tmp_path: Path, repo: Path, event: dict, event_name: str, inputs: dict[str, str]) -> None:
        self.repo = repo
        gh = tmp_path / "github"
        gh.mkdir(exist_ok=True)
        (gh / "event.json").write_text(json.dumps(event), encoding="utf-8")
        (gh / "temp").mkdir(exist_ok=True)
        self.summary = gh / "step_summary.md"
        self.output = gh / "output.txt"
        self.summary.write_text("", encoding="utf-8")
        self.output.write_text("", encoding="utf-8")
        self.environ = {
            "GITHUB_EVENT_NAME": event_name,
            "GITHUB_EVENT_PATH": str(gh / "event.json"),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
            "RUNNER_TEMP": str(gh / "temp"),
            "RUNNER_OS": "Linux",
            "INPUT_ARGS": f"--no-default-rules --rules {NEWS}",
            **{f"INPUT_{k.upper().replace('-', '_')}": v for k, v in inputs.items()},
        }

    def run(self, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
        monkeypatch.chdir(self.repo)
        out, err = io.StringIO(), io.StringIO()
        code = github_action.main(["run"], self.environ, out, err)
        return code, out.getvalue(), err.getvalue()

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text(encoding="utf-8").splitlines()
        return dict(line.split("=", 1) for line in lines)


def pr_event(base: str) -> dict:
    return {"pull_request": {"number": 7, "base": {"ref": "main", "sha": base}, "head": {"ref": "fix-names"}}}


def annotations(out: str) -> list[tuple[str, str, str]]:
    """(kind, file, title) of each workflow command that annotates a file."""
    found = re.findall(r"^::(error|warning|notice) file=([^,]+),.*?title=([^:]+)::", out, re.MULTILINE)
    return [(kind, path, title) for kind, path, title in found]


def test_pull_request_reports_only_what_it_changed_on_both_files(
    pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner(tmp_path, pull_request["repo"], pr_event(pull_request["base"]), "pull_request", {"paths": "news"})
    code, out, err = runner.run(monkeypatch)
    # The new '*' fails the check; the old findings of pairs a and b do not
    # show, as the pull request did not touch their segments.
    assert code == 1, (out, err)
    assert annotations(out) == [
        ("error", "news/b.zh.md", "NAM001 name-separator"),
        ("error", "news/b.ru.md", "NAM001 name-separator (RU counterpart)"),
    ]
    scope = f"the changes of the pull request (base main, {pull_request['base'][:12]})"
    assert out.startswith(f"ruconsist: checking {scope}\n")
    assert out.rstrip().endswith(f"::error title=ruconsist::1 error in {scope} (fail-level: error)")
    assert runner.outputs() == {"errors": "1", "warnings": "0", "sarif-file": "ruconsist.sarif"}
    sarif = json.loads((pull_request["repo"] / "ruconsist.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SARIF_SCHEMA)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["NAM001"]
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith(f"## ruconsist: 1 error, 0 warnings in 1 pair\n\nChecked: {scope}.\n")
    assert "Not shown: 1 finding outside the changed segments." in summary
    assert "| ZH | news/b.zh.md:3 | <b>弗拉基米尔\\*普京</b>举行了会谈。 |" in summary
    assert "| RU | news/b.ru.md:3 | <b>Владимир Путин провёл переговоры.</b> |" in summary


def test_pull_request_without_translation_changes_passes(
    pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = pull_request["repo"]
    git("checkout", "-q", "-b", "readme-only", pull_request["base"], cwd=repo)
    commit(repo, {"README.md": "How we translate.\n"}, "readme")
    runner = Runner(tmp_path, repo, pr_event(pull_request["base"]), "pull_request", {})
    code, out, err = runner.run(monkeypatch)
    assert code == 0, (out, err)
    assert annotations(out) == []
    assert runner.outputs() == {"errors": "0", "warnings": "0", "sarif-file": "ruconsist.sarif"}
    assert runner.summary.read_text(encoding="utf-8").startswith("## ruconsist: 0 errors, 0 warnings in 0 pairs\n")


def test_push_checks_every_pair_and_appends_to_the_summary(
    pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner(tmp_path, pull_request["repo"], {"ref": "refs/heads/main"}, "push", {"fail-level": "never"})
    runner.summary.write_text("# Earlier step\n", encoding="utf-8")
    code, out, _ = runner.run(monkeypatch)
    assert code == 0
    assert {path for _, path, _ in annotations(out)} == {"news/a.ru.md", "news/a.zh.md", "news/b.ru.md", "news/b.zh.md"}
    assert runner.outputs()["errors"] == "3"
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("# Earlier step\n## ruconsist: 3 errors, 0 warnings in 2 pairs\n\nChecked: every pair.\n")


def test_base_none_checks_every_pair_of_a_pull_request(
    pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner(
        tmp_path, pull_request["repo"], pr_event(pull_request["base"]), "pull_request",
        {"base": "none", "formats": "text,json"},
    )
    code, out, _ = runner.run(monkeypatch)
    assert code == 1
    # Without github among the formats there are no annotations; text
    # goes to a folded group of the log, json to its file.
    assert annotations(out) == []
    group = out[out.index("::group::ruconsist findings\n") : out.index("::endgroup::")]
    assert "news/a.ru.md:1:1: TRM001 [error]" in group
    assert "ruconsist: json report written to ruconsist.json" in out
    assert json.loads((pull_request["repo"] / "ruconsist.json").read_text(encoding="utf-8"))["summary"]["errors"] == 3
    assert runner.outputs() == {"errors": "3", "warnings": "0", "sarif-file": ""}
    assert runner.summary.read_text(encoding="utf-8") == ""


def test_other_formats_are_written_to_files_named_in_the_log(
    pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner(
        tmp_path, pull_request["repo"], pr_event(pull_request["base"]), "pull_request",
        {"formats": "gitlab, junit rdjsonl,parsable"},
    )
    code, out, _ = runner.run(monkeypatch)
    assert code == 1
    repo = pull_request["repo"]
    for fmt, name in github_action.REPORT_FILES.items():
        if fmt == "json":
            continue
        assert f"ruconsist: {fmt} report written to {name}\n" in out
        assert (repo / name).is_file(), name
    assert len((repo / "ruconsist.rdjsonl").read_text(encoding="utf-8").splitlines()) == 2  # both files
    assert (repo / "ruconsist.txt").read_text(encoding="utf-8").startswith("news/b.zh.md:3:1: [error] NAM001")
    assert not (repo / "ruconsist.json").exists()  # the totals' own report is not left behind


def test_shallow_checkout_fetches_the_base(pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # actions/checkout's default: one commit of the head, no base.
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", "--branch", "fix-names", pull_request["repo"].as_uri(), str(clone), cwd=tmp_path)
    assert git("rev-parse", "--is-shallow-repository", cwd=clone) == "true"
    runner = Runner(tmp_path, clone, pr_event(pull_request["base"]), "pull_request", {"paths": "news"})
    code, out, err = runner.run(monkeypatch)
    assert code == 1, (out, err)
    assert "ruconsist: fetching the base" in err
    assert [path for _, path, _ in annotations(out)] == ["news/b.zh.md", "news/b.ru.md"]


def test_unknown_base_is_one_clear_error(pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = Runner(tmp_path, pull_request["repo"], {}, "push", {"base": "no-such-branch"})
    code, out, _ = runner.run(monkeypatch)
    assert code == 2
    assert out.startswith("::error title=ruconsist::base 'no-such-branch' has no merge base with HEAD")


@pytest.mark.parametrize(
    ("level", "expected"),
    [("error", 1), ("warning", 1), ("never", 0), ("none", 0), ("loud", 2)],
)
def test_fail_level(level: str, expected: int, pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = Runner(tmp_path, pull_request["repo"], {}, "push", {"fail-level": level})
    assert runner.run(monkeypatch)[0] == expected


def test_fail_level_warning_fails_on_warnings_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    # A Chinese paragraph with an ASCII comma: a typography warning only.
    (repo / "a.ru.md").write_text("Путин и Си провели переговоры.\n", encoding="utf-8")
    (repo / "a.zh.md").write_text("普京和习近平举行了会谈,双方交换了意见。\n", encoding="utf-8")
    inputs = {"args": "--no-default-rules --select TYP"}
    runner = Runner(tmp_path, repo, {}, "push", {**inputs, "fail-level": "warning"})
    runner.environ["INPUT_ARGS"] = inputs["args"]
    code, out, _ = runner.run(monkeypatch)
    assert code == 1 and runner.outputs()["warnings"] == "1"
    assert "::error title=ruconsist::0 errors and 1 warning in every pair (fail-level: warning)" in out
    runner.environ["INPUT_FAIL_LEVEL"] = "error"
    assert runner.run(monkeypatch)[0] == 0


def test_unreadable_file_fails_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.ru.md").write_bytes("Текст".encode("cp1251"))
    (repo / "a.zh.md").write_text("文本。\n", encoding="utf-8")
    runner = Runner(tmp_path, repo, {}, "push", {})
    code, out, err = runner.run(monkeypatch)
    assert code == 2
    assert "a.ru.md" in err and "::error title=ruconsist::ruconsist could not check every file" in out


def test_profile_is_passed_on_only_when_the_cli_has_it(pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = Runner(tmp_path, pull_request["repo"], {}, "push", {"profile": "mt", "fail-level": "never"})
    code, out, err = runner.run(monkeypatch)
    if ci.cli_has_option("profile"):
        assert code == 0
        assert ci.check_args(runner.environ, None, {})[2:4] == ["--profile", "mt"]
        # A profile the CLI does not know is its usage error, exit 2.
        runner.environ["INPUT_PROFILE"] = "poetry"
        code, out, err = runner.run(monkeypatch)
        assert code == 2 and "--profile" in err
    else:
        assert code == 2
        assert out.splitlines()[-1] + "\n" == "::error title=ruconsist::input 'profile' ('mt') needs a ruconsist whose check command has --profile; this one has not\n"
    runner.environ["INPUT_PROFILE"] = ""
    assert runner.run(monkeypatch)[0] == 0


def test_cache_key_names_the_version_and_the_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ruconsist import __version__

    monkeypatch.chdir(tmp_path)
    pack = tmp_path / "house.yaml"
    pack.write_text(Path(NEWS).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".ruconsist.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    environ = {"RUNNER_OS": "Linux", "RUCONSIST_CACHE_DIR": str(tmp_path / "cache")}
    first = github_action.cache_key(environ)
    assert first["dir"] == str(tmp_path / "cache")
    assert first["restore-key"].startswith("ruconsist-cache-Linux-py") and first["restore-key"].endswith(f"-{__version__}-")
    assert first["key"].startswith(first["restore-key"])
    assert github_action.cache_key(environ) == first
    # A pack of the configuration changed: a new key, the same prefix.
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    second = github_action.cache_key(environ)
    assert second["key"] != first["key"] and second["restore-key"] == first["restore-key"]
    # A pack given in args counts too; caching off gives no directory.
    extra = tmp_path / "extra.yaml"
    extra.write_text(Path(NEWS).read_text(encoding="utf-8"), encoding="utf-8")
    third = github_action.cache_key({**environ, "INPUT_ARGS": f"--rules {extra}"})
    assert third["key"] != second["key"]
    assert github_action.cache_key({**environ, "RUCONSIST_NO_CACHE": "1"})["dir"] == ""


def test_prepare_runs_before_ruconsist_is_installed(tmp_path: Path) -> None:
    # -I: no PYTHONPATH, no site-packages of the user, the script's own
    # directory off sys.path: only the standard library is there to import.
    output = tmp_path / "output.txt"
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "RUNNER_OS": "Linux"}
    script = REPO / "ruconsist/github_action.py"
    subprocess.run([sys.executable, "-I", "-S", str(script), "prepare"], env=env, check=True, cwd=tmp_path)
    values = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    assert set(values) == {"pip-dir", "pip-key", "pip-restore-key"}
    assert re.fullmatch(r"ruconsist-pip-Linux-py3\.\d+-[0-9a-f]{16}", values["pip-key"])
    assert values["pip-key"].startswith(values["pip-restore-key"])


# ---------------------------------------------------------------------------
# action.yml and the workflows, as GitHub reads them

ACTION = REPO / "action.yml"
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_action_passes_every_input_to_the_entry_point_and_maps_its_outputs() -> None:
    action = load(ACTION)
    steps = {step.get("id"): step for step in action["runs"]["steps"]}
    assert action["runs"]["using"] == "composite"
    check = steps["check"]
    assert check["run"] == "python -m ruconsist.github_action run"
    passed = {name: value for name, value in check["env"].items()}
    for name in action["inputs"]:
        if name == "python-version":
            continue
        # The cache secret goes straight to ruconsist's own variable.
        env = "RUCONSIST_CACHE_KEY" if name == "cache-secret" else "INPUT_" + name.upper().replace("-", "_")
        assert passed.get(env) == f"${{{{ inputs.{name} }}}}", name
    assert {name: out["value"] for name, out in action["outputs"].items()} == {
        "errors": "${{ steps.check.outputs.errors }}",
        "warnings": "${{ steps.check.outputs.warnings }}",
        "sarif-file": "${{ steps.check.outputs.sarif-file }}",
    }
    # Every GitHub expression in a run: line would be pasted into the shell
    # unescaped; inputs go through env instead.
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step


def test_action_defaults_match_the_entry_point() -> None:
    inputs = load(ACTION)["inputs"]
    assert inputs["formats"]["default"].split() == list(github_action.DEFAULT_FORMATS)
    assert inputs["fail-level"]["default"] == "error"
    assert inputs["sarif-file"]["default"] == "ruconsist.sarif"


def test_the_repository_workflow_uses_its_own_action(pull_request: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (flow,) = [load(p) for p in WORKFLOWS if p.name == "ruconsist.yml"]
    steps = flow["jobs"]["ruconsist"]["steps"]
    (own,) = [s for s in steps if s.get("uses") == "./"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == f"${{{{ steps.{own['id']}.outputs.sarif-file }}}}"
    # Its inputs, run on the examples as the Action would.
    monkeypatch.chdir(REPO)
    gh = tmp_path / "gh"
    gh.mkdir()
    environ = {
        "GITHUB_OUTPUT": str(gh / "out"),
        "GITHUB_STEP_SUMMARY": str(gh / "summary"),
        "RUNNER_TEMP": str(gh),
        "INPUT_SARIF_FILE": str(gh / "ruconsist.sarif"),
        **{"INPUT_" + k.upper().replace("-", "_"): str(v) for k, v in own["with"].items()},
    }
    out = io.StringIO()
    assert github_action.main(["run"], environ, out, io.StringIO()) == 0
    assert "::error file=examples/2026-02-04-call.ru.md," in out.getvalue()
    results = json.loads((gh / "ruconsist.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert {"TTL001", "TRM003", "NAM001"} <= {r["ruleId"] for r in results}
    assert (gh / "summary").read_text(encoding="utf-8").startswith("## ruconsist: 3 errors")


@pytest.mark.parametrize(
    ("path", "schema"),
    [(ACTION, "vendor.github-actions"), *((p, "vendor.github-workflows") for p in WORKFLOWS)],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_check_jsonschema_accepts(path: Path, schema: str) -> None:
    result = check_jsonschema(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr


def run_scripts() -> list[tuple[str, str, str]]:
    """(file, step name, shell script) of every ``run:`` step."""
    found = []
    for path in [ACTION, *WORKFLOWS]:
        data = load(path)
        if path == ACTION:
            groups = [data["runs"]["steps"]]
        else:
            groups = [job.get("steps", []) for job in data["jobs"].values()]
        for steps in groups:
            for step in steps:
                if "run" in step:
                    found.append((path.name, step.get("name", step["run"][:30]), step["run"]))
    return found


def test_run_steps_pass_shellcheck() -> None:
    scripts = run_scripts()
    assert scripts
    for file, name, script in scripts:
        result = shellcheck(script)
        assert result.returncode == 0, f"{file}: {name}\n{result.stdout}"


def test_shellcheck_runs_and_catches_an_unquoted_variable() -> None:
    # The check above must be able to fail.
    result = shellcheck('python -m pip install $GITHUB_ACTION_PATH\n')
    assert result.returncode != 0 and "SC2086" in result.stdout
    result = shellcheck('python -m pip install ${{ inputs.version }}\n')
    assert result.returncode != 0 and "SC2086" in result.stdout


def doc_yaml_blocks() -> list[tuple[str, object]]:
    """Each YAML block of docs/ci.md: its text and what it loads as."""
    text = (REPO / "docs/ci.md").read_text(encoding="utf-8")
    return [(block, yaml.safe_load(block)) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def test_docs_workflows_and_jobs_pass_the_schemas_and_shellcheck(tmp_path: Path) -> None:
    """The complete workflows and GitLab jobs docs/ci.md shows are valid
    as GitHub and GitLab read them, and their shell passes shellcheck."""
    checked = {"workflow": 0, "gitlab": 0}
    for n, (raw, block) in enumerate(doc_yaml_blocks()):
        if not isinstance(block, dict):
            continue
        if "jobs" in block:
            kind, schema = "workflow", "vendor.github-workflows"
            scripts = [s["run"] for job in block["jobs"].values() for s in job["steps"] if "run" in s]
        elif any(isinstance(job, dict) and "script" in job for job in block.values()):
            kind, schema = "gitlab", "vendor.gitlab-ci"
            scripts = ["\n".join(job["script"]) for job in block.values() if isinstance(job, dict) and "script" in job]
        else:
            continue
        # The YAML itself: check-jsonschema reads it as YAML 1.2 does, as
        # GitHub does (``on:`` a key, not true).
        path = tmp_path / f"block{n}.yml"
        path.write_text(raw, encoding="utf-8")
        result = check_jsonschema(schema, path)
        assert result.returncode == 0, f"{kind} block {n}: {result.stdout}"
        for script in scripts:
            result = shellcheck(script + "\n")
            assert result.returncode == 0, f"{kind} block {n}:\n{script}\n{result.stdout}"
        checked[kind] += 1
    assert checked["workflow"] >= 3 and checked["gitlab"] >= 2, checked
