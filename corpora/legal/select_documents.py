#!/usr/bin/env python3
"""Choose the full legal documents of the `legal` and `legal_heldout` gold sets from the bulk
corpus, by a fixed rule (no hand swaps), and write their excerpts.tsv files.

usage: python3 corpora/legal/select_documents.py [--bulk PATH]

A document is the text of a decree, circular, decision, resolution, consolidated text or letter
inside a bulk record: a thuvienphapluat page without its site header and footer, or a document
body. Documents up to 10,000 characters are taken whole. A longer one is taken as two parts, its
head (header, preamble and the first articles, about 5,500 characters) and its closing (the last
article on effect or implementation, or for a consolidated text its footnotes, at most 4,500
characters); make_raw.py joins the parts with a line holding only "…".
"""
import argparse
import csv
import gzip
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BULK = ROOT.parent / "shared" / "corpora" / "bulk" / "tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"
EARLIER_SETS = ("bulk_gold", "heldout")
WHOLE_MAX, HEAD, TAIL = 10_000, 5_500, 4_500

TYPE_HEADING = re.compile(r"\*\*(NGHỊ ĐỊNH|THÔNG TƯ|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|KẾ HOẠCH|"
                          r"CÔNG VĂN|THÔNG BÁO|HƯỚNG DẪN|CÔNG ĐIỆN)\b")
CLOSING_ARTICLE = re.compile(r"\n\**Điều\s+\d+[a-zđ]?\.?[^\n]{0,80}(?:hiệu lực|thi hành|[Tt]ổ chức thực hiện)")
VBHN_CLOSING = re.compile(r"\n[^\n]*(?:XÁC THỰC VĂN BẢN HỢP NHẤT|Nơi nhận)")
# (stratum, picks, test on (heading type, document text))
STRATA = [
    ("nghi_dinh", 6, lambda typ, d: typ == "NGHỊ ĐỊNH" and "/VBHN-" not in d[:1500]),
    ("thong_tu", 7, lambda typ, d: typ == "THÔNG TƯ" and "/VBHN-" not in d[:1500]),
    ("vbhn", 4, lambda typ, d: "/VBHN-" in d[:1500]),
    ("repealing", 7, lambda typ, d: typ in ("QUYẾT ĐỊNH", "NGHỊ QUYẾT") and re.search(r"[Bb]ãi bỏ", d)),
    ("decision", 8, lambda typ, d: typ in ("QUYẾT ĐỊNH", "NGHỊ QUYẾT") and re.search(r"hiệu lực", d)),
    ("other", 4, lambda typ, d: typ not in ("QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ")),
]


def legal_documents(bulk, used):
    """``(index, record, kind, span, document text)`` of every full legal document of the bulk
    corpus (at least 1,500 characters, with a "Căn cứ" line) whose record is not in ``used``."""
    with gzip.open(bulk, "rt", encoding="utf-8") as f:
        for index, line in enumerate(f):
            rec = json.loads(line)
            text = rec["text"]
            kind = genre(text)
            if rec["id"] in used or not kind:
                continue
            span = document_span(text, kind)
            if not span or span[1] - span[0] < 1500 or "Căn cứ" not in text[span[0]:span[1]]:
                continue
            yield index, rec, kind, span, text[span[0]:span[1]]


def genre(text):
    head = text[:3000]
    if "Số hiệu" in head and "Loại văn bản" in head and "Nơi ban hành" in head:
        return "page"
    if re.search("wikipedia|sửa mã nguồn", text, re.I):
        return None
    if (not text.lstrip().startswith("#") and "Căn cứ" in text[:4000]
            and ("Số:" in text[:800] or re.match(r"[\s*|\-]*(NGHỊ QUYẾT|QUYẾT ĐỊNH|KẾ HOẠCH|CÔNG VĂN|"
                                                  r"THÔNG TƯ|NGHỊ ĐỊNH|CHỈ THỊ)", text))):
        return "body"
    return None


def document_span(text, kind):
    """(start, end) of the document in a record: a page without the site's header and footer."""
    if kind == "body":
        m = re.search(r"\n## ", text)
        return 0, (m.start() + 1 if m and m.start() > 1000 else len(text))
    m = re.search(r"Tình trạng:\**\s*\n\|\n[^\n]*\n", text)
    if not m:
        return None
    start = m.end()
    while (m := re.match(r"\|?[ \t]*\n", text[start:])):
        start += m.end()
    m = (re.search(r"\n[^\n]*\nVăn bản này chưa cập nhật nội dung Tiếng Anh", text[start:])
         or re.search(r"\n## Văn bản liên quan", text[start:]))
    return (start, start + m.start() + 1) if m else None


def line_start(text, i, lo):
    """The start of the line holding text[i], not before lo."""
    return max(lo, text.rfind("\n", 0, i) + 1)


def parts(text, start, end):
    """One part for a short document, head and closing for a long one (offsets into text)."""
    if end - start <= WHOLE_MAX:
        return [(start, end)]
    head_end = line_start(text, start + HEAD, start)
    body = text[head_end:end]
    closing = list((VBHN_CLOSING if "/VBHN-" in text[start:start + 1500] else CLOSING_ARTICLE).finditer(body))
    tail = head_end + closing[-1].start() + 1 if closing else end - TAIL
    tail = max(tail, head_end)
    tail_end = min(end, tail + TAIL)
    if tail_end < end:
        tail_end = line_start(text, tail_end, tail + 1)
    tail = line_start(text, tail, head_end) if tail > head_end else tail
    return [(start, head_end), (tail, tail_end)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    args = ap.parse_args()
    used = set()
    for name in EARLIER_SETS:
        with open(ROOT / "corpora" / name / "excerpts.tsv", encoding="utf-8", newline="") as f:
            used |= {r["bulk_id"] for r in csv.DictReader(f, delimiter="\t")}
    candidates = {name: [] for name, _, _ in STRATA}
    for index, rec, kind, span, doc in legal_documents(args.bulk, used):
        m = TYPE_HEADING.search(doc[:3000])
        typ = m.group(1) if m else ""
        for name, _, test in STRATA:  # first stratum that takes it
            if test(typ, doc):
                candidates[name].append((rec["id"], index, kind, parts(rec["text"], *span)))
                break
    rng = random.Random(20261204)
    rows = {"legal": [], "legal_heldout": []}
    n = {"legal": 0, "legal_heldout": 0}
    for name, picks, _ in STRATA:
        pool = candidates[name]
        chosen = sorted(rng.sample(range(len(pool)), min(picks, len(pool))))
        for j, ci in enumerate(chosen):
            bulk_id, index, kind, spans = pool[ci]
            target = "legal_heldout" if j % 3 == 2 else "legal"
            n[target] += 1
            doc = ("lh" if target == "legal_heldout" else "l") + f"{n[target]:03d}"
            for s, e in spans:
                rows[target].append((doc, bulk_id, s, e, name, kind, index))
    for target, rs in rows.items():
        out = ROOT / "corpora" / target / "excerpts.tsv"
        with open(out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["doc", "bulk_id", "start", "end", "stratum", "page_kind", "index"])
            w.writerows(rs)
        print(f"{out}: {len({r[0] for r in rs})} documents, {len(rs)} parts")
    print({k: len(v) for k, v in candidates.items()})


if __name__ == "__main__":
    main()
