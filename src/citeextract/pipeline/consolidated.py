"""Relations of a consolidated text (văn bản hợp nhất, annotation guide §4).

A VBHN repeats the text it consolidates and the texts that amended it: its header names the
consolidated text, then "được sửa đổi, bổ sung bởi: 1. Thông tư số …; 2. …"; its preamble is the
consolidated text's, and its footnotes repeat the amending texts' preambles ("[1] Thông tư số
25/2025/TT-BCT … có căn cứ ban hành như sau: Căn cứ …"). So the VBHN ``consolidates`` each of
those texts, and an edge the text states with the VBHN as its source belongs to the consolidated
text — or, inside such a footnote, to the amending text it opens with.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Citation, Document, Relation
from ..rules import Rules, words_rx
from .subject import relation_words

VBHN_TYPE = "van_ban_hop_nhat"
# what may stand between a line start and the text heading an item of the amending-texts list
_ITEM_LEAD = regex.compile(r"[\s*_\-+•]*(?:\d+[.)]\s*|[a-zđ]\)\s*)?")


@lru_cache(maxsize=8)
def _matchers(rules: Rules) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    words = relation_words(rules)
    amended_by = regex.compile(r"(?i:" + words_rx(words.get("consolidation_amended_by", ["được sửa đổi, bổ sung bởi"]))
                               + r")")
    basis_intro = regex.compile(r"(?i:" + words_rx(words.get("consolidation_basis_intro", ["căn cứ ban hành như sau"]))
                                + r")")
    opener = regex.compile(r"(?m)^[\s*_|>-]*(?i:" + words_rx(words.get("preamble_opener", ["căn cứ"])) + r")")
    return amended_by, basis_intro, opener


def consolidated_relations(doc: Document, text: str, rules: Rules) -> None:
    """Rewrite ``doc.relations`` of a VBHN as the guide says (cleaned offsets)."""
    amended_by, basis_intro, opener = _matchers(rules)  # compiled with the first text, not the first VBHN
    own = next((c for c in doc.citations if c.key == doc.subject and "self" in c.flags), None)
    if own is None or own.type != VBHN_TYPE:
        return
    first_basis = opener.search(text, own.end)
    header_end = first_basis.start() if first_basis else len(text)
    header = [c for c in doc.citations if own.end <= c.start < header_end and c.key != own.key]
    if not header:
        return
    base = header[0]
    consolidated = [base.key]
    cue = amended_by.search(text, base.end, header_end)
    if cue is not None:
        # the texts heading the items of the "được sửa đổi, bổ sung bởi:" list (or joined by "và")
        line_start = cue.end()
        for c in header:
            if c.start < cue.end():
                continue
            lead = text[text.rfind("\n", line_start, c.start) + 1:c.start]
            if _ITEM_LEAD.fullmatch(lead) or c.start - cue.end() < 40:
                if c.key not in consolidated:
                    consolidated.append(c.key)
    footnotes = [(m.start(), _footnote_head(doc.citations, text, m.start())) for m in basis_intro.finditer(text)]
    rels = []
    for r in doc.relations:
        if r.source == own.key:
            heads = [key for pos, key in footnotes if pos < r.start and key]
            r.source = heads[-1] if heads else base.key
        if r.source != r.target:
            rels.append(r)
    seen = {(r.source, r.relation, r.target) for r in rels}
    new = [(own.key, "consolidates", key) for key in consolidated]
    if cue is not None:  # "… được sửa đổi, bổ sung bởi: A; B": each listed text amends the base
        new += [(key, "amends", base.key) for key in consolidated[1:]]
    for triple in new:
        if triple not in seen:
            seen.add(triple)
            rels.append(Relation(*triple, own.start, own.end, own.text))
    doc.relations = rels


def _footnote_head(cits: list[Citation], text: str, pos: int) -> str | None:
    """The text a footnote opens with: the first citation after the footnote mark ("[1]")
    that precedes ``pos``."""
    mark = max(text.rfind("\n[", 0, pos), text.rfind("\n\\[", 0, pos))
    if mark < 0:
        return None
    return next((c.key for c in cits if mark < c.start < pos), None)
