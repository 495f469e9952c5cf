"""Readers: every input kind, records streamed, every bad record accounted for."""
from __future__ import annotations

import csv
import gzip
import json
import tracemalloc
from collections import Counter

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from batch_inputs import (mixed_jsonl_lines, seed_page, seed_texts, write_jsonl, write_seed_html,
                          write_warc)
from citeextract.readers import (InputNotFound, MissingColumn, RecordError, check_columns,
                                 expand_inputs, html_main_text, iter_records, record_text,
                                 resolve)


def _read(paths, **kw):
    """Records as a worker sees them: JSON Lines rows travel raw and are parsed there."""
    return [resolve(r) for r in iter_records(expand_inputs([str(p) for p in paths]), **kw)]


def _outcome(record):
    try:
        text, meta = record_text(record)
        return "ok", text, meta
    except RecordError as exc:
        return exc.reason, exc.message, None


def test_expand_inputs_dirs_globs_and_kinds(tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "sub" / "y.HTM").write_text("<p>y</p>")
    (tmp_path / "a" / "notes.md").write_text("ignored inside a directory")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b"{}\n"))
    (tmp_path / "c.warc.gz").write_bytes(b"")
    files = expand_inputs([str(tmp_path / "a"), str(tmp_path / "*.gz")])
    assert [(f.kind, f.id_base) for f in files] == [
        ("html", "sub/y"), ("txt", "x"), ("jsonl", "b"), ("warc", "c")]
    with pytest.raises(InputNotFound, match="no such file"):
        expand_inputs([str(tmp_path / "missing.jsonl")])
    with pytest.raises(InputNotFound, match="matches no readable input"):
        expand_inputs([str(tmp_path / "*.parquet")])
    with pytest.raises(InputNotFound, match="unknown input type"):
        expand_inputs([str(tmp_path / "a" / "notes.md")])
    assert expand_inputs([str(tmp_path / "a" / "notes.md")], "txt")[0].kind == "txt"


def test_text_files_one_record_each_with_decode_errors(tmp_path):
    seeds = seed_texts()
    for name, text in seeds.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "zz_bad.txt").write_bytes(b"Ngh\xe9 \xff\xfe")
    (tmp_path / "zz_empty.txt").write_bytes(b"\n  \n")
    records = _read([tmp_path])
    assert [r.doc_id for r in records] == [*seeds, "zz_bad", "zz_empty"]
    assert all(r.position == 1 for r in records)
    outcomes = [_outcome(r) for r in records]
    assert [o[1] for o in outcomes[:5]] == list(seeds.values())
    assert outcomes[5][0] == "decode_error" and "byte 3" in outcomes[5][1]
    assert outcomes[6][0] == "empty_text"


def test_file_over_the_size_limit_is_not_read(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 1000)
    (record,) = _read([tmp_path / "big.txt"], max_bytes=999)
    assert record.payload is None and record.error[0] == "too_large"


def test_html_main_text_drops_boilerplate_and_keeps_metadata():
    doc_id, text = next(iter(seed_texts().items()))
    page = seed_page(doc_id, text)
    main, meta = html_main_text(page.encode("utf-8"))
    body = text.partition("Tin liên quan")[0]
    # the article's sentences are there ...
    for line in body.splitlines()[2:]:
        if line.strip():
            assert line.strip() in main
    # ... and the menu, the related-news list and the counters are not
    for boilerplate in ("Trang chủ", "Tin liên quan", "Lượt truy cập", "Đang trực tuyến",
                        "Chính phủ số, là chiến lược trọng tâm quốc gia"):
        assert boilerplate not in main
    assert meta["url"] == f"https://portal.example.gov.vn/tin/{doc_id}"
    assert meta["title"] == body.strip().splitlines()[0][:80]
    assert meta["date"] == "2020-11-23"


def test_html_files_and_pages_without_text(tmp_path):
    write_seed_html(tmp_path)
    (tmp_path / "zz_no_text.html").write_text(
        "<html><head><title>Ảnh</title><script>var x = 1;</script></head>"
        "<body><img src='/banner.jpg'><div>   </div></body></html>")
    records = _read([tmp_path])
    outcomes = [_outcome(r) for r in records]
    assert [o[0] for o in outcomes] == ["ok"] * 5 + ["no_text"]
    assert all(o[2]["url"].startswith("https://portal.example.gov.vn/") for o in outcomes[:5])


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_bad_lines_are_records_with_reasons_and_line_numbers(tmp_path, gz):
    lines, bad = mixed_jsonl_lines()
    path = write_jsonl(tmp_path / ("mixed.jsonl.gz" if gz else "mixed.jsonl"), lines, gz)
    records = _read([path], max_bytes=200_000)
    assert len(records) == len(lines)
    assert [r.position for r in records] == list(range(1, len(lines) + 1))
    outcomes = {r.position: _outcome(r)[0] for r in records}
    assert {pos: reason for pos, reason in outcomes.items() if reason != "ok"} == bad
    good = [r for r in records if r.position not in bad]
    assert [r.doc_id for r in good] == [f"good-{i}" for i in range(10)]
    assert good[0].metadata == {"url": "https://x.vn/0"}
    # a record without an id is named after its file and line
    assert next(r for r in records if r.position in bad and r.doc_id.startswith("mixed:"))


