"""Document structure (extract(structure=True)): the parts of a legal text, as a table of text →
expected (level, label, opening words of the part). Written from the shape of a decree."""
import json

import pytest

from citeextract import extract

DECREE = """CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/2026/NĐ-CP | Hà Nội, ngày 10 tháng 3 năm 2026

NGHỊ ĐỊNH
Quy định chi tiết một số điều của Luật Điện lực

Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
Căn cứ Luật Điện lực số 61/2024/QH15;
Theo đề nghị của Bộ trưởng Bộ Công Thương;
Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Điện lực.

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết khoản 3 Điều 5 của Luật Điện lực.

Điều 2. Đối tượng áp dụng
1. Tổ chức, cá nhân hoạt động điện lực.
2. Cơ quan quản lý nhà nước gồm:
a) Bộ Công Thương;
b) Ủy ban nhân dân cấp tỉnh.

Chương II
ĐIỀU KHOẢN THI HÀNH

Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""

DECREE_PARTS = [
    ("header", "", "CHÍNH PHỦ | CỘNG"), ("issuer", "", "CHÍNH PHỦ"), ("number", "", "Số: 15/2026/NĐ-CP"),
    ("place_date", "", "Hà Nội, ngày 10 tháng 3 năm 2026"), ("title", "", "NGHỊ ĐỊNH\nQuy định"),
    ("preamble", "", "Căn cứ Luật Tổ chức"), ("basis", "", "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;"),
    ("basis", "", "Căn cứ Luật Điện lực số 61/2024/QH15;"),
    ("proposal", "", "Theo đề nghị của Bộ trưởng Bộ Công Thương;"),
    ("body", "", "Chương I\n"), ("chuong", "I", "Chương I\n"), ("dieu", "1", "Điều 1. Phạm vi"),
    ("dieu", "2", "Điều 2. Đối tượng"), ("khoan", "1", "1. Tổ chức, cá nhân hoạt động điện lực."),
    ("khoan", "2", "2. Cơ quan"), ("diem", "a", "a) Bộ Công Thương;"), ("diem", "b", "b) Ủy ban nhân dân cấp tỉnh."),
    ("chuong", "II", "Chương II\n"), ("closing", "", "Điều 3. Hiệu lực"), ("dieu", "3", "Điều 3. Hiệu lực"),
    ("recipients", "", "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Lưu: VT."),
    ("signature", "", "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn A"),
]

NEWS = ("Sở Tư pháp đề nghị các đơn vị thực hiện các nội dung sau:\n\n(1) Rà soát văn bản theo Nghị định "
        "số 78/2025/NĐ-CP;\n(2) Báo cáo kết quả trước ngày 15/12/2025.\n\nĐề nghị các đơn vị khẩn trương thực hiện.\n")
NEWS_PARTS = [("item", "1", "(1) Rà soát văn bản theo Nghị định số 78/2025/NĐ-CP;"),
              ("item", "2", "(2) Báo cáo kết quả trước ngày 15/12/2025.")]

GAZETTE = DECREE.replace("Điều 2. Đối tượng áp dụng\n1. Tổ chức,",
                         "Điều 2. Đối tượng áp dụng\n1. Tổ chức,\nCÔNG BÁO/Số 281/Ngày 21-05-2026\n12\n")
GAZETTE_PARTS = [("dieu", "2", "Điều 2. Đối tượng"), ("khoan", "1", "1. Tổ chức,\nCÔNG BÁO/Số 281/Ngày 21-05-2026\n12\n"),
                 ("furniture", "", "CÔNG BÁO/Số 281/Ngày 21-05-2026\n12")]


def _parts(text):
    doc = extract(text, structure=True)
    return [(p.level, p.label, text[p.start:p.end]) for p in doc.structure]


@pytest.mark.parametrize("text,expected,whole", [(DECREE, DECREE_PARTS, True), (NEWS, NEWS_PARTS, True),
                                                 (GAZETTE, GAZETTE_PARTS, False)])
def test_parts(text, expected, whole):
    got = _parts(text)
    found = [(lv, lb, t) for lv, lb, t in got if any(lv == e[0] and lb == e[1] and t.startswith(e[2]) for e in expected)]
    assert len(found) == len(expected), got
    for level, label, start in expected:
        assert any(lv == level and lb == label and t.startswith(start) for lv, lb, t in found), (level, label, start)
    if whole:
        assert len(got) == len(expected)  # no part more than the table names


def test_parts_nest_in_reading_order():
    got = extract(DECREE, structure=True).structure
    assert [p.start for p in got] == sorted(p.start for p in got)
    dieu3 = next(p for p in got if p.level == "dieu" and p.label == "3")
    assert DECREE[dieu3.start:dieu3.end].endswith("01 tháng 5 năm 2026.")  # up to the recipients


def test_structure_only_when_asked():
    doc = extract(DECREE)
    assert doc.structure == []
    plain = doc.to_dict()
    assert "structure" not in plain
    asked = extract(DECREE, structure=True)
    assert asked.to_dict() == plain  # the default JSON is unchanged
    rows = asked.to_dict(structure=True)["structure"]
    assert rows[0] == {"level": "header", "label": "", "start": 0, "end": asked.structure[0].end}
    json.dumps(rows)
