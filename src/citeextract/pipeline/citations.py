"""Stage 3a: numbered citations ("Nghị định số 61/2018/NĐ-CP", "05-CT/TW", "Số: 54/KH-UBND").

One scan finds the number/symbol core; the type word, "số" and header prefixes are read from
a short window before it. Short forms ("Nghị định số 40", "Nghị định 33/2023") are resolved
against the full citations of the same text afterwards. All offsets here index the CLEANED
text; the pipeline maps them back to the original.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import gate
from .keys import (Symbol, canonical_symbol, issuer_from_symbol, make_key, party_symbol, strip_number,
                   type_from_symbol)
from ..models import Citation
from ..rules import Rules, trie_rx, words_rx

# a symbol group: NĐ, CP, TTg, QyĐ, QĐi, CTr, SKH&CN, QH13, UBTƯMTTQVN
_G = r"\p{Lu}(?:&\s(?=\p{Lu})|[\p{Lu}0-9&]|[a-zđ](?!\p{Ll}))*+(?![\p{Lu}\d])"
_SEP = r"(?:[ \t]?[-/]\s?(?=\p{Lu})|[-/])"  # not a line break before: "QH15\n- Nghị định …" is a list
_SPACE = regex.compile(r"\s")
_YEAR_NUMBER = regex.compile(r"(?:1[89]|20)\d\d")
# the scan consumes a digit first (a fast scan), then checks the character before it
_NUM = r"(?P<num>\d(?:(?<![\p{L}\d/.,\-_=?&%#]\d)|(?<=(?<![\p{L}\d])s\d))\d{0,4}(?:\.\d{1,3})?[a-zđ]?)"


def glued_so(text: str, num_start: int) -> bool:
    """ "s20/2008/NĐ-CP": the number starts right after an "s" cut from "số"."""
    return num_start > 0 and text[num_start - 1] == "s"

_CORE = (
    _NUM
    + r"(?:(?P<s1>\s{0,2}/\s{0,2})(?:(?P<year>(?:1[89]|20)\d\d)(?P<s2>\s{0,2}/\s{0,2}))?"
    + r"(?P<sym>" + _G + r"(?:" + _SEP + _G + r"){0,5})"
    + r"|(?P<p1>\s?-\s?)(?P<psym>" + _G + r"(?:\s?/\s?" + _G + r"){0,2}))"
)


# where a core can start: a number, then "/" or "-" and a capital (the year between may be there)
_CORE_GATE = (r"\d[\d.]{0,8}[a-zđ]?\s{0,2}(?:/\s{0,2}(?:(?:1[89]|20)\d\d\s{0,2}/\s{0,2})?\p{Lu}"
              r"|\s?-\s?\p{Lu})")


@dataclass
class Matchers:
    core: gate.Gate
    prefix: regex.Pattern  # type word (+ "số") ending right before the number
    header: regex.Pattern  # "Số:" / "Số hiệu" header ending right before the number
    law_title: regex.Pattern  # "Luật <title> số" ending right before the number
    short: gate.Gate  # type word + number: + /year or nothing (short form), or + space + symbol
    split_year: regex.Pattern  # "Thông tư 16 " before "2025/TT-BTC": a year lost its slash


@lru_cache(maxsize=8)
def matchers(rules: Rules) -> Matchers:
    # every pattern with the type word reads it right to left (lookbehinds, (?r) searches)
    words = trie_rx(list(rules.type_words), backward=True, ignore_case=True)
    abbr = trie_rx(list(rules.type_abbrevs), backward=True)
    tw = r"(?P<tw>(?i:" + words + r")|" + abbr + r")"
    so = r"(?:\s*(?P<so>(?i:số|so|s))\s*:?)?\s*"
    # window searches run in reverse ((?r)): anchored at the end, they fail fast
    prefix = regex.compile(r"(?r)(?<![\p{L}\d])" + tw + so + r"$")
    header_words = words_rx(rules.context.get("self_header", ["Số"]))
    header = regex.compile(r"(?m)^[\s|*#>-]*(?P<hw>(?i:" + header_words + r"))\s*[:.]?[\s|]*$")
    named = trie_rx(list(rules.named_types), backward=True, ignore_case=True)
    law_title = regex.compile(
        r"(?r)(?<![\p{L}])(?P<tw>(?i:" + named + r"))\s+(?P<title>\p{Lu}(?:[^\n;:.()]|\n(?=\p{Ll})){0,120}?)"
        r"\s+(?i:số)\s*$"
    )
    # the forward scan consumes a digit first (a fast scan), then checks the type word behind
    # it: a one-character class, then the full words
    ends = {w[-1] for w in [*rules.type_words, *rules.type_abbrevs]} | set("ốoOỐsS:")
    ends |= {c.upper() for c in ends} | {c.lower() for c in ends}
    cheap = r"(?<=[" + regex.escape("".join(sorted(ends))) + r"]\s{0,3}\d)"
    short = regex.compile(
        r"(?P<num>\d" + cheap + r"(?<=(?<![\p{L}\d])" + tw + so + r"\d)\d{0,4}[a-zđ]?)"
        r"(?:\s(?P<sym>" + _G + r"(?:\s?-\s?" + _G + r"){1,4})"
        r"|(?:(?P<ys>\s?/\s?|\s)(?P<year>(?:1[89]|20)\d\d))?(?![\d/.,]?\d)(?!\s?/\s?\p{Lu})(?!\s?-\s?\p{Lu}))"
    )
    split_year = regex.compile(r"(?r)(?<![\p{L}\d])" + tw + so + r"(?P<num0>\d{1,5}[a-zđ]?)\s$")
    # the gate of the short forms: a type word, "số", and the first digit of the number
    short_gate = ("(?:" + gate.words(rules.type_words, ignore_case=True) + "|" + gate.words(rules.type_abbrevs)
                  + r")(?:\s*(?i:số|so|s)\s*:?)?\s*\d")
    return Matchers(gate.Gate(regex.compile(_CORE), _CORE_GATE), prefix, header, law_title,
                    gate.Gate(short, short_gate, start=r"\d"), split_year)


def _word_type(m: regex.Match | None, rules: Rules) -> str | None:
    if not m:
        return None
    return rules.type_of_word(m.group("tw"))


def _split_fused(sym: Symbol, rules: Rules) -> Symbol:
    """Repair a missing hyphen between a type code and an issuer ("NĐCP" → "NĐ-CP")."""
    g = sym.groups[0] if sym.groups else ""
    if g in rules.code_types or g in rules.issuers or len(sym.groups) != 1:
        return sym
    for code in sorted(rules.code_types, key=len, reverse=True):
        rest = g[len(code):]
        if g.startswith(code) and rest in rules.issuers:
            return Symbol(f"{code}-{rest}" + sym.text[len(g):], [code, rest], True,
                          sym.repairs + [f"{g} read as {code}-{rest}"])
    return sym


@lru_cache(maxsize=4096)
def _symbol(raw: str, party: bool, rules: Rules) -> tuple[Symbol, str | None, str]:
    """The canonical symbol of ``raw``, its issuer and the type it implies. Cached, since
    the same symbols recur through a corpus: the Symbol returned is shared, not to be changed."""
    sym = _split_fused(canonical_symbol(raw, rules), rules)
    return sym, issuer_from_symbol(sym, party, rules), type_from_symbol(sym, party, rules)


def find_citations(text: str, rules: Rules) -> list[Citation]:
    """Full citations (with a symbol) in cleaned ``text``, in reading order."""
    mt = matchers(rules)
    out: list[Citation] = []
    for m in mt.core.finditer(text):
        party = m.group("psym") is not None
        raw_sym = m.group("psym") if party else m.group("sym")
        sym, issuer, implied_type = _symbol(raw_sym, party, rules)
        if party and sym.groups[0] not in rules.code_types:
            continue  # "619 - ĐT" in a phone line: not a Party symbol
        if not party and not m.group("year") and len(sym.groups) == 1 and sym.groups[0] not in rules.issuers \
                and sym.groups[0] not in rules.code_types:
            continue  # "3/A" and the like: a lone unknown group is no symbol
        year = int(m.group("year")) if m.group("year") else None
        start, end = m.start(), m.end()
        window_start = max(0, start - 60)
        number = m.group("num")
        flags: list[str] = []
        warnings: list[str] = list(sym.repairs)
        if sym.damaged or _SPACE.search(m.group("s1") or m.group("p1") or "") \
                or (m.group("s2") or "").strip() != (m.group("s2") or ""):
            warnings = warnings or ["spaces inside the number or symbol"]
        # "Thông tư 16 2025/TT-BTC": the core read "2025" as the number; it is the year of 16
        sm = mt.split_year.search(text, window_start, start) \
            if not party and year is None and _YEAR_NUMBER.fullmatch(number) else None
        if sm:
            number, year = sm.group("num0"), int(number)
            warnings.append("space instead of '/' between number and year")
        if warnings:
            flags.append("damaged")
        pm = sm or mt.prefix.search(text, window_start, start)
        typ = _word_type(pm, rules)
        if pm:
            start = pm.start()
        else:
            lm = mt.law_title.search(text, max(0, start - 160), start)
            if lm:  # "Luật Quản lý, sử dụng tài sản công số 15/2017/QH14"
                typ = rules.named_types.get(" ".join(lm.group("tw").split()).casefold())
            # "Số: 54/KH-UBND", or "Số hiệu:" with the number on the next line of a table
            hm = mt.header.search(text, max(0, start - 40), start)
            if hm:
                if hm.group("hw").casefold() == "số":
                    start = hm.start("hw")
                flags.append("self")
        if typ is None:
            typ = implied_type
        restyled = party_symbol(sym, typ, rules) if not party and year is None else None
        if restyled:  # "Nghị quyết 20/TW" is Party resolution 20-NQ/TW
            party, sym = True, Symbol(restyled, restyled.split("/"), sym.damaged, sym.repairs)
            issuer = issuer_from_symbol(sym, True, rules)
            warnings.append("Party document written in the state style")
        if glued_so(text, m.start()):  # "Nghị định s20/2008/NĐ-CP": "số" cut and glued to the number
            warnings.append("'số' glued to the number")
            if "damaged" not in flags:
                flags.append("damaged")
        out.append(Citation(
            text=text[start:end], start=start, end=end, type=typ,
            key=make_key(number, year, sym.text, party),
            number=strip_number(number), year=year, symbol=sym.text,
            issuer=issuer, flags=flags, warnings=warnings,
        ))
    return out


def _noslash(m: regex.Match, rules: Rules) -> Citation | None:
    """ "Kế hoạch số 1492 KH-UBND": a typed number whose slash is missing."""
    sym = canonical_symbol(m.group("sym"), rules)
    if sym.groups[0] not in rules.code_types:
        return None
    typ = rules.type_of_word(m.group("tw")) or type_from_symbol(sym, False, rules)
    start = m.start("tw")
    return Citation(
        text=m.string[start:m.end()], start=start, end=m.end(), type=typ,
        key=make_key(m.group("num"), None, sym.text, False), number=strip_number(m.group("num")),
        year=None, symbol=sym.text, issuer=issuer_from_symbol(sym, False, rules),
        flags=["damaged"], warnings=["slash missing between number and symbol"],
    )


def find_short_forms(text: str, rules: Rules, full: list[Citation]) -> list[Citation]:
    """Type word + number without a symbol, keyed from the text's full citations.

    "Nghị định số 40" after "Nghị định số 40/2010/NĐ-CP" gets ``40/2010/NĐ-CP``;
    "Nghị định 33/2023" gets ``33/2023/NĐ-CP`` (the type fixes the symbol);
    "Nghị quyết 1211/2016" with no full form gets ``nghi_quyet:1211/2016``. A bare
    number that no full citation explains is not a citation.
    """
    mt = matchers(rules)
    taken = [(c.start, c.end) for c in full]
    by_num: dict[tuple[str, str], list[Citation]] = {}
    for c in full:
        by_num.setdefault((c.type, c.number), []).append(c)
    out: list[Citation] = []
    ti = 0
    for m in mt.short.finditer(text):
        while ti < len(taken) and taken[ti][1] <= m.start("tw"):
            ti += 1
        if ti < len(taken) and taken[ti][0] < m.end():
            continue
        if m.group("sym"):
            c = _noslash(m, rules)
            if c is not None:
                out.append(c)
            continue
        typ = rules.type_of_word(m.group("tw"))
        if typ is None or typ in ("luat", "bo_luat", "hien_phap", "phap_lenh") and not m.group("year"):
            continue
        num = strip_number(m.group("num"))
        year = int(m.group("year")) if m.group("year") else None
        cands = [c for c in by_num.get((typ, num), []) if year is None or c.year in (year, None)]
        if year is not None:
            cands = [c for c in cands if c.year == year] or cands
        if cands:
            before = [c for c in cands if c.start < m.start()]
            ref = (before or cands)[-1 if before else 0]
            key, sym, issuer = ref.key, ref.symbol, ref.issuer
        elif year is not None and not m.group("ys").strip() and typ not in rules.implied_symbol:
            continue  # "Quyết định 2 2020": a space-separated year needs a full form to lean on
        elif year is not None and typ in rules.implied_symbol:
            sym = rules.implied_symbol[typ]
            key = f"{num}/{year}/{sym}"
            issuer = issuer_from_symbol(canonical_symbol(sym, rules), False, rules)
        elif year is not None:
            key, sym, issuer = f"{typ}:{num}/{year}", "", None
        else:
            continue
        spaced = year is not None and not m.group("ys").strip()
        c = Citation(
            text=text[m.start("tw"):m.end()], start=m.start("tw"), end=m.end(), type=typ, key=key, number=num,
            year=year, symbol=sym, issuer=issuer, flags=["short_form", "damaged"] if spaced else ["short_form"],
            warnings=["space instead of '/' between number and year"] if spaced else [],
        )
        out.append(c)
        by_num.setdefault((typ, num), []).append(c)
    return out
