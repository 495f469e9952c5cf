"""Write and read the citation graph: GraphML, GEXF, node-link JSON, CSV and Parquet
node/edge tables, and the CSV files of ``neo4j-admin database import``.

Table formats write two files next to each other: ``<stem>.nodes.<ext>`` and
``<stem>.edges.<ext>`` (``-o graph.csv`` → ``graph.nodes.csv``, ``graph.edges.csv``). Neo4j
writes a directory with ``articles.csv``, ``documents.csv``, ``cites.csv`` and
``relations.csv`` (headers with ``:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``).
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd

FORMATS = ("graphml", "gexf", "json", "csv", "parquet", "neo4j")
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
            ".parquet": "parquet"}


class ExportError(ValueError):
    """A format that cannot be guessed or a file that cannot be written/read."""


def guess_format(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        return fmt
    p = Path(path)
    if p.suffix.lower() in SUFFIXES:
        return SUFFIXES[p.suffix.lower()]
    if p.is_dir() and (p / "documents.csv").exists():
        return "neo4j"
    raise ExportError(f"{path}: cannot tell the format from the name; use --format "
                      f"({', '.join(FORMATS)})")


def table_paths(path: str | Path, ext: str) -> tuple[Path, Path]:
    p = Path(path)
    stem = p.name[: -len(p.suffix)] if p.suffix.lower() == "." + ext else p.name
    stem = stem.removesuffix(".nodes").removesuffix(".edges")
    return p.with_name(f"{stem}.nodes.{ext}"), p.with_name(f"{stem}.edges.{ext}")


def node_table(g: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [{"id": n, **a} for n, a in g.nodes(data=True)]
    return pd.DataFrame(rows)


def edge_table(g: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in g.edges(keys=True, data=True)]
    return pd.DataFrame(rows, columns=None if rows else ["source", "target", "key", "relation"])


def write_graph(g: nx.MultiDiGraph, path: str | Path, fmt: str | None = None) -> list[Path]:
    """Write ``g``; return the files written."""
    fmt = guess_format(path, fmt)
    p = Path(path)
    try:
        if fmt in ("graphml", "gexf", "json"):
            p.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(g, p)
        elif fmt == "gexf":
            nx.write_gexf(g, p)
        elif fmt == "json":
            data = nx.node_link_data(g, edges="links")
            p.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        elif fmt in ("csv", "parquet"):
            np_, ep = table_paths(p, fmt)
            np_.parent.mkdir(parents=True, exist_ok=True)
            nt, et = node_table(g), edge_table(g)
            if fmt == "csv":
                nt.to_csv(np_, index=False)
                et.to_csv(ep, index=False)
            else:
                nt.to_parquet(np_, index=False)
                et.to_parquet(ep, index=False)
            return [np_, ep]
        elif fmt == "neo4j":
            return _write_neo4j(g, p)
        else:
            raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    return [p]


def _write_neo4j(g: nx.MultiDiGraph, d: Path) -> list[Path]:
    d.mkdir(parents=True, exist_ok=True)
    nt = node_table(g)
    out = []
    for kind, label, name in (("article", "Article", "articles.csv"), ("document", "Document", "documents.csv")):
        part = nt[nt["kind"] == kind].dropna(axis=1, how="all").rename(columns={"id": "id:ID"})
        part[":LABEL"] = label
        part.to_csv(d / name, index=False)
        out.append(d / name)
    et = edge_table(g).rename(columns={"source": ":START_ID", "target": ":END_ID"})
    et[":TYPE"] = et["relation"].str.upper()
    et = et.drop(columns=["key"])
    cites = et[et["relation"] == "cites"].dropna(axis=1, how="all")
    rels = et[et["relation"] != "cites"].dropna(axis=1, how="all")
    cites.to_csv(d / "cites.csv", index=False)
    rels.to_csv(d / "relations.csv", index=False)
    return [*out, d / "cites.csv", d / "relations.csv"]


def read_graph(path: str | Path, fmt: str | None = None) -> nx.MultiDiGraph:
    """Load a graph written by :func:`write_graph` (any format)."""
    fmt = guess_format(path, fmt)
    p = Path(path)
    try:
        if fmt == "graphml":
            return nx.MultiDiGraph(nx.read_graphml(p, force_multigraph=True))
        if fmt == "gexf":
            return nx.MultiDiGraph(nx.read_gexf(p))
        if fmt == "json":
            return nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), directed=True,
                                      multigraph=True, edges="links")
        if fmt in ("csv", "parquet"):
            np_, ep = table_paths(p, fmt)
            reader = pd.read_csv if fmt == "csv" else pd.read_parquet
            return _from_tables(reader(np_), reader(ep))
        if fmt == "neo4j":
            nodes = pd.concat([pd.read_csv(p / "articles.csv"), pd.read_csv(p / "documents.csv")])
            nodes = nodes.rename(columns={"id:ID": "id"}).drop(columns=[":LABEL"])
            edges = pd.concat([pd.read_csv(p / "cites.csv"), pd.read_csv(p / "relations.csv")])
            edges = edges.rename(columns={":START_ID": "source", ":END_ID": "target"}).drop(columns=[":TYPE"])
            return _from_tables(nodes, edges)
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path}: cannot read a {fmt} graph ({exc})") from None
    raise ExportError(f"unknown format {fmt!r}")


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if not (isinstance(v, float) and pd.isna(v))}


def _from_tables(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for row in nodes.to_dict("records"):
        row = _clean(row)
        g.add_node(row.pop("id"), **row)
    for row in edges.to_dict("records"):
        row = _clean(row)
        u, v = row.pop("source"), row.pop("target")
        key = row.pop("key", None)
        g.add_edge(u, v, key=key, **row)
    return g
