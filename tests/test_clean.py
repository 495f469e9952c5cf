"""Cleaning keeps a map back to the original: every span indexes the input string."""
import unicodedata

from citeextract import extract
from citeextract.pipeline.clean import clean

NOISY = [
    (unicodedata.normalize("NFD", "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018"), "61/2018/NĐ-CP"),
    ("Nghị định 61/2018/N\u00d0-CP", "61/2018/NĐ-CP"),
    ("Nghị định 61/2018/NĐ \u2013 CP", "61/2018/NĐ-CP"),
    ("Nghị định 61/2018/NĐ- CP", "61/2018/NĐ-CP"),
    ("Nghị định 61 /2018/ NĐ-CP", "61/2018/NĐ-CP"),
    ("Nghị định số\n61/2018/NĐ-CP", "61/2018/NĐ-CP"),
    ("Nghị\u00a0định\u200b số 61/2018/NĐ-CP", "61/2018/NĐ-CP"),
    ("Kế hoạch số 311/KH-SKH&amp;CN", "311/KH-SKH&CN"),
    ("\\r\\n Số: 54/KH-UBND \\r\\n", "54/KH-UBND"),
    ("dòng<br />Quyết định 225/QĐ-TTg", "225/QĐ-TTg"),
    ("NGHỊ ĐỊNH 61/2018/NĐ-CP", "61/2018/NĐ-CP"),
    ("Luật số 39/2024/QH**1**5", "39/2024/QH15"),
    ("Ngh nh s 209/2004/N -CP", "209/2004/NĐ-CP"),
    ("Nghị định ６１/２０１８/NĐ-CP", "61/2018/NĐ-CP"),  # full-width digits
    ("Nghị định 𝟔𝟏/𝟐𝟎𝟏𝟖/NĐ-CP 😀", "61/2018/NĐ-CP"),  # mathematical digits, beyond the BMP
]


def test_noisy_forms_give_the_clean_key_and_exact_offsets():
    for text, key in NOISY:
        cits = extract(text).citations
        assert [c.key for c in cits] == [key], text
        for c in cits:
            assert text[c.start:c.end] == c.text


def test_offsets_map_back_through_every_edit():
    original = unicodedata.normalize("NFD", "Đà Nẵng") + " &amp; \\r\\n Ð\u200b–x"
    ct = clean(original)
    assert ct.text == "Đà Nẵng & \n Đ-x"
    for i in range(len(ct.text) + 1):
        s, e = ct.span(i, i)
        assert 0 <= s <= len(original) and 0 <= e <= len(original)
    i = ct.text.index("&")
    assert original[slice(*ct.span(i, i + 1))] == "&amp;"


def test_clean_text_is_identity_when_nothing_to_clean():
    ct = clean("Nghị định số 61/2018/NĐ-CP")
    assert ct.identity and ct.text == ct.original


# (original, cleaned): a run of asterisks goes unless white space (or the text's edge) stands
# on both of its sides
STARS = [
    ("Luật số 39/2024/QH**1**5", "Luật số 39/2024/QH15"),
    ("**Nghị định số 61/2018/NĐ-CP**", "Nghị định số 61/2018/NĐ-CP"),
    ("a * b", "a * b"),
    ("a ** b", "a ** b"),
    ("**** x", "**** x"),
    ("x****", "x"),
    ("* danh mục", "* danh mục"),
    ("***Điều 1.***\n", "Điều 1.\n"),
]


def test_asterisk_runs():
    for original, cleaned in STARS:
        ct = clean(original)
        assert ct.text == cleaned, original
        for i in range(len(ct.text)):
            s, e = ct.span(i, i + 1)
            assert original[s:e] == ct.text[i], (original, i)


def test_one_for_one_replacements_keep_offsets_and_report_the_original_text():
    original = "Nghị định 61/2018/N\u00d0\u2013CP ngày 23/4/2018 và Quyết định 5\u2013QĐ/TW"
    ct = clean(original)
    assert ct.text == "Nghị định 61/2018/NĐ-CP ngày 23/4/2018 và Quyết định 5-QĐ/TW"
    assert not ct.identity and ct.span(3, 9) == (3, 9)
    doc = extract(original)
    assert [c.key for c in doc.citations] == ["61/2018/NĐ-CP", "5-QĐ/TW"]
    for m in doc.mentions():
        assert original[m.start:m.end] == m.text
    assert doc.citations[0].text.endswith("N\u00d0\u2013CP")


def test_asterisks_and_entities_together():
    original = "**Kế hoạch** số 311/KH-SKH&amp;CN, Luật số 39/2024/QH**1**5"
    doc = extract(original)
    assert [c.key for c in doc.citations] == ["311/KH-SKH&CN", "39/2024/QH15"]
    for c in doc.citations:
        assert original[c.start:c.end] == c.text


def test_digits_of_other_scripts_read_as_0_to_9_and_emoji_stay():
    original = "ngày ２５/٣/𝟐𝟎𝟐𝟎 😀 năm ２０２０"
    ct = clean(original)
    assert ct.text == "ngày 25/3/2020 😀 năm 2020"
    assert ct.span(0, len(ct.text)) == (0, len(original))
    doc = extract(original)
    assert [(d.value, d.text) for d in doc.dates] == [("2020-03-25", "ngày ２５/٣/𝟐𝟎𝟐𝟎"), ("2020", "năm ２０２０")]
