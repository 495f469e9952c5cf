"""Stage 3b: date expressions, normalised to ISO with the precision written.

``ngày 25 tháng 3 năm 2020`` → ``2020-03-25``; ``tháng 11/2025`` → ``2025-11``;
``năm 2020`` → ``2020``; ``Quý III năm 2020`` → ``2020-Q3``; ``6 tháng đầu năm 2020`` →
``2020-H1``; ``giai đoạn 2016 - 2020`` → ``2016/2020``; ``19/8/1945-19/8/2023`` →
``1945-08-19/2023-08-19``. An impossible or incomplete date ("ngày 24/2018",
"23/02/3022") gets ``value=None`` and the flag ``bad_date``. Offsets index the cleaned text.
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import regex

from .models import DateMention
from .rules import Rules, words_rx

_SEP = r"\s{0,2}(?P<sep>[/.\-])\s{0,2}"


@lru_cache(maxsize=8)
def date_regex(rules: Rules) -> regex.Pattern:
    w = rules.date_words
    months = words_rx(list(w.get("month", {})))
    weekday = words_rx(list(w.get("weekday", {})))
    period = words_rx(list(w.get("period", {})))
    frm = words_rx(list(w.get("range_from", {"từ": ""})))
    to = words_rx(list(w.get("range_to", {"đến": ""})))
    halves = words_rx(list(w.get("half", {})))
    quarters = words_rx(list(w.get("quarter", {})))
    num_date = r"\d{1,2}" + _SEP + r"\d{1,2}\s{0,2}(?P=sep)\s{0,2}\d{4}"
    num_date2 = r"\d{1,2}\s{0,2}(?P<sep2>[/.\-])\s{0,2}\d{1,2}\s{0,2}(?P=sep2)\s{0,2}\d{4}"
    word_date = r"(?i:ngày)\s+\d{1,2}\s+(?i:tháng)\s+(?:\d{1,2}|(?i:" + months + r"))\s*(?:,\s*)?(?:(?i:năm)\s+)?\d{4}"
    day = r"(?:(?:(?i:" + weekday + r"))\s*,\s*)?(?:(?i:ngày)\s+)?"
    nb = r"(?<![\d/.,])"
    ne = r"(?![\d]|[/.]\d|\s?/\s?\p{Lu})"
    parts = [
        # ranges of full dates
        r"(?P<frange>" + nb + r"(?i:" + frm + r")\s+(?i:ngày)\s+(?:" + num_date + r"|" + word_date
        + r")\s+(?i:" + to + r")\s+(?i:ngày)\s+(?:" + num_date2 + r"|" + word_date + r"))",
        r"(?P<drange>" + nb + num_date + r"\s{0,2}-\s{0,2}" + num_date2 + ne + r")",
        # "từ ngày 16 đến 31/12/2025", "ngày 10/4 đến ngày 12/4/2025": the year written once
        r"(?P<prange>(?:(?i:" + frm + r")\s+)?(?i:ngày)\s+(?P<pd1>\d{1,2})(?:/(?P<pm1>\d{1,2}))?\s+(?i:" + to
        + r")\s+(?:(?i:ngày)\s+)?(?P<pd2>\d{1,2})/(?P<pm2>\d{1,2})/(?P<py>\d{4})" + ne + r")",
        # full dates
        r"(?P<wdate>" + day + word_date + ne + r")",
        r"(?P<ndate>" + day + nb + num_date + ne + r")",
        # "ngày 24/2018": a day was announced but only month/year (or day/year) follows
        r"(?P<bad>(?i:ngày)\s+\d{1,2}\s?/\s?\d{4}" + ne + r")",
        # quarters and halves
        r"(?P<quarter>(?i:quý)\s+(?P<q>" + quarters + r")\s*(?:(?i:năm)\s+|/\s*|-\s*)?(?P<qy>\d{4})(?!\d))",
        r"(?P<half>(?i:" + halves + r")\s+(?P<hy>\d{4})(?!\d))",
        # periods of years
        r"(?P<yrange>(?:(?i:" + period + r")\s+)?(?:(?i:" + frm + r")\s+)?(?:(?i:năm)\s+)?" + nb
        + r"(?P<y1>\d{4})\s{0,2}(?:-|(?i:" + to + r")(?:\s+(?i:năm))?)\s{0,2}(?P<y2>\d{4})(?![\d/])(?!-\d))",
        # month + year ("tháng 10 và 11/2021" gives two dates)
        r"(?P<mpair>(?i:tháng)\s+(?P<m1>\d{1,2})\s+(?i:và)\s+(?P<m2>\d{1,2})\s?/\s?(?P<my2>\d{4})(?!\d))",
        r"(?P<month>(?i:tháng)\s+(?P<mm>\d{1,2}|(?i:" + months + r"))\s*(?:(?i:năm)\s+|[/.,\-]\s*)?(?P<my>\d{4})(?!\d))",
        r"(?P<iso>(?<![\d/.\-])(?P<iy>\d{4})-(?P<im>\d\d)(?:-(?P<id>\d\d))?(?:T[\d:.]+Z?)?(?![\d\-]))",
        r"(?P<bmonth>" + nb + r"(?P<bm>\d{1,2})/(?P<by>\d{4})(?![\d/]))",
        # a year: "năm 2020", or a bare year that is no quantity, file name or number
        r"(?P<year>(?i:năm)\s+(?P<yy>\d{4})(?!\d))",
        r"(?P<byear>(?<![\d/.,:\-_]|(?i:" + words_rx(list(w.get("not_year_before", {}))) + r")\s{1,2})"
        r"(?P<by1>(?:19|20)\d\d)(?![\d/\-]|[.,]\d|\.\w|\s{1,2}(?i:" + words_rx(list(w.get("not_year_after", {})))
        + r")(?!\p{L})))",
    ]
    return regex.compile("|".join(parts))


_KINDS = ("frange", "drange", "prange", "wdate", "ndate", "bad", "quarter", "half", "yrange", "mpair",
          "month", "iso", "bmonth", "year", "byear")


def _valid(y: int, m: int, d: int, rules: Rules) -> bool:
    lo, hi = rules.year_bounds
    if not lo <= y <= hi:
        return False
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


_NUMS = regex.compile(r"\d+")


def _full_date(s: str, rules: Rules) -> tuple[str | None, str | None]:
    """ISO value of one full date written with numbers or month words."""
    nums = _NUMS.findall(s)
    if len(nums) == 2:  # month written as a word
        low = s.casefold()
        month = next((int(v) for k, v in sorted(rules.date_words.get("month", {}).items(),
                                                 key=lambda kv: -len(kv[0]))
                      if regex.search(r"tháng\s+" + regex.escape(k.casefold()) + r"\b", low)), None)
        if month is None:
            return None, "month word not understood"
        d, y = int(nums[0]), int(nums[1])
        m = month
    else:
        d, m, y = (int(x) for x in nums[-3:])
    if _valid(y, m, d, rules):
        return f"{y:04d}-{m:02d}-{d:02d}", None
    return None, f"impossible date {d}/{m}/{y}"


def _year_ok(y: int, rules: Rules) -> bool:
    lo, hi = rules.year_bounds
    return lo <= y <= hi


def _parse(m: regex.Match, rules: Rules) -> list[tuple[int, int, str | None, str, str | None]]:
    """(start, end, value, precision, problem) for one match."""
    kind = next(k for k in _KINDS if m.start(k) >= 0)
    s = m.group()
    st, en = m.span()
    if kind in ("frange", "drange"):
        text = s
        split = regex.split(r"(?i)\s+(?:đến|tới)\s+|\s{0,2}-\s{0,2}(?=\d{1,2}\s{0,2}[/.\-])", text, maxsplit=1)
        a, pa = _full_date(split[0], rules)
        b, pb = _full_date(split[1], rules) if len(split) > 1 else (None, "range end missing")
        if a and b:
            return [(st, en, f"{a}/{b}", "range", None)]
        return [(st, en, None, "range", pa or pb)]
    if kind == "prange":
        y = int(m.group("py"))
        m2, d2 = int(m.group("pm2")), int(m.group("pd2"))
        m1 = int(m.group("pm1") or m2)
        a_ok, b_ok = _valid(y, m1, int(m.group("pd1")), rules), _valid(y, m2, d2, rules)
        if a_ok and b_ok:
            return [(st, en, f"{y:04d}-{m1:02d}-{int(m.group('pd1')):02d}/{y:04d}-{m2:02d}-{d2:02d}", "range", None)]
        return [(st, en, None, "range", "impossible date in range")]
    if kind in ("wdate", "ndate"):
        v, problem = _full_date(s, rules)
        return [(st, en, v, "day", problem)]
    if kind == "bad":
        return [(st, en, None, "day", "date lacks a day or month")]
    if kind == "quarter":
        q = rules.date_words["quarter"].get(m.group("q").upper(), rules.date_words["quarter"].get(m.group("q")))
        y = int(m.group("qy"))
        ok = _year_ok(y, rules) and q
        return [(st, en, f"{y}-Q{q}" if ok else None, "quarter", None if ok else "impossible year")]
    if kind == "half":
        low = " ".join(s.casefold().split())
        h = next((v for k, v in rules.date_words["half"].items() if low.startswith(k.casefold())), "H1")
        y = int(m.group("hy"))
        ok = _year_ok(y, rules)
        return [(st, en, f"{y}-{h}" if ok else None, "half", None if ok else "impossible year")]
    if kind == "yrange":
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not (_year_ok(y1, rules) and _year_ok(y2, rules)):
            return []
        if y2 < y1:
            return []
        return [(st, en, f"{y1}/{y2}", "range", None)]
    if kind == "mpair":
        y = int(m.group("my2"))
        out = []
        for g in ("m1", "m2"):
            mo = int(m.group(g))
            ok = 1 <= mo <= 12 and _year_ok(y, rules)
            gs, ge = (st, m.end("m1")) if g == "m1" else (m.start("m2"), en)
            out.append((gs, ge, f"{y}-{mo:02d}" if ok else None, "month", None if ok else "impossible month"))
        return out
    if kind == "month":
        mm = m.group("mm")
        mo = int(mm) if mm.isdigit() else next(
            (int(v) for k, v in rules.date_words["month"].items() if k.casefold() == mm.casefold()), 0)
        y = int(m.group("my"))
        ok = 1 <= mo <= 12 and _year_ok(y, rules)
        return [(st, en, f"{y}-{mo:02d}" if ok else None, "month", None if ok else "impossible month")]
    if kind == "iso":
        y, mo = int(m.group("iy")), int(m.group("im"))
        if not (_year_ok(y, rules) and 1 <= mo <= 12):
            return []
        if m.group("id"):
            d = int(m.group("id"))
            if not _valid(y, mo, d, rules):
                return []
            return [(st, en, f"{y:04d}-{mo:02d}-{d:02d}", "day", None)]
        return [(st, en, f"{y:04d}-{mo:02d}", "month", None)]
    if kind == "bmonth":
        mo, y = int(m.group("bm")), int(m.group("by"))
        if 1 <= mo <= 12 and _year_ok(y, rules):
            return [(st, en, f"{y}-{mo:02d}", "month", None)]
        return []
    if kind == "byear":
        y = int(m.group("by1"))
        lo, hi = rules.year_bounds
        return [(st, en, str(y), "year", None)] if 1945 <= y <= hi else []
    if kind == "year":
        y = int(m.group("yy"))
        if _year_ok(y, rules):
            return [(st, en, str(y), "year", None)]
        return [(st, en, None, "year", f"impossible year {y}")]
    return []


def find_dates(text: str, rules: Rules, skip: list[tuple[int, int]] = ()) -> list[DateMention]:
    """Date mentions in cleaned ``text``; matches inside ``skip`` spans (citations) are dropped."""
    rx = date_regex(rules)
    out: list[DateMention] = []
    skip = sorted(skip)
    si = 0
    for m in rx.finditer(text):
        st = m.start()
        while si < len(skip) and skip[si][1] <= st:
            si += 1
        if si < len(skip) and skip[si][0] < m.end():
            continue
        for s, e, value, precision, problem in _parse(m, rules):
            flags = ["bad_date"] if value is None else []
            out.append(DateMention(text=text[s:e], start=s, end=e, value=value, precision=precision,
                                   flags=flags, warnings=[f"{problem}: {text[s:e]!r}"] if problem else []))
    return out
