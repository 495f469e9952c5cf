"""Stage 5: which version a law named without a year means (``NamedLaw.resolved``).

First within the text: when it also names exactly one version of that law — "Luật Đất đai
năm 2024", "Luật Đất đai số 31/2024/QH15" — a bare "Luật Đất đai" is that version
(``how="same_text"``); two versions make it ambiguous (None). Otherwise the version in force
on the text's date (:mod:`.textdate`) by ``patterns/law_versions.tsv``: effective ≤ date <
the next version's effective (``how="in_force_on:<date>"``); None before the first version,
for a law the table does not list, for a text without a date, and when a later version whose
effect date the table leaves empty may already be in force. A named law with a year
resolves to the number of that year's version when the table has one (``how="year"``), so
that it is one node with the numbered citations of that law.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..models import Citation, Document, NamedLaw, Resolved
from ..rules import LawVersion, Rules
from .named import NamedResult
from .textdate import text_date


def _title(typ: str, title: str) -> tuple[str, str]:
    return typ, " ".join(title.split()).casefold()


@lru_cache(maxsize=8)
def _versions(rules: Rules) -> dict[tuple[str, str], list[LawVersion]]:
    table: dict[tuple[str, str], list[LawVersion]] = defaultdict(list)
    for v in rules.law_versions:  # a title's rows run oldest to newest
        table[_title(v.type, v.title)].append(v)
    return table


def version_of_year(versions: list[LawVersion], year: int) -> LawVersion | None:
    found = [v for v in versions if v.year == year and v.key]
    return found[0] if len(found) == 1 else None


def in_force_on(versions: list[LawVersion], date: str) -> LawVersion | None:
    """The version with effective ≤ ``date`` < the next version's effective date; None when no
    version is known to be in force then, or when a later version whose effect date the table
    does not know may already be (it was passed by then, or its passing date is not known)."""
    current = None
    for i, v in enumerate(versions):  # oldest to newest
        if v.effective and v.effective <= date:
            current = i
    if current is None or not versions[current].key:
        return None
    if any(not v.effective and (not v.passed or v.passed <= date) for v in versions[current + 1:]):
        return None
    return versions[current]


def resolve_named(doc: Document, rules: Rules, named: NamedResult | None = None,
                  page_date: object = None) -> None:
    """Set ``resolved`` on every named law of ``doc``."""
    if not doc.named:
        return
    table = _versions(rules)
    in_text: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in doc.named:
        n.resolved = None
        if n.year:
            v = version_of_year(table.get(_title(n.type, n.title), []), n.year)
            if v is not None and v.key != n.key:
                n.resolved = Resolved(key=v.key, how="year")
            in_text[_title(n.type, n.title)].add(v.key if v is not None else n.key)
    for typ, title, c, _ in (named.numbered_citations(doc.citations) if named else []):
        in_text[_title(typ, title)].add(c.key)
    date: str | None = None
    dated = False
    for n in doc.named:
        if n.year:
            continue
        t = _title(n.type, n.title)
        keys = in_text.get(t)
        if keys:
            if len(keys) == 1:
                n.resolved = Resolved(key=next(iter(keys)), how="same_text")
            continue  # two versions named in the text: ambiguous
        if not dated:
            date, dated = text_date(doc, page_date)[0], True
        v = in_force_on(table.get(t, []), date) if date else None
        if v is not None:
            n.resolved = Resolved(key=v.key, how=f"in_force_on:{date}")


def resolved_key(n: NamedLaw) -> str:
    """The key a graph uses for ``n``: the resolved version's, else its own."""
    return n.resolved["key"] if n.resolved else n.key
