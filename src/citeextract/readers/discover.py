"""Turn the command line's INPUTS (files, directories, globs) into typed input files."""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

KINDS = ("txt", "html", "jsonl", "csv", "parquet", "warc")

_SUFFIXES = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv": "csv",
    ".csv.gz": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
}


_LONGEST_FIRST = sorted(_SUFFIXES, key=len, reverse=True)


class InputError(ValueError):
    """An input that cannot be read at all (the CLI turns it into a usage error)."""


class InputNotFound(InputError):
    """An INPUT names nothing readable (the CLI turns it into a usage error)."""


@dataclass(frozen=True)
class InputFile:
    """One input file. ``id_base`` names it for ids: its path relative to the
    directory given on the command line, without suffix ("sub/page")."""

    path: str
    kind: str
    id_base: str

    @property
    def size(self) -> int:
        return os.path.getsize(self.path)


def kind_of(path: str) -> str | None:
    """The input kind a file name says, or None for a file no reader takes."""
    name = path.lower()
    for suffix in _LONGEST_FIRST:
        if name.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in _LONGEST_FIRST:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def _input_file(path: str, root: str | None, forced: str | None) -> InputFile | None:
    kind = forced or kind_of(path)
    if kind is None:
        return None
    if root and path.startswith(os.path.join(root, "")):  # found by os.walk(root)
        rel = path[len(os.path.join(root, "")):]  # what os.path.relpath(path, root) gives
    else:
        rel = os.path.relpath(path, root) if root else os.path.basename(path)
    return InputFile(path=path, kind=kind, id_base=_strip_suffix(Path(rel).as_posix()))


def expand_inputs(inputs: list[str] | tuple[str, ...], input_format: str | None = None) -> list[InputFile]:
    """Files in command-line order; a directory gives its readable files (recursively,
    sorted), a glob its matches (sorted). Files of unknown type inside directories
    are ignored; named explicitly they are an error unless ``input_format`` is set.
    """
    if input_format is not None and input_format not in KINDS:
        raise ValueError(f"unknown input format {input_format!r}; choose from {', '.join(KINDS)}")
    files: list[InputFile] = []
    for arg in inputs:
        if os.path.isdir(arg):
            found = []
            for dirpath, dirnames, filenames in os.walk(arg):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    item = _input_file(os.path.join(dirpath, name), arg, input_format)
                    if item is not None:
                        found.append(item)
            if not found:
                raise InputNotFound(f"{arg}: directory holds no readable input "
                                    f"(.txt, .html, .jsonl[.gz], .csv, .parquet, .warc[.gz])")
            files.extend(sorted(found, key=lambda f: f.path))
        elif os.path.isfile(arg):
            item = _input_file(arg, None, input_format)
            if item is None:
                raise InputNotFound(f"{arg}: unknown input type; use --input-format")
            files.append(item)
        elif glob.has_magic(arg):
            matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            items = [i for i in (_input_file(p, None, input_format) for p in matches) if i]
            if not items:
                raise InputNotFound(f"{arg}: pattern matches no readable input")
            files.extend(items)
        else:
            raise InputNotFound(f"{arg}: no such file or directory")
    return files
