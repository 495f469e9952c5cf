"""Gated scans: a fast RE2 pattern decides where an exact pattern is tried.

The exact patterns of the stages (``regex`` module: lookbehinds, possessive groups, word
lists) cost about a microsecond at every place they are tried, and a digit-anchored pattern
is tried at every digit of the text. A *gate* is a simpler pattern, without lookarounds, that
matches wherever the exact pattern can start. RE2 runs it as a DFA over a one-byte-per-character
image of the text (Latin-1, every other character read as ``?``, so byte offsets are
character offsets), and the exact pattern is tried only at the gate's matches.

``Gate.finditer(text)`` returns exactly what ``exact.finditer(text)`` returns on cleaned text
(``clean`` reads every script's digits as 0-9), provided the gate is a superset: wherever
the exact pattern matches at ``q``, the gate matches at ``q`` (for a gate given a ``start``
class, a stretch that ends at ``q``; for one given a ``lead`` class, at ``q - 1``, or at the
text's start when ``q`` is 0). The translation to the Latin-1 image keeps that true: a
character outside Latin-1 becomes ``?`` in the pattern too, ``\\s`` and ``\\p{Lu}`` also
accept ``?``, and a letter accepts its other case and, where a character outside Latin-1
folds to it (``K`` Kelvin sign and ``k``), ``?``. The tests compare gated and exact scans on
real and generated text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

import regex

from ..rules import words_rx

try:
    from re2 import _re2
except ImportError:  # pragma: no cover - google-re2 is a dependency; without it, plain scans
    _re2 = None

# what \s, \d and \p{Lu} match, in the image: "?" for the characters outside Latin-1
_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0?"  # Python's str.isspace()
_UPPER = "A-Z\\xc0-\\xd6\\xd8-\\xde?"
_CLASSES = {"\\s": _SPACE, "\\d": "0-9", "\\p{Lu}": _UPPER}  # cleaned text has no other digits
_META = set("\\.^$|?*+()[]{}")


@lru_cache(maxsize=1)
def _folded_from_outside() -> frozenset:
    """Latin-1 letters that some character outside Latin-1 matches case-insensitively
    (``K`` Kelvin sign and ``k``, ``ſ`` and ``s``)."""
    outside = "".join(map(chr, range(0x100, 0x10000)))
    letters = [chr(c) for c in range(0x41, 0x100) if chr(c).isalpha()]
    hits = set(regex.findall("(?i)[" + regex.escape("".join(letters)) + "]", outside))
    # one pattern per outside character that matched (a handful), tried on every letter
    folds = [regex.compile("(?i)" + regex.escape(h)) for h in hits]
    return frozenset(c for c in letters if any(f.fullmatch(c) for f in folds))


def _class_char(c: str) -> str:
    return "\\" + c if c in "\\]^-[" else f"\\x{ord(c):02x}" if ord(c) >= 0x80 else c


def _variants(c: str) -> str:
    """The image characters a literal ``c`` may stand for, as class content."""
    if ord(c) > 0xFF:
        return "?"
    out = {c}
    if ord(c) >= 0x80 and c.isalpha():  # RE2 folds only ASCII letters in Latin-1 mode
        out |= {v for v in (c.lower(), c.upper()) if len(v) == 1 and ord(v) <= 0xFF}
    if c in _folded_from_outside() or c.swapcase() in _folded_from_outside():
        out.add("?")
    return "".join(sorted(map(_class_char, out)))


def re2_source(src: str) -> str:
    r"""``src`` (``\s``, ``\d``, ``\p{Lu}``, literals, classes, groups) for RE2 on the image.

    ``?`` in the image stands for any character outside Latin-1, so a positive class or a
    literal accepts it wherever it accepts such a character, and a negated class never
    excludes it."""
    out: list[str] = []
    in_class = negated = False
    i = 0
    while i < len(src):
        ch = src[i]
        if in_class and ch == "]":
            in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "\\":
            esc = src[i:i + 6] if src.startswith("\\p{Lu}", i) else src[i:i + 2]
            i += len(esc)
            if esc in _CLASSES:
                item = _CLASSES[esc]
            elif len(esc) == 2 and not esc[1].isalnum():  # an escaped punctuation character
                item = _variants(esc[1])
            else:
                out.append(esc)  # \x00 and the like
                continue
        elif in_class and src[i + 1:i + 2] == "-" and src[i + 2:i + 3] not in ("]", ""):  # a range
            lo, hi = ch, src[i + 2]
            if max(ord(lo), ord(hi)) >= 0x80:
                raise ValueError(f"only ASCII ranges in gates: {src!r}")
            folded = any(chr(c) in _folded_from_outside() or chr(c).swapcase() in _folded_from_outside()
                         for c in range(ord(lo), ord(hi) + 1))
            item = f"{_class_char(lo)}-{_class_char(hi)}" + ("?" if folded else "")
            i += 3
        elif in_class:
            item = _variants(ch)
            i += 1
        elif ch == "[":
            negated = src.startswith("[^", i)
            in_class = True
            out.append("[^" if negated else "[")
            i += 1 + negated
            continue
        elif src.startswith("(?", i):  # a group's flags, "(?:" "(?i:"
            j = min(k for k in (src.find(":", i), src.find(")", i)) if k >= 0) + 1
            out.append(src[i:j])
            i = j
            continue
        elif ch in "()|*+?{}^$.,0123456789":
            out.append(ch)  # syntax and repeat counts
            i += 1
            continue
        else:
            item = _variants(ch)
            i += 1
        if in_class:
            out.append(item.replace("?", "") if negated else item)
        else:
            out.append(item if len(item) == 1 and item not in _META else f"[{item}]")
    return "".join(out)


def words(items, ignore_case: bool = False) -> str:
    """A gate alternation of ``items``: ``rules.words_rx``, whose escapes ``re2_source`` reads."""
    alts = words_rx(list(items)) or r"\x00\x01"  # an empty list matches nothing
    return f"(?i:{alts})" if ignore_case else f"(?:{alts})"


_last: tuple[str, bytes] = ("", b"")


def image(text: str) -> bytes:
    """The Latin-1 image of ``text`` (``?`` for any other character), one byte per
    character; the last one is kept for the stages that follow."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    data = text.encode("latin-1", "replace")
    _last = (text, data)
    return data


