"""Dates: real expressions → ISO values with the precision written."""
import pytest

from citeextract import extract

CASES = [
    ("Ngày 25/3/2020, Sở Khoa học", [("Ngày 25/3/2020", "2020-03-25")]),
    ("Hà Nội, ngày 24 tháng 02 năm 2011", [("ngày 24 tháng 02 năm 2011", "2011-02-24")]),
    ("ngày 23 tháng\n4 năm 2018 của Chính phủ", [("ngày 23 tháng\n4 năm 2018", "2018-04-23")]),
    ("Thứ 6, Ngày 17/07/2020, 11:00", [("Thứ 6, Ngày 17/07/2020", "2020-07-17")]),
    ("GMT+7 20 - 10 - 2016", [("20 - 10 - 2016", "2016-10-20")]),
    ("ngày 25.3.2020 và 25-3-2020", [("ngày 25.3.2020", "2020-03-25"), ("25-3-2020", "2020-03-25")]),
    ("Báo cáo Quý III năm 2020", [("Quý III năm 2020", "2020-Q3")]),
    ("sơ kết 6 tháng đầu năm 2020", [("6 tháng đầu năm 2020", "2020-H1")]),
    ("giai đoạn 2016 - 2020; nhiệm kỳ 2015 – 2020", [("giai đoạn 2016 - 2020", "2016/2020"),
                                                    ("nhiệm kỳ 2015 – 2020", "2015/2020")]),
    ("trong giai đoạn từ năm 1945 đến năm 1960", [("giai đoạn từ năm 1945 đến năm 1960", "1945/1960")]),
    ("(19/8/1945-19/8/2023)", [("19/8/1945-19/8/2023", "1945-08-19/2023-08-19")]),
    ("tính từ ngày 01/6/2017 đến ngày 01/6/2021.", [("từ ngày 01/6/2017 đến ngày 01/6/2021",
                                                     "2017-06-01/2021-06-01")]),
    ("tháng 10 và 11/2021", [("tháng 10", "2021-10"), ("11/2021", "2021-11")]),
    ("tháng 11/2025, tháng 10.2015, tháng 4 2024", [("tháng 11/2025", "2025-11"), ("tháng 10.2015", "2015-10"),
                                                   ("tháng 4 2024", "2024-04")]),
    ("ngày 4 tháng Tư năm 1986", [("ngày 4 tháng Tư năm 1986", "1986-04-04")]),
    ("Từ ngày 16 đến 31/12/2025", [("Từ ngày 16 đến 31/12/2025", "2025-12-16/2025-12-31")]),
    (" date 2021-09 Đêm 22/9", [("2021-09", "2021-09")]),
    ("Bộ luật Lao động 2019", [("2019", "2019")]),
    ("năm\\r\\n2030 như sau", [("năm\\r\\n2030", "2030")]),
    ("từ 10-12/03/2016", [("từ 10-12/03/2016", "2016-03-10/2016-03-12")]),
    ("nhiệm kỳ (2/2016-3/2018)", [("2/2016-3/2018", "2016-02/2018-03")]),
    ("Năm 1674, chúa Nguyễn", [("Năm 1674", "1674")]),
    # impossible or incomplete
    ("Nghị định 61/2018/NĐ-CP ngày 24/2018 của", [("ngày 24/2018", None)]),
    ("Kế hoạch số 30/KH-UBND ngày 23/02/3022", [("ngày 23/02/3022", None)]),
    ("01/01/0001", [("01/01/0001", None)]),
    ("ngày 31/02/2020", [("ngày 31/02/2020", None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_date_table(text, expected):
    dates = extract(text).dates
    assert [(d.text, d.value) for d in dates] == expected
    for d in dates:
        assert (d.value is None) == ("bad_date" in d.flags)


NOT_DATES = [
    "Ngày 14/11, Thủ tướng ban hành",  # no year
    "ISO 9001:2015",
    "ĐT: 0251 3 842 619",
    "khoảng 2000 người, 1.000 ngày đầu đời, 2.500 gram",
    "Tổng số lượt xem: 1957856",
    "Tài liệu đính kèm: KE HOACH NAM 2022.pdf",
    "phiên bản 2.0, lúc 11:00",
    "06 tháng đầu năm",
    "thuế là 2000 khối gỗ",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert extract(text).dates == []
