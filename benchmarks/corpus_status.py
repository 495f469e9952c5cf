"""Graph, status and check at crawl scale, on a batch output (target: each < 30 s, < 1 GB).

    citeextract batch /work/shared/corpora/bulk/ -o /tmp/bulk_batch   # once
    python benchmarks/corpus_status.py [/tmp/bulk_batch]

Each step runs in its own process; wall time and that process's peak RSS are printed:

- ``graph``: ``citeextract graph OUTDIR -o graph.graphml`` (reading the tables, building the
  graph with status, writing GraphML);
- ``build`` / ``status``: in one process, the documents read and the graph built without
  status, then :func:`annotate_status` alone (its own wall time);
- ``check``: ``citeextract check OUTDIR --format json`` (every text of the batch output
  checked against the whole corpus).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-c", "from citeextract.cli import main; main()"]
BUILD_AND_STATUS = """
import json, sys, time
from citeextract.batch import iter_documents
from citeextract.corpus.graph import build_graph
from citeextract.corpus.status import annotate_status, status_counts
t0 = time.perf_counter()
g = build_graph(iter_documents(sys.argv[1]), status=False)
t1 = time.perf_counter()
annotate_status(g)
t2 = time.perf_counter()
print(json.dumps({"build": t1 - t0, "status": t2 - t1, "nodes": g.number_of_nodes(),
                  "edges": g.number_of_edges(), "counts": dict(status_counts(g))}))
"""


def timed(args: list[str]) -> tuple[float, float, str, str]:
    """Wall seconds, the child's own peak RSS in MB (``wait4``), its stdout and stderr."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    o, e = proc.stdout.read(), proc.stderr.read()  # the commands write little to stderr
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {e.strip()}")
    return wall, usage.ru_maxrss / 1024, o, e


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default="/tmp/bulk_batch", help="a batch output directory")
    args = parser.parse_args()
    manifest = json.loads((Path(args.outdir) / "manifest.json").read_text(encoding="utf-8"))
    print(f"batch output: {args.outdir} ({manifest['totals']['records']} records)")
    print(f"{'step':<8} {'seconds':>8} {'peak RSS MB':>12}  result")
    with tempfile.TemporaryDirectory() as tmp:
        wall, rss, _, err = timed([*CLI, "graph", args.outdir, "-o", str(Path(tmp) / "g.graphml")])
        print(f"{'graph':<8} {wall:>8.1f} {rss:>12.0f}  {err.strip().split(' -> ')[0]}")
    wall, rss, out, _ = timed([sys.executable, "-c", BUILD_AND_STATUS, args.outdir])
    r = json.loads(out)
    print(f"{'build':<8} {r['build']:>8.1f} {rss:>12.0f}  {r['nodes']} nodes, {r['edges']} edges "
          f"(peak RSS of build and status together)")
    print(f"{'status':<8} {r['status']:>8.1f} {'':>12}  {r['counts']}")
    wall, rss, out, err = timed([*CLI, "check", args.outdir, "--format", "json"])
    print(f"{'check':<8} {wall:>8.1f} {rss:>12.0f}  {err.strip().splitlines()[-1].removeprefix('citeextract: ')}")


if __name__ == "__main__":
    main()
