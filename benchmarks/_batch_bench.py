"""Shared by the batch benchmarks: run ``citeextract batch`` in a fresh process and
read the figures back from its manifest."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

BULK = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bulk" / "tnt305_tai_lieu_noi_bo_dataset.jsonl.gz"


def sample(src: Path, n: int | None, workdir: Path) -> Path:
    """The first ``n`` records of ``src`` as a new .jsonl.gz in ``workdir`` (or ``src``)."""
    if not n:
        return src
    out = workdir / f"sample-{n}.jsonl.gz"
    with gzip.open(src, "rb") as fin, gzip.open(out, "wb", compresslevel=1) as fout:
        for i, line in enumerate(fin):
            if i >= n:
                break
            fout.write(line)
    return out


def run_batch(inputs: list[Path], outdir: Path, jobs: int, *extra: str) -> dict:
    cmd = [sys.executable, "-c", "from citeextract.cli import main; main()", "batch",
           *map(str, inputs), "-o", str(outdir), "-j", str(jobs), "--quiet", "--overwrite", *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some records failed, still a complete run
        raise SystemExit(f"batch failed: {proc.stderr.strip()}")
    manifest = json.loads((outdir / "manifest.json").read_text())
    manifest["wall_seconds"] = wall
    return manifest
