"""Load the rule tables in ``patterns/`` (plain TSV) once per process.

The code holds no vocabulary of its own: type words, symbol codes, issuer codes, law
titles, date words and cue phrases all come from here. ``CITEEXTRACT_PATTERNS`` may point
to another directory with the same files (to try an edited rule set).
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

DOC_TYPES = (
    "hien_phap", "bo_luat", "luat", "phap_lenh", "nghi_quyet", "nghi_dinh", "quyet_dinh",
    "thong_tu", "thong_tu_lien_tich", "chi_thi", "ke_hoach", "cong_van", "thong_bao",
    "huong_dan", "bao_cao", "de_an", "chuong_trinh", "ket_luan", "quy_dinh", "quy_che",
    "to_trinh", "cong_dien", "lenh", "van_ban_hop_nhat", "other",
)
NAMED_TYPES = ("hien_phap", "bo_luat", "luat", "phap_lenh")


class RuleError(ValueError):
    """A rule file is missing or malformed."""


def patterns_dir() -> Path:
    env = os.environ.get("CITEEXTRACT_PATTERNS")
    if env:
        return Path(env)
    return _bundled_patterns()


@lru_cache(maxsize=1)
def _bundled_patterns() -> Path:
    return Path(__file__).resolve().parent / "patterns"


def read_table(name: str, min_cols: int = 2, directory: Path | None = None) -> list[list[str]]:
    """Rows of a TSV rule file, comments and blank lines skipped."""
    path = (directory or patterns_dir()) / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(f"cannot read rule file {path}: {exc.strerror}") from None
    rows = []
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < min_cols:
            raise RuleError(f"{path}:{no}: expected {min_cols} tab-separated columns")
        rows.append(cols)
    return rows


def _code_points(cell: str) -> list[str]:
    """Characters of "U+1EA0-U+1EF9|U+0110" (ranges and single code points)."""
    out: list[str] = []
    for part in alternatives(cell):
        lo, _, hi = part.partition("-")
        a, b = int(lo.strip()[2:], 16), int((hi or lo).strip()[2:], 16)
        out.extend(chr(c) for c in range(a, b + 1))
    return out


def alternatives(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def words_rx(words: list[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace run."""
    # measured with single spaces, as matched: "a " is one character long, not two
    parts = sorted({" ".join(w.split()) for w in words} - {""}, key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in parts)


def trie_rx(words: list[str], *, backward: bool = False, ignore_case: bool = False) -> str:
    """What ``words_rx`` matches, factored into a trie so the engine reads each character once
    instead of trying every word in turn: by shared beginnings, or with ``backward=True`` by
    shared endings for patterns matched right to left (lookbehinds, ``(?r)`` searches). Used
    in the direction it is built for, it tries the longest word first, as ``words_rx`` does.
    With ``ignore_case=True`` the words are merged whatever their case ("Mười một", "Một")
    and the pattern is case-insensitive."""
    trie: dict = {}
    for w in set(words):
        w = w.strip().lower() if ignore_case else w.strip()
        units = [" " if u.isspace() else u for u in regex.findall(r"\s+|\S", w)]
        node = trie
        for u in reversed(units) if backward else units:
            node = node.setdefault(u, {})
        node[""] = {}
    rx = _trie_rx(trie, backward) if trie else "(?!)"
    return "(?i:" + rx + ")" if ignore_case else rx


