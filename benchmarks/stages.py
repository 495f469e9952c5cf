"""Where extraction time goes: each stage's CPU time on a sample of the bulk corpus, as a
multiple of one bare regex pass over the same text.

usage: python benchmarks/stages.py [--bulk PATH] [--limit-mb N] [--skip N] [--repeat K]

Reads ``--limit-mb`` MB of text (default 5) after skipping ``--skip`` records, runs every
stage of ``citeextract.extract`` (without relations) on each text ``--repeat`` times and
keeps each stage's fastest round, because a shared machine's speed varies from run to run.
A stage at 2.0x costs two bare passes; the extraction's ratio to the bare pass (the figure
``throughput.py`` reports) is the inverse of the total.
"""
from __future__ import annotations

import sys
import time

from throughput import BARE, sample, sample_options

import citeextract
from citeextract.pipeline.citations import find_citations, find_short_forms
from citeextract.pipeline.clean import clean
from citeextract.pipeline.context import attach_context
from citeextract.pipeline.dates import find_dates
from citeextract.pipeline.named import find_named
from citeextract.rules import rules


def one_round(texts: list[str]) -> dict[str, float]:
    r = rules()
    spent: dict[str, float] = {}
    clock = time.process_time

    def timed(stage, fn, *args):
        t0 = clock()
        out = fn(*args)
        spent[stage] = spent.get(stage, 0.0) + clock() - t0
        return out

    for text in texts:
        timed("bare regex findall", BARE.findall, text)
        t = timed("clean", clean, text).text
        full = timed("citations", find_citations, t, r)
        cits = sorted(full + timed("short forms", find_short_forms, t, r, full), key=lambda c: c.start)
        spans = [(c.start, c.end) for c in cits]
        dates = timed("dates", find_dates, t, r, spans)
        timed("named laws", find_named, t, r, dates, spans)
        timed("issuers and issue dates", attach_context, t, cits, dates, r)
        timed("extract(relations=False)", lambda x: citeextract.extract(x, relations=False), text)
    return spent


def main(argv: list[str] | None = None) -> int:
    args = sample_options(__doc__, repeat=3).parse_args(argv)
    if not args.bulk.exists():
        print(f"stages: bulk corpus not found at {args.bulk} (use --bulk PATH)", file=sys.stderr)
        return 2
    texts, size = sample(args.bulk, args.limit_mb, args.skip)
    mb = size / 1e6
    citeextract.extract("khởi động Nghị định 1/2020/NĐ-CP ngày 1/1/2020")  # compile rules once
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for stage, secs in one_round(texts).items():
            best[stage] = min(best.get(stage, secs), secs)
    bare = best["bare regex findall"]
    print(f"{len(texts)} documents, {mb:.1f} MB (UTF-8); fastest of {args.repeat} rounds")
    print(f"{'stage':26} {'CPU s':>7} {'x bare':>7} {'MB/s':>7}")
    for stage, secs in best.items():
        print(f"{stage:26} {secs:7.3f} {secs / bare:7.2f} {mb / secs:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
