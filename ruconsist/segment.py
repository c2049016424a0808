"""Scripts, paragraphs and sentences."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.lang.han import HAN_CHAR as HAN

CYRILLIC = regex.compile(r"\p{Cyrillic}")
#: Characters that belong to Chinese running text besides Han: full-width
#: punctuation and book-title marks.
ZH_PUNCT = "，。：；！？、“”‘’（）《》〈〉「」『』【】—…·"

#: Line ends that close a paragraph inside a blank-line-separated block
#: of plain text (``… Кубой.`` then ``"Владимир Путин …``), while a
#: hard-wrapped sentence running on to the next line does not.
PARA_END = regex.compile(r"[.!?…。！？；;:：\"'»”’)）/]\s*$")

#: Sentence ends: RU after . ! ? … followed by space and a capital,
#: a quote or a dash; ZH after 。！？ (and a closing quote).
RU_SENT = regex.compile(
    r"(?<=[.!?…])[\"»”’)]*\s+(?=[\p{Lu}\"«„“(\-—–]|\d)"
)
ZH_SENT = regex.compile(r"(?<=[。！？!?])[”’」』）)]*")
#: Abbreviations after which a full stop does not end a sentence.
RU_ABBR = regex.compile(
    r"(?:\b(?:т|г|гг|им|ул|д|стр|ст|п|пп|тыс|млн|млрд|трлн|руб|долл|"
    r"см|др|пр|проф|акад|ред|рис|табл|янв|фев|февр|мар|апр|авг|сент|"
    r"окт|нояб|дек|св|о|н|э|ж|кв|км|чел|т\.е|т\.д|т\.п|и\.о)"
    r"|\b\p{Lu})\.$"
)
#: How far before a full stop :data:`RU_ABBR` needs to look: its longest
#: abbreviation (``нояб.``) with room to spare.  Searching from the
#: sentence's start instead was quadratic on a line of abbreviations
#: that end no sentence (``ст. 5`` repeated: 48 KB in 15 s).
ABBR_REACH = 12
#: Closing quotes and brackets after a full stop, before the space.
CLOSERS = "\"»”’)"


def script_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Han characters) in ``text``."""
    return len(CYRILLIC.findall(text)), len(HAN.findall(text))


def script_of(text: str) -> str | None:
    """``ru``, ``zh`` or ``None`` (neither script: digits, Latin, empty).

    Han characters carry about three times the content of a Cyrillic
    letter, so they are weighted accordingly.
    """
    return script_of_counts(*script_counts(text))


def script_of_counts(cyr: int, han: int) -> str | None:
    """:func:`script_of` a text of ``cyr`` Cyrillic letters and ``han``
    Han characters."""
    if not cyr and not han:
        return None
    return "zh" if han * 3 >= cyr else "ru"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each line in ``text[start:end]``, without the line
    break; CRLF, LF and CR all end a line."""
    end = len(text) if end is None else end
    pos = start
    for m in regex.finditer(r"\r\n|\n|\r", text, pos=start, endpos=end):
        yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Paragraph spans of plain text: blocks separated by blank lines,
    further split where a line closes a sentence and where the script
    changes between lines."""
    block: list[tuple[int, int]] = []

    def flush() -> Iterator[tuple[int, int]]:
        if not block:
            return
        cur_start = block[0][0]
        cur_end = block[0][1]
        cur_script = script_of(text[block[0][0] : block[0][1]])
        for (a, b), (prev_a, prev_b) in zip(block[1:], block):
            s = script_of(text[a:b])
            closes = PARA_END.search(text[prev_a:prev_b]) is not None
            if closes or (s and cur_script and s != cur_script):
                yield _trim(text, cur_start, cur_end)
                cur_start, cur_script = a, s
            elif cur_script is None:
                cur_script = s
            cur_end = b
        yield _trim(text, cur_start, cur_end)

    for a, b in line_spans(text, start, end):
        if text[a:b].strip():
            block.append((a, b))
        else:
            yield from flush()
            block = []
    yield from flush()


def sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph's text."""
    spans: list[tuple[int, int]] = []
    pos = 0
    pattern = ZH_SENT if lang == "zh" else RU_SENT
    for m in pattern.finditer(text):
        cut = m.end()
        if cut <= pos or cut >= len(text):
            continue
        if lang == "ru" and _after_abbreviation(text, pos, m.start()):
            continue
        a, b = _trim(text, pos, cut)
        if b > a:
            spans.append((a, b))
        pos = cut
    a, b = _trim(text, pos, len(text))
    if b > a:
        spans.append((a, b))
    return spans


def _after_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, closing quotes and brackets left
    aside, ends with an abbreviation's full stop.  Only the last
    :data:`ABBR_REACH` characters are searched; ``\\b`` still sees the
    character before them."""
    while end > start and text[end - 1] in CLOSERS:
        end -= 1
    return RU_ABBR.search(text, max(start, end - ABBR_REACH), end) is not None
