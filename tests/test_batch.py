"""``citeextract batch``: complete tables, every bad record in errors, the same
results as the public API, readable by dataframe libraries, a clean CLI."""
from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import citeextract
from batch_inputs import (mixed_jsonl_lines, seed_texts, write_jsonl, write_seed_html,
                          write_warc, seed_page)
from citeextract.batch import SCHEMAS, TABLES, iter_documents, read_table
from citeextract.batch.progress import bar_enabled
from citeextract.batch.worker import Deadline, DocumentTimeout
from citeextract.cli import main
from citeextract.readers import html_main_text


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def rows(outdir, table):
    return read_table(outdir, table).to_pylist()


def mention_keys(doc) -> dict[str, list]:
    return {
        "citations": [(c.text, c.start, c.end, c.key) for c in doc.citations],
        "named": [(n.text, n.start, n.end, n.key) for n in doc.named],
        "dates": [(d.text, d.start, d.end, d.value) for d in doc.dates],
        "relations": [tuple(r.as_triple()) for r in doc.relations],
    }


def table_keys(outdir, seq) -> dict[str, list]:
    pick = {"citations": ("text", "start", "end", "key"), "named": ("text", "start", "end", "key"),
            "dates": ("text", "start", "end", "value"),
            "relations": ("source", "relation", "target")}
    return {t: [tuple(r[c] for c in cols) for r in rows(outdir, t) if r["seq"] == seq]
            for t, cols in pick.items()}


def test_seed_texts_give_what_the_api_gives(tmp_path):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    seeds = seed_texts()
    for name, text in seeds.items():
        (seeds_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(seeds_dir), "-o", str(out), "-j", "2", "--partition-size", "2")
    docs = rows(out, "documents")
    assert [d["doc_id"] for d in docs] == list(seeds)
    assert [d["status"] for d in docs] == ["ok"] * 5
    assert [d["n_chars"] for d in docs] == [len(t) for t in seeds.values()]
    total = 0
    for seq, (name, text) in enumerate(seeds.items()):
        expected = citeextract.extract(text, doc_id=name)
        assert table_keys(out, seq) == mention_keys(expected)
        assert docs[seq]["n_citations"] == len(expected.citations)
        assert docs[seq]["subject"] == expected.subject
        total += len(expected.citations)
    assert total > 0
    assert rows(out, "errors") == []
    written = (out / "manifest.json").read_text()
    manifest = json.loads(written)
    assert manifest["status"] == "complete"
    assert manifest["totals"]["records"] == 5 and manifest["totals"]["partitions"] == 3
    # a line per input file and per partition
    lines = written.splitlines()
    assert sum('"path": ' in line for line in lines) == 5
    assert sum(line.startswith('  "0000') for line in lines) == 3
    assert "documents read: 5 = 5 ok + 0 failed" in result.output
    assert f"{total} citations" in result.output


def test_seed_html_pages_keep_url_title_date(tmp_path):
    pages = write_seed_html(tmp_path / "html")
    out = tmp_path / "out"
    run(str(tmp_path / "html"), "-o", str(out))
    docs = rows(out, "documents")
    assert len(docs) == len(pages) and all(d["status"] == "ok" for d in docs)
    for seq, (doc_id, page) in enumerate(pages.items()):
        doc = docs[seq]
        assert doc["url"] == f"https://portal.example.gov.vn/tin/{doc_id}"
        assert doc["date"] == "2020-11-23" and doc["title"]
        text, _ = html_main_text(page.encode())
        assert doc["n_chars"] == len(text)
        assert table_keys(out, seq) == mention_keys(citeextract.extract(text))


def test_jsonl_with_bad_lines_accounts_for_every_record(tmp_path):
    lines, bad = mixed_jsonl_lines()
    src = write_jsonl(tmp_path / "mixed.jsonl.gz", lines, gz=True)
    out = tmp_path / "out"
    result = run(str(src), "-o", str(out), "--max-bytes", "200000", "-j", "2",
                 "--partition-size", "4", ok=False)
    assert result.exit_code == 1
    assert f"{len(bad)} of {len(lines)} records failed" in result.output
    docs = rows(out, "documents")
    assert len(docs) == len(lines)
    assert [d["position"] for d in docs] == list(range(1, len(lines) + 1))
    assert sum(d["status"] == "ok" for d in docs) == len(lines) - len(bad)
    errors = rows(out, "errors")
    assert {e["position"]: e["reason"] for e in errors} == bad
    assert all(e["source"] == str(src) and e["message"] for e in errors)
    failed = {d["position"]: d["error"] for d in docs if d["status"] == "failed"}
    assert failed == bad
    assert f"documents read: {len(lines)} = {len(lines) - len(bad)} ok + {len(bad)} failed" in result.output


