"""Stage 5: relations between documents (annotation guide §4) and the text's subject (§5).

Works on the cleaned text and cleaned-offset records, right after ``attach_context``. Each
cue of ``patterns/relations.tsv`` ("sửa đổi, bổ sung", "Căn cứ", "thực hiện" …) gives edges
``[source, relation, target]``:

- the target is the first document mention after the cue in the same clause, separated from
  it only by filler words ("một số điều của", "khoản 2 Điều 1") of
  ``patterns/relation_words.tsv``; mentions coordinated with it ("A và B", "A; B" in a
  "Căn cứ" line) are targets too;
- the source is the mention just before the cue when only its description stands between
  them ("Nghị quyết 76/NQ-CP ngày 13/6/2013 của Chính phủ về việc sửa đổi …"); otherwise the
  document the sentence issues ("Thực hiện …, Sở … ban hành Kế hoạch số …" or an unnumbered
  "Kế hoạch truyền thông …"), otherwise the text's subject;
- "Căn cứ" at the start of a preamble line gives ``subject based_on`` each document of the
  line; "được sửa đổi, bổ sung bởi X" is passive (X is the source);
- a cue inside a mention ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch …") makes that
  mention the source of the laws its title names.
Named laws use their fullest key in the text (the numbered one when "Luật X số …" occurs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Document, Relation, UnnumberedDoc
from .named import NamedResult
from .endpoints import Mention, fold as _fold, mentions_of, titles_in, unnumbered_doc
from ..rules import NAMED_TYPES, Rules, trie_rx, words_rx
from .reach import add_reach, reach_matchers
from .cue_windows import BEFORE, CueWindows
from .consolidated import consolidated_relations
from . import gate
from .effect import find_effective
from .subject import find_subject, relation_words


@dataclass
class RelationMatchers:
    cue: regex.Pattern
    cue_scan: gate.Gate  # ``cue`` tried only where a cue's words stand
    cue_info: dict[str, tuple[str, str]]  # folded cue -> (relation, direction)
    filler: regex.Pattern  # fullmatch: what may stand between a cue and its target
    passive: regex.Pattern  # search ending at the cue
    not_after_impl: regex.Pattern
    not_after_cue: regex.Pattern  # words right after a cue that cancel it
    source_break: regex.Pattern
    issue: regex.Pattern  # "ban hành " + optional type word at a position
    unnumbered: regex.Pattern  # "Kế hoạch <title>" after an issue verb
    basis_line: regex.Pattern  # "Căn cứ" at the start of a line
    basis_end: regex.Pattern  # where a "Căn cứ" line ends
    title_word: regex.Pattern  # a type word right before a cue: the cue is part of a title
    clause_subject: regex.Pattern  # an adverb after a mention: the mention is the clause's subject
    issued_end: regex.Pattern  # an issue verb ending the text before a mention
    joined_predicate: regex.Pattern  # "… và" right before a cue: a second predicate of the same source
    coordinated_tail: regex.Pattern  # what may follow the last separator before a coordinated target
    purpose_head: regex.Pattern  # a clause opening that leaves the source to the document it issues
    segment_head: regex.Pattern  # what may open a ";"-segment of a "Căn cứ" line before its target
    boundary: regex.Pattern
    issuers: regex.Pattern  # names of issuing bodies ("Bộ Khoa học và Công nghệ")
    cue_damaged: regex.Pattern | None = None  # cue, and the cues as a PDF that dropped glyphs prints them
    dropped_hint: re.Pattern | None = None  # any of the glyphs a PDF font may drop
    backward_words: tuple[str, ...] = ()  # the backward cues, none a longer form of another ("hết hiệu lực")


@lru_cache(maxsize=8)
def relation_matchers(rules: Rules) -> RelationMatchers:
    words = relation_words(rules)
    info: dict[str, tuple[str, str]] = {}
    for rel, cue, direction in rules.relation_cues:
        info.setdefault(_fold(cue), (rel, direction))
    normal = list(info)
    for cue, value in list(info.items()):  # "Căn c Ngh nh s …": a PDF that dropped glyphs
        dropped = rules.glyphs_dropped(cue)
        if dropped:
            info.setdefault(_fold(dropped), value)
    glyphs = "".join(sorted(rules.dropped_glyphs))
    # counted with the standard library's engine, four times faster on a class of letters
    dropped_hint = re.compile("[" + re.escape(glyphs) + "]") if glyphs else None
    cue_damaged = regex.compile(r"(?<![\p{L}\d])" + trie_rx(list(info), ignore_case=True) + r"(?![\p{L}\d])")
    # the damaged forms are looked for only in a text that shows the damage (they cost a third more)
    cue = regex.compile(r"(?<![\p{L}\d])" + trie_rx(normal, ignore_case=True) + r"(?![\p{L}\d])")
    fill = words_rx(words.get("filler", []))
    filler = regex.compile(
        r"(?:[\s,*()\-]|(?i:" + fill + r")(?![\p{L}])|\d+(?:\.\d+)*[a-zđ]?(?![\p{L}])|[a-zđ](?![\p{L}\d])"
        r"|[IVXLC]+(?![\p{L}]))*"
    )
    passive = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("passive", ["được"])) + r")[\s,*]*$")
    not_after = regex.compile(r"[\s*]*(?i:" + words_rx(words.get("not_after_implements", ["theo"])) + r")(?![\p{L}])")
    not_after_cue = regex.compile(r"[\s*]*(?i:" + words_rx(words.get("not_after_cue", ["từ ngữ"])) + r")(?![\p{L}])")
    brk = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("source_break", ["và"])) + r")(?![\p{L}])|;")
    verbs = words_rx(words.get("issue_verb", ["ban hành"]))
    types = words_rx(words.get("unnumbered", ["Kế hoạch"]))
    issue = regex.compile(r"(?<![\p{L}])(?i:" + verbs + r")\s+")
    stops = words.get("unnumbered_stop", [])
    wstops = words_rx([s for s in stops if s[:1].isalpha()])
    pstops = "".join(regex.escape(s) for s in stops if not s[:1].isalpha()).replace("\\\\n", "\\n")
    unnumbered = regex.compile(
        r"(?P<tw>" + types + r")(?P<title>(?:(?!\s(?i:" + wstops + r")(?![\p{L}])|\s+(?i:số)\s+\d)(?:[^" + pstops + r"\n]|\n(?=\p{Ll}))){3,140})"
    )
    basis_line = regex.compile(r"(?m)^[\s*_|>-]*(?:\d+[.)]\s+)?$")
    openers = words_rx(words.get("preamble_opener", ["căn cứ"]))
    boundary = regex.compile(r";|\|| *\n\s*\n|[.!?](?=\s*(?:\n|\p{Lu}|$))|:\s*\n"
                             r"|\n(?=[\s*]*(?:[-+•]|\d+[.)]\s|[a-zđ]\)|(?i:" + openers + r")))")
    basis_end = regex.compile(r"\n[\s*_]*(?i:" + openers + r")|\n\s*\n|[.:](?=[\s*_]*(?:\n|$))")
    bodies = [b for b in rules.issuers.values() if " và " in b or " - " in b]
    issuers = regex.compile(r"(?i:" + words_rx(bodies) + r")") if bodies else regex.compile(r"(?!)")
    title_word = regex.compile(r"(?<![\p{L}])(?i:" + words_rx(words.get("title_type_word", ["luật"]))
                               + r")[ \t*]*$")  # on the cue's line: "THÔNG TƯ\n\nCăn cứ" is a heading
    clause_subject = regex.compile(r"[\s,*]*(?i:" + words_rx(words.get("clause_adverb", ["đã"])) + r")\s")
    issued_end = regex.compile(r"(?i:" + words_rx(rules.context.get("issue_verb_after", ["ban hành"])) + r")\s*$")
    joined_predicate = regex.compile(r"[\s,]+(?i:" + words_rx(words.get("predicate_joiner", ["và"])) + r")[\s*]*$")
    intro = words_rx(rules.context.get("issuer_intro", ["của"]))
    coordinated_tail = regex.compile(
        r"[\s*]*(?:(?i:" + words_rx(words.get("directive", ["chỉ đạo"])) + r")\s+(?i:" + intro
        + r")\s+[^,;.]{1,60}?\s+(?i:" + words_rx(words.get("directive_at", ["tại"])) + r")\s*)?"
        r"(?:(?i:" + words_rx(words.get("coordinated_lead", ["số"])) + r")[\s*]+)*")
    purpose_head = regex.compile(r"[\s*\-+•\d.)]*(?:(?i:" + words_rx(words.get("purpose_opener", ["để"]))
                                 + r")[\s,]*)*(?:\p{L}+\s+){0,3}")
    segment_head = regex.compile(r"[\s*_]*(?:(?i:" + words_rx(words.get("coordinator", ["và"])) + r")\s+)?")
    backward = {c for rel, c, d in rules.relation_cues if d == "backward"}
    backward = tuple(sorted(c for c in backward if not any(o != c and c.startswith(o) for o in backward)))
    cue_scan = gate.Gate(cue, gate.words(normal, ignore_case=True))
    return RelationMatchers(cue, cue_scan, info, filler, passive, not_after, not_after_cue, brk, issue, unnumbered,
                            basis_line, basis_end, title_word, clause_subject, issued_end,
                            joined_predicate, coordinated_tail, purpose_head, segment_head,
                            boundary, issuers, cue_damaged, dropped_hint, backward)


_COMMA_BEFORE = regex.compile(r"[^;]*,[\s*]*")
_SEPS = regex.compile(r";|,|(?<![\p{L}])(?i:và)(?![\p{L}])")
_SEMI = regex.compile(";")

def _targets(ctx: CueWindows, pos: int, ce: int, basis: bool) -> list[Mention]:
    """The mention a cue at ``pos`` points to, and the ones coordinated with it."""
    rm, text = ctx.rm, ctx.text
    nxt = ctx.after(pos, ce)
    if not nxt or len(text[pos:nxt[0].start]) > 90 or not rm.filler.fullmatch(text, pos, nxt[0].start):
        return []
    out = [nxt[0]]
    for m in nxt[1:]:
        gap = text[out[-1].end:m.start]
        if ctx.cue.search(gap) or rm.issue.search(gap) or len(gap) > 220:
            break
        seps = list(_SEPS.finditer(gap))
        if not seps:
            break
        tail = gap[seps[-1].end():]
        if not rm.coordinated_tail.fullmatch(tail):
            break
        if ";" in gap and not basis:
            break
        if ctx.rm.clause_subject.match(text, m.end):
            break  # "…, Luật Việc làm năm 2025 đã sửa đổi …": the clause's subject, not a target
        out.append(m)
    return out


def _source_before(ctx: CueWindows, pos: int, cs: int, rel: str | None = None) -> Mention | None:
    """The mention the clause before ``pos`` is about, if only its description intervenes.
    A cue of the same relation in between continues that description ("Nghị định A quy định
    chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật …")."""
    m = ctx.before(pos, cs)
    if m is None:
        return None
    if rel is not None:
        first = ctx.cue.search(ctx.text, m.end, pos)
        if first is not None and ctx.rm.cue_info[_fold(first.group())][0] == rel:
            pos = first.start()
    gap = ctx.issuers.sub("X", ctx.text[m.end:pos])
    # "A có hiệu lực từ … và thay thế B": a "và" right before the cue joins two predicates of A
    gap = ctx.rm.joined_predicate.sub("", gap)
    if len(gap) > 130 or ctx.rm.source_break.search(gap) or ctx.cue.search(gap):
        return None
    if ctx.rm.issue.search(gap) and ctx.rm.issued_end.search(gap):
        return None
    return m


def _amendable_by(ctx: CueWindows, amended: Mention, amender: Mention, cs: int) -> Mention:
    """A law is amended by a law: when a lower text ("Nghị định …") is said to amend what reads
    as a law, the document the law was named in the description of is the one amended
    ("Nghị định A quy định chi tiết Luật B được sửa đổi, bổ sung bởi Nghị định C": C amends A)."""
    if _is_law(amended) and not _is_law(amender):
        earlier = ctx.before(amended.start, cs)
        if earlier is not None and not _is_law(earlier):
            return earlier
    return amended


def _is_law(m: Mention) -> bool:
    return m.key.split(":", 1)[0] in NAMED_TYPES or "/QH" in m.key


def _issued_in(ctx: CueWindows, pos: int, ce: int, issuer_hint: list) -> Mention | None:
    """A document the sentence from ``pos`` to ``ce`` issues: a citation right after an
    issue verb, or an unnumbered "Kế hoạch …" (recorded in ``issuer_hint``)."""
    rm, text = ctx.rm, ctx.text
    for m in ctx.after(pos, ce):  # "Thể chế hóa Nghị quyết …, Luật Việc làm năm 2025 đã …"
        if ctx.rm.clause_subject.match(text, m.end) and _COMMA_BEFORE.fullmatch(text, pos, m.start):
            return m
    for im in rm.issue.finditer(text, pos, ce):
        nxt = ctx.after(im.end(), im.end() + 2)
        if nxt and nxt[0].kind == "citation":
            return nxt[0]
        um = rm.unnumbered.match(text, im.end(), ce)
        if um:
            issuer = " ".join(text[max(pos, text.rfind(",", pos, im.start()) + 1):im.start()].split()) or None
            issuer_hint.append((um, issuer))
            return None
    return None


def find_relations(text: str, doc: Document, named: NamedResult, rules: Rules) -> list[UnnumberedDoc]:
    """Fill ``doc.relations`` and ``doc.subject`` (cleaned offsets); return the unnumbered
    documents found as sources."""
    rm = relation_matchers(rules)
    mentions, title_keys = mentions_of(doc.citations, doc.named, named, text, rules)
    subject, how = find_subject(text, doc.citations, rules)
    doc.subject = subject
    ctx = CueWindows(text, mentions, rm)
    # a subject known only from citation counts is too weak to be the source of edges
    subj = Mention(subject, -1, -1, "subject") if subject else None
    rels: list[Relation] = []
    unnumbered: dict[str, UnnumberedDoc] = {}
    seen: set[tuple[str, str, str, str]] = set()

    def add(src: Mention | None, rel: str, tgt: Mention, cue: regex.Match) -> None:
        if src is None or src.key == tgt.key or tgt.kind == "unnumbered":
            return
        triple = (src.kind == "unnumbered" and src.key or "", src.key, rel, tgt.key)
        if triple in seen:
            return
        seen.add(triple)
        r = Relation(src.key, rel, tgt.key, cue.start(), cue.end(), cue.group())
        if src.kind == "unnumbered":
            unnumbered[src.key].relations.append(r)
        else:
            rels.append(r)

    reach_cues: list[tuple[regex.Match, str, str]] = []
    for cm in ctx.cues():
        rel, direction = rm.cue_info[_fold(cm.group())]
        if rm.not_after_cue.match(text, cm.end(), cm.end() + 40):
            continue  # "Giải thích từ ngữ"
        reach_cues.append((cm, rel, direction))
        if direction == "backward":  # "… hết hiệu lực": the reach stage reads it
            continue
        inside = ctx.index.containing(cm.start())
        if inside is not None:  # "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch …"
            for key in titles_in(text, cm.end(), inside.end, title_keys, inside.key):
                add(inside, rel, Mention(key, cm.end(), inside.end, "named"), cm)
            continue
        if rm.title_word.search(text, max(0, cm.start() - 20), cm.start()):
            continue  # "Luật sửa đổi, bổ sung …": the cue names a document, it states no edge
        cs, ce = ctx.clause(cm.start())
        # a line start further back than BEFORE cannot leave only bullets before the cue
        lo = max(0, cm.start() - BEFORE)
        line_start = max(lo, text.rfind("\n", lo, cm.start()) + 1)
        at_line_start = bool(rm.basis_line.match(text, line_start, cm.start()))
        basis = rel == "based_on" and direction == "forward"
        if basis:
            if not at_line_start or subj is None:
                continue
            end = _basis_end(ctx, cm.start())
            if ";" not in text[cm.end():end] and (text[end - 1:end] == ":" or how != "self"):
                continue
            for t in _basis_targets(ctx, cm, end):
                add(subj, rel, t, cm)
            continue
        if rel == "implements" and rm.not_after_impl.match(text, cm.end()):
            continue
        if direction == "anaphoric":  # "Trên cơ sở đó, Bộ trưởng … ban hành Quyết định số …"
            prev = ctx.before(cm.start(), max(0, cs - 400))
            issued = _issued_in(ctx, cm.end(), ce, [])
            if prev is not None and issued is not None:
                add(issued, rel, prev, cm)
            continue
        targets = _targets(ctx, cm.end(), ce, False)
        if not targets:
            continue
        if rm.passive.search(text, max(cs, cm.start() - 20), cm.start()):
            amended = _source_before(ctx, rm.passive.search(text, max(cs, cm.start() - 20), cm.start()).start(), cs)
            if amended is not None:  # "A được sửa đổi, bổ sung bởi B và C": B and C amend A
                for t in targets:
                    add(t, rel, _amendable_by(ctx, amended, t, cs), cm)
            continue
        if rel == "replaces" and reach_matchers(rules).part_object.search(text, cm.end(), targets[0].start):
            rel = "amends"  # "thay thế một số nội dung của Thông tư …": a part is replaced
        src = _source_before(ctx, cm.start(), cs, rel)
        if src is None:
            hint: list = []
            head = text[cs:cm.start()]
            if rm.purpose_head.fullmatch(head):
                src = _issued_in(ctx, targets[-1].end, ce, hint)
            if src is None:
                src = subj
            if src is None and hint:
                um, issuer = hint[0]
                u = unnumbered_doc(text, um, issuer, doc, targets[-1].end, rules)
                unnumbered.setdefault(u.key, u)
                src = Mention(u.key, u.start, u.end, "unnumbered")
        for t in targets:
            add(src, rel, t, cm)
    # (a text without cues leaves the cue pattern unread: no dropped-glyph test)
    add_reach(text, ctx.index, reach_cues, ctx.cue if reach_cues else rm.cue, rm.cue_info, subj, how == "self",
              rels, add, rules)
    doc.relations = rels
    return list(unnumbered.values())


def _basis_end(ctx: CueWindows, pos: int) -> int:
    """End of a "Căn cứ" line: up to the next "Căn cứ"/blank line/".\\n", keeping ";"-segments."""
    text = ctx.text
    m = ctx.rm.basis_end.search(text, pos + 6)
    end = m.start() + (1 if m and text[m.start()] in ".:;" else 0) if m else len(text)
    return end


def _basis_targets(ctx: CueWindows, cm: regex.Match, end: int) -> list[Mention]:
    """Every document a basis line names (annotation guide §4): the documents it rests on,
    those it names as amending them and those named in their descriptions."""
    return [m for m in ctx.after(cm.end(), end) if m.kind != "unnumbered"]


def attach_relations(doc: Document, text: str, named: NamedResult, rules: Rules) -> None:
    """Pipeline entry point: fill ``doc.relations``, ``doc.subject`` and ``doc.unnumbered``
    from the cleaned ``text`` (offsets still cleaned; ``pipeline._to_original`` maps them)."""
    doc.unnumbered = find_relations(text, doc, named, rules)
    consolidated_relations(doc, text, rules)
    doc.effective = find_effective(doc, text, rules)
