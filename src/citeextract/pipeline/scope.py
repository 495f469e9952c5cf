"""Stage 4b: whether a repeal, replacement or suspension is of a part of its target.

"Bãi bỏ khoản 5 Điều 6 và khoản 8 Điều 50 Nghị định 103/2024/NĐ-CP", "khoản 2 Điều 13 Nghị
định 102/2024/NĐ-CP bị thay thế bởi …", "bãi bỏ một phần …": the relation stays keyed to the
whole document (guide §4: pinpoints are not keyed) and gets ``partial=True``, so that the
corpus does not take the document as ended. A part is named by a ``part_ref`` word of
``patterns/relation_words.tsv`` with its number, or a ``part_scope`` phrase, between the cue
and the target or in the words right before the target, or by the target mention's
``pinpoints``; the target of a cue that opens a list is its first mention after the cue.
Offsets index the cleaned text.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Document
from ..rules import Rules, words_rx
from .spans import ByStart
from .subject import relation_words

PARTIAL_RELATIONS = ("repeals", "replaces", "suspends")
REACH = 160  # how far after the cue the target is looked for
BEFORE = 48  # how many characters before the target may name its part
SENTENCE = 600  # a target further after the cue in the same sentence: coordinated ("… và Nghị định X")
SENTENCE_BACK = 2500  # how far back the sentence of a cue that points back may start


@lru_cache(maxsize=8)
def _part_rx(rules: Rules) -> regex.Pattern:
    words = relation_words(rules)
    refs = words_rx(words.get("part_ref", ["điều", "khoản"]))
    scope = words_rx(words.get("part_scope", ["một phần"]))
    return regex.compile(r"(?<!\p{L})(?i:(?:" + refs + r")\s+(?:\d+[a-zđ]?|[IVXLC]+|[a-zđ])(?![\p{L}\d/])"
                         r"|(?:" + scope + r"))(?!\p{L})")


def mark_partial(doc: Document, text: str, rules: Rules) -> None:
    """Set ``partial`` on the relations of ``doc`` that repeal, replace or suspend a part."""
    rels = [r for r in doc.relations if r.relation in PARTIAL_RELATIONS and r.start >= 0]
    if not rels:
        return
    rx = _part_rx(rules)
    index = ByStart([*doc.citations, *doc.named])
    mentions: dict[str, list] = {}
    for m in index.items:
        mentions.setdefault(m.key, []).append(m)
    for r in rels:
        targets = mentions.get(r.target, [])
        after = [m for m in targets if m.start >= r.end]
        before = [m for m in targets if r.start - REACH <= m.start and m.end <= r.start]
        sent = sentence_start(text, r.start)
        in_sentence = [m for m in targets if m.end <= r.start and m.start >= sent]
        if after and (after[0].start <= r.end + REACH or _one_sentence(text, r.end, after[0].start)):
            # "bãi bỏ khoản 5 Điều 6 … Nghị định X", "bãi bỏ các quy định … tại Nghị định Y … và Nghị định X"
            m = after[0]
            window = text[r.end:m.start] + " " + _line_before(text, m.start, max(r.end, m.start - BEFORE))
        elif before:  # "khoản 2 Điều 13 Nghị định X bị thay thế bởi …", "X (có cụm từ bị thay thế …"
            m = before[-1]
            window = (_line_before(text, m.start, m.start - BEFORE) + " " + text[m.end:r.start] + " "
                      + _opening(text, sent, m.start, index))
        elif in_sentence:
            # "Các thủ tục hành chính đã công bố tại các Quyết định số A; …; số X hết hiệu lực": the
            # sentence's opening words say what part of the documents ends
            m = in_sentence[0]
            window = _opening(text, sent, m.start, index)
        elif after:  # an item of a list the cue opens: "c) Khoản 2 Điều 3 … của Nghị định X"
            m = after[0]
            window = _line_before(text, m.start, m.start - BEFORE)
        else:
            continue
        r.partial = bool(getattr(m, "pinpoints", None)) or rx.search(window) is not None


def _opening(text: str, sent: int, pos: int, index: ByStart) -> str:
    """The words of a sentence before its first document ("Các thủ tục hành chính … tại các")."""
    first = index.within(sent, pos)
    return text[sent:first[0].start if first else pos]


def sentence_start(text: str, pos: int, back: int = SENTENCE_BACK) -> int:
    """Where the sentence holding ``pos`` starts (after a full stop or a blank line), at most
    ``back`` characters back."""
    lo = max(0, pos - back)
    cut = max(text.rfind(". ", lo, pos), text.rfind(".\n", lo, pos), text.rfind("\n\n", lo, pos))
    return cut + 2 if cut >= 0 else lo


def _one_sentence(text: str, start: int, end: int) -> bool:
    """No line break or full stop between ``start`` and ``end`` (at most :data:`SENTENCE` apart)."""
    return end - start <= SENTENCE and "\n" not in text[start:end] and ". " not in text[start:end]


def _line_before(text: str, pos: int, lo: int) -> str:
    lo = max(0, lo)
    cut = max(text.rfind("\n", lo, pos), text.rfind(";", lo, pos), text.rfind(". ", lo, pos))
    return text[(cut + 1 if cut >= 0 else lo):pos]
