"""Where relation cues are looked for (the relation stage's reading of one text): windows
around the document mentions, the clause bounds inside them, and the cues of
``patterns/relations.tsv`` found there.

A cue states an edge only to a document mentioned after it in the same clause (or inside
the mention it stands in), so cues are looked for only in windows around mentions, through
an RE2 gate over the cue words (``gate.Gate``); a cue that points back ("Quyết định số …
<description> hết hiệu lực") is also looked for a little further after a mention.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from .endpoints import Mention
from .spans import ByStart

if TYPE_CHECKING:
    from .relations import RelationMatchers

# the windows: this many characters before and after each mention
BEFORE, AFTER = 600, 200
_GLYPHS_EVERY = 40  # fewer dropped-glyph letters than one in this many characters: the text lost them
# a cue that points back ("Quyết định số … <description> hết hiệu lực") may stand further after
_AFTER_BACKWARD = 700


class CueWindows:
    """Per-text state: mentions in reading order, the windows worth reading, clause bounds."""

    def __init__(self, text: str, mentions: list[Mention], rm: RelationMatchers):
        self.text = text
        self.index = ByStart(mentions)
        self.mentions = self.index.items
        self.rm = rm
        self.issuers = rm.issuers
        self.windows: list[tuple[int, int]] = []
        for m in self.mentions:
            lo, hi = max(0, m.start - BEFORE), min(len(text), m.end + AFTER)
            if self.windows and lo <= self.windows[-1][1]:
                self.windows[-1] = (self.windows[-1][0], max(hi, self.windows[-1][1]))
            else:
                self.windows.append((lo, hi))
        self.window_starts = [w[0] for w in self.windows]
        self._bounds: dict[int, list[int]] = {}  # window -> its clause boundaries, read on first use

    @cached_property
    def cue(self) -> regex.Pattern:
        """The cue pattern for this text: with the damaged forms when the text lost glyphs.
        Vietnamese prose has one of those glyphs every few letters; a head with letters beyond
        ASCII but almost none of them (a typed header may keep a few) lost them."""
        rm, head = self.rm, self.text[:3000]
        hint = rm.dropped_hint
        if hint is None or rm.cue_damaged is None or head.isascii():
            return rm.cue
        # the glyphs of the head's first third are a lower bound, most often enough
        if len(hint.findall(head, 0, 1000)) * _GLYPHS_EVERY >= len(head):
            return rm.cue
        return rm.cue_damaged if len(hint.findall(head)) * _GLYPHS_EVERY < len(head) else rm.cue

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding ``pos``: between the boundaries of its window (a position in no
        window lies between two windows)."""
        w = bisect_right(self.window_starts, pos) - 1
        if w < 0 or pos >= self.windows[w][1]:
            lo = self.windows[w][1] if w >= 0 else 0
            hi = self.windows[w + 1][0] if w + 1 < len(self.windows) else len(self.text)
            return lo, hi
        bounds = self._bounds.get(w)
        if bounds is None:
            lo, hi = self.windows[w]
            bounds = self._bounds[w] = [lo, *(m.end() for m in self.rm.boundary.finditer(self.text, lo, hi)), hi]
        i = bisect_right(bounds, pos) - 1
        return bounds[i], min(len(self.text), bounds[i + 1])

    def after(self, pos: int, limit: int) -> list[Mention]:
        return self.index.within(pos, limit)

    def before(self, pos: int, lo: int) -> Mention | None:
        return self.index.last_before(pos, lo)

    def cues(self):
        if not self.windows:  # no mention: no cue can point to one
            return
        seen = -1
        scan = self.rm.cue_scan.finditer if self.cue is self.rm.cue else self.cue.finditer
        for lo, hi in self.windows:
            for cm in scan(self.text, lo, hi):
                seen = cm.start()
                yield cm
        # backward cues past the windows: looked for from their words (as written, capitalised or
        # in capitals), then matched
        for word in self.rm.backward_words:
            for form in dict.fromkeys((word, word.capitalize(), word.upper())):
                pos = self.text.find(form)
                while pos >= 0:
                    if self._outside(pos):
                        cm = self.cue.match(self.text, pos, pos + 80)
                        if cm is not None and cm.start() != seen:
                            yield cm
                    pos = self.text.find(form, pos + len(form))

    def _outside(self, pos: int) -> bool:
        """``pos`` lies in no window, but within _AFTER_BACKWARD after a mention."""
        i = bisect_right(self.window_starts, pos) - 1
        if i >= 0 and self.windows[i][0] <= pos < self.windows[i][1]:
            return False
        m = self.index.last_before(pos, max(0, pos - _AFTER_BACKWARD))
        return m is not None
