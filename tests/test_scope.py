"""Whether a repeal, replacement or suspension is of a part of its target (``Relation.partial``):
text → the targets marked partial and those not."""
import pytest

from citeextract import extract

H = "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 45/2026/QĐ-BVHTTDL\n\nQUYẾT ĐỊNH\n\n"

CASES = [
    ("Điều 2. Bãi bỏ khoản 5 Điều 6 Quyết định số 12/2020/QĐ-BVHTTDL ngày 05/3/2020.", {"12/2020/QĐ-BVHTTDL": True}),
    ("Điều 2. Bãi bỏ Quyết định số 12/2020/QĐ-BVHTTDL ngày 05/3/2020.", {"12/2020/QĐ-BVHTTDL": False}),
    ("2. Quyết định số 12/2020/QĐ-BVHTTDL ngày 05/3/2020 hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
     {"12/2020/QĐ-BVHTTDL": False}),
    # what ends is the procedures published in the documents, not the documents
    ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nCác thủ tục hành chính tương ứng đã công bố tại các\n"
     "Quyết định số 3684/QĐ-BVHTTDL ngày 27/12/2022;\nQuyết định số 1647/QĐ-BVHTTDL ngày 26/6/2023 hết\n"
     "hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     {"3684/QĐ-BVHTTDL": True, "1647/QĐ-BVHTTDL": True}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_partial(text, expected):
    got = {r.target: r.partial for r in extract(H + text).relations if r.relation == "repeals"}
    assert got == expected
