"""``citeextract extract``: citations, named laws and dates of text files."""
from __future__ import annotations

import sys

import click

from ..readers.textfile import InputError, read_input
from ..pipeline import extract as run_extract
from ..output.render import FORMATS, csv_rows, csv_text, document_json, jsonl_lines, table


@click.command()
@click.argument("files", nargs=-1, metavar="[FILES]... | -")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="json: one object per document (the annotation guide's format, read by "
                   "`evaluate`); jsonl/csv: one row per mention with a doc column; table: for reading.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def extract(files: tuple[str, ...], fmt: str, output) -> None:
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
    for name in files:
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
            for line in jsonl_lines(doc):
                output.write(line + "\n")
        elif fmt == "csv":
            output.write(csv_text(csv_rows(doc), header=first_csv))
            first_csv = False
        else:
            output.write(table(doc) + "\n")
    output.flush()
    if failed:
        click.echo(f"citeextract: {failed} of {len(files)} input(s) could not be read", err=True)
        sys.exit(1)
