"""The citation graph of the bundled corpus (seed articles + dev texts)."""
from pathlib import Path

import pytest

from citeextract.corpus.graph import Item, build_graph, conflicts, relation_edges
from citeextract.models import Citation, Document
from citeextract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]


def _items(*dirs):
    for d in dirs:
        for p in sorted((ROOT / d).glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            yield Item(extract(text, doc_id=p.stem), text, str(p))


@pytest.fixture(scope="module")
def g():
    return build_graph(_items("corpora/seeds", "corpora/dev/raw"))


def _cites(g, node):
    return [u for u, _, d in g.in_edges(node, data=True) if d["relation"] == "cites"]


def test_decree_is_one_node_cited_by_each_article(g):
    assert g.nodes["61/2018/NĐ-CP"]["kind"] == "document"
    cited_by = _cites(g, "61/2018/NĐ-CP")
    assert {"article:001_e05c78b420c34067", "article:004_c81d535b45793fa8"} <= set(cited_by)
    assert len(cited_by) == len(set(cited_by))  # one cites edge per article
    assert not [n for n in g if n.startswith("61/2018/NĐ-CP") and n != "61/2018/NĐ-CP"]


def test_stated_relations(g):
    edges = {(u, d["relation"], v) for u, v, d in relation_edges(g)}
    assert ("76/NQ-CP", "amends", "30c/NQ-CP") in edges
    assert ("1/2018/TT-VPCP", "guides", "61/2018/NĐ-CP") in edges
    ev = [d for u, v, d in relation_edges(g, "guides") if u == "1/2018/TT-VPCP"][0]
    assert ev["article"] == "article:004_c81d535b45793fa8" and "hướng dẫn" in ev["evidence"]


def test_local_plans_are_qualified_by_place(g):
    lang_son = [n for n in g if n.startswith("68/KH-UBND")]
    quang_ngai = [n for n in g if n.startswith("30/KH-UBND")]
    assert lang_son == ["68/KH-UBND@Lạng Sơn/2016"]
    assert quang_ngai == ["30/KH-UBND@Quảng Ngãi/"]
    assert "no_year" in g.nodes[quang_ngai[0]]["flags"]


def test_unnumbered_plan_is_a_node_with_implements_edge(g):
    src = [u for u, v, d in relation_edges(g, "implements") if v == "30/KH-UBND@Quảng Ngãi/"]
    assert len(src) == 1 and src[0].startswith("unnumbered:ke_hoach:")
    assert g.nodes[src[0]]["flags"] == "unnumbered"


def _doc(name, key, issued, issuer, province_text):
    c = Citation(text=key, start=0, end=len(key), type="ke_hoach", key=key, number=key.split("/")[0],
                 year=None, symbol="KH-UBND", issuer=issuer, issued=issued)
    return Item(Document(doc=name, citations=[c]), key + " " + province_text, name)


def test_same_admin_number_in_two_provinces_is_two_nodes():
    g = build_graph([_doc("a", "68/KH-UBND", "2016-06-15", "UBND tỉnh Lạng Sơn", ""),
                     _doc("b", "68/KH-UBND", "2016-03-01", "UBND tỉnh Quảng Ngãi", "")])
    assert sorted(n for n in g if n.startswith("68/")) == ["68/KH-UBND@Lạng Sơn/2016", "68/KH-UBND@Quảng Ngãi/2016"]


def test_unqualifiable_admin_number_stays_separate_and_flagged():
    g = build_graph([_doc("a", "68/KH-UBND", None, None, ""), _doc("b", "68/KH-UBND", None, None, "")])
    nodes = sorted(n for n in g if n.startswith("68/"))
    assert nodes == ["68/KH-UBND#article:a", "68/KH-UBND#article:b"]
    assert all(g.nodes[n]["flags"] == "unqualified" for n in nodes)


def test_conflicting_issue_dates_are_reported():
    a = Document(doc="a", citations=[Citation("x", 0, 1, "nghi_dinh", "61/2018/NĐ-CP", "61", 2018, "NĐ-CP",
                                              issuer="Chính phủ", issued="2018-04-23")])
    b = Document(doc="b", citations=[Citation("x", 0, 1, "nghi_dinh", "61/2018/NĐ-CP", "61", 2018, "NĐ-CP",
                                              issuer="Chính phủ", issued="2018-04-24")])
    g = build_graph([a, b])
    (node, desc), = conflicts(g)
    assert node == "61/2018/NĐ-CP" and "2018-04-23" in desc and "2018-04-24" in desc
