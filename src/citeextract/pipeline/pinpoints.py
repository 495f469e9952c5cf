"""Pinpoints (annotation guide §1b): the parts of a cited document that a text points to.

"điểm a, b khoản 2 Điều 5 của Nghị định 61/2018/NĐ-CP" gives the citation the pinpoints
``["dieu:5/khoan:2/diem:a", "dieu:5/khoan:2/diem:b"]``. The parts are read backwards from the
start of the citation (or named law); the units, their words and label forms, and the words
between parts are rows of ``patterns/pinpoints.tsv``.

Each part is attached to the first larger part written after it ("điểm a khoản 4, khoản 5
Điều 24" → ``dieu:24/khoan:4/diem:a``, ``dieu:24/khoan:5``); a part that holds another is not
a pinpoint itself. When an Điều is named, Phần, Chương and Mục are left out (Điều numbers run
through the whole document).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Citation
from ..rules import Rules, alternatives, read_table, words_rx
from .named import NamedResult

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LABELS = {
    "number": r"\d{1,4}[a-zđ]?",
    "roman": r"[IVXLC]{1,7}|\d{1,3}",
    "letter": r"[a-zđ]\d{0,2}|\d{1,3}",
}
_GAP = r"[ \t*\n]*"  # spaces, emphasis marks and line breaks inside a run of parts
_SPACE = r"[ \t*\n]+"  # the same, at least one character
# between the run and the document: at most one line break ("Điều 5\n\nNghị định …" is a heading
# and a new paragraph)
_SPACE_END = r"(?:[ \t*]+\n?[ \t*]*|\n[ \t*]*)"


@dataclass(frozen=True)
class PinpointRules:
    rank: dict[str, int]  # level -> rank (0 = largest)
    level_of: dict[str, str]  # casefolded level word -> level
    label_form: dict[str, str]  # level -> number, roman, letter
    join: list[str]
    range_words: list[str]
    range_max: int
    opening: list[str]
    link: list[str]
    not_before: list[str]
    skip: frozenset[str] = frozenset()  # casefolded words between labels that are not labels
    link_folded: frozenset[str] = frozenset()  # casefolded link words
    not_before_folded: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def pinpoint_rules(rules: Rules) -> PinpointRules:
    rank: dict[str, int] = {}
    level_of: dict[str, str] = {}
    form: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    range_max = 50
    for row in read_table("pinpoints.tsv", 2):
        section = row[0]
        if section == "level":
            level, cell, label = row[1], row[2], row[3] if len(row) > 3 else "number"
            rank[level] = len(rank)
            form[level] = label
            for w in alternatives(cell):
                level_of[w.casefold()] = level
        elif section == "range_max":
            range_max = int(row[1])
        else:
            words.setdefault(section, []).extend(alternatives(row[2] if len(row) > 2 else row[1]))
    join, range_words = words.get("join", [","]), words.get("range", [])
    return PinpointRules(rank, level_of, form, join, range_words, range_max, words.get("opening", []),
                         words.get("link", []), words.get("not_before", []),
                         frozenset(w.casefold() for w in (*join, *range_words)),
                         frozenset(w.casefold() for w in words.get("link", [])),
                         frozenset(w.casefold() for w in words.get("not_before", [])))


@lru_cache(maxsize=8)
def _patterns(rules: Rules) -> tuple[regex.Pattern, regex.Pattern]:
    """(the reverse pattern of a run of parts ending where a document starts, the pattern of one part)."""
    pr = pinpoint_rules(rules)
    labels = "|".join(f"(?:{_LABELS[f]})" for f in sorted(set(pr.label_form.values())))
    label = rf"(?:{labels})(?![\p{{L}}\d])"
    level = words_rx(list(pr.level_of))
    # the words between labels: joining ("và") and, with "-" and "–", range words ("đến"), in one
    # alternation (a smaller pattern is a cheaper call: this one is tried before every part run)
    between_words = [w for w in pr.join if w.strip(",;")] + pr.range_words
    dash = rf"|{_GAP}[-–]{_GAP}" if pr.range_words else ""  # a range mark, where ranges are read
    between = rf"(?:{_GAP}[,;]{_GAP}{dash}|{_SPACE}(?i:{words_rx(between_words)}){_SPACE})"
    guard = rf"(?<!(?i:{words_rx(pr.not_before)})[ \t]+)" if pr.not_before else ""
    # the run read backwards needs no guard: the parts are read again one by one, with it
    part = rf"(?i:{level})[ \t*]*\n?[ \t*]*{label}(?:{between}{label})*"
    opening = rf"(?:(?i:{words_rx(pr.opening)}){_SPACE})?" if pr.opening else ""
    link = rf"(?:{_SPACE}(?i:{words_rx(pr.link)}))?" if pr.link else ""
    # read right to left: the last part, then as many earlier parts as stand before it
    back = regex.compile(rf"(?r)(?<![\p{{L}}\d])(?:{opening}{part}(?:{between}|{_SPACE}))*{opening}{part}"
                         rf"{link}{_SPACE_END}\Z")
    one = regex.compile(rf"{guard}(?P<level>(?i:{level}))[ \t*]*\n?[ \t*]*(?P<labels>{label}(?:{between}{label})*)")
    return back, one


def attach_pinpoints(text: str, cits: list[Citation], named: NamedResult, rules: Rules) -> None:
    """Set ``pinpoints`` on every citation and named law (in cleaned-text offsets). A law cited
    by name and number ("khoản 2 Điều 5 Luật Đất đai số 31/2024/QH15") is read from its name."""
    name_start = {id(c): start for _, _, c, start in named.numbered_citations(cits)}
    for c in cits:
        c.pinpoints = find_pinpoints(text, name_start.get(id(c), c.start), rules)
    for n in named.named:
        n.pinpoints = find_pinpoints(text, n.start, rules)


def find_pinpoints(text: str, start: int, rules: Rules) -> list[str]:
    """The pinpoints written right before a document mention that starts at ``start``."""
    pr = pinpoint_rules(rules)
    # the word before the mention (after a link word) must be a label: most mentions fail here
    words = text[max(0, start - 24):start].replace("*", " ").split()
    if words and words[-1].casefold() in pr.link_folded:
        words.pop()
    if not words or not _LABEL_END.fullmatch(words[-1].casefold()):
        return []
    window = text[max(0, start - 120):start].casefold()
    if not any(w in window for w in pr.level_of):  # no unit named just before
        return []
    back = _patterns(rules)[0]
    m = back.match(text, max(0, start - 400), start)
    if m is None:
        return []
    run = m.group()
    before = text[max(0, m.start() - 12):m.start()].split()
    if before and before[-1].casefold() in pr.not_before_folded:  # "tiểu mục d Mục 3": the first part is a sub-unit
        parts = list(_patterns(rules)[1].finditer(run))
        run = run[parts[1].start():] if len(parts) > 1 else ""
    return list(_run_paths(run, rules)) if run else []


@lru_cache(maxsize=8192)
def _run_paths(run: str, rules: Rules) -> tuple[str, ...]:
    """The pinpoints of one run of parts (the same runs recur through a corpus)."""
    pr = pinpoint_rules(rules)
    return tuple(_paths(_parts(run, _patterns(rules)[1], pr), pr))


_LABEL_RX = regex.compile(r"[\p{L}\d]+")
# the last word of a run of parts (casefolded), with the punctuation that may follow it
_LABEL_END = regex.compile(r"(?:\d{1,4}[a-zđ]?|[ivxlc]{1,7}|[a-zđ]\d{0,2})[,;.:)]?")


def _parts(run: str, one: regex.Pattern, pr: PinpointRules) -> list[tuple[str, str]]:
    """The (level, label) parts of a run in reading order, ranges expanded."""
    skip = pr.skip
    parts: list[tuple[str, str]] = []
    last_end = -1
    for m in one.finditer(run):
        level = pr.level_of[" ".join(m.group("level").split()).casefold()]
        base = m.start("labels")
        for lm in _LABEL_RX.finditer(m.group("labels")):
            if lm.group().casefold() in skip:
                continue
            norm = _label(lm.group(), pr.label_form[level])
            if last_end >= 0 and norm.isdigit() and parts[-1][0] == level and parts[-1][1].isdigit() \
                    and _is_range(run[last_end:base + lm.start()], pr):
                lo, hi = int(parts[-1][1]), int(norm)
                if 0 < hi - lo <= pr.range_max:
                    parts.extend((level, str(n)) for n in range(lo + 1, hi))
            parts.append((level, norm))
            last_end = base + lm.end()
    return parts


def _is_range(between: str, pr: PinpointRules) -> bool:
    words = between.casefold().split()
    return "-" in between or "–" in between or any(w.casefold() in words for w in pr.range_words)


def _label(label: str, form: str) -> str:
    if label.isdigit():
        return str(int(label))
    if form == "roman" and set(label.upper()) <= set(_ROMAN):
        return label.upper()
    if form == "number":
        digits = label.rstrip("abcdefghijklmnopqrstuvwxyzđ")
        return (str(int(digits)) if digits.isdigit() else digits) + label[len(digits):].lower()
    return label.lower()


def _paths(parts: list[tuple[str, str]], pr: PinpointRules) -> list[str]:
    """One path per part that holds no other, from the largest unit to the smallest."""
    parent: list[int | None] = []
    for i, (level, _) in enumerate(parts):
        j = next((j for j in range(i + 1, len(parts)) if pr.rank[parts[j][0]] < pr.rank[level]), None)
        parent.append(j)
    holders = {p for p in parent if p is not None}
    out: list[str] = []
    for i in range(len(parts)):
        if i in holders:
            continue
        chain: list[tuple[str, str]] = []
        k: int | None = i
        while k is not None:
            chain.append(parts[k])
            k = parent[k]
        chain.reverse()
        if any(level == "dieu" for level, _ in chain):
            chain = [(lv, lab) for lv, lab in chain if pr.rank[lv] >= pr.rank["dieu"]]
        path = "/".join(f"{lv}:{lab}" for lv, lab in chain)
        if path not in out:
            out.append(path)
    return out
