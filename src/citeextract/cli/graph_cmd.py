"""``citeextract graph``: one citation graph for a corpus."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..corpus.exports import FORMATS, ExportError, guess_format, write_graph
from ..corpus.graph import Item, build_graph
from ..readers.textfile import InputError, read_input


def iter_items(inputs: tuple[str, ...], failed: list[str]) -> Iterator[Item]:
    """Items from text files, directories of .txt, or batch output directories (those with a
    ``manifest.json``; their documents come from ``citeextract.batch.iter_documents``)."""
    from ..pipeline import extract

    stems: set[str] = set()
    for name in inputs:
        p = Path(name)
        if p.is_dir() and (p / "manifest.json").exists():
            try:
                from ..batch import iter_documents  # lazy: only needed for batch outputs
                for doc in iter_documents(p):
                    yield Item(doc, None, str(doc.metadata.get("path") or doc.doc))
            except Exception as exc:  # noqa: BLE001 - one bad input must not stop the others
                click.echo(f"citeextract: {name}: cannot read batch output ({exc})", err=True)
                failed.append(name)
            continue
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            click.echo(f"citeextract: {name}: no .txt files in this directory", err=True)
            failed.append(name)
        for f in files:
            try:
                inp = read_input(str(f))
            except InputError as exc:
                click.echo(f"citeextract: {exc}", err=True)
                failed.append(str(f))
                continue
            # the file name is the article's id, unless two inputs share it (d1/a.txt, d2/a.txt)
            doc_id = f.stem if f.stem not in stems else str(f)
            stems.add(f.stem)
            yield Item(extract(inp.text, doc_id=doc_id), inp.text, str(f))


@click.command("graph")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Graph file (.graphml, .gexf, .json, .csv, .parquet) or Neo4j directory.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the suffix of OUTPUT).")
@click.option("--no-resolve", is_flag=True,
              help="Keep a law named without a year as its own node (not the version it resolves to).")
def graph(inputs: tuple[str, ...], output: str, fmt: str | None, no_resolve: bool) -> None:
    """Build one citation graph from INPUTS (text files, directories of .txt, or batch
    output directories) and write it to OUTPUT, with what the corpus says happened to each
    document (status)."""
    try:
        fmt = guess_format(output, fmt)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from None
    failed: list[str] = []
    g = build_graph(iter_items(inputs, failed), resolve_laws=not no_resolve)
    if failed and not any(a.get("kind") == "article" for _, a in g.nodes(data=True)):
        raise click.ClickException(f"none of the {len(inputs)} input(s) could be read; nothing written")
    try:
        written = write_graph(g, output, fmt)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    docs = sum(1 for _, a in g.nodes(data=True) if a.get("kind") == "document")
    click.echo(f"{g.number_of_nodes() - docs} articles, {docs} documents, {g.number_of_edges()} edges "
               f"-> {', '.join(map(str, written))}", err=True)
    if failed:
        click.echo(f"citeextract: {len(failed)} input(s) could not be read", err=True)
        sys.exit(1)
