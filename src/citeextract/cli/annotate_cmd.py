"""``citeextract annotate``: a text as HTML with its citations highlighted."""
from __future__ import annotations

import click

from ..output.annotate import annotate_html
from ..readers.textfile import InputError, read_input
from ..pipeline import extract


@click.command("annotate")
@click.argument("file")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="HTML file to write (default: standard output).")
@click.option("--structure", is_flag=True,
              help="Also show the parts of the text (header, preamble, Chương, Điều, khoản, closing) and page furniture.")
def annotate(file: str, output, structure: bool) -> None:
    """Write FILE as self-contained HTML with every citation, named law and date highlighted;
    hovering shows key, type, issuer, issue date and relations."""
    try:
        inp = read_input(file)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    doc = extract(inp.text, doc_id=inp.name, structure=structure)
    output.write(annotate_html(inp.text, doc, title=inp.name, structure=structure))
