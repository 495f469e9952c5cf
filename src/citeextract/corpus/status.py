"""What the corpus says happened to each document: amended, replaced, repealed, suspended,
consolidated — from the relation edges the texts state (guide §4), never from outside
knowledge. A document no text says anything of has status ``no change known`` (the corpus
cannot say a document is in force).

For an edge ``A replaces B`` the event is B ``replaced_by`` A, and it holds from A's effect
date (``effective`` of the texts whose subject A is), else, for a law, the effect date of
``patterns/law_versions.tsv`` (texts often date a law by its draft), else A's issue date (the
earliest when texts give several), else from an unknown date. A repeal or replacement of a
part (edge ``partial``: "bãi bỏ khoản 5 Điều 6 …") is an amendment of the document. A
statement is ignored (kept in ``status_evidence`` with the reason) when the stating document
is dated before the document it would end, when ``patterns/changed_by.tsv`` says a document
of its type cannot repeal or replace one of the target's (a Government resolution and a
law), or when at least as many texts say the stating document amends it.
:func:`annotate_status` writes, as plain
strings (so every export keeps them):

- on each such edge: ``since`` (ISO date or ``""``) and ``since_from`` (``effective``,
  ``issued`` or ``""``); the edge already carries ``article`` (the stating text), ``offsets``
  and ``evidence``;
- on each document node: ``amended_by``, ``replaced_by``, ``repealed_by``, ``suspended_by``,
  ``consolidated_in`` (stating documents, ``|``-joined, earliest first), ``status`` (the
  first of ``repealed``/``replaced`` by date, else ``suspended``, ``amended``,
  ``consolidated``, else ``no change known``), ``status_by``, ``status_since`` and
  ``status_evidence`` (each event in words: by whom, since when, first stated where).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
import regex

from ..rules import LawVersion, Rules, rules as current_rules

# relation of the edge (source → target) → attribute of the target, and its status word
EVENTS = {
    "repeals": ("repealed_by", "repealed"),
    "replaces": ("replaced_by", "replaced"),
    "suspends": ("suspended_by", "suspended"),
    "amends": ("amended_by", "amended"),
    "consolidates": ("consolidated_in", "consolidated"),
}
TERMINAL = ("repealed", "replaced")  # the document no longer holds from ``since`` on
NO_CHANGE = "no change known"
STATUS_ORDER = ("repealed", "replaced", "suspended", "amended", "consolidated", NO_CHANGE)


@dataclass(frozen=True)
class Event:
    """One thing a text says happened to a document."""

    status: str  # repealed, replaced, suspended, amended, consolidated
    by: str  # node of the stating document
    since: str  # ISO date, or "" when unknown
    since_from: str  # effective, law_versions, issued, or ""
    article: str  # the text stating it
    offsets: str  # of the cue in that text
    evidence: str  # the cue
    part: bool = False  # a repeal or replacement of a part: counted as an amendment
    ignored: str = ""  # why the statement is not taken as the document's status
    target_issued: str = ""  # the issue dates the stating text gives the document (|-joined)
    target_places: str = ""  # the provinces of its issuer there (|-joined)


def _split(value: object) -> list[str]:
    return [v for v in str(value or "").split("|") if v]


def date_from(attrs: dict, rules: Rules | None = None) -> tuple[str, str]:
    """``(date, where from)`` from which what a document states holds: its effect date (the
    earliest the texts whose subject it is give), else for a law the effect date
    ``patterns/law_versions.tsv`` gives (``law_versions``), else its issue date (the earliest
    given), else the date the table says it was passed; ``("", "")`` when none is known."""
    version = _versions(rules or current_rules()).get(str(attrs.get("key") or ""))
    for field, days in (("effective", _split(attrs.get("effective"))),
                        ("law_versions", [version.effective] if version else []),
                        ("issued", _split(attrs.get("issued"))),
                        ("law_versions", [version.passed] if version else [])):
        days = sorted(d for d in days if len(d) == 10)
        if days:
            return days[0], field
    return "", ""


@lru_cache(maxsize=8)
def _versions(rules: Rules) -> dict[str, LawVersion]:
    """The versions of ``law_versions.tsv`` by the key their node has."""
    return {v.key: v for v in rules.law_versions if v.key}


_SYMBOL_GROUP = regex.compile(r"[-/]")
_TERM = regex.compile(r"\d+$")  # the term after an assembly code: QH15 -> QH


def _codes(attrs: dict) -> set[str]:
    """The codes of a node's symbol ("code:QĐ", "code:UBND"), as ``changed_by.tsv`` names them."""
    return {"code:" + _TERM.sub("", c) for c in _SYMBOL_GROUP.split(str(attrs.get("symbol") or "")) if c}