def test_warc_crawl(tmp_path):
    pages = {doc_id: seed_page(doc_id, text) for doc_id, text in seed_texts().items()}
    src = write_warc(tmp_path / "crawl.warc.gz", pages)
    out = tmp_path / "out"
    result = run(str(src), "-o", str(out))
    docs = rows(out, "documents")
    assert [d["url"] for d in docs] == [f"https://portal.example.gov.vn/tin/{d}" for d in pages]
    assert all(d["status"] == "ok" and d["n_citations"] >= 0 for d in docs)
    assert sum(d["n_citations"] for d in docs) == len(rows(out, "citations")) > 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["reader_skipped"] == {"warc_not_html": 1, "warc_request": 5,
                                          "warc_status_not_2xx": 2}
    assert "warc_request 5" in result.output


def test_csv_and_parquet_inputs_with_field_options(tmp_path):
    seeds = seed_texts()
    pd.DataFrame({"ma": list(seeds), "noi_dung": list(seeds.values())}).to_csv(
        tmp_path / "a.csv", index=False)
    pq.write_table(pa.table({"ma": list(seeds), "noi_dung": list(seeds.values())}),
                   tmp_path / "b.parquet")
    out = tmp_path / "out"
    run(str(tmp_path / "a.csv"), str(tmp_path / "b.parquet"), "-o", str(out),
        "--text-field", "noi_dung", "--id-field", "ma")
    docs = rows(out, "documents")
    assert [d["doc_id"] for d in docs] == list(seeds) * 2
    cites = rows(out, "citations")
    assert [c["key"] for c in cites if c["seq"] < 5] == [c["key"] for c in cites if c["seq"] >= 5]
    bad = run(str(tmp_path / "b.parquet"), "-o", str(tmp_path / "o2"), ok=False)
    assert bad.exit_code == 2
    assert "has no column 'text'" in bad.output and "Traceback" not in bad.output


def test_jsonl_output_matches_parquet_output(tmp_path):
    lines, _ = mixed_jsonl_lines()
    src = write_jsonl(tmp_path / "m.jsonl", lines)
    run(str(src), "-o", str(tmp_path / "pq"), "--max-bytes", "200000", ok=False)
    run(str(src), "-o", str(tmp_path / "js"), "--max-bytes", "200000", "--format", "jsonl", ok=False)
    assert sorted(p.name for p in (tmp_path / "js" / "citations").iterdir()) == ["part-00000.jsonl"]
    for table in TABLES:
        assert rows(tmp_path / "js", table) == rows(tmp_path / "pq", table)
    assert [d.to_dict() for d in iter_documents(tmp_path / "js")] == [
        d.to_dict() for d in iter_documents(tmp_path / "pq")]


def test_tables_read_directly_by_dataframe_libraries(tmp_path):
    lines, _ = mixed_jsonl_lines()
    out = tmp_path / "out"
    run(str(write_jsonl(tmp_path / "m.jsonl", lines)), "-o", str(out), "--partition-size", "3",
        ok=False)
    for table in TABLES:
        frame = pd.read_parquet(out / table)
        assert list(frame.columns) == SCHEMAS[table].names
        assert len(frame) == len(rows(out, table))
    cites = pd.read_parquet(out / "citations")
    assert len(cites) > 0
    schema = pq.read_schema(next((out / "citations").glob("*.parquet")))
    assert schema.field("flags").type == pa.list_(pa.string())
    assert schema.field("warnings").type == pa.list_(pa.string())
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(f"select count(*) from read_parquet('{out}/documents/*.parquet')").fetchone()[0]
    assert n == len(lines)


def test_iter_documents_rebuilds_the_api_documents(tmp_path):
    lines, bad = mixed_jsonl_lines()
    src = write_jsonl(tmp_path / "m.jsonl", lines)
    out = tmp_path / "out"
    run(str(src), "-o", str(out), "--partition-size", "4", "--max-bytes", "200000", ok=False)
    docs = list(iter_documents(out))
    texts = [json.loads(line)["text"] for i, line in enumerate(lines, 1) if i not in bad]
    assert len(docs) == len(texts) == len(lines) - len(bad)
    for doc, text in zip(docs, texts):
        expected = citeextract.extract(text, doc_id=doc.doc).to_dict()
        got = doc.to_dict()
        assert got.pop("metadata")["source"] == str(src)
        expected.pop("metadata", None)
        assert got == expected
    assert docs[0].metadata["url"] == "https://x.vn/0" and docs[0].metadata["position"] == 1
    failed = [d for d in iter_documents(out, include_failed=True) if "error" in d.metadata]
    assert sorted(d.metadata["error"] for d in failed) == sorted(bad.values())


