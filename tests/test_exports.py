"""Every export format loads back with the same nodes and edges."""
import pandas as pd
import networkx as nx
import pytest

from citeextract.corpus.exports import read_graph, table_paths, write_graph
from citeextract.corpus.graph import build_graph
from test_graph import _items


@pytest.fixture(scope="module")
def g():
    return build_graph(_items("corpora/seeds"))


@pytest.mark.parametrize("name,fmt", [("g.graphml", None), ("g.gexf", None), ("g.json", None),
                                      ("g.csv", None), ("g.parquet", None), ("neo", "neo4j")])
def test_round_trip(tmp_path, g, name, fmt):
    write_graph(g, tmp_path / name, fmt)
    h = read_graph(tmp_path / name, fmt)
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    assert set(map(str, h.nodes)) == set(g.nodes)
    rels = sorted((str(u), d["relation"], str(v)) for u, v, d in h.edges(data=True))
    assert rels == sorted((u, d["relation"], v) for u, v, d in g.edges(data=True))


def test_native_readers(tmp_path, g):
    write_graph(g, tmp_path / "g.graphml")
    write_graph(g, tmp_path / "g.gexf")
    assert nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True).number_of_edges() == g.number_of_edges()
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == g.number_of_nodes()
    write_graph(g, tmp_path / "t.parquet")
    nodes, edges = table_paths(tmp_path / "t.parquet", "parquet")
    assert len(pd.read_parquet(nodes)) == g.number_of_nodes()
    assert len(pd.read_parquet(edges)) == g.number_of_edges()


def test_neo4j_headers(tmp_path, g):
    write_graph(g, tmp_path / "neo", "neo4j")
    assert (tmp_path / "neo" / "documents.csv").read_text().split("\n")[0].startswith("id:ID,")
    header = (tmp_path / "neo" / "relations.csv").read_text().split("\n")[0].split(",")
    assert {":START_ID", ":END_ID", ":TYPE"} <= set(header)
