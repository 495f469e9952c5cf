"""What the throughput target leaves for the Python work per match: the fixed scans and the
least work each date needs, against a budget of four bare passes (25 % of the bare pass).

usage: python benchmarks/floor.py [--bulk PATH] [--limit-mb N] [--skip N] [--repeat K]

Measures, on the same sample and as multiples of one bare regex pass over it (fastest of
``--repeat`` rounds): the Latin-1 image the gates read, the clean stage's trigger scan, the
date scan alone (gate and exact pattern, every match, no parsing), and creating one record
per date and mapping its offsets back. These steps cannot be left out of a pure-Python
extraction that reports every date; what the budget has left after them is what the other
stages (numbered citations, short forms, named laws, issuers and issue dates) and the
parsing of dates may cost in all.
"""
from __future__ import annotations

import sys
import time

from throughput import BARE, sample, sample_options

from citeextract.pipeline.clean import _TRIGGER, clean
from citeextract.pipeline.dates import date_matchers
from citeextract.pipeline.gate import image
from citeextract.models import DateMention
from citeextract.rules import rules


def best(fn, repeat: int) -> float:
    out = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        out = min(out, time.process_time() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sample_options(__doc__, repeat=5).parse_args(argv)
    if not args.bulk.exists():
        print(f"floor: bulk corpus not found at {args.bulk} (use --bulk PATH)", file=sys.stderr)
        return 2
    texts, size = sample(args.bulk, args.limit_mb, args.skip)
    cleaned = [clean(t) for t in texts]
    scan = date_matchers(rules()).scan
    found = [list(scan.finditer(ct.text)) for ct in cleaned]
    n_dates = sum(map(len, found))

    def records_and_offsets():
        for ct, ms in zip(cleaned, found):
            for m in ms:
                d = DateMention(m.group(), m.start(), m.end(), None, "day", [], [])
                d.start, d.end = ct.span(d.start, d.end)
                d.text = ct.original[d.start:d.end]

    bare = best(lambda: [BARE.findall(t) for t in texts], args.repeat)
    steps = {
        "Latin-1 image of the text": best(lambda: [image(ct.text) for ct in cleaned], args.repeat),
        "clean: trigger scan": best(lambda: [_TRIGGER.findall(t) for t in texts], args.repeat),
        "date scan, no parsing": best(lambda: [list(scan.finditer(ct.text)) for ct in cleaned], args.repeat),
        "date records + offset map": best(records_and_offsets, args.repeat),
    }
    steps["date scan, no parsing"] -= steps["Latin-1 image of the text"]  # the scan re-reads the image
    print(f"{len(texts)} documents, {size / 1e6:.1f} MB (UTF-8), {n_dates} dates; fastest of {args.repeat} rounds")
    print(f"{'step':32} {'x bare':>7}")
    for step, secs in steps.items():
        print(f"{step:32} {secs / bare:7.2f}")
    used = sum(steps.values()) / bare
    print(f"{'sum':32} {used:7.2f}")
    print(f"{'budget at 25 % of the bare pass':32} {4.0:7.2f}")
    print(f"{'left for all other work':32} {4.0 - used:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
