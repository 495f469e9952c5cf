"""The ``citeextract`` command line: one module per command, registered here.

The top layer: it may import every other layer, and nothing imports it.
"""
from __future__ import annotations

import importlib

import click

from .. import __version__


# command name -> module holding it; a command's module (and what it imports: pandas,
# networkx, pyarrow …) is loaded only when that command runs or its help is shown
COMMANDS = {
    "extract": "extract_cmd",
    "evaluate": "evaluate_cmd",
    "batch": "batch_cmd",
    "graph": "graph_cmd",
    "stats": "stats_cmd",
    "annotate": "annotate_cmd",
    "doctor": "doctor_cmd",
    "check": "check_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__name__}.{COMMANDS[name]}")
        return getattr(module, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citeextract")
def main() -> None:
    """Extract the legal documents cited in Vietnamese text, with their dates,
    and link them into a citation graph."""
