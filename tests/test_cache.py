"""The on-disk matcher cache: atomic, shared safely, rebuilt when bad."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ruconsist import cache
from tests.conftest import REPO


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(d))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("RUCONSIST_NO_CACHE", raising=False)
    monkeypatch.delenv("RUCONSIST_CACHE_KEY", raising=False)
    return d


# --------------------------------------------------------------------------
# Real runs on a fresh cache, as a user's machine sees them.  One series
# serves every test below that needs it (a run on a fresh cache costs
# seconds): the first run, the next (which builds the pinyin store the
# first asked for, see ruconsist.lang.pinyin_store) and a warm one.  Each
# run says whether it imported PyYAML and pypinyin.

DRIVER = (
    "import sys\n"
    "from ruconsist.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "sys.stderr.write('\\nimported: yaml=%s pypinyin=%s\\n' % ('yaml' in sys.modules, 'pypinyin' in sys.modules))\n"
    "sys.exit(rc)\n"
)


@dataclass
class Runs:
    cache: Path
    state: Path
    pair: tuple[Path, Path]
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    warm: subprocess.CompletedProcess[str]
    #: What the cache held after each step.
    after_first: list[str]
    after_second: list[str]

    @classmethod
    def prepared(cls, tmp: Path) -> Runs:
        ru, zh = tmp / "pal.ru.txt", tmp / "pal.zh.txt"
        ru.write_text("Си Цзинпин пригласил Путина в Шэньчжэнь.\n", encoding="utf-8")
        zh.write_text("习近平邀请普京到深圳。\n", encoding="utf-8")
        return cls(tmp / "cache", tmp / "state", (ru, zh), None, None, None, [], [])  # type: ignore[arg-type]

    def command(self) -> list[str]:
        # The example article, and a pair the Palladius check reports
        # on (PAL001): its readings come from pypinyin or from the store.
        return [sys.executable, "-c", DRIVER, "check", "-f", "json", "examples/", str(self.pair[0])]

    def env(self, cache_dir: Path) -> dict[str, str]:
        env = {**os.environ, "RUCONSIST_CACHE_DIR": str(cache_dir), "XDG_STATE_HOME": str(self.state)}
        env.pop("RUCONSIST_NO_CACHE", None)
        env.pop("RUCONSIST_CACHE_KEY", None)
        return env

    def start(self, cache_dir: Path) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.command(), cwd=REPO, env=self.env(cache_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def run(self, cache_dir: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(), cwd=REPO, env=self.env(cache_dir), capture_output=True, text=True, timeout=300)


def _modules(run: subprocess.CompletedProcess[str]) -> dict[str, bool]:
    line = run.stderr.strip().splitlines()[-1]
    assert line.startswith("imported: "), run.stderr
    return {k: v == "True" for k, v in (part.split("=") for part in line.removeprefix("imported: ").split())}


def _messages(run: subprocess.CompletedProcess[str]) -> str:
    """What the run wrote on stderr before the driver's line."""
    return run.stderr.rstrip("\n").rsplit("\n", 1)[0] if "\n" in run.stderr.strip() else ""


def _listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    series = Runs.prepared(tmp_path_factory.mktemp("runs"))
    series.first = series.run(series.cache)
    series.after_first = _listing(series.cache)
    series.second = series.run(series.cache)
    series.after_second = _listing(series.cache)
    series.warm = series.run(series.cache)
    return series


def test_each_run_finds_the_same(runs: Runs) -> None:
    assert runs.first.returncode == runs.second.returncode == runs.warm.returncode == 1, runs.first.stderr
    assert "PAL001" in runs.first.stdout and "TTL001" in runs.first.stdout
    assert runs.second.stdout == runs.warm.stdout == runs.first.stdout
    assert _messages(runs.first) == _messages(runs.second) == _messages(runs.warm) == ""


