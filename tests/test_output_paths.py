"""The fast paths of the outputs give what the plain ones give: jsonl and csv rows against
the row dicts of ``mention_rows`` encoded one by one, the batch's Arrow builders against
``pa.array``, and a one-job batch run (written by a writer thread) against a pool run."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

import citeextract
from batch_inputs import mixed_jsonl_lines, seed_texts, write_jsonl
from citeextract.batch import TABLES, read_table
from citeextract.batch.arrow import to_array
from citeextract.cli import main
from citeextract.models import Citation, DateMention, Document, NamedLaw, Relation
from citeextract.output.render import (CSV_COLUMNS, csv_rows, csv_text, jsonl_lines, jsonl_text,
                                       mention_rows)

ROOT = Path(__file__).resolve().parents[1]


def _documents() -> list[Document]:
    docs = [citeextract.extract(text, doc_id=name) for name, text in seed_texts().items()]
    odd = Document(doc='a "quoted" name\n', citations=[
        Citation("Nghị định 1/2020/NĐ-CP\u2028}, {\"text\": ", 0, 22, "nghi_dinh", "1/2020/NĐ-CP", "1", 2020, "NĐ-CP",
                 flags=["damaged", "self"], warnings=['a, "b"'], pinpoints=["dieu:1", "dieu:2"])],
        named=[NamedLaw("Luật Đất đai", 30, 42, "luat", "Đất đai")],
        dates=[DateMention("ngày 32/1/2020", 50, 64, None, "day", flags=["bad_date"])],
        relations=[Relation("a", "amends", "b", 3, 4, "sửa đổi")])
    return [*docs, odd, Document(doc=None), Document(doc="empty")]


def test_jsonl_rows_are_the_row_dicts_encoded():
    for doc in _documents():
        expected = [json.dumps(row, ensure_ascii=False) for row in mention_rows(doc)]
        assert jsonl_text(doc) == "".join(line + "\n" for line in expected)
        assert jsonl_lines(doc) == expected


def test_csv_rows_are_the_row_dicts_written():
    docs = _documents()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for doc in docs:
        for row in mention_rows(doc):
            if row["kind"] != "relation":
                writer.writerow(["|".join(v) if isinstance(v, list) else ("" if v is None else v)
                                 for v in (row.get(col) for col in CSV_COLUMNS)])
    got = "".join(csv_text(csv_rows(doc), header=i == 0) for i, doc in enumerate(docs))
    assert got == buf.getvalue()


RELATIONS = pa.list_(pa.struct([("source", pa.string()), ("relation", pa.string()),
                                ("target", pa.string()), ("start", pa.int64())]))


@pytest.mark.parametrize("values,type_", [
    ([], pa.string()), ([None], pa.string()), (["", ""], pa.string()),
    (["a\x00b", None, "", "Nghị định", "🙂"], pa.string()),  # the separator inside a value
    (["x" * 1000] * 50, pa.string()),
    ([], pa.int64()), ([0, None, -5, 2**62], pa.int64()),
    ([[], None, ["x", "ý"], [""], [None]], pa.list_(pa.string())),
    ([None, [], [{"source": "a", "relation": None, "start": 3}], [{"target": "b"}, None]], RELATIONS),
    ([], pa.bool_()), ([True, False, None, True] * 5, pa.bool_()),
    ([None, {"key": "31/2024/QH15", "how": "year"}, {"key": "k"}],
     pa.struct([("key", pa.string()), ("how", pa.string())])),
    ([1.5, None], pa.float64()),  # not a batch column type: pa.array
])
def test_arrow_builders_give_what_pa_array_gives(values, type_):
    built = to_array(values, type_)
    built.validate(full=True)
    expected = pa.array(values, type=type_)
    assert built.type == expected.type
    assert built.equals(expected)
    assert built.null_count == expected.null_count


def test_arrow_builders_do_not_import_pandas():
    code = ("import sys, pyarrow as pa; from citeextract.batch.arrow import to_array; "
            "to_array(['a', None], pa.string()); to_array([1, None], pa.int64()); "
            "to_array([['a'], None], pa.list_(pa.string())); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "False"


def test_one_job_run_equals_a_pool_run(tmp_path):
    lines, _ = mixed_jsonl_lines()
    src = write_jsonl(tmp_path / "in.jsonl", lines * 3)
    outs = {}
    for jobs in ("1", "2"):
        outs[jobs] = tmp_path / f"j{jobs}"
        result = CliRunner().invoke(main, ["batch", str(src), "-o", str(outs[jobs]), "-j", jobs,
                                           "--partition-size", "4", "--quiet"])
        assert result.exit_code == 1  # the bad lines fail
    for table in TABLES:
        assert read_table(outs["1"], table).equals(read_table(outs["2"], table)), table
    markers = [sorted(p.name for p in (out / "_partitions").iterdir()) for out in outs.values()]
    assert markers[0] == markers[1] and len(markers[0]) == 12


def test_a_write_error_stops_a_one_job_run(tmp_path, monkeypatch):
    from citeextract.batch import BatchOptions, run_batch, worker

    (tmp_path / "in").mkdir()
    for i in range(6):
        (tmp_path / "in" / f"{i}.txt").write_text("Nghị định số 61/2018/NĐ-CP", encoding="utf-8")

    def full_disk(outdir, pid, tables, fmt):
        if pid == 1:
            raise OSError(28, "No space left on device")
        return write_partition(outdir, pid, tables, fmt)

    write_partition = worker.write_partition
    monkeypatch.setattr(worker, "write_partition", full_disk)
    with pytest.raises(OSError, match="No space left"):
        run_batch(BatchOptions(inputs=[str(tmp_path / "in")], outdir=str(tmp_path / "out"), jobs=1,
                               partition_size=2, quiet=True))
    done = sorted(p.name for p in (tmp_path / "out" / "_partitions").iterdir())
    assert "part-00001.json" not in done and "part-00000.json" in done
