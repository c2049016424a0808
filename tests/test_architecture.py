"""The import graph of ruconsist: no circles, counting the imports that
``importlib`` makes from the tables of built-in plugins, checks,
readers, formatters and subcommands (which neither import-linter nor a
reader of the code sees as imports).  The layer contracts (language code
below the checks, below the engine, below the command line) are
import-linter's, in pyproject.toml, run by .ci/run."""

from __future__ import annotations

import pytest

grimp = pytest.importorskip("grimp")


def dynamic_imports() -> list[tuple[str, str]]:
    """(importer, imported) for every module loaded by name at run time."""
    from ruconsist import checks, cli, formatters, plugins, readers

    edges = [("ruconsist.plugins", name) for name in plugins.DEFAULT_PLUGINS]
    edges += [("ruconsist.cli", f"ruconsist.commands.{name}") for name in cli.COMMAND_MODULES]
    edges += [("ruconsist.checks", f"ruconsist.checks.{name}") for name in checks.BUILTIN_CHECK_MODULES]
    edges += [("ruconsist.readers", f"ruconsist.readers.{module}") for module, _ in readers.BUILTIN_READERS]
    edges += [("ruconsist.formatters", f"ruconsist.formatters.{module}") for module, _ in formatters.BUILTIN_FORMATTERS]
    return edges


#: The modules that load others by name, each from one of the tables
#: above; any other ``importlib.import_module`` in the package would be an
#: import this test does not see.  (``plugins`` also loads installed
#: plugins' entry points, which are not part of the package.)
LOADERS = {
    "ruconsist/plugins.py",
    "ruconsist/cli.py",
    "ruconsist/checks/__init__.py",
    "ruconsist/readers/__init__.py",
    "ruconsist/formatters/__init__.py",
}


def test_every_module_loaded_by_name_is_counted() -> None:
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    loaders = set()
    for path in sorted((root / "ruconsist").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (
                (isinstance(node.func, ast.Attribute) and node.func.attr in ("import_module", "__import__"))
                or (isinstance(node.func, ast.Name) and node.func.id in ("import_module", "__import__"))
            ):
                loaders.add(path.relative_to(root).as_posix())
    assert loaders == LOADERS


def import_graph() -> grimp.ImportGraph:
    # Imports under ``if TYPE_CHECKING:`` never run, so they make no circle.
    graph = grimp.build_graph("ruconsist", exclude_type_checking_imports=True, cache_dir=None)
    for importer, imported in dynamic_imports():
        assert imported in graph.modules, f"{importer} loads {imported}, which does not exist"
        graph.add_import(importer=importer, imported=imported)
    return graph


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so that a long chain of imports cannot exhaust the stack.
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_circles() -> None:
    graph = import_graph()
    found = circles(graph)
    detail = []
    for component in found:
        chain = graph.find_shortest_chain(importer=component[0], imported=component[1])
        back = graph.find_shortest_chain(importer=component[1], imported=component[0])
        detail.append(f"{component}: {' -> '.join(chain or ())} ; {' -> '.join(back or ())}")
    assert not found, "import circles:\n" + "\n".join(detail)


def test_circle_finder_finds_a_circle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.c", imported="a.d")
    assert circles(graph) == [["a.b", "a.c"]]


def test_language_code_imports_no_check_and_no_engine() -> None:
    graph = import_graph()
    above = [m for m in graph.modules if m.startswith(("ruconsist.checks", "ruconsist.engine", "ruconsist.cli"))]
    for lang_module in sorted(m for m in graph.modules if m.startswith("ruconsist.lang")):
        for target in above:
            chain = graph.find_shortest_chain(importer=lang_module, imported=target)
            assert chain is None, " -> ".join(chain)


def test_every_package_of_the_tree_is_installed() -> None:
    # pyproject.toml lists the packages by hand; a package missing there
    # works in the source tree but not once installed (the pre-commit hook
    # installs the repository as a user's pip would).
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    in_tree = {".".join(p.parent.relative_to(root).parts) for p in (root / "ruconsist").rglob("__init__.py")}
    assert in_tree <= listed, sorted(in_tree - listed)


def test_every_data_file_of_the_tree_is_installed() -> None:
    # The same for files that are not Python (the HTML report's style
    # sheet and script): package-data must name them, or an installed
    # ruconsist writes a page without them.
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    missing = []
    for path in (root / "ruconsist").rglob("*"):
        if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        package = ".".join(path.parent.relative_to(root).parts)
        if not any(fnmatch.fnmatch(path.name, glob) for glob in data.get(package, ())):
            missing.append(path.relative_to(root).as_posix())
    assert not missing
