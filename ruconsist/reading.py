"""Reading: which reader reads a file, and reading it.

:class:`Reading` holds the readers registered through the
``ruconsist_register_readers`` hook (built in and plugins'), chooses one
per file (by extension, else by sniffing the first 4 KB, else plain
text; ``--align lines`` reads every file as lines), reads the bytes (a
size limit, clear errors for a directory, a broken link, a missing or
unreadable file), decodes them or hands a container (``.docx``) to its
binary reader, and runs the ``ruconsist_segment`` hook over the parsed
segments.  A bilingual table is one pair per Russian column.

:func:`simplify_traditional` turns a Traditional Chinese file's segments
into Simplified for the checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ruconsist.config import Config
from ruconsist.document import Document, decode
from ruconsist.errors import InputError, RuconsistError
from ruconsist.pairing import FilePair
from ruconsist.paths import display
from ruconsist.readers.base import Parsed, Reader

if TYPE_CHECKING:
    import pluggy

#: Larger files are refused with a clear error rather than read for
#: minutes: translation files of this size are exports, not articles.
MAX_FILE_BYTES = 16 * 1024 * 1024


class Reading:
    """The readers of a run and the reading of one file."""

    def __init__(self, config: Config, pm: pluggy.PluginManager) -> None:
        self.config = config
        self.pm = pm
        self.readers: list[type[Reader]] = []
        pm.hook.ruconsist_register_readers(register=self.readers.append)

    def reader_for(self, path: Path, head: str) -> Reader:
        name = path.name.lower()
        if self.config.align == "lines":
            # A table's rows are its lines already.
            table = self.table_reader_for(path)
            return table if table is not None else self._reader("lines")
        for cls in reversed(self.readers):
            if cls.extensions and name.endswith(cls.extensions):
                return cls()
        for cls in reversed(self.readers):
            if cls().sniff(str(path), head):
                return cls()
        return self._reader("text")

    def binary_reader_for(self, path: Path) -> Reader | None:
        name = path.name.lower()
        for cls in reversed(self.readers):
            if getattr(cls, "binary", False) and cls.extensions and name.endswith(cls.extensions):
                return cls()
        return None

    def table_reader_for(self, path: Path) -> Reader | None:
        """The reader of a bilingual table (CSV, TSV, workbook), if
        ``path`` is one."""
        name = path.name.lower()
        for cls in reversed(self.readers):
            if getattr(cls, "table", False) and cls.extensions and name.endswith(cls.extensions):
                return cls()
        return None

    def _reader(self, name: str) -> Reader:
        for cls in reversed(self.readers):
            if cls.name == name:
                return cls()
        raise InputError(f"no reader named {name!r}")

    @property
    def extensions(self) -> tuple[str, ...]:
        exts: list[str] = []
        for cls in self.readers:
            exts.extend(cls.extensions)
        return tuple(dict.fromkeys(exts))

    def read(self, path: Path, lang: str | None, text: str | None = None, part: str | None = None) -> Parsed:
        """Read and parse one file; ``text``, when given, is its content
        as an editor holds it (unsaved), read instead of the disk's.
        ``part`` is the RU column of a table to read against its ZH
        column (see :meth:`table_parts`)."""
        shown = display(path)
        config = self.config.for_paths((shown,))
        if part is not None:
            config = replace(config, options={**config.options, "ru-column": [part]})
        if text is not None:
            return self._parse(path, decode(text.encode("utf-8"), shown), lang, None, config)
        try:
            if path.is_dir():
                raise InputError("is a directory, not a file", shown)
            if not path.exists():
                if path.is_symlink():
                    raise InputError("broken symbolic link", shown)
                raise InputError("no such file", shown)
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)", shown)
            data = path.read_bytes()
        except PermissionError:
            raise InputError("permission denied", shown) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
        binary = self.binary_reader_for(path)
        if binary is not None:
            # Containers such as .docx: the reader turns bytes into text.
            doc = binary.load(shown, data, config)  # type: ignore[attr-defined]
        else:
            doc = decode(data, shown, self.config.encoding)
        # The bytes are not needed once decoded: not held while the file
        # is parsed (the size of the file again).
        del data
        return self._parse(path, doc, lang, binary, config)

    def _parse(self, path: Path, doc: Document, lang: str | None, binary: Reader | None, config: Config) -> Parsed:
        shown = doc.path
        if not doc.text or doc.text.isspace():
            raise InputError("empty file" if not doc.text else "file holds only white space", shown)
        reader = binary if binary is not None else self.reader_for(path, doc.text[:4096])
        doc.format = reader.name
        parsed = reader.read(doc, lang, config)
        for seg_lang in list(parsed.segments):
            custom = self.pm.hook.ruconsist_segment(parsed=parsed, lang=seg_lang, config=self.config)
            if custom is not None:
                parsed.segments[seg_lang] = custom
        return parsed

    def table_parts(self, pair: FilePair) -> Iterator[FilePair]:
        """A bilingual table is one pair per RU column (each MT system,
        or the human version, against the ZH column).  A table whose
        columns cannot be chosen stays one pair, whose reading reports
        the error."""
        path = pair.bilingual
        table = self.table_reader_for(path) if path is not None else None
        if table is None or path is None or pair.part is not None:
            yield pair
            return
        try:
            parsed_doc = self._load(path, table)
            columns = table.columns(parsed_doc, self.config.for_paths((display(path),)))  # type: ignore[attr-defined]
        except RuconsistError:
            yield pair
            return
        for column in columns:
            yield replace(pair, part=column)

    def _load(self, path: Path, reader: Reader) -> Document:
        shown = display(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
        if getattr(reader, "binary", False):
            return reader.load(shown, data, self.config.for_paths((shown,)))  # type: ignore[attr-defined,no-any-return]
        return decode(data, shown, self.config.encoding)


def simplify_traditional(parsed: Parsed, configured: str = "auto") -> str | None:
    """The Chinese region of a file (``TW``, ``HK`` from its language
    tag, or from the configuration's ``zh-region`` for a file whose tag
    names none; ``Hant`` for Traditional text of no region, None for the
    mainland).  A Traditional file's segments are checked in Simplified
    (same length, so locations stay true); the document is marked so
    that the alignment check can say so once, and so that the findings
    show the packs' forms in the file's own script."""
    from ruconsist.lang.script import is_traditional, to_simplified
    from ruconsist.pairing import configured_region

    region = configured_region(parsed.doc.path, configured)
    segs = parsed.segments.get("zh")
    fixed = [s for _, zh in parsed.fixed for s in zh]
    every = (segs or []) + fixed
    if region == "CN":  # configured: mainland Chinese, whatever its characters
        return None
    if region is None:
        sample = "".join(s.text for s in every[:200])
        if not every or not is_traditional(sample):
            return None
        region = "Hant"
    for seg in every:
        seg.text = to_simplified(seg.text, region)
    parsed.doc.script = "traditional"  # type: ignore[attr-defined]
    parsed.doc.region = region  # type: ignore[attr-defined]
    return region
