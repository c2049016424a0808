"""Files → pairs.

A file's language comes from its name: ``X.ru.md`` / ``X.zh.md`` (also
``ru-RU``, ``zh-CN``, ``zh_CN``, ``zh-Hans``, ``zh-Hant``), ``X-ru.md`` /
``X_zh.md``, or a directory ``…/ru/…`` / ``…/zh/…`` (likewise tagged).
Other layouts are described by templates in the configuration::

    pairs:
      - ru: "articles/{name}/original.md"
        zh: "articles/{name}/translation.md"

A file without a language tag, named on the command line, is read as a
single bilingual file.  Given one file of a pair, as pre-commit does,
the counterpart is found on disk; every pair is linted once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ruconsist.hookspecs import hookimpl

if TYPE_CHECKING:
    import pluggy

    from ruconsist.config import Config

RU_TAGS = ("ru", "ru-RU", "ru_RU", "rus", "ru-ru")
ZH_TAGS = ("zh", "zh-CN", "zh_CN", "zh-Hans", "zh-hans", "zh-cn", "zh_Hans", "cn", "zho", "zh-Hant", "zh-TW", "zh_TW")
TAGS = {t: "ru" for t in RU_TAGS} | {t: "zh" for t in ZH_TAGS}
_TAG_ALT = "|".join(sorted((re.escape(t) for t in TAGS), key=len, reverse=True))
#: ``name.ru.md``, ``name-zh.md``, ``name_zh-CN.md``: (stem)(sep)(tag)(ext)
NAME_TAG = re.compile(rf"^(?P<stem>.+?)(?P<sep>[._-])(?P<tag>{_TAG_ALT})(?P<ext>(?:\.[^.]+)*)$")
#: ``ru.po``, ``zh_CN.json``: the whole stem is the tag.
BARE_TAG = re.compile(rf"^(?P<tag>{_TAG_ALT})(?P<ext>(?:\.[^.]+)+)$")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


@dataclass(frozen=True)
class FilePair:
    """Two files of a pair, or one bilingual file (``bilingual``), or one
    file whose counterpart is missing (``missing`` names the expected
    path)."""

    ru: Path | None
    zh: Path | None
    bilingual: Path | None = None
    missing: Path | None = None

    @property
    def key(self) -> tuple[str, ...]:
        parts = [str(p.resolve()) if p else "" for p in (self.ru, self.zh, self.bilingual)]
        return tuple(parts)

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.ru, self.zh, self.bilingual) if p is not None)


def lang_of(path: Path) -> tuple[str, str, str] | None:
    """(lang, tag, where) if the path carries a language tag; ``where`` is
    ``name`` or ``dir``."""
    m = NAME_TAG.match(path.name) or BARE_TAG.match(path.name)
    if m:
        return TAGS[m.group("tag")], m.group("tag"), "name"
    for part in reversed(path.parent.parts):
        if part in TAGS:
            return TAGS[part], part, "dir"
    return None


def candidates(path: Path, config: Config | None = None) -> Iterator[tuple[str, Path]]:
    """Possible counterparts of ``path``, most likely first, as
    (lang of counterpart, path)."""
    info = lang_of(path)
    if config is not None:
        yield from _template_candidates(path, config)
    if info is None:
        return
    lang, tag, where = info
    other_tags = ZH_TAGS if lang == "ru" else RU_TAGS
    other_lang = "zh" if lang == "ru" else "ru"
    if where == "name":
        m = NAME_TAG.match(path.name)
        for t in other_tags:
            if m:
                name = f"{m.group('stem')}{m.group('sep')}{t}{m.group('ext')}"
            else:
                bm = BARE_TAG.match(path.name)
                assert bm is not None
                name = f"{t}{bm.group('ext')}"
            yield other_lang, path.with_name(name)
    else:
        parts = list(path.parts)
        idx = max(i for i, p in enumerate(parts[:-1]) if p == tag)
        for t in other_tags:
            new = parts[:idx] + [t] + parts[idx + 1 :]
            yield other_lang, Path(*new)


def _template_candidates(path: Path, config: Config) -> Iterator[tuple[str, Path]]:
    for tpl in config.pairs:
        for lang in ("ru", "zh"):
            rx = _template_regex(tpl[lang])
            m = rx.match(path.as_posix())
            if m:
                other_lang = "zh" if lang == "ru" else "ru"
                target = tpl[other_lang]
                for k, v in m.groupdict().items():
                    target = target.replace("{" + k + "}", v)
                yield other_lang, Path(m.group("_prefix") + target)


def _template_regex(template: str) -> re.Pattern[str]:
    out = ""
    for piece in re.split(r"(\{[a-z_]+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            name = piece[1:-1]
            out += rf"(?P<{name}>.+)" if name == "path" else rf"(?P<{name}>[^/]+)"
        else:
            out += re.escape(piece)
    return re.compile(r"^(?P<_prefix>(?:.*/)?)" + out + "$")


def template_lang(path: Path, config: Config) -> str | None:
    for tpl in config.pairs:
        for lang in ("ru", "zh"):
            if _template_regex(tpl[lang]).match(path.as_posix()):
                return lang
    return None


@hookimpl(trylast=True)
def ruconsist_find_counterpart(path: Path, lang: str, config: Config) -> Path | None:
    first = None
    for other_lang, cand in candidates(path, config):
        if other_lang == lang:
            continue
        if first is None:
            first = cand
        if cand.is_file():
            return cand
    return None


def expected_counterpart(path: Path, lang: str, config: Config) -> Path | None:
    for other_lang, cand in candidates(path, config):
        if other_lang != lang:
            return cand
    return None


def discover(paths: Iterable[str | os.PathLike[str]], extensions: tuple[str, ...]) -> Iterator[tuple[Path, bool]]:
    """Files under ``paths``: (path, named explicitly).  Directories are
    walked in sorted order, skipping VCS and virtualenv folders and files
    whose extension no reader handles."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if f.lower().endswith(extensions):
                        yield fp, False
        else:
            yield p, True


