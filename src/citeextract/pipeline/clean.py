"""Stage 1: clean the input for matching, keeping a map back to the original offsets.

Matching runs on the cleaned text; every reported span is mapped back so that
``original[start:end] == text`` holds for each mention. Cleaning is character-level and
never moves text around: it composes NFD sequences (NFC), reads ``Ð``/``ð``/``Ɖ`` as
``Đ``/``đ``, reads the decimal digits of other scripts ("２０２０") as ``0``–``9``, turns
every dash into ``-`` and every exotic space into a plain space, drops zero-width characters
and Markdown emphasis (``QH**1**5``), unescapes HTML entities, and turns the literal
``\\r\\n`` sequences and ``<br />`` tags that scrapers leave behind into line breaks.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, repeat

import regex

_CHAR_MAP = {
    "\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110", "\u0256": "\u0111",
    "\uff0f": "/", "\u2044": "/",
}
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
    _CHAR_MAP[_c] = "-"
for _c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _CHAR_MAP[_c] = " "
for _c in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
    _CHAR_MAP[_c] = ""
# the decimal digits of other scripts ("２０２０", "٢٠٢٠", "𝟐𝟎𝟐𝟎"): the patterns count on 0-9.
# Unicode encodes each script's digits as one run from 0 to 9, all below U+20000
for _z in range(0x80, 0x20000):
    if unicodedata.decimal(chr(_z), None) == 0:
        _CHAR_MAP.update((chr(_z + i), str(i)) for i in range(10))
_ASTRAL = "\U00010000"  # the first character beyond the BMP

# characters replaced one for one: offsets do not move, so they need no map entry
_ONE_FOR_ONE = {c: r for c, r in _CHAR_MAP.items() if len(r) == 1}
# one fast scan for anything else that may need cleaning (or for a one-for-one character);
# each hit is then read by the regex of its kind, anchored at the hit. Decomposed Vietnamese
# (NFD) writes its diacritics with the combining marks U+0300–U+036F. (The standard-library
# engine scans a character class several times faster than ``regex``; ``regex`` finds the
# asterisk runs faster.)
# Characters beyond the BMP are one range (a class of many such ranges scans several times
# slower); the hits among them that are not digits are dropped.
_TRIGGER = re.compile("[&\\\\<\u0300-\u036f" + re.escape("".join(c for c in _CHAR_MAP if c < _ASTRAL))
                      + _ASTRAL + "-\U0010ffff]")
# Markdown emphasis: a run of asterisks with a non-space on at least one side ("QH**1**5",
# "**Điều 1.**"); a run with white space (or the text's edge) on both sides stays
# (written without possessive runs, which ``regex`` scans more slowly: a run is always
# taken whole, as the character after it is never an asterisk)
_STARS = regex.compile(r"((?<=[^*\s])\*+|(?<!\*)\*+(?=[^\s*]))")
_ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_ESCAPE = regex.compile(r"(?:\\r\\n|\\n|\\r)+|\\t")
_BREAK = regex.compile(r"(?i)<br\s*/?>|</?p\s*>")
_MARKS = regex.compile(r"\p{M}+")


def _edit(original: str, m: regex.Match, last: int) -> tuple[int, int, str] | None:
    """(start, end, replacement) for the trigger ``m``, or None when nothing changes."""
    s, e = m.span()
    c = original[s]
    if c >= _ASTRAL:  # beyond the BMP, only digits are cleaned, and those are already replaced
        return None
    if c == "&":
        em = _ENTITY.match(original, s)
        if not em:
            return None
        out = html.unescape(em.group())
        if out == em.group():
            return None
        return s, em.end(), "".join(_CHAR_MAP.get(ch, ch) for ch in unicodedata.normalize("NFC", out))
    if c == "\\":
        xm = _ESCAPE.match(original, s)
        if not xm:
            return None
        t = xm.group()
        return s, xm.end(), (" " if t == "\\t" else "\n" * (t.count("\\n") or t.count("\\r")))
    if c == "<":
        bm = _BREAK.match(original, s)
        return (s, bm.end(), "\n") if bm else None
    if c in _CHAR_MAP:
        return s, e, _CHAR_MAP[c]
    mm = _MARKS.match(original, s)
    e = mm.end()
    if s > last and original[s - 1].isalpha():
        s -= 1  # compose the combining marks with their base letter
    out = "".join(_CHAR_MAP.get(ch, ch) for ch in unicodedata.normalize("NFC", original[s:e]))
    return (s, e, out) if out != original[s:e] else None


@dataclass
class CleanText:
    """The cleaned text with the edits that map its offsets back to the original."""

    original: str
    text: str
    # one entry per edit: cleaned span [cs, ce) replaced original span [os, oe)
    _cs: list[int] = field(default_factory=list)
    _ce: list[int] = field(default_factory=list)
    _os: list[int] = field(default_factory=list)
    _oe: list[int] = field(default_factory=list)

    @property
    def identity(self) -> bool:
        """True when nothing was cleaned: the text is the original string itself."""
        return self.text is self.original

    def original_start(self, c: int) -> int:
        """Original offset of the character at cleaned offset ``c``."""
        i = bisect_right(self._cs, c) - 1
        if i < 0:
            return c
        if c < self._ce[i]:
            return self._os[i]
        return self._oe[i] + (c - self._ce[i])

    def original_end(self, c: int) -> int:
        """Original offset just after the character ending at cleaned offset ``c``."""
        i = bisect_left(self._cs, c) - 1
        if i < 0:
            return c
        if c <= self._ce[i]:
            return self._oe[i]
        return self._oe[i] + (c - self._ce[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span to the original string."""
        if not self._cs:
            return start, end
        return self.original_start(start), self.original_end(end)



