"""SubRip and WebVTT subtitles: cues aligned by time overlap."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.engine import Linter
from ruconsist.errors import InputError
from ruconsist.pairing import FilePair
from ruconsist.align.cues import align_cues
from ruconsist.readers.subtitles import SubtitleReader
from ruconsist.rules import load_rules
from tests.conftest import DATA

SUBS = DATA / "formats" / "subtitles"


def lint(pair: FilePair, select=("ALN",)):  # type: ignore[no-untyped-def]
    linter = Linter(Config(select=tuple(select)), rules=load_rules((), defaults=False))
    result = linter.lint_pair(pair)
    assert result.error is None, result.error
    return result


def lines(side) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    if not side:
        return None
    loc = side.span()
    return loc.line, loc.end_line


@pytest.mark.parametrize(
    ("ext", "beads"),
    [
        # RU cue 1 (1.0–4.0 s) is split in two ZH cues; the last RU cue has
        # no ZH cue at its time.
        ("srt", [((3, 4), (3, 7)), ((8, 8), (11, 11)), ((12, 12), None)]),
        ("vtt", [((7, 8), (4, 7)), ((11, 11), (10, 10)), ((14, 14), None)]),
    ],
)
def test_cues_pair_by_time_overlap(ext: str, beads) -> None:  # type: ignore[no-untyped-def]
    result = lint(FilePair(SUBS / f"news.ru.{ext}", SUBS / f"news.zh.{ext}"))
    assert [(lines(b.ru), lines(b.zh)) for b in result.beads] == beads
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("ALN002", beads[-1][0][0])]


def test_markup_is_masked_and_positions_stay_true() -> None:
    text = (SUBS / "news.ru.vtt").read_text(encoding="utf-8")
    segs = SubtitleReader().read(Document("news.ru.vtt", text), "ru", Config()).segments["ru"]
    first, second = segs[0], segs[1]
    # The voice tag is masked, not removed: "Владимир" keeps column 11.
    assert first.text.startswith("Владимир Путин прибыл в Пекин")
    assert first.location(0, 8).column == 11
    assert second.text == "Переговоры продлятся два дня."
    assert second.location(0, 1).column == 4


def cue(start: float, end: float, text: str, lang: str) -> object:
    seg = SubtitleReader().read(Document(f"x.{lang}.srt", f"1\n00:00:{start:06.3f} --> 00:00:{end:06.3f}\n{text}\n".replace(".", ",")), lang, Config()).segments[lang][0]
    return seg


@pytest.mark.parametrize(
    ("ru", "zh", "groups"),
    [
        # Touching for 0.2 s of a 3 s cue: neighbours, not counterparts.
        ([(1.0, 4.0), (4.0, 7.0)], [(1.0, 4.2), (4.2, 7.0)], [(1, 1), (1, 1)]),
        # Shifted by half a second: still the same cues.
        ([(1.0, 4.0), (4.0, 7.0)], [(1.5, 4.5), (4.5, 7.5)], [(1, 1), (1, 1)]),
        # Two RU cues under one long ZH cue.
        ([(1.0, 3.0), (3.0, 6.0)], [(1.0, 6.0)], [(2, 1)]),
    ],
)
def test_overlap_groups(ru, zh, groups) -> None:  # type: ignore[no-untyped-def]
    r = [cue(a, b, "Текст", "ru") for a, b in ru]
    z = [cue(a, b, "文本", "zh") for a, b in zh]
    assert [(len(a), len(b)) for a, b in align_cues(r, z)] == groups


def test_bilingual_subtitles_pair_lines_within_each_cue(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\n普京抵达北京\nПутин прибыл в Пекин\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\n会谈将持续两天\nПереговоры продлятся два дня\n",
        encoding="utf-8",
    )
    result = lint(FilePair(None, None, bilingual=path))
    assert [(lines(b.ru), lines(b.zh)) for b in result.beads] == [((4, 4), (3, 3)), ((9, 9), (8, 8))]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1\n00:00:01,000 --> 00:00:03,000\nДа\n\n2\n00:00:04 --> 00:00:05,000\nНет\n", 5),
        ("WEBVTT\n\n00:01.000 -> 00:03.000\nДа\n", 3),
    ],
)
def test_bad_timing_line_is_one_input_error_with_its_line(text: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        SubtitleReader().read(Document("bad.ru.srt", text), "ru", Config())
    assert err.value.line == line
    assert "expected a timing line" in err.value.message
