"""The README's snippets, run as a reader would run them.

Each fenced block of README.md is either run (the ``ruconsist`` command
lines, in a directory holding the files they name), loaded by the code
that would read it (configuration, rule pack, JSON output), compared
with what the command prints (the sample outputs), or, for the CI
snippets, checked for what can be checked offline: they parse, name
hooks and inputs that exist, and pin nothing that does not exist yet.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from ruconsist.cli import main
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    """The README's fenced blocks of ``lang`` ("" for untagged ones)."""
    return [m.group(2) for m in re.finditer(r"^```(\w*)\n(.*?)^```", README, re.M | re.S) if m.group(1) == lang]


def commands(block: str) -> list[str]:
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.startswith("ruconsist ")]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(argv, out, err)
    except SystemExit as exc:  # argparse on a bad option
        code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


RU = "Владимир Путин провёл переговоры в Москве 5 февраля 2026 года.\n\nВстреча длилась 3 часа.\n"
ZH = "弗拉基米尔·普京2026年2月5日在莫斯科举行了会谈。\n\n会见持续了3小时。\n"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch) -> Path:
    """The files the Usage block names, in a git repository with an
    ``origin/main``."""
    files = {
        "news/a.ru.md": RU,
        "news/a.zh.md": ZH.replace("·", "*"),  # a fixable error, for --diff and --fix
        "a.ru.md": RU,
        "a.zh.md": ZH,
        "a.txt": RU,
        "b.txt": ZH,
        "article.txt": "Переговоры\n会谈\n\n" + RU + "\n" + ZH,
        "corpus.ru": "Путин прибыл в Москву.\nВстреча длилась 3 часа.\n",
        "corpus.zh": "普京抵达莫斯科。\n会见持续了3小时。\n",
        "corpus/x.ru.txt": RU,
        "corpus/x.zh.txt": ZH,
        "house.yaml": "version: 1\nterms:\n  - id: kremlin\n    category: place\n    ru: [Кремль]\n    zh: [克里姆林宫]\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "texts"], cwd=tmp_path, check=True)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_usage_line_runs_as_written(workspace: Path) -> None:
    (usage,) = [b for b in blocks("sh") if "ruconsist check news/" in b]
    lines = commands(usage)
    assert len(lines) >= 10
    for line in lines:
        code, out, err = run(shlex.split(line)[1:])
        assert code in (0, 1), (line, err)
        assert "Traceback" not in err and "internal error" not in err, (line, err)
        if "--format json" in line:
            assert json.loads(out)["summary"]["pairs"] == 1
        if "--diff" in line:
            assert "+弗拉基米尔·普京" in out
    # --fix wrote the fix the --diff line previewed.
    assert "弗拉基米尔·普京" in (workspace / "news/a.zh.md").read_text(encoding="utf-8")


def test_the_first_command_prints_the_errors_shown_and_exits_1(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    code, out, _ = run(["check", "examples/"])
    assert code == 1  # as the README says right below the command
    shown = blocks("")[0]
    for line in shown.splitlines():
        # Each shown line is the start of a printed one, cut at '…'.
        head = line.split("…")[0].strip()
        if line.startswith("examples/"):
            assert any(printed.startswith(head) for printed in out.splitlines()), head


def test_the_machine_translation_sample_is_what_the_command_prints(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    (block,) = [b for b in blocks("sh") if "--profile mt" in b]
    (line,) = commands(block)
    code, out, _ = run(shlex.split(line)[1:])
    assert code == 1
    (shown,) = [b for b in blocks("") if "MT004" in b]
    for line in shown.splitlines():
        for part in line.split("…"):
            assert part.strip() in out, part


def test_the_json_sample_has_the_shape_of_the_json_output(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    (sample,) = [json.loads(b) for b in blocks("json") if '"diagnostics"' in b]
    _, out, _ = run(["check", "examples/", "--format", "json"])
    real = json.loads(out)
    assert set(sample) <= set(real)
    assert set(sample["summary"]) <= set(real["summary"])
    for diag in sample["diagnostics"]:
        assert set(diag) <= set(real["diagnostics"][0])
        for loc in diag["locations"]:
            assert set(loc) <= set(real["diagnostics"][0]["locations"][0])


def test_the_configuration_sample_pairs_and_loads(tmp_path: Path, monkeypatch) -> None:
    (config,) = [b for b in blocks("yaml") if b.startswith("pairs:")]
    (pack,) = [b for b in blocks("yaml") if b.startswith("version: 1\nterms:")]
    (tmp_path / ".ruconsist.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms/house.yaml").write_text(pack, encoding="utf-8")
    article = tmp_path / "articles/talks"
    article.mkdir(parents=True)
    (article / "original.md").write_text(RU, encoding="utf-8")
    (article / "translation.md").write_text(ZH.replace("弗拉基米尔·普京", "普丁"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "articles/"])
    # Paired by the template, and the forbidden 普丁 (TRM002) ignored
    # as the sample says.
    assert (code, out.strip()) == (0, "1 pair checked: 0 errors, 0 warnings"), err
    # Without that line, the sample's pack reports it.
    (tmp_path / ".ruconsist.yaml").write_text(config.replace("ignore: [TRM002]\n", ""), encoding="utf-8")
    code, out, err = run(["check", "articles/", "--format", "json"])
    assert code == 1, err
    found = [(d["code"], d["rule"]) for d in json.loads(out)["diagnostics"]]
    assert ("TRM002", "putin") in found


def test_the_per_path_options_sample_is_a_valid_configuration(tmp_path: Path, monkeypatch) -> None:
    (sample,) = [b for b in blocks("yaml") if b.startswith("per-path-options:")]
    (tmp_path / ".ruconsist.yaml").write_text(sample, encoding="utf-8")
    (tmp_path / "mt-eval").mkdir()
    (tmp_path / "mt-eval/run.csv").write_text((REPO / "examples/mt-eval.csv").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "mt-eval/run.csv"])
    assert code == 1, err
    assert "MT004" in out


def test_the_pre_commit_snippets_name_hooks_that_exist(workspace: Path) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    configs = [yaml.safe_load(b) for b in blocks("yaml") if "repos:" in b]
    assert len(configs) == 2
    remote, local = configs
    named = [h["id"] for h in remote["repos"][0]["hooks"]]
    assert named and set(named) <= set(hooks)
    assert "ruconsist-all" in re.search(r"# - id: (\S+)", README).group(1)
    # The local hook's entry, given the files of a commit, runs.
    (hook,) = local["repos"][0]["hooks"]
    code, _, err = run([*shlex.split(hook["entry"])[1:], "news/a.ru.md", "house.yaml"])
    assert code in (0, 1), err


def test_ci_snippets_parse_and_pin_only_what_exists() -> None:
    tags = subprocess.run(["git", "tag"], cwd=REPO, capture_output=True, text=True).stdout.split()
    pins = re.findall(r"OWNER/ruconsist(?:/ruconsist)?@([\w.-]+)", README) + re.findall(r"^\s*rev: (\S+)", README, re.M)
    assert pins
    for pin in pins:
        # No release is tagged yet: a pin is a commit until one is.
        assert pin in tags or re.fullmatch(r"[0-9a-f]{40}", pin), pin
    for block in blocks("yaml"):
        yaml.safe_load(block)
    # The component's inputs exist in its spec.
    spec = next(yaml.safe_load_all((REPO / "templates/ruconsist.yml").read_text(encoding="utf-8")))
    for block in blocks("yaml"):
        doc = yaml.safe_load(block)
        if isinstance(doc, dict) and "include" in doc:
            for inc in doc["include"]:
                assert set(inc.get("inputs", {})) <= set(spec["spec"]["inputs"])
    # Nothing is installed from a package index that has no ruconsist yet.
    for block in blocks("sh"):
        assert not re.search(r"pip install ['\"]?ruconsist\b(?!\[)", block), block


def test_the_cache_commands_run(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(tmp_path / "cache"))
    (block,) = [b for b in blocks("sh") if "ruconsist cache" in b]
    for line in commands(block):
        code, out, err = run(shlex.split(line)[1:])
        assert code == 0, err
        assert str(tmp_path / "cache") in out
