"""``citeextract check``: citations of documents the corpus says were replaced or repealed by
the citing text's own date. Exit status as linters: 0 clean, 1 findings, 2 usage errors or
unreadable inputs."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..corpus.check import CheckedText, Finding, findings, recording
from ..corpus.exports import ExportError, read_graph
from ..corpus.graph import build_graph
from ..corpus.status import annotate_status
from .graph_cmd import iter_items
from .stats_cmd import _is_graph

USAGE = 2


def _corpus_graph(where: str, resolve_laws: bool):
    p = Path(where)
    if not p.exists():
        raise click.UsageError(f"--graph {where}: no such file or directory")
    if p.is_dir() and (p / "manifest.json").exists():
        failed: list[str] = []
        g = build_graph(iter_items((where,), failed), resolve_laws=resolve_laws, status=False)
        if failed:
            raise click.UsageError(f"--graph {where}: cannot read this batch output")
        return g
    if not _is_graph(where):
        raise click.UsageError(f"--graph {where}: not a saved graph (.graphml, .gexf, .json, .nodes.csv, "
                               f".parquet, Neo4j directory) nor a batch output directory")
    try:
        return read_graph(where, "csv" if where.endswith(".csv") else None)
    except ExportError as exc:
        raise click.UsageError(f"--graph {exc}") from None


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _table(found: list[Finding], texts: list[CheckedText]) -> str:
    lines = []
    for f in found:
        lines.append(f"{f.doc}  {f.start}-{f.end}  {f.text}")
        lines.append(f"    {f.key} {f.status} by {f.by} since {f.since}; the text is dated {f.date} ({f.date_from})")
    unchecked = [t.doc for t in texts if not t.date]
    if unchecked:
        lines.append("not checked (no date of their own): " + ", ".join(unchecked))
    return "\n".join(lines)


@click.command("check")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--graph", "corpus", metavar="GRAPH|OUTDIR", default=None,
              help="Also take what this saved graph or batch output directory says happened to documents.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table (the default on a terminal) or json: one object per finding, and one with "
                   "status 'not checked' per text that has no date of its own.")
@click.option("--no-resolve", is_flag=True, help="Do not resolve laws named without a year to a version.")
def check(inputs: tuple[str, ...], corpus: str | None, fmt: str | None, no_resolve: bool) -> None:
    """Report the citations in INPUTS (text files, directories of .txt, batch output
    directories) of documents that the corpus — INPUTS plus --graph — says were replaced or
    repealed on or before the text's own date (its subject's issue date, else the page's
    date, else the latest full date in its header). Texts with no date are not checked.

    Exit status: 0 no findings, 1 findings, 2 usage error or an input that cannot be read.
    """
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    resolve_laws = not no_resolve
    base = _corpus_graph(corpus, resolve_laws) if corpus else None
    failed: list[str] = []
    texts: list[CheckedText] = []
    g = build_graph(recording(iter_items(inputs, failed), texts, resolve_laws=resolve_laws),
                    resolve_laws=resolve_laws, status=False)
    if base is not None:
        import networkx as nx

        g = nx.compose(base, g)
    annotate_status(g)
    found = list(findings(g, texts))
    if fmt == "json":
        for f in found:
            click.echo(json.dumps(f.to_dict(), ensure_ascii=False))
        for t in texts:
            if not t.date:
                click.echo(json.dumps({"doc": t.doc, "status": "not checked", "reason": "no date of its own"},
                                      ensure_ascii=False))
    else:
        out = _table(found, texts)
        if out:
            click.echo(out)
    checked = sum(1 for t in texts if t.date)
    click.echo(f"citeextract: {_n(checked, 'text')} checked, {len(texts) - checked} not checked, "
               f"{_n(len(found), 'finding')}", err=True)
    if failed:
        click.echo(f"citeextract: {len(failed)} input(s) could not be read", err=True)
        sys.exit(USAGE)
    sys.exit(1 if found else 0)
