"""Page furniture (annotation guide §4): running headers of the Official Gazette, page numbers
and digital-signature blocks are no part of the sentence they interrupt. Tables of text →
expected records, written from the shape of Công báo pages; then the legal gold texts, clean
and with gazette furniture inserted, give the same records."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from citeextract import extract
from citeextract.evaluation.noise import gazette
from citeextract.pipeline.clean import clean
from citeextract.pipeline.furniture import find_furniture
from citeextract.rules import rules

ROOT = Path(__file__).resolve().parents[1]
HEADER = "BỘ CÔNG THƯƠNG\nSố: 12/2025/TT-BCT\nHà Nội, ngày 10 tháng 3 năm 2025\n\nTHÔNG TƯ\nQuy định về giá điện\n\n"
SIGNATURE = ("Người ký: Cổng Thông tin điện tử Chính phủ\nEmail: thongtinchinhphu@chinhphu.vn\n"
             "Cơ quan: Văn phòng Chính phủ\nThời gian ký: 07.03.2025 09:10:52 +07:00\n")
S = "12/2025/TT-BCT"

# (body after HEADER, citation keys, date values, relations)
CASES = [
    # a citation split by a page break: one citation, no "281/NĐ" from "Số 281/Ngày", the header's date kept
    ("Điều 9. Thông tư này thay thế Thông tư số\nCÔNG BÁO/Số 281/Ngày 21-05-2026\n12\n08/2013/TT-BLĐTBXH "
     "ngày 10 tháng 6 năm 2013 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội.\n",
     [S, "8/2013/TT-BLĐTBXH"], ["2025-03-10", "2026-05-21", "2013-06-10"], {(S, "replaces", "8/2013/TT-BLĐTBXH")}),
    # two issues in one, the page number first on the header's line
    ("Căn cứ Luật Điện lực số 61/2024/QH15;\n14 CÔNG BÁO/Số 227 + 228/Ngày 01-02-2025\nCăn cứ Nghị định số "
     "40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;\n",
     [S, "61/2024/QH15", "40/2025/NĐ-CP"], ["2025-03-10", "2025-02-01", "2025-02-26"],
     {(S, "based_on", "61/2024/QH15"), (S, "based_on", "40/2025/NĐ-CP")}),
    # spaces around the slashes, the page number on the next line, inside a basis line
    ("Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ,\n"
     "CÔNG BÁO / Số 281 / Ngày 21-05-2026\n13\nquyền hạn và cơ cấu tổ chức của Bộ Công Thương; Nghị định số "
     "105/2024/NĐ-CP ngày 01 tháng 8 năm 2024 của Chính phủ;\n",
     [S, "96/2022/NĐ-CP", "105/2024/NĐ-CP"], ["2025-03-10", "2022-11-29", "2026-05-21", "2024-08-01"],
     {(S, "based_on", "96/2022/NĐ-CP"), (S, "based_on", "105/2024/NĐ-CP")}),
    # the header over three lines, between "số" and the number
    ("Thông tư này sửa đổi, bổ sung một số điều của Thông tư số\nCÔNG BÁO\nSố 281\nNgày 21-05-2026\n"
     "16/2014/TT-BCT ngày 29 tháng 5 năm 2014.\n",
     [S, "16/2014/TT-BCT"], ["2025-03-10", "2026-05-21", "2014-05-29"], {(S, "amends", "16/2014/TT-BCT")}),
    # a signature block in the middle of a basis line: the line goes on across it
    ("Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ; Nghị định số\n" + SIGNATURE
     + "105/2024/NĐ-CP ngày 01 tháng 8 năm 2024 sửa đổi, bổ sung một số điều của Nghị định số 96/2022/NĐ-CP;\n",
     [S, "96/2022/NĐ-CP", "105/2024/NĐ-CP", "96/2022/NĐ-CP"],
     ["2025-03-10", "2022-11-29", "2025-03-07", "2024-08-01"],
     {(S, "based_on", "96/2022/NĐ-CP"), (S, "based_on", "105/2024/NĐ-CP"),
      ("105/2024/NĐ-CP", "amends", "96/2022/NĐ-CP")}),
    # a named law split across a page: its title and year read whole
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật\nCÔNG BÁO/Số 281/Ngày 21-05-2026\n7\nnăm 2015;\n",
     [S], ["2025-03-10", "2026-05-21", "2015"], {(S, "based_on", "luat:Ban hành văn bản quy phạm pháp luật:2015")}),
]


@pytest.mark.parametrize("body,keys,dates,relations", CASES)
def test_furniture_is_no_part_of_the_text(body, keys, dates, relations):
    text = HEADER + body
    doc = extract(text)
    assert [c.key for c in doc.citations] == keys
    assert [d.value for d in doc.dates] == dates
    assert {tuple(r.as_triple()) for r in doc.relations} == relations
    for m in doc.mentions():
        assert text[m.start:m.end] == m.text


def test_split_citation_offsets_index_the_original():
    text = "Bãi bỏ Thông tư số\nCÔNG BÁO/Số 281/Ngày 21-05-2026\n12\n08/2013/TT-BLĐTBXH."
    (c,) = extract(text).citations
    assert (c.start, c.end, c.type) == (7, len(text) - 1, "thong_tu")
    assert c.text.startswith("Thông tư số\nCÔNG BÁO") and c.text.endswith("08/2013/TT-BLĐTBXH")


# (text, the furniture found, as written)
SPANS = [
    # a page number between two halves of a sentence, in a text with a running header
    ("CÔNG BÁO/Số 281/Ngày 21-05-2026\nĐiều 3. Bãi bỏ các văn bản\n14\nsau đây của Bộ.\n",
     ["CÔNG BÁO/Số 281/Ngày 21-05-2026", "14"]),
    # a number after a word that takes one is the article's number, not a page number
    ("CÔNG BÁO/Số 281/Ngày 21-05-2026\nTheo quy định tại Điều\n5\ncủa Luật này.\n", ["CÔNG BÁO/Số 281/Ngày 21-05-2026"]),
    # a number line after a sentence's end, before a capital: no page number
    ("CÔNG BÁO/Số 281/Ngày 21-05-2026\nCác khoản sau đây.\n2\nNội dung khác.\n", ["CÔNG BÁO/Số 281/Ngày 21-05-2026"]),
    # signature fields run together on one line, up to the signing time
    ("Bãi bỏ Người ký: Cổng Thông tin điện tử Chính phủ Email: thongtinchinhphu@chinhphu.vn Thời gian ký: "
     "07.03.2025 09:10:52 +07:00 các văn bản", ["Người ký: Cổng Thông tin điện tử Chính phủ Email: "
                                               "thongtinchinhphu@chinhphu.vn Thời gian ký: 07.03.2025 09:10:52 +07:00"]),
    # no gate word: a bare number line in an ordinary article is left alone
    ("Điều 3. Bãi bỏ các văn bản\n2\nsau đây.\n", []),
    # the metadata table of a legal database: "Người ký" without a signing time is no furniture
    ("Loại văn bản: Nghị định\nNgười ký: Hồ Đức Phớc\nNgày ban hành: 26/11/2025\n", []),
    # "Công báo" in a sentence is no running header
    ("Nghị định được đăng Công báo số 281 ngày 21/5/2026.\n", []),
]


@pytest.mark.parametrize("text,expected", SPANS)
def test_furniture_spans(text, expected):
    t = clean(text).text
    assert [t[s:e] for s, e in find_furniture(t, rules())] == expected


def test_text_without_furniture_is_read_as_before():
    text = "Căn cứ Nghị định số 61/2018/NĐ-CP;\n2\nsố 281/Ngày nào đó"
    assert find_furniture(clean(text).text, rules()) == []
    assert [c.key for c in extract(text).citations] == ["61/2018/NĐ-CP", "281/NĐ"]  # no gate word: unchanged


def test_gazette_copy_has_furniture_at_page_intervals():
    text = ("Điều 1. Nội dung của văn bản được viết thành câu dài. " * 200).strip()  # 10,800 characters
    copy = gazette(text, 3)
    pages = [i for i in range(len(copy)) if copy.startswith("CÔNG BÁO", i)]
    assert 3 <= len(pages) <= 4
    assert all(b - a >= 2500 for a, b in zip(pages, pages[1:]))
    assert "Thời gian ký: " in copy and gazette(text, 3) == copy and gazette(text, 4) != copy


BULK = Path(os.environ.get("CITEEXTRACT_BULK", ROOT.parent / "shared/corpora/bulk/tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"))


def _records(doc):
    """What furniture must not change: citations, named laws, relations, subject, effect date."""
    return ([(c.key, c.type, c.issued, c.issuer, c.flags) for c in doc.citations],
            [(n.key, n.issued) for n in doc.named], sorted(tuple(r.as_triple()) for r in doc.relations),
            doc.subject, doc.effective)


@pytest.mark.skipif(not BULK.exists(), reason="bulk corpus not beside the project (or at $CITEEXTRACT_BULK)")
def test_legal_gold_texts_read_the_same_with_gazette_furniture(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "corpora/make_raw.py"), str(ROOT / "corpora/legal"),
                    "--bulk", str(BULK), "--out", str(tmp_path)], check=True, capture_output=True)
    paths = sorted(tmp_path.glob("*.txt"))
    assert len(paths) >= 26
    breaks = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        clean_doc = extract(text)
        for seed in (0, 1):
            copy = gazette(text, seed)
            breaks += copy.count("CÔNG BÁO")
            doc = extract(copy)
            assert _records(doc) == _records(clean_doc), (path.name, seed)
            dates = [d.value for d in clean_doc.dates]
            assert [d.value for d in doc.dates if not _in_furniture(copy, d.start)] == dates, (path.name, seed)
            for m in doc.mentions():
                assert copy[m.start:m.end] == m.text
    assert breaks > 100  # the copies really carry furniture


def _in_furniture(copy: str, pos: int) -> bool:
    """A date the gazette copy added: on a header line or the signing-time line."""
    line = copy[copy.rfind("\n", 0, pos) + 1:copy.find("\n", pos) if "\n" in copy[pos:] else len(copy)]
    return line.startswith(("Ngày ", "Thời gian ký")) or "CÔNG BÁO" in line
