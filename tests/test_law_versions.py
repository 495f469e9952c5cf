"""patterns/law_versions.tsv: the versions of the laws most cited by name.

The checks are one function, ``problems``, run on the real table (it must find nothing) and on
small broken tables (it must find what is wrong), so a check that can never fail shows up here.
"""
from datetime import date
from pathlib import Path

import pytest
import regex

from citeextract import extract
from citeextract.rules import NAMED_TYPES

TABLE = Path(__file__).resolve().parents[1] / "patterns" / "law_versions.tsv"
TYPE_WORD = {"hien_phap": "Hiến pháp", "bo_luat": "Bộ luật", "luat": "Luật", "phap_lenh": "Pháp lệnh"}
LAW_NUMBER = regex.compile(r"\d+/\d{4}/QH\d+")
ORDINANCE_NUMBER = regex.compile(r"\d+/\d{4}/UBTVQH\d+")
SOURCE = regex.compile(r"https?://\S+|bulk:[0-9a-f]{16}")


def read(text: str) -> list[list[str]]:
    """Rows of the table (comment and blank lines skipped), cells exactly as written."""
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _date(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell else None


def problems(rows: list[list[str]]) -> list[str]:
    out = []
    numbers: dict[str, int] = {}
    seen_titles: set[tuple[str, str]] = set()
    prev = None
    for no, row in enumerate(rows, 1):
        if len(row) != 7:
            out.append(f"row {no}: {len(row)} columns, not 7")
            continue
        typ, title, number, passed, effective, replaces, source = row
        if any(c != c.strip() for c in row):
            out.append(f"row {no}: a cell starts or ends with a space")
        if typ not in NAMED_TYPES:
            out.append(f"row {no}: unknown type {typ!r}")
        if not title:
            out.append(f"row {no}: no title")
        if number:
            pattern = ORDINANCE_NUMBER if typ == "phap_lenh" else LAW_NUMBER
            if not pattern.fullmatch(number):
                out.append(f"row {no}: number {number!r} is not N/YYYY/{'UBTVQH' if typ == 'phap_lenh' else 'QH'}nn")
            elif passed and number.split("/")[1] != passed[:4]:
                out.append(f"row {no}: number {number} has another year than passed {passed}")
            if number in numbers:
                out.append(f"row {no}: number {number} also on row {numbers[number]}")
            numbers[number] = no
        try:
            p, e = _date(passed), _date(effective)
        except ValueError as exc:
            out.append(f"row {no}: not an ISO date ({exc})")
            p = e = None
        if p and e and p > e:
            out.append(f"row {no}: passed {passed} after effective {effective}")
        if not (number or passed or effective):
            out.append(f"row {no}: no number and no date")
        if not source or not all(SOURCE.fullmatch(s) for s in source.split(" ; ")):
            out.append(f"row {no}: source {source!r} is not URLs or bulk:<id> separated by ' ; '")
        key = (typ, title)
        if prev is None or (prev[0], prev[1]) != key:  # the first row of a title
            if key in seen_titles:
                out.append(f"row {no}: the rows of {title!r} are not together")
            seen_titles.add(key)
            if replaces:
                out.append(f"row {no}: first row of {title!r} replaces {replaces!r}")
        else:
            if replaces != prev[2]:
                out.append(f"row {no}: replaces {replaces!r}, the row before has number {prev[2]!r}")
            before = _when(prev)
            now = _when(row)
            if before and now and now <= before:
                out.append(f"row {no}: {title!r} not ordered oldest to newest ({now} after {before})")
        prev = row
    return out


def _when(row: list[str]) -> date | None:
    """The date a version is ordered by: its effective date, else the date it was passed."""
    try:
        return _date(row[4]) or _date(row[3])
    except ValueError:
        return None


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    return read(TABLE.read_text(encoding="utf-8"))


def test_the_table_has_no_problems(rows):
    assert problems(rows) == []


def test_the_table_covers_at_least_100_titles(rows):
    assert len({(r[0], r[1]) for r in rows}) >= 100


GOOD = [
    ["luat", "Đất đai", "45/2013/QH13", "2013-11-29", "2014-07-01", "", "bulk:0123456789abcdef"],
    ["luat", "Đất đai", "31/2024/QH15", "2024-01-18", "2024-08-01", "45/2013/QH13", "https://example.org/a ; bulk:0123456789abcdef"],
]

BROKEN = [  # (rows, a word the problem must contain)
    ([GOOD[0][:6]], "columns"),
    ([["luật"] + GOOD[0][1:]], "unknown type"),
    ([GOOD[0][:2] + ["45/2013/NĐ-CP"] + GOOD[0][3:]], "not N/YYYY"),
    ([GOOD[0][:2] + ["45/2012/QH13"] + GOOD[0][3:]], "another year"),
    ([GOOD[0][:3] + ["2013-29-11"] + GOOD[0][4:]], "ISO"),
    ([GOOD[0][:3] + ["2014-08-01"] + GOOD[0][4:]], "after effective"),
    ([GOOD[0][:6] + [""]], "source"),
    ([GOOD[0][:6] + ["thuvienphapluat"]], "source"),
    ([GOOD[0], GOOD[1][:5] + ["13/2003/QH11"] + GOOD[1][6:]], "replaces"),
    ([GOOD[1][:5] + [""] + GOOD[1][6:], GOOD[0][:5] + ["31/2024/QH15"] + GOOD[0][6:]], "oldest to newest"),
    ([GOOD[0], GOOD[1], GOOD[0][:5] + ["31/2024/QH15"] + GOOD[0][6:]], "also on row"),
    ([GOOD[0], ["luat", "Nhà ở", "65/2014/QH13", "2014-11-25", "2015-07-01", "", "bulk:0123456789abcdef"],
      GOOD[1][:2] + ["99/2025/QH15", "2025-01-01", "2025-07-01", "", GOOD[1][6]]], "not together"),
    ([GOOD[0][:2] + ["", "", "", "", GOOD[0][6]]], "no number and no date"),
]


def test_the_good_example_has_no_problems():
    assert problems(GOOD) == []


@pytest.mark.parametrize("table,word", BROKEN)
def test_a_broken_table_is_caught(table, word):
    found = problems(table)
    assert any(word in p for p in found), found


# the titles of the most cited laws as extract() gives them in real sentences
SENTENCES = [
    ("Căn cứ Luật Đất đai năm 2024 và các văn bản hướng dẫn", "luat", "Đất đai"),
    ("Theo Điều 160 Luật Nhà ở 2023, người mua", "luat", "Nhà ở"),
    ("Căn cứ Bộ luật Dân sự năm 2015;", "bo_luat", "Dân sự"),
    ("quy định tại Điều 51 Bộ luật Hình sự 2015 thì", "bo_luat", "Hình sự"),
    ("theo Bộ luật Lao động 2019, người lao động", "bo_luat", "Lao động"),
    ("Luật Bảo hiểm xã hội năm 2024 có hiệu lực từ ngày 01/7/2025", "luat", "Bảo hiểm xã hội"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;", "luat", "Tổ chức chính quyền địa phương"),
    ("Căn cứ Luật Trật tự, an toàn giao thông đường bộ năm 2024;", "luat", "Trật tự, an toàn giao thông đường bộ"),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;", "hien_phap", "nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("theo Pháp lệnh Ưu đãi người có công với cách mạng năm 2020, thân nhân", "phap_lenh", "Ưu đãi người có công với cách mạng"),
    ("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025;", "luat", "Khoa học, công nghệ và đổi mới sáng tạo"),
]


@pytest.mark.parametrize("sentence,typ,title", SENTENCES)
def test_a_top_cited_title_comes_out_of_extract_as_in_the_table(rows, sentence, typ, title):
    named = [(n.type, n.title) for n in extract(sentence).named]
    assert named == [(typ, title)]
    assert (typ, title) in {(r[0], r[1]) for r in rows}


def test_every_title_in_the_table_comes_out_of_extract_unchanged(rows):
    wrong = []
    for typ, title, _, passed, *_ in rows:
        year = passed[:4] or "2015"
        got = [(n.type, n.title) for n in extract(f"Căn cứ {TYPE_WORD[typ]} {title} năm {year};").named]
        if got != [(typ, title)]:
            wrong.append((typ, title, got))
    assert wrong == []
