"""Read input files the way users hand them over: paths, ``-`` for stdin, any BOM.

Every failure is an ``InputError`` with a one-line reason naming the file; nothing here
prints or exits, so callers decide how to report and carry on.
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """An input that cannot be read as text; ``str(e)`` is ``"<name>: <reason>"``."""


@dataclass
class InputText:
    name: str  # the path as given ("-" for stdin)
    text: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16/32; refuse binary and other encodings."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: bytes after the {enc.upper()} byte-order mark are not valid "
                                 f"{enc.upper()} (offset {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "convert it to UTF-8 first") from None


def read_input(name: str) -> InputText:
    """Read one input given on the command line."""
    if name == "-":
        return InputText("-", decode(sys.stdin.buffer.read(), "<stdin>"))
    try:  # opened straight away: the checks below run only when that fails
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file") from None
        if path.is_dir():
            raise InputError(f"{name}: is a directory (give the files inside it, e.g. {name}/*.txt)") from None
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    return InputText(name, decode(data, name))
