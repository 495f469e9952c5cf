"""Full legal documents: preamble chains, consolidated texts and the subject's effect date.
Tables of text → expected records, written from the shapes of real decrees and circulars."""
import pytest

from citeextract import extract

HEADER = ("BỘ CÔNG THƯƠNG\nSố: {number}\nHà Nội, ngày 10 tháng 3 năm 2025\n\nTHÔNG TƯ\n"
          "Quy định về giá điện\n\n")

S = "12/2025/TT-BCT"
CHAINS = [
    # an amended law and the laws that amended it: based_on all, each amender amends it
    ("Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều bởi các Luật số "
     "43/2024/QH15, số 47/2024/QH15 và Luật số 58/2024/QH15;\n",
     {(S, "based_on", "31/2024/QH15"), (S, "based_on", "43/2024/QH15"), (S, "based_on", "47/2024/QH15"),
      (S, "based_on", "58/2024/QH15"), ("43/2024/QH15", "amends", "31/2024/QH15"),
      ("47/2024/QH15", "amends", "31/2024/QH15"), ("58/2024/QH15", "amends", "31/2024/QH15")}),
    # a decree and the decree that amended it, named in its description
    ("Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ; Nghị định số "
     "105/2024/NĐ-CP ngày 01 tháng 8 năm 2024 sửa đổi, bổ sung một số điều của Nghị định số "
     "96/2022/NĐ-CP và Nghị định số 26/2018/NĐ-CP;\n",
     {(S, "based_on", "96/2022/NĐ-CP"), (S, "based_on", "105/2024/NĐ-CP"), (S, "based_on", "26/2018/NĐ-CP"),
      ("105/2024/NĐ-CP", "amends", "96/2022/NĐ-CP"), ("105/2024/NĐ-CP", "amends", "26/2018/NĐ-CP")}),
    # two cues of one relation describe the same decree; a decree amends the decree, not the law
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\nCăn cứ Nghị định số 78/2025/NĐ-CP "
     "ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và biện pháp để tổ chức hướng dẫn "
     "thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi Nghị định số "
     "187/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ;\n",
     {(S, "based_on", "64/2025/QH15"), (S, "based_on", "78/2025/NĐ-CP"), (S, "based_on", "187/2025/NĐ-CP"),
      (S, "based_on", "64/2025/QH15"), ("78/2025/NĐ-CP", "guides", "64/2025/QH15"),
      ("187/2025/NĐ-CP", "amends", "78/2025/NĐ-CP")}),
    # the standard formula "quy định chi tiết một số điều và biện pháp thi hành Luật …"
    ("Căn cứ Luật Đấu thầu số 22/2023/QH15;\nCăn cứ Nghị định số 23/2024/NĐ-CP ngày 27 tháng 02 năm 2024 của "
     "Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà đầu tư;\n",
     {(S, "based_on", "22/2023/QH15"), (S, "based_on", "23/2024/NĐ-CP"), ("23/2024/NĐ-CP", "guides", "22/2023/QH15")}),
    # a law amended by a law stays the law amended
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số "
     "87/2025/QH15;\n",
     {(S, "based_on", "64/2025/QH15"), (S, "based_on", "87/2025/QH15"), ("87/2025/QH15", "amends", "64/2025/QH15")}),
]


@pytest.mark.parametrize("line,expected", CHAINS)
def test_preamble_chain(line, expected):
    doc = extract(HEADER.format(number=S) + line + "Theo đề nghị của Cục trưởng;\n")
    assert doc.subject == S
    assert {tuple(r.as_triple()) for r in doc.relations} == expected


VBHN = """BỘ CÔNG THƯƠNG
Số: 57/VBHN-BCT
Hà Nội, ngày 26 tháng 11 năm 2025

THÔNG TƯ
QUY ĐỊNH KHUNG GIÁ PHÁT ĐIỆN

Thông tư số 09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương quy định khung giá phát điện, có hiệu lực kể từ ngày 01 tháng 02 năm 2025, được sửa đổi, bổ sung bởi:

1. Thông tư số 25/2025/TT-BCT ngày 13 tháng 4 năm 2025 của Bộ trưởng Bộ Công Thương, có hiệu lực kể từ ngày 13 tháng 5 năm 2025.

2. Thông tư số 54/2025/TT-BCT ngày 21 tháng 11 năm 2025 của Bộ trưởng Bộ Công Thương, có hiệu lực kể từ ngày 21 tháng 11 năm 2025.

Căn cứ Luật Điện lực số 61/2024/QH15;

Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ;

Theo đề nghị của Cục trưởng Cục Điều tiết điện lực;

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chi tiết một số điều của Luật Điện lực số 61/2024/QH15.

Điều 10. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 02 năm 2025.

[1] Thông tư số 25/2025/TT-BCT có căn cứ ban hành như sau:
Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;
"""