def clean(original: str) -> CleanText:
    """Clean ``original`` for matching; see the module docstring for what changes."""
    ct = CleanText(original, original)
    found = {c for c in set(_TRIGGER.findall(original)) if c < _ASTRAL or c in _CHAR_MAP}
    text = original
    for c in found & _ONE_FOR_ONE.keys():
        text = text.replace(c, _ONE_FOR_ONE[c])
    parts = _STARS.split(text) if "*" in text else [text]
    if found <= _ONE_FOR_ONE.keys():
        if len(parts) > 1:  # asterisk runs only: the whole map is built by list operations
            _drop_runs(ct, parts)
        else:
            ct.text = text
        return ct
    edits = _run_edits(parts) if len(parts) > 1 else []
    last = 0
    for m in _TRIGGER.finditer(text):  # the one-for-one characters are gone from ``text``
        if m.start() < last:
            continue
        edit = _edit(text, m, last)
        if edit is not None:
            edits.append(edit)
            last = edit[1]
    edits.sort()
    pieces: list[str] = []
    last = 0
    shift = 0  # len(cleaned so far) - len(original so far)
    for s, e, rep in edits:
        pieces.append(text[last:s])
        cs = s + shift
        ct._cs.append(cs)
        ct._ce.append(cs + len(rep))
        ct._os.append(s)
        ct._oe.append(e)
        pieces.append(rep)
        shift += len(rep) - (e - s)
        last = e
    pieces.append(text[last:])
    ct.text = "".join(pieces)
    return ct


def _run_edits(parts: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, "") for each asterisk run of ``_STARS.split`` output."""
    ends = list(accumulate(map(len, parts)))
    return list(zip(ends[0:-1:2], ends[1::2], repeat("")))


def _drop_runs(ct: CleanText, parts: list[str]) -> None:
    """Delete the asterisk runs of ``_STARS.split`` output, with list operations only."""
    ends = list(accumulate(map(len, parts)))
    kept = parts[0::2]
    ct.text = "".join(kept)
    ct._os = ends[0:-1:2]
    ct._oe = ends[1::2]
    ct._cs = list(accumulate(map(len, kept[:-1])))
    ct._ce = ct._cs
