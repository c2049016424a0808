"""Safe YAML loading that remembers where each value stood.

Rule packs and configuration files are untrusted input: only plain YAML
types are built (no ``!!python/...`` tags), aliases are limited so that
"billion laughs" documents cannot explode, and every mapping and list
knows its line so that validation errors can say ``file:line``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ruconsist.errors import RuleError

if TYPE_CHECKING:
    import yaml

MAX_EXPANDED = 200_000


class MarkedDict(dict):  # type: ignore[type-arg]
    line: int = 0
    key_lines: dict[str, int]


class MarkedList(list):  # type: ignore[type-arg]
    line: int = 0
    item_lines: list[int]


@functools.lru_cache(maxsize=1)
def _loader_class() -> type:
    """The safe loader with line marks, built on first use: a run whose
    packs all come from the cache never imports PyYAML."""
    import yaml

    # libyaml's parser when the wheel has it (ten times faster than the
    # pure-Python one); both keep marks for line numbers.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(base):  # type: ignore[misc,valid-type]
        pass

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)
    return _Loader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> MarkedDict:
    out = MarkedDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise RuleError(
                "mapping keys must be plain scalars",
                getattr(loader, "_ruconsist_path", node.start_mark.name),
                key_node.start_mark.line + 1,
            )
        key = str(key) if not isinstance(key, str) else key
        if key in out:
            raise RuleError(
                f"duplicate key {key!r}",
                getattr(loader, "_ruconsist_path", node.start_mark.name),
                key_node.start_mark.line + 1,
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_list(loader: Any, node: yaml.SequenceNode) -> MarkedList:
    out = MarkedList(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [n.start_mark.line + 1 for n in node.value]
    return out


def expansion_problem(node: yaml.Node) -> tuple[str, int] | None:
    """Why a composed document must not be built, and the line: an alias
    inside the node it names (a recursive document, which would expand
    without end), or aliases that expand it beyond :data:`MAX_EXPANDED`
    values ("billion laughs").  ``None`` when it may be built.

    Aliases make the node graph a DAG, or a graph with a cycle when an
    alias stands inside its own anchor.  Each node is sized once
    (memoised), in time linear in the nodes as written; a node met again
    while its own children are still being sized closes a cycle."""
    import yaml

    sizes: dict[int, int] = {}
    #: Nodes whose children are being sized: the path from the root.
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        cur, done = stack.pop()
        if id(cur) in sizes:
            continue
        if not done and id(cur) in open_:
            return "an alias refers to a node that contains it (a recursive document)", cur.start_mark.line + 1
        children: list[yaml.Node] = []
        if isinstance(cur, yaml.MappingNode):
            for k, v in cur.value:
                children += [k, v]
        elif isinstance(cur, yaml.SequenceNode):
            children = list(cur.value)
        if not done:
            open_.add(id(cur))
            stack.append((cur, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        open_.discard(id(cur))
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        if total > MAX_EXPANDED:
            return f"document expands to more than {MAX_EXPANDED} values through aliases", cur.start_mark.line + 1
        sizes[id(cur)] = total
    return None


def load_yaml(text: str, path: str) -> Any:
    """Parse ``text``; raise :class:`RuleError` with ``path:line``."""
    import yaml

    try:
        loader = _loader_class()(text)
        loader._ruconsist_path = path
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            if "&" in text:  # no anchors, no aliases to expand
                problem = expansion_problem(node)
                if problem is not None:
                    raise RuleError(f"{problem[0]}; refusing it", path, problem[1])
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path) from None
    except RecursionError:
        raise RuleError("YAML nested too deeply", path) from None


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """Best line number for ``node[key]`` (or the node itself)."""
    if key is not None:
        if isinstance(node, MarkedDict) and key in node.key_lines:
            return node.key_lines[key]  # type: ignore[index]
        if isinstance(node, MarkedList) and isinstance(key, int):
            if 0 <= key < len(node.item_lines):
                return node.item_lines[key]
    return getattr(node, "line", None) or None
