"""Output formats of ``citeextract extract``: json, jsonl, csv and a terminal table."""
from __future__ import annotations

import csv
import io
import json
import typing
from collections.abc import Iterable

from ..models import Citation, DateMention, Document, NamedLaw

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


def jsonl_lines(doc: Document) -> list[str]:
    """The rows of :func:`mention_rows`, encoded: the line of a mention is that of
    ``{"doc": name, **d}`` for ``d = m.to_dict()`` without ``flag``."""
    text = jsonl_text(doc)
    return text[:-1].split("\n") if text else []  # no raw newline inside an encoded row


def jsonl_text(doc: Document) -> str:
    """A document's jsonl rows, each ending in a newline, as one string.

    The mentions' dicts are encoded in one call, as a list, and the doc column is spliced in
    front of each: ``'}, {"'`` can only stand between two rows (inside a JSON string every
    ``"`` is escaped, and no row holds a dict), which the count checks."""
    name = doc.doc
    prefix = '{"doc": ' + _encode(name) + ", "
    dicts = [m.to_dict() for m in doc.mentions()]
    for d in dicts:
        d.pop("flag", None)
    text = ""
    if dicts:
        encoded = _encode(dicts)
        if encoded.count('}, {"') == len(dicts) - 1 and not any("doc" in d or not d for d in dicts):
            text = prefix + encoded[2:-1].replace('}, {"', '}\n' + prefix + '"') + "\n"
        else:
            text = "".join(_encode({"doc": name, **d}) + "\n" for d in dicts)
    return text + "".join(_encode({"doc": name, "kind": "relation", **r.to_dict()}) + "\n"
                          for r in doc.relations)


_CSV_GET = CSV_COLUMNS[1:]  # read from each mention's to_dict()
# the columns a mention class declares as lists (flags, warnings, pinpoints): joined with "|"
_CSV_LISTS = [i for i, col in enumerate(CSV_COLUMNS)
              if any(typing.get_origin(typing.get_type_hints(cls).get(col)) is list
                     for cls in (Citation, NamedLaw, DateMention))]


def csv_rows(doc: Document) -> list[list]:
    """One row per mention (relations are not in the CSV): the CSV_COLUMNS of its
    ``to_dict()``, lists joined with "|"; a missing value (None) is written empty."""
    name = doc.doc
    rows = []
    for m in doc.mentions():
        row = [name]
        row.extend(map(m.to_dict().get, _CSV_GET))
        for i in _CSV_LISTS:
            if row[i] is not None:
                row[i] = "|".join(row[i])
        rows.append(row)
    return rows


_csv_buffer = io.StringIO()
_csv_writer = csv.writer(_csv_buffer, lineterminator="\n")


def csv_text(rows: Iterable[list], header: bool) -> str:
    """The CSV text of ``rows`` (None is written as an empty field by the csv module)."""
    _csv_buffer.seek(0)
    _csv_buffer.truncate()
    if header:
        _csv_writer.writerow(CSV_COLUMNS)
    _csv_writer.writerows(rows)
    return _csv_buffer.getvalue()


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
