"""``citeextract stats``: what a citation graph says."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..corpus.exports import ExportError, SUFFIXES, read_graph
from ..corpus.graph import build_graph
from ..corpus.stats import report
from ..corpus.status import annotate_status
from .graph_cmd import iter_items


def _is_graph(name: str) -> bool:
    p = Path(name)
    if p.suffix.lower() == ".csv" and p.with_name(p.stem + ".nodes.csv").exists():
        return True  # the name given to `graph -o X.csv`, which wrote X.nodes.csv and X.edges.csv
    return (p.suffix.lower() in (".graphml", ".gexf", ".parquet") or
            (p.suffix.lower() in SUFFIXES and p.name.endswith((".nodes.csv", ".edges.csv"))) or
            (p.suffix.lower() == ".json" and p.is_file()) or
            (p.is_dir() and (p / "documents.csv").exists()))


@click.command("stats")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows per list.")
@click.option("--no-resolve", is_flag=True,
              help="Keep a law named without a year as its own node (when building the graph).")
def stats(inputs: tuple[str, ...], top: int, no_resolve: bool) -> None:
    """Most-cited documents, what implements each national decree, counts by type, issuer and
    year, the status the corpus gives documents, and conflicts, for INPUTS: text
    files/directories/batch outputs, or one saved graph (.graphml, .gexf, .json, .nodes.csv,
    .parquet, Neo4j directory)."""
    failed: list[str] = []
    graphs = [name for name in inputs if _is_graph(name)]
    if graphs and len(inputs) > 1:
        raise click.UsageError(f"{graphs[0]} is a saved graph: give it alone, or give only texts")
    if graphs:
        name = inputs[0]
        if name.endswith(".csv") and not name.endswith((".nodes.csv", ".edges.csv")):
            name = str(Path(name).with_name(Path(name).stem + ".nodes.csv"))
        if not Path(name).exists() and not name.endswith((".csv", ".parquet")):
            raise click.ClickException(f"{name}: no such file")
        try:
            g = read_graph(name, "csv" if name.endswith(".csv") else None)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from None
        if not any("status" in a for _, a in g.nodes(data=True)):  # a graph saved before status
            annotate_status(g)
    else:
        g = build_graph(iter_items(inputs, failed), resolve_laws=not no_resolve)
        if failed and not any(a.get("kind") == "article" for _, a in g.nodes(data=True)):
            raise click.ClickException(f"none of the {len(inputs)} input(s) could be read")
    click.echo(report(g, top))
    if failed:
        click.echo(f"citeextract: {len(failed)} input(s) could not be read", err=True)
        sys.exit(1)
