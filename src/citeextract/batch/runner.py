"""``run_batch``: read the inputs, run the partitions, keep the manifest, summarise."""
from __future__ import annotations

import resource
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..readers import check_columns, expand_inputs, iter_records
from . import manifest as mf
from .engines import run_dask, run_local
from .options import BatchOptions
from .partitions import iter_partitions
from .progress import Progress, bar_enabled
from .writers import TMP_DIR

ENGINES = ("local", "dask")


@dataclass
class Summary:
    """What a run did, counting partitions completed by earlier (resumed) runs too."""

    outdir: str
    documents: int = 0
    ok: int = 0
    failed: int = 0
    citations: int = 0
    named: int = 0
    dates: int = 0
    relations: int = 0
    unnumbered: int = 0
    seconds: float = 0.0
    partitions: int = 0
    resumed_partitions: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            f"documents read: {self.documents} = {self.ok} ok + {self.failed} failed",
            f"found: {self.citations} citations, {self.named} named laws, "
            f"{self.dates} dates, {self.relations} relations, "
            f"{self.unnumbered} unnumbered documents",
            f"time: {self.seconds:.1f} s ({self.partitions} partition"
            + ("s" if self.partitions != 1 else "")
            + (f", {self.resumed_partitions} from an earlier run" if self.resumed_partitions else "")
            + f") -> {self.outdir}",
        ]
        if self.reasons:
            out.append("failed: " + ", ".join(f"{k} {v}" for k, v in self.reasons.items())
                       + f" (see {self.outdir}/errors)")
        if self.skipped:
            out.append("not documents, skipped: " + ", ".join(f"{k} {v}" for k, v in self.skipped.items()))
        return out


def run_batch(options: BatchOptions) -> Summary:
    """Run a whole batch; raises ``InputNotFound``, ``MissingColumn`` or
    ``ResumeMismatch`` before writing anything when the inputs or OUTDIR are wrong."""
    if options.engine not in ENGINES:
        raise ValueError(f"unknown engine {options.engine!r}")
    start = time.perf_counter()
    files = expand_inputs(options.inputs, options.input_format)
    for item in files:
        if item.kind in ("csv", "parquet"):
            check_columns(item, options.text_field)
    manifest = mf.prepare(options, files)
    done = mf.completed(manifest)
    previous = mf.totals(manifest)
    skipped: Counter = Counter()
    records = iter_records(files, options.text_field, options.id_field, options.max_bytes, skipped)
    tasks = iter_partitions(records, options, done)

    def mark(result: Any) -> None:  # called once the partition's table files are in place
        mf.mark_done(options.outdir, result.to_dict())

    if options.engine == "dask":
        results = run_dask(tasks, options.jobs, options.scheduler, mark=mark)
    else:
        results = run_local(tasks, options.jobs, options.extractor, mark=mark)
    progress = Progress(sum(item["size"] for item in manifest["inputs"]),
                        previous["disk_bytes"], previous["records"], bar_enabled(options.quiet))
    worker_rss = manifest.get("peak_rss_mb", {}).get("worker", 0.0)
    try:
        for result in results:
            manifest["partitions"][f"{result.pid:05d}"] = result.to_dict()
            worker_rss = max(worker_rss, result.peak_rss_mb)
            progress.update(result)
    finally:
        progress.close()
    shutil.rmtree(Path(options.outdir) / TMP_DIR, ignore_errors=True)
    manifest["status"] = "complete"
    manifest["reader_skipped"] = dict(sorted(skipped.items()))
    manifest["totals"] = mf.totals(manifest)
    manifest["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    manifest["elapsed_seconds"] = round(time.perf_counter() - start, 3)
    manifest["peak_rss_mb"] = {"main": round(_rss_mb(), 1), "worker": round(worker_rss, 1)}
    mf.save(options.outdir, manifest)
    return _summary(options.outdir, manifest, len(done), time.perf_counter() - start)


def _summary(outdir: str, manifest: dict[str, Any], resumed: int, seconds: float) -> Summary:
    t = manifest["totals"]
    return Summary(outdir=outdir, documents=t["records"], ok=t["ok"], failed=t["failed"],
                   citations=t["citations"], named=t["named"], dates=t["dates"],
                   relations=t["relations"], unnumbered=t.get("unnumbered", 0), seconds=seconds, partitions=t["partitions"],
                   resumed_partitions=resumed, reasons=t["reasons"],
                   skipped=manifest["reader_skipped"])


def _rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
