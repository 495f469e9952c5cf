"""Numbered citations: real sentences → expected keys, types, issue dates and flags."""
import pytest

from citeextract import extract

# (sentence, [(key, type, issued, flags)])
CASES = [
    # seeds
    ("Ngày 25/3/2020, Sở Khoa học và Công nghệ đã ban hành Kế hoạch số 311/KH-SKH&CN về tuyên truyền",
     [("311/KH-SKH&CN", "ke_hoach", "2020-03-25", [])]),
    ("Nghị quyết 30c/NQ-CP ngày 08/11/2011 của  Chính phủ, ban hành Chương trình",
     [("30c/NQ-CP", "nghi_quyet", "2011-11-08", [])]),
    ("Nghị định 61/2018/NĐ-CP ngày 24/2018 của Chính phủ về thực hiện cơ chế một cửa",
     [("61/2018/NĐ-CP", "nghi_dinh", None, ["bad_date"])]),
    ("Thực hiện Kế hoạch số 30/KH-UBND ngày 23/02/3022 của UBND tỉnh Quảng Ngãi",
     [("30/KH-UBND", "ke_hoach", None, ["bad_date"])]),
    ("Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành",
     [("1/2018/TT-VPCP", "thong_tu", "2018-11-23", [])]),
    # dev texts
    ("Nghị định số 37-NĐ ngày 01/12/1945 về tổ chức Bộ Tư pháp", [("37-NĐ", "nghi_dinh", "1945-12-01", [])]),
    ("Kết luận số 80-KL/TW ngày 20/6/2020 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 32-CT/TW",
     [("80-KL/TW", "ket_luan", "2020-06-20", []), ("32-CT/TW", "chi_thi", None, [])]),
    ("Nghị định số 48/2013/NĐ- CP ngày 14/5/2013 của Chính phủ sửa đổi",
     [("48/2013/NĐ-CP", "nghi_dinh", "2013-05-14", ["damaged"])]),
    ("Phụ lục I kèm theo Công văn số 1028 /BTP-PBGDPL).", [("1028/BTP-PBGDPL", "cong_van", None, ["damaged"])]),
    ("– Quyết định số 2498/QD-UBND về việc thành lập Ban chỉ đạo thực hiện Kế hoạch hành động giai đoạn "
     "2016-2020, ngày 8 tháng 9 năm 2016", [("2498/QĐ-UBND", "quyet_dinh", "2016-09-08", ["damaged"])]),
    ("3 Bắc Giang Kế hoạch hành động số 1492 KH-UBND ngày 6 tháng 6 năm 2014 về việc cải thiện",
     [("1492/KH-UBND", "ke_hoach", "2014-06-06", ["damaged"])]),
    ("Thông tư liên tịch số 01/2011/TTLT-VPCP-BNV hướng dẫn chức năng",
     [("1/2011/TTLT-VPCP-BNV", "thong_tu_lien_tich", None, [])]),
    # domain facts: joint, consolidated, Party, dotted numbers
    ("theo Nghị quyết liên tịch số 01/2014/NQLT/CP-UBTƯMTTQVN", [("1/2014/NQLT/CP-UBTƯMTTQVN", "nghi_quyet", None, [])]),
    ("Văn bản hợp nhất số 54/VBHN-BTC", [("54/VBHN-BTC", "van_ban_hop_nhat", None, [])]),
    ("Nghị quyết số 18-NQ/TW của Hội nghị Trung ương 6", [("18-NQ/TW", "nghi_quyet", None, [])]),
    ("Nghị quyết 66.7/2025/NQ-CP", [("66.7/2025/NQ-CP", "nghi_quyet", None, [])]),
    ("Công văn 1077/VPCP-KSTT về tổ chức", [("1077/VPCP-KSTT", "cong_van", None, [])]),
    ("Luật số 80/2015/QH13", [("80/2015/QH13", "luat", None, [])]),
    ("Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14;", [("15/2017/QH14", "luat", None, [])]),
    ("Quyết định 225/QĐ-TTG", [("225/QĐ-TTg", "quyet_dinh", None, [])]),
    ("Nghị định 61/2018/NĐCP", [("61/2018/NĐ-CP", "nghi_dinh", None, ["damaged"])]),
    ("Công văn số 15972/SXD-QLN& TTBĐS về", [("15972/SXD-QLN&TTBĐS", "cong_van", None, ["damaged"])]),
    ("Ngày 04/02/2025 Bộ Tư pháp ban hành Công văn 481/BTP-HTQTCT về",
     [("481/BTP-HTQTCT", "cong_van", "2025-02-04", [])]),
    # damaged forms: "số" cut and glued to the number, letters of another script, O typed for Q
    ("Căn cứ Nghị định s20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ;",
     [("20/2008/NĐ-CP", "nghi_dinh", "2008-02-14", ["damaged"])]),
    ("Thông tư số 200/2014/TT-B\u0422\u0421 ngày 22/12/2014", [("200/2014/TT-BTC", "thong_tu", "2014-12-22", ["damaged"])]),
    ("Luật Đấu thầu số 22/2023/OH15 ngày 23/6/2023", [("22/2023/QH15", "luat", "2023-06-23", ["damaged"])]),
    # a number written without its year, where the text cites it in full, issued that year
    ("Số: 55/2025/TT-BCT\nHà Nội, ngày 28 tháng 11 năm 2025\nTHÔNG TƯ\ntheo Thông tư số 55/TT-BCT ngày 28 "
     "tháng 11 năm 2025 của Bộ trưởng", [("55/2025/TT-BCT", "thong_tu", "2025-11-28", ["self"]),
                                        ("55/2025/TT-BCT", "thong_tu", "2025-11-28", ["damaged", "self"])]),
    # an issue date in another year than the number's, and a day left blank, are bad dates
    ("Căn cứ Nghị định số 214/2025/NĐ-CP ngày 04 tháng 8 năm 2028 của Chính phủ",
     [("214/2025/NĐ-CP", "nghi_dinh", None, ["bad_date"])]),
    ("tại Công văn số 4687/STC-GCS ngày tháng 10 năm 2025 về việc", [("4687/STC-GCS", "cong_van", None, ["bad_date"])]),
    # a list dash on the next line is not part of the symbol
    ("Luật Điện lực số 61/2024/QH15\n- Nghị định số 61/2025/NĐ-CP", [("61/2024/QH15", "luat", None, []),
                                                                   ("61/2025/NĐ-CP", "nghi_dinh", None, [])]),
    # Party documents written in the state style take their Party key
    ("thực hiện Nghị quyết 20/TW về tăng cường", [("20-NQ/TW", "nghi_quyet", None, [])]),
    ("Nghị quyết số 09/NQ-TU ngày 10/3/2021 của Tỉnh ủy", [("9-NQ/TU", "nghi_quyet", "2021-03-10", [])]),
    ("Chỉ thị 05/CT-TW của Bộ Chính trị", [("5-CT/TW", "chi_thi", None, [])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_citation_table(text, expected):
    doc = extract(text)
    got = [(c.key, c.type, c.issued, [f for f in c.flags if f in ("bad_date", "damaged", "self", "short_form")])
           for c in doc.citations]
    assert got == expected


# things that look like numbers but are not citations
NOT_CITATIONS = [
    "Hệ thống Quản lý chất lượng ISO 9001:2015 trong hoạt động",
    "ĐT: 0251 3 842 619 - Fax: 0251 3 842 935 - Email: songoaivu@dongnai.gov.vn",
    "giai đoạn 2016-2020 và 2021-2030",
    "xem tại https://thuvienphapluat.vn/van-ban/123/QD-UBND.aspx",
    "quy định tại điểm b khoản 5 Điều 21 và Điều 146đ",
    "Lực lượng chức năng kiểm tra trên đường 2-9, TP. Vũng Tàu",
    "Khung kiến trúc Chính phủ điện tử phiên bản 2.0, dưới 2.500 gram, 24%1",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_citations(text):
    assert extract(text).citations == []


def test_alias_takes_the_full_key():
    doc = extract("Căn cứ Nghị định số 12/2009/NĐ-CP ngày 12 tháng 02 năm 2009 của Chính phủ (sau đây gọi tắt là "
                  "Nghị định 12/CP). Theo Nghị định 12/CP thì chủ đầu tư phải lập dự án.")
    assert [c.key for c in doc.citations] == ["12/2009/NĐ-CP"] * 3
    assert doc.citations[2].warnings == ["alias of 12/2009/NĐ-CP"]
    # without the definition the same words are another document
    assert extract("Theo Nghị định 12/CP thì").citations[0].key == "12/CP"


def test_short_forms_take_the_full_key():
    text = ("Thông tư này quy định chi tiết Nghị định số 40/2010/NĐ-CP ngày 12/4/2010 của Chính phủ "
            "(sau đây gọi tắt là Nghị định số 40). Văn bản quy định tại Nghị định số 40 bao gồm:")
    cits = extract(text).citations
    assert [c.key for c in cits] == ["40/2010/NĐ-CP"] * 3
    assert [("short_form" in c.flags) for c in cits] == [False, True, True]


def test_short_form_with_year_and_implied_symbol():
    cits = extract("theo Nghị định 33/2023 của Chính phủ và Nghị quyết 1211/2016").citations
    assert [(c.key, c.flags) for c in cits] == [
        ("33/2023/NĐ-CP", ["short_form"]), ("nghi_quyet:1211/2016", ["short_form"])]


def test_bare_number_without_full_form_is_not_a_citation():
    assert extract("Quyết định 2 lần trong năm; Nghị định 33 mới").citations == []


def test_self_header_and_metadata_row():
    text = ("Số hiệu | 1077/VPCP-KSTT |\nNgày ban hành | 24/02/2011 |\n"
            "Số: 1077/VPCP-KSTT |\nHà Nội, ngày 24 tháng 02 năm 2011 |\n")
    cits = extract(text).citations
    assert [(c.key, c.issued, "self" in c.flags) for c in cits] == [
        ("1077/VPCP-KSTT", "2011-02-24", True), ("1077/VPCP-KSTT", "2011-02-24", True)]


def test_issuer_joined_by_va():
    cits = extract("Thông tư liên tịch số 50/2016/TTLT-BQP-BCA ngày 15/4/2016 của Bộ Công an và Bộ Quốc phòng "
                   "quy định; Nghị định 1/2020/NĐ-CP của Chính phủ và các bộ").citations
    assert [c.issuer for c in cits] == ["Bộ Công an và Bộ Quốc phòng", "Chính phủ"]


def test_issuer_from_text_and_symbol():
    cits = extract("Quyết định 225/QĐ-TTg; Kế hoạch số 68/KH-UBND của UBND tỉnh Lạng Sơn về").citations
    assert cits[0].issuer == "Thủ tướng Chính phủ"
    assert cits[1].issuer == "UBND tỉnh Lạng Sơn"


def test_header_date_with_a_place_name_wrapped_over_two_lines():
    text = ("Số: 4085/UBND-ĐT\n*V/v rà soát và\nchuẩn hóa dữ liệu*\n|\n*Thành\nphố Hồ Chí Minh, "
            "ngày 25 tháng 11 năm 2025*\n|")
    assert [(c.key, c.issued, c.flags) for c in extract(text).citations] == [
        ("4085/UBND-ĐT", "2025-11-25", ["self"])]


def test_database_page_type_field_types_the_own_number():
    text = ("**Số hiệu:**\n|\n5485/CT-CS\n|\n**Loại văn bản:**\n|\nCông văn\n|\n"
            "Số: 5485/CT-CS\nHà Nội, ngày 25 tháng 11 năm 2025\nCăn cứ Chỉ thị 15/CT-TTg")
    assert [(c.key, c.type, c.issued) for c in extract(text).citations] == [
        ("5485/CT-CS", "cong_van", "2025-11-25"), ("5485/CT-CS", "cong_van", "2025-11-25"),
        ("15/CT-TTg", "chi_thi", None)]


def test_year_separated_by_a_space():
    cits = extract("Căn cứ Thông tư 16/2025/TT-BTC; Thông tư 16 2025/TT-BTC có hiệu lực; theo Thông tư 16 2025?"
                   " và Quyết định 2 2020 lần").citations
    assert [(c.key, c.flags) for c in cits] == [
        ("16/2025/TT-BTC", []), ("16/2025/TT-BTC", ["damaged"]), ("16/2025/TT-BTC", ["short_form", "damaged"])]
