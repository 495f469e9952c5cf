"""``citeextract evaluate``: score extraction against a gold file."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..evaluation.scoring import GoldError, doc_stem, format_table, read_jsonl, score
from ..readers.textfile import InputError, read_input
from ..evaluation.noise import noisy
from ..pipeline import extract as run_extract


def _expand(files: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for f in files:
        p = Path(f)
        out.extend(str(x) for x in sorted(p.glob("*.txt"))) if p.is_dir() else out.append(f)
    return out


@click.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("files", nargs=-1)
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="Score this output of `extract --format json` instead of extracting FILES.")
@click.option("--noisy", "noise_seed", type=int, default=None, metavar="SEED",
              help="Extract from a noisy copy of each text (NFD, Ð, dashes, spaced symbols, "
                   "line breaks, upper case, entities) made with this seed.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--per-doc", is_flag=True, help="List the keys missed and added in each document.")
def evaluate(gold: str, files: tuple[str, ...], predictions: str | None, noise_seed: int | None,
             as_json: bool, per_doc: bool) -> None:
    """Score extraction from FILES (or directories of .txt) against GOLD (JSON Lines in the
    annotation guide's format; documents are matched on file names without extension)."""
    if predictions and (files or noise_seed is not None):
        raise click.UsageError("--predictions scores a saved output: give no FILES and no --noisy with it")
    if not predictions and not files:
        raise click.UsageError("give the text FILES to extract from, or --predictions")
    failed = 0
    try:
        gold_docs = read_jsonl(gold)
        if not gold_docs:
            raise click.ClickException(f"{gold}: no gold documents in this file")
        if predictions:
            pred = read_jsonl(predictions)
        else:
            pred = {}
            for name in _expand(files):
                try:
                    inp = read_input(name)
                except InputError as exc:
                    click.echo(f"citeextract: {exc}", err=True)
                    failed += 1
                    continue
                text = noisy(inp.text, noise_seed) if noise_seed is not None else inp.text
                pred[doc_stem(name)] = run_extract(text, doc_id=name).to_dict()
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    missing = [d for d in gold_docs if d not in pred]
    if missing and not predictions:
        click.echo(f"citeextract: no text given for {len(missing)} gold document(s): "
                   f"{', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}", err=True)
    result = score(gold_docs, pred)
    if per_doc and not as_json:
        for row in result.docs:
            if row.missed or row.extra:
                click.echo(f"{row.doc}: gold {row.gold} pred {row.pred} tp {row.tp}\n"
                           f"   missed {row.missed}\n   extra  {row.extra}")
    click.echo(json.dumps(result.totals) if as_json else format_table(result))
    if failed:
        raise SystemExit(1)
