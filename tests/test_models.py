"""Each record's to_dict() carries every field of its class, in declaration order, with
lists copied (so a caller may change the dict without changing the record)."""
import dataclasses

import pytest

from citeextract.models import Citation, DateMention, NamedLaw, Relation, UnnumberedDoc

REL = Relation("311/KH-SKH&CN", "implements", "61/2018/NĐ-CP", 5, 14, "triển khai")
RECORDS = [
    Citation("Nghị định 61/2018/NĐ-CP", 0, 23, "nghi_dinh", "61/2018/NĐ-CP", "61", 2018, "NĐ-CP",
             "Chính phủ", "2018-04-23", ["damaged"], ["a warning"]),
    NamedLaw("Luật Đất đai năm 2013", 3, 24, "luat", "Đất đai", 2013, "2013-11-29", ["x"]),
    DateMention("ngày 24/2018", 1, 13, None, "day", ["bad_date"], ["impossible"]),
    REL,
    UnnumberedDoc("Kế hoạch truyền thông", 0, 21, "ke_hoach", "Kế hoạch truyền thông", "unnumbered:k",
                  "Sở", "2020-01-02", [REL]),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_to_dict_has_every_field(record):
    d = record.to_dict()
    names = [f.name for f in dataclasses.fields(record)]
    assert list(d)[:len(names)] == names
    for name in names:
        value = getattr(record, name)
        if name == "relations":
            assert d[name] == [r.as_triple() for r in value]
        else:
            assert d[name] == value
            if isinstance(value, list):
                assert d[name] is not value


def test_extra_keys():
    assert RECORDS[1].to_dict()["key"] == "luat:Đất đai:2013"
    assert RECORDS[2].to_dict()["flag"] == "bad_date"
