"""The package's shape: no import cycles between its modules (function-level imports included),
and every measure a room of its own that the pipeline finds by registration."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """``{module: modules of the package it imports}``, every import statement counted, those inside
    functions included (a lazy import still ties two modules together)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_package_has_no_import_cycles():
    graph = import_graph()
    assert "framing.analysis" in graph and "framing.measures.stance" in graph  # the walk saw the package
    assert cycles(graph) == []


def test_only_the_package_root_imports_the_package_root():
    """Modules take the version from framing._version, so importing one never runs framing/__init__'s imports
    in the middle of another's."""
    importers = sorted(name for name, targets in import_graph().items() if "framing" in targets)
    assert importers == []


def test_every_module_of_the_measures_folder_is_a_registered_measure():
    from framing.measures import registered_measures

    modules = sorted(p.stem for p in (PACKAGE / "measures").glob("[!_]*.py"))
    by_module = {type(m).__module__.rsplit(".", 1)[-1]: m for m in registered_measures()}
    assert sorted(set(by_module) & set(modules)) == modules
    for name in modules:
        assert by_module[name].tables, name


@pytest.mark.parametrize("module", ["framing.analysis", "framing.comparison", "framing.plots", "framing.cli",
                                    "framing.pipeline", "framing._runfolder", "framing.known_groups"])
def test_the_pipeline_modules_name_no_measure(module):
    """The pipeline reads the registry: none of its modules imports a measure module or a model module."""
    measure_modules = {f"framing.measures.{p.stem}" for p in (PACKAGE / "measures").glob("[!_]*.py")}
    model_modules = {"framing.frames", "framing.roles", "framing.narratives", "framing.persuasion"}
    imported = import_graph()[module]
    allowed = {"framing.measures.stance", "framing.measures.quotes", "framing.measures.wording",
               "framing.measures.frames", "framing.measures.roles", "framing.measures.narratives",
               "framing.measures.persuasion"} if module == "framing.analysis" else set()
    assert (imported & (measure_modules | model_modules)) - allowed == set()


def _readme_outputs() -> dict[str, str]:
    """``{file name: columns cell}`` of the README's Outputs table."""
    text = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("## Outputs", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("`") and cells[0].endswith(".parquet`"):
            rows[cells[0].strip("`")] = cells[2]
    return rows


def test_the_readme_outputs_table_lists_every_table_of_the_registered_measures():
    """Every table a run writes has its README row, with the schema's columns in order; every outlet table
    a measure declares has its row; and the README lists no table that no measure writes."""
    from framing.measures import registered_measures, table_schemas

    own = [m for m in registered_measures() if type(m).__module__.startswith("framing.measures.")]
    rows = _readme_outputs()
    expected = {f"{name}.parquet" for name in table_schemas(own)} | {
        f"outlet_{kind}.parquet" for m in own for kind in m.comparisons}
    assert set(rows) == expected
    for name, schema in table_schemas(own).items():
        assert rows[f"{name}.parquet"].startswith(f"`{', '.join(schema.names)}`"), name
