"""Relations and subject on real sentences (annotation guide §4–5)."""
import pytest

from citeextract.pipeline import extract

CASES = [
    # amends: the sentence's subject citation is the source
    ("Tiếp tục tuyên truyền Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ; Nghị quyết 76/NQ-CP "
     "ngày 13/6/2013 của Chính phủ, sửa đổi, bổ sung một số điều của Nghị quyết 30c/NQ-CP ngày 08/11/2011.",
     {("76/NQ-CP", "amends", "30c/NQ-CP")}),
    # guides
    ("Tuyên truyền Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành "
     "một số quy định của Nghị định số 61/2018/NĐ-CP.",
     {("1/2018/TT-VPCP", "guides", "61/2018/NĐ-CP")}),
    # replaces, source = subject announced by the lead sentence
    ("Ngày 14 tháng 4 năm 2017, Chính phủ ban hành Nghị định số 43/2017/NĐ-CP về nhãn hàng hóa. Nghị định "
     "này có hiệu lực thi hành từ ngày 01 tháng 6 năm 2017 (thay thế Nghị định 89/2006/NĐ-CP ngày 30/8/2006).",
     {("43/2017/NĐ-CP", "replaces", "89/2006/NĐ-CP")}),
    # passive amendment
    ("Tại Điều 4 Nghị định 101/2012/NĐ-CP về việc thanh toán không dùng tiền mặt (đã được sửa đổi, bổ sung "
     "bởi khoản 1 Điều 1 Nghị định 80/2016/NĐ-CP) quy định như sau:",
     {("80/2016/NĐ-CP", "amends", "101/2012/NĐ-CP")}),
    # "Thực hiện X, … đã ban hành Y": Y implements X
    ("Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục "
     "hành chính, ngày 26 tháng 01 năm 2011, Văn phòng Chính phủ và Bộ Nội vụ đã ban hành Thông tư liên "
     "tịch số 01/2011/TTLT-VPCP-BNV hướng dẫn chức năng.",
     {("1/2011/TTLT-VPCP-BNV", "implements", "63/2010/NĐ-CP")}),
    # "thực hiện theo" applies a text, it does not implement it
    ("Tiêu chuẩn sức khỏe thực hiện theo Thông tư liên tịch 50/2016/TTLT-BQP-BCA.", set()),
    # a cue far from the citation states nothing
    ("Phòng giúp Giám đốc tổ chức thực hiện công tác kiểm soát thủ tục hành chính theo quy định của "
     "Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ.", set()),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentence_relations(text, expected):
    assert {tuple(r.as_triple()) for r in extract(text).relations} == expected


PREAMBLE = """ỦY BAN NHÂN DÂN
Số: 2165/QĐ-UBND
Hòa Bình, ngày 31 tháng 10 năm 2017
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Căn cứ Nghị quyết số 76/NQ-CP ngày 13/6/2013 của Chính phủ về việc sửa đổi, bổ sung một số điều của Nghị quyết số 30c/NQ-CP;
Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính;
Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 và Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ;
QUYẾT ĐỊNH:
"""


def test_preamble_based_on_and_subject():
    doc = extract(PREAMBLE)
    assert doc.subject == "2165/QĐ-UBND"
    got = {tuple(r.as_triple()) for r in doc.relations}
    assert got == {
        ("2165/QĐ-UBND", "based_on", "luat:Tổ chức chính quyền địa phương:2015"),
        ("2165/QĐ-UBND", "based_on", "76/NQ-CP"),
        ("76/NQ-CP", "amends", "30c/NQ-CP"),
        # every document a "Căn cứ" line names, the amended one too (annotation guide §4)
        ("2165/QĐ-UBND", "based_on", "30c/NQ-CP"),
        ("2165/QĐ-UBND", "based_on", "63/2010/NĐ-CP"),
        ("2165/QĐ-UBND", "based_on", "48/2013/NĐ-CP"),
        ("2165/QĐ-UBND", "based_on", "92/2017/NĐ-CP"),
    }


def test_qa_basis_is_not_a_preamble():
    doc = extract("**Hỏi đáp**\n\nCăn cứ Điều 71 Nghị định 129/2025/NĐ-CP quy định như sau:\n")
    assert doc.relations == []


def test_unnumbered_plan_implements():
    text = ("Thực hiện Kế hoạch số 30/KH-UBND ngày 23/02/2022 của UBND tỉnh Quảng Ngãi, Sở Khoa học và "
            "Công nghệ ban hành Kế hoạch truyền thông về hoạt động kiểm soát TTHC năm 2022.")
    doc = extract(text)
    assert doc.relations == []  # the source has no number: not a scored triple
    assert len(doc.unnumbered) == 1
    u = doc.unnumbered[0]
    assert u.type == "ke_hoach" and u.title.startswith("Kế hoạch truyền thông")
    assert [r.as_triple()[1:] for r in u.relations] == [["implements", "30/KH-UBND"]]
    assert text[u.start:u.end] == u.text
    assert doc.to_dict()["unnumbered"][0]["key"] == u.key


def test_relation_offsets_index_original_text():
    text = "Nghị quyết 76/NQ-CP của Chính phủ sửa đổi, bổ sung\u00a0một số điều của Nghị quyết 30c/NQ-CP."
    r = extract(text).relations[0]
    assert text[r.start:r.end] == r.evidence and "sửa đổi" in r.evidence


@pytest.mark.parametrize("text,subject", [
    ("Ngày 25/3/2020, Sở Khoa học và Công nghệ đã ban hành Kế hoạch số 311/KH-SKH&CN về tuyên truyền.", "311/KH-SKH&CN"),
    ("Hướng dẫn ghi nhãn hàng hóa theo Nghị định số 43/2017/NĐ-CP\n\nNội dung.", "43/2017/NĐ-CP"),
    ("Tin tức\nTuyên truyền, phổ biến nội dung Quyết định số 225/QĐ-TTg ngày 04/02/2016.", None),
])
def test_subject(text, subject):
    assert extract(text).subject == subject


def test_second_predicate_joined_by_va_keeps_its_source():
    doc = extract("Thông tư 16/2025/TT-BTC có hiệu lực thi hành kể từ ngày 24/4/2025 và thay thế "
                  "Thông tư 244/2016/TT-BTC quy định mức thu.")
    assert ["16/2025/TT-BTC", "replaces", "244/2016/TT-BTC"] in [r.as_triple() for r in doc.relations]
