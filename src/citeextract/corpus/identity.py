"""Document identity across a corpus: which mentions are the same real document.

- A normative number with a year (``61/2018/NĐ-CP``), a named law (``luat:Đất đai:2013``)
  and a number whose symbol names a national body (``225/QĐ-TTg``, ``1077/VPCP-KSTT``,
  ``80-KL/TW``) are globally unique: the node id is the key.
- Any other number (``68/KH-UBND``, ``1891/KH-SKHCN``) repeats in every province and year.
  It is qualified by place and year: ``68/KH-UBND@Lạng Sơn/2016``. The place comes from the
  issuer ("của UBND tỉnh Lạng Sơn"), else from the text around the mention, else from the
  article's own province (metadata ``province`` or the province the page names most); the
  year from the issue date. A mention with no place stays a separate node per article
  (``68/KH-UBND#<article>``) flagged ``unqualified``; one with no year is flagged ``no_year``.
All mentions of one key inside one article are one document.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..rules import NAMED_TYPES, Rules, rules as current_rules, words_rx

NATIONAL_LEVELS = ("central", "ministry", "party")

_NORMATIVE = regex.compile(r"[\w.]+/(?:19|20)\d\d/")  # a number with a year slot
_GROUPS = regex.compile(r"[-/]")
_TERM = regex.compile(r"\d+$")


def _f(s: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(s or "")).casefold().split())


@lru_cache(maxsize=8)
def _province_rx(rules: Rules) -> regex.Pattern:
    names = sorted({n for n, _, _ in rules.provinces}, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?i:" + words_rx(names) + r")(?![\p{L}])")


def _canon_province(name: str, rules: Rules) -> str:
    f = _f(name)
    for n, _, _ in rules.provinces:
        if _f(n) == f:
            return n
    return name


def provinces_in(text: str, rules: Rules | None = None) -> Counter:
    rules = rules or current_rules()
    return Counter(_canon_province(m.group(), rules) for m in _province_rx(rules).finditer(text or ""))


def is_national(key: str, rules: Rules | None = None) -> bool:
    """True when the key alone identifies one document in the whole country."""
    rules = rules or current_rules()
    parts = key.split(":")
    if len(parts) >= 3 and parts[0] in NAMED_TYPES:
        return True
    if _NORMATIVE.match(key):
        return True
    if ":" in key:  # nghi_quyet:1211/2016
        return True
    return issued_nationally(key, rules)


def issued_nationally(key: str, rules: Rules | None = None) -> bool:
    """True when the key's symbol names a national body (``NĐ-CP``, ``QĐ-TTg``, ``CT/TW``);
    False for a provincial one (``QĐ-UBND``, ``NQ-HĐND``), whose numbers repeat in every
    province even with a year slot."""
    rules = rules or current_rules()
    sym = key.split("/", 1)[-1] if "/" in key else key.split("-", 1)[-1]
    for code in _GROUPS.split(sym):
        base = _TERM.sub("", code)
        if rules.issuer_level.get(code) in NATIONAL_LEVELS or rules.issuer_level.get(base) in NATIONAL_LEVELS:
            return True
    return False


@dataclass
class ArticleContext:
    """What an article tells about where its local documents come from."""

    article: str
    text: str | None = None
    province: str | None = None  # the site's / article's province

    @classmethod
    def of(cls, article: str, text: str | None, metadata: dict | None, rules: Rules | None = None) -> ArticleContext:
        rules = rules or current_rules()
        prov = (metadata or {}).get("province")
        if not prov and text:
            counts = provinces_in(text, rules)
            prov = counts.most_common(1)[0][0] if counts else None
        return cls(article, text, prov)


@dataclass
class Identity:
    node: str  # node id in the graph
    key: str
    place: str | None = None
    year: int | None = None
    national: bool = True
    flags: list[str] = field(default_factory=list)


_CLAUSE_END = regex.compile(r"[;\n]|\.\s")


@lru_cache(maxsize=8)
def _place_intro(rules: Rules) -> regex.Pattern:
    """ "của UBND tỉnh " / "của Sở … thành phố ": what stands before a province name."""
    intro = words_rx(rules.context.get("issuer_intro", ["của"]))
    places = words_rx(rules.context.get("place_word", ["tỉnh", "thành phố"]))
    return regex.compile(r"(?i:" + intro + r")\s+[^,;]{0,60}?(?i:" + places + r")\s+")


def resolve(key: str, mentions: list, ctx: ArticleContext, rules: Rules | None = None) -> Identity:
    """The node of ``key`` as cited by ``mentions`` (Citation-like objects with ``issuer``,
    ``issued``, ``end``) in one article."""
    rules = rules or current_rules()
    if is_national(key, rules):
        return Identity(key, key)
    place = year = None
    from_site = False
    rx = _province_rx(rules)
    for m in mentions:
        iss = getattr(m, "issuer", None) or ""
        pm = rx.search(iss)
        if pm is None and ctx.text and getattr(m, "end", -1) >= 0:
            window = ctx.text[m.end:m.end + 160]
            cut = _CLAUSE_END.search(window)
            window = window[:cut.start()] if cut else window
            cm = _place_intro(rules).search(window)
            if cm:
                pm = rx.match(window, cm.end())
        if pm and not place:
            place = _canon_province(pm.group(), rules)
        issued = getattr(m, "issued", None)
        if issued and not year:
            year = int(str(issued)[:4])
    if not place and ctx.province:
        place, from_site = ctx.province, True
    if not place:
        return Identity(f"{key}#{ctx.article}", key, None, year, False, ["unqualified"])
    flags = ["place_from_site"] if from_site else []
    if not year:
        flags.append("no_year")
    return Identity(f"{key}@{place}/{year or ''}", key, place, year, False, flags)


def numbered_locally(key: str, rules: Rules | None = None) -> bool:
    """A number with a year slot issued by a provincial body (``7/2022/QĐ-UBND``): one node by
    the rules above, though every province may have issued one."""
    return bool(_NORMATIVE.match(key)) and not issued_nationally(key, rules)


def mention_places(mentions: list, ctx: ArticleContext | None = None, rules: Rules | None = None) -> set[str]:
    """The provinces the issuers of ``mentions`` name ("của UBND tỉnh Bắc Giang"), else the
    article's own province when it is known; empty when neither says."""
    rules = rules or current_rules()
    places = {p for m in mentions for p in provinces_in(getattr(m, "issuer", None) or "", rules)}
    if not places and ctx is not None and ctx.province:
        places = {ctx.province}
    return places
