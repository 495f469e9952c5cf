"""Gated scans must find exactly what the exact patterns find on their own."""
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from citeextract.pipeline import gate
from citeextract.pipeline.citations import matchers
from citeextract.pipeline.clean import clean
from citeextract.pipeline.dates import date_matchers
from citeextract.pipeline.named import named_matchers
from citeextract.pipeline.relations import relation_matchers
from citeextract.rules import rules

CORPORA = Path(__file__).resolve().parents[1] / "corpora"

# gate source → its form for RE2 on the Latin-1 image ("?" = any character outside Latin-1)
TRANSLATIONS = [
    (r"\d", "[0-9]"),  # cleaned text has no other digits
    (r"[^\d/]", "[^0-9/]"),  # a negated class never excludes "?"
    (r"\p{Lu}", r"[A-Z\xc0-\xd6\xd8-\xde?]"),
    ("Nghị", "Ngh[?]"),
    ("định", "[?][?]nh"),
    ("Kế", "[?K][?]"),  # the Kelvin sign (U+212A) matches "k" case-insensitively
    ("ÀB", r"[\xc0\xe0]B"),  # RE2 folds only ASCII letters in Latin-1 mode
    (r"[a-zđ]", "[a-z??]"),  # "?" for đ, and for the letters "ſ", "K", "ı" fold to
    (r"[^đ\s]", r"[^\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0]"),
    (r"(?i:số)\s{0,2}", r"(?i:[?s][?])[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0?]{0,2}"),
]


@pytest.mark.parametrize("source,expected", TRANSLATIONS)
def test_gate_sources_translate_to_supersets_on_the_image(source, expected):
    assert gate.re2_source(source) == expected


def test_a_non_ascii_range_is_refused():
    with pytest.raises(ValueError, match="only ASCII ranges"):
        gate.re2_source("[à-ỹ]")


def test_image_is_one_byte_per_character():
    text = "Nghị định 61/2018/NĐ-CP ngày ２０ — 𝟐𝟎𝟐𝟎"
    data = gate.image(text)
    assert len(data) == len(text)
    assert data.decode("latin-1") == "Ngh? ??nh 61/2018/N?-CP ngày ?? ? ????"


def _gates():
    r = rules()
    m, n = matchers(r), named_matchers(r)
    return {"citation core": m.core, "short form": m.short, "named law": n.head, "date": date_matchers(r).scan,
            "relation cue": relation_matchers(r).cue_scan}


def _window_gates():  # the gates that also scan part of a text (no start class)
    return {k: g for k, g in _gates().items() if k != "short form"}


def _spans(it):
    return [m.span() for m in it]


def _texts():
    for path in sorted(CORPORA.glob("*/raw/*.txt")) + sorted(CORPORA.glob("*/*.txt")):
        yield path.name, clean(path.read_text(encoding="utf-8")).text


def test_gated_scans_equal_exact_scans_on_every_corpus_text():
    gates, checked = _gates(), 0
    for name, text in _texts():
        for kind, g in gates.items():
            assert _spans(g.finditer(text)) == _spans(g.exact.finditer(text)), (name, kind)
            checked += 1
    assert checked >= 4 * 20  # the seed and dev texts


