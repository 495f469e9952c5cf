"""Pinpoints (annotation guide §1b): text → the pinpoints of the citation or named law it names."""
import pytest

from citeextract import extract

CASES = [
    # (text, key of the mention, expected pinpoints)
    ("Theo khoản 2 Điều 5 Nghị định 61/2018/NĐ-CP, hồ sơ gồm:", "61/2018/NĐ-CP", ["dieu:5/khoan:2"]),
    ("quy định tại điểm a, điểm b khoản 1 Điều 3 của Thông tư 01/2018/TT-VPCP.", "1/2018/TT-VPCP",
     ["dieu:3/khoan:1/diem:a", "dieu:3/khoan:1/diem:b"]),
    ("Điều 4, Điều 5 và Điều 7 Luật Đất đai năm 2024 quy định", "luat:Đất đai:2024",
     ["dieu:4", "dieu:5", "dieu:7"]),
    ("Chương II Nghị định số 15/2020/NĐ-CP quy định về", "15/2020/NĐ-CP", ["chuong:II"]),
    ("các điều kiện tại điểm a, b, c, d, đ khoản 2 Điều 198a Luật số 32/2024/QH15", "32/2024/QH15",
     ["dieu:198a/khoan:2/diem:a", "dieu:198a/khoan:2/diem:b", "dieu:198a/khoan:2/diem:c",
      "dieu:198a/khoan:2/diem:d", "dieu:198a/khoan:2/diem:đ"]),
    # each part belongs to the first larger part written after it
    ("thực hiện theo điểm a khoản 4, khoản 5 Điều 24 Nghị định 06/2021/NĐ-CP", "6/2021/NĐ-CP",
     ["dieu:24/khoan:4/diem:a", "dieu:24/khoan:5"]),
    ("hướng dẫn khoản 3 Điều 87, Điều 92 và Điều 94 của Luật Đất đai năm 2024", "luat:Đất đai:2024",
     ["dieu:87/khoan:3", "dieu:92", "dieu:94"]),
    # bare labels after a comma keep their unit; "các" may open the list
    ("Tại các Điều 26, 27, 28 Nghị định số 103/2024/NĐ-CP", "103/2024/NĐ-CP",
     ["dieu:26", "dieu:27", "dieu:28"]),
    # a range is every part in it
    ("từ Điều 5 đến Điều 8 Thông tư 10/2023/TT-BTC", "10/2023/TT-BTC",
     ["dieu:5", "dieu:6", "dieu:7", "dieu:8"]),
    # Mục, Chương and Phần are left out when an Điều is named; a "tiểu mục" is not a Mục
    ("theo Điều 9 Mục 3 Chương II Nghị định 12/2022/NĐ-CP", "12/2022/NĐ-CP", ["dieu:9"]),
    ("tại tiểu mục 5.2 mục 5 Phần I Công văn 4328/CT-CS", "4328/CT-CS", ["phan:I/muc:5"]),
    ("tại tiểu mục d Mục 3 Hướng dẫn 4705/HD-BQP", "4705/HD-BQP", ["muc:3"]),
    # leading zeros dropped; a line break inside the run; a point numbered, not lettered
    ("theo khoản\n01 Điều 05 Nghị định 100/2024/NĐ-CP", "100/2024/NĐ-CP", ["dieu:5/khoan:1"]),
    ("Căn cứ điểm 13 của Nghị quyết số 142/2024/QH15;", "142/2024/QH15", ["diem:13"]),
    # a law cited by name and number is read from its name
    ("Tại khoản 2 Điều 160 Luật Đất đai số 31/2024/QH15 quy định", "31/2024/QH15", ["dieu:160/khoan:2"]),
    ("theo điểm đ khoản 2 Điều 198a Luật Các tổ chức tín dụng 2024 số 32/2024/QH15", "32/2024/QH15",
     ["dieu:198a/khoan:2/diem:đ"]),
    # no pinpoint: an article heading, a sentence that ends, a common noun
    ("Điều 5. Nghị định 61/2018/NĐ-CP được áp dụng", "61/2018/NĐ-CP", []),
    ("Các điều kiện theo Nghị định 61/2018/NĐ-CP", "61/2018/NĐ-CP", []),
    ("đã ban hành 5 Điều. Nghị định 61/2018/NĐ-CP", "61/2018/NĐ-CP", []),
    ("Nghị định 61/2018/NĐ-CP, Điều 6, 7 Thông tư 05/2024/TT-BXD", "61/2018/NĐ-CP", []),
    ("Nghị định 61/2018/NĐ-CP, Điều 6, 7 Thông tư 05/2024/TT-BXD", "5/2024/TT-BXD", ["dieu:6", "dieu:7"]),
]


@pytest.mark.parametrize("text,key,expected", CASES)
def test_pinpoints(text, key, expected):
    doc = extract(text)
    found = [m for m in [*doc.citations, *doc.named] if m.key == key]
    assert found, f"no mention keyed {key}: {[m.key for m in [*doc.citations, *doc.named]]}"
    assert found[0].pinpoints == expected


def test_pinpoints_in_every_output():
    from citeextract.output.render import CSV_COLUMNS, csv_rows

    doc = extract("Theo khoản 2 Điều 5 Nghị định 61/2018/NĐ-CP và Điều 3 Luật Đất đai năm 2024.", "x")
    assert doc.to_dict()["citations"][0]["pinpoints"] == ["dieu:5/khoan:2"]
    assert doc.to_dict()["named"][0]["pinpoints"] == ["dieu:3"]
    rows = [dict(zip(CSV_COLUMNS, r)) for r in csv_rows(doc)]
    assert [r["pinpoints"] for r in rows if r["kind"] != "date"] == ["dieu:5/khoan:2", "dieu:3"]
