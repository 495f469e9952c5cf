"""Output formats of ``citeextract extract``: json, jsonl, csv and a terminal table."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from ..models import Document

FORMATS = ("json", "jsonl", "csv", "table")
CSV_COLUMNS = ["doc", "kind", "text", "start", "end", "type", "key", "number", "year", "symbol",
               "issuer", "issued", "title", "value", "precision", "flags", "warnings", "pinpoints"]


# one encoder for the process (json.dumps with options builds a new one per call)
_encode = json.JSONEncoder(ensure_ascii=False).encode


def document_json(doc: Document) -> str:
    """One line: the guide's per-document object."""
    return _encode(doc.to_dict())


def mention_rows(doc: Document) -> Iterable[dict]:
    """One row per mention in reading order, then one per relation, each with a doc column."""
    name = doc.doc
    for m in doc.mentions():
        row = {"doc": name}
        row.update(m.to_dict())
        row.pop("flag", None)
        yield row
    for r in doc.relations:
        row = {"doc": name, "kind": "relation"}
        row.update(r.to_dict())
        yield row


def jsonl_lines(doc: Document) -> Iterable[str]:
    return map(_encode, mention_rows(doc))


def csv_rows(doc: Document) -> Iterable[list]:
    for row in mention_rows(doc):
        if row["kind"] == "relation":
            continue
        out = []
        for col in CSV_COLUMNS:
            v = row.get(col)
            out.append("|".join(v) if isinstance(v, list) else ("" if v is None else v))
        yield out


def csv_text(rows: Iterable[list], header: bool) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if header:
        w.writerow(CSV_COLUMNS)
    w.writerows(rows)
    return buf.getvalue()


def table(doc: Document) -> str:
    """A readable view of one document's mentions."""
    lines = [f"== {doc.doc}: {len(doc.citations)} citations, {len(doc.named)} named laws, "
             f"{len(doc.dates)} dates"]
    for m in doc.mentions():
        shown = " ".join(m.text.split())
        if len(shown) > 40:
            shown = shown[:39] + "…"
        if m.kind == "citation":
            detail = f"{m.type:<18} {m.key}"
            extra = ", ".join(x for x in (" ".join(m.pinpoints), m.issued and f"issued {m.issued}", m.issuer,
                                          " ".join(m.flags)) if x)
        elif m.kind == "named":
            detail = f"{m.type:<18} {m.key}"
            extra = ", ".join(x for x in (" ".join(m.pinpoints), m.issued and f"issued {m.issued}") if x)
        else:
            detail = f"{'date':<18} {m.value or '(bad date)'}"
            extra = ""
        lines.append(f"{m.start:>7}  {shown:<41} {detail}" + (f"  [{extra}]" if extra else ""))
    for r in doc.relations:
        lines.append(f"{'':>7}  relation: {r.source} {r.relation} {r.target}")
    if doc.subject:
        lines.append(f"{'':>7}  subject: {doc.subject}")
    return "\n".join(lines)
