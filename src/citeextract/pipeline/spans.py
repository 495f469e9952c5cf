"""Mentions of one text looked up by position (any records with ``start`` and ``end``)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items sorted by ``start``, for the lookups the context and relation stages make."""

    def __init__(self, items: Iterable[T]):
        self.items: list[T] = sorted(items, key=lambda x: x.start)  # type: ignore[attr-defined]
        self.starts = [x.start for x in self.items]  # type: ignore[attr-defined]

    def at(self, pos: int) -> T | None:
        """The item starting exactly at ``pos``."""
        i = bisect_left(self.starts, pos)
        return self.items[i] if i < len(self.starts) and self.starts[i] == pos else None

    def within(self, start: int, end: int) -> list[T]:
        """Items starting in ``[start, end)``, in order."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def containing(self, pos: int, back: int = 3) -> T | None:
        """An item whose span holds ``pos``, among the ``back`` last starting by it."""
        i = bisect_right(self.starts, pos) - 1
        for j in range(i, max(i - back, -1), -1):
            if self.items[j].end > pos:  # type: ignore[attr-defined]
                return self.items[j]
        return None

    def last_before(self, pos: int, lo: int) -> T | None:
        """The last item that starts at or after ``lo`` and ends by ``pos``."""
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.starts[i] >= lo:
            if self.items[i].end <= pos:  # type: ignore[attr-defined]
                return self.items[i]
            i -= 1
        return None
