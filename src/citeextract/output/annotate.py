"""``citeextract annotate``: the text as self-contained HTML with every citation, named law,
date and unnumbered document highlighted; hovering shows key, type, issuer, issue date and
the relations the document takes part in. All text is HTML-escaped."""
from __future__ import annotations

from html import escape

from ..models import Document

CSS = """body{font:15px/1.6 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
pre{white-space:pre-wrap;font:inherit}
mark{border-radius:3px;padding:0 2px;cursor:help}
mark.citation{background:#ffe08a}mark.named{background:#b5e7b0}mark.date{background:#c9ddff}
mark.unnumbered{background:#f3c4f0}mark.subject{outline:2px solid #d33}
.legend mark{margin-right:.5em}"""


def _tooltip(m, doc: Document) -> str:
    kind = m.kind
    if kind == "date":
        return f"date: {m.value or '(bad date)'}"
    key = m.key
    parts = [f"key: {key}", f"type: {m.type}"]
    if getattr(m, "issuer", None):
        parts.append(f"issuer: {m.issuer}")
    if getattr(m, "issued", None):
        parts.append(f"issued: {m.issued}")
    if getattr(m, "flags", None) and isinstance(m.flags, list) and m.flags:
        parts.append("flags: " + ", ".join(m.flags))
    rels = [*doc.relations, *(r for u in doc.unnumbered for r in u.relations)]
    for r in rels:
        if r.source == key:
            parts.append(f"{r.relation} → {r.target}")
        elif r.target == key:
            parts.append(f"← {r.relation} {r.source}")
    if key == doc.subject:
        parts.append("subject of the text")
    return "\n".join(parts)


def annotate_html(text: str, doc: Document, title: str | None = None) -> str:
    """A complete HTML page; ``text`` is the original the offsets of ``doc`` index."""
    spans = sorted([*doc.mentions(), *doc.unnumbered], key=lambda m: (m.start, -m.end))
    out: list[str] = []
    pos = 0
    for m in spans:
        if m.start < pos or m.end <= m.start:
            continue  # nested in the previous highlight
        out.append(escape(text[pos:m.start]))
        cls = m.kind + (" subject" if getattr(m, "key", None) == doc.subject and m.kind != "date" else "")
        out.append(f'<mark class="{cls}" title="{escape(_tooltip(m, doc), quote=True)}">'
                   f"{escape(text[m.start:m.end])}</mark>")
        pos = m.end
    out.append(escape(text[pos:]))
    rel_rows = "".join(f"<li>{escape(r.source)} <b>{escape(r.relation)}</b> {escape(r.target)}</li>"
                       for r in [*doc.relations, *(r for u in doc.unnumbered for r in u.relations)])
    head = escape(title or str(doc.doc or "citeextract"))
    return ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{head}</title><style>{CSS}</style></head><body>"
            f"<h1>{head}</h1><p class=\"legend\"><mark class=\"citation\">citation</mark>"
            "<mark class=\"named\">named law</mark><mark class=\"date\">date</mark>"
            "<mark class=\"unnumbered\">unnumbered document</mark></p>"
            f"<p>subject: {escape(doc.subject or '—')}</p><ul>{rel_rows}</ul>"
            f"<pre>{''.join(out)}</pre></body></html>\n")
