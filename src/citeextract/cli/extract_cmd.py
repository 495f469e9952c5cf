"""``citeextract extract``: citations, named laws and dates of text files."""
from __future__ import annotations

import os
import sys

import click

from ..readers.textfile import InputError, read_input
from ..pipeline import extract as run_extract
from ..output.render import FORMATS, csv_rows, csv_text, document_json, jsonl_text, table
from ..progress import bar_enabled


@click.command()
@click.argument("files", nargs=-1, metavar="[FILES]... | -")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="json: one object per document (the annotation guide's format, read by "
                   "`evaluate`); jsonl/csv: one row per mention with a doc column; table: for reading.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (it shows only on a terminal, for 2+ files).")
def extract(files: tuple[str, ...], fmt: str, output, quiet: bool) -> None:
    """Extract the documents cited in FILES (UTF-8 text; '-' or nothing reads standard input).

    A file that cannot be read is reported on standard error, one line naming it and the
    reason; the other files are still processed, and the exit status is 1.
    """
    if not files:
        if sys.stdin.isatty():
            raise click.UsageError("give one or more text files, or '-' to read standard input")
        files = ("-",)
    failed = 0
    first_csv = True
    bar = _bar(files) if len(files) > 1 and bar_enabled(quiet) else None
    for name in files:
        if bar is not None:
            bar.update(_size(name))
        try:
            inp = read_input(name)
        except InputError as exc:
            click.echo(f"citeextract: {exc}", err=True)
            failed += 1
            continue
        doc = run_extract(inp.text, doc_id=inp.name)
        if fmt == "json":
            output.write(document_json(doc) + "\n")
        elif fmt == "jsonl":
            output.write(jsonl_text(doc))
        elif fmt == "csv":
            output.write(csv_text(csv_rows(doc), header=first_csv))
            first_csv = False
        else:
            output.write(table(doc) + "\n")
    output.flush()
    if bar is not None:
        bar.close()
    if failed:
        click.echo(f"citeextract: {failed} of {len(files)} input(s) could not be read", err=True)
        sys.exit(1)


def _size(name: str) -> int:
    try:
        return os.path.getsize(name)
    except OSError:
        return 0


def _bar(files: tuple[str, ...]):
    from tqdm import tqdm

    return tqdm(total=sum(map(_size, files)), unit="B", unit_scale=True, unit_divisor=1000,
                file=sys.stderr, desc="citeextract extract", dynamic_ncols=True, smoothing=0.1,
                postfix=f"{len(files)} files")
