"""Properties on arbitrary and pathological input: never raises, offsets exact, linear time."""
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeextract import extract

ALPHABET = st.sampled_from(list(
    "0123456789/-–.,:;() \n\tNĐQCPKHTUBDSVnđqcphkgàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"
    "&*<>\\\u00d0\u00a0\u200b\u0301\u0323")) | st.sampled_from([
        "Nghị định ", "số ", "ngày ", "tháng ", "năm ", "Luật ", "Quý III ", "giai đoạn ", "/2018/", "NĐ-CP",
        "&amp;", "\\r\\n", "<br />", "Số: ", "Căn cứ ", "của ", "Thực hiện ", "2020", "Thứ 6, "])
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_offsets_are_exact(text):
    doc = extract(text)
    for m in doc.mentions():
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    doc = extract(text)
    for m in doc.mentions():
        assert text[m.start:m.end] == m.text


def _seconds(text):
    t = time.perf_counter()
    extract(text)
    return time.perf_counter() - t


def test_time_is_linear_on_pathological_input():
    patterns = ["1/1/", "Nghị định số ", "12/2020/NĐ-", "ngày 1 tháng ", "Luật A ", "*", "&amp;", "Số: 1/"]
    for unit in patterns:
        small = unit * (100_000 // len(unit))
        big = unit * (1_000_000 // len(unit))
        t_small, t_big = _seconds(small), _seconds(big)
        assert t_big < 30 * max(t_small, 0.005), (unit, t_small, t_big)  # 10x input, not 100x time


def test_long_single_line_is_linear():
    unit = "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ; "
    small, big = unit * 4_000, unit * 40_000  # 0.26 MB and 2.6 MB with no line break
    t_small, t_big = _seconds(small), _seconds(big)
    assert t_big < 30 * t_small, (t_small, t_big)  # 10x input, not 100x time
    doc = extract(big)
    assert len(doc.citations) == 40_000 and len(doc.dates) == 40_000