def _is_true(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def _event(g: nx.MultiDiGraph, u: str, v: str, d: dict, rules: Rules) -> Event | None:
    ev = EVENTS.get(d.get("relation"))
    if ev is None or u == v:
        return None
    src, tgt = g.nodes[u], g.nodes[v]
    since, since_from = date_from(src, rules)
    status, part = ev[1], False
    if status in ("repealed", "replaced", "suspended") and _is_true(d.get("partial")):
        status, part = "amended", True
    ignored = ""
    target_day = date_from({"issued": tgt.get("issued")}, rules)[0] or (f"{tgt.get('year')}" if tgt.get("year") else "")
    if since and target_day and since < target_day:
        ignored = "stated by a document dated before this one"
    elif status in TERMINAL and tgt.get("type") in rules.changed_by and not (
            src.get("type") in rules.changed_by[tgt["type"]] or _codes(src) & set(rules.changed_by[tgt["type"]])):
        verb = str(d.get("relation") or "")[:-1]  # replaces -> replace, repeals -> repeal, suspends -> suspend
        ignored = f"a {src.get('type') or 'document'} does not {verb} a {tgt['type']} (changed_by.tsv)"
    elif status in TERMINAL and _said_to_amend(g, u, v):
        ignored = "as many texts say it amends this document"
    return Event(status, u, since, since_from, str(d.get("article") or ""), str(d.get("offsets") or ""),
                 " ".join(str(d.get("evidence") or "").split()), part, ignored,
                 str(d.get("target_issued") or ""), str(d.get("target_places") or ""))


def _said_to_amend(g: nx.MultiDiGraph, u: str, v: str) -> bool:
    """Whether at least as many texts say ``u`` amends ``v`` as say it ends it ("Phụ lục … thay
    thế …" of a decree that amends another; "sửa đổi, bổ sung, thay thế một số quy định …")."""
    said = Counter(d.get("relation") for d in (g.get_edge_data(u, v) or {}).values())
    return said["amends"] > 0 and said["amends"] >= said["replaces"] + said["repeals"]


def _order(e: Event) -> tuple:
    return (e.since == "", e.since, STATUS_ORDER.index(e.status), e.by, e.article)


def events(g: nx.MultiDiGraph, node: str, rules: Rules | None = None) -> list[Event]:
    """What the texts of ``g`` say happened to ``node``, earliest first (unknown dates last),
    ignored statements included (``Event.ignored`` says why)."""
    rules = rules or current_rules()
    out = [e for u, _, d in g.in_edges(node, data=True) if (e := _event(g, u, node, d, rules))]
    return sorted(out, key=_order)


def _describe(e: Event) -> str:
    since = f" since {e.since} ({e.since_from})" if e.since else " (date unknown)"
    what = "part repealed or replaced" if e.part else e.status
    note = f" [ignored: {e.ignored}]" if e.ignored else ""
    return f"{what} by {e.by}{since}: {e.article} {e.offsets} '{e.evidence}'{note}"


def annotate_status(g: nx.MultiDiGraph, rules: Rules | None = None) -> nx.MultiDiGraph:
    """Write the status attributes on every document node and status edge of ``g``."""
    rules = rules or current_rules()
    for u, _, d in g.edges(data=True):
        if d.get("relation") in EVENTS:
            d["since"], d["since_from"] = date_from(g.nodes[u], rules)
    for node, attrs in g.nodes(data=True):
        if attrs.get("kind") != "document":
            continue
        every = events(g, node, rules)
        evs = [e for e in every if not e.ignored]
        by_status: dict[str, list[str]] = defaultdict(list)
        for e in evs:
            by_status[e.status].append(e.by)
        for field, word in EVENTS.values():
            attrs[field] = "|".join(dict.fromkeys(by_status.get(word, [])))
        first = next((e for e in evs if e.status in TERMINAL), None)
        if first is None:
            first = min(evs, key=lambda e: STATUS_ORDER.index(e.status), default=None)
        attrs["status"] = first.status if first else NO_CHANGE
        attrs["status_by"] = first.by if first else ""
        attrs["status_since"] = first.since if first else ""
        first_of = {}  # one line per (status, stating document): its earliest statement
        for e in every:
            first_of.setdefault((e.status, e.by), e)
        attrs["status_evidence"] = " / ".join(_describe(e) for e in first_of.values())
    return g


def ended(g: nx.MultiDiGraph, rules: Rules | None = None) -> dict[str, list[Event]]:
    """Every document the texts say was replaced or repealed (as a whole, not ignored) → those
    events with a known date, earliest first (one pass over the edges)."""
    rules = rules or current_rules()
    out: dict[str, list[Event]] = defaultdict(list)
    for u, v, d in g.edges(data=True):
        if d.get("relation") not in ("repeals", "replaces"):
            continue
        e = _event(g, u, v, d, rules)
        if e is not None and e.status in TERMINAL and e.since and not e.ignored:
            out[v].append(e)
    for evs in out.values():
        evs.sort(key=_order)
    return dict(out)


def status_counts(g: nx.MultiDiGraph) -> Counter:
    return Counter(a.get("status") or NO_CHANGE for _, a in g.nodes(data=True) if a.get("kind") == "document")


def report_lines(g: nx.MultiDiGraph, top: int = 10) -> list[str]:
    """The ``stats`` section: documents by status, and the most-cited ones replaced or repealed."""
    counts = status_counts(g)
    lines = ["Status from the corpus (what its texts say; no text saying anything is 'no change known'):"]
    lines += [f"  {s:<40} {counts[s]:>5}" for s in STATUS_ORDER if counts.get(s)]
    ended = [(n, a) for n, a in g.nodes(data=True) if a.get("kind") == "document" and a.get("status") in TERMINAL]
    ended.sort(key=lambda na: (-int(na[1].get("articles") or 0), na[0]))
    lines += ["", "Replaced or repealed, most cited first (status, by, since):"]
    lines += [f"  {n:<40} {a['status']:<9} {a.get('status_by', '')} {a.get('status_since') or '(date unknown)'}"
              for n, a in ended[:top]] or ["  none"]
    return lines
