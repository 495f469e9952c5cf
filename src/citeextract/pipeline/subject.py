"""The subject of a text (annotation guide §5): the document it is issued as or mainly
announces.

In order of preference:
1. ``self``: the text's own number in its header ("Số: 54/KH-UBND") — the text is the
   document;
2. ``lead``: an opening sentence that issues a numbered document: "Ngày 25/3/2020, Sở … đã
   ban hành Kế hoạch số 311/KH-SKH&CN", "Đêm 22/9, UBND tỉnh ban hành Công văn số …";
3. ``title``: a citation in the first line (the headline), unless it is an article reference
   ("Điều 7 Nghị định …") or the line is a list item.
Works on the cleaned text and cleaned-offset citations.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Citation
from ..rules import Rules, read_table, alternatives, words_rx

LEAD_CHARS = 700  # how far into the body a lead sentence may start


@dataclass
class SubjectMatchers:
    lead: regex.Pattern  # "<time phrase>, <issuer> (đã) ban hành " right before a citation
    article_ref: regex.Pattern  # "Điều 7 ", "khoản 2 Điều 4 " right before a citation
    list_item: regex.Pattern
    header: regex.Pattern  # "Số: ", "Số hiệu | " right before a citation
    heading: regex.Pattern  # a Markdown heading or bold line
    cue_start: regex.Pattern  # a line opening with a relation cue ("Thực hiện …")


@lru_cache(maxsize=8)
def subject_matchers(rules: Rules) -> SubjectMatchers:
    words = relation_words(rules)
    verbs = words_rx(words.get("issue_verb", ["ban hành"]))
    lead = regex.compile(r"(?m)(?:^|[.!?]\s)[^\n.!?]{0,140}?\s(?i:" + verbs + r")\s+$")
    parts = words_rx(words.get("part_ref", ["điều"]))
    article_ref = regex.compile(r"(?i:" + parts + r")\s+[\w.]+\s*(?:của\s+)?$")
    list_item = regex.compile(r"^\s*(?:\d+[.)]|[a-zđ]\)|[-+•–])\s")
    header_words = words_rx(rules.context.get("self_header", ["Số"]))
    header = regex.compile(r"(?:^|\n)[\s|*]*(?i:" + header_words + r")[\s*]*[:|][\s|*]*$")
    heading = regex.compile(r"(?m)^[ \t]*(?:#{1,6}\s|\*\*)[^\n]{5,300}$")
    cue_start = regex.compile(r"[\s*#]*(?i:" + words_rx(words.get("relation_opener", ["thực hiện"])) + r")(?![\p{L}])")
    return SubjectMatchers(lead, article_ref, list_item, header, heading, cue_start)


@lru_cache(maxsize=8)
def relation_words(rules: Rules) -> dict[str, list[str]]:
    """Sections of ``patterns/relation_words.tsv``."""
    out: dict[str, list[str]] = {}
    for section, cell, *_ in read_table("relation_words.tsv"):
        out.setdefault(section, []).extend(alternatives(cell))
    return out


def _first_line(text: str) -> tuple[int, int]:
    """Offsets of the first line holding more than marks and white space (read line by line, not
    by splitting the whole text)."""
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if line.strip(" \t\r\n*#|\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
            return pos, pos + len(line.rstrip("\r"))
        pos = end + 1
    return 0, 0


HEADER_CHARS = 1500  # the header of a document page ends before this


def find_subject(text: str, cits: list[Citation], rules: Rules) -> tuple[str | None, str | None]:
    """``(key, how)`` of the text's subject; ``how`` is self, lead, title or heading. How
    often a key is cited is no evidence: on the gold sets it named the wrong document three
    times in four."""
    sm = subject_matchers(rules)
    for c in cits:
        if c.start >= HEADER_CHARS:
            break
        if "self" in c.flags or sm.header.search(text, max(0, c.start - 30), c.start):
            return c.key, "self"
    for c in cits:
        if "self" in c.flags:
            return c.key, "self"
    for c in cits:
        if c.start > LEAD_CHARS:
            break
        lo = max(0, c.start - 160)
        if sm.lead.search(text, lo, c.start) and not sm.article_ref.search(text, lo, c.start):
            return c.key, "lead"
    ls, le = _first_line(text)
    first = [c for c in cits if ls <= c.start < le and not sm.article_ref.search(text[max(ls, c.start - 40):c.start])]
    if first and (first[0].start - ls <= 5 or (le - ls <= 250 and not sm.list_item.match(text, ls)
                                              and not sm.cue_start.match(text, ls))):
        return first[0].key, "title"
    for hm in sm.heading.finditer(text, 0, HEADER_CHARS):
        for c in cits:
            if hm.start() <= c.start < hm.end() and not sm.article_ref.search(text[max(hm.start(), c.start - 40):c.start]):
                return c.key, "heading"
    return None, None
