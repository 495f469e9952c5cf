"""The parts of a legal text (``Document.structure``), built when ``extract(structure=True)``.

Read line by line from the text the citation stages read (cleaned, page furniture taken out):

- **header**: the opening of a text that has the national motto or an own-number line near the
  top, up to the preamble or body — with its ``issuer`` (the first line, before the motto),
  ``number`` ("Số: 15/2020/NĐ-CP"), ``place_date`` ("Hà Nội, ngày … năm …") and ``title`` (from
  the line naming the document type to the header's end);
- **preamble**: the "Căn cứ …;" lines (each a ``basis`` part), "Theo đề nghị của …" and the
  enacting line, up to the body;
- **body**: ``phan``, ``chuong``, ``muc`` and ``dieu`` (label: the unit's number), each up to
  the next unit of its rank or above; inside a Điều, ``khoan`` "1." and ``diem`` "a)";
  outside one, numbered and lettered list items (``item``);
- **closing**: from the first article on effect or implementation ("Điều 10. Hiệu lực thi
  hành"), or else from "Nơi nhận", to the end — with ``recipients`` and ``signature``.
Parts nest and may overlap (a closing article is a ``dieu`` and in the closing). Rules:
``patterns/structure.tsv``. Offsets index the text read; the pipeline maps them back.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Part
from ..rules import Rules, alternatives, read_table, words_rx

UNITS = ("phan", "chuong", "muc", "dieu", "khoan", "diem")
RANK = {u: i for i, u in enumerate(UNITS)}
HEADER_CHARS = 2000  # the motto or own-number line of a header stands before this
_LEAD = r"[ \t*_#>|]*"  # Markdown and table marks before a line's first word
_ROMAN = r"[IVXLC]+"


@dataclass(frozen=True)
class StructureMatchers:
    unit: regex.Pattern  # a Phần/Chương/Mục/Điều heading at a line start
    unit_of: dict  # casefolded unit word -> level
    khoan: regex.Pattern  # "1. " at a line start
    diem: regex.Pattern  # "a) " at a line start
    item: regex.Pattern  # "(1) ", "1) " at a line start
    opener: regex.Pattern  # a preamble line: "Căn cứ", "Theo đề nghị của"
    basis: regex.Pattern
    enacting: regex.Pattern
    number: regex.Pattern  # "Số: …" field
    motto: regex.Pattern
    place_date: regex.Pattern
    title: regex.Pattern  # a line naming a document type ("NGHỊ ĐỊNH", "THÔNG TƯ")
    closing_article: regex.Pattern  # a Điều heading's title in the closing
    recipients: regex.Pattern
    signature: regex.Pattern


@lru_cache(maxsize=8)
def structure_matchers(rules: Rules) -> StructureMatchers:
    t: dict[str, list[str]] = {}
    for section, cell, *_ in read_table("structure.tsv"):
        t.setdefault(section, []).extend(alternatives(cell))
    unit_of = {" ".join(w.split()).casefold(): u for u in UNITS[:4] for w in t.get(u, [])}
    big = words_rx([w for u in ("phan", "chuong") for w in t.get(u, [])])
    muc, dieu = words_rx(t.get("muc", ["Mục"])), words_rx(t.get("dieu", ["Điều"]))
    unit = regex.compile(
        r"(?m)^" + _LEAD + r"(?:(?P<w>(?i:" + big + r"))\s+(?P<n>" + _ROMAN + r"|\d{1,3})(?![\p{L}\d])"
        r"|(?P<w2>(?i:" + muc + r"))\s+(?P<n2>\d{1,3})(?![\p{L}\d])"
        r"|(?P<w3>(?i:" + dieu + r"))\s+(?P<n3>\d{1,4}[a-zđ]?)[ \t*_]*[.:])"
    )
    types = words_rx(list(rules.type_words))
    return StructureMatchers(
        unit=unit, unit_of=unit_of,
        khoan=regex.compile(r"(?m)^" + _LEAD + r"(?P<n>\d{1,3})\.[ \t]"),
        diem=regex.compile(r"(?m)^" + _LEAD + r"(?P<n>[a-zđ])\)[ \t]"),
        item=regex.compile(r"(?m)^" + _LEAD + r"\(?(?P<n>\d{1,3})\)[ \t]"),
        opener=regex.compile(r"(?m)^" + _LEAD + r"[“\"]?(?i:" + words_rx(t.get("basis", []) + t.get("proposal", []))
                             + r")(?![\p{L}])"),
        basis=regex.compile(r"[ \t*_#>|“\"]*(?i:" + words_rx(t.get("basis", ["Căn cứ"])) + r")(?![\p{L}])"),
        enacting=regex.compile(r"(?:" + words_rx(t.get("enacting", ["ban hành"])) + r")"),
        number=regex.compile(r"(?m)(?:^|\|)" + _LEAD + r"(?P<f>(?i:" + words_rx(t.get("number", ["Số"]))
                             + r"))\s*:[^\n|]*(?:\n[ \t|]*\d[^\n|]*)?"),
        motto=regex.compile(r"(?i:" + words_rx(t.get("motto", [])) + r")"),
        place_date=regex.compile(r"(?m)(?:^|\|)" + _LEAD + r"(?P<pd>\p{Lu}[^\n,|]{1,40}(?:\n[^\n,|]{1,40})?,\s*(?i:"
                                 + words_rx(t.get("date_word", ["ngày"])) + r")\s[^\n|*]*)"),
        title=regex.compile(r"(?m)^" + _LEAD + r"(?P<tw>(?i:" + types + r"))[ \t*_]*$"),
        closing_article=regex.compile(r"[ \t*_]*(?i:" + words_rx(t.get("closing_article", [])) + r")(?![\p{L}])"),
        recipients=regex.compile(r"(?m)^" + _LEAD + r"(?i:" + words_rx(t.get("recipients", ["Nơi nhận"]))
                                 + r")\s*:"),
        signature=regex.compile(r"(?m)(?:^|\|)" + _LEAD + r"(?:" + "|".join(
            regex.escape(w) for w in t.get("signature", ["TM."])) + r")"),
    )


def find_structure(text: str, rules: Rules) -> list[Part]:
    """The parts of ``text``, sorted by start (outer parts first)."""
    sm = structure_matchers(rules)
    n = len(text)
    units = [(m.start(), *_unit(m, sm)) for m in sm.unit.finditer(text)]
    body_start = units[0][0] if units else n
    parts: list[Part] = []
    pre = _preamble(text, sm, body_start)
    head_end = pre[0].start if pre else body_start
    parts += pre
    parts += _header(text, sm, head_end)
    closing_start, tail_start = _closing(text, sm, units, body_start)
    if units:
        parts.append(_part(text, "body", "", body_start, tail_start))
    parts += _units(text, sm, units, tail_start)
    if closing_start < n:
        parts.append(_part(text, "closing", "", closing_start, n))
        parts += _tail(text, sm, tail_start)
    parts += _items(text, sm, [(p.start, p.end) for p in parts if p.level in ("dieu", "preamble", "header")])
    return sorted((p for p in parts if p.end > p.start), key=lambda p: (p.start, -p.end, RANK.get(p.level, -1)))


def _unit(m: regex.Match, sm: StructureMatchers) -> tuple[str, str, int]:
    """(level, label, end of the heading word and number) of a unit heading."""
    for w, num in (("w", "n"), ("w2", "n2"), ("w3", "n3")):
        if m.group(w):
            level = sm.unit_of.get(" ".join(m.group(w).split()).casefold(), "dieu")
            return level, _label(m.group(num)), m.end(num)
    raise AssertionError("a unit heading without a word")


def _label(s: str) -> str:
    if s.isdigit():
        return str(int(s))
    if regex.fullmatch(_ROMAN, s):
        return s.upper()
    return s.lstrip("0") if s[:1].isdigit() else s.lower()


def _part(text: str, level: str, label: str, start: int, end: int) -> Part:
    """A part with the white space and Markdown marks at its edges left out."""
    while start < end and text[start] in " \t\n\r*_#>|":
        start += 1
    while end > start and text[end - 1] in " \t\n\r*_|":
        end -= 1
    return Part(level, label, start, end)


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def _preamble(text: str, sm: StructureMatchers, body_start: int) -> list[Part]:
    """The preamble and its basis lines, before the body."""
    lines = [m for m in sm.opener.finditer(text, 0, body_start)]
    if not lines:
        return []
    parts = []
    for i, m in enumerate(lines):
        if sm.basis.match(text, m.start()):
            end = lines[i + 1].start() if i + 1 < len(lines) else _line_end(text, m.end())
            semi = text.rfind(";", m.end(), end)  # a basis line ends with ";" (a wrapped one, at its last)
            parts.append(_part(text, "basis", "", m.start(), semi + 1 if semi >= 0 else _line_end(text, m.end())))
        else:
            parts.append(_part(text, "proposal", "", m.start(), _line_end(text, m.end())))
    end = body_start
    if body_start == len(text):  # no body: the last opener line and an enacting line after it
        end = _line_end(text, lines[-1].end())
        nxt = text.find("\n", end + 1)
        after = text[end:nxt if nxt >= 0 else len(text)]
        if sm.enacting.search(after):
            end += len(after)
    return [_part(text, "preamble", "", lines[0].start(), end), *parts]


def _header(text: str, sm: StructureMatchers, end: int) -> list[Part]:
    """The header of a document, if it has one: the motto or its own number near the top."""
    top = min(end, HEADER_CHARS)
    mm = sm.motto.search(text, 0, top)
    nm = sm.number.search(text, 0, top)
    if mm is None and nm is None or end == 0:
        return []
    parts = [_part(text, "header", "", 0, end)]
    first = _part(text, "issuer", "", 0, _line_end(text, 0))
    stop = [p for p in (mm.start() if mm else -1, text.find("|", first.start, first.end),
                        text.find("---", first.start, first.end)) if first.start < p <= first.end]
    if (mm is None or mm.start() > first.start) and not (nm and nm.start() <= first.end):
        parts.append(_part(text, "issuer", "", first.start, min(stop, default=first.end)))
    if nm:
        parts.append(_part(text, "number", "", nm.start("f"), nm.end()))
    pm = sm.place_date.search(text, nm.end() if nm else 0, top)
    if pm:
        parts.append(_part(text, "place_date", "", pm.start("pd"), pm.end("pd")))
    tm = sm.title.search(text, pm.end() if pm else (nm.end() if nm else 0), end)
    if tm:
        parts.append(_part(text, "title", "", tm.start("tw"), end))
    return parts


def _closing(text: str, sm: StructureMatchers, units: list, body_start: int) -> tuple[int, int]:
    """Where the closing starts (its first article, or else the recipients list) and where the
    tail after the last article starts (recipients or signature)."""
    n = len(text)
    rm = sm.recipients.search(text, body_start if body_start < n else 0)
    sg = sm.signature.search(text, rm.end() if rm else (units[-1][0] if units else n))
    tail = min(rm.start() if rm else n, sg.start() if sg else n)
    for start, level, _, head_end in units:
        if level == "dieu" and start < tail and sm.closing_article.match(text, head_end + 1):
            return start, tail
    return (rm.start() if rm else tail if units else n), tail


def _tail(text: str, sm: StructureMatchers, start: int) -> list[Part]:
    """Recipients and signature after the last article."""
    n = len(text)
    rm = sm.recipients.search(text, start)
    sg = sm.signature.search(text, rm.end() if rm else start)
    parts = []
    if rm:
        parts.append(_part(text, "recipients", "", rm.start(), sg.start() if sg and sg.start() > rm.start() else n))
    if sg:
        parts.append(_part(text, "signature", "", sg.start(), n))
    return parts


def _units(text: str, sm: StructureMatchers, units: list, end: int) -> list[Part]:
    """Phần, Chương, Mục and Điều, each up to the next of its rank or above; khoản and điểm
    inside each Điều, after its heading's number."""
    parts = []
    open_: list[tuple[str, str, int, int]] = []
    heads = [u for u in units if u[0] < end]
    for start, level, label, head_end in heads + [(end, "phan", "", end)]:
        while open_ and RANK[open_[-1][0]] >= RANK[level]:
            lv, lb, st, he = open_.pop()
            parts.append(_part(text, lv, lb, st, start))
            if lv == "dieu":
                parts += _points(text, sm, he, parts[-1].end)
        open_.append((level, label, start, head_end))
    return parts


