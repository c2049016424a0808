"""TYP002: quotation marks that are not the language's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ruconsist.checks.base import PairContext
from ruconsist.checks.typography.common import (
    CYRILLIC,
    Mask,
    TypographyCheck,
    option,
    positions,
    segment_spans,
)
from ruconsist.checks.typography.quote_pairs import ascii_quote_pairs, inside, typographic_pairs
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_CHAR


class WrongQuotes(TypographyCheck):
    """Quotes in the style of the language: Russian uses « » (inner „ “),
    Chinese uses “ ” (or 「」).  ASCII ``"…"`` on either side, ``“…”``
    in Russian outside « », and « » in Chinese are reported once per
    quoted span, with a fix that rewrites the pair.

    House style options: ``ru-quotes`` (``«»`` by default; ``“”`` makes
    English-style quotes the norm; ``off`` disables the Russian side) and
    ``zh-quotes`` (``“”`` by default, with 「」 accepted beside it;
    ``「」``; ``off``).  A file of Taiwan or Hong Kong (``X.zh-TW.md``,
    ``zh_HK.po``) has ``「」`` by default (inner 『』), as their standards
    write, so that “…” there is reported.

    Examples
      PASS  RU «он сказал: «Да»»       ZH «他说：“是的”»
      FAIL  RU «он сказал: "Да"»       ZH «他说：“是的”»   -> TYP002
      FAIL  RU «он сказал: «Да»»       ZH «他说："是的"»   -> TYP002
    """

    code = "TYP002"
    slug = "wrong-quotes"
    options = {
        "ru-quotes": (("«»", "“”", "„“", "off", "any"), "quotation marks of Russian text (TYP002)"),
        "zh-quotes": (("“”", "「」", "off", "any"), "quotation marks of Chinese text (TYP002)"),
    }

    def scan(
        self, bead: SegmentPair, lang: str, text: str, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        style = str(option(ctx, f"{lang}-quotes") or ("«»" if lang == "ru" else _zh_quotes(ctx)))
        if style in ("off", "any"):
            return
        want = _wanted_marks(style, lang)
        mask = Mask(text)
        spans, singles = _ascii_quotes(bead, lang, text, mask)
        spans += _other_styles(text, lang, want, mask)
        letters = CYRILLIC if lang == "ru" else HAN_CHAR
        for i in sorted(singles):
            if letters.search(text[max(0, i - 2) : i + 3]):
                yield self.report(
                    bead,
                    lang,
                    i,
                    i + 1,
                    f"{lang.upper()} ASCII quote '\"': house style is {want[0]}…{want[1]}",
                    expected=f"{want[0]}…{want[1]}",
                    found='"',
                )
        for a, b, kind in sorted(spans):
            if _quotes_text(text, a, b, lang, letters):
                yield self._rewrite(bead, lang, text, a, b, kind, want)

    def _rewrite(
        self, bead: SegmentPair, lang: str, text: str, a: int, b: int, kind: str, want: tuple[str, str]
    ) -> Diagnostic:
        """The finding for the pair of quotes at ``a`` and ``b``, with the
        fix that puts the house style's marks in their place (and turns
        « » inside a Russian quote into „ “)."""
        inner = text[a + 1 : b]
        if lang == "ru" and want == ("«", "»"):
            inner = inner.replace("«", "„").replace("»", "“")
        replacement = f"{want[0]}{inner}{want[1]}"
        shown = text[a : b + 1]
        if len(shown) > 40:
            shown = shown[:18] + "…" + shown[-18:]
        return self.report(
            bead,
            lang,
            a,
            b + 1,
            f"{lang.upper()} quotes {kind}…{text[b]} in {shown!r}: house style is {want[0]}…{want[1]}",
            expected=f"{want[0]}…{want[1]}",
            found=f"{text[a]}…{text[b]}",
            fix=(a, b + 1, replacement),
        )


def _wanted_marks(style: str, lang: str) -> tuple[str, str]:
    """The opening and closing marks of a house style (``«»``, ``“”``,
    ``„“``, ``「」``)."""
    if len(style) >= 2:
        return style[0], style[-1]
    return ("«", "»") if lang == "ru" else ("“", "”")


def _ascii_quotes(
    bead: SegmentPair, lang: str, text: str, mask: Mask
) -> tuple[list[tuple[int, int, str]], list[int]]:
    """ASCII quotes outside URLs, code and markup, paragraph by paragraph: the
    pairs that can be rewritten, and the quotes that cannot be paired
    with confidence (an odd count in a paragraph, or a pair that other
    quotes cross), to be reported one by one."""
    spans: list[tuple[int, int, str]] = []
    singles: list[int] = []
    for a, b in segment_spans(bead.side(lang)):
        para = text[a:b]
        quotes = [i for i in positions(para, '"') if not mask(a + i)]
        if len(quotes) % 2:
            # Which quote is the stray one is a guess: report each
            # quote, rewrite none.
            singles.extend(a + i for i in quotes)
            continue
        ascii_pairs, _ = ascii_quote_pairs(para, Mask(para))
        for x, y in ascii_pairs:
            if _crossed(para[x + 1 : y]):
                # Other quotes cross this pair ("我认为“ye"): the
                # pairing is a guess, so no rewrite.
                singles.extend((a + x, a + y))
            else:
                spans.append((a + x, a + y, '"'))
    return spans, singles


def _crossed(inner: str) -> bool:
    """Whether typographic quotes open or close inside a quoted span
    without their partner."""
    return any(inner.count(o) != inner.count(c) for o, c in ("“”", "«»", "„“"))


def _other_styles(text: str, lang: str, want: tuple[str, str], mask: Mask) -> list[tuple[int, int, str]]:
    """Pairs of typographic quotes of a style other than the house one,
    except second-level “ ” inside « » in Russian and 「」, which
    Chinese accepts beside “”."""
    styles = [("«", "»"), ("“", "”")] if lang == "ru" else [("«", "»"), ("“", "”"), ("「", "」")]
    guillemets, _ = typographic_pairs(text, "«", "»", mask)
    spans = []
    for o, c in styles:
        if (o, c) == want:
            continue
        found, _ = typographic_pairs(text, o, c, mask)
        for a, b in found:
            if lang == "ru" and o == "“" and inside(a, guillemets):
                continue  # second-level quotes inside « »
            if lang == "zh" and o == "「" and want == ("“", "”"):
                continue  # 「」 is accepted alongside “”
            spans.append((a, b, o))
    return spans


def _quotes_text(text: str, a: int, b: int, lang: str, letters: re.Pattern[str]) -> bool:
    """Whether the pair at ``a`` and ``b`` quotes the language's text (a
    letter of it inside; in Chinese, a character just around is enough),
    not a code, a symbol or a foreign word."""
    if letters.search(text[a + 1 : b]):
        return True
    return lang == "zh" and HAN_CHAR.search(text[max(0, a - 1) : b + 2]) is not None


def _zh_quotes(ctx: PairContext) -> str:
    """The default Chinese quotation marks: 「」 in Taiwan and Hong Kong,
    “” elsewhere."""
    return "「」" if getattr(ctx.zh_doc, "region", None) in ("TW", "HK") else "“”"
