"""Peak memory of a batch run at 1x and 4x the corpus (target: flat, < 300 MB per worker).

    python benchmarks/batch_memory.py [--records N] [--jobs 2]

4x is the same input given four times on the command line, so the record stream is
four times as long. Peak RSS comes from the run's manifest (main process, and the
largest worker).
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
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = sample(args.input, args.records, Path(tmp))
        print(f"input: {args.input.name}" + (f" (first {args.records} records)" if args.records else "")
              + f", -j {args.jobs}")
        print(f"{'size':>4} {'docs':>7} {'seconds':>8} {'main RSS MB':>11} {'worker RSS MB':>13}")
        for times in (1, 4):
            m = run_batch([src] * times, Path(tmp) / f"out-{times}x", args.jobs)
            rss = m["peak_rss_mb"]
            print(f"{times:>3}x {m['totals']['records']:>7} {m['wall_seconds']:>8.1f} "
                  f"{rss['main']:>11.0f} {rss['worker']:>13.0f}")


if __name__ == "__main__":
    main()