#: Language named in a translation file's first kilobytes: XLIFF and TMX
#: attributes, a PO header.
_LANG_MARK = re.compile(
    r"""(?:source-language|target-language|srcLang|trgLang|srclang|xml:lang|\blang)\s*=\s*["']([A-Za-z]{2,3})"""
    r"""|"Language:\s*([A-Za-z]{2,3})"""
)
_CYR = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def looks_bilingual(path: Path, pm: pluggy.PluginManager) -> bool:
    """An untagged file met in a directory scan is linted as one
    bilingual file when a bilingual reader (PO, XLIFF, TMX) handles its
    extension and its beginning names or shows both Russian and Chinese;
    an ``en→de`` XLIFF or a ``de.po`` stays out of the run."""
    readers: list[type] = []
    pm.hook.ruconsist_register_readers(register=readers.append)
    exts = tuple(e for cls in readers if getattr(cls, "bilingual", False) for e in cls.extensions)
    if not exts or not path.name.lower().endswith(exts):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(16384).decode("utf-8", "replace")
    except OSError:
        return False
    found = {TAGS.get(a or b) or TAGS.get((a or b).lower()) for a, b in _LANG_MARK.findall(head)}
    if len(_CYR.findall(head)) >= 10:
        found.add("ru")
    if len(_HAN.findall(head)) >= 5:
        found.add("zh")
    return {"ru", "zh"} <= found


def make_pairs(
    files: Iterable[tuple[Path, bool]], config: Config, pm: pluggy.PluginManager
) -> Iterator[FilePair]:
    """Pair files; each pair once, whichever of its files came first."""
    seen: set[tuple[str, ...]] = set()
    for path, explicit in files:
        info = lang_of(path)
        lang = info[0] if info else template_lang(path, config)
        if lang is None:
            if not explicit and not looks_bilingual(path, pm):
                continue
            pair = FilePair(None, None, bilingual=path)
        else:
            other = pm.hook.ruconsist_find_counterpart(path=path, lang=lang, config=config)
            if other is None:
                missing = expected_counterpart(path, lang, config)
                pair = FilePair(path if lang == "ru" else None, path if lang == "zh" else None, missing=missing)
            elif lang == "ru":
                pair = FilePair(path, Path(other))
            else:
                pair = FilePair(Path(other), path)
        if pair.key in seen:
            continue
        seen.add(pair.key)
        yield pair
