"""Benchmark: throughput, memory, cold start, scaling and a peer.

Run after the README's install, from the repository root::

    python -m pip install -e '.[bench]'
    python bench/run.py                 # full run (about 100,000 pairs)
    python bench/run.py --pairs 20000   # quicker

It needs the line-aligned RU/ZH sets of the shared corpus (NTREX-128,
FLORES-200, TICO-19), found at ``--corpus`` (default ``../shared/corpus``
next to the checkout).  It prints figures and ratios; it asserts
nothing.  Every figure is the wall time of a real ``ruconsist``
process, with its CPU time (user + system, worker processes included)
and peak resident memory.  On a machine busy with other work the wall
times stretch and the CPU times do not: the load average is printed
before and after.

The corpus is the ~5,100 pairs repeated: nothing caches results per
segment text, so the repeats cost what the first pass costs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ("ntrex128/newstest2019-ref.rus.txt", "ntrex128/newstest2019-ref.zho-CN.txt"),
    ("flores200/rus_Cyrl.devtest", "flores200/zho_Hans.devtest"),
    ("tico19/tico19-test.ru", "tico19/tico19-test.zh"),
]


def load_pairs(corpus: Path) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for ru_name, zh_name in SETS:
        ru = (corpus / ru_name).read_text(encoding="utf-8").splitlines()
        zh = (corpus / zh_name).read_text(encoding="utf-8").splitlines()
        pairs += [(a.strip(), b.strip()) for a, b in zip(ru, zh) if a.strip() and b.strip()]
    return pairs


def repeat(pairs: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    return [pairs[i % len(pairs)] for i in range(n)]


#: Pairs per file: ruconsist refuses input files over 16 MB (25,000 line
#: pairs are about 7 MB of Russian; 25,000 PO entries about 11 MB).
PER_FILE = 25_000


def write_lines(pairs: list[tuple[str, str]], d: Path, name: str) -> tuple[Path, Path]:
    ru, zh = d / f"{name}.ru.txt", d / f"{name}.zh.txt"
    ru.write_text("\n".join(a for a, _ in pairs) + "\n", encoding="utf-8")
    zh.write_text("\n".join(b for _, b in pairs) + "\n", encoding="utf-8")
    return ru, zh


def write_line_tree(pairs: list[tuple[str, str]], d: Path) -> Path:
    """Line-aligned pairs ``partNN.ru.txt``/``partNN.zh.txt`` of at most
    ``PER_FILE`` lines each."""
    d.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(pairs), PER_FILE):
        write_lines(pairs[k : k + PER_FILE], d, f"part{k // PER_FILE:02d}")
    return d


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def _po_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def write_po(pairs: list[tuple[str, str]], path: Path) -> Path:
    """RU msgid, ZH msgstr, one entry per pair (duplicates get a msgctxt);
    one file per ``PER_FILE`` entries in the directory ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(pairs), PER_FILE):
        out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: zh_CN\\n"', ""]
        for i, (ru, zh) in enumerate(pairs[k : k + PER_FILE], start=k):
            out += [f'msgctxt "{i}"', f'msgid "{_po_escape(ru)}"', f'msgstr "{_po_escape(zh)}"', ""]
        (path / f"part{k // PER_FILE:02d}.po").write_text("\n".join(out), encoding="utf-8")
    return path


def write_markdown_tree(pairs: list[tuple[str, str]], d: Path, files: int) -> Path:
    root = d / "md"
    per = max(1, len(pairs) // files)
    for k in range(files):
        chunk = pairs[k * per : (k + 1) * per]
        sub = root / f"section{k % 40:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{k:04d}.ru.md").write_text("\n\n".join(a for a, _ in chunk) + "\n", encoding="utf-8")
        (sub / f"article{k:04d}.zh.md").write_text("\n\n".join(b for _, b in chunk) + "\n", encoding="utf-8")
    return root


RU_SYL = ["ва", "ле", "ни", "ко", "ра", "ми", "до", "се", "ло", "ту", "ка", "ре", "но", "ви", "ша"]
ZH_SYL = ["瓦", "列", "尼", "科", "拉", "米", "多", "谢", "洛", "图", "卡", "雷", "诺", "维", "沙"]
RU_END = [("ов", "夫"), ("ин", "因"), ("ский", "斯基"), ("енко", "延科")]


