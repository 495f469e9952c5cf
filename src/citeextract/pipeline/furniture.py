"""Stage 2: page furniture (annotation guide §4) — the running headers of the Official Gazette
("CÔNG BÁO/Số 281/Ngày 21-05-2026"), page numbers and digital-signature blocks ("Người ký: …
Thời gian ký: 07.03.2025 09:10:52 +07:00") that PDF-extracted text carries on every page, often
in the middle of a sentence or a list.

:func:`find_furniture` finds their spans in the cleaned text; :func:`excise` gives the text the
later stages read without them (and a map back): inside a sentence a span and the white space
around it become one space, elsewhere it goes with the white space after it. So "Thông tư
số\\nCÔNG BÁO/Số 281/Ngày 21-05-2026\\n12\\n08/2013/TT-BLĐTBXH" is one citation, "Số 281" no
citation, and a sentence, list or "Căn cứ" line runs on across a page break. The dates inside
furniture are still dates: :func:`furniture_dates` reads them from the spans.
Rules: ``patterns/furniture.tsv``. A text holding none of its gate words costs two substring
searches in the one-byte image of the text that the citation stage reads anyway.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import gate as _gate
from .clean import CleanText
from .dates import find_dates
from ..models import DateMention
from ..rules import Rules, alternatives, read_table, words_rx

_DATE = r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}"
_PAGE = r"[ \t]*\d{1,4}[ \t]*"  # a page number alone on its line
_BLOCK_AROUND = 400  # the fields of a signature block stand within this many characters of its time field


@dataclass(frozen=True)
class FurnitureMatchers:
    gate: tuple[str, ...]  # substrings that turn the stage on
    gate_image: tuple[bytes, ...]  # the same in the Latin-1 image the citation gate reads
    header: regex.Pattern  # a running header, with a page number after it on its line or the next
    page_before: regex.Pattern  # a page number before a running header, on its line or the line above
    field: regex.Pattern  # a signature field label
    time_value: regex.Pattern  # the value of the signing-time field
    page_line: regex.Pattern  # a line holding only a page number
    sentence_end: str  # characters that end a sentence or an item
    number_word: regex.Pattern  # a word that takes a number, ending a line
    time_labels: frozenset  # the signing-time field's labels, casefolded
    time_words: tuple[str, ...]  # the same, as written: a text without one has no signature block
    continued: regex.Pattern  # a number going on with a sentence, not opening a list item


@lru_cache(maxsize=8)
def furniture_matchers(rules: Rules) -> FurnitureMatchers:
    del rules  # the tables are read from the same directory as the rules
    t: dict[str, list[str]] = {}
    for section, cell, *_ in read_table("furniture.tsv"):
        t.setdefault(section, []).extend(alternatives(cell))
    sep = r"[\s/|]*"
    # it opens with the gazette's title (a literal the engine finds fast); a page number before
    # it, on its line or the line above, is read backwards from there (``page_before``)
    header = regex.compile(
        r"(?m)(?:" + words_rx(t.get("gazette", ["CÔNG BÁO"])) + r")" + sep
        + r"(?i:" + words_rx(t.get("issue", ["Số"])) + r")\s*\d{1,5}(?:\s*\+\s*\d{1,5})*" + sep
        + r"(?i:" + words_rx(t.get("day", ["Ngày"])) + r")\s*" + _DATE
        + r"(?:[ \t]+\d{1,4}(?=[ \t]*$)|[ \t]*\n" + _PAGE + r"$)?"
    )
    labels = t.get("signature_field", []) + t.get("signature_time", ["Thời gian ký"])
    field = regex.compile(r"(?<![\p{L}\d])(?P<label>(?i:" + words_rx(labels) + r"))[ \t]*:[ \t]*")
    time_value = regex.compile(r"[ \t]*" + _DATE + r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?(?:[ \t]*[+-]\d{2}:?\d{2})?")
    return FurnitureMatchers(
        gate=tuple(t.get("gate", ["CÔNG BÁO", "Thời gian ký"])),
        gate_image=tuple(w.encode("latin-1", "replace") for w in t.get("gate", ["CÔNG BÁO", "Thời gian ký"])),
        header=header, field=field,
        page_before=regex.compile(r"(?<![^\n])[ \t]*\d{1,4}(?:[ \t]*\n[ \t]*|[ \t]+)$"),
        time_value=time_value, page_line=regex.compile(r"(?m)^" + _PAGE + r"$"),
        sentence_end="".join(t.get("sentence_end", list(".;:!?"))),
        number_word=regex.compile(r"(?<![\p{L}])(?:" + words_rx(t.get("number_word", ["Điều"])) + r")[\s*]*$"),
        continued=regex.compile(r"\d+(?![\d.)]*[.)]\s)"),
        time_words=tuple(t.get("signature_time", ["Thời gian ký"])),
        time_labels=frozenset(" ".join(w.split()).casefold() for w in t.get("signature_time", ["Thời gian ký"])),
    )


def find_furniture(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Spans of page furniture in cleaned ``text``, in order, not overlapping."""
    fm = furniture_matchers(rules)
    # the one-byte image (which the citation stage reads next) is searched several times faster
    # than the text; a hit there ("?" stands for any other character) is checked on the text
    data = _gate.image(text)
    if not any(w in data for w in fm.gate_image) or not any(w in text for w in fm.gate):
        return []
    spans = []
    for m in fm.header.finditer(text):
        pm = fm.page_before.search(text, max(0, m.start() - 12), m.start())
        spans.append((pm.start() if pm else m.start(), m.end()))
    if any(w in text for w in fm.time_words):
        spans += _signatures(text, fm)
    if spans:
        spans += _page_numbers(text, fm, spans)
    return _merge(text, spans)


