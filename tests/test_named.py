"""Named laws: real sentences → type, title, year, issue date."""
import pytest

from citeextract import extract

CASES = [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
     [("luat", "Tổ chức chính quyền địa phương", 2015, "2015-06-19")]),
    ("Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20/6/2012;",
     [("luat", "Phổ biến, giáo dục pháp luật", 2012, "2012-06-20")]),
    ("theo Bộ luật Lao động 2019 và Hiến pháp năm 2013", [("bo_luat", "Lao động", 2019, None)]),
    ("Luật Tổ chức Chính phủ năm 2015 quy định", [("luat", "Tổ chức Chính phủ", 2015, None)]),
    ("Pháp lệnh Ưu đãi người có công với cách mạng", [("phap_lenh", "Ưu đãi người có công với cách mạng", None, None)]),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi",
     [("hien_phap", "nước Cộng hòa xã hội chủ nghĩa Việt Nam", None, None)]),
    ("theo quy định của Luật BHYT thì", [("luat", "BHYT", None, None)]),
    ("Căn cứ khoản 3 Điều 9 Luật thuế sử dụng đất phi nông nghiệp 2010",
     [("luat", "thuế sử dụng đất phi nông nghiệp", 2010, None)]),
    ("Luật Khoa học, công nghệ và đổi mới sáng tạo về",
     [("luat", "Khoa học, công nghệ và đổi mới sáng tạo", None, None)]),
    ("tại Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu ngày 29 tháng 11 "
     "năm 2024;", [("luat", "sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu",
                   2024, "2024-11-29")]),
    # the common name of an amending law ends at its bare year, not at the verb after it
    ("Theo Luật sửa đổi Bộ luật Hình sự 2017 quy định như sau:",
     [("luat", "sửa đổi Bộ luật Hình sự", 2017, None)]),
    ("Luật sửa đổi, bổ sung một số điều của Luật Giáo dục có quy định",
     [("luat", "sửa đổi, bổ sung một số điều của Luật Giáo dục", None, None)]),
    # an amending law's title wrapped after a comma: the laws it lists are not cited on their own
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch,\nLuật Đầu tư và Luật Đấu thầu ngày 29 "
     "tháng 11 năm 2024;", [("luat", "sửa đổi, bổ sung một số điều của Luật Quy hoạch,\nLuật Đầu tư và Luật Đấu "
                            "thầu".replace(",\n", ", "), 2024, "2024-11-29")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_named_table(text, expected):
    got = [(n.type, n.title, n.year, n.issued) for n in extract(text).named]
    assert got == expected


NOT_NAMED = [
    "Luật này có hiệu lực từ ngày ký",
    "Luật sư Nguyễn Văn A cho biết",
    "XÂY DỰNG CẤP XÃ ĐẠT CHUẨN TIẾP CẬN PHÁP LUẬT NĂM 2021",
    "các Luật nêu trên",
    "phù hợp với pháp luật",
    "Bài viết của cộng đồng Dân Luật Việt Nam.",
    # a law cited by name, year and number is one numbered citation
    "theo Luật Các tổ chức tín dụng 2024 số 32/2024/QH15",
    "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật\nBan hành văn bản quy phạm pháp luật số 87/2025/QH15;",
]


@pytest.mark.parametrize("text", NOT_NAMED)
def test_not_named(text):
    assert extract(text).named == []


def test_name_wrapped_over_a_line_and_abbreviation_before_the_year():
    doc = extract("Căn cứ Luật Bảo vệ bí mật\nnhà nước số 29/2018/QH14;\n"
                  "theo Luật Nghĩa vụ quân sự (NVQS) năm 2015 và Luật NVQS năm 2015")
    assert [(c.key, c.type) for c in doc.citations] == [("29/2018/QH14", "luat")]
    assert [(n.title, n.year) for n in doc.named] == [("Nghĩa vụ quân sự", 2015), ("NVQS", 2015)]


def test_numbered_law_is_a_citation_not_a_named_law():
    doc = extract("Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14;")
    assert doc.named == []
    assert [(c.key, c.type) for c in doc.citations] == [("15/2017/QH14", "luat")]
