"""Markdown tables read row by row, in time linear in the table.

markdown-it's table rule makes an inline token for every cell the header
names, filling the cells a short row leaves out: a header of 400 columns
over 400 rows of one cell each is 160,000 cells (markdown-it stops a
table at 65,536 filled cells and reads its remaining rows as a paragraph).  The
Markdown reader reads a cell by its token's line map, so it made every
cell a copy of its whole row: c copies of a row of c cells, and one
segment per filled cell.  The rule here recognises a table exactly as
markdown-it does (its own rule is asked whether a table starts at a
line) and ends it where markdown-it's loop ends one, but makes one
inline token per row, mapped to that row's line, and fills nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock


def _row_continues(state: StateBlock, line: int, end: int, terminators: list) -> bool:  # type: ignore[type-arg]
    """Whether ``line`` is one more row of the table above it: the
    conditions of markdown-it's table loop, less its cap on filled
    cells (there are none here)."""
    if state.sCount[line] < state.blkIndent:
        return False
    if any(rule(state, line, end, True) for rule in terminators):
        return False
    start, stop = state.bMarks[line] + state.tShift[line], state.eMarks[line]
    if not state.src[start:stop].strip():
        return False
    return not state.is_code_block(line)


def table_by_rows(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block rule standing in for markdown-it's ``table``: one
    ``inline`` token per row (the header and the body rows, not the
    delimiter row), its map the row's line and its content the row's
    text."""
    from markdown_it.rules_block.table import table as markdown_it_table

    if not markdown_it_table(state, start, end, True):
        return False
    if silent:
        return True
    terminators = state.md.block.ruler.getRules("blockquote")
    stop = start + 2
    while stop < end and _row_continues(state, stop, end, terminators):
        stop += 1
    old_parent, state.parentType = state.parentType, "table"
    state.push("table_open", "table", 1).map = [start, stop]
    for row in (start, *range(start + 2, stop)):
        state.push("tr_open", "tr", 1).map = [row, row + 1]
        token = state.push("inline", "", 0)
        token.map = [row, row + 1]
        token.content = state.src[state.bMarks[row] + state.tShift[row] : state.eMarks[row]]
        token.children = []
        state.push("tr_close", "tr", -1)
    state.push("table_close", "table", -1)
    state.parentType = old_parent
    state.line = stop
    return True


def enable_tables(md: MarkdownIt) -> MarkdownIt:
    """``md`` reading GFM tables row by row (:func:`table_by_rows`)."""
    md.enable("table")
    rule = next(r for r in md.block.ruler.__rules__ if r.name == "table")
    # ``at`` resets the rules the replaced one may interrupt: keep them
    # (a table interrupts a paragraph).
    md.block.ruler.at("table", table_by_rows, {"alt": list(rule.alt)})
    return md
