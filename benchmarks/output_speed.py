"""What the command line costs on top of extraction: ``extract()`` alone against whole
``citeextract extract --format json|jsonl|csv|table`` processes and ``batch -j 1`` to Parquet,
on the same texts, in one run.

usage: python benchmarks/output_speed.py [--bulk PATH] [--limit-mb 30] [--rounds 1]

The texts (the first LIMIT MB of the bulk corpus, written once as .txt files into a temporary
directory) are read by every contender. Each figure is a speed ratio to ``extract()`` alone
(with relations, files read included, timed inside a fresh process after one warm-up call): 1.0 means the command is as fast as
extraction, 0.8 that it takes 25 % longer. Command times are wall-clock times of a fresh
process, start-up and imports included, with output written to a file.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import DEFAULT_BULK, records

CLI = [sys.executable, "-c", "from citeextract.cli import main; main()"]


def write_sample(bulk: Path, limit_mb: float, folder: Path) -> tuple[list[Path], int]:
    paths, size = [], 0
    for i, text in enumerate(records(bulk, int(limit_mb * 1e6))):
        path = folder / f"r{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        size += len(text.encode("utf-8"))
    return paths, size


LIBRARY = """
import sys, time
from pathlib import Path
import citeextract
citeextract.extract("khởi động Nghị định 1/2020/NĐ-CP ngày 1/1/2020")
paths = [Path(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
start = time.perf_counter()
for p in paths:
    citeextract.extract(p.read_text(encoding="utf-8"), str(p))
print(time.perf_counter() - start)
"""


def time_library(listing: Path) -> float:
    """``extract()`` over the files, timed inside a fresh process after a warm-up call (so its
    caches start as cold as a command's, and start-up is not counted)."""
    proc = subprocess.run([sys.executable, "-c", LIBRARY, str(listing)], capture_output=True, text=True, check=True)
    return float(proc.stdout)


def time_command(args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} failed: {proc.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    ap.add_argument("--limit-mb", type=float, default=30.0)
    ap.add_argument("--rounds", type=int, default=1, help="alternate all contenders this many times; best kept")
    args = ap.parse_args(argv)
    if not args.bulk.exists():
        print(f"output_speed: bulk corpus not found at {args.bulk} (use --bulk PATH)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        paths, size = write_sample(args.bulk, args.limit_mb, folder)
        files = [str(p) for p in paths]
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(files), encoding="utf-8")
        contenders = {f"extract --format {fmt}": ["extract", "--format", fmt, "-o", f"{tmp}/out.{fmt}", *files]
                      for fmt in ("json", "jsonl", "csv", "table")}
        contenders["batch -j 1 (Parquet)"] = ["batch", str(folder), "-o", f"{tmp}/batch", "-j", "1",
                                              "--quiet", "--overwrite"]
        best = {"extract() alone": float("inf"), **{k: float("inf") for k in contenders}}
        for _ in range(args.rounds):
            best["extract() alone"] = min(best["extract() alone"], time_library(listing))
            for name, cmd in contenders.items():
                best[name] = min(best[name], time_command(cmd))
    base = best["extract() alone"]
    print(f"{len(paths)} texts, {size / 1e6:.1f} MB (UTF-8), best of {args.rounds} round(s)")
    print(f"{'contender':28} {'seconds':>8} {'MB/s':>7} {'ratio':>6}")
    for name, seconds in best.items():
        print(f"{name:28} {seconds:8.2f} {size / 1e6 / seconds:7.2f} {base / seconds:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
