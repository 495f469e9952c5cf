"""Rebuild :class:`~citeextract.models.Document` objects from a batch output
directory, so that later steps (``citeextract graph``) need not extract again."""
from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..models import Document, Relation, UnnumberedDoc
from . import manifest as mf
from .schema import MENTION_TABLES, OK
from .writers import read_part


class NotABatchOutput(ValueError):
    """The directory holds no batch output (no manifest)."""


def iter_documents(outdir: str | Path, include_failed: bool = False) -> Iterator[Document]:
    """Every document of a batch run, in input order, with its mentions, relations,
    subject, warnings and metadata (url, title, date, source, position).

    Records that failed are left out unless ``include_failed`` (they come back with
    no mentions and ``metadata["error"]`` set to the reason). Partitions of an
    unfinished run that are complete are read; the others are not there yet.
    """
    manifest = mf.load(outdir)
    if manifest is None:
        raise NotABatchOutput(f"{outdir}: no manifest.json; not a citeextract batch output")
    fmt = manifest["format"]
    parts = manifest["partitions"] if manifest.get("status") == "complete" else mf.load_done(outdir)
    for pid in sorted(int(p) for p in parts):
        yield from _partition_documents(outdir, pid, fmt, include_failed)


def _partition_documents(outdir: str | Path, pid: int, fmt: str,
                         include_failed: bool) -> Iterator[Document]:
    mentions: dict[str, dict[int, list[Any]]] = {}
    for table, cls in MENTION_TABLES.items():
        fields = [f.name for f in dataclasses.fields(cls)]  # not NamedLaw's derived "key"
        by_seq: dict[int, list[Any]] = defaultdict(list)
        for row in read_part(outdir, table, pid, fmt):
            values = {name: _value(row[name]) for name in fields}
            if cls is UnnumberedDoc:
                values["relations"] = [Relation(**r) for r in values["relations"] or []]
            by_seq[row["seq"]].append(cls(**values))
        mentions[table] = by_seq
    for row in read_part(outdir, "documents", pid, fmt):
        failed = row["status"] != OK
        if failed and not include_failed:
            continue
        meta = json.loads(row["metadata"]) if row["metadata"] else {}
        if failed:
            meta["error"] = row["error"]
        seq = row["seq"]
        yield Document(
            doc=row["doc_id"],
            citations=mentions["citations"].get(seq, []),
            named=mentions["named"].get(seq, []),
            dates=mentions["dates"].get(seq, []),
            relations=mentions["relations"].get(seq, []),
            unnumbered=mentions["unnumbered"].get(seq, []),
            subject=row["subject"],
            effective=row.get("effective"),
            metadata=meta,
            warnings=list(row["warnings"] or []),
        )


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
