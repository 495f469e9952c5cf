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