def test_two_runs_at_once_share_one_cache(tmp_path: Path, runs: Runs) -> None:
    pair = Runs.prepared(tmp_path)
    procs = [pair.start(pair.cache) for _ in range(2)]
    outs = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [1, 1], [err for _, err in outs]
    assert outs[0][0] == outs[1][0] == runs.first.stdout.replace(str(runs.pair[0].parent), str(pair.pair[0].parent))
    # No temporary file left behind, and every entry they left is
    # complete: it loads (a truncated or interleaved entry fails its tag).
    assert not [name for name in _listing(pair.cache) if name.startswith(".")]
    entries = sorted(pair.cache.glob("*.pickle"))
    assert len(entries) > 10
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_STATE_HOME", str(pair.state))
        mp.delenv("RUCONSIST_CACHE_KEY", raising=False)
        assert [p.name for p in entries if cache.load_entry(p) is None] == []


def test_a_warm_run_reads_no_yaml(runs: Runs) -> None:
    # Parsing YAML was a fifth of a pre-commit run's start-up; with every
    # pack in the cache, PyYAML is not even imported.
    assert [_modules(r)["yaml"] for r in (runs.first, runs.second, runs.warm)] == [True, False, False]


def test_a_warm_run_does_not_import_pypinyin(runs: Runs) -> None:
    # The first run asks pypinyin in memory and only marks the store as
    # wanted; the next builds it; later ones read it alone.
    assert [_modules(r)["pypinyin"] for r in (runs.first, runs.second, runs.warm)] == [True, True, False]
    assert [name.rsplit(".", 1)[1] for name in runs.after_first if name.startswith("pinyin-")] == ["wanted"]
    assert [name.rsplit(".", 1)[1] for name in runs.after_second if name.startswith("pinyin-")] == ["sqlite3"]


def test_second_call_loads_instead_of_building(cache_dir: Path) -> None:
    calls = []
    build = lambda: calls.append(1) or {"forms": frozenset({"путина"})}  # noqa: E731
    assert cache.cached("t", "k1", build) == {"forms": frozenset({"путина"})}
    assert cache.cached("t", "k1", build) == {"forms": frozenset({"путина"})}
    assert calls == [1]


def test_corrupt_or_foreign_entry_is_rebuilt(cache_dir: Path) -> None:
    cache_dir.mkdir()
    (cache_dir / "t-k2.pickle").write_bytes(b"ruconsist-cache\n\x80\x04garbage")
    assert cache.cached("t", "k2", lambda: 42) == 42
    (cache_dir / "t-k3.pickle").write_bytes(pickle.dumps("no magic header"))
    assert cache.cached("t", "k3", lambda: 43) == 43


