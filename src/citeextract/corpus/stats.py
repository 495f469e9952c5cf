"""Summaries of a citation graph for ``citeextract stats``."""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .graph import conflicts
from .status import report_lines as status_lines


def _docs(g: nx.MultiDiGraph) -> dict[str, dict]:
    return {n: a for n, a in g.nodes(data=True) if a.get("kind") == "document"}


def most_cited(g: nx.MultiDiGraph, n: int = 10) -> list[tuple[str, int, int]]:
    """``(node, articles citing it, mentions)``, most cited first."""
    rows = []
    for node, a in _docs(g).items():
        arts = {u for u, _, d in g.in_edges(node, data=True) if d.get("relation") == "cites"}
        rows.append((node, len(arts), int(a.get("mentions") or 0)))
    return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))[:n]


def implementers_by_decree(g: nx.MultiDiGraph, types: tuple[str, ...] = ("nghi_dinh",)) -> dict[str, list[tuple[str, str]]]:
    """For each national document of ``types``: ``(document, relation)`` that implement it or
    are based on it."""
    out: dict[str, list[tuple[str, str]]] = {}
    for node, a in _docs(g).items():
        if a.get("type") not in types or a.get("jurisdiction") != "national":
            continue
        rows = sorted({(u, d["relation"]) for u, _, d in g.in_edges(node, data=True)
                       if d.get("relation") in ("implements", "based_on", "guides")})
        if rows:
            out[node] = rows
    return dict(sorted(out.items()))


def counts(g: nx.MultiDiGraph, field: str) -> Counter:
    c: Counter = Counter()
    for a in _docs(g).values():
        if field == "issuer":
            vals = [v for v in str(a.get("issuers") or "").split("|") if v] or ["(unknown)"]
            c.update(vals[:1])
        else:
            v = a.get(field)
            c[str(v) if v not in (None, "", 0) else "(unknown)"] += 1
    return c


def report(g: nx.MultiDiGraph, top: int = 10) -> str:
    docs = _docs(g)
    arts = g.number_of_nodes() - len(docs)
    lines = [f"{arts} articles, {len(docs)} documents, {g.number_of_edges()} edges", "",
             "Most cited documents (articles, mentions):"]
    lines += [f"  {n:<40} {a:>4} {m:>5}" for n, a, m in most_cited(g, top)]
    lines += ["", "National decrees and what implements / is based on / guides them:"]
    for node, rows in implementers_by_decree(g).items():
        lines.append(f"  {node}")
        lines += [f"    <- {u} ({r})" for u, r in rows]
    for field, title in (("type", "type"), ("issuer", "issuer"), ("year", "year")):
        lines += ["", f"Documents by {title}:"]
        lines += [f"  {k:<40} {v:>5}" for k, v in counts(g, field).most_common(top)]
    lines += ["", *status_lines(g, top)]
    cf = conflicts(g)
    lines += ["", f"Conflicts ({len(cf)}):"]
    lines += [f"  {n}: {d}" for n, d in cf] or ["  none"]
    return "\n".join(lines)
