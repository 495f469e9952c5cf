"""``OUTDIR/manifest.json``: what the run read, its options, and the partitions that
are complete.

While a run goes, each completed partition gets a marker
``OUTDIR/_partitions/part-NNNNN.json`` (its counts), written only after all its table
files were renamed into place; resume trusts the markers, deletes the table files of
unmarked partitions, and runs those again. At the end the manifest lists them all."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from .. import __version__
from ..readers import InputFile
from .options import BatchOptions
from .schema import SCHEMAS, TABLES
from .writers import TMP_DIR, atomic_write_bytes

MANIFEST = "manifest.json"
DONE_DIR = "_partitions"
FORMAT_VERSION = 1


class ResumeMismatch(ValueError):
    """The output directory holds a run that this one cannot continue or replace."""


def _inputs(files: list[InputFile]) -> list[dict[str, Any]]:
    out = []
    for f in files:
        st = os.stat(f.path)
        out.append({"path": os.path.abspath(f.path), "kind": f.kind,
                    "size": st.st_size, "mtime": int(st.st_mtime)})
    return out


def new_manifest(options: BatchOptions, files: list[InputFile]) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "citeextract_version": __version__,
        "status": "running",
        "format": options.fmt,
        "options": options.partitioning(),
        "inputs": _inputs(files),
        "tables": {name: [f.name for f in SCHEMAS[name]] for name in TABLES},
        "partitions": {},
        "totals": {},
        "reader_skipped": {},
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def load(outdir: str | Path) -> dict[str, Any] | None:
    path = Path(outdir) / MANIFEST
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def save(outdir: str | Path, manifest: dict[str, Any]) -> None:
    atomic_write_bytes(Path(outdir) / MANIFEST, dumps(manifest).encode("utf-8"), outdir)


_compact = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder (indent makes json use Python's)


def dumps(manifest: dict[str, Any]) -> str:
    """The manifest as JSON with a line per key, and per item of a list or object value
    (an input file, a partition): readable, and written by the C encoder eight times faster
    than an indented dump of thousands of inputs."""
    lines = []
    for key, value in manifest.items():
        head = f" {_compact(str(key))}: "
        if isinstance(value, list) and value:
            body = ",\n".join(f"  {_compact(v)}" for v in value)
            lines.append(f"{head}[\n{body}\n ]")
        elif isinstance(value, dict) and value:
            body = ",\n".join(f"  {_compact(str(k))}: {_compact(v)}" for k, v in value.items())
            lines.append(f"{head}{{\n{body}\n }}")
        else:
            lines.append(head + _compact(value))
    return "{\n" + ",\n".join(lines) + "\n}\n" if lines else "{}\n"


def completed(manifest: dict[str, Any]) -> set[int]:
    return {int(pid) for pid in manifest.get("partitions", {})}


def mark_done(outdir: str | Path, result: dict[str, Any]) -> None:
    """Record one completed partition (after its table files are in place)."""
    path = Path(outdir) / DONE_DIR / f"part-{result['pid']:05d}.json"
    atomic_write_bytes(path, json.dumps(result).encode("utf-8"), outdir)


def load_done(outdir: str | Path) -> dict[str, dict[str, Any]]:
    done = {}
    for path in sorted((Path(outdir) / DONE_DIR).glob("part-*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        done[f"{result['pid']:05d}"] = result
    return done


def prepare(options: BatchOptions, files: list[InputFile]) -> dict[str, Any]:
    """The manifest to run with: a fresh one, or the old one when resuming.

    Raises :class:`ResumeMismatch` for an output directory that holds another run
    (without ``--resume``/``--overwrite``) or a run with other inputs or options.
    """
    outdir = Path(options.outdir)
    old = load(outdir)
    fresh = new_manifest(options, files)
    if old is not None and options.resume:
        for key in ("options", "inputs"):
            if old.get(key) != fresh[key]:
                raise ResumeMismatch(f"{outdir} holds a run with other {key}; "
                                     "run without --resume and with --overwrite to start over")
        old["partitions"] = load_done(outdir)
        _drop_stray_parts(outdir, old["format"], completed(old))
        old["status"] = "running"
        return old
    if old is not None and not options.overwrite:
        raise ResumeMismatch(f"{outdir} already holds a batch run; "
                             "use --resume to continue it or --overwrite to replace it")
    if old is None and outdir.exists() and any(outdir.iterdir()) and not options.overwrite:
        raise ResumeMismatch(f"{outdir} is not empty and holds no batch run; choose a new directory")
    _clear(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    save(outdir, fresh)
    return fresh


def _clear(outdir: Path) -> None:
    """Remove what a batch run writes (and nothing else)."""
    for name in (*TABLES, TMP_DIR, DONE_DIR):
        shutil.rmtree(outdir / name, ignore_errors=True)
    (outdir / MANIFEST).unlink(missing_ok=True)


def _drop_stray_parts(outdir: Path, fmt: str, done: set[int]) -> None:
    shutil.rmtree(outdir / TMP_DIR, ignore_errors=True)
    for table in TABLES:
        for path in (outdir / table).glob(f"part-*.{fmt}"):
            pid = int(path.name.split("-")[1].split(".")[0])
            if pid not in done:
                path.unlink()


def totals(manifest: dict[str, Any]) -> dict[str, Any]:
    keys = ("records", "ok", "failed", "citations", "named", "dates", "relations", "unnumbered",
            "chars", "bytes", "disk_bytes")
    out: dict[str, Any] = {k: 0 for k in keys}
    reasons: dict[str, int] = {}
    for part in manifest["partitions"].values():
        for k in keys:
            out[k] += part.get(k, 0)
        for reason, n in part.get("reasons", {}).items():
            reasons[reason] = reasons.get(reason, 0) + n
    out["reasons"] = dict(sorted(reasons.items()))
    out["partitions"] = len(manifest["partitions"])
    return out
