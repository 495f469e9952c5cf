"""Stage 3b: date expressions, normalised to ISO with the precision written.

``ngày 25 tháng 3 năm 2020`` → ``2020-03-25``; ``tháng 11/2025`` → ``2025-11``;
``năm 2020`` → ``2020``; ``Quý III năm 2020`` → ``2020-Q3``; ``6 tháng đầu năm 2020`` →
``2020-H1``; ``giai đoạn 2016 - 2020`` → ``2016/2020``; ``19/8/1945-19/8/2023`` →
``1945-08-19/2023-08-19``. An impossible or incomplete date ("ngày 24/2018",
"23/02/3022") gets ``value=None`` and the flag ``bad_date``. Offsets index the cleaned text.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import gate
from ..models import DateMention
from ..rules import Rules, trie_rx


def _ci(words: list[str], backward: bool = False) -> str:
    return trie_rx(words, backward=backward, ignore_case=True)


@dataclass(frozen=True)
class DateMatchers:
    scan: gate.Gate  # the digit-anchored date expressions
    prefix: regex.Pattern  # the words before one ("ngày", "tháng Tư năm"), read right to left
    ends: frozenset  # the characters a prefix word can end with
    not_year_after: regex.Pattern  # "2020 người": a count, not a year


@lru_cache(maxsize=8)
def date_matchers(rules: Rules) -> DateMatchers:
    """One digit-anchored scan: every date expression has a digit. The words before it
    ("ngày", "tháng Tư năm", "quý III năm", "giai đoạn") never change where an expression
    ends, only what it means, so they are read afterwards, at the matches alone."""
    w = rules.date_words

    def words(section: str, default: str = "", backward: bool = False) -> str:
        return _ci(list(w.get(section, {default: ""} if default else {})), backward)

    # the prefix is a lookbehind, read right to left: its word lists are factored by endings
    b = {k: words(k, d, True) for k, d in (("month", ""), ("weekday", ""), ("period", ""), ("range_from", "từ"),
                                           ("half", ""), ("not_year_before", "số"), ("day_word", "ngày"),
                                           ("month_word", "tháng"), ("year_word", "năm"))}
    quarters = trie_rx(list(w.get("quarter", {})), backward=True)
    prefix = (
        r"(?r)(?:(?P<p_half>" + b["half"] + r"\s+)"
        r"|(?P<p_quarter>(?i:quý)\s+(?P<q>" + quarters + r")\s*(?:" + b["year_word"] + r"\s+|/\s*|-\s*|\s))"
        r"|(?P<p_mword>" + b["month_word"] + r"\s+(?P<mw>" + b["month"] + r")\s*(?:" + b["year_word"] + r"\s+|,\s*|\s))"
        r"|(?P<p_day>(?:" + b["weekday"] + r"\s*,\s*)?(?:" + b["range_from"] + r"\s+)?" + b["day_word"] + r"\s+)"
        r"|(?P<p_weekday>" + b["weekday"] + r"\s*,\s*)"
        r"|(?P<p_period>" + b["period"] + r"\s+(?:" + b["range_from"] + r"\s+)?(?:" + b["year_word"] + r"\s+)?)"
        r"|(?P<p_from>" + b["range_from"] + r"\s+(?:" + b["year_word"] + r"\s+)?)"
        r"|(?P<p_month>" + b["month_word"] + r"\s+)"
        r"|(?P<p_year>" + b["year_word"] + r"\s+)"
        r"|(?P<p_not>" + b["not_year_before"] + r"\s{1,2}))$"
    )
    months, to = words("month"), words("range_to", "đến")
    ngay, nam = words("day_word", "ngày"), words("year_word", "năm")
    thang_b, thang = b["month_word"], words("month_word", "tháng")
    # every alternative starts at a digit: the scan consumes one digit (a fast scan), then
    # matches the rest ("\d?" below stands for the rest of a one- or two-digit day or month)
    sep = r"\s{0,2}(?P<s1>[/.\-])\s{0,2}\d{1,2}\s{0,2}(?P=s1)\s{0,2}\d{4}"
    nd = r"\d{1,2}\s{0,2}(?P<s2>[/.\-])\s{0,2}\d{1,2}\s{0,2}(?P=s2)\s{0,2}\d{4}"
    wd_rest = r"\s+" + thang + r"\s+(?:\d{1,2}|" + months + r")\s*,?\s*(?:" + nam + r"\s+)?\d{4}"
    wd = r"\d{1,2}" + wd_rest
    # a run of four digits can only be a year (range, ISO date); a run of one or two only a
    # day or month: one lookahead picks the branch, and each branch keeps its order
    rest = (
        r"(?=\d{3}(?!\d))(?:"
        r"(?P<yrange>\d{3}\s{0,2}(?:-|" + to + r"(?:\s+" + nam + r")?)\s{0,2}\d{4})"
        r"|(?P<iso>\d{3}-\d\d(?:-\d\d)?(?:T[\d:.]+Z?)?(?!\d))"
        r"|(?P<year>\d{3}))"
        r"|(?!\d\d)(?:(?P<drange>\d?(?:" + sep + r"|" + wd_rest + r")\s{0,2}(?:-|" + to + r")\s{0,2}"
        r"(?:" + ngay + r"\s+)?(?:" + nd + r"|" + wd + r"))"
        r"|(?P<prange>\d?(?:/\d{1,2})?(?:\s+" + to + r"\s+|\s?-\s?)(?:" + ngay + r"\s+)?\d{1,2}/\d{1,2}/\d{4})"
        r"|(?P<mrange>\d?\s?/\s?\d{4}\s{0,2}-\s{0,2}\d{1,2}\s?/\s?\d{4})"
        r"|(?P<wdate>\d?" + wd_rest + r")"
        r"|(?P<ndate>\d?" + sep + r")"
        r"|(?<=" + thang_b + r"\s+\d)(?:(?P<mpair>\d?\s+(?i:và)\s+\d{1,2}\s?/\s?\d{4})"
        r"|(?P<month>\d?\s*(?:" + nam + r"\s+|[/.,\-]\s*|\s)\d{4}))"
        r"|(?P<bmonth>\d?\s?/\s?\d{4}))"
    )
    # a prefix is only read where one to three spaces stand after one of these characters
    ends = set(",")
    for section in ("month", "weekday", "period", "range_from", "half", "quarter", "not_year_before"):
        ends |= {x[-1] for x in w.get(section, {})}
    ends |= set("yYgGmMI") | {c.upper() for c in ends} | {c.lower() for c in ends}
    scan = regex.compile(r"\d(?<![\d/.,:\-_]\d)(?:" + rest + r")(?!\d|[/.\-]\d|\s?/\s?\p{Lu}|\.\w)")
    # the gate: the alternatives above without their lookarounds and back-references
    g = {k: gate.words(w.get(k, {d: ""}), ignore_case=True) for k, d in (
        ("month_word", "tháng"), ("month", "tháng"), ("range_to", "đến"), ("year_word", "năm"), ("day_word", "ngày"))}
    scan_gate = (
        r"\d(?:\d{3}(?:[^\d]|$)|\d?(?:"
        r"\s{0,2}[/.\-]\s{0,2}\d{1,2}\s{0,2}[/.\-]\s{0,2}\d{4}"
        r"|\s+" + g["month_word"] + r"\s+(?:\d{1,2}|" + g["month"] + r")\s*,?\s*(?:" + g["year_word"] + r"\s+)?\d{4}"
        r"|(?:/\d{1,2})?(?:\s+" + g["range_to"] + r"\s+|\s?-\s?)(?:" + g["day_word"] + r"\s+)?\d{1,2}/\d{1,2}/\d{4}"
        r"|\s+(?i:và)\s+\d{1,2}\s?/\s?\d{4}"
        r"|\s*(?:" + g["year_word"] + r"\s+|[/.,\-]\s*|\s)\d{4}))"
    )
    not_year_after = regex.compile(r"\s{1,2}" + _ci(list(w.get("not_year_after", {"người": ""}))) + r"(?!\p{L})")
    # the scan's lookbehind, as the gate's lead: no digit, "/", ".", ",", ":", "-" or "_" before
    return DateMatchers(gate.Gate(scan, scan_gate, lead=r"[^\d/.,:\-_]"), regex.compile(prefix), frozenset(ends),
                        not_year_after)


_KINDS = ("drange", "prange", "mrange", "wdate", "ndate", "mpair", "month", "bmonth", "yrange", "iso", "year")
_KIND_SET = frozenset(_KINDS)
_PREFIXES = ("p_half", "p_quarter", "p_mword", "p_day", "p_weekday", "p_period", "p_from", "p_month",
             "p_year", "p_not")
_PREFIX_SET = frozenset(_PREFIXES)


def _valid(y: int, m: int, d: int, rules: Rules) -> bool:
    lo, hi = rules.year_bounds
    if not lo <= y <= hi:
        return False
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _day(d: int, mo: int, y: int, rules: Rules) -> tuple[str | None, str | None]:
    """(ISO value, None) for a possible day-month-year, else (None, the problem)."""
    if _valid(y, mo, d, rules):
        return f"{y:04d}-{mo:02d}-{d:02d}", None
    return None, f"impossible date {d}/{mo}/{y}"


_NUMS = regex.compile(r"\d+")


_ONE_DATE = regex.compile(
    r"(?P<n>(?P<d>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<m>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<y>\d{4}))"
    r"|(?P<w>(?P<wd>\d{1,2})\s+\p{L}+\s+(?P<wm>\d{1,2}|\p{L}+(?:\s+\p{L}+)??)\s*,?\s*(?:\p{L}+\s+)?(?P<wy>\d{4}))"
)


def _month_number(word: str, rules: Rules) -> int | None:
    if word.isdigit():
        return int(word)
    return next((int(v) for k, v in rules.date_words.get("month", {}).items()
                 if k.casefold() == " ".join(word.split()).casefold()), None)


@lru_cache(maxsize=4096)
def _full_dates(s: str, rules: Rules) -> tuple[tuple[str | None, str | None], ...]:
    """ISO values of the full dates written in ``s`` (numbers or month words), in order.
    Cached: the same few date strings recur through a corpus."""
    out = []
    for m in _ONE_DATE.finditer(s):
        if m.group("n"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        else:
            d, y = int(m.group("wd")), int(m.group("wy"))
            mo = _month_number(m.group("wm"), rules)
            if mo is None:
                out.append((None, f"month {m.group('wm')!r} not understood"))
                continue
        out.append(_day(d, mo, y, rules))
    return tuple(out)


def _full_date(s: str, rules: Rules) -> tuple[str | None, str | None]:
    found = _full_dates(s, rules)
    return found[0] if found else (None, "date not understood")


def _year_ok(y: int, rules: Rules) -> bool:
    lo, hi = rules.year_bounds
    return lo <= y <= hi


def _parse(m: regex.Match, pm: regex.Match | None, text: str, dm: DateMatchers, rules: Rules
           ) -> list[tuple[int, int, str | None, str, str | None]]:
    """(start, end, value, precision, problem) for one match."""
    kind = m.lastgroup
    if kind not in _KIND_SET:  # an inner group closed last (a range's separator)
        kind = next(k for k in _KINDS if m.start(k) >= 0)
    pre = pm.lastgroup if pm else None
    if pre is not None and pre not in _PREFIX_SET:  # an inner group closed last
        pre = next(p for p in _PREFIXES if pm.start(p) >= 0)
    s = m.group()
    st, en = m.span()
    if pre and pre != "p_not":
        st = pm.start()
    if kind == "year":
        return _year(int(s), st, en, pre, pm, text, dm, rules)
    if kind in ("drange", "prange"):
        found = _full_dates(s, rules)
        if kind == "prange" and found:
            nums = _NUMS.findall(s)
            y, mo2 = int(nums[-1]), int(nums[-2])
            mo1 = int(nums[1]) if len(nums) == 5 else mo2
            d1 = int(nums[0])
            first = f"{y:04d}-{mo1:02d}-{d1:02d}" if _valid(y, mo1, d1, rules) else None
            found = [(first, None if first else "impossible date in range"), found[-1]]
        if len(found) < 2:
            return [(st, en, None, "range", "range not understood")]
        (a, pa), (b, pb) = found[0], found[-1]
        if a and b:
            return [(st, en, f"{a}/{b}", "range", None)]
        return [(st, en, None, "range", pa or pb)]
    if kind == "ndate":
        d, mo, y = (int(x) for x in _NUMS.findall(s)[-3:])
        v, problem = _day(d, mo, y, rules)
        return [(st, en, v, "day", problem)]
    if kind == "wdate":
        nums = _NUMS.findall(s)
        if len(nums) == 3:  # "25 tháng 3 năm 2020": the month in figures
            v, problem = _day(int(nums[0]), int(nums[1]), int(nums[2]), rules)
        else:  # "ngày 25 tháng Ba năm 2020": a month word
            v, problem = _full_date(s, rules)
        return [(st, en, v, "day", problem)]
    if kind == "mpair":
        nums = _NUMS.findall(s)
        y = int(nums[-1])
        out = []
        for i, mo in enumerate((int(nums[0]), int(nums[1]))):
            ok = 1 <= mo <= 12 and _year_ok(y, rules)
            gs, ge = (st, m.start() + len(nums[0])) if i == 0 else (m.start() + s.rindex(nums[1], 0, s.rindex(nums[-1])), en)
            out.append((gs, ge, f"{y}-{mo:02d}" if ok else None, "month", None if ok else "impossible month"))
        return out
    if kind in ("month", "bmonth"):
        nums = _NUMS.findall(s)
        mo, y = int(nums[0]), int(nums[-1])
        if pre == "p_day":
            return [(st, en, None, "day", "date lacks a day or month")]
        if kind == "bmonth" and pre not in (None, "p_month", "p_from", "p_period"):
            return []
        ok = 1 <= mo <= 12 and _year_ok(y, rules)
        if not ok and kind == "bmonth" and pre is None:
            return []
        return [(st, en, f"{y}-{mo:02d}" if ok else None, "month", None if ok else "impossible month")]
    if kind == "mrange":
        nums = [int(x) for x in _NUMS.findall(s)]
        (m1, y1), (m2, y2) = nums[:2], nums[2:4]
        ok = 1 <= m1 <= 12 and 1 <= m2 <= 12 and _year_ok(y1, rules) and _year_ok(y2, rules) and (y1, m1) < (y2, m2)
        return [(st, en, f"{y1}-{m1:02d}/{y2}-{m2:02d}", "range", None)] if ok else []
    if kind == "yrange":
        nums = _NUMS.findall(s)
        y1, y2 = int(nums[0]), int(nums[-1])
        if not (_year_ok(y1, rules) and _year_ok(y2, rules)) or y2 <= y1:
            return []
        return [(st, en, f"{y1}/{y2}", "range", None)]
    if kind == "iso":
        nums = _NUMS.findall(s)
        y, mo = int(nums[0]), int(nums[1])
        if not (_year_ok(y, rules) and 1 <= mo <= 12):
            return []
        if len(nums) > 2:
            d = int(nums[2])
            return [(st, en, f"{y:04d}-{mo:02d}-{d:02d}", "day", None)] if _valid(y, mo, d, rules) else []
        return [(st, en, f"{y:04d}-{mo:02d}", "month", None)]
    return []


def _year(y: int, st: int, en: int, pre: str | None, pm: regex.Match | None, text: str, dm: DateMatchers,
          rules: Rules) -> list[tuple[int, int, str | None, str, str | None]]:
    """A four-digit number, qualified by the words before it."""
    if pre is None or pre in ("p_day", "p_weekday"):
        # read as a bare year: a year only from ``bare_year_from`` on, and not a count
        if not rules.bare_year_from <= y <= rules.year_bounds[1] or dm.not_year_after.match(text, en):
            return []
        return [(st, en, str(y), "year", None)]
    ok = _year_ok(y, rules)
    if pre == "p_half":
        low = " ".join(pm.group("p_half").casefold().split())
        h = next((v for k, v in rules.date_words["half"].items() if low.startswith(k.casefold())), "H1")
        return [(st, en, f"{y}-{h}" if ok else None, "half", None if ok else "impossible year")]
    if pre == "p_quarter":
        q = rules.date_words["quarter"].get(pm.group("q").upper())
        return [(st, en, f"{y}-Q{q}" if ok and q else None, "quarter", None if ok else "impossible year")]
    if pre == "p_mword":
        mo = next((int(v) for k, v in rules.date_words["month"].items()
                   if k.casefold() == " ".join(pm.group("mw").split()).casefold()), 0)
        return [(st, en, f"{y}-{mo:02d}" if ok and mo else None, "month", None if ok else "impossible year")]
    if pre in ("p_year", "p_month", "p_period", "p_from"):
        return [(st, en, str(y) if ok else None, "year", None if ok else f"impossible year {y}")]
    return []  # "số 2020", "Điều 2020": a number, not a year


def find_dates(text: str, rules: Rules, skip: list[tuple[int, int]] = ()) -> list[DateMention]:
    """Date mentions in cleaned ``text``; matches inside ``skip`` spans (citations) are dropped."""
    dm = date_matchers(rules)
    ends = dm.ends
    out: list[DateMention] = []
    skip = sorted(skip)
    si, ns = 0, len(skip)
    for m in dm.scan.finditer(text):
        st = m.start()
        while si < ns and skip[si][1] <= st:
            si += 1
        if si < ns and skip[si][0] < m.end():
            continue
        # the words before: only after one to three spaces that follow a character a prefix ends with
        before = text[st - 4 if st > 4 else 0:st]
        n = len(before) - len(before.rstrip())
        pm = dm.prefix.search(text, st - 100 if st > 100 else 0, st) \
            if 0 < n < len(before) and n <= 3 and before[-n - 1] in ends else None
        for s, e, value, precision, problem in _parse(m, pm, text, dm, rules):
            if problem is None and value is not None:
                out.append(DateMention(text[s:e], s, e, value, precision, [], []))
            else:
                out.append(DateMention(text[s:e], s, e, value, precision, ["bad_date"] if value is None else [],
                                       [f"{problem}: {text[s:e]!r}"] if problem else []))
    return out
