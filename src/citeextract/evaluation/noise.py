"""Noisy copies of a text: the damage real crawls carry, for robustness evaluation.

Each transformation keeps what a reader sees the same — the same documents, numbers and
dates — so a text's gold annotations stay valid for its noisy copy:
NFD diacritics, ``Ð`` (U+00D0) for ``Đ``, en/em dashes and spaced hyphens inside symbols,
spaces around slashes in numbers, a line break between "số" and the number, no-break and
zero-width spaces, ``&amp;`` entities, literal ``\\r\\n`` left by scrapers, and upper-case
type words. :func:`gazette` adds the page furniture of the Official Gazette instead: running
headers, page numbers and a digital-signature block at page breaks.
"""
from __future__ import annotations

import random
from functools import lru_cache
import unicodedata

import regex

from ..rules import Rules, rules

_SYMBOL = regex.compile(r"(?<=\d)/(?=\p{Lu})|(?<=\d{4})/(?=\p{Lu})|(?<=\p{Lu})-(?=\p{Lu})")
_SO = regex.compile(r"(?<=\b(?:số|Số)) (?=\d)")


_COMMA = regex.compile(", ")


@lru_cache(maxsize=8)
def _type_words(r: Rules) -> regex.Pattern:
    words = sorted((w for w in r.type_words if " " in w or len(w) > 4), key=len, reverse=True)
    return regex.compile(r"(?i)\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b")


def noisy(text: str, seed: int = 0) -> str:
    """A deterministic noisy copy of ``text`` (the same seed gives the same copy)."""
    rnd = random.Random(seed)
    # upper-case type words in about half of their occurrences
    text = _type_words(rules()).sub(lambda m: m.group().upper() if rnd.random() < 0.5 else m.group(), text)
    # symbols: en dash, spaced hyphen, spaces around slashes
    def sym(m: regex.Match) -> str:
        s = m.group()
        r = rnd.random()
        if s == "-":
            return "\u2013" if r < 0.3 else (" - " if r < 0.45 else "-")
        return " / " if r < 0.2 else s
    text = _SYMBOL.sub(sym, text)
    text = _SO.sub(lambda m: "\n" if rnd.random() < 0.3 else ("\u00a0" if rnd.random() < 0.5 else " "), text)
    text = text.replace("Đ", "\u00d0") if rnd.random() < 0.7 else text
    text = text.replace("&", "&amp;")
    text = text.replace("\n\n", "\\r\\n\\r\\n") if rnd.random() < 0.5 else text
    # zero-width spaces after some commas, NFD for the whole text or some lines
    text = _COMMA.sub(lambda m: ",\u200b " if rnd.random() < 0.2 else ", ", text)
    lines = text.split("\n")
    lines = [unicodedata.normalize("NFD", ln) if rnd.random() < 0.5 else ln for ln in lines]
    return "\n".join(lines)


_PAGE_BREAK = regex.compile(r"\n|(?<=[\p{L},]) (?=\p{L})")  # a line break, or a space inside a sentence
_SIGNATURE = ("Người ký: Cổng Thông tin điện tử Chính phủ\nEmail: thongtinchinhphu@chinhphu.vn\n"
              "Cơ quan: Văn phòng Chính phủ\nThời gian ký: {d:02d}.{m:02d}.{y} 09:10:52 +07:00")
_HEADERS = ("CÔNG BÁO/Số {n}/Ngày {date}", "CÔNG BÁO/Số {n} + {n2}/Ngày {date}", "CÔNG BÁO / Số {n} / Ngày {date}",
            "CÔNG BÁO\nSố {n}\nNgày {date}")
_PAGES = ("{page}\n{header}", "{header}\n{page}", "{header} {page}", "{page} {header}")


def gazette(text: str, seed: int = 0) -> str:
    """A copy of ``text`` as the Official Gazette prints it (annotation guide §4, "Page
    furniture"): every 2,500–3,500 characters, at a line break or between two words of a
    sentence, a page break with a running header ("CÔNG BÁO/Số 281/Ngày 21-05-2026") and a
    page number; a digital-signature block at the first break, and sometimes at a later one.
    The same seed gives the same copy."""
    rnd = random.Random(seed)
    n, y, m, d = rnd.randint(1, 999), rnd.randint(2015, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
    date = f"{d:02d}-{m:02d}-{y}"
    out: list[str] = []
    last, page = 0, rnd.randint(1, 200)
    target = rnd.randint(2500, 3500)
    while target < len(text):
        bm = _PAGE_BREAK.search(text, target)
        if bm is None:
            break
        header = rnd.choice(_HEADERS).format(n=n, n2=n + 1, date=date)
        block = rnd.choice(_PAGES).format(page=page, header=header)
        if not out or rnd.random() < 0.2:
            block = _SIGNATURE.format(d=d, m=m, y=y) + "\n" + block
        out.append(text[last:bm.start()])
        out.append("\n" + block + "\n")
        last, page = bm.end(), page + 1
        target = bm.end() + rnd.randint(2500, 3500)
    out.append(text[last:])
    return "".join(out)
