"""The rule tables in patterns/ load, and hold what they claim."""
import regex
from hypothesis import given
from hypothesis import strategies as st

from citeextract.rules import DOC_TYPES, NAMED_TYPES, read_table, rules, trie_rx, words_rx


def test_provinces_before_and_after_the_2025_merger():
    rows = rules().provinces
    before = [n for n, period, _ in rows if period in ("before", "both")]
    after = [n for n, period, _ in rows if period in ("after", "both")]
    assert len(before) == 63 and len(set(before)) == 63
    assert len(after) == 34 and len(set(after)) == 34


def test_every_type_and_code_is_known():
    r = rules()
    assert set(r.type_words.values()) <= set(DOC_TYPES)
    assert set(r.code_types.values()) <= set(DOC_TYPES)
    assert set(r.named_types.values()) == set(NAMED_TYPES)
    assert set(r.law_titles) <= set(NAMED_TYPES)
    assert r.issuers["TTg"] == "Thủ tướng Chính phủ" and r.code_types["NĐ"] == "nghi_dinh"


def test_relation_cues_name_guide_relations():
    rels = {rel for rel, *_ in read_table("relations.tsv")}
    assert rels <= {"implements", "based_on", "amends", "guides", "replaces", "repeals", "approves", "consolidates",
                    "corrects", "suspends", "interprets"}


# trie_rx must match exactly what the flat, longest-first words_rx matches, forward and
# right to left (in a lookbehind); the word lists are the shapes the pattern files use
TRIE_CASES = [
    (["luật", "bộ luật", "pháp lệnh", "lệnh"], "theo Bộ luật và Pháp lệnh, lệnh số"),
    (["nghị định", "nghị quyết", "nghị quyết liên tịch", "ngh nh"], "Nghị quyết liên tịch; nghị định; Ngh nh s"),
    (["I", "II", "III", "IV"], "quý IV, quý III, quý II"),
    (["6 tháng đầu năm", "06 tháng đầu năm", "tháng"], "6 tháng đầu năm 2020, 06  tháng\nđầu năm"),
    (["Mười", "Mười một", "Một"], "tháng Mười một, tháng Mười, tháng Một"),
]


def _all_matches(rx, text):
    return [(i, m.group()) for i in range(len(text) + 1) for m in [rx.match(text, i)] if m]


def _backward_matches(rx, text):
    """What a right-to-left search finds ending at each position (None where nothing)."""
    return [(m := rx.search(text, 0, end)) and m.span() for end in range(len(text) + 1)]


def test_trie_matches_what_the_flat_alternation_matches_forward():
    for words, text in TRIE_CASES:
        flat = regex.compile(r"(?i:" + words_rx(words) + r")")
        trie = regex.compile(trie_rx(words, ignore_case=True))
        assert _all_matches(trie, text) == _all_matches(flat, text), words


def test_backward_trie_matches_what_the_flat_alternation_matches_in_a_lookbehind():
    for words, text in TRIE_CASES:
        flat = regex.compile(r"(?r)(?i:" + words_rx(words) + r")$")
        trie = regex.compile(r"(?r)" + trie_rx(words, backward=True, ignore_case=True) + r"$")
        assert _backward_matches(trie, text) == _backward_matches(flat, text), words


@given(st.lists(st.text(alphabet="abạẠ ", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="abạẠ ", max_size=30))
def test_trie_equals_flat_alternation_on_arbitrary_words(words, text):
    words = [w for w in words if w.strip()]
    if not words:
        return
    flat = regex.compile(words_rx(words))
    assert _all_matches(regex.compile(trie_rx(words)), text) == _all_matches(flat, text)
    flat_i = regex.compile(r"(?i:" + words_rx(words) + r")")
    assert _all_matches(regex.compile(trie_rx(words, ignore_case=True)), text) == _all_matches(flat_i, text)
    for ignore_case in (False, True):
        flat_r = regex.compile(r"(?r)" + "(?i)" * ignore_case + r"(?:" + words_rx(words) + r")$")
        trie_r = regex.compile(r"(?r)" + trie_rx(words, backward=True, ignore_case=ignore_case) + r"$")
        assert _backward_matches(trie_r, text) == _backward_matches(flat_r, text)
