"""``citeextract annotate``: the text as self-contained HTML with every citation, named law,
date and unnumbered document highlighted; hovering shows key, type, issuer, issue date and
the relations the document takes part in. With ``structure=True`` (a Document extracted with
``structure=True``), each part of the text — header, preamble, Chương, Điều, khoản, closing … —
is bracketed with its level and label, in a colour per level, and page furniture is greyed.
All text is HTML-escaped."""
from __future__ import annotations

from html import escape

from ..models import Document

CSS = """body{font:15px/1.6 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
pre{white-space:pre-wrap;font:inherit}
mark{border-radius:3px;padding:0 2px;cursor:help}
mark.citation{background:#ffe08a}mark.named{background:#b5e7b0}mark.date{background:#c9ddff}
mark.unnumbered{background:#f3c4f0}mark.subject{outline:2px solid #d33}
.legend mark{margin-right:.5em}
.part{font-size:11px;font-weight:600;border-radius:3px;padding:0 3px;margin:0 1px;color:#fff;background:#888}
.part.header,.part.issuer,.part.number,.part.place_date,.part.title{background:#6a5acd}
.part.preamble,.part.basis,.part.proposal{background:#2e8b57}
.part.body,.part.phan,.part.chuong,.part.muc{background:#b8860b}.part.dieu{background:#d2691e}
.part.khoan,.part.diem,.part.item{background:#cd853f}
.part.closing,.part.recipients,.part.signature{background:#4682b4}
.furniture{color:#999;background:#eee;text-decoration:line-through}"""


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


def _events(doc: Document) -> list[tuple[int, int, int, str]]:
    """(offset, order, nesting, HTML) to insert for the structure: a bracket with level and
    label where a part starts, a closing bracket where it ends (inner parts inside outer ones);
    page furniture greyed."""
    out = []
    for p in doc.structure:
        if p.level == "furniture":
            out.append((p.start, 2, 0, '<span class="furniture" title="page furniture">'))
            out.append((p.end, 0, 0, "</span>"))
            continue
        name = escape(f"{p.level} {p.label}".strip())
        out.append((p.start, 1, -p.end, f'<span class="part {escape(p.level)}">[{name}</span>'))
        out.append((p.end, 0, -p.start, f'<span class="part {escape(p.level)}">{name}]</span>'))
    return sorted(out, key=lambda e: e[:3])


def annotate_html(text: str, doc: Document, title: str | None = None, structure: bool = False) -> str:
    """A complete HTML page; ``text`` is the original the offsets of ``doc`` index. With
    ``structure=True``, the parts of ``doc.structure`` are shown too."""
    spans = sorted([*doc.mentions(), *doc.unnumbered], key=lambda m: (m.start, -m.end))
    events = _events(doc) if structure else []
    ei = 0

    def esc(lo: int, hi: int, last: bool = False) -> str:
        """``text[lo:hi]`` escaped, with the structure's insertions at their offsets."""
        nonlocal ei
        parts = []
        while ei < len(events) and (events[ei][0] < hi or last and events[ei][0] == hi):
            pos = max(lo, events[ei][0])
            parts.append(escape(text[lo:pos]))
            parts.append(events[ei][3])
            lo = pos
            ei += 1
        parts.append(escape(text[lo:hi]))
        return "".join(parts)

    out: list[str] = []
    pos = 0
    for m in spans:
        if m.start < pos or m.end <= m.start:
            continue  # nested in the previous highlight
        out.append(esc(pos, m.start))
        cls = m.kind + (" subject" if getattr(m, "key", None) == doc.subject and m.kind != "date" else "")
        out.append(f'<mark class="{cls}" title="{escape(_tooltip(m, doc), quote=True)}">'
                   f"{esc(m.start, m.end)}</mark>")
        pos = m.end
    out.append(esc(pos, len(text), last=True))
    rel_rows = "".join(f"<li>{escape(r.source)} <b>{escape(r.relation)}</b> {escape(r.target)}</li>"
                       for r in [*doc.relations, *(r for u in doc.unnumbered for r in u.relations)])
    head = escape(title or str(doc.doc or "citeextract"))
    legend = ('<span class="part dieu">[level label</span> … <span class="part dieu">]</span> a part of the '
              'text <span class="furniture">page furniture</span>') if structure else ""
    return ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{head}</title><style>{CSS}</style></head><body>"
            f"<h1>{head}</h1><p class=\"legend\"><mark class=\"citation\">citation</mark>"
            "<mark class=\"named\">named law</mark><mark class=\"date\">date</mark>"
            f"<mark class=\"unnumbered\">unnumbered document</mark>{legend}</p>"
            f"<p>subject: {escape(doc.subject or '—')}</p><ul>{rel_rows}</ul>"
            f"<pre>{''.join(out)}</pre></body></html>\n")