def _trie_rx(node: dict, backward: bool) -> str:
    alts = []
    for unit, child in sorted(node.items()):
        if not unit:
            continue
        u = r"\s+" if unit == " " else regex.escape(unit)
        rest = _trie_rx(child, backward)
        alts.append(rest + u if backward else u + rest)
    if not alts:
        return ""
    if "" in node:  # a word ends here: the optional longer words are tried first
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class LawVersion:
    """One version of a law, code, ordinance or constitution (``patterns/law_versions.tsv``);
    an empty cell is a fact no source at hand states."""

    type: str  # hien_phap, bo_luat, luat, phap_lenh
    title: str  # as the extractor normalises it: "Đất đai"
    number: str  # "31/2024/QH15", or "" (a constitution, or not known)
    passed: str  # ISO date, or ""
    effective: str  # ISO date, or ""
    replaces: str = ""  # number of the previous version

    @property
    def year(self) -> int | None:
        """The year it was passed (from ``passed``, else the number's year slot)."""
        if self.passed:
            return int(self.passed[:4])
        parts = self.number.split("/")
        return int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else None

    @property
    def key(self) -> str:
        """The version's key: its number when it has one (so it is one node with the numbered
        citations), else ``type:title:year``; "" when neither is known."""
        if self.number:  # as the extractor keys it: no leading zeros ("04/2007/QH12" → "4/2007/QH12")
            return _LEADING_ZEROS.sub("", self.number)
        return f"{self.type}:{self.title}:{self.year}" if self.year else ""


_ISO_DAY = regex.compile(r"\d{4}-\d\d-\d\d")
_LEADING_ZEROS = regex.compile(r"^0+(?=\d)")


def _law_versions(d: Path) -> list[LawVersion]:
    """The rows of ``law_versions.tsv`` in file order (a title's rows run oldest to newest); an
    optional file: none when a rule set lacks it."""
    if not (d / "law_versions.tsv").exists():
        return []
    out = []
    for row in read_table("law_versions.tsv", 5, d):
        typ, title, number, passed, effective, *rest = row
        if typ not in NAMED_TYPES:
            raise RuleError(f"law_versions.tsv: unknown type {typ!r} (one of {', '.join(NAMED_TYPES)})")
        for value in (passed, effective):
            if value and not _ISO_DAY.fullmatch(value):
                raise RuleError(f"law_versions.tsv: {title}: {value!r} is not an ISO date")
        out.append(LawVersion(typ, " ".join(title.split()), number, passed, effective, rest[0] if rest else ""))
    return out


@dataclass(eq=False)
class Rules:
    type_words: dict[str, str] = field(default_factory=dict)  # casefolded word -> type
    type_abbrevs: dict[str, str] = field(default_factory=dict)  # exact abbreviation -> type
    code_types: dict[str, str] = field(default_factory=dict)  # symbol code -> type
    implied_symbol: dict[str, str] = field(default_factory=dict)  # type -> symbol
    restorations: dict[str, str] = field(default_factory=dict)  # casefolded code -> code
    lookalikes: dict[str, str] = field(default_factory=dict)  # Cyrillic/Greek capital -> Latin
    dropped_glyphs: frozenset[str] = frozenset()  # glyphs a PDF font may drop (patterns/damage.tsv)

    def glyphs_dropped(self, phrase: str) -> str | None:
        """``phrase`` as a PDF that drops ``dropped_glyphs`` prints it ("căn cứ" → "căn c"), or
        None when it holds none of them."""
        if not self.dropped_glyphs or not any(ch in self.dropped_glyphs for ch in phrase):
            return None
        out = " ".join("".join(" " if ch in self.dropped_glyphs else ch for ch in phrase).split())
        return out if len(out.replace(" ", "")) >= 2 else None
    canonical_codes: dict[str, str] = field(default_factory=dict)  # casefolded -> as printed
    issuers: dict[str, str] = field(default_factory=dict)  # code -> body
    issuer_level: dict[str, str] = field(default_factory=dict)
    named_types: dict[str, str] = field(default_factory=dict)  # casefolded word -> type
    title_stops: list[str] = field(default_factory=list)
    generic_first: set[str] = field(default_factory=set)
    named_not_after: list[str] = field(default_factory=list)
    open_titles: list[str] = field(default_factory=list)
    named_words: dict[str, list[str]] = field(default_factory=dict)  # other named_laws.tsv sections
    law_titles: dict[str, list[str]] = field(default_factory=dict)  # type -> titles
    date_words: dict[str, dict[str, str]] = field(default_factory=dict)
    year_bounds: tuple[int, int] = (1000, 2100)
    bare_year_from: int = 1945  # a bare four-digit number is a year from this one on
    context: dict[str, list[str]] = field(default_factory=dict)
    provinces: list[tuple[str, str, str]] = field(default_factory=list)
    relation_cues: list[tuple[str, str, str]] = field(default_factory=list)  # (rel, cue, dir)
    law_versions: list[LawVersion] = field(default_factory=list)  # law_versions.tsv, in file order
    changed_by: dict[str, list[str]] = field(default_factory=dict)  # changed_by.tsv: type -> types, code:X

    def type_of_word(self, word: str) -> str | None:
        w = " ".join(word.split())
        return self.type_abbrevs.get(w) or self.type_words.get(w.casefold())


