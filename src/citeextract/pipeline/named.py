"""Stage 3c: laws, codes, ordinances and the constitution cited by name.

"Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015" → type ``luat``, title "Tổ chức Chính
phủ", year 2015, issued 2015-06-19. A title listed in ``patterns/law_titles.tsv`` is read
whole (commas included); otherwise the title runs from a capitalised word to the first stop
word of ``patterns/named_laws.tsv`` ("ngày", "năm", "số", a comma, "và" …). A name followed
by "số <number>" is a numbered citation, not a named one: its title is returned separately
so relations can use the numbered key. Offsets index the cleaned text.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import gate
from ..models import DateMention, NamedLaw
from ..rules import Rules, words_rx


@dataclass
class NamedMatchers:
    head: gate.Gate  # type word + the start of a title
    known: regex.Pattern  # a known title right at a position
    stop: regex.Pattern  # the first stop word of a free title
    tail: regex.Pattern  # what follows a title: year, date, "số"
    open_title: regex.Pattern  # a lower-case title opening, run to a hard terminator
    not_after: regex.Pattern  # a word before the type word that makes it a common noun
    comma_more: regex.Pattern  # ", công nghệ và đổi mới sáng tạo" continuing a title to its end
    lower_known: frozenset  # known titles written in lower case by convention ("nước Cộng hòa …")


@lru_cache(maxsize=8)
def named_matchers(rules: Rules) -> NamedMatchers:
    types = words_rx(list(rules.named_types))
    known_titles = [t for ts in rules.law_titles.values() for t in ts]
    caps = words_rx([t.upper() for t in rules.named_types])
    head = regex.compile(
        r"(?<![\p{L}\d])(?P<tw>" + caps + r"|(?:" + "|".join(
            regex.escape(t[0].upper()) + r"(?i:" + r"\s+".join(regex.escape(p) for p in t[1:].split(" ")) + r")"
            for t in sorted(rules.named_types, key=len, reverse=True)) + r"))"
        r"(?=\s+(?:\p{Lu}|[\"“]|(?i:" + words_rx(rules.open_titles + known_titles or ["\x00"]) + r")(?!\p{L})))"
    )
    del types
    # the gate: the type word in any case, then what the head's lookahead asks for
    head_gate = (gate.words(rules.named_types, ignore_case=True) + r"\s+(?:\p{Lu}|[\"“]|"
                 + gate.words(rules.open_titles + known_titles, ignore_case=True) + ")")
    dated = words_rx(rules.named_words.get("title_end", ["số", "năm", "ngày"]))
    open_end = words_rx(rules.named_words.get("open_title_end", ["được"]))
    opener_words = words_rx(rules.named_words.get("line_opener", ["Căn cứ"]))
    open_title = regex.compile(
        r"\s+(?P<title>(?i:" + words_rx(rules.open_titles or ["\x00"]) + r")"
        r"(?:(?!\s+(?:(?i:" + dated + r")\s+\d|(?i:" + open_end + r")(?!\p{L})|(?:19|20)\d\d(?![\d/])))"
        r"(?:[^;\n(.:]|\n(?=\p{Ll})"
        # a wrapped line goes on with the list of laws amended ("… của Luật Quy hoạch,\nLuật Đầu tư …")
        r"|(?<=,|(?i:của|và|luật))[ \t]*\n(?=[ \t]*\p{Lu}\p{Ll})(?![ \t]*(?i:" + opener_words + r")(?!\p{L}))))"
        r"{0,400})"
    )
    not_after = regex.compile(r"(?i:" + words_rx(rules.named_not_after or ["\x00"]) + r")\s+$")
    # a comma or a line break inside a name: ", công nghệ và đổi mới sáng tạo số …",
    # "Bảo vệ bí mật\nnhà nước số …" — lower-case words running to the end of the name
    comma_more = regex.compile(
        r"(?:,|[ \t]*\n)(?:\s*(?!(?i:" + words_rx([s for s in rules.title_stops if s[:1].isalpha() and s != "và"])
        + r")(?!\p{L}))\p{Ll}+){1,6}(?=\s+(?i:" + dated + r")\s|\s*[;.\n(]|\s+\d|$)"
    )
    titles = [t for ts in rules.law_titles.values() for t in ts]
    known = regex.compile(r"\s+[\"“]?(?P<title>(?i:" + words_rx(titles) + r"))(?![\p{L}\d])")
    stops = [s for s in rules.title_stops if s]
    word_stops = [s for s in stops if s[0].isalpha()]
    punct = "".join(regex.escape(s) for s in stops if not s[0].isalpha())
    stop = regex.compile(
        r"\s+(?i:" + words_rx(word_stops) + r")(?![\p{L}])|\s*[,\n\r\t" + punct + r"]|\.(?=\s|$)|\s+\d|\s+-\s|$"
    )
    amended = words_rx(rules.named_words.get("amended_name", ["\x00"]))
    tail = regex.compile(
        r"(?:\s*\((?P<abbr>\p{Lu}[\p{Lu}\d&]{1,11})\))?"  # "Luật Nghĩa vụ quân sự (NVQS) năm 2015"
        r"\s*(?:(?P<so>(?i:số))\s+\d|(?:,\s*)?(?:(?P<amended>(?i:" + amended + r"))\s+)?(?:(?i:năm)\s+)?"
        r"(?P<year>(?:1[89]|20)\d\d)(?!\d)(?:\s+(?P<year_so>(?i:số))\s+\d)?"
        r"|(?:,\s*)?(?:(?i:được\s+)?(?i:ban hành|thông qua)\s+)?(?P<ngay>(?i:ngày)\s))"
    )
    lower_known = frozenset(t.casefold() for t in known_titles if t[:1].islower())
    return NamedMatchers(gate.Gate(head, head_gate), known, stop, tail, open_title, not_after, comma_more, lower_known)


@dataclass
class NamedResult:
    named: list[NamedLaw] = field(default_factory=list)
    # titles of laws cited with a number: (type, title, start of "số", start of the type word)
    numbered_titles: list[tuple[str, str, int, int]] = field(default_factory=list)

    def numbered_citations(self, cits: list[Citation]) -> list[tuple[str, str, Citation, int]]:
        """``(type, title, citation, start of the type word)`` of each law cited by name and
        number ("Luật Đất đai số 31/2024/QH15"): the citation (of ``cits``, in reading order)
        whose number follows the title's "số"."""
        starts = [c.start for c in cits]
        out = []
        for typ, title, so, name_start in self.numbered_titles:
            i = bisect_left(starts, so)
            c = cits[i - 1] if i and cits[i - 1].end > so else (cits[i] if i < len(cits) else None)
            if c is not None and c.start - so < 12:
                out.append((typ, title, c, name_start))
        return out