def test_jsonl_text_and_id_fields_and_blank_lines(tmp_path):
    path = write_jsonl(tmp_path / "f.jsonl", [
        json.dumps({"key": 7, "content": {"body": "Nghị định số 61/2018/NĐ-CP"}}).encode(),
        b"", b"   ",
        json.dumps({"key": 8, "content": {"body": "Luật Đất đai năm 2013"}}).encode(),
    ])
    records = _read([path], text_field="content.body", id_field="key")
    assert [(r.doc_id, r.position, r.payload) for r in records] == [
        ("7", 1, "Nghị định số 61/2018/NĐ-CP"), ("8", 4, "Luật Đất đai năm 2013")]


def test_truncated_gzip_ends_the_file_with_a_read_error(tmp_path):
    lines = [json.dumps({"id": i, "text": f"văn bản {i} " * 50}).encode() for i in range(200)]
    data = gzip.compress(b"\n".join(lines))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records = _read([path])
    assert 0 < len(records) < 200
    assert [r.error for r in records[:-1]] == [None] * (len(records) - 1)
    assert records[-1].error[0] == "read_error"
    assert records[-1].position == len(records)


def test_jsonl_streams_without_loading_the_file(tmp_path):
    text = "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ. " * 15
    line = json.dumps({"text": text}, ensure_ascii=False).encode()
    path = write_jsonl(tmp_path / "big.jsonl.gz", [line] * 20_000, gz=True)  # ~25 MB of JSON
    tracemalloc.start()
    n = sum(1 for _ in iter_records(expand_inputs([str(path)])))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert n == 20_000
    assert peak < 5_000_000


def test_csv_and_parquet_rows(tmp_path):
    seeds = seed_texts()
    with open(tmp_path / "t.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["doc", "body", "url"])
        for name, text in seeds.items():
            w.writerow([name, text, f"https://x.vn/{name}"])
        w.writerow(["blank", "", ""])
    table = pa.table({"doc": [*seeds, "null", "bytes"],
                      "body": [t.encode() for t in seeds.values()] + [None, b"\xff\xfe bad"]})
    pq.write_table(table, tmp_path / "t.parquet")
    records = _read([tmp_path / "t.csv", tmp_path / "t.parquet"], text_field="body", id_field="doc")
    assert [(r.doc_id, r.position) for r in records] == (
        [(n, i) for i, n in enumerate(seeds, 1)] + [("blank", 6)]
        + [(n, i) for i, n in enumerate(seeds, 1)] + [("null", 6), ("bytes", 7)])
    outcomes = [_outcome(r) for r in records]
    assert [o[1] for o in outcomes[:5]] == list(seeds.values()) == [o[1] for o in outcomes[6:11]]
    assert outcomes[0][2] == {"url": f"https://x.vn/{next(iter(seeds))}"}
    assert [o[0] for o in (outcomes[5], outcomes[11], outcomes[12])] == [
        "empty_text", "missing_text", "decode_error"]
    for kind in ("csv", "parquet"):
        item = expand_inputs([str(tmp_path / f"t.{kind}")])[0]
        check_columns(item, "body")
        with pytest.raises(MissingColumn, match="no column 'text'.*body"):
            check_columns(item, "text")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_takes_html_responses(tmp_path, name):
    pages = {doc_id: seed_page(doc_id, text) for doc_id, text in seed_texts().items()}
    path = write_warc(tmp_path / name, pages)
    skipped: Counter = Counter()
    records = list(iter_records(expand_inputs([str(path)]), skipped=skipped))
    assert [r.doc_id for r in records] == [f"https://portal.example.gov.vn/tin/{d}" for d in pages]
    assert skipped == {"warc_request": 5, "warc_not_html": 1, "warc_status_not_2xx": 2}
    offsets = [r.position for r in records]
    assert offsets == sorted(offsets) and offsets[0] > 0
    for record, (doc_id, text) in zip(records, seed_texts().items()):
        reason, main, meta = _outcome(record)
        assert reason == "ok"
        assert text.splitlines()[4].strip() in main
        assert meta["url"] == f"https://portal.example.gov.vn/tin/{doc_id}"
        assert meta["date"] == "2020-11-23" and meta["fetched"]
    too_big = list(iter_records(expand_inputs([str(path)]), max_bytes=1000))
    assert [r.error[0] for r in too_big] == ["too_large"] * 5