def test_interrupted_write_leaves_no_partial_file(cache_dir: Path, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    # Interrupted after the temporary file is written, before the rename.
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        cache.cached("t", "k4", lambda: 1)
    assert list(cache_dir.iterdir()) == []


def test_unwritable_cache_does_not_stop_a_run(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("t", "k5", lambda: 7) == 7


def test_key_changes_with_pack_content() -> None:
    assert cache.key_for("a") != cache.key_for("b")
    assert cache.key_for("a") == cache.key_for("a")


PACK = """version: 1
pack: people
terms:
  - id: ushakov
    category: name
    ru: [Юрий Ушаков, Ушаков]
    zh: [尤里·乌沙科夫, 乌沙科夫]
"""


def _pack_entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("pack-*.pickle")) if cache_dir.is_dir() else []


def test_a_parsed_pack_is_stored_and_reused(cache_dir: Path, tmp_path: Path) -> None:
    from ruconsist.rules import load_pack

    path = tmp_path / "people.yaml"
    path.write_text(PACK, encoding="utf-8")
    first = load_pack(path, "people.yaml")
    assert len(_pack_entries(cache_dir)) == 1
    second = load_pack(path, "people.yaml")
    assert second.terms == first.terms and second.digest == first.digest
    assert len(_pack_entries(cache_dir)) == 1


def test_an_edited_pack_is_parsed_again(cache_dir: Path, tmp_path: Path) -> None:
    from ruconsist.rules import load_pack

    path = tmp_path / "people.yaml"
    path.write_text(PACK, encoding="utf-8")
    load_pack(path, "people.yaml")
    path.write_text(PACK.replace("乌沙科夫]", "乌沙科夫, 乌氏]"), encoding="utf-8")
    again = load_pack(path, "people.yaml")
    assert again.terms[0].zh == ("尤里·乌沙科夫", "乌沙科夫", "乌氏")
    assert len(_pack_entries(cache_dir)) == 2


def test_the_same_bytes_under_another_name_keep_their_own_name(cache_dir: Path, tmp_path: Path) -> None:
    from ruconsist.rules import load_pack

    path = tmp_path / "people.yaml"
    path.write_text(PACK, encoding="utf-8")
    assert load_pack(path, "a/people.yaml").terms[0].path == "a/people.yaml"
    assert load_pack(path, "b/people.yaml").terms[0].path == "b/people.yaml"


def test_a_broken_pack_is_never_stored_and_fails_every_time(cache_dir: Path, tmp_path: Path) -> None:
    from ruconsist.errors import RuleError
    from ruconsist.rules import load_pack

    path = tmp_path / "people.yaml"
    path.write_text(PACK.replace("    category: name\n", "    category: nmae\n"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError) as exc:
            load_pack(path, "people.yaml")
        assert exc.value.line == 5
    assert _pack_entries(cache_dir) == []


# A cache directory can be written by others (a shared runner, a CI
# cache restored from another job's run): nothing in it may run code.


class _CreatesFile:
    """Unpickling this opens (creates) ``path``: what a forged entry would do."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (self.path, "w"))


def _forge(path: Path, value: object) -> None:
    """Write ``value`` at ``path`` as well-formed as someone without the
    user's key can: right header, and a SHA-256 of the content where the
    tag goes (what the previous layout checked)."""
    import hashlib

    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(cache.MAGIC + hashlib.sha256(cache.MAGIC + payload).hexdigest().encode() + b"\n" + payload)


def _forge_with_leaked_key(path: Path, value: object) -> None:
    """The same, with a valid tag: what the key's owner (or someone who
    stole the key) could write; the loader still runs nothing."""
    key = cache.entry_key()
    assert key is not None
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(cache.MAGIC + cache._tag(key, path.name, payload) + payload)


def test_a_forged_entry_that_would_create_a_file_does_not(cache_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    cache_dir.mkdir()
    _forge(cache_dir / "t-k9.pickle", {"x": _CreatesFile(str(marker))})
    assert cache.cached("t", "k9", lambda: "rebuilt") == "rebuilt"
    assert not marker.exists()


def test_an_entry_without_the_users_tag_is_never_unpickled(cache_dir: Path, monkeypatch) -> None:
    cache_dir.mkdir()
    _forge(cache_dir / "t-k14.pickle", [1, 2, 3])  # harmless content, wrong tag
    loaded = []
    monkeypatch.setattr(cache._Loader, "load", lambda self: loaded.append(1) or [])
    assert cache.cached("t", "k14", lambda: "rebuilt") == "rebuilt"
    assert loaded == []


def test_even_an_entry_with_a_valid_tag_runs_no_code(cache_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    cache_dir.mkdir()
    _forge_with_leaked_key(cache_dir / "t-k15.pickle", {"x": _CreatesFile(str(marker))})
    assert cache.cached("t", "k15", lambda: "rebuilt") == "rebuilt"
    assert not marker.exists()


def test_an_entry_copied_under_another_name_is_not_trusted(cache_dir: Path) -> None:
    # The tag covers the file name: an old entry of the user's own (a
    # pack before an edit) cannot stand in for another key's entry.
    cache.cached("t", "old", lambda: ("stale",))
    (cache_dir / "t-new.pickle").write_bytes((cache_dir / "t-old.pickle").read_bytes())
    assert cache.cached("t", "new", lambda: ("fresh",)) == ("fresh",)


def test_the_key_is_kept_outside_the_cache_and_private(cache_dir: Path, tmp_path: Path) -> None:
    cache.cached("t", "k16", lambda: 1)
    key_file = tmp_path / "state" / "ruconsist" / "cache-key"
    assert key_file.is_file() and key_file.stat().st_mode & 0o077 == 0
    assert key_file.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in cache_dir.iterdir()] == ["t-k16.pickle"]


def test_a_key_others_can_read_is_not_used(cache_dir: Path, tmp_path: Path) -> None:
    key_file = tmp_path / "state" / "ruconsist" / "cache-key"
    key_file.parent.mkdir(parents=True)
    key_file.write_text("0123456789abcdef" * 4)
    key_file.chmod(0o644)
    calls = []
    for _ in range(2):
        assert cache.cached("t", "k17", lambda: calls.append(1) or 5) == 5
    assert calls == [1, 1]  # nothing stored, nothing trusted
    assert not cache_dir.exists() or list(cache_dir.iterdir()) == []


def test_a_key_kept_inside_the_cache_is_not_used(cache_dir: Path, monkeypatch) -> None:
    # It would travel with a restored CI cache, forger's entries and all.
    monkeypatch.setenv("XDG_STATE_HOME", str(cache_dir / "state"))
    calls = []
    for _ in range(2):
        assert cache.cached("t", "k19", lambda: calls.append(1) or 5) == 5
    assert calls == [1, 1]
    assert not (cache_dir / "state").exists()


def test_jobs_sharing_a_cache_key_trust_each_others_entries(cache_dir: Path, tmp_path: Path, monkeypatch) -> None:
    # A CI job restores a cache another job wrote: with the same secret
    # (RUCONSIST_CACHE_KEY) its entries are used; with another, rebuilt.
    monkeypatch.setenv("RUCONSIST_CACHE_KEY", "ci secret 1")
    cache.cached("t", "k18", lambda: "from job 1")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "other-machine"))
    assert cache.cached("t", "k18", lambda: "rebuilt") == "from job 1"
    monkeypatch.setenv("RUCONSIST_CACHE_KEY", "a pull request's own secret")
    assert cache.cached("t", "k18", lambda: "rebuilt") == "rebuilt"


def test_an_entry_of_another_layout_is_rebuilt(cache_dir: Path) -> None:
    cache_dir.mkdir()
    # A dict where a tuple is expected (an old layout, another version).
    _forge_with_leaked_key(cache_dir / "t-k10.pickle", {"terms": []})
    assert cache.cached("t", "k10", lambda: ("a", "b"), tuple) == ("a", "b")
    assert cache.cached("t", "k10", lambda: ("c",), tuple) == ("a", "b")


def test_a_tampered_entry_fails_its_checksum(cache_dir: Path) -> None:
    cache.cached("t", "k11", lambda: [1, 2, 3])
    path = cache_dir / "t-k11.pickle"
    data = bytearray(path.read_bytes())
    data[-3] ^= 1
    path.write_bytes(bytes(data))
    assert cache.cached("t", "k11", lambda: "rebuilt") == "rebuilt"


def test_the_cache_directory_is_private(cache_dir: Path) -> None:
    cache.cached("t", "k12", lambda: 1)
    assert cache_dir.stat().st_mode & 0o777 == 0o700


def test_the_cache_is_pruned_least_recently_used_first(cache_dir: Path) -> None:
    import time

    cache_dir.mkdir()
    now = time.time()
    for i in range(6):
        path = cache_dir / f"old-{i}.pickle"
        path.write_bytes(b"x" * 1000)
        os.utime(path, (now - 60 + i, now - 60 + i))
    cache.prune(cache_dir, limit=4000)
    # Down to three quarters of the limit, the oldest gone first.
    assert sorted(p.name for p in cache_dir.iterdir()) == ["old-3.pickle", "old-4.pickle", "old-5.pickle"]


def test_entries_unused_for_a_month_are_pruned_whatever_the_size(cache_dir: Path) -> None:
    import time

    cache_dir.mkdir()
    for name, days in (("fresh", 1), ("stale", cache.MAX_AGE_DAYS + 1)):
        path = cache_dir / f"{name}.pickle"
        path.write_bytes(b"x")
        then = time.time() - days * 86400
        os.utime(path, (then, then))
    cache.prune(cache_dir)
    assert [p.name for p in cache_dir.iterdir()] == ["fresh.pickle"]


def test_editing_a_user_pack_again_and_again_keeps_the_cache_bounded(cache_dir: Path, tmp_path: Path, monkeypatch) -> None:
    # Each edit of a pack stores a new parsed pack and a new matcher; the
    # old ones are pruned once the cache passes its limit.
    from ruconsist.rules import load_pack

    monkeypatch.setattr(cache, "MAX_BYTES", 8_000)
    path = tmp_path / "people.yaml"
    for i in range(40):
        path.write_text(PACK.replace("乌沙科夫]", f"乌沙科夫, 乌氏{i}]"), encoding="utf-8")
        load_pack(path, "people.yaml")
    assert sum(p.stat().st_size for p in cache_dir.iterdir()) <= 8_000
    assert len(_pack_entries(cache_dir)) < 40


def test_cache_clear_empties_it_and_cache_dir_names_it(cache_dir: Path) -> None:
    import io

    from ruconsist.cli import main

    cache.cached("t", "k13", lambda: 1)
    out = io.StringIO()
    assert main(["cache", "dir"], out, io.StringIO()) == 0
    assert out.getvalue() == f"{cache_dir}\n"
    out = io.StringIO()
    assert main(["cache", "clear"], out, io.StringIO()) == 0
    assert out.getvalue().startswith("removed 1 cache entry (")
    assert list(cache_dir.iterdir()) == []


def test_a_run_on_a_forged_cache_runs_no_code_and_finds_what_a_clean_one_finds(runs: Runs, tmp_path: Path) -> None:
    forged_dir = tmp_path / "cache"
    shutil.copytree(runs.cache, forged_dir)
    entries = sorted(forged_dir.glob("*.pickle"))
    assert entries
    marker = tmp_path / "pwned"
    # Half forged as anyone could, half with the user's own key (the
    # runs' key, kept in their state directory).
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_STATE_HOME", str(runs.state))
        mp.delenv("RUCONSIST_CACHE_KEY", raising=False)
        for i, path in enumerate(entries):
            (_forge, _forge_with_leaked_key)[i % 2](path, _CreatesFile(str(marker)))
    forged = runs.run(forged_dir)
    assert not marker.exists()
    clean = runs.first
    assert (forged.returncode, forged.stdout, _messages(forged)) == (clean.returncode, clean.stdout, _messages(clean))
    # Every forged pack entry was refused: the packs were read from YAML again.
    assert _modules(forged)["yaml"], forged.stderr


def test_compiled_patterns_are_stored_as_their_source(cache_dir: Path) -> None:
    # A ``regex`` pattern pickles by default as engine code for the
    # package's private ``_regex.compile``; an entry keeps the source and
    # flags instead, compiled again with the public ``compile`` on load.
    import re

    import regex

    value = {"re": re.compile(r"(?i)\bмосква\b"), "regex": regex.compile(r"\p{Han}+(?=条约)", regex.V1)}
    assert cache.cached("t", "k20", lambda: value) is value
    (entry,) = cache_dir.glob("t-k20.pickle")
    assert b"_regex" not in entry.read_bytes()
    loaded = cache.cached("t", "k20", lambda: "rebuilt")
    assert loaded is not value and loaded != "rebuilt"
    for name, pattern in value.items():
        assert type(loaded[name]) is type(pattern)
        assert (loaded[name].pattern, loaded[name].flags) == (pattern.pattern, pattern.flags)
    assert loaded["regex"].findall("签署《新削减战略武器条约》") == ["新削减战略武器"]
    assert loaded["re"].search("В МОСКВЕ и Москва").group() == "Москва"
