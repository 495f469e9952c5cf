"""Extraction throughput on the bulk corpus, against one bare regex pass over the same text.

usage: python benchmarks/throughput.py [--bulk PATH] [--limit-mb N] [--repeat K]

Streams the gzip JSONL corpus record by record (memory does not grow with the corpus),
times ``citeextract.extract`` with ``relations=False`` (citations, short forms, dates, named
laws, issue dates and issuers), the full ``extract`` (relations and subject too) and, on the
same texts in the same run, one ``regex.findall`` of a simple citation pattern. Prints MB/s
per core (UTF-8 megabytes of text per CPU second of this one process) and the ratios.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

import regex

import citeextract

DEFAULT_BULK = Path(__file__).resolve().parents[1].parent / "shared/corpora/bulk/tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"
BARE = regex.compile(r"\d+(?:/\d{4})?/[A-ZĐ][A-ZĐa-z&]*(?:-[A-ZĐ][A-ZĐa-z&]*)*")


def records(path: Path, limit_bytes: int | None):
    seen = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            yield text
            seen += len(text.encode("utf-8"))
            if limit_bytes and seen >= limit_bytes:
                return


def sample_options(doc: str, repeat: int) -> argparse.ArgumentParser:
    """The options of the benchmarks that time a sample of the corpus several times."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--limit-mb", type=float, default=5.0)
    ap.add_argument("--skip", type=int, default=0, help="records to skip first")
    ap.add_argument("--repeat", type=int, default=repeat)
    return ap


def sample(path: Path, limit_mb: float, skip: int) -> tuple[list[str], int]:
    """The texts of ``limit_mb`` MB of records after the first ``skip``, and their UTF-8 size."""
    texts, size = [], 0
    for i, text in enumerate(records(path, None)):
        if i < skip:
            continue
        texts.append(text)
        size += len(text.encode("utf-8"))
        if size >= limit_mb * 1e6:
            break
    return texts, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--limit-mb", type=float, default=None, help="stop after this many MB of text")
    args = ap.parse_args(argv)
    if not args.bulk.exists():
        print(f"throughput: bulk corpus not found at {args.bulk} (use --bulk PATH)", file=sys.stderr)
        return 2
    citeextract.extract("khởi động Nghị định 1/2020/NĐ-CP ngày 1/1/2020")  # compile rules once
    limit = int(args.limit_mb * 1e6) if args.limit_mb else None
    n_bytes = n_docs = n_cit = n_dates = n_named = n_bare = n_rel = 0
    t_extract = t_full = t_bare = 0.0
    clock = time.process_time
    for text in records(args.bulk, limit):
        n_docs += 1
        n_bytes += len(text.encode("utf-8"))
        t0 = clock()
        doc = citeextract.extract(text, relations=False)
        t1 = clock()
        n_bare += len(BARE.findall(text))
        t2 = clock()
        n_rel += len(citeextract.extract(text).relations)
        t3 = clock()
        t_extract += t1 - t0
        t_bare += t2 - t1
        t_full += t3 - t2
        n_cit += len(doc.citations)
        n_dates += len(doc.dates)
        n_named += len(doc.named)
    mb = n_bytes / 1e6
    ex, bare, full = mb / t_extract, mb / t_bare, mb / t_full
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents            {n_docs}")
    print(f"text                 {mb:.1f} MB (UTF-8)")
    print(f"found                {n_cit} citations, {n_dates} dates, {n_named} named laws "
          f"(bare pattern: {n_bare} matches)")
    print(f"extraction           {ex:.1f} MB/s per core ({t_extract:.1f} s CPU)  "
          f"[citations, named laws, dates]")
    print(f"with relations       {full:.1f} MB/s per core ({t_full:.1f} s CPU)  [{n_rel} relations]")
    print(f"bare regex findall   {bare:.1f} MB/s per core ({t_bare:.1f} s CPU)")
    print(f"ratio                {ex / bare:.1%} of the bare pass ({full / bare:.1%} with relations)")
    print(f"peak RSS             {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
