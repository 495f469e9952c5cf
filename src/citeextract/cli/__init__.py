"""The ``citeextract`` command line: one module per command, registered here.

The top layer: it may import every other layer, and nothing imports it.
"""
from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citeextract")
def main() -> None:
    """Extract the legal documents cited in Vietnamese text, with their dates,
    and link them into a citation graph."""


def _register() -> None:
    from .extract_cmd import extract
    from .evaluate_cmd import evaluate
    from .batch_cmd import batch
    from .graph_cmd import graph
    from .stats_cmd import stats
    from .annotate_cmd import annotate

    for command in (extract, evaluate, batch, graph, stats, annotate):
        main.add_command(command)


_register()
