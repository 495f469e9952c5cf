"""The records citeextract produces: plain dataclasses, one per kind of mention.

Every mention carries ``text``, ``start`` and ``end``; the offsets index the ORIGINAL
input string, so ``original[m.start:m.end] == m.text`` always holds. ``Document.to_dict``
gives the per-document JSON of the annotation guide (the format evaluation reads).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict


class Resolved(TypedDict):
    """Which version of a law a named citation means: ``key`` (the version's number key,
    ``31/2024/QH15``, else ``type:title:year``) and ``how`` it was decided: ``same_text`` (the
    text names that version too), ``in_force_on:2025-03-01`` (the version in force on the
    text's date, by ``patterns/law_versions.tsv``) or ``year`` (the year the text gives is a
    version's year in that table)."""

    key: str
    how: str


@dataclass
class Citation:
    """A numbered citation: "Nghị định số 61/2018/NĐ-CP"."""

    text: str
    start: int
    end: int
    type: str  # one of rules.DOC_TYPES ("nghi_dinh", "quyet_dinh", ...)
    key: str  # canonical number/symbol: "61/2018/NĐ-CP", or "nghi_quyet:1211/2016"
    number: str  # "61", "30c", "66.7"
    year: int | None  # the year slot of the number, if any
    symbol: str  # "NĐ-CP", "KH-SKH&CN", "CT/TW"
    issuer: str | None = None
    issued: str | None = None  # ISO date of issue given for this document
    flags: list[str] = field(default_factory=list)  # self, short_form, damaged, bad_date
    warnings: list[str] = field(default_factory=list)
    kind: str = "citation"
    pinpoints: list[str] = field(default_factory=list)  # parts cited: "dieu:5/khoan:2" (guide §1b)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "key": self.key,
                "number": self.number, "year": self.year, "symbol": self.symbol, "issuer": self.issuer,
                "issued": self.issued, "flags": list(self.flags), "warnings": list(self.warnings),
                "kind": self.kind, "pinpoints": list(self.pinpoints)}


@dataclass
class NamedLaw:
    """A constitution, code, law or ordinance cited by name: "Luật Đất đai năm 2013"."""

    text: str
    start: int
    end: int
    type: str  # hien_phap, bo_luat, luat, phap_lenh
    title: str  # "Đất đai"
    year: int | None = None
    issued: str | None = None
    flags: list[str] = field(default_factory=list)
    kind: str = "named"
    pinpoints: list[str] = field(default_factory=list)  # parts cited: "dieu:5/khoan:2" (guide §1b)
    resolved: Resolved | None = None  # the version meant; None when ambiguous or unknown

    @property
    def key(self) -> str:
        """Relation key of the guide: ``type:title:year`` (year empty when unknown)."""
        return f"{self.type}:{self.title}:{self.year or ''}"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "title": self.title,
                "year": self.year, "issued": self.issued, "flags": list(self.flags), "kind": self.kind,
                "pinpoints": list(self.pinpoints), "resolved": dict(self.resolved) if self.resolved else None,
                "key": self.key}


@dataclass
class DateMention:
    """A date expression normalised to ISO with the precision written.

    ``value`` is "2020-03-25", "2020-03", "2020", "2020-Q3", "2020-H1" or an interval
    "2016/2020"; ``None`` with the flag ``bad_date`` when the date is impossible or
    incomplete.
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str  # day, month, year, quarter, half, range
    flags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kind: str = "date"

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
             "precision": self.precision, "flags": list(self.flags), "warnings": list(self.warnings),
             "kind": self.kind}
        if self.flags:
            d["flag"] = self.flags[0]
        return d


@dataclass
class Relation:
    """An edge the text states between two documents: ``[source, relation, target]``."""

    source: str
    relation: str  # implements, based_on, amends, guides, replaces, repeals, approves
    target: str
    start: int = -1  # offsets of the evidence (the cue phrase) in the original text
    end: int = -1
    evidence: str = ""
    partial: bool = False  # a repeal, replacement or suspension of a part ("bãi bỏ khoản 5 Điều 6 …")

    def as_triple(self) -> list[str]:
        return [self.source, self.relation, self.target]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "relation": self.relation, "target": self.target,
                "start": self.start, "end": self.end, "evidence": self.evidence, "partial": self.partial}


@dataclass
class UnnumberedDoc:
    """A document named without a number: "Kế hoạch truyền thông … năm 2022" that a text
    issues or carries out. ``key`` is stable: built from type, folded title, issuer and date."""

    text: str
    start: int
    end: int
    type: str
    title: str
    key: str
    issuer: str | None = None
    issued: str | None = None
    relations: list[Relation] = field(default_factory=list)  # relations it is the source of
    kind: str = "unnumbered"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "title": self.title,
                "key": self.key, "issuer": self.issuer, "issued": self.issued,
                "relations": [r.as_triple() for r in self.relations], "kind": self.kind}


@dataclass
class Part:
    """A part of a text's structure (``Document.structure``): ``level`` is header, issuer,
    number, place_date, title, preamble, basis, proposal, body, phan, chuong, muc, dieu, khoan,
    diem, item, closing, recipients, signature or furniture; ``label`` the part's own number or
    letter ("5" of "Điều 5", "a" of "a)"), empty when it has none. Offsets index the original
    text, as a mention's do."""

    level: str
    label: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "label": self.label, "start": self.start, "end": self.end}


@dataclass
class Document:
    """Everything extracted from one input text."""

    doc: str | None
    citations: list[Citation] = field(default_factory=list)
    named: list[NamedLaw] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    subject: str | None = None
    effective: str | None = None  # ISO date from which the text says its subject takes effect
    metadata: dict[str, Any] = field(default_factory=dict)  # url, title, date, source ...
    warnings: list[str] = field(default_factory=list)
    unnumbered: list[UnnumberedDoc] = field(default_factory=list)  # documents named without a number
    structure: list[Part] = field(default_factory=list)  # the text's parts, when extract(structure=True)

    def mentions(self) -> list[Citation | NamedLaw | DateMention]:
        """All mentions in reading order."""
        return sorted([*self.citations, *self.named, *self.dates], key=lambda m: (m.start, m.end))

    def to_dict(self, structure: bool = False) -> dict[str, Any]:
        """The annotation guide's per-document JSON object; with ``structure=True`` also the
        text's parts (``"structure"``), which the guide does not score."""
        d: dict[str, Any] = {
            "doc": self.doc,
            "citations": [c.to_dict() for c in self.citations],
            "named": [n.to_dict() for n in self.named],
            "dates": [m.to_dict() for m in self.dates],
            "relations": [r.as_triple() for r in self.relations],
            "subject": self.subject,
            "effective": self.effective,
        }
        if self.unnumbered:
            d["unnumbered"] = [u.to_dict() for u in self.unnumbered]
        if self.metadata:
            d["metadata"] = self.metadata
        if self.warnings:
            d["warnings"] = self.warnings
        if structure:
            d["structure"] = [p.to_dict() for p in self.structure]
        return d
