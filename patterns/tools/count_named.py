"""Count the laws, codes and ordinances a corpus cites by name.

usage: python patterns/tools/count_named.py [CORPUS.jsonl.gz] [OUT.tsv]

Reads a gzip JSONL corpus of ``{"id", "text"}`` records one record at a time, runs
``citeextract.extract(text, relations=False)`` and counts ``doc.named`` by (type, title).
Titles that differ only in case ("ĐẤT ĐAI", "Đất đai") are counted together under their most
frequent spelling. Writes one row per title, most cited first:

    rank  type  title  citations  documents  years

``years`` lists the years written with the title ("năm 2013", "2024") and how often, most
frequent first (``2013:410|2024:95``). This is the ranking patterns/law_versions.tsv was
built from; it is run by hand, once, not by the tests.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from citeextract import extract

BULK = Path("/work/shared/corpora/bulk/tnt305_tai_lieu_noi_bo_dataset.jsonl.gz")


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else BULK
    out = Path(argv[1]) if len(argv) > 1 else Path("named_counts.tsv")
    cites: Counter = Counter()
    docs: Counter = Counter()
    spelling: dict[tuple, Counter] = defaultdict(Counter)
    years: dict[tuple, Counter] = defaultdict(Counter)
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            seen = set()
            for law in extract(rec.get("text") or "", rec.get("id"), relations=False).named:
                key = (law.type, law.title.casefold())
                cites[key] += 1
                seen.add(key)
                spelling[key][law.title] += 1
                if law.year:
                    years[key][law.year] += 1
            docs.update(seen)
            n += 1
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# {sum(cites.values())} named citations in {n} records of {corpus.name}\n")
        fh.write("rank\ttype\ttitle\tcitations\tdocuments\tyears\n")
        for rank, (key, c) in enumerate(cites.most_common(), 1):
            title = spelling[key].most_common(1)[0][0]
            ys = "|".join(f"{y}:{k}" for y, k in years[key].most_common())
            fh.write(f"{rank}\t{key[0]}\t{title}\t{c}\t{docs[key]}\t{ys}\n")
    print(f"{n} records, {len(cites)} titles, {sum(cites.values())} citations → {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