def _load(d: Path) -> Rules:
    r = Rules()
    for row in read_table("doc_types.tsv", 2, d):
        typ = row[0]
        if typ not in DOC_TYPES:
            raise RuleError(f"doc_types.tsv: unknown type {typ!r}")
        for w in alternatives(row[1]):
            r.type_words[w.casefold()] = typ
        if len(row) > 2:
            for a in alternatives(row[2]):
                r.type_abbrevs[a] = typ
        if len(row) > 3:
            for code in alternatives(row[3]):
                r.code_types[code] = typ
                r.canonical_codes[code.casefold()] = code
    for typ, sym, *_ in read_table("implied_symbols.tsv", 2, d):
        r.implied_symbol[typ] = sym
    for code, body, *rest in read_table("issuers.tsv", 2, d):
        r.issuers[code] = body
        r.issuer_level[code] = rest[0] if rest else ""
        r.canonical_codes.setdefault(code.casefold(), code)
    for written, code, *_ in read_table("restorations.tsv", 2, d):
        r.restorations[written.casefold()] = code
    for written, latin, *_ in read_table("lookalikes.tsv", 2, d):
        r.lookalikes[written] = latin
    for section, value, *_ in read_table("damage.tsv", 2, d):
        if section == "dropped_glyphs":
            r.dropped_glyphs = frozenset(_code_points(value))
    for section, value, words, *_ in read_table("named_laws.tsv", 3, d):
        if section == "type":
            for w in alternatives(words):
                r.named_types[w.casefold()] = value
        elif section == "stop":
            r.title_stops = alternatives(words)
        elif section == "generic":
            r.generic_first = {w.casefold() for w in alternatives(words)}
        elif section == "not_after":
            r.named_not_after = alternatives(words)
        elif section == "open_title":
            r.open_titles = alternatives(words)
        else:
            r.named_words.setdefault(section, []).extend(alternatives(words))
    titles: dict[str, list[str]] = defaultdict(list)
    for typ, title, *_ in read_table("law_titles.tsv", 2, d):
        titles[typ].append(title)
    r.law_titles = dict(titles)
    words: dict[str, dict[str, str]] = defaultdict(dict)
    for section, value, cell, *_ in read_table("dates.tsv", 3, d):
        if section == "bounds":
            r.year_bounds = (int(value), int(cell))
            continue
        if section == "bare_year_from":
            r.bare_year_from = int(value)
            continue
        for w in alternatives(cell):
            words[section][w] = value
    r.date_words = dict(words)
    ctx: dict[str, list[str]] = defaultdict(list)
    for section, cell, *_ in read_table("context.tsv", 2, d):
        ctx[section].extend(alternatives(cell))
    r.context = dict(ctx)
    r.provinces = [(n, p, k) for n, p, k, *_ in read_table("provinces.tsv", 3, d)]
    for rel, cues, *rest in read_table("relations.tsv", 2, d):
        for cue in alternatives(cues):
            r.relation_cues.append((rel, cue, rest[0] if rest else "forward"))
    r.law_versions = _law_versions(d)
    if (d / "changed_by.tsv").exists():  # optional, like law_versions.tsv
        r.changed_by = {typ: alternatives(cell) for typ, cell, *_ in read_table("changed_by.tsv", 2, d)}
    return r


@lru_cache(maxsize=None)
def load_rules(directory: str) -> Rules:
    """The rule set of ``directory``, loaded once per process."""
    return _load(Path(directory))


def rules() -> Rules:
    env = os.environ.get("CITEEXTRACT_PATTERNS")
    return load_rules(env or str(_bundled_patterns()))