def _free_title(text: str, pos: int, nm: NamedMatchers, rules: Rules) -> str | None:
    """A title not in the known list: from ``pos`` up to the first stop, at most 12 words."""
    m = nm.stop.search(text, pos, min(len(text), pos + 160))
    end = m.start() if m else min(len(text), pos + 160)
    more = nm.comma_more.match(text, end) if m and text[end:end + 1] in ",\n \t" else None
    if more:  # "Khoa học, công nghệ và đổi mới sáng tạo số …": the comma is inside the name
        end = more.end()
    title = text[pos:end].strip().strip("\"“”")
    words = title.split()
    if not words or len(words) > 12:
        words = words[:12]
    if not words or words[0].casefold() in rules.generic_first:
        return None
    if not words[0][0].isupper():
        return None
    return " ".join(words)


def find_named(text: str, rules: Rules, dates: list[DateMention], skip: list[tuple[int, int]] = ()) -> NamedResult:
    nm = named_matchers(rules)
    res = NamedResult()
    date_at = {d.start: d for d in dates}
    consumed = 0  # names inside an amending law's title are part of that title
    skip = sorted(skip)
    si, ns = 0, len(skip)
    for m in nm.head.finditer(text):
        st = m.start()
        while si < ns and skip[si][1] <= st:
            si += 1
        if st < consumed or si < ns and skip[si][0] <= st:  # inside a numbered citation
            continue
        tw = " ".join(m.group("tw").split())
        typ = rules.named_types.get(tw.casefold())
        if not typ:
            continue
        if nm.not_after.search(text, max(0, m.start() - 12), m.start()):
            continue
        km = nm.known.match(text, m.end())
        om = None if km else nm.open_title.match(text, m.end())
        if om:
            title = " ".join(om.group("title").split()).rstrip(" ,")
            t_end = om.start("title") + len(om.group("title").rstrip(" ,"))
            consumed = t_end
        elif km:
            title = " ".join(km.group("title").split())
            t_end = km.end()
        else:
            pos = m.end()
            while pos < len(text) and text[pos] in " \t\"“":
                pos += 1
            title = _free_title(text, pos, nm, rules)
            if not title:
                continue
            t_end = text.index(title.split()[-1], pos) + len(title.split()[-1])
        tail = nm.tail.match(text, t_end)
        year = issued = None
        end = t_end
        if tail and (tail.group("so") or tail.group("year_so")):
            # "Luật Đất đai số 31/2024/QH15", "Luật Các tổ chức tín dụng 2024 số 32/2024/QH15"
            res.numbered_titles.append((typ, title, tail.start("so") if tail.group("so") else tail.start("year_so"),
                                        m.start()))
            continue
        if tail and tail.group("amended"):
            tail = None  # "Luật X sửa đổi 2025" without its number: the title alone
        if tail and tail.group("year"):
            year = int(tail.group("year"))
            end = tail.end()
        elif tail and tail.group("ngay"):
            d = date_at.get(tail.start("ngay"))
            if d is not None:
                end = d.end
                if d.value and len(d.value) == 10:
                    issued = d.value
                    year = int(d.value[:4])
        if title[:1].islower() and not om and year is None and title.casefold() not in nm.lower_known:
            continue  # "luật nghĩa vụ quân sự mới": a known name written in lower case, no year: generic
        if title.upper() == title and len(title.split()) > 3 and title.casefold() != title:
            title = title.capitalize()
        res.named.append(NamedLaw(text=text[m.start():end], start=m.start(), end=end, type=typ,
                                  title=title, year=year, issued=issued))
    return res
