"""What the corpus says happened to each document: from the relation edges its texts state,
dated by the stating document's effect date, else its issue date."""
from pathlib import Path

import pytest
from click.testing import CliRunner

import citeextract
from citeextract.cli import main
from citeextract.corpus.exports import read_graph, write_graph
from citeextract.corpus.graph import build_graph
from citeextract.corpus.status import NO_CHANGE

REPLACING = ("Số: 20/2024/NĐ-CP\nHà Nội, ngày 10 tháng 5 năm 2024\n"
             "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2024.\n"
             "Nghị định này thay thế Nghị định số 15/2019/NĐ-CP ngày 02 tháng 3 năm 2019.")
REPLACING_NO_EFFECT = ("Số: 21/2024/NĐ-CP\nHà Nội, ngày 12 tháng 5 năm 2024\n"
                       "Nghị định này thay thế Nghị định số 16/2019/NĐ-CP ngày 02 tháng 3 năm 2019.")
AMENDING = ("Số: 30/2024/NĐ-CP\nHà Nội, ngày 15 tháng 3 năm 2024\n"
            "Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 12/2020/NĐ-CP ngày 20 tháng 1 năm 2020.")
REPEALING = ("Số: 40/2024/NĐ-CP\nHà Nội, ngày 15 tháng 4 năm 2024\n"
             "Bãi bỏ Nghị định số 8/2018/NĐ-CP ngày 2 tháng 1 năm 2018 của Chính phủ.")
PART_REPEALING = ("Số: 41/2024/NĐ-CP\nHà Nội, ngày 16 tháng 4 năm 2024\n"
                  "Bãi bỏ khoản 5 Điều 6 Nghị định số 9/2018/NĐ-CP ngày 2 tháng 1 năm 2018 của Chính phủ.")
EARLIER = ("Số: 3/2015/NĐ-CP\nHà Nội, ngày 6 tháng 1 năm 2015\n"
           "Nghị định này thay thế Nghị định số 50/2020/NĐ-CP ngày 2 tháng 3 năm 2020.")
GOVERNMENT_ON_A_LAW = ("Số: 74/NQ-CP\nHà Nội, ngày 7 tháng 4 năm 2025\n"
                       "Nghị quyết này thay thế Luật Đất đai số 45/2013/QH13.")
CITING = "Ngày 5/9/2024, Sở ban hành Kế hoạch số 45/KH-SCT thực hiện Nghị định số 6/2020/NĐ-CP."
PASSIVE_PART = ("Ngày 2/6/2025. Quy chế ban hành kèm theo Thông tư 08/2022/TT-BGDĐT (có cụm từ bị thay thế bởi "
                "Thông tư 06/2025/TT-BGDĐT ngày 19 tháng 3 năm 2025).")
APPENDIX = ("Ngày 2/6/2025. Mẫu số 03/TNC tại Phụ lục III ban hành kèm theo Nghị định 70/2025/NĐ-CP ngày 20 tháng 3 "
            "năm 2025 (thay thế Nghị định 123/2020/NĐ-CP).")
EXPIRY_LIST = ("Số: 60/2025/NĐ-CP\nHà Nội, ngày 30 tháng 6 năm 2025\nĐiều 44. Hiệu lực thi hành\n"
               "1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n"
               "2. Kể từ ngày Nghị định này có hiệu lực thi hành, các Nghị định và các điều khoản sau đây hết hiệu "
               "lực thi hành:\na) Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015 của Chính phủ;\n"
               "b) Khoản 2 Điều 3 của Nghị định số 135/2020/NĐ-CP ngày 18 tháng 11 năm 2020 của Chính phủ.\n")
PROVISIONS = ("Số: 71/2025/NĐ-CP\nHà Nội, ngày 30 tháng 6 năm 2025\n2. Nghị định này bãi bỏ các quy định về đào tạo, "
              "bồi dưỡng công chức quy định tại Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ "
              "về đào tạo, bồi dưỡng cán bộ, công chức, viên chức và Nghị định số 89/2021/NĐ-CP ngày 18 tháng 10 "
              "năm 2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 101/2017/NĐ-CP.")
AMENDS_IT = ("Số: 70/2025/NĐ-CP\nHà Nội, ngày 20 tháng 3 năm 2025\nNghị định này sửa đổi, bổ sung một số điều của "
             "Nghị định số 123/2020/NĐ-CP ngày 19 tháng 10 năm 2020.")


@pytest.fixture(scope="module")
def graph():
    texts = [REPLACING, REPLACING_NO_EFFECT, AMENDING, REPEALING, PART_REPEALING, EARLIER, GOVERNMENT_ON_A_LAW,
             CITING, PASSIVE_PART, APPENDIX, AMENDS_IT, EXPIRY_LIST, PROVISIONS]
    return build_graph([citeextract.extract(t, doc_id=f"t{i}") for i, t in enumerate(texts)])


