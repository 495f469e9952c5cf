"""The package's layers import in one direction only (each layer's ``__init__`` docstring
says what it may import); the test reads the import statements of the source."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "citeextract"
LAYERS = ("pipeline", "corpus", "output", "evaluation", "readers", "batch", "cli")
# what each layer may import besides itself and the shared modules (models, rules)
ALLOWED = {
    "pipeline": set(),
    "corpus": {"pipeline"},
    "output": {"pipeline"},
    "evaluation": {"pipeline"},
    "readers": set(),
    "batch": {"pipeline", "readers"},
    "cli": {"pipeline", "corpus", "output", "evaluation", "readers", "batch"},
    "shared": set(),  # models.py, rules.py
    "api": {"pipeline", "output"},  # citeextract/__init__.py
}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    return parts[1] if parts[1] in LAYERS else "shared"


def module_of(path: Path, pkg: Path = PKG) -> str:
    rel = path.relative_to(pkg.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, pkg: Path = PKG):
    """Every citeextract module the file imports (at the top or inside functions)."""
    module = module_of(path, pkg)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] == "citeextract":
                if node.module is None or target.count(".") == 0:
                    for alias in node.names:  # "from . import gate"
                        yield f"{target}.{alias.name}", node.lineno
                else:
                    yield target, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "citeextract":
                    yield alias.name, node.lineno


SOURCES = sorted(p for p in PKG.rglob("*.py") if "patterns" not in p.parts)


def test_every_source_file_is_read():
    assert len(SOURCES) > 40
    assert {layer_of(module_of(p)) for p in SOURCES} >= set(LAYERS)


def violations(path: Path, pkg: Path = PKG) -> list[str]:
    source_layer = layer_of(module_of(path, pkg))
    out = []
    for target, line in imports(path, pkg):
        target_layer = layer_of(target)
        if target == "citeextract":  # the package root: only its version string, for the CLI
            ok = source_layer == "cli"
        else:
            ok = target_layer in (source_layer, "shared") or target_layer in ALLOWED[source_layer]
        if not ok:
            out.append(f"{path.relative_to(pkg)}:{line}: the {source_layer} layer imports {target}")
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PKG)))
def test_imports_follow_the_layers(path):
    assert violations(path) == []


def test_the_checker_finds_wrong_imports(tmp_path):
    pkg = tmp_path / "citeextract"
    (pkg / "pipeline").mkdir(parents=True)
    bad = pkg / "pipeline" / "stage.py"
    bad.write_text("from ..models import Document\nfrom .clean import clean\n"
                   "def f():\n    from ..corpus.graph import build_graph\n"
                   "import citeextract.cli\nfrom .. import output\n", encoding="utf-8")
    found = violations(bad, pkg)
    assert sorted(v.split(": ", 1)[1] for v in found) == [
        "the pipeline layer imports citeextract.cli",
        "the pipeline layer imports citeextract.corpus.graph",
        "the pipeline layer imports citeextract.output",
    ]
