"""What a reader gives the engine: segments with true positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ruconsist.document import Document, Segment

if TYPE_CHECKING:
    from ruconsist.config import Config


@dataclass
class Parsed:
    """A read file.

    ``segments`` holds the running text of each language found in the
    file (one language for a monolingual file, both for a bilingual one),
    in reading order.  ``fixed`` holds segment pairs that the file itself
    aligns (a bilingual title line, a PO entry, a subtitle cue); they are
    not re-aligned.  Segments with a ``key`` are aligned by key against
    the counterpart file's segments with the same key.
    """

    doc: Document
    segments: dict[str, list[Segment]] = field(default_factory=dict)
    fixed: list[tuple[list[Segment], list[Segment]]] = field(default_factory=list)
    header: list[tuple[int, int]] = field(default_factory=list)
    #: Findings the reader itself makes (a key present on one side only
    #: is found by the engine; this is for malformed parts it skipped).
    notes: list[tuple[int, int, str]] = field(default_factory=list)


class Reader:
    """Base class of readers.  ``name`` is what ``--reader``/config name;
    ``extensions`` are matched case-insensitively against the file name's
    ending; :meth:`sniff` may claim a file by its content."""

    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    #: Readers that hold both languages in one file (PO, TMX, XLIFF).
    bilingual: ClassVar[bool] = False
    #: Options of the configuration this reader reads, as
    #: :attr:`ruconsist.checks.base.Check.options`.
    options: ClassVar[dict[str, tuple[Any, str]]] = {}

    def sniff(self, path: str, head: str) -> bool:
        return False

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        raise NotImplementedError
