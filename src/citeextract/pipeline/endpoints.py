"""Relation endpoints: the citations and named laws of a text as the documents relations
link, each named law under its fullest key, and the unnumbered documents that issue clauses
name. Used by ``relations``."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Citation, Document, NamedLaw, UnnumberedDoc
from .named import NamedResult
from ..rules import Rules

_YEAR = regex.compile(r"(?:19|20)\d\d")
_SPACE_COMMA_END = regex.compile(r"[\s,]*$")


@dataclass
class Mention:
    key: str
    start: int
    end: int
    kind: str  # citation, named, unnumbered


def fold(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


@lru_cache(maxsize=8)
def type_words(rules: Rules) -> dict[str, str]:
    """Named-law type → its type word (casefolded), from ``patterns/named_laws.tsv``."""
    return {typ: word for word, typ in rules.named_types.items()}


def mentions_of(cits: list[Citation], named: list[NamedLaw], res: NamedResult, text: str,
              rules: Rules) -> tuple[list[Mention], dict]:
    """Citations and named laws as relation endpoints, named laws under their fullest key."""
    type_word = type_words(rules)
    out = [Mention(c.key, c.start, c.end, "citation") for c in cits]
    by_cit = {id(c): m for c, m in zip(cits, out)}
    title_keys: dict[tuple[str, str], str] = {}
    for typ, title, c, start in res.numbered_citations(cits):
        title_keys.setdefault((type_word.get(typ, typ), fold(title)), c.key)
        # "Luật Phí và lệ phí số 97/2015/QH13": the mention starts at "Luật"
        by_cit[id(c)].start = min(by_cit[id(c)].start, start)
    for n in named:
        tk = (type_word.get(n.type, n.type), fold(n.title))
        if n.year and tk not in title_keys:
            title_keys[tk] = n.key
    cit_spans = [(c.start, c.end) for c in cits]
    for n in named:
        if any(s <= n.start < e for s, e in cit_spans):
            continue
        key = title_keys.get((type_word.get(n.type, n.type), fold(n.title)), n.key)
        if n.year and key != n.key and ":" in key:
            key = n.key
        out.append(Mention(key, n.start, n.end, "named"))
    for n in named:
        title_keys.setdefault((type_word.get(n.type, n.type), fold(n.title)), n.key)
    return out, title_keys


def _has_name(folded_text: str, folded_name: str) -> bool:
    """A folded law name as whole words inside folded text."""
    i = folded_text.find(folded_name)
    while i >= 0:
        end = i + len(folded_name)
        if not (i and folded_text[i - 1].isalpha()) and not (end < len(folded_text) and folded_text[end].isalpha()):
            return True
        i = folded_text.find(folded_name, i + 1)
    return False


def titles_in(text: str, start: int, end: int, title_keys: dict, own: str) -> list[str]:
    inner = fold(text[start:end])
    found = []
    for (typ_word, title), key in title_keys.items():
        if key != own and _has_name(inner, typ_word + " " + title):
            found.append(key)
    return found


def _f(s: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(s or "")).casefold().split())


def unnumbered_key(typ: str, title: str, issuer: str | None, when: str | None) -> str:
    """Stable key of a document named without a number."""
    return f"unnumbered:{typ}:{_f(title)}:{_f(issuer)}:{when or ''}"


def unnumbered_doc(text: str, um: regex.Match, issuer: str | None, doc: Document, lo: int,
                   rules: Rules) -> UnnumberedDoc:
    """The unnumbered document an issue clause names ("…, Sở … ban hành Kế hoạch truyền thông …")."""
    tw = " ".join(um.group("tw").split())
    title = " ".join(um.group("title").split()).strip(" *\"“”")
    typ = rules.type_of_word(tw) or "other"
    year = _YEAR.search(title)
    issued = None
    for d in doc.dates:
        if d.value and len(d.value) == 10 and lo <= d.start < um.start() and not _SPACE_COMMA_END.match(
                text[max(lo, d.start - 3):d.start]):
            issued = d.value  # a date of the issuing clause: "…, ngày 20/4/2020, Sở … ban hành …"
    key = unnumbered_key(typ, title, issuer, issued or (year.group() if year else None))
    return UnnumberedDoc(text=text[um.start():um.end()].rstrip(), start=um.start(),
                         end=um.start() + len(text[um.start():um.end()].rstrip()), type=typ,
                         title=f"{tw} {title}", key=key, issuer=issuer, issued=issued)
