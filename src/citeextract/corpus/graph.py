"""The citation graph of a corpus: a networkx ``MultiDiGraph`` with plain-data attributes.

Nodes: ``article`` (one per input text) and ``document`` (one per real document, see
:mod:`citeextract.corpus.identity`). Edges: article → document ``cites`` (mention count, offsets),
document → document with the relation type (``implements``, ``based_on``, ``amends`` …) and
the article stating it as ``article``. Attribute values are str/int/bool only (lists joined
with ``|``) so the graph survives GraphML, GEXF, JSON, CSV, Parquet and Neo4j exports.
Conflicts (one node cited with different issue dates or issuers) are kept in the node's
``conflicts`` attribute and listed by :func:`conflicts`. A law named without a year is the
node of the version it resolves to (``NamedLaw.resolved``) unless ``resolve=False``; a
document node has ``effective`` (the effect dates the texts whose subject it is give), and
what the corpus says happened to it (:mod:`citeextract.corpus.status`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .identity import ArticleContext, mention_places, resolve
from .status import EVENTS, annotate_status
from ..pipeline.keys import norm_key
from ..pipeline.resolve import resolved_key
from ..models import Document
from ..rules import rules as current_rules

SEP = "|"


@dataclass
class Item:
    doc: Document
    text: str | None = None
    path: str | None = None


def _join(values: Iterable) -> str:
    return SEP.join(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def _split(value: object) -> list[str]:
    return [v for v in str(value or "").split(SEP) if v]


def article_id(doc: Document, path: str | None) -> str:
    return f"article:{doc.doc or path}"


def build_graph(items: Iterable[Item | Document], *, resolve_laws: bool = True,
                status: bool = True) -> nx.MultiDiGraph:
    """One graph for a whole corpus; ``resolve_laws=False`` keeps a law named without a year
    as its own node, ``status=False`` leaves out the status attributes."""
    rules = current_rules()
    g = nx.MultiDiGraph()
    seen: dict[str, dict] = defaultdict(lambda: defaultdict(set))  # node -> field -> values
    for item in items:
        if isinstance(item, Document):
            item = Item(item)
        doc = item.doc
        aid = article_id(doc, item.path)
        meta = doc.metadata or {}
        g.add_node(aid, kind="article", label=str(doc.doc or item.path), doc=str(doc.doc or ""),
                   path=str(item.path or meta.get("path") or ""), url=str(meta.get("url") or ""),
                   title=str(meta.get("title") or _first_line(item.text)),
                   date=str(meta.get("date") or ""), subject=str(doc.subject or ""))
        ctx = ArticleContext.of(aid, item.text, meta, rules)
        by_key: dict[str, list] = defaultdict(list)
        key_of: dict[str, str] = {}  # normalised key -> the key as the first mention gives it
        for c in doc.citations:
            by_key[norm_key(c.key)].append(c)
            key_of.setdefault(norm_key(c.key), c.key)
        named_as: dict[str, str] = {}  # a named law's own key -> the key its node has
        for n in doc.named:
            key = resolved_key(n) if resolve_laws else n.key
            k = norm_key(key)
            by_key[k].append(n)
            key_of.setdefault(k, key)
            named_as[norm_key(n.key)] = k
        node_of: dict[str, str] = {}
        for nk, ms in by_key.items():
            ident = resolve(key_of[nk], ms, ctx, rules)
            node_of[nk] = ident.node
            first = ms[0]
            if not g.has_node(ident.node):
                g.add_node(ident.node, kind="document", label=ident.key, key=ident.key,
                           type=first.type, number=str(getattr(first, "number", "") or ""),
                           year=int(getattr(first, "year", None) or ident.year or 0),
                           symbol=str(getattr(first, "symbol", "") or ""),
                           jurisdiction="national" if ident.national else (ident.place or ""),
                           flags=_join(ident.flags), mentions=0, articles=0)
            s = seen[ident.node]
            for m in ms:
                if getattr(m, "issuer", None):
                    s["issuer"].add(m.issuer)
                if m.issued:
                    s["issued"].add(m.issued)
                    s[("issued_by", m.issued)].add(aid)
                if getattr(m, "title", None):
                    s["titles"].add(m.title)
            g.nodes[ident.node]["mentions"] += len(ms)
            g.nodes[ident.node]["articles"] += 1
            g.add_edge(aid, ident.node, key="cites", relation="cites", count=len(ms),
                       offsets=_join(f"{m.start}-{m.end}" for m in ms), article=aid)
        key_of_node = {node: nk for nk, node in node_of.items()}
        for own, k in named_as.items():
            node_of.setdefault(own, node_of[k])
        if doc.subject and doc.effective and norm_key(doc.subject) in node_of:
            seen[node_of[norm_key(doc.subject)]]["effective"].add(doc.effective)
        for u in doc.unnumbered:
            node_of[norm_key(u.key)] = u.key
            if not g.has_node(u.key):
                g.add_node(u.key, kind="document", label=u.title, key=u.key, type=u.type, number="",
                           year=int(u.issued[:4]) if u.issued else 0, symbol="",
                           jurisdiction=ctx.province or "", flags="unnumbered", mentions=0, articles=0)
            g.nodes[u.key]["mentions"] += 1
            g.nodes[u.key]["articles"] += 1
            seen[u.key]["titles"].add(u.title)
            if u.issuer:
                seen[u.key]["issuer"].add(u.issuer)
            g.add_edge(aid, u.key, key="cites", relation="cites", count=1,
                       offsets=f"{u.start}-{u.end}", article=aid)
        rels = [*doc.relations, *(r for u in doc.unnumbered for r in u.relations)]
        for r in rels:
            src, tgt = node_of.get(norm_key(r.source)), node_of.get(norm_key(r.target))
            if not src or not tgt:
                continue
            ek = f"{r.relation}:{aid}"
            if not g.has_edge(src, tgt, key=ek):
                g.add_edge(src, tgt, key=ek, relation=r.relation, article=aid,
                           evidence=" ".join((r.evidence or "").split()), count=1, offsets=f"{r.start}-{r.end}",
                           partial=bool(r.partial))
                if r.relation in EVENTS:  # how this text describes the document changed
                    ms = by_key.get(key_of_node.get(tgt, ""), [])
                    g.edges[src, tgt, ek]["target_issued"] = _join(sorted({m.issued for m in ms if m.issued}))
                    g.edges[src, tgt, ek]["target_places"] = _join(sorted(mention_places(ms, ctx, rules)))
            elif not r.partial:  # the text states it of the whole document too
                g.edges[src, tgt, ek]["partial"] = False
    for node, s in seen.items():
        attrs = g.nodes[node]
        attrs["issuers"] = _join(sorted(s["issuer"]))
        attrs["issued"] = _join(sorted(s["issued"]))
        attrs["titles"] = _join(sorted(s["titles"]))
        attrs["effective"] = _join(sorted(s["effective"]))
        notes = []
        if len(s["issued"]) > 1:
            notes.append("issued: " + "; ".join(
                f"{d} ({', '.join(sorted(s[('issued_by', d)]))})" for d in sorted(s["issued"])))
        if len({_issuer_norm(i) for i in s["issuer"]}) > 1 and attrs["articles"] > 1:
            notes.append("issuer: " + "; ".join(sorted(s["issuer"])))
        attrs["conflicts"] = " / ".join(notes)
    for _, attrs in g.nodes(data=True):
        for k in ("issuers", "issued", "titles", "conflicts", "effective"):
            attrs.setdefault(k, "")
    return annotate_status(g) if status else g


def _issuer_norm(s: str) -> str:
    s = s.casefold().replace("ủy ban nhân dân", "ubnd").replace("uỷ ban nhân dân", "ubnd")
    return " ".join(s.replace("của", "").split())


def _first_line(text: str | None) -> str:
    for line in (text or "").splitlines():
        if line.strip(" \t*#|"):
            return " ".join(line.strip(" \t*#|").split())[:200]
    return ""


def conflicts(g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """``(node, description)`` for every document cited with different dates or issuers."""
    return [(n, a["conflicts"]) for n, a in g.nodes(data=True) if a.get("conflicts")]


def documents(g: nx.MultiDiGraph) -> list[str]:
    return [n for n, a in g.nodes(data=True) if a.get("kind") == "document"]


def relation_edges(g: nx.MultiDiGraph, relation: str | None = None) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in g.edges(data=True)
            if d.get("relation") != "cites" and (relation is None or d.get("relation") == relation)]


def implementers(g: nx.MultiDiGraph, node: str) -> list[str]:
    """Documents that implement (or are based on) ``node``."""
    return sorted({u for u, _, d in g.in_edges(node, data=True) if d.get("relation") in ("implements", "based_on")})
