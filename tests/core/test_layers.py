"""The shape of the package: no import cycles, layers depend one way, no code from data.

Imports are read from the source (ast), so these run in milliseconds and name the module
and line that breaks a rule. Imports under ``if TYPE_CHECKING:`` are for annotations only
and never run, so they do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import research_kit

PACKAGE = Path(research_kit.__file__).resolve().parent


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        found[".".join(parts)] = (path, is_package)
    return found


MODULES = _modules()


def _runtime_nodes(tree: ast.AST):
    """Every node except those inside ``if TYPE_CHECKING:`` blocks."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _imports(module: str) -> list[tuple[str, int]]:
    """(imported research_kit module, line) for every runtime import in ``module``."""
    path, is_package = MODULES[module]
    found = []
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            for alias in node.names:
                full = f"{name}.{alias.name}"
                if full in MODULES:
                    found.append((full, node.lineno))
                elif name in MODULES:
                    found.append((name, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name in MODULES]
    return [(m, line) for m, line in found if m != module]


def _third_party(module: str) -> set[str]:
    path, _ = MODULES[module]
    names = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_import_cycles():
    graph = {m: {dep for dep, _ in _imports(m)} for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert cycles == []


# layer → the layers it may import (besides itself and the core modules)
CORE = {"research_kit", "research_kit._lazy", "research_kit._version", "research_kit.errors",
        "research_kit.source_titles", "research_kit.display_frames",
        "research_kit.settings", "research_kit.provenance", "research_kit.display",
        "research_kit.workspace", "research_kit.private_files", "research_kit.parse_guard",
        "research_kit.target_schema"}
ALLOWED = {
    "gateway": set(),
    "lexicon": set(),
    "sources": {"gateway", "lexicon"},
    "research": {"sources", "lexicon"},
    "brief": {"lexicon"},
    "workbench": {"gateway", "sources", "research", "brief", "lexicon"},
    "app": {"gateway", "sources", "research", "brief", "workbench", "lexicon"},
    "cli": {"gateway", "sources", "research", "brief", "workbench", "app", "lexicon"},
}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else None


def test_layers_depend_one_way():
    wrong = []
    for module in MODULES:
        layer = _layer(module)
        if layer is None:
            if module in CORE or module == "research_kit.__main__":
                # core modules import nothing above them
                wrong += [f"{module}:{line} imports {dep}" for dep, line in _imports(module)
                          if dep not in CORE and module != "research_kit"
                          and module != "research_kit.__main__"]
            continue
        for dep, line in _imports(module):
            other = _layer(dep)
            if other is None or other == layer:
                continue
            if other not in ALLOWED[layer]:
                wrong.append(f"{module}:{line} imports {dep} ({layer} may not use {other})")
    assert wrong == []


def test_only_the_gateway_talks_to_the_network():
    network = {"requests", "requests_cache", "urllib3", "http", "socket"}
    wrong = [f"{m} imports {sorted(_third_party(m) & network)}" for m in MODULES
             if _third_party(m) & network and not m.startswith("research_kit.gateway.")]
    assert wrong == []


def test_no_code_from_data():
    """No module can unpickle (or otherwise run code from) a file: caches, packs and
    workspaces hold data only."""
    banned = {"pickle", "cPickle", "dill", "joblib", "shelve", "marshal", "cloudpickle"}
    wrong = [f"{m} imports {sorted(_third_party(m) & banned)}" for m in MODULES
             if _third_party(m) & banned]
    assert wrong == []
