from html.parser import HTMLParser

from citeextract.output.annotate import annotate_html
from citeextract.pipeline import extract

TEXT = ('<script>alert("x")</script> Nghị quyết 76/NQ-CP ngày 13/6/2013 của Chính phủ sửa đổi, '
        'bổ sung một số điều của Nghị quyết 30c/NQ-CP & "Luật Đất đai năm 2013".')


class _Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.marks, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))
        if tag not in ("meta",):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"


def test_escapes_input_and_highlights():
    html = annotate_html(TEXT, extract(TEXT), title="<b>t</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>t</b>" not in html
    p = _Check()
    p.feed(html)
    assert "script" not in p.tags and not p.stack
    titles = [m["title"] for m in p.marks if "title" in m]
    assert any("key: 76/NQ-CP" in t and "amends → 30c/NQ-CP" in t for t in titles)
    assert any(t.startswith("date: 2013-06-13") for t in titles)
    assert any("luat:Đất đai:2013" in t for t in titles)


def test_structure_shown_when_asked():
    text = ("Điều 1. Bãi bỏ Thông tư số\nCÔNG BÁO/Số 281/Ngày 21-05-2026\n12\n08/2013/TT-BLĐTBXH.\n"
            "1. Khoản một <b>;\n2. Khoản hai.\n")
    doc = extract(text, structure=True)
    plain = annotate_html(text, doc)
    assert 'class="part' not in plain and 'class="furniture"' not in plain
    html = annotate_html(text, doc, structure=True)
    p = _Check()
    p.feed(html)
    assert not p.stack
    assert '<span class="part dieu">[dieu 1</span>' in html and '<span class="part khoan">khoan 2]</span>' in html
    assert html.index("[dieu 1") < html.index("[khoan 1") < html.index("khoan 1]") < html.index("[khoan 2")
    assert html.index("khoan 2]") < html.index("dieu 1]")
    # the furniture inside the split citation is greyed within its highlight
    assert '<mark class="citation"' in html and '<span class="furniture" title="page furniture">CÔNG BÁO' in html
    assert "&lt;b&gt;" in html
