"""Other names a text gives a document it cites, resolved to its key (cleaned-text offsets,
after the citations are keyed and dated):

- an alias the text defines: "Nghị định số 12/2009/NĐ-CP ngày … (sau đây gọi tắt là Nghị định
  12/CP)" — every citation written as the alias takes the full document's key (the words that
  open a definition are rows of ``patterns/aliases.tsv``);
- a number written without its year: "Thông tư số 55/TT-BCT ngày 28 tháng 11 năm 2025" where
  the text also cites 55/2025/TT-BCT — the same number and symbol, issued in that year —
  takes that key, flagged ``damaged``.
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
    # the last three words of each opening, looked for first (plain substring tests are cheap)
    tails = tuple({" ".join(w.split()[-3:]) for w in intro})
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


def restore_years(cits: list[Citation]) -> None:
    """A citation without the year slot takes the key of the text's full citation of the same
    number and symbol whose year is the year it was issued in."""
    full: dict[tuple[str, str], Citation] = {}
    for c in cits:
        if c.year is not None and "short_form" not in c.flags:
            full.setdefault((c.number, c.symbol), c)
    if not full:
        return
    for c in cits:
        if c.year is None and c.issued and "/" in c.key and "short_form" not in c.flags:
            f = full.get((c.number, c.symbol))
            if f is not None and int(c.issued[:4]) == f.year:
                c.key, c.year = f.key, f.year
                c.warnings.append("year missing from the number")
                if "damaged" not in c.flags:
                    c.flags.append("damaged")
                if "self" in f.flags and "self" not in c.flags:
                    c.flags.append("self")
