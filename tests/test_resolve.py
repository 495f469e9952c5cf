"""Laws named without a year resolve to a version: within the text first, then by the
version in force on the text's date (a fixture law_versions.tsv, not the bundled one)."""
import shutil
from pathlib import Path

import pytest

import citeextract
from citeextract.corpus.graph import build_graph
from citeextract.rules import RuleError, load_rules

PATTERNS = Path(citeextract.__file__).resolve().parent / "patterns"
VERSIONS = """# a fixture table: three laws, Nhà ở with one version only, Đầu tư's second without its effect date
luat\tĐất đai\t45/2013/QH13\t2013-11-29\t2014-07-01\t\tfixture
luat\tĐất đai\t31/2024/QH15\t2024-01-18\t2024-08-01\t45/2013/QH13\tfixture
luat\tNhà ở\t65/2014/QH13\t2014-11-25\t2015-07-01\t\tfixture
luat\tĐầu tư\t67/2014/QH13\t2014-11-26\t2015-07-01\t\tfixture
luat\tĐầu tư\t61/2020/QH14\t2020-06-17\t\t67/2014/QH13\tfixture: effect date left empty
"""


@pytest.fixture(autouse=True)
def fixture_rules(tmp_path_factory, monkeypatch):
    d = tmp_path_factory.getbasetemp() / "rules_resolve"
    if not d.exists():
        shutil.copytree(PATTERNS, d)
        (d / "law_versions.tsv").write_text(VERSIONS, encoding="utf-8")
    monkeypatch.setenv("CITEEXTRACT_PATTERNS", str(d))


def resolved(text, page_date=None):
    doc = citeextract.extract(text, page_date=page_date)
    return [(n.text, n.resolved) for n in doc.named]


SAME = {"how": "same_text"}
CASES = [
    # the text names one version: a bare name is that version
    ("Ngày 2/3/2025, theo Luật Đất đai năm 2024, ... Luật Đất đai quy định rõ.",
     "Luật Đất đai", {"key": "31/2024/QH15", **SAME}),
    ("Căn cứ Luật Đất đai số 31/2024/QH15; các điều của Luật Đất đai được hướng dẫn.",
     "Luật Đất đai", {"key": "31/2024/QH15", **SAME}),
    # two versions named in the text: ambiguous, even with a date
    ("Ngày 2/3/2025. Luật Đất đai năm 2013 và Luật Đất đai năm 2024 khác nhau; Luật Đất đai mới rõ hơn.",
     "Luật Đất đai", None),
    # the version in force on the text's date (effective <= date < the next one's)
    ("Hà Nội, ngày 31 tháng 7 năm 2024. Theo Luật Đất đai, người sử dụng đất có quyền.",
     "Luật Đất đai", {"key": "45/2013/QH13", "how": "in_force_on:2024-07-31"}),
    ("Hà Nội, ngày 01 tháng 8 năm 2024. Theo Luật Đất đai, người sử dụng đất có quyền.",
     "Luật Đất đai", {"key": "31/2024/QH15", "how": "in_force_on:2024-08-01"}),
    ("Số: 5/2016/NĐ-CP\nHà Nội, ngày 3 tháng 2 năm 2016\nTheo Luật Nhà ở, chủ sở hữu có quyền.",
     "Luật Nhà ở", {"key": "65/2014/QH13", "how": "in_force_on:2016-02-03"}),
    # the table cannot decide: before the first version, a law it does not list, no date
    ("Ngày 2/3/2014. Theo Luật Nhà ở, chủ sở hữu có quyền.", "Luật Nhà ở", None),
    ("Ngày 2/3/2025. Theo Luật Doanh nghiệp, doanh nghiệp có quyền.", "Luật Doanh nghiệp", None),
    # a later version whose effect date the table does not give may already be in force
    ("Ngày 2/3/2019. Theo Luật Đầu tư, nhà đầu tư có quyền.", "Luật Đầu tư",
     {"key": "67/2014/QH13", "how": "in_force_on:2019-03-02"}),
    ("Ngày 2/3/2021. Theo Luật Đầu tư, nhà đầu tư có quyền.", "Luật Đầu tư", None),
    ("Theo Luật Đất đai, người sử dụng đất có quyền.", "Luật Đất đai", None),
    # a year the table knows: that version's number; one it does not: none
    ("Theo Luật Đất đai năm 2013, người sử dụng đất có quyền.", "Luật Đất đai năm 2013",
     {"key": "45/2013/QH13", "how": "year"}),
    ("Theo Luật Đất đai năm 1993, người sử dụng đất có quyền.", "Luật Đất đai năm 1993", None),
]


