"""How far a cue reaches (annotation guide §4): lists under one cue, a cue's object phrase,
expiry clauses, coordinated cues. Text → the relations expected (all of them, or the ones that
must not be there)."""
import pytest

from citeextract import extract

HEADER = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 15/2026/QĐ-UBND\n\nQUYẾT ĐỊNH\n\n"
S = "15/2026/QĐ-UBND"
DESC = (" ngày 05 tháng 3 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh về việc công bố danh mục thủ tục hành chính "
        "mới ban hành, được sửa đổi, bổ sung trong lĩnh vực đất đai thuộc thẩm quyền giải quyết của Sở Nông "
        "nghiệp và Môi trường")

CASES = [
    # a list under "bãi bỏ … sau đây:" — every item's head document is repealed
    (HEADER + "Điều 1. Bãi bỏ các văn bản sau đây:\n"
     "1. Quyết định số 12/2019/QĐ-UBND ngày 05 tháng 3 năm 2019 của Ủy ban nhân dân tỉnh quy định về giá "
     "dịch vụ.\n2. Quyết định số 30/2020/QĐ-UBND ngày 10/8/2020 của Ủy ban nhân dân tỉnh.\n"
     "3. Chỉ thị số 04/CT-UBND ngày 02/02/2021.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày 01/7/2026.",
     {(S, "repeals", "12/2019/QĐ-UBND"), (S, "repeals", "30/2020/QĐ-UBND"), (S, "repeals", "4/CT-UBND")}),
    # lettered items wrapped over lines; an item's own statement belongs to the item's document
    (HEADER + "Điều 3. Các văn bản sau đây hết hiệu lực thi hành:\n"
     "a) Thông tư số 08/2013/TT-BLĐTBXH ngày 10 tháng 6 năm 2013 của Bộ trưởng Bộ Lao động - Thương binh\n"
     "và Xã hội hướng dẫn Nghị định số 46/2013/NĐ-CP;\n"
     "b) Quyết định số 21/2018/QĐ-UBND ngày 04/5/2018 của Ủy ban nhân dân tỉnh.\n",
     {(S, "repeals", "8/2013/TT-BLĐTBXH"), (S, "repeals", "21/2018/QĐ-UBND"),
      ("8/2013/TT-BLĐTBXH", "guides", "46/2013/NĐ-CP")}),
    # dashes, and a pinpoint before an item's document
    (HEADER + "Bãi bỏ:\n- Khoản 2, khoản 3 Điều 2 Quyết định số 960/QĐ-TTg ngày 07 tháng 7 năm 2020;\n"
     "- Điều 5 Quyết định số 1451/QĐ-TTg ngày 24 tháng 9 năm 2020.\n",
     {(S, "repeals", "960/QĐ-TTg"), (S, "repeals", "1451/QĐ-TTg")}),
    # the cue opens its clause and its object describes the part repealed
    (HEADER + "Điều 1. Bãi bỏ 06 thủ tục hành chính cấp tỉnh thuộc lĩnh vực khoa học và công nghệ tại "
     "Quyết định số 1548/QĐ-UBND ngày 13/5/2025 của Chủ tịch Ủy ban nhân dân tỉnh.",
     {(S, "repeals", "1548/QĐ-UBND")}),
    (HEADER + "Quyết định này bãi bỏ danh mục 01 thủ tục hành chính có số thứ tự 10 tại mục A, phần I; bãi "
     "bỏ 01 danh mục thủ tục hành chính tại Phụ lục 1 ban hành kèm theo Quyết định số 530/QĐ-UBND ngày 16 "
     "tháng 5 năm 2023.",
     {(S, "repeals", "530/QĐ-UBND")}),
    # expiry: the documents the sentence opens with
    (HEADER + "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Quyết định số 497/QĐ-UBND ngày 26/4/2025 "
     "của Chủ tịch Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     {(S, "repeals", "497/QĐ-UBND")}),
    (HEADER + "Điều 4. Quyết định số 12/2020/QĐ-UBND và Quyết định số 13/2021/QĐ-UBND hết hiệu lực thi "
     "hành kể từ ngày Quyết định này có hiệu lực.",
     {(S, "repeals", "12/2020/QĐ-UBND"), (S, "repeals", "13/2021/QĐ-UBND")}),
    # coordinated cues share their target; replacing a part amends
    (HEADER + "Điều 1. Bãi bỏ, sửa đổi, thay thế một số điều, phụ lục của Quyết định số 02/2023/QĐ-UBND "
     "ngày 29 tháng 6 năm 2023 của Ủy ban nhân dân tỉnh",
     {(S, "repeals", "2/2023/QĐ-UBND"), (S, "amends", "2/2023/QĐ-UBND")}),
    (HEADER + "Điều 1. Sửa đổi, bổ sung và thay thế một số nội dung của Quyết định số 07/2019/QĐ-UBND",
     {(S, "amends", "7/2019/QĐ-UBND")}),
    # a list that goes on in the line of its ":", items separated by ";"
    (HEADER + "2. Quyết định này thay thế các Quyết định sau: Quyết định số 123/2016/QĐ-UBND ngày 01 tháng 9 "
     "năm 2016 của Ủy ban nhân dân tỉnh; Quyết định số 101/2020/QĐ-UBND ngày 28 tháng 8 năm 2020.",
     {(S, "replaces", "123/2016/QĐ-UBND"), (S, "replaces", "101/2020/QĐ-UBND")}),
    # an object phrase ending in two coordinated documents
    (HEADER + "2. Bãi bỏ các quy định về xử lý kỷ luật cán bộ tại Nghị định số 112/2020/NĐ-CP ngày 18 tháng 9 "
     "năm 2020 của Chính phủ về xử lý kỷ luật cán bộ, công chức, viên chức và Nghị định số 71/2023/NĐ-CP "
     "ngày 20 tháng 9 năm 2023 của Chính phủ.",
     {(S, "repeals", "112/2020/NĐ-CP"), (S, "repeals", "71/2023/NĐ-CP")}),
    # table rows, ")"-numbered items, items without markers, an expiry list after its cue
    (HEADER + "2. Bãi bỏ toàn bộ 02 văn bản sau đây:\n| STT | Tên văn bản |\n|---|---|\n"
     "| 1 | Quyết định số 10/2019/QĐ-UBND ngày 12/3/2019 |\n| 2 | Chỉ thị số 11/CT-UBND ngày 01/4/2020 |\n",
     {(S, "repeals", "10/2019/QĐ-UBND"), (S, "repeals", "11/CT-UBND")}),
    (HEADER + "2. Bãi bỏ các văn bản sau đây:\n1) Quyết định số 10/2019/QĐ-UBND;\n2) Quyết định số 11/2020/QĐ-UBND.\n",
     {(S, "repeals", "10/2019/QĐ-UBND"), (S, "repeals", "11/2020/QĐ-UBND")}),
    (HEADER + "Bãi bỏ các văn bản sau đây:\n\nQuyết định số 10/2019/QĐ-UBND ngày 12/3/2019;\n\n"
     "Quyết định số 11/2020/QĐ-UBND ngày 01/4/2020.\n",
     {(S, "repeals", "10/2019/QĐ-UBND"), (S, "repeals", "11/2020/QĐ-UBND")}),
    (HEADER + "2. Hết hiệu lực thi hành các văn bản sau:\na) Quyết định số 10/2019/QĐ-UBND;\n"
     "b) Quyết định số 123/QĐ-UBND.\n",
     {(S, "repeals", "10/2019/QĐ-UBND"), (S, "repeals", "123/QĐ-UBND")}),
    # expiry of two documents each with its description; the second amended the first
    (HEADER + "2. Quyết định số 10/2019/QĐ-UBND ngày 12/3/2019 của Ủy ban nhân dân tỉnh quy định về phí, "
     "Quyết định số 11/2020/QĐ-UBND ngày 01/4/2020 của Ủy ban nhân dân tỉnh sửa đổi, bổ sung Quyết định số "
     "10/2019/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     {(S, "repeals", "10/2019/QĐ-UBND"), (S, "repeals", "11/2020/QĐ-UBND"),
      ("11/2020/QĐ-UBND", "amends", "10/2019/QĐ-UBND")}),
    # an expiry list of documents with long descriptions separated by ";", and cues inside them
    (HEADER + "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Các thủ tục hành chính đã được công bố tại các "
     "Quyết định: Quyết định số 101/QĐ-UBND" + DESC + "; Quyết định số 102/QĐ-UBND" + DESC + "; Quyết định số "
     "103/QĐ-UBND" + DESC + " hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     {(S, "repeals", "101/QĐ-UBND"), (S, "repeals", "102/QĐ-UBND"), (S, "repeals", "103/QĐ-UBND")}),
    (HEADER + "Điều 2. Bãi bỏ Quyết định số 101/QĐ-UBND" + DESC + "; Quyết định số 102/QĐ-UBND" + DESC + ".",
     {(S, "repeals", "101/QĐ-UBND"), (S, "repeals", "102/QĐ-UBND")}),
    # an inline list after ":" whose items are joined by commas and "và"
    (HEADER + "3. Bãi bỏ các Quyết định của Ủy ban nhân dân tỉnh: số 12/2019/QĐ-UBND ngày 05/3/2019, số "
     "13/2020/QĐ-UBND ngày 06/4/2020 và số 14/2021/QĐ-UBND ngày 07/5/2021.",
     {(S, "repeals", "12/2019/QĐ-UBND"), (S, "repeals", "13/2020/QĐ-UBND"), (S, "repeals", "14/2021/QĐ-UBND")}),
    # "thay thế cho", after another predicate of the subject
    (HEADER + "Quyết định này có hiệu lực từ ngày 01/01/2026 và thay thế cho các Quyết định số 20/2014/QĐ-UBND "
     "ngày 22/12/2014, Quyết định số 53/2016/QĐ-UBND ngày 21/3/2016 của Ủy ban nhân dân tỉnh.",
     {(S, "replaces", "20/2014/QĐ-UBND"), (S, "replaces", "53/2016/QĐ-UBND")}),
    # passive: replaced by the subject, repealed in a list the subject gives
    (HEADER + "2. Quyết định số 20/2014/QĐ-UBND ngày 22/12/2014 của Ủy ban nhân dân tỉnh quy định về giá được "
     "thay thế bởi Quyết định này.", {(S, "replaces", "20/2014/QĐ-UBND")}),
    (HEADER + "Các Quyết định sau đây bị bãi bỏ:\n- Quyết định số 20/2014/QĐ-UBND;\n- Quyết định số "
     "53/2016/QĐ-UBND.", {(S, "repeals", "20/2014/QĐ-UBND"), (S, "repeals", "53/2016/QĐ-UBND")}),
    # replacing the whole document is replaces
    (HEADER + "Điều 5. Quyết định này thay thế Quyết định số 22/2019/QĐ-UBND ngày 13 tháng 9 năm 2019.",
     {(S, "replaces", "22/2019/QĐ-UBND")}),
]

NOT_EXPECTED = [
    # "căn cứ pháp lý" of a procedure is not the text's basis, and no list cue precedes the items
    (HEADER + "- Căn cứ pháp lý của thủ tục hành chính:\n+ Luật Nhà ở năm 2023;\n"
     "+ Nghị định số 95/2024/NĐ-CP ngày 24/7/2024 của Chính phủ.\n",
     {(S, "based_on", "95/2024/NĐ-CP"), (S, "based_on", "luat:Nhà ở:2023")}),
    # a cue inside another document's description states nothing of the subject
    (HEADER + "Căn cứ Quyết định số 3578/QĐ-BKHCN ngày 07/11/2025 của Bộ Khoa học và Công nghệ về việc "
     "công bố thủ tục hành chính mới ban hành và bị bãi bỏ tại Quyết định số 1130/QĐ-BKHCN;",
     {(S, "repeals", "1130/QĐ-BKHCN")}),
    # an article, not the document: a document that lapsed is not repealed by the article's subject
    ("Ngày 10/6/2026, Bộ Tài chính ban hành Thông tư 40/2026/TT-BTC. Theo đó, Thông tư 10/2020/TT-BTC "
     "hết hiệu lực từ ngày 01/7/2026 theo quy định tại Nghị định 12/2026/NĐ-CP.",
     {("40/2026/TT-BTC", "repeals", "12/2026/NĐ-CP")}),
    # a phrase in quotation marks is replaced, not the document it names
    (HEADER + "5. Thay thế: cụm từ “Quyết định số 1719/QĐ-TTg” bằng cụm từ “Quyết định số 920/QĐ-TTg” tại "
     "khoản 1 Điều 15.",
     {(S, "amends", "1719/QĐ-TTg"), (S, "replaces", "1719/QĐ-TTg"), (S, "amends", "920/QĐ-TTg")}),
    # a metadata field is not an expiry clause
    ("Số hiệu: | 2165/QĐ-UBND |\nNgày hết hiệu lực: | Đang cập nhật |\nCăn cứ Nghị quyết số 30c/NQ-CP;\n"
     + HEADER, {("2165/QĐ-UBND", "repeals", "30c/NQ-CP"), (S, "repeals", "30c/NQ-CP")}),
    # a list cue whose ":" follows words that name no documents ("Bổ sung vào Chương trình …")
    (HEADER + "Bổ sung vào Chương trình công tác năm 2026 đối với các dự án:\n1. Luật Quản lý thuế (sửa đổi);\n"
     "2. Luật Thuế thu nhập cá nhân (sửa đổi).",
     {(S, "amends", "luat:Quản lý thuế:"), (S, "amends", "luat:Thuế thu nhập cá nhân:")}),
    # what the text says has already expired is no act of the subject
    (HEADER + "Căn cứ pháp lý: Quyết định số 34/2015/QĐ-UBND ngày 05/3/2015 của Ủy ban nhân dân tỉnh đã hết "
     "hiệu lực.", {(S, "repeals", "34/2015/QĐ-UBND")}),
    # "Bổ sung" opening a bullet describes content, and reaches no further than the next document
    (HEADER + "- Bổ sung quy định đối với hộ kinh doanh có doanh thu trên 500 triệu đồng tại Luật Thuế thu nhập "
     "doanh nghiệp năm 2025.", {(S, "amends", "luat:Thuế thu nhập doanh nghiệp:2025")}),
    # an inline list after a bare "Sửa đổi, bổ sung:" describes content
    (HEADER + "a) Sửa đổi, bổ sung: 01 thủ tục hành chính thực hiện theo Nghị quyết 66/NQ-CP ngày 26/3/2025.",
     {(S, "amends", "66/NQ-CP")}),
    # the list ends at the paragraph after it
    (HEADER + "Điều 1. Bãi bỏ các văn bản sau:\n1. Quyết định số 12/2019/QĐ-UBND.\n\n"
     "Các sở thực hiện theo Quyết định số 88/2024/QĐ-UBND.",
     {(S, "repeals", "88/2024/QĐ-UBND")}),
]


def triples(text):
    return {tuple(r.as_triple()) for r in extract(text).relations}


@pytest.mark.parametrize("text,expected", CASES)
def test_reach(text, expected):
    got = triples(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    reached = {t for t in got if t[1] in ("repeals", "replaces", "amends")}
    assert reached <= expected, f"unexpected {reached - expected}"


@pytest.mark.parametrize("text,absent", NOT_EXPECTED)
def test_no_reach(text, absent):
    assert not (triples(text) & absent)
