"""Aliases a text defines for the documents it cites: "Nghị định số 12/2009/NĐ-CP ngày … (sau
đây gọi tắt là Nghị định 12/CP)". Every citation written as the alias, there and later, takes
the full document's key (with a warning saying so). The words that open a definition are rows
of ``patterns/aliases.tsv``. Works on cleaned-text offsets, after the citations are keyed.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Citation
from ..rules import Rules, alternatives, read_table, words_rx
from .spans import ByStart


@lru_cache(maxsize=8)
def _definition(rules: Rules) -> tuple[regex.Pattern, int, tuple[str, ...]]:
    intro, reach = ["sau đây gọi tắt là"], 300
    for section, cell, *_ in read_table("aliases.tsv", 2):
        if section == "intro":
            intro = alternatives(cell)
        elif section == "reach":
            reach = int(cell)
    rx = regex.compile(r"\(\s*(?i:" + words_rx(intro) + r")[\s:]*[“\"']?(?P<alias>[^()“”\"']{2,80}?)[”\"']?\s*\)")
    # the last two words of each opening, looked for first (plain substring tests are cheap)
    tails = tuple({" ".join(w.split()[-2:]) for w in intro})
    return rx, reach, tails


def apply_aliases(text: str, cits: list[Citation], rules: Rules) -> None:
    """Give every citation written as a defined alias the key of the document it stands for."""
    if not cits:
        return
    rx, reach, tails = _definition(rules)
    if not any(t in text for t in tails):
        return
    index = ByStart(cits)
    aliases: dict[str, Citation] = {}
    for m in rx.finditer(text):
        inside = index.within(m.start("alias"), m.end("alias"))
        full = index.last_before(m.start(), max(0, m.start() - reach))
        if not inside or full is None or full in inside:
            continue
        alias = inside[0]
        if alias.key != full.key and alias.text.strip() == m.group("alias").strip():
            aliases[alias.key] = full
    if not aliases:
        return
    for c in cits:
        full = aliases.get(c.key)
        if full is not None and c is not full:
            c.warnings.append(f"alias of {full.key}")
            c.key = full.key
            c.type, c.issuer = full.type, c.issuer or full.issuer
            c.issued = c.issued or full.issued