def _signatures(text: str, fm: FurnitureMatchers) -> list[tuple[int, int]]:
    """Signature blocks: runs of fields with only white space between them, holding the
    signing-time field."""
    windows: list[tuple[int, int]] = []  # only the fields around a signing-time field can form a block
    for w in fm.time_words:
        i = text.find(w)
        while i >= 0:
            windows.append((max(0, i - _BLOCK_AROUND), i + _BLOCK_AROUND))
            i = text.find(w, i + 1)
    fields = [m for lo, hi in _merge(text, windows, join=False) for m in fm.field.finditer(text, lo, hi)]
    out: list[tuple[int, int]] = []
    block: list[tuple[int, int, bool]] = []
    for i, m in enumerate(fields):
        timed = " ".join(m.group("label").split()).casefold() in fm.time_labels
        if timed:
            vm = fm.time_value.match(text, m.end())
            if vm is None:
                continue
            end = vm.end()
        else:  # up to the next field on its line, or the line's end
            eol = text.find("\n", m.end())
            eol = len(text) if eol < 0 else eol
            nxt = fields[i + 1].start() if i + 1 < len(fields) else eol
            end = len(text[m.end():min(eol, nxt)].rstrip()) + m.end()
        if block and text[block[-1][1]:m.start()].strip():
            out += _block(block)
            block = []
        block.append((m.start(), end, timed))
    return out + _block(block)


def _block(block: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    return [(block[0][0], block[-1][1])] if any(timed for _, _, timed in block) else []


def _page_numbers(text: str, fm: FurnitureMatchers, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines holding only a page number: beside other furniture, or between two halves of a
    sentence."""
    starts, ends = {s for s, _ in spans}, {e for _, e in spans}
    out = []
    for m in fm.page_line.finditer(text):
        s, e = m.span()
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        if s == e:
            continue
        b, a = _prev_end(text, s), _next_start(text, e)
        if b in ends or a in starts:
            out.append((s, e))
            continue
        if b == 0 or a == len(text) or text[b - 1] in fm.sentence_end or not text[a].islower():
            continue
        if fm.number_word.search(text, max(0, b - 20), b):
            continue  # "Điều\n5\ncủa Luật …": the number of an article
        out.append((s, e))
    return out


def _prev_end(text: str, pos: int) -> int:
    """The end of the last non-space character before ``pos``."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _next_start(text: str, pos: int) -> int:
    """The first non-space character at or after ``pos``."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _merge(text: str, spans: list[tuple[int, int]], join: bool = True) -> list[tuple[int, int]]:
    """Overlapping spans as one; with ``join``, also spans with only white space between them."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or join and not text[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def excise(text: str, spans: list[tuple[int, int]], rules: Rules) -> CleanText:
    """``text`` without its furniture, mapped back to ``text``. Inside a sentence (the text
    before does not end one, the text after goes on in lower case or with a number) the
    furniture and the white space around it become one space: "Thông tư số\\n<header>\\n12\\n
    08/2013/TT-BLĐTBXH" reads "Thông tư số 08/2013/TT-BLĐTBXH". Elsewhere the furniture goes
    with the white space after it, and the white space before it stays."""
    fm = furniture_matchers(rules)
    ct = CleanText(text, text)
    pieces: list[str] = []
    last = shift = 0
    for s, e in spans:
        e = _next_start(text, e)
        b = max(last, _prev_end(text, s))
        rep = ""
        if b == 0 or e == len(text):  # at the text's edge: the white space on the inner side goes too
            s = b
        elif text[b - 1] not in fm.sentence_end and (text[e].islower() or fm.continued.match(text, e)):
            s, rep = b, " "
        pieces.append(text[last:s])
        pieces.append(rep)
        cs = s - shift
        ct._cs.append(cs)
        ct._ce.append(cs + len(rep))
        ct._os.append(s)
        ct._oe.append(e)
        shift += e - s - len(rep)
        last = e
    pieces.append(text[last:])
    ct.text = "".join(pieces)
    return ct


def furniture_dates(text: str, spans: list[tuple[int, int]], rules: Rules) -> list[DateMention]:
    """The dates written inside the furniture spans of cleaned ``text`` (offsets into it), read
    in one pass over the spans joined by a line no date runs across."""
    joined = _JOIN.join(text[s:e] for s, e in spans)
    starts, pos = [], 0
    for s, e in spans:
        starts.append(pos)
        pos += e - s + len(_JOIN)
    out = []
    for d in find_dates(joined, rules):
        i = bisect_right(starts, d.start) - 1
        shift = spans[i][0] - starts[i]
        d.start += shift
        d.end += shift
        out.append(d)
    return out


_JOIN = "\n;\n"  # between two spans: a ";" line, which no date expression takes in
