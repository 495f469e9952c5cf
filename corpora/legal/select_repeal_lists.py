#!/usr/bin/env python3
"""Choose 12 more full legal documents that repeal, replace or declare expired other documents,
by a fixed, seeded rule (no hand swaps), and append them to the excerpts.tsv of `legal` (l027–)
and `legal_heldout` (lh011–).

usage: python3 corpora/legal/select_repeal_lists.py [--bulk PATH]

Documents are found as in select_documents.py (same genre() and document_span(): a
thuvienphapluat page without its site header and footer, or a document body, at least 1,500
characters, with a "Căn cứ" line). A document qualifies when its own text (not a "Căn cứ",
"Xét" or "Theo đề nghị" line, not an all-capitals title) has an effect cue that states at least
two repealed, replaced or expired documents:

- a forward cue "bãi bỏ / thay thế (toàn bộ) (N) (các) <văn bản | Quyết định | Thông tư | …>"
  whose targets follow it, or a backward cue "<Các Quyết định … | Quyết định số …> … hết hiệu
  lực" whose targets stand in the same sentence;
- `list` form: the cue's sentence ends in ":" and the items follow (up to the next Điều, Chương,
  "Nơi nhận", annex, or numbered clause that is not itself a document); `clause` form: one
  sentence;
- a target is a document number right after the cue, or a numbered document mention that heads
  an item or follows ":", ";", "," or "và" (possibly after a pinpoint such as "khoản 2 Điều 1");
  a number inside an item's description ("… hướng dẫn Nghị định số …") does not count. At least
  two distinct targets are required.

Every record already used by any corpora/*/excerpts.tsv is excluded. With seed 20261205 each
form's candidates are shuffled; picks follow the pattern list, list, clause (8 list-form and 4
clause-form documents), each time taking the next candidate of that form whose issuing body
(the header line above "CỘNG HÒA") has not been picked yet, if any. Picks go alternately to
`legal` and `legal_heldout`.

Excerpts follow select_documents.parts(): whole up to 10,000 characters, else head and closing.
If the cue sentence or list is not inside a part, a part holding it (from the line of the
article heading before it, at least 4,500 characters, to the end of the list) is added in
document order; overlapping parts are merged. Rows carry stratum `repeal_list` or
`repeal_clause`. Running the script again appends nothing when the same rows are present
(it stops with an error if different rows of these strata are present).
"""
import argparse
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_documents import ROOT, TAIL, legal_documents, line_start, parts  # noqa: E402

SEED = 20261205
PATTERN = ["list", "list", "clause"] * 4
STRATA = {"list": "repeal_list", "clause": "repeal_clause"}
TARGETS = (("legal", "l", 26), ("legal_heldout", "lh", 10))  # set, doc prefix, docs before these
COLUMNS = ["doc", "bulk_id", "start", "end", "stratum", "page_kind", "index"]

TYPES = (r"(?:Thông\s+tư\s+liên\s+tịch|Thông\s+tư|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|"
         r"Kế\s+hoạch|Văn\s+bản\s+hợp\s+nhất)")
NUM = r"\d+[a-zđ]?/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ&0-9]*(?:\s?[-/]\s?[A-ZĐ0-9][A-Za-zĐđ&0-9]*)*"
PIN = r"(?:(?:điểm|khoản|Điều|Chương|Mục|Phần)\s+[\w.]+(?:\s*,\s*[\w.]+)*\s+(?:của\s+)?)*"
MENTION = re.compile(r"(?:^|[:;,]|\bvà|[a-zđ]\)|\n\d+\.|\n[-+])\**\s*" + PIN
                     + r"(?:" + TYPES + r"\s+(?:số\s+)?|số\s+)(" + NUM + ")")
AFTER_CUE = re.compile(r"\s*(?:số\s+)?(" + NUM + ")")
FORWARD = re.compile(r"(?<![^\s*(])(?:[Bb]ãi\s+bỏ|[Tt]hay\s+thế)\s+(?:toàn\s+bộ\s+)?(?:\d+\s+)?(?:các\s+)?"
                     r"(?:văn\s+bản|" + TYPES + ")", re.I)
BACKWARD = re.compile(r"hết\s+hiệu\s+lực")
BACK_SUBJECT = re.compile(r"\W*(?:\d+\.\s*)?(?:[a-zđ]\)\s*)?(?:Các\s+|" + TYPES + ")", re.I)
SENTENCE_BREAK = re.compile(r"[.;:]\**\s*\n|\n\s*\n|\n\**Điều\s+\d+[^\n]*\n")
SENTENCE_END = re.compile(r"[.;]\**\s*\n|\n\s*\n|\n\**Điều\s+\d")
LIST_COLON = re.compile(r":\**\s*\n")
LIST_END = re.compile(r"\n\W*(?:Điều\s+\d+|Chương\s+[IVX]|CHƯƠNG|Nơi nhận|PHỤ LỤC|DANH MỤC)|\n\d+\.\s+(?!"
                      + TYPES + ")")
ARTICLE = re.compile(r"\n\**Điều\s+\d+")
ISSUER = re.compile(r"^(.*?)(?:CỘNG\s+HÒA|CỘNG\s+HOÀ)", re.S)


def sentence_start(d, i):
    lo = max(0, i - 1500)
    ends = [m.end() for m in SENTENCE_BREAK.finditer(d, lo, i)]
    return ends[-1] if ends else lo


