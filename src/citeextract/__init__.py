"""citeextract: find, normalise and link the legal documents cited in Vietnamese text.

>>> import citeextract
>>> doc = citeextract.extract("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ")
>>> doc.citations[0].key
'61/2018/NĐ-CP'
"""
from __future__ import annotations

__version__ = "0.1.0"

from .models import Citation, DateMention, Document, NamedLaw, Relation  # noqa: E402
from .pipeline import extract  # noqa: E402

__all__ = [
    "Citation",
    "DateMention",
    "Document",
    "NamedLaw",
    "Relation",
    "extract",
    "to_dataframe",
    "__version__",
]


def __getattr__(name: str):
    # pandas is imported only by those who ask for a DataFrame (the command line never does)
    if name == "to_dataframe":
        from .output.frames import to_dataframe

        return to_dataframe
    raise AttributeError(f"module 'citeextract' has no attribute {name!r}")