def test_time_limit_per_document(tmp_path):
    text = next(iter(seed_texts().values()))
    records = [{"id": "small", "text": text}, {"id": "huge", "text": text * 1000},
               {"id": "small2", "text": text}]
    src = write_jsonl(tmp_path / "t.jsonl", [json.dumps(r, ensure_ascii=False).encode() for r in records])
    out = tmp_path / "out"
    run(str(src), "-o", str(out), "--time-limit", "0.2", "-j", "2", "--partition-size", "1", ok=False)
    errors = rows(out, "errors")
    assert [(e["doc_id"], e["position"], e["reason"]) for e in errors] == [("huge", 2, "timeout")]
    assert [d["status"] for d in rows(out, "documents")] == ["ok", "failed", "ok"]


def test_deadline_interrupts_in_the_main_thread():
    import time

    start = time.perf_counter()
    with pytest.raises(DocumentTimeout):
        with Deadline(0.05):
            time.sleep(2)
    assert time.perf_counter() - start < 1
    with Deadline(1.0) as d:
        pass
    assert not d.expired


def test_deadlines_inside_one_alarm_handler_interrupt_and_the_old_handler_comes_back(monkeypatch):
    import signal
    import time

    from citeextract.batch import worker

    before = signal.getsignal(signal.SIGALRM)
    with worker.alarm_handler():
        installs = []
        real_signal = signal.signal
        monkeypatch.setattr(worker.signal, "signal", lambda *a: installs.append(a) or real_signal(*a))
        for _ in range(2):  # the handler stays for the second document
            start = time.perf_counter()
            with pytest.raises(DocumentTimeout):
                with Deadline(0.05):
                    time.sleep(2)
            assert time.perf_counter() - start < 1
        with Deadline(1.0):
            pass
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left running
        assert installs == []  # each document only set its timer
        monkeypatch.undo()
    assert signal.getsignal(signal.SIGALRM) == before
    with worker.alarm_handler(enabled=False):  # no time limit: the handler is left alone
        assert signal.getsignal(signal.SIGALRM) == before


def test_size_limit_and_exit_status(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Nghị định số 61/2018/NĐ-CP" * 100, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Luật Đất đai năm 2013", encoding="utf-8")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--max-bytes", "1000", ok=False)
    assert result.exit_code == 1
    assert [(e["doc_id"], e["reason"]) for e in rows(tmp_path / "out", "errors")] == [("a", "too_large")]


def test_usage_errors_are_one_line(tmp_path):
    result = run(str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out"), ok=False)
    assert result.exit_code == 2 and "no such file or directory" in result.output
    assert "Traceback" not in result.output
    (tmp_path / "a.txt").write_text("Nghị định số 61/2018/NĐ-CP", encoding="utf-8")
    run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    again = run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), ok=False)
    assert again.exit_code == 2 and "--resume" in again.output and "--overwrite" in again.output
    run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--overwrite")
    other = run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--resume", "--partition-size", "7",
                ok=False)
    assert other.exit_code == 2 and "other options" in other.output


def test_progress_bar_off_in_ci_and_quiet(monkeypatch, tmp_path):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", Tty())
    monkeypatch.delenv("CI", raising=False)
    assert bar_enabled(quiet=False)
    assert not bar_enabled(quiet=True)
    monkeypatch.setenv("CI", "true")
    assert not bar_enabled(quiet=False)
    monkeypatch.undo()
    (tmp_path / "a.txt").write_text("Nghị định số 61/2018/NĐ-CP", encoding="utf-8")
    quiet = run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--quiet")
    assert quiet.output == ""


def test_manifest_dump_reads_back_as_json_dumps_would_write_it():
    from citeextract.batch.manifest import dumps

    manifest = {"status": "complete", "inputs": [{"path": "/tmp/Nghị định\u2028a.txt", "size": 3}], "empty": [],
                "partitions": {"00000": {"records": 2, "reasons": {}}, 7: None}, "none": {}, 1: 2.5}
    assert json.loads(dumps(manifest)) == json.loads(json.dumps(manifest))
    assert json.loads(dumps({})) == {}
