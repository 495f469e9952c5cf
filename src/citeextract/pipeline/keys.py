"""Canonical document keys: the annotation guide's normal form of "số, ký hiệu".

``61 /2018/ NĐ – CP`` → ``61/2018/NĐ-CP``; ``01`` → ``1``; ``QD-UBND`` → ``QĐ-UBND``
(flagged damaged); ``QĐ-TTG`` → ``QĐ-TTg`` (known codes keep their printed case).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from ..rules import Rules

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_GROUP_SPLIT = regex.compile(r"\s*([-/])\s*")
_SPACE = regex.compile(r"\s")
_TERM = regex.compile(r"\d+$")  # the term of a legislature: QH13, UBTVQH15
_ASSEMBLY = regex.compile(r"(?:QH|UBTVQH)\d+$")
_SPACES = regex.compile(r"\s+")
_ZEROS = regex.compile(r"^0+(?=\d)")


def norm_key(key: str | None) -> str | None:
    """The comparison form of a key (case-folded), as the reference scorer defines it."""
    if not key:
        return None
    k = unicodedata.normalize("NFC", str(key)).translate(_DASHES)
    k = k.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    k = _SPACES.sub("", k)
    k = _ZEROS.sub("", k)
    return k.casefold()


@dataclass
class Symbol:
    """A parsed symbol: its groups, the separators between them and what was repaired."""

    text: str  # canonical symbol, e.g. "NĐ-CP", "CT/TW", "TTLT-BTC-BNV"
    groups: list[str]
    damaged: bool = False
    repairs: list[str] = field(default_factory=list)


def canonical_symbol(raw: str, rules: Rules) -> Symbol:
    """Canonicalise a symbol as printed: spaces out, known codes restored and re-cased."""
    damaged = bool(_SPACE.search(raw))
    repairs = ["space inside symbol"] if damaged else []
    if rules.lookalikes and not raw.isascii():
        latin = "".join(rules.lookalikes.get(ch, ch) for ch in raw)
        if latin != raw:  # "TT-BТС" with Cyrillic letters
            repairs.append("letters of another script read as Latin")
            damaged, raw = True, latin
    parts = _GROUP_SPLIT.split(raw.strip())
    out: list[str] = []
    groups: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # separator
            out.append(part)
            continue
        g = _SPACES.sub("", part)
        folded = g.casefold()
        if folded in rules.restorations:
            new = rules.restorations[folded]
            if new != g:
                repairs.append(f"{g} read as {new}")
                damaged = True
            g = new
        elif folded in rules.canonical_codes:
            g = rules.canonical_codes[folded]
        elif g.islower():
            g = g.upper()
        out.append(g)
        groups.append(g)
    return Symbol("".join(out), groups, damaged, repairs)


def strip_number(number: str) -> str:
    """Leading zeros removed from the number part ("01" → "1", "05c" → "5c")."""
    n = number.strip()
    stripped = n.lstrip("0")
    if not stripped or not stripped[0].isdigit():
        return "0" + stripped if not stripped or stripped[0] in ".," else stripped
    return stripped


def make_key(number: str, year: int | None, symbol: str, party: bool) -> str:
    """Key of a full citation: ``n/yyyy/SYM``, ``n/SYM`` or Party ``n-SYM``."""
    n = strip_number(number)
    if party:
        return f"{n}-{symbol}"
    if year:
        return f"{n}/{year}/{symbol}"
    return f"{n}/{symbol}"


def party_symbol(sym: Symbol, typ: str | None, rules: Rules) -> str | None:
    """A Party document written in the state style ("Nghị quyết 20/TW", "Nghị quyết số
    09/NQ-TU"): its Party symbol ("NQ/TW", "NQ/TU"), or None for any other symbol."""
    groups = sym.groups
    if not groups or rules.issuer_level.get(groups[-1]) != "party" or len(groups) > 2:
        return None
    if len(groups) == 2:
        return f"{groups[0]}/{groups[1]}" if groups[0] in rules.code_types else None
    code = next((c for c, t in rules.code_types.items() if t == typ), None) if typ else None
    return f"{code}/{groups[0]}" if code else None


def type_from_symbol(sym: Symbol, party: bool, rules: Rules) -> str:
    """The document type a symbol implies when no type word is written."""
    groups = sym.groups
    if not groups:
        return "other"
    first = groups[0]
    if first in rules.code_types:
        return rules.code_types[first]
    if party and len(groups) == 1:
        return rules.code_types.get(first, "other")
    base = _TERM.sub("", first)
    if len(groups) == 1 and base == "QH":
        return "luat"
    if len(groups) == 1 and base == "UBTVQH":
        return "nghi_quyet"
    return "cong_van"


def issuer_from_symbol(sym: Symbol, party: bool, rules: Rules) -> str | None:
    """The issuing body a symbol names, when its issuer code is known."""
    groups = sym.groups
    if not groups:
        return None
    if party:
        cand = groups[1:] or []
    elif groups[0] in rules.code_types:
        cand = groups[1:]
    else:
        cand = groups[:1]  # công văn: issuer first, then the drafting unit
    bodies = []
    for g in cand:
        code = _TERM.sub("", g) if _ASSEMBLY.match(g) else g
        if code in rules.issuers:
            bodies.append(rules.issuers[code])
    if not bodies:
        return None
    return " và ".join(dict.fromkeys(bodies))