STATUS = [
    # node, status, by, since
    ("15/2019/NĐ-CP", "replaced", "20/2024/NĐ-CP", "2024-07-01"),  # the replacing decree's effect date
    ("16/2019/NĐ-CP", "replaced", "21/2024/NĐ-CP", "2024-05-12"),  # no effect date: its issue date
    ("12/2020/NĐ-CP", "amended", "30/2024/NĐ-CP", "2024-03-15"),
    ("8/2018/NĐ-CP", "repealed", "40/2024/NĐ-CP", "2024-04-15"),
    ("9/2018/NĐ-CP", "amended", "41/2024/NĐ-CP", "2024-04-16"),  # a part repealed: amended
    ("50/2020/NĐ-CP", NO_CHANGE, "", ""),  # "replaced" by a decree of 2015: ignored
    ("45/2013/QH13", NO_CHANGE, "", ""),  # a Government resolution does not replace a law
    ("8/2022/TT-BGDĐT", "amended", "6/2025/TT-BGDĐT", "2025-03-19"),  # words of it replaced
    ("123/2020/NĐ-CP", "amended", "70/2025/NĐ-CP", "2025-03-20"),  # "replaced" once, amended once
    ("115/2015/NĐ-CP", "repealed", "60/2025/NĐ-CP", "2025-07-01"),  # an item of an expiry list
    ("135/2020/NĐ-CP", "amended", "60/2025/NĐ-CP", "2025-07-01"),  # … whose item is a part of it
    # "các quy định về … quy định tại": amended, first by 89/2021 (its title says so), then by 71/2025
    ("101/2017/NĐ-CP", "amended", "89/2021/NĐ-CP", "2021-10-18"),
    ("89/2021/NĐ-CP", "amended", "71/2025/NĐ-CP", "2025-06-30"),  # … and the one coordinated with it
    ("6/2020/NĐ-CP", NO_CHANGE, "", ""),  # only cited
    ("20/2024/NĐ-CP", NO_CHANGE, "", ""),
]


@pytest.mark.parametrize("node,status,by,since", STATUS)
def test_status(graph, node, status, by, since):
    a = graph.nodes[node]
    assert (a["status"], a["status_by"], a["status_since"]) == (status, by, since)


def test_the_lists_and_the_evidence(graph):
    a = graph.nodes["15/2019/NĐ-CP"]
    assert a["replaced_by"] == "20/2024/NĐ-CP" and a["amended_by"] == a["repealed_by"] == ""
    assert graph.nodes["101/2017/NĐ-CP"]["amended_by"] == "89/2021/NĐ-CP|71/2025/NĐ-CP"
    assert "article:t0" in a["status_evidence"] and "'thay thế'" in a["status_evidence"]
    assert "ignored" in graph.nodes["50/2020/NĐ-CP"]["status_evidence"]
    evidence = graph.nodes["45/2013/QH13"]["status_evidence"]
    assert "does not replace a luat (changed_by.tsv)" in evidence or "does not repeal a luat (changed_by.tsv)" in evidence
    (edge,) = [d for _, _, d in graph.in_edges("15/2019/NĐ-CP", data=True) if d["relation"] == "replaces"]
    assert (edge["since"], edge["since_from"], edge["article"]) == ("2024-07-01", "effective", "article:t0")


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json", ".csv", ".parquet"])
def test_status_survives_every_export(graph, tmp_path, suffix):
    path = tmp_path / f"g{suffix}"
    write_graph(graph, path)
    back = read_graph(path)
    assert back.nodes["15/2019/NĐ-CP"]["status"] == "replaced"
    assert back.nodes["15/2019/NĐ-CP"]["status_since"] == "2024-07-01"


def test_stats_summarises_status(tmp_path):
    for i, t in enumerate([REPLACING, AMENDING]):
        (tmp_path / f"t{i}.txt").write_text(t, encoding="utf-8")
    r = CliRunner().invoke(main, ["stats", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "Status from the corpus" in r.output
    assert "15/2019/NĐ-CP" in r.output.split("Replaced or repealed")[1]


def test_a_laws_effect_date_comes_from_the_version_table(tmp_path, monkeypatch):
    import shutil

    patterns = tmp_path / "patterns"
    shutil.copytree(Path(citeextract.__file__).resolve().parent / "patterns", patterns)
    (patterns / "law_versions.tsv").write_text(
        "luat\tThuế thu nhập cá nhân\t04/2007/QH12\t2007-11-21\t2009-01-01\t\tfixture\n"
        "luat\tThuế thu nhập cá nhân\t109/2025/QH15\t2025-12-10\t2026-07-01\t04/2007/QH12\tfixture\n",
        encoding="utf-8")
    monkeypatch.setenv("CITEEXTRACT_PATTERNS", str(patterns))
    # a page dates the new law by its draft and says nothing of its effect date
    text = ("Dự thảo ngày 29/8/2025: Luật Thuế thu nhập cá nhân số 109/2025/QH15 ngày 29 tháng 8 năm 2025 "
            "thay thế Luật Thuế thu nhập cá nhân số 04/2007/QH12.")
    g = build_graph([citeextract.extract(text, doc_id="a")])
    a = g.nodes["4/2007/QH12"]
    assert (a["status"], a["status_by"], a["status_since"]) == ("replaced", "109/2025/QH15", "2026-07-01")
    assert "(law_versions)" in a["status_evidence"]
