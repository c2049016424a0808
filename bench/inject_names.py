"""How many changed names and ranks of office the checks catch.

Takes line pairs of the official genre and of news (the embassy texts
against their machine translation, row for row; NTREX-128 lines 1-1000;
FLORES-200 lines 1-500) whose clean run has no error finding, changes one
name or one rank in the Chinese line as a translator's slip would, and
lints the pair again.  A change is caught when the changed pair has an
error finding.  Only what the Russian line states too is changed: a name
the translation left out cannot be checked against anything.

    python bench/inject_names.py --corpus CORPUS_DIR
    python bench/inject_names.py --corpus CORPUS_DIR --missed rank   # list what was not caught

Kinds and changes:

    person   a person of the packs (普京, 王毅) -> another person of the packs
    place    a country, region or city (俄罗斯, 喀山) -> another place
    org      an organization (上合组织, 外交部) -> another organization
    rank     a title of office (部长, 大使, 总领事) -> another rank of its ladder
             (副部长, 临时代办, 领事), from rules/offices.yaml

It prints, per kind and set, the sites, how many were caught and the
share; the target is 90 % of each kind.
"""
from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Iterator
from pathlib import Path

from corpus import default_corpus, read_lines

HERE = Path(__file__).resolve().parent
KIND_OF_CATEGORY = {"name": "person", "place": "place", "organization": "org"}


def line_pairs(corpus: Path) -> Iterator[tuple[str, int, str, str]]:
    """(set, line number, RU, ZH) of the sets measured."""
    sets: list[tuple[str, str, str, int | None]] = [
        (f"embassy-mt/{n:02d}", f"embassy-ru-zh/mt/{n:02d}.ru.txt", f"embassy-ru-zh/mt/{n:02d}.zh.txt", None)
        for n in range(1, 6)
    ]
    sets += [
        ("ntrex", "ntrex128/newstest2019-ref.rus.txt", "ntrex128/newstest2019-ref.zho-CN.txt", 1000),
        ("flores", "flores200/rus_Cyrl.devtest", "flores200/zho_Hans.devtest", 500),
    ]
    for name, ru_path, zh_path, limit in sets:
        ru, zh = read_lines(corpus / ru_path), read_lines(corpus / zh_path)
        for i, (r, z) in enumerate(zip(ru, zh), 1):
            if limit is not None and i > limit:
                break
            if r.strip() and z.strip():
                yield name.split("/")[0], i, r, z


