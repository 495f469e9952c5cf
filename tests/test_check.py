"""``citeextract check``: citations of documents replaced or repealed by the citing text's
own date, from small corpora of short texts."""
import json

import pytest
from click.testing import CliRunner

from citeextract.cli import main

REPLACING = ("Số: 20/2024/NĐ-CP\nHà Nội, ngày 10 tháng 5 năm 2024\n"
             "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2024.\n"
             "Nghị định này thay thế Nghị định số 15/2019/NĐ-CP ngày 02 tháng 3 năm 2019.")
AMENDING = ("Số: 30/2024/NĐ-CP\nHà Nội, ngày 15 tháng 3 năm 2024\n"
            "Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 12/2020/NĐ-CP ngày 20 tháng 1 năm 2020.")


def plan(day: str, cited: str) -> str:
    return (f"ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSố: 45/KH-UBND\nLạng Sơn, ngày {day}\n"
            f"Thực hiện Nghị định số {cited} của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.")


# (texts besides the replacing and amending decrees, findings as (doc, key, status, by, since))
CASES = [
    ({"sau": plan("05 tháng 9 năm 2024", "15/2019/NĐ-CP")},
     [("sau", "15/2019/NĐ-CP", "replaced", "20/2024/NĐ-CP", "2024-07-01")]),
    ({"dung_ngay": plan("01 tháng 7 năm 2024", "15/2019/NĐ-CP")},  # on the effect date: stale
     [("dung_ngay", "15/2019/NĐ-CP", "replaced", "20/2024/NĐ-CP", "2024-07-01")]),
    ({"truoc": plan("03 tháng 6 năm 2024", "15/2019/NĐ-CP")}, []),  # before the effect date
    ({"sua_doi": plan("05 tháng 9 năm 2024", "12/2020/NĐ-CP")}, []),  # amended only
    # the text states the replacement itself
    ({"noi_ro": "Ngày 05/9/2024. Nghị định số 20/2024/NĐ-CP thay thế Nghị định số 15/2019/NĐ-CP."}, []),
    # it cites the replacing decree too: it knows of it
    ({"ca_hai": "Ngày 05/9/2024. Áp dụng Nghị định số 15/2019/NĐ-CP hoặc Nghị định số 20/2024/NĐ-CP."}, []),
    # another document with the same number: the texts give it different issue dates
    ({"khac": plan("05 tháng 9 năm 2024", "15/2019/NĐ-CP ngày 8 tháng 8 năm 2019")}, []),
    # a provincial number: the same only when the texts give it the same date or province
    ({"qd_ls": "Số: 50/2024/QĐ-UBND\nLạng Sơn, ngày 10 tháng 5 năm 2024\nQuyết định này có hiệu lực từ ngày "
               "01 tháng 6 năm 2024 và thay thế Quyết định số 7/2022/QĐ-UBND ngày 3 tháng 3 năm 2022 của "
               "UBND tỉnh Lạng Sơn.",
      "hn": plan("05 tháng 9 năm 2024", "7/2022/QĐ-UBND của UBND thành phố Hà Nội"),
      "ls": plan("05 tháng 9 năm 2024", "7/2022/QĐ-UBND của UBND tỉnh Lạng Sơn")},
     [("ls", "7/2022/QĐ-UBND", "replaced", "50/2024/QĐ-UBND", "2024-06-01")]),
    # a consolidated text repeats the preamble of the text it consolidates: an older basis
    ({"vbhn": "Số: 5/VBHN-BCT\nHà Nội, ngày 05 tháng 9 năm 2024\nNGHỊ ĐỊNH\nVề quản lý cụm công nghiệp\n"
              "Nghị định số 66/2020/NĐ-CP ngày 10 tháng 6 năm 2020 của Chính phủ về quản lý cụm công nghiệp, có "
              "hiệu lực kể từ ngày 01 tháng 8 năm 2020, được sửa đổi, bổ sung bởi:\nNghị định số 70/2022/NĐ-CP "
              "ngày 2 tháng 3 năm 2022 của Chính phủ.\nCăn cứ Nghị định số 15/2019/NĐ-CP ngày 02 tháng 3 năm 2019 "
              "của Chính phủ;\nChính phủ ban hành Nghị định về quản lý cụm công nghiệp.\n"}, []),
    # no date of its own: not checked, never a finding
    ({"khong_ngay": "Theo Nghị định số 15/2019/NĐ-CP, cụm công nghiệp không quá 75 ha."}, []),
]


def run(tmp_path, texts, *args):
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    for name, text in {"nd20": REPLACING, "nd30": AMENDING, **texts}.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(d), *args])


