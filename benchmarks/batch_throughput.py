"""Batch throughput on the bulk corpus with -j 1 and -j 2 (target: >= 1.8x on 2 cores).

    python benchmarks/batch_throughput.py [--records N] [--jobs 1 2]

Prints documents/s, MB/s of text and the speed-up over the first job count. A
benchmark that prints figures, not a timed test.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _batch_bench import BULK, run_batch, sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=BULK)
    parser.add_argument("--records", type=int, default=None, help="first N records only")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = sample(args.input, args.records, Path(tmp))
        base = None
        print(f"input: {args.input.name}" + (f" (first {args.records} records)" if args.records else ""))
        print(f"{'jobs':>4} {'docs':>7} {'failed':>6} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} "
              f"{'speed-up':>8} {'worker RSS MB':>13}")
        for jobs in args.jobs:
            m = run_batch([src], Path(tmp) / f"out-j{jobs}", jobs)
            t = m["totals"]
            secs = m["wall_seconds"]
            rate = t["records"] / secs
            base = base or rate
            print(f"{jobs:>4} {t['records']:>7} {t['failed']:>6} {secs:>8.1f} {rate:>8.1f} "
                  f"{t['bytes'] / secs / 1e6:>6.2f} {rate / base:>7.2f}x "
                  f"{m['peak_rss_mb']['worker'] or m['peak_rss_mb']['main']:>13.0f}")


if __name__ == "__main__":
    main()
