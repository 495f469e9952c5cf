"""The batch output tables: their Arrow schemas and the rows of one document.

Every row carries ``seq`` (the record's number in the run, unique, the join key) and
``doc_id``. Mention tables carry every field of their record class in
:mod:`citeextract.models` (derived from the dataclasses, so they follow the models);
``flags``/``warnings`` are ``list<string>``.
"""
from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

import pyarrow as pa

from ..models import Citation, DateMention, Document, NamedLaw, Relation, UnnumberedDoc

MENTION_TABLES: dict[str, type] = {
    "citations": Citation,
    "named": NamedLaw,
    "dates": DateMention,
    "relations": Relation,
    "unnumbered": UnnumberedDoc,
}
TABLES = ("documents", "citations", "named", "dates", "relations", "unnumbered", "errors")
OK, FAILED = "ok", "failed"

_KEY = [pa.field("seq", pa.int64(), nullable=False), pa.field("doc_id", pa.string())]


def _arrow_type(hint: Any) -> pa.DataType:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if args and typing.get_origin(hint) is not list else hint
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        if dataclasses.is_dataclass(item):  # UnnumberedDoc.relations: list<struct>
            hints = typing.get_type_hints(item)
            return pa.list_(pa.struct([pa.field(f.name, _arrow_type(hints[f.name]))
                                       for f in dataclasses.fields(item)]))
        return pa.list_(pa.string())
    if base is int:
        return pa.int64()
    if base is float:
        return pa.float64()
    if base is bool:
        return pa.bool_()
    return pa.string()


def record_fields(cls: type) -> list[str]:
    """The columns a record class gives: its dataclass fields (+ ``key`` for named laws)."""
    names = [f.name for f in dataclasses.fields(cls)]
    if cls is NamedLaw:
        names.append("key")
    return names


def _mention_schema(cls: type) -> pa.Schema:
    hints = typing.get_type_hints(cls)
    cols = [pa.field(name, _arrow_type(hints.get(name, str))) for name in record_fields(cls)]
    return pa.schema(_KEY + cols)


SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(_KEY + [
        pa.field("source", pa.string()),
        pa.field("position", pa.int64()),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("date", pa.string()),
        pa.field("n_chars", pa.int64()),
        pa.field("n_citations", pa.int64()),
        pa.field("n_named", pa.int64()),
        pa.field("n_dates", pa.int64()),
        pa.field("n_relations", pa.int64()),
        pa.field("n_unnumbered", pa.int64()),
        pa.field("subject", pa.string()),
        pa.field("status", pa.string()),
        pa.field("error", pa.string()),
        pa.field("warnings", pa.list_(pa.string())),
        pa.field("metadata", pa.string()),  # JSON object: every metadata key
    ]),
    **{name: _mention_schema(cls) for name, cls in MENTION_TABLES.items()},
    "errors": pa.schema(_KEY + [
        pa.field("source", pa.string()),
        pa.field("position", pa.int64()),
        pa.field("reason", pa.string()),
        pa.field("message", pa.string()),
    ]),
}


def _mention_row(seq: int, doc_id: str | None, obj: Any, names: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {"seq": seq, "doc_id": doc_id}
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            value = [dataclasses.asdict(v) for v in value]
        row[name] = value
    return row


def document_rows(seq: int, doc: Document, source: str, position: int,
                  n_chars: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one extracted document."""
    meta = doc.metadata
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for table, cls in MENTION_TABLES.items():
        names = record_fields(cls)
        rows[table] = [_mention_row(seq, doc.doc, m, names) for m in getattr(doc, table)]
    rows["documents"].append({
        "seq": seq, "doc_id": doc.doc, "source": source, "position": position,
        "url": _str(meta.get("url")), "title": _str(meta.get("title")),
        "date": _str(meta.get("date")), "n_chars": n_chars,
        "n_citations": len(doc.citations), "n_named": len(doc.named),
        "n_dates": len(doc.dates), "n_relations": len(doc.relations),
        "n_unnumbered": len(doc.unnumbered),
        "subject": doc.subject, "status": OK, "error": None,
        "warnings": list(doc.warnings), "metadata": json.dumps(meta, ensure_ascii=False, default=str),
    })
    return rows


def failure_rows(seq: int, doc_id: str, source: str, position: int, reason: str, message: str,
                 metadata: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The documents row (status ``failed``) and errors row of a record that failed."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append({
        "seq": seq, "doc_id": doc_id, "source": source, "position": position,
        "url": _str(metadata.get("url")), "title": _str(metadata.get("title")),
        "date": _str(metadata.get("date")), "n_chars": None,
        "n_citations": 0, "n_named": 0, "n_dates": 0, "n_relations": 0, "n_unnumbered": 0,
        "subject": None, "status": FAILED, "error": reason, "warnings": [],
        "metadata": json.dumps(metadata, ensure_ascii=False, default=str),
    })
    rows["errors"].append({"seq": seq, "doc_id": doc_id, "source": source,
                           "position": position, "reason": reason, "message": message})
    return rows


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