def findings(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("texts,expected", CASES)
def test_findings(tmp_path, texts, expected):
    r = run(tmp_path, texts, "--format", "json")
    got = [(f["doc"], f["key"], f["status"], f["by"], f["since"]) for f in findings(r.output)
           if f["status"] != "not checked"]
    assert got == expected
    assert r.exit_code == (1 if expected else 0), r.output


def test_a_finding_has_the_citation_and_the_texts_date(tmp_path):
    text = plan("05 tháng 9 năm 2024", "15/2019/NĐ-CP")
    r = run(tmp_path, {"sau": text}, "--format", "json")
    (f,) = findings(r.output)
    assert text[f["start"]:f["end"]] == f["text"] == "Nghị định số 15/2019/NĐ-CP"
    assert (f["date"], f["date_from"], f["stated_in"], f["evidence"]) == ("2024-09-05", "subject", "nd20", "thay thế")


def test_not_checked_is_reported(tmp_path):
    r = run(tmp_path, {"khong_ngay": CASES[-1][0]["khong_ngay"]}, "--format", "json")
    assert {"doc": "khong_ngay", "status": "not checked", "reason": "no date of its own"} in findings(r.output)
    assert "citeextract: 2 texts checked, 1 not checked, 0 findings" in r.output
    t = run(tmp_path, {}, "--format", "table")
    assert "not checked (no date of their own): khong_ngay" in t.output


def test_table_view(tmp_path):
    r = run(tmp_path, {"sau": plan("05 tháng 9 năm 2024", "15/2019/NĐ-CP")}, "--format", "table")
    assert r.exit_code == 1
    assert "15/2019/NĐ-CP replaced by 20/2024/NĐ-CP since 2024-07-01" in r.output


def test_the_corpus_may_come_from_a_saved_graph_or_a_batch_output(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nd20.txt").write_text(REPLACING, encoding="utf-8")
    (tmp_path / "sau.txt").write_text(plan("05 tháng 9 năm 2024", "15/2019/NĐ-CP"), encoding="utf-8")
    alone = CliRunner().invoke(main, ["check", str(tmp_path / "sau.txt"), "-f", "json"])
    assert alone.exit_code == 0 and not findings(alone.output)  # the inputs alone say nothing
    assert CliRunner().invoke(main, ["graph", str(corpus), "-o", str(tmp_path / "g.graphml")]).exit_code == 0
    assert CliRunner().invoke(main, ["batch", str(corpus), "-o", str(tmp_path / "b"), "-q", "-j", "1"]).exit_code == 0
    for where in ("g.graphml", "b"):
        r = CliRunner().invoke(main, ["check", str(tmp_path / "sau.txt"), "--graph", str(tmp_path / where),
                                      "-f", "json"])
        assert r.exit_code == 1, r.output
        assert [f["by"] for f in findings(r.output)] == ["20/2024/NĐ-CP"]


@pytest.mark.parametrize("args,message", [
    (["--graph", "nowhere.graphml"], "no such file"),
    (["--graph", "."], "not a saved graph"),
    (["--format", "xml"], "Invalid value"),
])
def test_usage_errors_exit_2(tmp_path, args, message):
    r = run(tmp_path, {}, *args)
    assert r.exit_code == 2 and message in r.output and "Traceback" not in r.output


def test_an_unreadable_input_exits_2(tmp_path):
    r = run(tmp_path, {})
    assert r.exit_code == 0
    r = CliRunner().invoke(main, ["check", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-f", "json"])
    assert r.exit_code == 2 and "missing.txt: no such file" in r.output and "Traceback" not in r.output


DATES = [
    # text, page date, (date, from)
    ("Số: 7/2024/NĐ-CP\nHà Nội, ngày 10 tháng 5 năm 2024\nCó hiệu lực từ ngày 01/9/2024.", None,
     ("2024-05-10", "subject")),
    ("Tin ngày 3/4/2023: Sở họp. Ngày 5/6/2023 Sở họp lại.", "2024-01-02T07:00:00", ("2024-01-02", "page")),
    ("Tin ngày 3/4/2023: Sở họp. Ngày 5/6/2023 Sở họp lại, năm 2025 họp tiếp.", None, ("2023-06-05", "header")),
    ("x" * 1600 + " ngày 5/6/2023", None, (None, "none")),  # past the header
    ("Sở họp trong tháng 6/2023.", None, (None, "none")),  # not a full date
    # a date that opens or closes a period is not the text's own ("Từ 01/01/2025, lương tăng")
    ("Tin ngày 20/12/2024\nTừ 01/01/2025, mức lương cơ sở tăng.\nĐến ngày 31/12/2025 thì hết hạn.", None,
     ("2024-12-20", "header")),
    ("Tin ngày 20/12/2024. Mức phí áp dụng kể từ ngày 01/01/2025.", None, ("2024-12-20", "header")),
]


@pytest.mark.parametrize("text,page,expected", DATES)
def test_the_texts_own_date(text, page, expected):
    import citeextract
    from citeextract.pipeline.textdate import text_date

    assert text_date(citeextract.extract(text), page) == expected
