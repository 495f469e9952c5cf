"""Score extraction output against gold files in the annotation guide's format.

Definitions (the guide's; figures agree with the project's reference scorer):
- numbered citations: precision/recall/F1 over mentions, as multisets of canonical keys per
  document; "unique" the same over sets of keys;
- type and issue-date accuracy over gold mentions whose key was predicted (each gold mention
  consumes the first unused predicted mention with its key); issue date counted where the
  gold gives one; bad-date flag accuracy where the gold flags ``bad_date``;
- dates: multiset P/R/F1 over non-null ISO values;
- named laws: greedy matching by type, year (when both known) and ≥ 80 % of the gold title's
  folded words;
- relations: set P/R/F1 over ``(source, relation, target)`` triples, named keys compared by
  type, folded title and year; also per relation type (``relation_types``: the recall of
  ``repeals`` …), a breakdown the reference scorer does not print;
- subject: accuracy over gold documents that have one;
- pinpoints: accuracy over matched citations whose gold has a ``pinpoints`` field and where
  gold or prediction names a part (the lists compared as sorted, case- and space-insensitive);
- effective date: accuracy over gold documents that have an ``effective`` field.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..pipeline.keys import norm_key
from ..rules import NAMED_TYPES


class GoldError(ValueError):
    """A gold file that cannot be read."""


_NON_WORD = regex.compile(r"[^\w ]")


def fold(s: Any) -> str:
    """Case-, diacritic- and punctuation-insensitive form of a title."""
    s = unicodedata.normalize("NFD", str(s or "")).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").casefold()
    return " ".join(_NON_WORD.sub(" ", s).split())


def relation_endpoint(k: Any) -> str | None:
    k = str(k or "")
    parts = k.split(":")
    if len(parts) >= 3 and parts[0] in NAMED_TYPES:
        year = "" if parts[-1] in ("null", "None") else parts[-1]
        return f"{parts[0]}:{fold(':'.join(parts[1:-1]))}:{year}"
    return norm_key(k)


def predicted_key(c: dict) -> str | None:
    for f in ("key", "id", "canonical", "number_symbol"):
        if c.get(f):
            return norm_key(c[f])
    num, sym, yr = c.get("number"), c.get("symbol"), c.get("year")
    if num and sym:
        return norm_key(f"{num}/{yr}/{sym}" if yr and f"/{yr}" not in str(sym) else f"{num}/{sym}")
    return None


def read_jsonl(path: str | Path) -> dict[str, dict]:
    """Per-document objects keyed by the file stem of their ``doc``."""
    out: dict[str, dict] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{no}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or "doc" not in obj:
            raise GoldError(f"{path}:{no}: expected an object with a 'doc' field")
        out[doc_stem(obj["doc"])] = obj
    return out


def doc_stem(doc: Any) -> str:
    return Path(str(doc or "")).stem


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "gold": ngold, "pred": npred}


def _overlap(gold: list, pred: list) -> int:
    cg, cp = Counter(gold), Counter(pred)
    return sum(min(n, cp[k]) for k, n in cg.items())


def _named_tp(gold: list[dict], pred: list[dict]) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        words = set(fold(g.get("title")).split())
        for j, p in enumerate(pred):
            if j in used or p.get("type") != g.get("type"):
                continue
            if g.get("year") and p.get("year") and int(p["year"]) != int(g["year"]):
                continue
            pw = set(fold(p.get("title") or p.get("text")).split())
            if words and len(words & pw) / len(words) >= 0.8:
                used.add(j)
                tp += 1
                break
    return tp


_SPACE = regex.compile(r"\s+")


def _pinpoints(c: dict) -> list[str]:
    return sorted(_SPACE.sub("", unicodedata.normalize("NFC", str(p))).casefold() for p in c.get("pinpoints") or [])


def _triple(t: Any) -> tuple:
    if isinstance(t, dict):
        t = (t.get("source"), t.get("relation") or t.get("type"), t.get("target"))
    return relation_endpoint(t[0]), t[1], relation_endpoint(t[2])


ACCURACIES = ("type", "iss", "flag", "subj", "pin", "eff")


@dataclass
class DocScore:
    doc: str
    gold: int
    pred: int
    tp: int
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


@dataclass
class Score:
    totals: dict[str, Any]
    docs: list[DocScore]

    def to_dict(self) -> dict[str, Any]:
        return self.totals


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Score:
    n: Counter = Counter()
    rows: list[DocScore] = []
    for doc, g in gold.items():
        p = pred.get(doc, {})
        pcits = list(p.get("citations") or [])
        gk = [norm_key(c["key"]) for c in g.get("citations", [])]
        pk = [k for k in (predicted_key(c) for c in pcits) if k]
        tp = _overlap(gk, pk)
        n.update(cit_tp=tp, cit_pred=len(pk), cit_gold=len(gk))
        n.update(uniq_tp=len(set(gk) & set(pk)), uniq_pred=len(set(pk)), uniq_gold=len(set(gk)))
        pool: dict[str | None, list[dict]] = {}
        for c in pcits:
            pool.setdefault(predicted_key(c), []).append(c)
        for c in g.get("citations", []):
            bucket = pool.get(norm_key(c["key"]))
            if not bucket:
                continue
            m = bucket.pop(0)
            n.update(type_n=1, type_ok=int(m.get("type") == c.get("type")))
            if c.get("issued"):
                n.update(iss_n=1, iss_ok=int(str(m.get("issued") or "")[:10] == c["issued"]))
            if "pinpoints" in c and (c["pinpoints"] or m.get("pinpoints")):
                n.update(pin_n=1, pin_ok=int(_pinpoints(c) == _pinpoints(m)))
            if "bad_date" in (c.get("flags") or []):
                said = [*(m.get("flags") or []), *(m.get("warnings") or [])]
                n.update(flag_n=1, flag_ok=int(bool(said) and not m.get("issued")))
        gd = [d["value"] for d in g.get("dates", []) if d.get("value")]
        pd_ = [str(d["value"]) for d in (p.get("dates") or []) if d.get("value")]
        n.update(date_tp=_overlap(gd, pd_), date_pred=len(pd_), date_gold=len(gd))
        gn, pn = g.get("named", []), p.get("named") or []
        n.update(named_tp=_named_tp(gn, pn), named_pred=len(pn), named_gold=len(gn))
        gr = {_triple(t) for t in g.get("relations", [])}
        pr = {_triple(t) for t in (p.get("relations") or [])}
        n.update(rel_tp=len(gr & pr), rel_pred=len(pr), rel_gold=len(gr))
        for t in gr | pr:  # per relation type ("repeals" recall …)
            n[f"reltype:{t[1]}:tp"] += int(t in gr and t in pr)
            n[f"reltype:{t[1]}:gold"] += int(t in gr)
            n[f"reltype:{t[1]}:pred"] += int(t in pr)
        if g.get("subject"):
            n.update(subj_n=1, subj_ok=int(norm_key(p.get("subject")) == norm_key(g["subject"])))
        if "effective" in g:
            n.update(eff_n=1, eff_ok=int(str(p.get("effective") or "")[:10] == str(g["effective"] or "")[:10]))
        missed = sorted((Counter(gk) - Counter(pk)).elements())
        extra = sorted((Counter(pk) - Counter(gk)).elements())
        rows.append(DocScore(doc, len(gk), len(pk), tp, missed, extra))
    totals: dict[str, Any] = {}
    for name in ("cit", "uniq", "date", "named", "rel"):
        totals[name] = _prf(n[f"{name}_tp"], n[f"{name}_pred"], n[f"{name}_gold"])
    for name in ACCURACIES:
        k = n[f"{name}_n"]
        totals[name] = {"acc": round(n[f"{name}_ok"] / k, 4) if k else None, "n": k}
    types = sorted({k.split(":")[1] for k in n if k.startswith("reltype:")})
    totals["relation_types"] = {t: _prf(n[f"reltype:{t}:tp"], n[f"reltype:{t}:pred"], n[f"reltype:{t}:gold"])
                                for t in types}
    totals["docs"] = len(gold)
    totals["docs_missing"] = sum(1 for d in gold if d not in pred)
    return Score(totals, rows)


LABELS = {
    "cit": "numbered citations (mentions)", "uniq": "numbered citations (unique keys)",
    "date": "dates", "named": "named laws", "rel": "relations", "type": "type accuracy",
    "iss": "issue-date accuracy", "flag": "bad-date flags", "subj": "subject accuracy",
    "pin": "pinpoint accuracy", "eff": "effective-date accuracy",
}


def format_table(s: Score) -> str:
    lines = [f"{'measure':34} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for k in ("cit", "uniq", "date", "named", "rel"):
        v = s.totals[k]
        lines.append(f"{LABELS[k]:34} {v['P']:7.4f} {v['R']:7.4f} {v['F1']:7.4f} {v['gold']:6d} {v['pred']:6d}")
    for t, v in s.totals.get("relation_types", {}).items():
        lines.append(f"{'  ' + t:34} {v['P']:7.4f} {v['R']:7.4f} {v['F1']:7.4f} {v['gold']:6d} {v['pred']:6d}")
    lines.append(f"{'measure':34} {'acc':>7} {'n':>7}")
    for k in ACCURACIES:
        v = s.totals[k]
        acc = "-" if v["acc"] is None else f"{v['acc']:.4f}"
        lines.append(f"{LABELS[k]:34} {acc:>7} {v['n']:7d}")
    lines.append(f"documents: {s.totals['docs']} (missing from the output: {s.totals['docs_missing']})")
    return "\n".join(lines)
