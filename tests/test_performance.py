"""The speed-ups must not change what the checks find.

Each optimisation keeps a slow reference path; these tests compare the
two on texts chosen to reach the edges of the shortcut (upper case,
full-width and other-script digits, words that only look like month
names), and check that worker processes find what one process finds.
No test here is timed.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ruconsist import checking, runner
from ruconsist.config import Config
from ruconsist.checking import worker_chunk
from ruconsist.engine import Linter
from ruconsist.lang import dates
from ruconsist.lang.numbers import normalise
from ruconsist.lang.numbers.vocab import _WIDTH
from ruconsist.pairing import FilePair
from ruconsist.rules import load_rules


def reference_normalise(text: str, lang: str) -> str:
    """The number module's normalisation written one character at a time,
    as it was before it became one ``str.translate``."""
    out = []
    for ch in text.translate(_WIDTH):
        if ch.isdigit() and not ("0" <= ch <= "9"):
            d = unicodedata.decimal(ch, None)
            ch = str(d) if d is not None else ch
        elif lang == "ru":
            low = ch.lower()
            ch = low if len(low) == 1 else ch
            if ch == "ё":
                ch = "е"
        out.append(ch)
    return "".join(out)


NORMALISE_CASES = [
    # Full-width digits and signs, as in Chinese typesetting.
    ("zh", "同比增长１２．５％，达到３，０００亿元"),
    # Arabic-Indic and Devanagari digits fold; superscripts are digits
    # without a decimal value and stay.
    ("ru", "٣ и ७ и x² и ½"),
    # Ё folds to е, capitals fold, İ (whose lower case is two
    # characters) stays as it is.
    ("ru", "ЁЛКИ 2026 ГОДА, İstanbul, Σίσυφος"),
    ("zh", "ЁЛКИ 2026 ГОДА"),
    ("ru", "−5 °C\u00a0и\u202f1\u2009000"),
    # A final capital sigma lower-cases by context in str.lower, not
    # when each character is folded alone.
    ("ru", "ΟΔΥΣΣΕΥΣ и ẞ и Ꭰ"),
    ("ru", "Москва, 4 февраля 2026 года"),
    ("zh", "2026年2月4日，会谈持续约1.5小时"),
]


@pytest.mark.parametrize(("lang", "text"), NORMALISE_CASES)
def test_number_normalisation_matches_the_character_by_character_reading(lang: str, text: str) -> None:
    assert normalise(text, lang) == reference_normalise(text, lang)
    assert len(normalise(text, lang)) == len(text)


DATE_TEXTS = [
    ("ru", "В ПЕРВОМ ПОЛУГОДИИ 2025 ГОДА выручка выросла"),
    ("ru", "в XX ВЕКЕ и в прошлом веке, но не в человеке"),
    ("ru", "С 1 ПО 3 ИЮЛЯ 2026 Г. и 4 февр. 2026"),
    ("ru", "по средам и в среду, 4 февраля; в черную пятницу"),
    ("ru", "в 1990-х годах, в 2005 и 2006 годах, в этом году"),
    ("ru", "в тот же год, во II квартале, 04.02.2026, 2026-02-04"),
    ("ru", "Январские морозы и майские праздники, в феврале 2026 года"),
    # U+1C80 is an old form of в that re.IGNORECASE equates with в: the
    # prefilter must not skip what the pattern would find.
    ("ru", "во \u1c80торник, 3 февраля"),
    ("ru", "Вчера, во вторник, стороны встретились"),
    ("zh", "2026年2月4日（周三）至6日，上半年，20世纪90年代"),
    ("zh", "同年3月、4日和5日，每周三，Q3，今年11月"),
    ("zh", "会谈没有涉及日期"),
]


@pytest.mark.parametrize(("lang", "text"), DATE_TEXTS)
def test_date_prefilters_never_skip_a_pattern_that_would_match(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocab = dates.default_vocab()
    fast = dates.extract(text, lang, vocab)
    pats = vocab.patterns(lang)
    monkeypatch.setattr(pats, "gates", [])
    slow = dates.extract(text, lang, vocab)
    assert fast == slow


@pytest.mark.parametrize(
    ("beads", "jobs", "size"),
    [
        (100_000, 2, 2000),  # many full chunks: plenty to share
        (25_000, 2, 1563),  # 13 chunks of 2,000 would be seven against six
        (10_000, 2, 625),  # 5 chunks of 2,000 would leave one worker idle
        (4_001, 2, 251),
        (10_000, 4, 313),
        (3, 2, 1),
    ],
)
def test_worker_chunks_leave_at_least_eight_tasks_per_worker(beads: int, jobs: int, size: int) -> None:
    assert worker_chunk(beads, jobs) == size
    assert -(-beads // size) >= min(beads, 8 * jobs)


LINES = [
    ("В 2019 году в ДТП погибли 12 человек.", "2019年，13人在交通事故中丧生。"),
    ("Встреча прошла в среду, 4 февраля.", "会见于2月4日（周四）举行。"),
    ("Си Цзинпин прибыл в Москву.", "习近平抵达莫斯科。"),
    ("Объем торговли составил 1,5 млн долларов.", "贸易额达到15万美元。"),
    ("Переговоры продлились 3 часа.", "会谈持续了3小时。"),
    ("Он сказал: «Мы готовы».", "他说:\"我们准备好了\"。"),
]


def test_two_worker_processes_find_what_one_process_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small chunks so that a short file takes the worker path.
    monkeypatch.setattr(checking, "CHUNK", 7)
    pairs = [LINES[i % len(LINES)] for i in range(60)]
    ru, zh = tmp_path / "a.ru.txt", tmp_path / "a.zh.txt"
    ru.write_text("\n".join(a for a, _ in pairs) + "\n", encoding="utf-8")
    zh.write_text("\n".join(b for _, b in pairs) + "\n", encoding="utf-8")
    rules = load_rules()

    def run(jobs: int) -> list[tuple[str, int, str]]:
        linter = Linter(Config(align="lines"), rules=rules, jobs=jobs)
        [result] = linter.lint_many([FilePair(ru=ru, zh=zh)])
        assert result.error is None
        return sorted((d.code, d.location.line, d.message) for d in result.diagnostics)

    one = run(1)
    assert {code for code, _, _ in one} >= {"NUM001", "NUM002", "DAT003", "PAL001"}
    assert run(2) == one


def test_large_pairs_linted_in_workers_are_not_split_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Several pairs each large enough for chunks: the pair workers lint
    # them whole (a pool worker cannot start a pool of its own).
    monkeypatch.setattr(checking, "CHUNK", 5)
    rules = load_rules()
    pairs = []
    for k in range(3):
        lines = [LINES[(i + k) % len(LINES)] for i in range(20)]
        ru, zh = tmp_path / f"p{k}.ru.txt", tmp_path / f"p{k}.zh.txt"
        ru.write_text("\n".join(a for a, _ in lines) + "\n", encoding="utf-8")
        zh.write_text("\n".join(b for _, b in lines) + "\n", encoding="utf-8")
        pairs.append(FilePair(ru=ru, zh=zh))

    def run(jobs: int) -> list[list[tuple[str, int, str]]]:
        linter = Linter(Config(align="lines"), rules=rules, jobs=jobs)
        results = list(linter.lint_many(pairs))
        assert all(r.error is None for r in results)
        return [sorted((d.code, d.location.line, d.message) for d in r.diagnostics) for r in results]

    assert run(2) == run(1)


def _pairs_of_lines(tmp_path: Path, count: int, lines: int) -> list[FilePair]:
    pairs = []
    for k in range(count):
        chosen = [LINES[(i + k) % len(LINES)] for i in range(lines)]
        ru, zh = tmp_path / f"p{k}.ru.txt", tmp_path / f"p{k}.zh.txt"
        ru.write_text("\n".join(a for a, _ in chosen) + "\n", encoding="utf-8")
        zh.write_text("\n".join(b for _, b in chosen) + "\n", encoding="utf-8")
        pairs.append(FilePair(ru=ru, zh=zh))
    return pairs


def test_by_default_a_small_run_starts_no_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A pre-commit run on a few short pairs: a pool would cost more than
    # it saves.
    import multiprocessing

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    monkeypatch.setattr(runner, "default_jobs", lambda: 2)
    linter = Linter(Config(align="lines"), rules=load_rules(), jobs=None)
    assert linter.jobs == 2
    results = list(linter.lint_many(_pairs_of_lines(tmp_path, 3, 10)))
    assert [r.error for r in results] == [None, None, None]


def test_by_default_a_large_run_uses_workers_and_finds_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    started = []
    real = multiprocessing.get_context

    def counting(method=None):
        started.append(method)
        return real(method)

    pairs = _pairs_of_lines(tmp_path, 3, 10)
    rules = load_rules()
    one = [sorted((d.code, d.location.line, d.message) for d in r.diagnostics)
           for r in Linter(Config(align="lines"), rules=rules, jobs=1).lint_many(pairs)]
    monkeypatch.setattr(runner, "AUTO_POOL_BYTES", 1)
    monkeypatch.setattr(runner, "default_jobs", lambda: 2)
    monkeypatch.setattr(multiprocessing, "get_context", counting)
    auto = [sorted((d.code, d.location.line, d.message) for d in r.diagnostics)
            for r in Linter(Config(align="lines"), rules=rules, jobs=None).lint_many(pairs)]
    assert started == ["fork"]
    assert auto == one


#: Quotations that open in one line and close in a later one, and marks
#: that never close: TYP003 must pair them the same way whichever chunk
#: boundary falls between them.
QUOTED = [
    ("Он начал: «Мы готовы к диалогу,", "他开始说：“我们准备对话，"),
    ("и мы его продолжим».", "我们将继续对话。”"),
    ("Стороны (Россия и Китай договорились.", "双方（俄罗斯和中国达成一致。"),
    ("Встреча прошла в Пекине.", "会晤在北京举行。"),
    ("«Это важный шаг,", "“这是重要的一步，"),
    ("— добавил он.", "——他补充说。"),
    ("Пресс-секретарь ответил «нет.", "新闻秘书回答“不。"),
    ("Переговоры продолжатся завтра.", "谈判将于明天继续。"),
]


@pytest.mark.parametrize("chunk", [3, 4, 5, 7])
def test_quotation_marks_pair_up_across_chunks_checked_in_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(checking, "CHUNK", chunk)
    lines = [QUOTED[i % len(QUOTED)] for i in range(48)]
    ru, zh = tmp_path / "q.ru.txt", tmp_path / "q.zh.txt"
    ru.write_text("\n".join(a for a, _ in lines) + "\n", encoding="utf-8")
    zh.write_text("\n".join(b for _, b in lines) + "\n", encoding="utf-8")
    rules = load_rules()

    def run(jobs: int) -> list[tuple[str, str, int, int, str]]:
        linter = Linter(Config(align="lines", select=("TYP003",)), rules=rules, jobs=jobs)
        [result] = linter.lint_many([FilePair(ru=ru, zh=zh)])
        assert result.error is None
        return sorted((d.code, d.location.lang, d.location.line, d.location.column, d.message) for d in result.diagnostics)

    one = run(1)
    assert len(one) >= 12  # the unclosed ( and « of every repeat, both sides
    assert run(2) == one


def test_directives_cover_whole_paragraphs_when_beads_are_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A large pair's beads are not kept (and in workers never reach the
    # main process); disable-next-line must still cover the whole next
    # paragraph, here a finding on its second line.
    paras_ru, paras_zh = [], []
    for i in range(40):
        if i == 31:
            paras_ru.append(f"<!-- ruconsist: disable-next-line NUM001 -->\nАбзац {i}: в Пекине прошли переговоры,\nв них участвовали 12 министров.")
        else:
            paras_ru.append(f"Абзац {i}: переговоры прошли успешно,\nучаствовали 7 министров.")
        paras_zh.append(f"第{i}段：会谈取得成功，\n{13 if i == 31 else 7}位部长参加。")
    ru, zh = tmp_path / "d.ru.md", tmp_path / "d.zh.md"
    ru.write_text("\n\n".join(paras_ru) + "\n", encoding="utf-8")
    zh.write_text("\n\n".join(paras_zh) + "\n", encoding="utf-8")
    rules = load_rules()

    def run(jobs: int) -> list[tuple[str, str, int]]:
        linter = Linter(Config(select=("NUM",)), rules=rules, jobs=jobs)
        [result] = linter.lint_many([FilePair(ru=ru, zh=zh)])
        assert result.error is None
        return sorted((d.code, d.location.lang, d.location.line) for d in result.diagnostics)

    assert run(1) == []
    monkeypatch.setattr(checking, "CHUNK", 5)
    monkeypatch.setattr(checking, "KEEP_BEADS", 3)
    assert run(1) == []
    assert run(2) == []


WORD_NORM_TEXTS = [
    "Владимиру Путину и Си Цзиньпину",
    "ЁЛКИ, Ёлки и ёлки",
    # A combining breve: NFC joins it to the и before it (й).
    "Краи\u0306 и Край",
    # A final capital sigma lowers by its neighbours; İ lowers to two
    # characters: both are read word by word.
    "ΟΔΥΣΣΕΥΣ и İstanbul",
    "Азиатско‐Тихоокеанского и Азиатско‑Тихоокеанского, Кот-д’Ивуар",
    "中国与Россия 2026",
    "",
]


@pytest.mark.parametrize("text", WORD_NORM_TEXTS)
def test_words_normalised_with_their_text_read_as_each_word_alone(text: str) -> None:
    from ruconsist.morph import _norm
    from ruconsist.terms import _tokens_and_norms, tokenize

    starts, ends, norms = _tokens_and_norms(text)
    tokens = tokenize(text)
    assert [(a, b, text[a:b]) for a, b in zip(starts, ends)] == tokens
    assert list(norms) == [_norm(w) for _, _, w in tokens]


def test_a_check_that_never_stops_finding_is_stopped_after_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine takes a check's findings as a list, and still stops an
    endless one after the limit with one LIM001 naming the next."""
    import itertools

    import ruconsist.checks.limits as limits

    class Endless:
        code = "TST001"

        def check(self, bead, ctx):  # type: ignore[no-untyped-def]
            yield from itertools.count()

    monkeypatch.setattr(limits, "too_many_findings", lambda diag, limit: ("LIM001", diag, limit))
    found = checking.check_bead(Endless(), None, None)  # type: ignore[arg-type]
    limit = checking.MAX_FINDINGS_PER_BEAD
    assert found[:-1] == list(range(limit)) and found[-1] == ("LIM001", limit, limit)


#: (text, whether the gate admits it): the exact search is taken only
#: where it admits what the case-blind search admits.
TIME_GATE_TEXTS = [
    ("Встреча в восемь вечера", True),
    ("Так и не встретились", False),
    ("ВСТРЕЧА В ВОСЕМЬ ВЕЧЕРА", True),
    # Letters a case-blind search matches to others of the same upper
    # case: the rounded ve (ᲀ) and es (ᲃ) of old texts, the long s, the
    # final sigma.
    ("ᲀосемь ᲀечера", True),
    ("чаᲃ", True),
    ("ſ и ς", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "admitted"), TIME_GATE_TEXTS)
def test_time_gate_searched_exactly_admits_what_the_case_blind_gate_admits(text: str, admitted: bool) -> None:
    from ruconsist.lang import times

    pats = times._patterns(times.vocab_for(load_rules()), "ru")
    hay = text.lower().replace("ё", "е")
    chosen = pats["gate_exact"] if times._case_stable(hay) else pats["gate"]
    assert bool(chosen.search(hay)) == bool(pats["gate"].search(hay)) == admitted
