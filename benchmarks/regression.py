"""Regression check: the full ``extract()`` JSON of a fixed set of texts, saved once and
compared after a change.

usage: python benchmarks/regression.py save SNAPSHOT.jsonl.gz [--bulk PATH] [--every N]
       python benchmarks/regression.py compare SNAPSHOT.jsonl.gz [--bulk PATH] [--every N]

The texts are every bundled corpus text (seeds, dev and every materialised excerpt set under
``corpora/*/raw``) and every N-th record of the bulk corpus (default 4). ``compare`` prints
the number of documents that differ and the first differences, and exits 1 if any does.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from throughput import DEFAULT_BULK, records

import citeextract

ROOT = Path(__file__).resolve().parents[1]


def texts(bulk: Path, every: int):
    """(name, text) of every corpus text, then of every ``every``-th bulk record."""
    for path in sorted([*ROOT.glob("corpora/seeds/*.txt"), *ROOT.glob("corpora/*/raw/*.txt")]):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
    if bulk.exists():
        for i, text in enumerate(records(bulk, None)):
            if i % every == 0:
                yield f"bulk:{i}", text


def snapshot(bulk: Path, every: int):
    for name, text in texts(bulk, every):
        yield name, json.dumps(citeextract.extract(text, name).to_dict(), ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--every", type=int, default=4)
    args = ap.parse_args(argv)
    if args.action == "save":
        n = 0
        with gzip.open(args.snapshot, "wt", encoding="utf-8") as out:
            for name, row in snapshot(args.bulk, args.every):
                out.write(f"{name}\t{row}\n")
                n += 1
        print(f"saved {n} documents to {args.snapshot}")
        return 0
    with gzip.open(args.snapshot, "rt", encoding="utf-8") as fh:
        saved = dict(line.rstrip("\n").split("\t", 1) for line in fh)
    differ, n = [], 0
    for name, row in snapshot(args.bulk, args.every):
        n += 1
        if saved.pop(name, None) != row:
            differ.append(name)
    print(f"{n} documents compared: {len(differ)} differ, {len(saved)} saved documents not seen")
    for name in differ[:20]:
        print("  differs:", name)
    return 1 if differ or saved else 0


if __name__ == "__main__":
    sys.exit(main())