def test_gated_scans_of_a_window_equal_exact_scans_of_it():
    gates, checked = _window_gates(), 0
    for name, text in _texts():
        n = len(text)
        for lo, hi in ((0, n), (n // 3, n), (0, 2 * n // 3), (n // 4 + 1, n // 2 + 7), (n, n)):
            for kind, g in gates.items():
                assert _spans(g.finditer(text, lo, hi)) == _spans(g.exact.finditer(text, lo, hi)), (name, kind, lo, hi)
                checked += 1
    assert checked >= 5 * 4 * 20


def test_a_gated_window_takes_positions_from_the_start():
    with pytest.raises(ValueError, match="from the text's start"):
        list(_gates()["date"].finditer("ngày 1/1/2020", 0, -3))


def test_a_gate_with_a_start_class_scans_whole_texts_only():
    g = _gates()["short form"]
    with pytest.raises(ValueError, match="whole texts"):
        list(g.finditer("Nghị định 12", 3))


# pieces of real citations and of the characters that could fool a gate: other scripts'
# digits, the Kelvin sign and long s (which fold to ASCII letters), "?", line separators
PIECES = [
    "Nghị định", "NGHỊ ĐỊNH", "nghị định", "Quyết định số", "Thông tư liên tịch", "Kế hoạch", "\u212aế hoạch",
    "Luật", "Bộ luật", "LUẬT", "Hiến pháp", "Pháp lệnh", "Tổ chức", "Đất đai", "Ngh nh s", "ſố", "NĐ", "QĐ",
    "61", "2018", "30c", "25/3/2020", "12-2025", "2016 - 2020", "tháng 7", " đến ", "Quý III", " và ", "１２", "٣", "𝟐", "/", " / ", "-", " - ", "-CP", "NĐ-CP", "QĐ-UBND", "KH-SKH&CN", "CT/TW",
    " ", "  ", "\n", "\u2028", "\u00a0", ":", ".", ",", "?", "\"", "“", "số", "ngày", "năm", "tháng", "Đ", "ư", "a",
    "_", "T10:00Z", "2020-01-01", "Căn cứ", "CĂN CỨ", "sửa đổi, bổ sung", "thay thế", "hết hiệu lực", "bãi bỏ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_gated_scans_equal_exact_scans_on_generated_text(pieces):
    text = clean("".join(pieces)).text
    for kind, g in _gates().items():
        assert _spans(g.finditer(text)) == _spans(g.exact.finditer(text)), kind
    lo, hi = len(text) // 3, len(text) - len(text) // 4
    for kind, g in _window_gates().items():
        assert _spans(g.finditer(text, lo, hi)) == _spans(g.exact.finditer(text, lo, hi)), kind


def test_without_re2_a_gate_is_the_exact_scan(monkeypatch):
    monkeypatch.setattr(gate, "_re2", None)
    exact = regex.compile(r"\d+/\p{Lu}+")
    g = gate.Gate(exact, r"\d+/\p{Lu}")
    text = "Quyết định 12/QĐ và 3/KH"
    assert _spans(g.finditer(text)) == [(11, 16), (20, 24)]


LEAD_TEXTS = [  # a lead gate: one gate match per number, at its first digit (or the text's start)
    ("12 a34 /56 7", [(0, 2), (4, 6), (11, 12)]),
    ("5", [(0, 1)]),
    ("/5 _6 ٣", [(6, 7)]),
    ("", []),
    ("1/2 3", [(0, 1), (4, 5)]),
]


@pytest.mark.parametrize("text,spans", LEAD_TEXTS)
def test_a_lead_gate_finds_what_a_leading_lookbehind_allows(text, spans):
    exact = regex.compile(r"\d(?<![\d/_]\d)\d*")
    g = gate.Gate(exact, r"\d", lead=r"[^\d/_]")
    text = clean(text).text
    assert _spans(g.finditer(text)) == _spans(exact.finditer(text)) == spans


def test_a_gate_takes_a_start_or_a_lead_not_both():
    with pytest.raises(ValueError, match="not both"):
        gate.Gate(regex.compile(r"\d"), r"\d", start=r"\d", lead=r"[^\d]")


# in the image "ố" and "?" read "?": a stretch like "số:?" must not hide the number's digit
AMBIGUOUS = [  # text, the scan that finds something in it
    ("Nghị định１２", "short form"),
    ("NGHỊ ĐỊNH SỐ:１２", "short form"),
    ("Quyết định số ٣/QĐ-UBND", "citation core"),
    ("\u212aế hoạch 5 KH-UBND", "short form"),
]


@pytest.mark.parametrize("text,finds", AMBIGUOUS)
def test_gated_scans_equal_exact_scans_where_the_image_is_ambiguous(text, finds):
    text = clean(text).text
    for kind, g in _gates().items():
        assert _spans(g.finditer(text)) == _spans(g.exact.finditer(text)), kind
    assert _spans(_gates()[finds].finditer(text))
