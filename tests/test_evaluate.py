"""Accuracy on the gold sets, clean and noisy, and agreement with the reference scorer."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from citeextract import extract
from citeextract.evaluation.scoring import doc_stem, read_jsonl, score
from citeextract.evaluation.noise import noisy

ROOT = Path(__file__).resolve().parents[1]
SETS = {"dev": ROOT / "corpora/dev/raw", "seeds": ROOT / "corpora/seeds"}
REFERENCE = ROOT.parent / "shared/tools/score.py"


def predictions(raw: Path, seed=None) -> dict:
    out = {}
    for f in sorted(raw.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out[doc_stem(f)] = extract(noisy(text, seed) if seed is not None else text, str(f)).to_dict()
    return out


@pytest.mark.parametrize("name", ["dev", "seeds"])
@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_targets_clean_and_noisy(name, seed):
    gold = read_jsonl(SETS[name].parent / "gold.jsonl" if name == "dev" else SETS[name] / "gold.jsonl")
    t = score(gold, predictions(SETS[name], seed)).totals
    assert t["cit"]["F1"] >= 0.98, t["cit"]
    assert t["date"]["F1"] >= 0.95, t["date"]
    assert t["iss"]["acc"] >= 0.95, t["iss"]
    assert t["type"]["acc"] >= 0.98, t["type"]


def test_noisy_copy_really_differs():
    text = (ROOT / "corpora/seeds/004_c81d535b45793fa8.txt").read_text(encoding="utf-8")
    copy = noisy(text, 1)
    assert copy != text and len(copy) != len(text)
    assert noisy(text, 1) == copy  # deterministic


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not beside the project")
def test_agrees_with_reference_scorer(tmp_path):
    gold_docs = read_jsonl(ROOT / "corpora/dev/gold.jsonl")
    # pinpoints and effective dates, right and wrong, so those measures are compared too
    gold_docs["d001"]["citations"][0]["pinpoints"] = ["dieu:5/khoan:2"]
    gold_docs["d001"]["citations"][1]["pinpoints"] = []
    gold_docs["d002"]["citations"][0]["pinpoints"] = ["Dieu:3/khoan:1/diem:a", "dieu:3/khoan:1/diem:b"]
    gold_docs["d002"]["effective"] = "2020-01-01"
    gold_docs["d003"]["effective"] = None
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in gold_docs.values()), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    docs = predictions(SETS["dev"], seed=2)
    docs["d001"]["citations"] = docs["d001"]["citations"][1:]  # a miss, so figures are not all 1.0
    docs["d002"]["citations"][0]["pinpoints"] = ["dieu:3/khoan:1/diem:b", "dieu:3 / khoan:1 / diem:a"]
    docs["d002"]["effective"] = "2020-01-01"
    pred.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs.values()), encoding="utf-8")
    ref = subprocess.run([sys.executable, str(REFERENCE), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    ours = score(read_jsonl(gold), read_jsonl(pred)).totals
    by_type = ours.pop("relation_types")  # a breakdown the reference scorer does not print
    assert json.loads(ref.stdout) == json.loads(json.dumps(ours))
    assert sum(v["gold"] for v in by_type.values()) == ours["rel"]["gold"]
    assert sum(v["pred"] for v in by_type.values()) == ours["rel"]["pred"]
    assert ours["pin"]["n"] >= 1 and ours["eff"]["n"] == 2


BULK = ROOT.parent / "shared/corpora/bulk/tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"


@pytest.mark.skipif(not BULK.exists(), reason="bulk corpus not beside the project")
@pytest.mark.parametrize("name,floor", [
    # (gold set, minimum figures); heldout was annotated after the rules were written and is
    # never used to tune them: its floors sit just under the figures measured when it arrived
    ("bulk_gold", {"cit": 0.98, "date": 0.98, "named": 0.95, "iss": 0.95, "rel": 0.85}),
    ("heldout", {"cit": 0.9, "date": 0.97, "named": 0.8, "iss": 0.95, "rel": 0.7}),
    # full legal documents (corpora/legal*); legal_heldout is never used to tune rules
    ("legal", {"cit": 0.99, "date": 0.99, "named": 0.87, "iss": 0.97, "rel": 0.9, "eff": 0.95, "pin": 0.95,
               "repeals": 0.95}),
    ("legal_heldout", {"cit": 0.99, "date": 0.99, "named": 0.95, "iss": 0.97, "rel": 0.9, "eff": 0.95,
                       "pin": 0.95, "repeals": 0.85}),
])
def test_excerpt_sets(tmp_path, name, floor):
    subprocess.run([sys.executable, str(ROOT / "corpora/make_raw.py"), str(ROOT / "corpora" / name),
                    "--bulk", str(BULK), "--out", str(tmp_path)], check=True, capture_output=True)
    t = score(read_jsonl(ROOT / "corpora" / name / "gold.jsonl"), predictions(tmp_path)).totals
    for measure, minimum in floor.items():
        if measure in ("iss", "eff", "pin"):
            got = t[measure]["acc"]
        elif measure in t["relation_types"]:  # the recall of one relation type
            got = t["relation_types"][measure]["R"]
        else:
            got = t[measure]["F1"]
        assert got >= minimum, (measure, t[measure])
