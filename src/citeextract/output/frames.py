"""Tables of extraction results for pandas users."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..models import Citation, Document

CITATION_COLUMNS = ["doc", *Citation.__dataclass_fields__]


def to_dataframe(docs: Document | Iterable[Document], kind: str = "citation") -> pd.DataFrame:
    """One row per mention of ``kind`` ("citation", "named" or "date") with a ``doc`` column."""
    if isinstance(docs, Document):
        docs = [docs]
    attr = {"citation": "citations", "named": "named", "date": "dates"}.get(kind)
    if attr is None:
        raise ValueError(f"kind must be 'citation', 'named' or 'date', not {kind!r}")
    rows = [{"doc": d.doc, **m.to_dict()} for d in docs for m in getattr(d, attr)]
    if not rows and kind == "citation":
        return pd.DataFrame(columns=CITATION_COLUMNS)
    return pd.DataFrame(rows)
