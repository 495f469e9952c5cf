"""``citeextract doctor``: the versions of the parsers in use and which input kinds work."""
from __future__ import annotations

import importlib
import json
import platform
import sys
from importlib import metadata

import click

from .. import __version__

# (what, distribution names whose versions matter, modules to import, what it serves)
CHECKS = [
    ("extraction", ["regex", "google-re2"], ["regex", "re2"], "every input"),
    ("input txt", [], [], "text files, standard input"),
    ("input html", ["trafilatura", "lxml", "lxml_html_clean", "jusText"], ["trafilatura", "lxml.html.clean"],
     "HTML pages (main text by trafilatura)"),
    ("input jsonl", [], ["gzip", "json"], "JSON Lines, plain or gzip"),
    ("input csv", [], ["csv"], "CSV tables"),
    ("input parquet", ["pyarrow"], ["pyarrow.parquet"], "Parquet tables; batch output"),
    ("input warc", ["warcio"], ["warcio.archiveiterator"], "WARC crawls"),
    ("batch on Dask", ["dask", "distributed"], ["distributed"], "batch --engine dask"),
    ("graph", ["networkx"], ["networkx"], "graph, stats"),
    ("tables", ["pandas"], ["pandas"], "to_dataframe, notebooks"),
    ("tokens", ["underthesea"], ["underthesea"], "citeextract.output.tokenize"),
    ("progress bars", ["tqdm"], ["tqdm"], "batch and extract on a terminal"),
]


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _check(modules: list[str]) -> str | None:
    """None when every module imports, else the first error in one line."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:  # an ImportError, or a package broken at import
            return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


def _rules() -> tuple[str, str | None]:
    from ..rules import patterns_dir, rules

    where = str(patterns_dir())
    try:
        rules()
    except Exception as exc:  # a rule file a user edited and broke
        return where, f"{type(exc).__name__}: {exc}".splitlines()[0]
    return where, None


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def doctor(fmt: str) -> None:
    """Print the versions of the parsers in use and which input kinds and features work here.

    Exits 1 when something does not work (each such line says why), 0 otherwise.
    """
    rows = []
    for what, dists, modules, serves in CHECKS:
        error = _check(modules)
        rows.append({"feature": what, "ok": error is None, "serves": serves, "error": error,
                     "versions": {d: _version(d) for d in dists}})
    where, error = _rules()
    rows.append({"feature": "rules", "ok": error is None, "serves": where, "error": error, "versions": {}})
    info = {"citeextract": __version__, "python": platform.python_version(), "executable": sys.executable,
            "checks": rows}
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        click.echo(f"citeextract {__version__} on Python {info['python']} ({sys.executable})")
        for r in rows:
            versions = ", ".join(f"{d} {v}" for d, v in r["versions"].items())
            state = "ok     " if r["ok"] else "BROKEN "
            click.echo(f"  {state} {r['feature']:<14} {r['serves']}" + (f"  [{versions}]" if versions else ""))
            if r["error"]:
                click.echo(f"          {r['error']}")
    if not all(r["ok"] for r in rows):
        sys.exit(1)
