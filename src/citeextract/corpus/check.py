"""Stale citations: a text citing a document that the corpus says was replaced or repealed
on or before the text's own date (:func:`citeextract.pipeline.textdate.text_date`).

A citation is not a finding when the text itself states a change to that document (it
knows: "Nghị định này thay thế Nghị định …"), when it also cites the replacing document (it
knows of it), when it is the basis ("Căn cứ …") of another document than the text's subject
(the preamble a consolidated text repeats), or when the text is, or announces, the replacing
document. The citing and the
stating text must mean the same document: not when they give it different issue dates
("Chỉ thị số 35-CT/TW ngày 26/5/2014" is not the 35-CT/TW of 2024), and for a provincial
number with a year (``7/2022/QĐ-UBND``, which every province may have) only when they give it
the same issue date or the same province. A text without a date of its own is not checked
(never reported clean).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .graph import Item, article_id
from .identity import ArticleContext, mention_places, numbered_locally
from .status import EVENTS, Event, ended
from ..models import Document
from ..pipeline.resolve import resolved_key
from ..pipeline.textdate import text_date


@dataclass
class CheckedText:
    """What checking one text needs once its Document is gone."""

    article: str  # the article node
    doc: str
    date: str | None  # the text's own date
    date_from: str  # subject, page, header or none
    # offsets -> (text, key, issue date or "", provinces of the issuer (or of the text) |-joined)
    mentions: dict[tuple[int, int], tuple[str, str, str, str]] = field(default_factory=dict)


@dataclass
class Finding:
    doc: str
    key: str  # the key of the citation (the resolved version's for a law named without a year)
    status: str  # replaced or repealed
    by: str  # the stating document
    since: str  # ISO date from which it holds
    text: str  # the citation as written
    start: int
    end: int
    date: str  # the text's own date
    date_from: str
    node: str
    evidence: Event

    def to_dict(self) -> dict[str, Any]:
        e = self.evidence
        return {"doc": self.doc, "key": self.key, "status": self.status, "by": self.by, "since": self.since,
                "text": self.text, "start": self.start, "end": self.end, "date": self.date,
                "date_from": self.date_from, "node": self.node, "since_from": e.since_from,
                "stated_in": e.article.removeprefix("article:"), "evidence": e.evidence,
                "evidence_offsets": e.offsets}


def recording(items: Iterable[Item | Document], sink: list[CheckedText], *,
              resolve_laws: bool = True) -> Iterator[Item]:
    """Pass ``items`` on (to :func:`~citeextract.corpus.graph.build_graph`), keeping in
    ``sink`` each text's date and its mentions by offsets."""
    for item in items:
        if isinstance(item, Document):
            item = Item(item)
        doc = item.doc
        date, date_from = text_date(doc)
        aid = article_id(doc, item.path)
        mentions: dict[tuple[int, int], tuple[str, str, str, str]] = {}
        if date:
            ctx = None
            for c in doc.citations:
                places = mention_places([c])
                if not places and numbered_locally(c.key):  # the text's own province, found once
                    ctx = ctx or ArticleContext.of(aid, item.text, doc.metadata)
                    places = mention_places([c], ctx)
                mentions[(c.start, c.end)] = (c.text, c.key, c.issued or "", "|".join(sorted(places)))
            for n in doc.named:
                mentions[(n.start, n.end)] = (n.text, resolved_key(n) if resolve_laws else n.key, n.issued or "", "")
        sink.append(CheckedText(aid, str(doc.doc or item.path), date, date_from, mentions))
        yield item


def _offsets(value: object) -> Iterator[tuple[int, int]]:
    for part in str(value or "").split("|"):
        a, _, b = part.partition("-")
        if a.isdigit() and b.isdigit():
            yield int(a), int(b)


def _same_document(e: Event, issued: set[str], places: set[str], unsure: bool) -> bool:
    """Whether the document the citing text names (the issue dates and provinces it gives)
    can be the one the stating text describes (``e.target_issued``, ``e.target_places``).
    ``unsure``: a key several documents may share (a provincial number, a node cited with
    different issue dates), which must then agree on a date or a province."""
    dates, their_places = set(_split(e.target_issued)), set(_split(e.target_places))
    if issued and dates and not issued & dates:
        return False
    if not unsure:
        return True
    return bool(issued & dates) or bool(places & their_places)


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def findings(g: nx.MultiDiGraph, texts: Iterable[CheckedText]) -> Iterator[Finding]:
    """The stale citations of ``texts`` (articles of ``g``, whose status is computed from
    all of ``g``), in text order and offset order."""
    stale = ended(g)
    for t in texts:
        if not t.date or t.article not in g:
            continue
        subject = g.nodes[t.article].get("subject") or ""
        cited = {v for _, v, d in g.out_edges(t.article, data=True) if d.get("relation") == "cites"}
        rows = []
        for _, node, d in g.out_edges(t.article, data=True):
            if d.get("relation") != "cites" or node not in stale:
                continue
            events = [e for e in stale[node] if e.since <= t.date and e.by not in cited]
            if not events or subject in (g.nodes[events[0].by].get("key"), g.nodes[node].get("key")):
                continue
            if any(rd.get("article") == t.article and (
                    rd.get("relation") in EVENTS  # the text states the change itself
                    or rd.get("relation") == "based_on" and g.nodes[u].get("key") != subject)
                   for u, _, rd in g.in_edges(node, data=True)):
                continue  # … or it is the basis of an older text it repeats (a VBHN's preamble)
            key = str(g.nodes[node].get("key") or node)
            unsure = numbered_locally(key) or len(_split(str(g.nodes[node].get("issued") or ""))) > 1
            spans = list(_offsets(d.get("offsets")))
            said = [t.mentions.get(span, ("", key, "", "")) for span in spans]
            issued = {m[2] for m in said if m[2]}  # what the whole text says of the document
            places = {p for m in said for p in _split(m[3])}
            ev = next((e for e in events if _same_document(e, issued, places, unsure)), None)
            if ev is None:
                continue
            by = g.nodes[ev.by].get("key", ev.by)
            for (start, end), (text, mkey, _, _) in zip(spans, said):
                rows.append(Finding(t.doc, mkey, ev.status, by, ev.since, text, start, end, t.date, t.date_from,
                                    node, ev))
        yield from sorted(rows, key=lambda f: (f.start, f.end))
