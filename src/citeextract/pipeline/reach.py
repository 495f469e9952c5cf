"""How far a cue reaches beyond the document right after it (annotation guide §4).

The relation stage links a cue to the document it names next. A legal text also states
edges that reach further; this stage adds them, from the text's subject:

- **object reach**: a cue that opens its clause ("1. Bãi bỏ …", "Quyết định này bãi bỏ …")
  reaches past a description of the part concerned to the first document of its clause
  ("Bãi bỏ 06 thủ tục hành chính … tại Quyết định số 1548/QĐ-UBND") and the documents
  coordinated with it in the sentence, past their descriptions and across ";";
- **lists**: a cue whose clause ends in ":" reaches the document heading every item of the
  list that follows (numbered, lettered, dashed, table rows; or ";"-separated in the line of
  the ":" when the words before it name documents); what an item says of other documents is
  said by the item's document;
- **expiry and passive statements**: "Quyết định số … hết hiệu lực kể từ ngày …", "… được thay
  thế bởi Quyết định này", "Các Quyết định sau đây bị bãi bỏ: …" — the subject repeals
  (replaces …) the documents its sentence opens with, or those of the list that follows;
- coordinated cues share their targets ("Bãi bỏ, sửa đổi, thay thế một số điều của …"), and
  replacing a part of a document ("thay thế một số nội dung của …") amends it;
- no reach for what the text says has already happened ("đã hết hiệu lực"), for a noun phrase
  ("Ngày hết hiệu lực: …"), for a weak cue ("Bổ sung …") or for a quoted phrase.

The relations concerned and the words are rows of ``patterns/relations.tsv`` (direction
``backward``) and ``patterns/relation_words.tsv`` (``object_reach``, ``list_reach``,
``part_object``, ``cue_joiner``, ``list_intro``, ``object_break``, ``object_link``,
``not_stated``, ``weak_cue``, ``passive_agent``).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Relation
from ..rules import Rules, words_rx
from .endpoints import Mention, fold
from .spans import ByStart
from .subject import relation_words

_OBJECT_MAX = 450  # characters from a cue to the document its object phrase ends in
_SENTENCE_MAX = 700  # characters back to the start of a cue's sentence
_INTRO_MAX = 200  # characters from a cue to the ":" that opens its list
_ITEM_HEAD_MAX = 300  # characters from an item's start to the document heading it
_LIST_MAX_ITEMS, _LIST_MAX_CHARS = 80, 40_000
_LETTER = regex.compile(r"\p{L}")
_INTRO_BREAK = regex.compile(r"[.;\n]\s*\n|;")  # a list's words before ":" are one clause
# every match at a position is given an end: a pattern with a required word otherwise looks for
# it through the rest of the text, which makes a long text quadratic

_ITEM = regex.compile(r"[ \t]*[*_>]*[ \t]*(?:\(?(?P<num>\d{1,3})[.)]|\(?(?P<let>[a-zđ])[.)]|(?P<dash>[-+•–])"
                      r"|(?P<row>\|))(?=[ \t*]|$)")
_KIND_RANK = {"row": 0, "num": 1, "let": 2, "dash": 3, "bare": 1}
_HEADING = regex.compile(r"[ \t*#_]*(?i:điều|chương|mục|phần)\s+[\dIVXLC]+[a-zđ]?\b")
# where a sentence or clause ends for the object of a cue
_CLAUSE_END = regex.compile(r";|[.!?](?=[\s*_]*(?:\n|\p{Lu}|$))|\n[ \t]*\n|:[\s*_]*\n")
# where a list in the line of its ":" ends (";" separates its items)
_INLINE_END = regex.compile(r";|\||[.!?](?=[\s*_]*(?:\n|\p{Lu}|$))|\n[ \t]*\n")
# where the sentence before an expiry cue starts: as _SENTENCE_START, but ";" separates the
# documents it lists
_EXPIRY_START = regex.compile(
    r"(?r)(?:[.!?:](?=[\s*_]+)|\n[ \t]*\n|\n(?=[ \t*_]*(?:\d{1,3}[.)]|[a-zđ]\)|[-+•–]|(?i:điều)\s+\d)))")
# where the sentence before a backward cue starts
_SENTENCE_START = regex.compile(
    r"(?r)(?:[.;!?:](?=[\s*_]+)|\n[ \t]*\n|\n(?=[ \t*_]*(?:\d{1,3}[.)]|[a-zđ]\)|[-+•–]|(?i:điều)\s+\d)))")


@dataclass(frozen=True)
class ReachMatchers:
    head: regex.Pattern  # what may stand between a clause start and a cue that opens it
    joiner: regex.Pattern  # between two coordinated cues
    joiner_cue: regex.Pattern  # a joiner and the start of another cue
    part_object: regex.Pattern
    self_ref: regex.Pattern  # "<type word> này"
    list_intro: regex.Pattern  # words before a list's ":" that name documents
    cue_noun: regex.Pattern  # a word right before a cue that makes it a noun phrase, or no act of the subject
    weak: frozenset[str]  # folded cues that reach no further than the next document
    object_break: regex.Pattern  # a word that ends a cue's object phrase
    object_link: regex.Pattern  # a word right before a document that links an object phrase to it
    passive: regex.Pattern  # "được", "bị" right before a cue
    by_self: regex.Pattern  # "bởi Thông tư này", "bằng Quyết định này" right after a cue
    coordinated: regex.Pattern  # what may follow the last separator before a coordinated target
    object_reach: frozenset[str]
    list_reach: frozenset[str]


@lru_cache(maxsize=8)
def reach_matchers(rules: Rules) -> ReachMatchers:
    words = relation_words(rules)
    types = words_rx(list(rules.type_words))
    self_words = words_rx(words.get("self_reference", ["này"]))
    self_ref = regex.compile(r"(?i:" + types + r")[\s*]+(?i:" + self_words + r")(?![\p{L}])")
    head = regex.compile(
        r"[\s*_>|#]*(?:(?i:điều)\s+\d+[a-zđ]?[.:]?[\s*_]*)?(?:\(?(?:\d{1,3}|[a-zđ])[.)][\s*_]*|[-+•–][\s*_]*)?"
        r"(?:(?i:" + types + r")[\s*]+(?i:" + self_words + r")[\s*,]*)?")
    joiners = words.get("cue_joiner", [",", "và"])
    word_joiners = words_rx([w for w in joiners if w[:1].isalpha()] or ["và"])
    joiner = regex.compile(r"[\s*]*,?[\s*]*(?:(?i:" + word_joiners + r")(?![\p{L}])[\s*]*)?")
    joiner_cue = regex.compile(r"[\s*]*[,;]?[\s*]*(?:(?i:" + word_joiners + r")(?![\p{L}])[\s*]*)?(?i:"
                               + words_rx(words.get("reaching_cue_start", ["bãi bỏ", "thay thế", "sửa đổi"])) + ")")
    part = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("part_object", ["điều"])) + r")(?![\p{L}])")
    # the type words of the guide's document types (not "other": "các dự án" are not documents repealed)
    doc_words = [w for w, typ in rules.type_words.items() if typ != "other"]
    quantifier = "|".join(q if q == r"\d+" else regex.escape(q) for q in words.get("list_quantifier", ["các"]))
    list_intro = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("list_intro", ["văn bản"])) + r"|(?:"
                               + quantifier + r")\s+(?:" + words_rx(doc_words) + r"))(?![\p{L}])")
    coordinated = regex.compile(r"[\s*]*(?:(?i:" + words_rx(words.get("coordinated_lead", ["số"])) + r")[\s*]+)*")
    cue_noun = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("cue_noun", ["ngày"]) + words.get("not_stated", []))
                             + r")[\s*]*$")
    weak = frozenset(fold(w) for w in words.get("weak_cue", []))
    object_break = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("object_break", ["về"])) + r")(?![\p{L}])")
    object_link = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("object_link", ["tại"])) + r")[\s*]*(?:(?i:"
                                + words_rx(words.get("coordinated_lead", ["các"])) + r")[\s*]+)*$")
    passive = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("passive", ["được", "bị"])) + r")[\s*]*$")
    by_self = regex.compile(r"[\s*]*(?i:" + words_rx(words.get("passive_agent", ["bởi", "bằng"])) + r")[\s*]+(?i:"
                            + words_rx(list(rules.type_words)) + r")[\s*]+(?i:" + self_words + r")(?![\p{L}])")
    return ReachMatchers(head, joiner, joiner_cue, part, self_ref, list_intro, cue_noun, weak, object_break, object_link, passive,
                         by_self, coordinated,
                         frozenset(words.get("object_reach", [])),
                         frozenset(words.get("list_reach", [])))


AddEdge = Callable[[Mention | None, str, Mention, regex.Match], None]


def add_reach(text: str, index: ByStart, cues: list[tuple[regex.Match, str, str]], cue_rx: regex.Pattern,
              cue_info: dict[str, tuple[str, str]], subj: Mention | None, own_text: bool,
              rels: list[Relation], add: AddEdge, rules: Rules) -> None:
    """Add the edges that reach past the next mention (see the module docstring)."""
    if subj is None or not cues:
        return
    xm = reach_matchers(rules)
    chained: set[int] = set()
    reaching = xm.object_reach | xm.list_reach
    stated = sorted(rels, key=lambda r: r.start)  # the relations the cues stated, by offset
    by_offset = (stated, [r.start for r in stated])
    for cm, rel, direction in cues:
        if cm.start() in chained or rel not in reaching and direction != "backward" \
                and not xm.joiner_cue.match(text, cm.end(), cm.end() + 60):
            continue  # "Căn cứ …" and the like reach no further (unless a reaching cue is joined to it)
        rels_of_chain, end = [rel], cm.end()
        while True:  # "Bãi bỏ, sửa đổi, thay thế …": the cues after the first share its targets
            j = xm.joiner.match(text, end, end + 40)
            gap = text[end:j.end()]
            nxt = cue_rx.match(text, j.end(), j.end() + 80) if "," in gap or _LETTER.search(gap) else None
            if nxt is None:
                break
            chained.add(nxt.start())
            rels_of_chain.append(cue_info[fold(nxt.group())][0])
            end = nxt.end()
        if xm.cue_noun.search(text, max(0, cm.start() - 20), cm.start()) or fold(text[cm.start():end]) in xm.weak:
            continue
        if direction == "forward" and xm.passive.search(text, max(0, cm.start() - 20), cm.start()) and (
                xm.by_self.match(text, end, end + 60) or _list_after(text, index, end, _clause_start(text, cm.start()), xm)):
            # "Thông tư số … được thay thế bởi Thông tư này", "Các Thông tư sau đây bị bãi bỏ: …"
            _expired(text, index, cm, end, subj, add, xm, rels_of_chain)
            continue
        if direction == "backward":
            if own_text or xm.self_ref.search(text, max(0, cm.start() - 300), min(len(text), cm.end() + 80)):
                _expired(text, index, cm, end, subj, add, xm)
            continue
        clause_start = _clause_start(text, cm.start())
        if not xm.head.fullmatch(text, clause_start, cm.start()):
            continue
        items = _list_after(text, index, end, end, xm)
        if items is not None:
            for item_start, item_end in items:
                _item_edges(text, index, item_start, item_end, rels_of_chain, cm, cue_rx, subj, by_offset, add, xm)
            continue
        if not any(r in xm.object_reach for r in rels_of_chain):
            continue
        stop = _CLAUSE_END.search(text, end, min(len(text), end + _OBJECT_MAX))
        targets = _object(text, index, end, stop.start() if stop else min(len(text), end + _OBJECT_MAX),
                          cue_rx, xm)
        if targets:  # "Bãi bỏ Quyết định số A …; Quyết định số B …": the sentence goes on with more
            targets = _coordinated(text, index, targets[0], _sentence_end(text, targets[0].end), xm)
        if targets:
            partial = bool(xm.part_object.search(text, end, targets[0].start))
            for r in rels_of_chain:
                if r in xm.object_reach:
                    for t in targets:
                        add(subj, "amends" if r == "replaces" and partial else r, t, cm)


def _object(text: str, index: ByStart, start: int, stop: int, cue_rx: regex.Pattern, xm: ReachMatchers
            ) -> list[Mention]:
    """The document a cue's object phrase ends in, and those coordinated with it ("… tại Nghị
    định số A … và Nghị định số B"); none when another cue or a quotation comes first
    ("thay thế cụm từ “Quyết định số …”" quotes a phrase)."""
    found = [m for m in index.within(start, stop) if m.kind != "unnumbered"]
    if not found:
        return []
    gap = text[start:found[0].start]
    if cue_rx.search(gap) or ":" in gap or xm.object_break.search(gap) and not xm.object_link.search(gap) \
            or _opens_quote(gap):
        return []
    return found[:1]


_SEPARATOR = regex.compile(r",|;|(?<![\p{L}])(?i:và)(?![\p{L}])")
_SENTENCE_END = regex.compile(r"[.!?](?=[\s*_]*(?:\n|\p{Lu}|$))|\n[ \t]*\n|:[\s*_]*\n")
_COORDINATED_GAP = 700  # a document's description between two coordinated documents


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos, min(len(text), pos + 4 * _COORDINATED_GAP))
    return m.start() if m else min(len(text), pos + 4 * _COORDINATED_GAP)


def _coordinated(text: str, index: ByStart, first: Mention, stop: int, xm: ReachMatchers) -> list[Mention]:
    """``first`` and the documents coordinated with it up to ``stop``: each one right after a
    separator (",", ";", "và") and lead words ("số", "các", a type word), past the description of
    the one before; a document named right after a cue in that description is not one."""
    out = [first]
    for m in index.within(first.end, stop):
        if m.kind == "unnumbered" or m.start < out[-1].end:
            continue
        between = text[out[-1].end:m.start]
        seps = list(_SEPARATOR.finditer(between))
        if len(between) > _COORDINATED_GAP:
            break
        if seps and xm.coordinated.fullmatch(between, seps[-1].end()):
            out.append(m)
    return out


def _opens_quote(gap: str) -> bool:
    """``gap`` leaves a quotation open: what follows is a phrase quoted, not a document cited."""
    return gap.count("“") > gap.count("”") or gap.count('"') % 2 == 1


def _clause_start(text: str, pos: int) -> int:
    """Where the sentence or clause holding ``pos`` starts (at most _SENTENCE_MAX back)."""
    lo = max(0, pos - _SENTENCE_MAX)
    m = _SENTENCE_START.search(text, lo, pos)
    return m.end() if m else lo


def _expired(text: str, index: ByStart, cm: regex.Match, end: int, subj: Mention, add: AddEdge,
             xm: ReachMatchers, rels: tuple[str, ...] | list[str] = ("repeals",)) -> None:
    """"<documents> … hết hiệu lực", "<documents> … được thay thế bởi Thông tư này": the subject
    repeals (replaces …) the documents the sentence opens with, or those of the list that follows."""
    items = _list_after(text, index, end, _clause_start(text, cm.start()), xm)
    if items is not None:
        for item_start, item_end in items:
            head = _head(text, index, item_start, item_end, None)
            if head is not None:
                for h in _coordinated(text, index, head, item_end, xm):
                    for r in rels:
                        add(subj, r, h, cm)
        return
    # the sentence before the cue, across the ";" that separate the documents it lists
    lo = max(0, cm.start() - 4 * _COORDINATED_GAP)
    sm = _EXPIRY_START.search(text, lo, cm.start())
    start = sm.end() if sm else lo
    before = [m for m in index.within(start, cm.start()) if m.kind != "unnumbered" and m.end <= cm.start()]
    if not before or xm.self_ref.match(text, before[0].start, before[0].start + 40) or before[0].key == subj.key:
        return
    # "Quyết định số A …, Quyết định số B … sửa đổi Quyết định số A hết hiệu lực"
    for h in _coordinated(text, index, before[0], cm.start(), xm):
        for r in rels:
            add(subj, r, h, cm)


def _list_after(text: str, index: ByStart, end: int, intro_from: int, xm: ReachMatchers
                ) -> list[tuple[int, int]] | None:
    """The items of a list the cue's clause opens with ":", or None when it opens none. The
    words from ``intro_from`` to the ":" must be none or name documents."""
    colon = text.find(":", end, min(len(text), end + _INTRO_MAX))
    if colon < 0 or _INTRO_BREAK.search(text, end, colon) or index.within(end, colon):
        return None
    intro = text[intro_from:colon]
    if _LETTER.search(text, end, colon) and not xm.list_intro.search(intro):
        return None
    line_end = text.find("\n", colon, colon + _LIST_MAX_CHARS)
    line_end = min(len(text), colon + _LIST_MAX_CHARS) if line_end < 0 else line_end
    if text[colon + 1:line_end].strip(" \t*_"):  # "… thay thế các Nghị định sau: A; B." on one line
        return _inline_items(text, colon + 1, line_end) if xm.list_intro.search(intro) else None
    items: list[tuple[int, int]] = []
    kind: str | None = None
    blank = False
    pos = line_end + 1
    limit = min(len(text), pos + _LIST_MAX_CHARS)
    cur: int | None = None
    while pos < limit and len(items) < _LIST_MAX_ITEMS:
        nl = text.find("\n", pos, limit)
        nl = limit if nl < 0 else nl
        line = text[pos:nl]
        if not line.strip(" \t*_"):
            blank = True
        else:
            m = _ITEM.match(line)
            k = next((g for g in ("num", "let", "dash", "row") if m and m.group(g)), None)
            if k is None and _starts_with_mention(index, pos, nl, line):
                k = "bare"
            if k is not None and (kind is None or k == kind):
                if cur is not None:
                    items.append((cur, pos))
                kind, cur = k, pos
            elif k is not None and _KIND_RANK[k] > _KIND_RANK[kind]:
                pass  # a deeper list inside the current item
            elif kind is None or blank or k is not None or _HEADING.match(line):
                break
            blank = False
        pos = nl + 1
    if cur is not None:
        items.append((cur, min(pos, len(text))))
    return items or None


def _inline_items(text: str, start: int, line_end: int) -> list[tuple[int, int]] | None:
    """The ";"-separated items of a list that goes on in the line of its ":" (up to the line's
    end, at most _LIST_MAX_ITEMS items and _LIST_MAX_CHARS characters)."""
    limit = min(line_end, start + _LIST_MAX_CHARS)
    items: list[tuple[int, int]] = []
    pos = start
    while pos < limit and len(items) < _LIST_MAX_ITEMS:
        stop = _INLINE_END.search(text, pos, limit)
        if stop is None:
            items.append((pos, limit))
            break
        items.append((pos, stop.start()))
        if text[stop.start()] != ";":
            break
        pos = stop.end()
    return items or None


def _starts_with_mention(index: ByStart, pos: int, nl: int, line: str) -> bool:
    first = index.within(pos, nl)
    return bool(first) and not line[:first[0].start - pos].strip(" \t*_")


def _head(text: str, index: ByStart, start: int, end: int, cue_rx: regex.Pattern | None) -> Mention | None:
    """The document an item opens with: its first, unless a cue comes before it."""
    first = next((m for m in index.within(start, min(end, start + _ITEM_HEAD_MAX)) if m.kind != "unnumbered"), None)
    if first is None or cue_rx is not None and cue_rx.search(text, start, first.start):
        return None
    gap = text[start:first.start]
    if _opens_quote(gap):  # a phrase quoted, not a document cited
        return None
    return first


def _item_edges(text: str, index: ByStart, start: int, end: int, chain: list[str], cm: regex.Match,
                cue_rx: regex.Pattern, subj: Mention, rels: tuple[list[Relation], list[int]], add: AddEdge,
                xm: ReachMatchers) -> None:
    """Edges of one list item; ``rels`` are the relations stated before, sorted by cue offset."""
    head = _head(text, index, start, end, cue_rx)
    if head is None:
        return
    partial = bool(xm.part_object.search(text, start, head.start))
    for r in chain:
        if r not in xm.list_reach:
            continue
        if r == "based_on":  # every document an item of a basis list names (as a "Căn cứ" line)
            for m in index.within(start, end):
                if m.kind != "unnumbered":
                    add(subj, r, m, cm)
        else:
            for h in _coordinated(text, index, head, end, xm):  # "3. Quyết định số A và số B"
                add(subj, "amends" if r == "replaces" and partial else r, h, cm)
    # what the item says of other documents, the item's document says (not the subject)
    stated, starts = rels
    for rel in stated[bisect_left(starts, head.end):bisect_left(starts, end)]:
        if rel.source == subj.key and rel.target != head.key and rel.relation not in chain:
            rel.source = head.key
