#!/usr/bin/env python3
"""Materialise the excerpts of a gold set: write SET/raw/<doc>.txt = text[start:end] for each
row of SET/excerpts.tsv, reading the third-party bulk corpus (not stored in this repository).
A document with several rows (the head and the closing of a long legal text) is its parts in
order, joined by a line holding only "…".

usage: python3 corpora/make_raw.py SET [--bulk PATH] [--out DIR]
       e.g. python3 corpora/make_raw.py corpora/bulk_gold ; python3 corpora/make_raw.py corpora/heldout
"""
import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PART_BREAK = "\n…\n"
DEFAULT_BULK = ROOT.parent / "shared" / "corpora" / "bulk" / "tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", type=Path, help="the gold set's directory (holding excerpts.tsv)")
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK, help="bulk corpus (gzip JSONL)")
    ap.add_argument("--out", type=Path, default=None, help="output directory (default: SET/raw)")
    args = ap.parse_args()
    HERE = args.set
    if not (HERE / "excerpts.tsv").is_file():
        sys.exit(f"make_raw.py: error: no excerpts.tsv in {HERE}")
    args.out = args.out or HERE / "raw"
    if not args.bulk.is_file():
        sys.exit(f"make_raw.py: error: bulk corpus not found: {args.bulk} (pass --bulk PATH)")
    with open(HERE / "excerpts.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    wanted = {}
    for r in rows:
        wanted.setdefault(r["bulk_id"], []).append(r)
    args.out.mkdir(parents=True, exist_ok=True)
    found = set()
    texts = {}
    with gzip.open(args.bulk, "rt", encoding="utf-8") as f:
        for line in f:
            if len(found) == len(wanted):
                break
            # cheap pre-filter before parsing the JSON line
            if not any(f'"{bid}"' in line[:100] for bid in wanted.keys() - found):
                continue
            rec = json.loads(line)
            if rec["id"] not in wanted:
                continue
            found.add(rec["id"])
            text = rec["text"]
            for r in wanted[rec["id"]]:
                start, end = int(r["start"]), int(r["end"])
                if not 0 <= start < end <= len(text):
                    sys.exit(f"make_raw.py: error: bad offsets for {r['doc']} ({start}:{end}, record length {len(text)})")
                texts.setdefault(r["doc"], []).append(text[start:end])
    missing = sorted(wanted.keys() - found)
    if missing:
        sys.exit(f"make_raw.py: error: record(s) not found in bulk corpus: {', '.join(missing)}")
    for doc, parts in texts.items():
        (args.out / f"{doc}.txt").write_text(PART_BREAK.join(parts), encoding="utf-8", newline="")
    print(f"wrote {len(texts)} excerpt(s) to {args.out}")


if __name__ == "__main__":
    main()