def repeal_statement(d):
    """(form, start, end, targets) of the cue in document text d that states the most targets."""
    best = None
    for m in sorted(list(FORWARD.finditer(d)) + list(BACKWARD.finditer(d)), key=lambda m: m.start()):
        s0 = sentence_start(d, m.start())
        if re.match(r"\W*(?:Căn cứ|Xét|Theo đề nghị)", d[s0:]) or m.group(0).isupper():
            continue
        end, colon = SENTENCE_END.search(d, m.end()), LIST_COLON.search(d, m.end())
        if colon and (not end or colon.start() < end.start()) and colon.start() - m.end() < 300:
            stop = LIST_END.search(d, colon.end())
            form, b1 = "list", min(stop.start() if stop else len(d), colon.end() + 5000)
        else:
            form, b1 = "clause", end.start() if end else len(d)
        if m.re is BACKWARD:
            if not BACK_SUBJECT.match(d, s0):
                continue
            b0, found = s0, []
        else:
            b0 = m.start()
            first = AFTER_CUE.match(d, m.end())
            found = [first.group(1)] if first else []
        found += [x.group(1) for x in MENTION.finditer(d[:b1], b0)]
        targets = list(dict.fromkeys(re.sub(r"\s+", "", t) for t in found))
        if len(targets) >= 2 and (best is None or len(targets) > len(best[3])):
            best = (form, b0, b1, targets)
    return best


def issuer(d):
    m = ISSUER.match(d[:600])
    name = re.sub(r"[\s*|\-]+", " ", m.group(1) if m else "").strip().upper()
    return name or "?"


def excerpt_parts(text, start, end, w0, w1):
    """select_documents.parts(), plus a part holding text[w0:w1] if no part does."""
    ps = parts(text, start, end)
    if any(s <= w0 and w1 <= e for s, e in ps):
        return ps
    heads = [m.start() + 1 for m in ARTICLE.finditer(text, start, w0)]
    s = line_start(text, heads[-1] if heads else w0, start)
    e = min(end, max(s + TAIL, w1))
    if e < end:
        e = line_start(text, e, s + 1)
        if e < w1:  # the list's last line is kept whole
            nl = text.find("\n", w1 - 1)
            e = end if nl < 0 else min(end, nl + 1)
    merged = []
    for a, b in sorted(ps + [(s, e)]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def read_rows(name):
    with open(ROOT / "corpora" / name / "excerpts.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=None, help="bulk corpus (gzip JSONL)")
    args = ap.parse_args()
    bulk = args.bulk or next((p / "shared" / "corpora" / "bulk" / "tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"
                              for p in ROOT.parents
                              if (p / "shared" / "corpora" / "bulk").is_dir()), None)
    if not bulk or not bulk.is_file():
        sys.exit("select_repeal_lists.py: error: bulk corpus not found (pass --bulk PATH)")
    ours = set(STRATA.values())
    used, present = set(), {}
    for p in sorted((ROOT / "corpora").glob("*/excerpts.tsv")):
        for r in read_rows(p.parent.name):
            if r.get("stratum") in ours:
                present.setdefault(p.parent.name, []).append(r)
            else:
                used.add(r["bulk_id"])
    pools = {"list": [], "clause": []}
    for index, rec, kind, span, doc in legal_documents(bulk, used):
        found = repeal_statement(doc)
        if not found:
            continue
        form, w0, w1, _ = found
        spans = excerpt_parts(rec["text"], *span, span[0] + w0, span[0] + w1)
        pools[form].append((rec["id"], index, kind, issuer(doc), spans))
    rng = random.Random(SEED)
    for form in ("list", "clause"):
        rng.shuffle(pools[form])
    picked, issuers = [], set()
    for form in PATTERN:
        pool = pools[form]
        if not pool:
            sys.exit(f"select_repeal_lists.py: error: no more {form}-form candidates")
        i = next((j for j, c in enumerate(pool) if c[3] not in issuers), 0)
        cand = pool.pop(i)
        issuers.add(cand[3])
        picked.append((form, cand))
    rows = {name: [] for name, _, _ in TARGETS}
    counters = {name: before for name, _, before in TARGETS}
    for k, (form, (bulk_id, index, kind, _, spans)) in enumerate(picked):
        name, prefix, _ = TARGETS[k % 2]
        counters[name] += 1
        doc = f"{prefix}{counters[name]:03d}"
        for s, e in spans:
            rows[name].append([doc, bulk_id, str(s), str(e), STRATA[form], kind, str(index)])
    for name, _, _ in TARGETS:
        have = [[r[c] for c in COLUMNS] for r in present.get(name, [])]
        out = ROOT / "corpora" / name / "excerpts.tsv"
        if have == rows[name]:
            print(f"{out}: already holds these {len({r[0] for r in have})} documents; nothing appended")
            continue
        if have:
            sys.exit(f"select_repeal_lists.py: error: {out} holds other {'/'.join(sorted(ours))} rows")
        with open(out, "a", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter="\t", lineterminator="\n").writerows(rows[name])
        print(f"{out}: appended {len({r[0] for r in rows[name]})} documents, {len(rows[name])} parts")
    print({form: len(pool) + sum(1 for f, _ in picked if f == form) for form, pool in pools.items()})


if __name__ == "__main__":
    main()
