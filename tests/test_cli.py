"""The extract and evaluate commands, including every bad-input path."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeextract.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora/seeds/004_c81d535b45793fa8.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_json_format_is_one_object_per_document():
    r = run("extract", "--format", "json", SEED)
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["doc"] == str(SEED)
    assert [c["key"] for c in obj["citations"]][:2] == ["225/QĐ-TTg", "61/2018/NĐ-CP"]


def test_jsonl_and_csv_have_a_row_per_mention():
    r = run("extract", "--format", "jsonl", SEED)
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert {row["kind"] for row in rows} == {"citation", "date", "relation"}
    assert [(r["source"], r["relation"], r["target"]) for r in rows if r["kind"] == "relation"] == [
        ("1/2018/TT-VPCP", "guides", "61/2018/NĐ-CP")]
    assert all(row["doc"] == str(SEED) for row in rows)
    mentions = [row for row in rows if row["kind"] != "relation"]
    r = run("extract", "--format", "csv", SEED, SEED)
    lines = r.output.splitlines()
    assert lines[0].startswith("doc,kind,text,start,end")
    assert len(lines) == 1 + 2 * len(mentions)


def test_bad_inputs_are_reported_and_others_still_processed(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02PK")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Nghị định".encode("cp1258", errors="replace") + b"\xe9\xff")
    r = CliRunner().invoke(main, ["extract", "--format", "json", str(tmp_path / "missing.txt"), str(tmp_path),
                                  str(binary), str(latin), str(SEED)])
    assert r.exit_code == 1
    err = r.stderr
    assert "missing.txt: no such file" in err
    assert "is a directory" in err
    assert "binary file" in err
    assert "not UTF-8" in err
    assert "Traceback" not in err
    assert len([x for x in r.stdout.splitlines() if x.startswith("{")]) == 1


def test_boms_are_read(tmp_path):
    text = "Quyết định số 225/QĐ-TTg ngày 04/02/2016"
    for enc, name in (("utf-8-sig", "a.txt"), ("utf-16", "b.txt"), ("utf-16-be", "c.txt")):
        data = text.encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / name).write_bytes(data)
    r = run("extract", "--format", "json", *(tmp_path / n for n in ("a.txt", "b.txt", "c.txt")))
    assert r.exit_code == 0, r.output
    keys = [json.loads(x)["citations"][0]["issued"] for x in r.output.splitlines()]
    assert keys == ["2016-02-04"] * 3


def test_stdin():
    r = run("extract", "--format", "json", "-", input="Chỉ thị số 05-CT/TW")
    assert json.loads(r.output)["citations"][0]["key"] == "5-CT/TW"


def test_evaluate_errors_are_one_line(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    r = run("evaluate", bad, SEED)
    assert r.exit_code == 1 and "not JSON" in r.output and "Traceback" not in r.output
    r = run("evaluate", tmp_path / "none.jsonl", SEED)
    assert r.exit_code != 0 and "Traceback" not in r.output


def test_graph_keeps_files_with_the_same_name_apart(tmp_path):
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    (tmp_path / "d1/a.txt").write_text("Thực hiện Nghị định 61/2018/NĐ-CP", encoding="utf-8")
    (tmp_path / "d2/a.txt").write_text("Quyết định 225/QĐ-TTg", encoding="utf-8")
    r = CliRunner().invoke(main, ["graph", str(tmp_path / "d1/a.txt"), str(tmp_path / "d2/a.txt"),
                                  "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 0, r.output
    assert "2 articles, 2 documents" in r.stderr


def test_stats_reads_the_name_given_to_graph_and_refuses_mixing(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Thực hiện Nghị định 61/2018/NĐ-CP", encoding="utf-8")
    assert run("graph", src, "-o", tmp_path / "g.csv").exit_code == 0
    r = run("stats", tmp_path / "g.csv")
    assert r.exit_code == 0 and "61/2018/NĐ-CP" in r.output
    r = run("stats", tmp_path / "g.csv", src)
    assert r.exit_code == 2 and "saved graph" in r.output


def test_nothing_readable_writes_nothing(tmp_path):
    r = run("graph", tmp_path / "missing.txt", "-o", tmp_path / "g.graphml")
    assert r.exit_code == 1 and not (tmp_path / "g.graphml").exists()
    r = run("stats", tmp_path / "missing.txt")
    assert r.exit_code == 1 and "Most cited" not in r.output


def test_usage_errors(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    r = run("batch", f, "-o", tmp_path / "a.txt/out")
    assert r.exit_code == 2 and "is a file" in r.output
    gold = ROOT / "corpora/dev/gold.jsonl"
    r = run("evaluate", gold, "--predictions", f, f)
    assert r.exit_code == 2
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    r = run("evaluate", empty, f)
    assert r.exit_code == 1 and "no gold documents" in r.output


def test_doctor_lists_every_input_kind():
    from citeextract.readers import KINDS

    result = CliRunner().invoke(main, ["doctor", "--format", "json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    features = {r["feature"]: r for r in info["checks"]}
    for kind in KINDS:
        assert features[f"input {kind}"]["ok"]
    assert features["input html"]["versions"]["lxml_html_clean"] != "not installed"


def test_doctor_says_why_html_input_is_broken(monkeypatch):
    import importlib

    real = importlib.import_module

    def broken(name, *args):
        if name == "lxml.html.clean":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", broken)
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "input html" in x)
    assert line.split()[0] == "BROKEN"
    assert "lxml.html.clean module is now a separate project" in result.output


def test_html_record_without_parser_names_the_doctor(monkeypatch):
    import sys

    from citeextract.readers import RecordError, html_main_text

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the import fails as on a broken install
    with pytest.raises(RecordError) as info:
        html_main_text("<html><body><p>Nghị định 61/2018/NĐ-CP</p></body></html>")
    assert info.value.reason == "no_parser" and "citeextract doctor" in str(info.value)
