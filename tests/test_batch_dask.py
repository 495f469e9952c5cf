"""The Dask engine writes the same tables as the local engine."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from batch_inputs import mixed_jsonl_lines, write_jsonl
from citeextract.batch import TABLES, iter_documents, read_table
from citeextract.cli import main

distributed = pytest.importorskip("distributed")

ARGS = ["--partition-size", "4", "--max-bytes", "200000", "--quiet"]


def test_dask_local_cluster_output_equals_local_output(tmp_path):
    lines, bad = mixed_jsonl_lines()
    src = write_jsonl(tmp_path / "m.jsonl.gz", lines, gz=True)
    local = tmp_path / "local"
    CliRunner().invoke(main, ["batch", str(src), "-o", str(local), "-j", "2", *ARGS])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "dask"),
                                           "--engine", "dask", "--scheduler",
                                           cluster.scheduler_address, *ARGS])
    assert result.exit_code == 1  # the bad lines fail there too
    for table in TABLES:
        assert read_table(tmp_path / "dask", table).to_pylist() == read_table(local, table).to_pylist()
    assert len(read_table(tmp_path / "dask", "documents")) == len(lines)
    assert len(read_table(tmp_path / "dask", "errors")) == len(bad)
    assert [d.to_dict() for d in iter_documents(tmp_path / "dask")] == [
        d.to_dict() for d in iter_documents(local)]


def test_scheduler_needs_the_dask_engine(tmp_path):
    (tmp_path / "a.txt").write_text("Nghị định số 61/2018/NĐ-CP", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o"),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--engine dask" in result.output
