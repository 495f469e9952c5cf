"""A citation-aware tokenizer and sentence splitter for Vietnamese text.

underthesea's word segmentation splits "61/2018/NĐ-CP" into three tokens and "30c" into two;
here every citation, named law and date found by extraction is ONE token, and underthesea
segments only the words in between. Sentences come from underthesea's sentence splitter,
never breaking inside a citation. Both are for analysis (notebooks, downstream NLP) and are
not on the extraction path, which does not segment words at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Document
from ..pipeline import extract


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # citation, named, date, word, number, punct


_LINE = regex.compile(r"[^\n]+")
_PUNCT = regex.compile(r"^[\p{P}\p{S}]+$")
_NUMBER = regex.compile(r"^\d[\d.,/%-]*$")


def _locate(text: str, pieces: list[str], start: int, end: int):
    """Offsets of underthesea's tokens inside ``text[start:end]``, in order."""
    pos = start
    for piece in pieces:
        parts = piece.split()
        if not parts:
            continue
        if len(parts) == 1:  # one word: a plain substring search
            i = text.find(parts[0], pos, end)
            if i >= 0:
                yield piece, i, i + len(parts[0])
                pos = i + len(parts[0])
            continue
        m = _spaced(tuple(parts)).search(text, pos, end)
        if m is None:
            continue
        yield piece, m.start(), m.end()
        pos = m.end()


@lru_cache(maxsize=4096)
def _spaced(parts: tuple[str, ...]) -> regex.Pattern:
    """A multi-word token, any whitespace between its words."""
    return regex.compile(r"\s+".join(regex.escape(p) for p in parts))


def _kind(piece: str) -> str:
    if _NUMBER.match(piece):
        return "number"
    if _PUNCT.match(piece):
        return "punct"
    return "word"


def tokenize(text: str, doc: Document | None = None) -> list[Token]:
    """Tokens of ``text`` with offsets into it; pass ``doc`` to reuse an extraction."""
    from underthesea import word_tokenize

    doc = doc or extract(text)
    spans = []
    for m in doc.mentions():
        if spans and m.start < spans[-1][1]:
            continue  # overlapping mentions: keep the first
        spans.append((m.start, m.end, m.kind))
    tokens: list[Token] = []
    pos = 0
    for s, e, kind in [*spans, (len(text), len(text), "")]:
        gap = text[pos:s]
        if gap.strip():
            for piece, ps, pe in _locate(text, word_tokenize(gap), pos, s):
                tokens.append(Token(text[ps:pe], ps, pe, _kind(piece)))
        if kind:
            tokens.append(Token(text[s:e], s, e, kind))
        pos = e
    return tokens


def sentences(text: str, doc: Document | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``; no boundary falls inside a mention."""
    from underthesea import sent_tokenize

    doc = doc or extract(text)
    inside = [(m.start, m.end) for m in doc.mentions()]
    out: list[tuple[int, int]] = []
    pos = 0
    for block_start, block in _blocks(text):
        for sent, ss, se in _locate(text, sent_tokenize(block), block_start, block_start + len(block)):
            if out and (any(s < ss < e for s, e in inside) or ss < pos):
                out[-1] = (out[-1][0], se)
            else:
                out.append((ss, se))
            pos = se
    return out


def _blocks(text: str):
    """Lines (paragraphs) of the text with their offsets: no sentence crosses a line break."""
    for m in _LINE.finditer(text):
        if m.group().strip():
            yield m.start(), m.group()