def test_consolidated_text():
    doc = extract(VBHN)
    got = {tuple(r.as_triple()) for r in doc.relations}
    assert doc.subject == "57/VBHN-BCT"
    assert {("57/VBHN-BCT", "consolidates", k) for k in ("9/2025/TT-BCT", "25/2025/TT-BCT", "54/2025/TT-BCT")} <= got
    assert {("25/2025/TT-BCT", "amends", "9/2025/TT-BCT"), ("54/2025/TT-BCT", "amends", "9/2025/TT-BCT")} <= got
    # the repeated preamble and articles are the consolidated text's; a footnote's, the amending text's
    assert {("9/2025/TT-BCT", "based_on", "61/2024/QH15"), ("9/2025/TT-BCT", "based_on", "96/2022/NĐ-CP"),
            ("9/2025/TT-BCT", "guides", "61/2024/QH15"), ("25/2025/TT-BCT", "based_on", "40/2025/NĐ-CP")} <= got
    assert not any(s == "57/VBHN-BCT" and rel != "consolidates" for s, rel, _ in got)
    assert doc.effective is None  # its effect clauses are those of the texts it consolidates


EFFECT = [
    ("Điều 5. Hiệu lực thi hành\n1. Nghị định này có hiệu lực thi hành kể từ ngày 01\ntháng 12 năm 2025.\n",
     "2025-12-01"),
    ("Điều 3. Quyết định này có hiệu lực từ ngày 15/02/2026.\n", "2026-02-15"),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n", "2025-03-10"),  # the issue date
    # another document's effect date is not the subject's
    ("Nghị định số 181/2025/NĐ-CP có hiệu lực từ ngày 01/7/2025.\n", None),
    ("Điều 4. Thông tư này có hiệu lực kể từ ngày 45/02/2026.\n", None),  # an impossible date
    # the subject's own type word opening the line, without "này"
    ("**Điều 3. Hiệu lực thi hành**\n\nQuyết định có hiệu lực thi hành kể từ ngày 01 tháng\n01 năm 2026.\n",
     "2026-01-01"),
    # another type word opening the line is another document
    ("Điều 3. Hiệu lực thi hành\nNghị định có hiệu lực thi hành kể từ ngày 01/01/2026.\n", None),
    # a sentence opening with the subject's number
    ("Theo đó, Quyết định 12/2025/QĐ-BCT năm 2025 phê duyệt điều chỉnh giá điện có hiệu lực từ ngày "
     "17/11/2025.\n", "2025-11-17"),
    # "này" wins over a weaker clause
    ("Quyết định 12/2025/QĐ-BCT có hiệu lực từ ngày 17/11/2025.\nĐiều 3. Quyết định này có hiệu lực từ "
     "ngày 20/11/2025.\n", "2025-11-20"),
]


@pytest.mark.parametrize("clause,expected", EFFECT)
def test_effective_date(clause, expected):
    doc = extract(HEADER.format(number="12/2025/QĐ-BCT") + clause)
    assert doc.subject == "12/2025/QĐ-BCT"
    assert doc.effective == expected
    assert doc.to_dict()["effective"] == expected


def test_pdf_text_with_dropped_glyphs():
    """A PDF font that drops the letters with two marks (and Đ) damages the cue as it damages
    the citation: "Căn c Ngh nh s …" is still a basis line."""
    text = ("BỘ XÂY DỰNG\nSố: 15/2020/TT-BXD\n\nTHÔNG TƯ\n\nCăn c Ngh nh s 12/2009/N -CP ngày 12/02/2009 c a "
            "Chính ph v qu n lý d án;\nCăn c Lu t Xây d ng s 50/2014/QH13;\n")
    doc = extract(text)
    assert {tuple(r.as_triple()) for r in doc.relations} == {
        ("15/2020/TT-BXD", "based_on", "12/2009/NĐ-CP"), ("15/2020/TT-BXD", "based_on", "50/2014/QH13")}
    assert "damaged" in doc.citations[1].flags


NATIONAL_DATABASE_RELATIONS = [
    ("Điều 1. Đính chính Thông tư số 05/2025/TT-BCT ngày 10/3/2025 của Bộ trưởng Bộ Công Thương như sau:",
     {(S, "corrects", "5/2025/TT-BCT")}),
    ("Điều 1. Đình chỉ thi hành Quyết định số 123/2025/QĐ-UBND ngày 01/6/2025 của Ủy ban nhân dân tỉnh.",
     {(S, "suspends", "123/2025/QĐ-UBND")}),
    ("Điều 1. Tạm ngưng hiệu lực Thông tư số 12/2024/TT-BCT ngày 01/3/2024.", {(S, "suspends", "12/2024/TT-BCT")}),
    # a part suspended: the document is the target (pinpoints are not keyed)
    ("Điều 1. Đình chỉ việc thi hành khoản 3 Điều 4 Quy định ban hành kèm theo Quyết định số 123/2025/QĐ-UBND.",
     {(S, "suspends", "123/2025/QĐ-UBND")}),
    ("Thông tư này giải thích khoản 2 Điều 5 Luật Điện lực số 61/2024/QH15.", {(S, "interprets", "61/2024/QH15")}),
    # "Giải thích từ ngữ" is an article on definitions; "giải thích rõ cho …" explains to someone
    ("Điều 3. Giải thích từ ngữ\nTrong Luật Điện lực số 61/2024/QH15, các từ ngữ dưới đây được hiểu như sau:", set()),
    ("Cán bộ giải thích rõ cho người dân về Nghị định số 15/2020/NĐ-CP.", set()),
]


@pytest.mark.parametrize("clause,expected", NATIONAL_DATABASE_RELATIONS)
def test_national_database_relations(clause, expected):
    doc = extract(HEADER.format(number=S) + clause)
    got = {tuple(r.as_triple()) for r in doc.relations if r.relation in ("corrects", "suspends", "interprets")}
    assert got == expected
