"""The subject's effect date (annotation guide §5): "Thông tư này có hiệu lực thi hành kể từ
ngày 15 tháng 02 năm 2025" → ``2025-02-15``; "… có hiệu lực kể từ ngày ký" → the subject's
issue date. Only a clause about the text itself ("<type word> này") counts; the first one wins.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Document
from ..rules import Rules, words_rx
from .consolidated import VBHN_TYPE
from .subject import relation_words


@lru_cache(maxsize=8)
def _clause(rules: Rules) -> regex.Pattern:
    words = relation_words(rules)
    types = words_rx(list(rules.type_words))
    return regex.compile(
        r"(?i:" + types + r")[\s*]+(?i:" + words_rx(words.get("self_reference", ["này"])) + r")[\s*,]+"
        r"(?i:" + words_rx(words.get("effect_phrase", ["có hiệu lực"])) + r")[\s*]+"
        r"(?:(?i:" + words_rx(words.get("effect_from", ["từ"])) + r")[\s*]+)?"
        r"(?P<signing>(?i:" + words_rx(words.get("effect_signing", ["ngày ký"])) + r")(?![\p{L}]))?")


@lru_cache(maxsize=8)
def _phrase(rules: Rules) -> regex.Pattern:
    words = relation_words(rules)
    return regex.compile(r"(?i:" + words_rx(words.get("effect_phrase", ["có hiệu lực"])) + r")")


def _clauses(rx: regex.Pattern, text: str, rules: Rules):
    """The effect clauses of ``text``, looked for only around its effect phrases (the clause
    pattern, a type word before "này", is too costly to run over a whole text)."""
    last = -1
    for pm in _phrase(rules).finditer(text):
        m = rx.search(text, max(last + 1, pm.start() - 60), min(len(text), pm.end() + 60))
        if m is not None and m.start() > last:
            last = m.start()
            yield m


def find_effective(doc: Document, text: str, rules: Rules) -> str | None:
    """The ISO date from which the text says its subject takes effect, or None."""
    rx = _clause(rules)  # compiled with the first text
    own = next((c for c in doc.citations if c.key == doc.subject), None)
    if doc.subject is None or (own is not None and own.type == VBHN_TYPE):
        return None  # a consolidated text repeats the effect clauses of the texts it consolidates
    for m in _clauses(rx, text, rules):
        if m.group("signing"):
            own = next((c for c in doc.citations if c.key == doc.subject and c.issued), None)
            return own.issued if own else None
        # the date right after the clause (a date mention may take in "từ ngày" itself)
        date = next((d for d in doc.dates if m.start() < d.start <= m.end() + 3 and d.end > m.end()), None)
        if date is not None and date.value and len(date.value) == 10:
            return date.value
    return None