class Gate:
    """``exact`` tried only where ``gate`` (see ``re2_source``) matches.

    Without ``start``, the gate matches where the exact pattern starts. With ``start`` (a
    gate class such as ``\\d``), the gate matches a stretch that ends where the exact pattern
    can start ("Nghị định số 40": the type word up to the number), and the exact pattern is
    tried at every character of the stretch that ``start`` accepts, not only where RE2's
    reading of the stretch put it ("?" in the image may stand for several letters).

    ``lead`` (a gate class; not with ``start``) is what the character before the exact
    start must be, when the exact pattern begins with a lookbehind that says so: the gate
    then matches that character too (or the text's start), so that a long number is one gate
    match at its first digit, not one at every digit."""

    def __init__(self, exact: regex.Pattern, gate: str, start: str | None = None, lead: str | None = None):
        if start and lead:
            raise ValueError("a gate takes a start class or a lead class, not both")
        self.exact = exact
        self.source = gate
        self._re2 = None
        self._starts = re.compile(re2_source(start).encode("ascii")) if start else None
        self._lead = None
        if lead:
            lead_rx = re.compile(re2_source(lead).encode("ascii"))
            self._lead = frozenset(b for b in range(256) if lead_rx.fullmatch(bytes((b,))))
            gate = f"(?:^|{lead})(?:{gate})"
        if _re2 is not None:
            options = _re2.RE2.Options()
            options.encoding = _re2.RE2.Options.Encoding.LATIN1
            options.never_capture = True
            self._re2 = _re2.RE2(re2_source(gate).encode("ascii"), options)
            if not self._re2.ok():
                raise ValueError(f"gate pattern does not compile in RE2: {gate!r}")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        """``exact.finditer(text, pos, endpos)``; ``pos`` and ``endpos`` only for a gate
        without a ``start`` class."""
        if pos < 0 or (endpos is not None and endpos < 0):
            raise ValueError("a gated scan takes positions from the text's start")
        size = len(text) if endpos is None else min(endpos, len(text))
        if (pos or size < len(text)) and self._starts is not None:
            raise ValueError("a gate with a start class scans whole texts")
        if self._re2 is None:
            yield from self.exact.finditer(text, pos, size)
            return
        data = image(text)
        if size < len(data):  # the scan's end is the text's end for "$" too (a view: no copy)
            data = memoryview(data)[:size]
        match, starts, exact_match = self._re2.Match, self._starts, self.exact.match
        unanchored = _re2.RE2.Anchor.UNANCHORED
        if starts is None:
            # the gate matches where the exact pattern starts or, with a lead class, one
            # character before (except at the text's start); after a match, the next gate match
            # (its lead character included) starts at the match's end or later
            lead = self._lead
            back = 0 if lead is None else 1
            lo = pos
            pos = max(0, pos - back)  # where the gate scan resumes: a lead character before ``lo``
            while pos < size:
                (first, _), = match(unanchored, data, pos, size)
                if first < 0:
                    return
                if lead is not None and data[first] in lead:
                    first += 1
                if first < lo:  # the text's start, before a window
                    pos = first + 1
                    continue
                m = exact_match(text, first, size)
                pos = first + 1  # ``first`` is no lead character
                if m:
                    yield m
                    if m.end() - back > pos:
                        pos = m.end() - back
            return
        pos = 0  # where the gate scan resumes
        end = 0  # the end of the last exact match: candidates before it are inside it
        tried = -1
        while pos < size:
            (first, last), = match(unanchored, data, pos, size)
            if first < 0:
                return
            lo = first if first > end else end
            if lo <= tried:
                lo = tried + 1
            for c in starts.finditer(data, lo, last):
                tried = c.start()
                m = exact_match(text, tried)
                if m:
                    yield m
                    end = m.end()
                    break
            pos = end if end > first + 1 else first + 1  # the next gate match starts after this one's start
