"""Every pattern is compiled once per process: after a warm-up, extracting and rendering more
texts compiles nothing (counted, not timed)."""
import re
from pathlib import Path

import regex

from citeextract import extract
from citeextract.output.render import csv_rows, document_json, jsonl_lines, table

ROOT = Path(__file__).resolve().parents[1]


def test_no_pattern_is_compiled_after_warm_up(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpora/*/raw/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpora/seeds/*.txt"))]
    warm, rest = texts[:3], texts[3:]
    for t in warm:
        extract(t)
    compiled = []

    def counting(compile_):
        def wrapper(pattern, *args, **kwargs):
            compiled.append(str(pattern)[:80])
            return compile_(pattern, *args, **kwargs)
        return wrapper

    monkeypatch.setattr(regex, "compile", counting(regex.compile))
    monkeypatch.setattr(re, "compile", counting(re.compile))
    for t in rest:
        doc = extract(t)
        document_json(doc), list(jsonl_lines(doc)), list(csv_rows(doc)), table(doc)
    assert len(rest) >= 15
    assert compiled == []
