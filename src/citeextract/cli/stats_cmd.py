"""``citeextract stats``: what a citation graph says."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..exports import ExportError, SUFFIXES, read_graph
from ..graph import build_graph
from ..stats import report
from .graph_cmd import iter_items


def _is_graph(name: str) -> bool:
    p = Path(name)
    return (p.suffix.lower() in (".graphml", ".gexf", ".parquet") or
            (p.suffix.lower() in SUFFIXES and p.name.endswith((".nodes.csv", ".edges.csv"))) or
            (p.suffix.lower() == ".json" and p.is_file()) or
            (p.is_dir() and (p / "documents.csv").exists()))


@click.command("stats")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows per list.")
def stats(inputs: tuple[str, ...], top: int) -> None:
    """Most-cited documents, what implements each national decree, counts by type, issuer and
    year, and conflicts, for INPUTS: text files/directories/batch outputs, or one saved graph
    (.graphml, .gexf, .json, .nodes.csv, .parquet, Neo4j directory)."""
    failed: list[str] = []
    if len(inputs) == 1 and _is_graph(inputs[0]):
        name = inputs[0]
        if not Path(name).exists() and not name.endswith((".csv", ".parquet")):
            raise click.ClickException(f"{name}: no such file")
        try:
            g = read_graph(name, "csv" if name.endswith(".csv") else None)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from None
    else:
        g = build_graph(iter_items(inputs, failed))
    click.echo(report(g, top))
    if failed:
        click.echo(f"citeextract: {len(failed)} input(s) could not be read", err=True)
        sys.exit(1)