@pytest.mark.parametrize("text,mention,expected", CASES)
def test_resolution(text, mention, expected):
    assert (mention, expected) in resolved(text)


def test_page_date_dates_a_text_without_a_date_of_its_own():
    text = "Theo Luật Đất đai, người sử dụng đất có quyền."
    assert resolved(text, page_date="2025-01-02T08:00:00") == [
        ("Luật Đất đai", {"key": "31/2024/QH15", "how": "in_force_on:2025-01-02"})]
    assert resolved(text, page_date="02/01/2020") == [
        ("Luật Đất đai", {"key": "45/2013/QH13", "how": "in_force_on:2020-01-02"})]


def test_the_subjects_issue_date_comes_before_later_header_dates():
    text = ("Số: 7/2024/NĐ-CP\nHà Nội, ngày 10 tháng 5 năm 2024\nCó hiệu lực từ ngày 01 tháng 9 năm 2024.\n"
            "Theo Luật Đất đai, người sử dụng đất có quyền.")
    assert resolved(text)[0][1] == {"key": "45/2013/QH13", "how": "in_force_on:2024-05-10"}


def test_resolved_is_in_every_output(tmp_path):
    text = "Ngày 2/3/2025. Theo Luật Đất đai, người sử dụng đất có quyền."
    doc = citeextract.extract(text, doc_id="a")
    want = {"key": "31/2024/QH15", "how": "in_force_on:2025-03-02"}
    assert doc.to_dict()["named"][0]["resolved"] == want
    assert citeextract.to_dataframe(doc, kind="named")["resolved"].tolist() == [want]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    from click.testing import CliRunner

    from citeextract.batch import iter_documents
    from citeextract.cli import main

    for fmt in ("parquet", "jsonl"):
        out = tmp_path / f"out_{fmt}"
        r = CliRunner().invoke(main, ["batch", str(tmp_path / "a.txt"), "-o", str(out), "-q", "-j", "1",
                                      "--format", fmt])
        assert r.exit_code == 0, r.output
        (back,) = iter_documents(out)
        assert back.named[0].resolved == want


def test_graph_uses_the_resolved_key_unless_told_not_to():
    a = citeextract.extract("Ngày 2/3/2025. Theo Luật Đất đai, người sử dụng đất có quyền.", doc_id="a")
    b = citeextract.extract("Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024.", doc_id="b")
    g = build_graph([a, b])
    assert g.nodes["31/2024/QH15"]["articles"] == 2 and "luat:Đất đai:" not in g
    g = build_graph([a, b], resolve_laws=False)
    assert g.nodes["31/2024/QH15"]["articles"] == 1 and "luat:Đất đai:" in g


@pytest.mark.parametrize("row,message", [
    ("luat\tĐất đai\t45/2013/QH13\t29/11/2013\t2014-07-01", "not an ISO date"),
    ("luat\tĐất đai\t45/2013/QH13\t\t2014-7-1", "not an ISO date"),
    ("nghi_dinh\tĐất đai\t45/2013/QH13\t2013-11-29\t2014-07-01", "unknown type"),
])
def test_a_malformed_version_table_is_a_rule_error(tmp_path, row, message):
    shutil.copytree(PATTERNS, tmp_path / "p")
    (tmp_path / "p" / "law_versions.tsv").write_text(row + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules(str(tmp_path / "p"))


def test_graph_command_no_resolve(tmp_path):
    from click.testing import CliRunner

    from citeextract.cli import main
    from citeextract.corpus.exports import read_graph

    (tmp_path / "a.txt").write_text("Ngày 2/3/2025. Theo Luật Đất đai, người sử dụng đất có quyền.", encoding="utf-8")
    for args, node in (([], "31/2024/QH15"), (["--no-resolve"], "luat:Đất đai:")):
        out = tmp_path / f"g{len(args)}.json"
        r = CliRunner().invoke(main, ["graph", str(tmp_path / "a.txt"), "-o", str(out), *args])
        assert r.exit_code == 0, r.output
        assert node in read_graph(out)
