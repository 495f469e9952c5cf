"""Stage 4: read each citation's context — its issue date, its issuer, and whether it is
the text's own number.

Issue dates come, in order of preference, from
1. a date written with the mention: "… 61/2018/NĐ-CP ngày 23/4/2018", "… của UBND tỉnh
   ngày …", "… ban hành ngày …";
2. a clause that opens with the date and issues the document: "Ngày 25/3/2020, Sở … đã ban
   hành Kế hoạch số 311/KH-SKH&CN";
3. a short clause (a table row, a list item) holding this one citation and one full date
   after it, unless the date is introduced as a start or deadline ("từ", "đến", "hiệu lực");
4. for the text's own number: the "Ngày ban hành" field or the "<place>, ngày …" line of the
   document header that follows it.
A date that is written but impossible gives no issue date and the flag ``bad_date``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Citation, DateMention
from ..rules import Rules, words_rx
from .spans import ByStart


@dataclass
class ContextMatchers:
    after: regex.Pattern  # between a citation and the date written with it
    issuer_after: regex.Pattern  # "của <issuer>" after the date written with a citation
    opener: regex.Pattern  # between a clause-opening date and the citation it issues
    not_issue: regex.Pattern  # words right before a date that is no issue date
    header_date: regex.Pattern  # "Ngày ban hành: 31/10/2017" or "Hà Nội, ngày …"
    header_type: regex.Pattern  # "Loại văn bản: | Công văn"
    boundary: regex.Pattern  # clause boundaries


@lru_cache(maxsize=8)
def context_matchers(rules: Rules) -> ContextMatchers:
    ctx = rules.context
    stops = ctx.get("issuer_stop", [])
    word_stops = words_rx([s for s in stops if s[0].isalpha()])
    punct = "".join(regex.escape(s) for s in stops if not s[0].isalpha())
    # "và" ends an issuer unless another body follows ("Bộ Công an và Bộ Nông nghiệp và Môi trường")
    joiners = words_rx(ctx.get("issuer_joiner", ["Bộ"]))
    issuer = (r"(?P<iss>[^\n" + punct + r"]{2,80}?)(?=\s+(?i:" + word_stops + r")(?!\p{L})(?<!\s+và)"
              r"|\s+và\s+(?!(?:" + joiners + r")(?!\p{L}))|\s*[" + punct + r"\n]|\s*$)")
    intro = words_rx(ctx.get("issuer_intro", ["của"]))
    verbs = words_rx(ctx.get("issue_verb", ["ban hành"]))
    after_verbs = words_rx(ctx.get("issue_verb_after", ["ban hành"]))
    adverbs = words_rx(ctx.get("issue_adverb", ["đã"]))
    after = regex.compile(
        r"\s*,?\s*(?:(?i:" + intro + r")\s+" + issuer + r"\s*,?\s*)?(?:(?i:" + after_verbs + r")\s+)?(?=\S)"
    )
    issuer_after = regex.compile(r"\s*,?\s*(?i:" + intro + r")\s+" + issuer)
    opener = regex.compile(
        r"\s*,?\s*(?P<iss>[^,;\n]{2,100}?)\s+(?:(?i:" + adverbs + r")\s+)*(?i:" + verbs + r")\s*$"
    )
    not_issue = regex.compile(r"(?i:" + words_rx(ctx.get("not_issue", [])) + r")(?!\p{L})[^\n]{0,12}$")
    self_date = words_rx(ctx.get("self_date", ["Ngày ban hành"]))
    header_date = regex.compile(
        r"(?m)(?:(?i:" + self_date + r")[\s:|]*(?=\d)|^[\s|]*\p{Lu}[^\n,|]{0,40}(?:\n[^\n,|]{1,40})?,\s*(?=(?i:ngày)\s))"
    )
    header_type = regex.compile(
        r"(?i:" + words_rx(ctx.get("self_type", ["Loại văn bản"])) + r")[\s:|*]*(?P<tw>(?i:"
        + words_rx(list(rules.type_words)) + r"))(?![\p{L}])"
    )
    boundary = regex.compile(r"\n|;|\.\s+(?=\p{Lu})")
    return ContextMatchers(after, issuer_after, opener, not_issue, header_date, header_type, boundary)


def _is_full(d: DateMention) -> bool:
    return d.precision == "day"


def _set_date(c: Citation, d: DateMention) -> None:
    if d.value and (c.year is None or len(d.value) < 4 or int(d.value[:4]) == c.year):
        c.issued = d.value
    elif "bad_date" not in c.flags:
        c.flags.append("bad_date")
        c.warnings.append(f"issue date {d.text!r} is impossible or incomplete" if not d.value
                          else f"issue date {d.text!r} is not in the year of the number")


# "ngày tháng 10 năm 2025": the day left blank
_BLANK_DAY = regex.compile(r"(?i:ngày)[\s*]+(?=(?i:tháng)\s)")


def _clause(text: str, pos: int, end: int, cm: ContextMatchers, limit: int = 400) -> tuple[int, int]:
    """The clause around the mention ``text[pos:end]`` (a line break inside it is no boundary)."""
    lo = max(0, pos - limit)
    start = lo
    for m in cm.boundary.finditer(text, lo, pos):
        start = m.end()
    m = cm.boundary.search(text, end, min(len(text), end + limit))
    return start, (m.start() if m else min(len(text), end + limit))


def attach_context(text: str, cits: list[Citation], dates: list[DateMention], rules: Rules) -> None:
    """Fill ``issued``, ``issuer`` and the ``self``/``bad_date`` flags of ``cits`` in place."""
    cm = context_matchers(rules)
    idx = ByStart(dates)
    by_start = ByStart(cits)
    for c in cits:
        found = False
        m = cm.after.match(text, c.end)
        if m:
            d = idx.at(m.end())
            if d is not None and (_is_full(d) or not d.value):
                _set_date(c, d)
                found = True
            iss = m.group("iss")
            if found and not iss:
                im = cm.issuer_after.match(text, d.end)
                iss = im.group("iss") if im else None
            if iss:
                c.issuer = " ".join(iss.split())
        if found:
            continue
        bm = _BLANK_DAY.match(text, m.end(), m.end() + 40) if m else None  # bounded: a required word
        if bm and idx.at(bm.end()) is not None and "bad_date" not in c.flags:
            c.flags.append("bad_date")
            c.warnings.append(f"issue date {text[bm.start():idx.at(bm.end()).end]!r} is incomplete")
            continue
        cs, ce = _clause(text, c.start, c.end, cm)
        others = [o for o in by_start.within(cs, ce) if o is not c]
        # 2. "Ngày 25/3/2020, Sở … ban hành Kế hoạch số …"
        for d in idx.within(cs, c.start):
            if not (_is_full(d) or not d.value):
                continue
            if any(d.end <= o.start < c.start for o in others):
                continue
            om = cm.opener.match(text, d.end, c.start)
            if om:
                _set_date(c, d)
                issuer = " ".join(om.group("iss").split())
                if not c.issuer or c.issuer in rules.issuers.values() and len(issuer) > len(c.issuer):
                    c.issuer = issuer
                found = True
                break
        if found or others or ce - cs > 300:
            continue
        # 3. a short clause with this one citation and one full date after it
        full = [d for d in idx.within(cs, ce) if _is_full(d) or not d.value]
        if len(full) == 1 and full[0].start >= c.end and not cm.not_issue.search(text, cs, full[0].start):
            _set_date(c, full[0])
    _attach_self(text, cits, idx, cm, rules)


def _attach_self(text: str, cits: list[Citation], idx: ByStart[DateMention], cm: ContextMatchers,
                 rules: Rules) -> None:
    """The header's own number: its issue date, its type from a "Loại văn bản" field, and
    the ``self`` flag on every mention of it."""
    own = {c.key for c in cits if "self" in c.flags}
    if not own:
        return
    first = min(c.start for c in cits if "self" in c.flags)
    tm = cm.header_type.search(text, first, min(len(text), first + 600))
    typ = rules.type_of_word(tm.group("tw")) if tm else None
    if typ:  # the field overrides a type guessed from the symbol, not a type word written
        for c in cits:
            if c.key in own and (c.text[:1].isdigit() or c.text.casefold().startswith("số")):
                c.type = typ
    for c in cits:
        if c.key not in own:
            continue
        if "self" not in c.flags:
            c.flags.append("self")
        elif not c.issued:
            hm = cm.header_date.search(text, c.end, min(len(text), c.end + 400))
            d = idx.at(hm.end()) if hm else None
            if d is None and hm:
                nxt = idx.within(hm.end(), hm.end() + 12)
                d = nxt[0] if nxt else None
            if d is not None and (_is_full(d) or not d.value):
                _set_date(c, d)
