"""Kill a batch run midway (SIGKILL, workers and all), resume it, and get exactly what
an uninterrupted run gives."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from batch_inputs import mixed_jsonl_lines, seed_texts, write_jsonl
from citeextract.batch import TABLES, read_table
from citeextract.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _corpus(tmp_path: Path) -> Path:
    """~300 records: the seeds many times, with the bad lines mixed in."""
    lines, _ = mixed_jsonl_lines()
    texts = list(seed_texts().values())
    more = [json.dumps({"id": f"r{i}", "text": texts[i % 5] * (1 + i % 3)}, ensure_ascii=False).encode()
            for i in range(280)]
    return write_jsonl(tmp_path / "corpus.jsonl.gz", lines + more, gz=True)


def _tables(outdir: Path) -> dict[str, list]:
    return {t: read_table(outdir, t).to_pylist() for t in TABLES}


def _done(outdir: Path) -> int:
    return len(list((outdir / "_partitions").glob("part-*.json")))


ARGS = ["--partition-size", "3", "--max-bytes", "200000", "--quiet"]


def test_kill_and_resume_equals_uninterrupted_run(tmp_path):
    src = _corpus(tmp_path)
    full = tmp_path / "full"
    ref = CliRunner().invoke(main, ["batch", str(src), "-o", str(full), "-j", "1", *ARGS])
    assert ref.exit_code == 1, ref.output  # the bad lines fail
    total_parts = json.loads((full / "manifest.json").read_text())["totals"]["partitions"]

    out = tmp_path / "killed"
    cmd = [sys.executable, "-c", "from citeextract.cli import main; main()",
           "batch", str(src), "-o", str(out), "-j", "2", *ARGS]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while _done(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)  # the command and its worker processes
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "running"
    killed_at = _done(out)
    assert 3 <= killed_at < total_parts, "the run was not interrupted midway"

    resumed = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--resume", "-j", "2", *ARGS])
    assert resumed.exit_code == 1, resumed.output
    after = json.loads((out / "manifest.json").read_text())
    assert after["status"] == "complete"
    assert _tables(out) == _tables(full)
    assert after["totals"] == json.loads((full / "manifest.json").read_text())["totals"]
    for table in TABLES:  # no stray or duplicate partition files
        names = sorted(p.name for p in (out / table).iterdir())
        assert names == [f"part-{i:05d}.parquet" for i in range(total_parts)]


def test_resume_reruns_partitions_without_marker_and_drops_stray_files(tmp_path):
    src = _corpus(tmp_path)
    full = tmp_path / "full"
    CliRunner().invoke(main, ["batch", str(src), "-o", str(full), "-j", "1", *ARGS])
    out = tmp_path / "out"
    CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "-j", "1", *ARGS])
    # as if killed: two partitions lost their markers, one left a half-written file
    for pid in (2, 7):
        (out / "_partitions" / f"part-{pid:05d}.json").unlink()
    (out / "citations" / "part-00007.parquet").write_bytes(b"PAR1 half written")
    (out / "documents" / "part-00002.parquet").unlink()
    (out / "documents" / "part-99999.parquet").write_bytes(b"junk")
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["status"] = "running"
    (out / "manifest.json").write_text(json.dumps(manifest))
    resumed = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--resume", *ARGS])
    assert resumed.exit_code == 1
    assert _tables(out) == _tables(full)
    assert not (out / "documents" / "part-99999.parquet").exists()
    summary = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--resume",
                                        "--partition-size", "3", "--max-bytes", "200000"])
    assert "from an earlier run" in summary.output
