"""Stage 1: clean the input for matching, keeping a map back to the original offsets.

Matching runs on the cleaned text; every reported span is mapped back so that
``original[start:end] == text`` holds for each mention. Cleaning is character-level and
never moves text around: it composes NFD sequences (NFC), reads ``Ð``/``ð``/``Ɖ`` as
``Đ``/``đ``, turns every dash into ``-`` and every exotic space into a plain space,
drops zero-width characters and Markdown emphasis (``QH**1**5``), unescapes HTML entities,
and turns the literal ``\\r\\n`` sequences and ``<br />`` tags that scrapers leave behind
into line breaks.
"""
from __future__ import annotations

import html
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

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

_CLEAN_RX = regex.compile(
    r"(?P<ent>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<esc>(?:\\r\\n|\\n|\\r)+)"
    r"|(?P<esct>\\t)"
    r"|(?P<br><br\s*/?>|</?p\s*>)"
    r"|(?P<md>(?<=\S)\*{1,3}|\*{1,3}(?=\S))"
    r"|(?P<nfd>\p{M}+)"
    r"|(?P<chr>[" + regex.escape("".join(_CHAR_MAP)) + r"])",
    regex.IGNORECASE,
)


def _replacement(m: regex.Match, s: str) -> str:
    kind = m.lastgroup
    if kind == "ent":
        out = html.unescape(s)
        if out == s:
            return s
        return "".join(_CHAR_MAP.get(c, c) for c in unicodedata.normalize("NFC", out))
    if kind == "esc":
        return "\n" * (s.count("\\n") or s.count("\\r"))
    if kind == "esct":
        return " "
    if kind == "br":
        return "\n"
    if kind == "md":
        return ""
    if kind == "nfd":
        out = unicodedata.normalize("NFC", s)
        return "".join(_CHAR_MAP.get(c, c) for c in out)
    return _CHAR_MAP[s]


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
        return not self._cs

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

    def clean_offset(self, o: int) -> int:
        """Cleaned offset of original offset ``o`` (start of its edit if inside one)."""
        i = bisect_right(self._os, o) - 1
        if i < 0:
            return o
        if o < self._oe[i]:
            return self._cs[i]
        return self._ce[i] + (o - self._oe[i])


def clean(original: str) -> CleanText:
    """Clean ``original`` for matching; see the module docstring for what changes."""
    ct = CleanText(original, original)
    pieces: list[str] = []
    last = 0
    shift = 0  # len(cleaned so far) - len(original so far)
    for m in _CLEAN_RX.finditer(original):
        s, e = m.span()
        if m.lastgroup == "nfd" and s > last and original[s - 1].isalpha():
            s -= 1  # compose the combining marks with their base letter
        rep = _replacement(m, original[s:e])
        if rep == original[s:e]:
            continue
        pieces.append(original[last:s])
        cs = s + shift
        ct._cs.append(cs)
        ct._ce.append(cs + len(rep))
        ct._os.append(s)
        ct._oe.append(e)
        pieces.append(rep)
        shift += len(rep) - (e - s)
        last = e
    if ct._cs:
        pieces.append(original[last:])
        ct.text = "".join(pieces)
    return ct
