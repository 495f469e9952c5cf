"""The batch output tables: their Arrow schemas and the rows of one document.

Every row carries ``seq`` (the record's number in the run, unique, the join key) and
``doc_id``. Mention tables carry every field of their record class in
:mod:`citeextract.models` (derived from the dataclasses, so they follow the models);
``flags``/``warnings`` are ``list<string>``.
"""
from __future__ import annotations

import dataclasses
import json
import operator
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
    if typing.is_typeddict(base):  # NamedLaw.resolved: struct<key, how>
        return pa.struct([pa.field(k, _arrow_type(h)) for k, h in typing.get_type_hints(base).items()])
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
        pa.field("effective", pa.string()),
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


class PartitionTables:
    """The columns of every table for one partition, filled a document at a time.

    Mention columns are read straight from the records (one attribute getter per table),
    so no per-mention dict is built; ``tables()`` gives one Arrow table per output table.
    """

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list[Any]]] = {
            t: {name: [] for name in SCHEMAS[t].names} for t in TABLES}

    def __len__(self) -> int:
        return len(self.columns["documents"]["seq"])

    def count(self, table: str) -> int:
        return len(self.columns[table]["seq"])

    def _add_row(self, table: str, row: dict[str, Any]) -> None:
        for name, column in self.columns[table].items():
            column.append(row[name])

    def add_document(self, seq: int, doc: Document, source: str, position: int, n_chars: int) -> None:
        meta = doc.metadata
        self._add_row("documents", {
            "seq": seq, "doc_id": doc.doc, "source": source, "position": position,
            "url": _str(meta.get("url")), "title": _str(meta.get("title")),
            "date": _str(meta.get("date")), "n_chars": n_chars,
            "n_citations": len(doc.citations), "n_named": len(doc.named),
            "n_dates": len(doc.dates), "n_relations": len(doc.relations),
            "n_unnumbered": len(doc.unnumbered),
            "subject": doc.subject, "effective": doc.effective, "status": OK, "error": None,
            "warnings": list(doc.warnings), "metadata": json.dumps(meta, ensure_ascii=False, default=str),
        })
        for table, cls in MENTION_TABLES.items():
            records = getattr(doc, table)
            if not records:
                continue
            columns = self.columns[table]
            columns["seq"].extend([seq] * len(records))
            columns["doc_id"].extend([doc.doc] * len(records))
            # every record class has several fields, so the getter gives tuples
            for name, column in zip(_FIELDS[table], zip(*map(_GETTERS[table], records))):
                if name in _NESTED[table]:  # list of dataclasses -> list of structs
                    column = [[v.to_dict() for v in items] for items in column]
                columns[name].extend(column)

    def add_failure(self, seq: int, doc_id: str, source: str, position: int, reason: str, message: str,
                    metadata: dict[str, Any]) -> None:
        """The documents row (status ``failed``) and errors row of a record that failed."""
        self._add_row("documents", {
            "seq": seq, "doc_id": doc_id, "source": source, "position": position,
            "url": _str(metadata.get("url")), "title": _str(metadata.get("title")),
            "date": _str(metadata.get("date")), "n_chars": None,
            "n_citations": 0, "n_named": 0, "n_dates": 0, "n_relations": 0, "n_unnumbered": 0,
            "subject": None, "effective": None, "status": FAILED, "error": reason, "warnings": [],
            "metadata": json.dumps(metadata, ensure_ascii=False, default=str),
        })
        self._add_row("errors", {"seq": seq, "doc_id": doc_id, "source": source,
                                 "position": position, "reason": reason, "message": message})

    def tables(self) -> dict[str, pa.Table]:
        return {t: pa.Table.from_arrays([pa.array(values, type=SCHEMAS[t].field(name).type)
                                         for name, values in self.columns[t].items()], schema=SCHEMAS[t])
                for t in TABLES}

    def rows(self, table: str) -> list[dict[str, Any]]:
        """One table's rows as dicts (for the JSON Lines format)."""
        columns = self.columns[table]
        return [dict(zip(columns, values)) for values in zip(*columns.values())]


_FIELDS = {t: record_fields(cls) for t, cls in MENTION_TABLES.items()}
_GETTERS = {t: operator.attrgetter(*names) for t, names in _FIELDS.items()}
_NESTED = {t: {f.name for f in dataclasses.fields(cls)
               if typing.get_origin(typing.get_type_hints(cls)[f.name]) is list
               and dataclasses.is_dataclass(typing.get_args(typing.get_type_hints(cls)[f.name])[0])}
           for t, cls in MENTION_TABLES.items()}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
