"""The subject's effect date (annotation guide §5): "Thông tư này có hiệu lực thi hành kể từ
ngày 15 tháng 02 năm 2025" → ``2025-02-15``; "… có hiệu lực kể từ ngày ký" → the subject's
issue date. A clause about the text itself counts: "<type word> này …", the subject's own type
word opening a line or sentence ("Nghị quyết có hiệu lực thi hành kể từ …", in its closing
article), or a sentence that opens with the subject's number ("Quyết định 2634/QĐ-UBND … phê
duyệt … có hiệu lực từ ngày 17/11/2025"). The first clause of the strongest kind wins.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Citation, Document
from ..rules import Rules, words_rx
from .consolidated import VBHN_TYPE
from .scope import sentence_start
from .spans import ByStart
from .subject import relation_words


@lru_cache(maxsize=8)
def _clause(rules: Rules) -> regex.Pattern:
    words = relation_words(rules)
    types = words_rx(list(rules.type_words))
    return regex.compile(
        r"(?:(?P<tw>(?i:" + types + r"))[\s*]+(?P<self>(?i:" + words_rx(words.get("self_reference", ["này"]))
        + r"))[\s*,]+)?"
        r"(?i:" + words_rx(words.get("effect_phrase", ["có hiệu lực"])) + r")[\s*]+"
        r"(?:(?i:" + words_rx(words.get("effect_from", ["từ"])) + r")[\s*]+)?"
        r"(?P<signing>(?i:" + words_rx(words.get("effect_signing", ["ngày ký"])) + r")(?![\p{L}]))?")


@lru_cache(maxsize=8)
def _phrase(rules: Rules) -> tuple[regex.Pattern, regex.Pattern]:
    """(an effect phrase, a type word right before a position), compiled together."""
    words = relation_words(rules)
    return (regex.compile(r"(?i:" + words_rx(words.get("effect_phrase", ["có hiệu lực"])) + r")"),
            regex.compile(r"(?r)(?<![\p{L}])(?P<tw>(?i:" + words_rx(list(rules.type_words)) + r"))[\s*]*$"))


def _clauses(rx: regex.Pattern, text: str, rules: Rules):
    """The effect clauses of ``text``, looked for only around its effect phrases (the clause
    pattern, a type word before "này", is too costly to run over a whole text)."""
    last = -1
    for pm in _phrase(rules)[0].finditer(text):
        m = rx.search(text, max(last + 1, pm.start() - 60), min(len(text), pm.end() + 60))
        if m is not None and m.start() > last:
            last = m.start()
            yield m


_OPENS = regex.compile(r"(?:^|[.;:!?]|\n)[\s*_\-+•\d.)]*$")


def _strength(m: regex.Match, doc: Document, text: str, own: Citation | None, index: _LazyIndex,
              rules: Rules) -> int | None:
    """0: "<type word> này có hiệu lực"; 1: the subject's type word opening its line or sentence
    ("Nghị quyết có hiệu lực …", in the closing article); 2: a sentence that opens with the
    subject's number ("Quyết định 2634/QĐ-UBND … có hiệu lực từ …"), 3: the same with other
    documents named in between; None: anything else."""
    if m.group("self"):
        return 0
    start = m.start()
    tm = _phrase(rules)[1].search(text, max(0, start - 40), start)
    if tm is not None:
        typ = rules.type_of_word(tm.group("tw"))
        opens = _OPENS.search(text, max(0, tm.start() - 20), tm.start())
        return 1 if own is not None and typ == own.type and opens else None
    mentions = index.within(sentence_start(text, start, 400), start)
    if not mentions or getattr(mentions[0], "key", None) != doc.subject:
        return None
    return 2 if all(getattr(x, "key", None) == doc.subject for x in mentions) else 3


class _LazyIndex:
    """The mentions of ``doc`` by position, sorted on first use (most texts never need it)."""

    def __init__(self, doc: Document):
        self.doc, self.index = doc, None

    def within(self, start: int, end: int) -> list:
        if self.index is None:
            self.index = ByStart([*self.doc.citations, *self.doc.named])
        return self.index.within(start, end)


def find_effective(doc: Document, text: str, rules: Rules) -> str | None:
    """The ISO date from which the text says its subject takes effect, or None."""
    rx = _clause(rules)  # compiled with the first text
    own = next((c for c in doc.citations if c.key == doc.subject), None)
    if doc.subject is None or (own is not None and own.type == VBHN_TYPE):
        return None  # a consolidated text repeats the effect clauses of the texts it consolidates
    found: dict[int, str] = {}  # strength (0 best) -> date
    index = _LazyIndex(doc)
    for m in _clauses(rx, text, rules):
        strength = _strength(m, doc, text, own, index, rules)
        if strength is None or min(found, default=9) <= strength:
            continue
        if m.group("signing"):
            issued = next((c.issued for c in doc.citations if c.key == doc.subject and c.issued), None)
            if issued:
                found[strength] = issued
            continue
        # the date right after the clause (a date mention may take in "từ ngày" itself)
        date = next((d for d in doc.dates if m.start() < d.start <= m.end() + 3 and d.end > m.end()), None)
        if date is not None and date.value and len(date.value) == 10:
            found[strength] = date.value
        if 0 in found:
            break
    if found:
        return found[min(found)]
    return None