def _points(text: str, sm: StructureMatchers, start: int, end: int) -> list[Part]:
    """khoản "1." and điểm "a)" of one Điều, from its heading's number to its end."""
    parts = []
    k = list(sm.khoan.finditer(text, start, end))
    for i, m in enumerate(k):
        parts.append(_part(text, "khoan", _label(m.group("n")), m.start(), k[i + 1].start() if i + 1 < len(k) else end))
    bounds = [m.start() for m in k] + [end]
    d = list(sm.diem.finditer(text, start, end))
    for i, m in enumerate(d):
        j = bisect_right(bounds, m.start())  # bounds are in order
        nxt = bounds[j] if j < len(bounds) else end
        parts.append(_part(text, "diem", _label(m.group("n")), m.start(),
                           min(d[i + 1].start(), nxt) if i + 1 < len(d) else nxt))
    return parts


def _items(text: str, sm: StructureMatchers, inside: list[tuple[int, int]]) -> list[Part]:
    """Numbered and lettered list items outside the articles, the preamble and the header: each
    up to the next item or the next paragraph that is no item."""
    spans = sorted(inside)
    starts = [s for s, _ in spans]

    def covered(pos: int) -> bool:  # inside an article, the preamble or the header (spans sorted)
        i = bisect_right(starts, pos) - 1
        return any(s <= pos < e for s, e in spans[max(0, i - 3):i + 1])

    found = sorted(
        (m.start(), m.group("n")) for rx in (sm.khoan, sm.diem, sm.item) for m in rx.finditer(text)
        if not covered(m.start()))
    parts = []
    for i, (start, label) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        para = text.find("\n\n", start, end)
        while para >= 0:  # a paragraph after a blank line ends the item unless it is indented
            nxt = para + 2
            while nxt < end and text[nxt] == "\n":
                nxt += 1
            if nxt < end and not text[nxt].isspace():
                end = para
                break
            para = text.find("\n\n", nxt, end)
        parts.append(_part(text, "item", _label(label), start, end))
    return parts
