"""``citeextract batch``: extract every record of a crawled corpus into tables."""
from __future__ import annotations

import os
from pathlib import Path

import click

from ..batch.options import (DEFAULT_PARTITION_MB, DEFAULT_PARTITION_SIZE, DEFAULT_TIME_LIMIT,
                             BatchOptions)
from ..readers import DEFAULT_MAX_BYTES, KINDS


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Output directory: manifest.json and one folder per table.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl"]), default="parquet",
              show_default=True, help="Format of the table partitions.")
@click.option("--text-field", default="text", show_default=True,
              help="Field/column holding the text (JSON Lines, CSV, Parquet).")
@click.option("--id-field", default="id", show_default=True,
              help="Field/column holding the document id.")
@click.option("--input-format", type=click.Choice(KINDS), default=None,
              help="Read every input as this kind instead of guessing from its name.")
@click.option("--partition-size", type=click.IntRange(min=1), default=DEFAULT_PARTITION_SIZE,
              show_default=True, help="Records per partition.")
@click.option("--partition-mb", type=click.FloatRange(min=0.001), default=DEFAULT_PARTITION_MB,
              show_default=True, help="Close a partition early once its text reaches this size.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Records larger than this fail with too_large.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT,
              show_default=True, help="Seconds of extraction per document (0: none).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Stop after this many records.")
@click.option("--resume", is_flag=True, help="Continue a stopped run in OUTDIR.")
@click.option("--overwrite", is_flag=True, help="Replace the run already in OUTDIR.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Run partitions in local processes or on Dask.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (default: a new local cluster).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def batch(inputs: tuple[str, ...], outdir: str, jobs: int | None, fmt: str, text_field: str,
          id_field: str, input_format: str | None, partition_size: int, partition_mb: float,
          max_bytes: int, time_limit: float, limit: int | None, resume: bool, overwrite: bool,
          engine: str, scheduler: str | None, quiet: bool) -> None:
    """Extract citations, named laws, dates and relations from every record of
    INPUTS (files, directories or globs of .txt, .html, .jsonl[.gz], .csv[.gz],
    .parquet, .warc[.gz]) into Parquet or JSON Lines tables in OUTDIR.

    Records that cannot be processed go to the errors table with their position
    and reason; the exit status is 1 when any did.
    """
    from concurrent.futures.process import BrokenProcessPool

    from ..batch import InputError, ResumeMismatch, run_batch

    if resume and overwrite:
        raise click.UsageError("--resume and --overwrite exclude each other")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    parent = Path(outdir).resolve()
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise click.UsageError(f"cannot create OUTDIR {outdir}: {parent} is a file, not a directory")
    options = BatchOptions(
        inputs=list(inputs), outdir=outdir, jobs=jobs or os.cpu_count() or 1, fmt=fmt,
        text_field=text_field, id_field=id_field, input_format=input_format,
        partition_size=partition_size, partition_mb=partition_mb, max_bytes=max_bytes,
        time_limit=time_limit, limit=limit, resume=resume, overwrite=overwrite,
        engine=engine, scheduler=scheduler, quiet=quiet,
    )
    try:
        summary = run_batch(options)
    except (InputError, ResumeMismatch) as exc:
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        raise click.ClickException(f"interrupted; continue with --resume -o {outdir}") from None
    except BrokenProcessPool as exc:
        raise click.ClickException(f"a worker process died ({exc}); "
                                   f"continue with --resume -o {outdir}") from None
    except OSError as exc:
        hint = "; continue with --resume once fixed" if (Path(outdir) / "manifest.json").exists() else ""
        raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or outdir}{hint}") from None
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
    if summary.failed:
        raise click.ClickException(f"{summary.failed} of {summary.documents} records failed; "
                                   f"see {os.path.join(outdir, 'errors')}")