def write_big_pack(path: Path, n: int) -> Path:
    """``n`` generated person names: RU given name + surname (which
    inflect) with their ZH transliteration."""
    rnd = random.Random(2026)
    lines = ["version: 1", "pack: bench-extra", "terms:"]
    seen = set()
    while len(seen) < n:
        idx = [rnd.randrange(len(RU_SYL)) for _ in range(5)]
        end = rnd.randrange(len(RU_END))
        given = "".join(RU_SYL[i] for i in idx[:2]).capitalize() + "н"
        sur = "".join(RU_SYL[i] for i in idx[2:]).capitalize() + RU_END[end][0]
        zh_given = "".join(ZH_SYL[i] for i in idx[:2]) + "恩"
        zh_sur = "".join(ZH_SYL[i] for i in idx[2:]) + RU_END[end][1]
        key = (given, sur)
        if key in seen:
            continue
        seen.add(key)
        k = len(seen)
        lines += [
            f"  - id: bench-{k}",
            "    category: name",
            f"    ru: [{given} {sur}, {sur}]",
            f"    zh: [{zh_given}·{zh_sur}, {zh_sur}]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


LAST_CPU = [0.0]


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB, exit code of one process; its CPU
    seconds (with reaped worker processes) are left in ``LAST_CPU``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        print(f"    (exit {code}: {err.strip()[:200]})")
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024.0, code


def best_of(k: int, cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    results = [run(cmd, env) for _ in range(k)]
    return min(r[0] for r in results), max(r[1] for r in results)


def load() -> str:
    try:
        return "load average %.1f %.1f %.1f" % os.getloadavg()
    except OSError:
        return "load average unknown"


PARTS = ("cold", "throughput", "jobs", "po", "peers", "markdown")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--pairs", type=int, default=100_000)
    ap.add_argument("--terms", type=int, default=10_000)
    ap.add_argument("--md-files", type=int, default=2000)
    ap.add_argument(
        "--md-paragraphs", type=int, nargs="+", default=[5000, 10_000, 20_000, 40_000],
        help="paragraph counts of the long Markdown pairs (part markdown)",
    )
    ap.add_argument("--skip-peer", action="store_true", help="do not run pofilter")
    ap.add_argument(
        "--only", action="append", choices=PARTS, metavar="PART",
        help=f"run only this part ({', '.join(PARTS)}); may be repeated",
    )
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}: give --corpus DIR", file=sys.stderr)
        return 2
    py = sys.executable
    rc = [py, "-m", "ruconsist"]
    base = load_pairs(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="ruconsist-bench-"))
    cache = work / "cache"
    env = {**os.environ, "RUCONSIST_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    # An installed package runs from compiled bytecode; a run that may not
    # write it recompiles every module on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        print(f"{os.cpu_count()} CPUs, {load()}")
        print(f"corpus: {len(base)} line pairs from {len(SETS)} sets, repeated to {args.pairs}")
        big = repeat(base, args.pairs)
        small = repeat(base, args.pairs // 10)
        big_dir = write_line_tree(big, work / "big")
        small_dir = write_line_tree(small, work / "small")
        mb, mb_s = size_mb(big_dir), size_mb(small_dir)
        pack = write_big_pack(work / "extra.yaml", args.terms)
        po = write_po(big, work / "po")
        md = write_markdown_tree(big, work, args.md_files)
        one_ru, one_zh = write_lines(base[:5], work, "one")

        parts = set(args.only or PARTS)
        if "cold" in parts:
            cold_start(py, rc, env, cache, one_ru, one_zh)
        lines = ["--align", "lines"]
        with_pack = ["--rules", str(pack)]
        if "throughput" in parts:
            throughput(rc, env, lines, with_pack, args, small, big, small_dir, big_dir, mb, mb_s)
        if "jobs" in parts:
            processes(rc, env, lines, with_pack, args, big_dir, md)
        if "po" in parts:
            peer(py, rc, env, with_pack, args, big, po, work)
        if "peers" in parts:
            per_cpu(py, rc, env, args, base, work)
        if "markdown" in parts:
            long_markdown(rc, env, base, work, args.md_paragraphs)
        print(f"\n{load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def cold_start(py, rc, env, cache, one_ru, one_zh) -> None:  # type: ignore[no-untyped-def]
    print("\n== cold start (one short pair; the pre-commit case)")
    t_pass, _ = best_of(5, [py, "-c", "pass"])
    run(rc + ["check", "--ru", str(one_ru), "--zh", str(one_zh)], env)  # warm the cache
    t_one, rss_one = best_of(5, rc + ["check", "--ru", str(one_ru), "--zh", str(one_zh)], env)
    print(f"  python -c pass          {t_pass:7.3f} s")
    print(f"  ruconsist, warm cache   {t_one:7.3f} s   ({t_one / t_pass:.1f}x python start, {rss_one:.0f} MB)")
    shutil.rmtree(cache, ignore_errors=True)
    t_cold, _ = run(rc + ["check", "--ru", str(one_ru), "--zh", str(one_zh)], env)[:2]
    print(f"  ruconsist, cold cache   {t_cold:7.3f} s   (warm/cold {t_one / t_cold:.2f})")


def throughput(rc, env, lines, with_pack, args, small, big, small_dir, big_dir, mb, mb_s) -> None:  # type: ignore[no-untyped-def]
    # One process: --jobs 1, since the default spreads a large run over
    # every CPU.
    lines = [*lines, "--jobs", "1"]
    print(f"\n== whole corpus, all checks, one process, default packs + {args.terms} terms")
    run(rc + ["check", *lines, str(small_dir), *with_pack], env)  # cache
    t10, rss10, _ = run(rc + ["check", *lines, str(small_dir), *with_pack], env)
    c10 = LAST_CPU[0]
    t100, rss100, _ = run(rc + ["check", *lines, str(big_dir), *with_pack], env)
    c100 = LAST_CPU[0]
    print(f"  {len(small):>7} pairs  {t10:7.2f} s  {len(small) / t10:9.0f} pairs/s  {mb_s / t10:6.2f} MB/s  peak {rss10:.0f} MB"
          f"  (CPU {c10:.2f} s, {len(small) / c10:.0f} pairs per CPU second)")
    print(f"  {len(big):>7} pairs  {t100:7.2f} s  {len(big) / t100:9.0f} pairs/s  {mb / t100:6.2f} MB/s  peak {rss100:.0f} MB"
          f"  (CPU {c100:.2f} s, {len(big) / c100:.0f} pairs per CPU second)")
    print(f"  scaling 10x pairs -> {t100 / t10:.1f}x time, {c100 / c10:.1f}x CPU (linear would be 10x)")
    t_nopack, _, _ = run(rc + ["check", *lines, str(big_dir)], env)
    c_nopack = LAST_CPU[0]
    print(f"  default packs only      {t_nopack:7.2f} s  ({len(big) / t_nopack:.0f} pairs/s, CPU {c_nopack:.2f} s);"
          f" the extra terms cost {c100 / c_nopack:.2f}x CPU")


def processes(rc, env, lines, with_pack, args, big_dir, md) -> None:  # type: ignore[no-untyped-def]
    print("\n== processes (--jobs)")
    tj1, _, _ = run(rc + ["check", *lines, "--jobs", "1", str(big_dir), *with_pack], env)
    cj1 = LAST_CPU[0]
    tj2, rj2, _ = run(rc + ["check", *lines, "--jobs", "2", str(big_dir), *with_pack], env)
    cj2 = LAST_CPU[0]
    print(f"  --jobs 1 {tj1:7.2f} s (CPU {cj1:.2f} s)   --jobs 2 {tj2:7.2f} s (CPU {cj2:.2f} s)"
          f"   speed-up {tj1 / tj2:.2f}x  (peak {rj2:.0f} MB)")
    tauto, _, _ = run(rc + ["check", *lines, str(big_dir), *with_pack], env)
    print(f"  no --jobs (the default picks one process per CPU here): {tauto:.2f} s, speed-up {tj1 / tauto:.2f}x")
    one = sorted(big_dir.glob("*.ru.txt"))[0]
    one_zh = Path(str(one).replace(".ru.", ".zh."))
    tk1, _, _ = run(rc + ["check", *lines, "--jobs", "1", "--ru", str(one), "--zh", str(one_zh), *with_pack], env)
    tk2, _, _ = run(rc + ["check", *lines, "--jobs", "2", "--ru", str(one), "--zh", str(one_zh), *with_pack], env)
    print(f"  one pair of {PER_FILE} lines (chunks in workers): --jobs 1 {tk1:.2f} s, --jobs 2 {tk2:.2f} s,"
          f" speed-up {tk1 / tk2:.2f}x")
    tm1, _, _ = run(rc + ["check", "--jobs", "1", str(md), *with_pack], env)
    tm2, _, _ = run(rc + ["check", "--jobs", "2", str(md), *with_pack], env)
    print(f"  {args.md_files} Markdown pairs: --jobs 1 {tm1:.2f} s, --jobs 2 {tm2:.2f} s, speed-up {tm1 / tm2:.2f}x")


def peer(py, rc, env, with_pack, args, big, po, work) -> None:  # type: ignore[no-untyped-def]
    print(f"\n== PO files (RU msgid, ZH msgstr; {PER_FILE} entries each)")
    tpo, rpo, code = run(rc + ["check", "--jobs", "1", str(po), *with_pack], env)
    cpo = LAST_CPU[0]
    print(f"  ruconsist, all checks   {tpo:7.2f} s   ({len(big) / tpo:.0f} pairs/s, CPU {cpo:.2f} s, peak {rpo:.0f} MB)")
    if not args.skip_peer:
        pofilter = shutil.which("pofilter") or str(Path(py).parent / "pofilter")
        if Path(pofilter).exists():
            tpf, rpf, _ = run([pofilter, "-t", "numbers", "--nofuzzy", str(po), str(work / "pofilter-out")])
            cpf = LAST_CPU[0]
            print(f"  pofilter -t numbers     {tpf:7.2f} s   ({len(big) / tpf:.0f} pairs/s, CPU {cpf:.2f} s, peak {rpf:.0f} MB)")
            print(f"  ruconsist (every check) is {tpf / tpo:.2f}x the throughput of pofilter (numbers only);"
                  f" per CPU second {cpf / cpo:.2f}x")
        else:
            print("  pofilter not installed (pip install translate-toolkit) — peer skipped")


def unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(pairs))


def cpu_of(cmd: list[str], env: dict[str, str] | None, k: int = 3) -> float:
    """Least CPU seconds (user + sys) of ``k`` runs of ``cmd``."""
    best = float("inf")
    for _ in range(k):
        run(cmd, env)
        best = min(best, LAST_CPU[0])
    return best


def per_cpu(py, rc, env, args, base, work) -> None:  # type: ignore[no-untyped-def]
    """Pairs per CPU second on the unique corpus pairs, as one line-aligned
    pair of files and as one PO file, against pofilter on the PO file."""
    pairs = unique(base)
    n = len(pairs)
    (work / "unique").mkdir(exist_ok=True)
    ru, zh = write_lines(pairs, work / "unique", "corpus")
    po_dir = write_po(pairs, work / "unique-po")
    po_file = next(po_dir.glob("*.po"))
    lines = ["--align", "lines", "--jobs", "1"]
    print(f"\n== per CPU second: {n} unique line pairs, --jobs 1, warm cache, least of 3 runs")
    run(rc + ["check", *lines, "--ru", str(ru), "--zh", str(zh)], env)  # warm the cache
    figures: dict[str, float] = {}
    figures["lines, every check"] = cpu_of(rc + ["check", *lines, "--ru", str(ru), "--zh", str(zh)], env)
    figures["lines, --select NUM"] = cpu_of(rc + ["check", *lines, "--select", "NUM", "--ru", str(ru), "--zh", str(zh)], env)
    figures["PO, every check"] = cpu_of(rc + ["check", "--jobs", "1", str(po_file)], env)
    figures["PO, --select NUM"] = cpu_of(rc + ["check", "--jobs", "1", "--select", "NUM", str(po_file)], env)
    pofilter = shutil.which("pofilter") or str(Path(py).parent / "pofilter")
    if not args.skip_peer and Path(pofilter).exists():
        out = str(work / "pofilter-out.po")
        figures["PO, pofilter (default checks)"] = cpu_of([pofilter, "--nofuzzy", str(po_file), out], None)
        figures["PO, pofilter -t numbers"] = cpu_of([pofilter, "-t", "numbers", "--nofuzzy", str(po_file), out], None)
    elif not args.skip_peer:
        print("  pofilter not installed (pip install translate-toolkit): peers skipped")
    for name, cpu in figures.items():
        print(f"  {name:32} CPU {cpu:6.2f} s  {n / cpu:8.0f} pairs per CPU second  {cpu / n * 1e6:7.0f} µs a pair")
    ratios = [
        ("PO, every check", "PO, pofilter (default checks)"),
        ("PO, --select NUM", "PO, pofilter -t numbers"),
        ("PO, every check", "PO, pofilter -t numbers"),
    ]
    for ours, theirs in ratios:
        if ours in figures and theirs in figures:
            print(f"  ruconsist {ours[4:]} / pofilter{theirs[12:]}: {figures[theirs] / figures[ours]:.2f}x per CPU")


def long_markdown(rc, env, base, work, counts: list[int]) -> None:  # type: ignore[no-untyped-def]
    """One Markdown pair of N paragraphs (the corpus sentences, repeated):
    time and peak memory should grow linearly with N."""
    print("\n== one long Markdown pair (--jobs 1)")
    d = work / "long-md"
    d.mkdir(exist_ok=True)
    previous = None
    for n in counts:
        pairs = repeat(base, n)
        ru, zh = d / f"doc{n}.ru.md", d / f"doc{n}.zh.md"
        ru.write_text("\n\n".join(a for a, _ in pairs) + "\n", encoding="utf-8")
        zh.write_text("\n\n".join(b for _, b in pairs) + "\n", encoding="utf-8")
        wall, rss, _ = run(rc + ["check", "--jobs", "1", "--ru", str(ru), "--zh", str(zh)], env)
        cpu = LAST_CPU[0]
        growth = f"  ({cpu / previous:.2f}x the CPU of the half)" if previous else ""
        print(f"  {n:>6} paragraphs  wall {wall:7.2f} s  CPU {cpu:7.2f} s  peak {rss:6.0f} MB"
              f"  {cpu / n * 1e6:6.0f} µs a paragraph{growth}")
        previous = cpu


if __name__ == "__main__":
    raise SystemExit(main())