class Injector:
    def __init__(self, rules) -> None:  # type: ignore[no-untyped-def]
        from ruconsist.checks.offices import office_index
        from ruconsist.terms import PRIMARY, matcher_for

        self.primary = PRIMARY
        self.matcher = matcher_for(rules)
        self.rules = rules
        self.offices = office_index(rules)
        by_kind: dict[str, list[str]] = collections.defaultdict(list)
        for term in rules.terms:
            kind = KIND_OF_CATEGORY.get(term.category)
            if kind and term.zh and term.ru and len(term.zh[0]) >= 2:
                by_kind[kind].append(term.id)
        self.by_kind = {k: sorted(v) for k, v in by_kind.items()}
        ladders: dict[str, list[str]] = collections.defaultdict(list)
        for office in self.offices.offices.values():
            ladders[office.family].append(office.id)
        self.ladders = ladders

    def _replacement(self, kind: str, tid: str, ru: str, zh: str) -> str | None:
        """The ZH form of the next term of the kind that neither line
        names (deterministic: the run is repeatable)."""
        ids = self.by_kind[kind]
        start = ids.index(tid)
        mine = self.rules.term(tid)
        near = set(mine.zh) | set(mine.accept_zh)
        for k in range(1, len(ids)):
            other = self.rules.term(ids[(start + k) % len(ids)])
            form = other.zh[0]
            # Not a form the original stands for (联合国大会 is accepted
            # for the UN), nor one inside or around it: a substitution.
            if any(form in f or f in form for f in near) or set(other.zh) & near:
                continue
            if form not in zh and not any(f in ru for f in other.ru):
                return form
        return None

    def read(self, changed: str, start: int, form: str) -> bool:
        """Whether the changed line reads the injected form, where it was
        put, as the name of its entity: otherwise it runs into the words
        around it (亚太北约化 -> 亚太新开发银行化) and no check can see it."""
        return any(
            m.start == start and m.end == start + len(form) and m.role == self.primary
            for m in self.matcher.find(changed, "zh")
        )

    def names(self, ru: str, zh: str) -> Iterator[tuple[str, str, str, bool]]:
        ru_terms = {t for m in self.matcher.stand_ins(ru, "ru") for t in m.terms}
        done: set[str] = set()
        for m in self.matcher.find(zh, "zh"):
            if m.role != self.primary or len(m.terms) != 1:
                continue
            tid = m.terms[0]
            kind = KIND_OF_CATEGORY.get(self.rules.term(tid).category)
            if kind is None or tid not in ru_terms or tid in done or tid not in self.by_kind.get(kind, ()):
                continue
            done.add(tid)
            new = self._replacement(kind, tid, ru, zh)
            if new:
                changed = zh[: m.start] + new + zh[m.end :]
                yield kind, changed, f"{m.text} -> {new}", self.read(changed, m.start, new)

    def ranks(self, ru: str, zh: str) -> Iterator[tuple[str, str, str, bool]]:
        ru_ids = {m.office for m in self.offices.find(ru, "ru")}
        for m in self.offices.find(zh, "zh"):
            if m.office not in ru_ids:
                continue
            ladder = self.ladders[self.offices.offices[m.office].family]
            if len(ladder) < 2:
                continue
            other = self.offices.offices[ladder[(ladder.index(m.office) + 1) % len(ladder)]]
            yield "rank", zh[: m.start] + other.zh[0] + zh[m.end :], f"{m.text} -> {other.zh[0]}", True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=default_corpus(), help="the shared corpus directory")
    ap.add_argument(
        "--missed", metavar="KIND", help="list the changes of KIND (or 'all') that were not caught, with their findings"
    )
    args = ap.parse_args(argv)
    if not args.corpus or not Path(args.corpus).is_dir():
        print("inject_names.py: no corpus directory (give --corpus or RUCONSIST_CORPUS)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parent))
    from ruconsist.diagnostic import Severity
    from ruconsist.testing import lint_pair, linter

    lint = linter()
    injector = Injector(lint.rules)

    def errors(ru: str, zh: str) -> int:
        return sum(d.severity == Severity.ERROR for d in lint_pair(lint, ru, zh))

    sites: collections.Counter[tuple[str, str]] = collections.Counter()
    caught: collections.Counter[tuple[str, str]] = collections.Counter()
    unread: collections.Counter[tuple[str, str]] = collections.Counter()
    missed: list[str] = []
    clean = 0
    for name, number, ru, zh in line_pairs(Path(args.corpus)):
        if errors(ru, zh):
            continue
        clean += 1
        for kind, changed, what, read in [*injector.names(ru, zh), *injector.ranks(ru, zh)]:
            found = errors(ru, changed) > 0
            for key in ((kind, name), (kind, "all")):
                sites[key] += 1
                caught[key] += found
                unread[key] += not read
            if not found and args.missed in (kind, "all"):
                missed.append(_miss(lint, name, number, what, read, ru, changed))
    print(f"clean line pairs (no error finding): {clean}")
    print("a change is caught when the changed pair has an error-severity finding (warnings do not count);")
    print("'unread': changes whose injected name the changed line does not read as that name (it runs")
    print("into the words around it), counted in the sites and the share, and shown apart")
    print(f"{'kind':<8}{'set':<12}{'sites':>7}{'as error':>10}{'share':>8}{'unread':>8}")
    for kind, name in sorted(sites, key=lambda k: (k[0], k[1] == "all", k[1])):
        share = caught[kind, name] / sites[kind, name]
        print(f"{kind:<8}{name:<12}{sites[kind, name]:>7}{caught[kind, name]:>10}{share:>8.1%}{unread[kind, name]:>8}")
    for row in missed:
        print(row)
    return 0


def _miss(lint, name: str, number: int, what: str, read: bool, ru: str, changed: str) -> str:  # type: ignore[no-untyped-def]
    """A change not caught, with what the checks did say about it."""
    from ruconsist.testing import lint_pair

    said = [f"    {d.code} {d.severity.label}: {d.message}" for d in lint_pair(lint, ru, changed)]
    head = f"{name}:{number}  {what}" + ("" if read else "  (unread)")
    return "\n".join([head, f"    RU {ru}", f"    ZH {changed}", *said])


if __name__ == "__main__":
    raise SystemExit(main())
