"""TYP002: quotation marks that are not the language's."""

from __future__ import annotations

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
        want = (
            (style[0], style[-1])
            if len(style) >= 2
            else (("«", "»") if lang == "ru" else ("“", "”"))
        )
        mask = Mask(text)
        letters = CYRILLIC if lang == "ru" else HAN_CHAR
        spans: list[tuple[int, int, str]] = []
        singles: list[int] = []
        for a, b in segment_spans(bead.side(lang)):
            para = text[a:b]
            quotes = [i for i in positions(para, '"') if not mask(a + i)]
            if len(quotes) % 2:
                # Which quote is the stray one is a guess: report each
                # quote, rewrite none.
                singles.extend(a + i for i in quotes)
            else:
                ascii_pairs, _ = ascii_quote_pairs(para, Mask(para))
                for x, y in ascii_pairs:
                    if any(
                        para[x + 1 : y].count(o) != para[x + 1 : y].count(c)
                        for o, c in ("“”", "«»", "„“")
                    ):
                        # Other quotes cross this pair ("我认为“ye"): the
                        # pairing is a guess, so no rewrite.
                        singles.extend((a + x, a + y))
                    else:
                        spans.append((a + x, a + y, '"'))
        wrong = [("«", "»"), ("“", "”")] if lang == "ru" else [("«", "»"), ("“", "”"), ("「", "」")]
        guillemets, _ = typographic_pairs(text, "«", "»", mask)
        for o, c in wrong:
            if (o, c) == want:
                continue
            found, _ = typographic_pairs(text, o, c, mask)
            for a, b in found:
                if lang == "ru" and o == "“" and inside(a, guillemets):
                    continue  # second-level quotes inside « »
                if lang == "zh" and o == "「" and want == ("“", "”"):
                    continue  # 「」 is accepted alongside “”
                spans.append((a, b, o))
        for i in sorted(singles):
            near = text[max(0, i - 2) : i + 3]
            if not letters.search(near):
                continue
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
            inner = text[a + 1 : b]
            near = text[max(0, a - 1) : b + 2]
            if not letters.search(inner) and not (lang == "zh" and HAN_CHAR.search(near)):
                continue
            if lang == "ru" and want == ("«", "»"):
                inner = inner.replace("«", "„").replace("»", "“")
            replacement = f"{want[0]}{inner}{want[1]}"
            shown = text[a : b + 1]
            if len(shown) > 40:
                shown = shown[:18] + "…" + shown[-18:]
            yield self.report(
                bead,
                lang,
                a,
                b + 1,
                f"{lang.upper()} quotes {kind}…{text[b]} in {shown!r}: house style is {want[0]}…{want[1]}",
                expected=f"{want[0]}…{want[1]}",
                found=f"{text[a]}…{text[b]}",
                fix=(a, b + 1, replacement),
            )


def _zh_quotes(ctx: PairContext) -> str:
    """The default Chinese quotation marks: 「」 in Taiwan and Hong Kong,
    “” elsewhere."""
    return "「」" if getattr(ctx.zh_doc, "region", None) in ("TW", "HK") else "“”"
