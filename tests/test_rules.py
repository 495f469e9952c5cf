"""The rule tables in patterns/ load, and hold what they claim."""
from citeextract.rules import DOC_TYPES, NAMED_TYPES, read_table, rules


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
    assert rels <= {"implements", "based_on", "amends", "guides", "replaces", "repeals", "approves"}
