"""Small corpora the reader and batch tests build in tmp_path (no test reads the bulk
corpus). Shared by tests/test_readers.py and tests/test_batch*.py."""
from __future__ import annotations

import gzip
import html
import io
import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"


def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def seed_page(doc_id: str, text: str) -> str:
    """A seed text as a portal page: a menu, the article, a "Tin liên quan" list of
    links and a visit counter around it."""
    body, _, related = text.partition("Tin liên quan")
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in body.splitlines() if line.strip())
    links = "".join(f'<li><a href="/tin/{i}">{html.escape(line)}</a></li>\n'
                    for i, line in enumerate(related.splitlines()) if line.strip())
    title = html.escape(body.strip().splitlines()[0][:80])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="https://portal.example.gov.vn/tin/{doc_id}">
<meta property="article:published_time" content="2020-11-23T08:00:00+07:00">
</head><body>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav>
<main><article><h1>{title}</h1>
{paras}</article>
<aside class="related"><h3>Tin liên quan</h3><ul>
{links}</ul></aside></main>
<footer><div class="counter">Lượt truy cập: 1234567 | Đang trực tuyến: 42</div>
<p>Bản quyền thuộc Sở Khoa học và Công nghệ</p></footer>
</body></html>"""


def write_seed_html(directory: Path) -> dict[str, str]:
    directory.mkdir(parents=True, exist_ok=True)
    pages = {}
    for doc_id, text in seed_texts().items():
        pages[doc_id] = seed_page(doc_id, text)
        (directory / f"{doc_id}.html").write_text(pages[doc_id], encoding="utf-8")
    return pages


def mixed_jsonl_lines() -> tuple[list[bytes], dict[int, str]]:
    """Good records (the seeds, twice) with bad lines mixed in; returns the lines and
    {line number: reason} of the bad ones."""
    texts = list(seed_texts().values())
    lines: list[bytes] = []
    bad: dict[int, str] = {}

    def add(line: bytes, reason: str | None = None) -> None:
        lines.append(line)
        if reason:
            bad[len(lines)] = reason

    for i, text in enumerate(texts * 2):
        add(json.dumps({"id": f"good-{i}", "text": text, "url": f"https://x.vn/{i}"},
                       ensure_ascii=False).encode())
        if i == 1:
            add(b'{"id": "broken", "text": "Ngh\xe1\xbb\x8b \xc4\x91\xe1\xbb\x8bnh', "malformed_json")
        if i == 3:
            add(json.dumps({"id": "no-text", "body": "x"}).encode(), "missing_text")
        if i == 4:
            add(b'{"id": "latin1", "text": "Ngh\xe9 \xf0\x28\x8c\x28"}', "decode_error")
        if i == 5:
            add(b"[1, 2, 3]", "malformed_json")
        if i == 6:
            add(json.dumps({"id": "empty", "text": "   "}).encode(), "empty_text")
        if i == 7:
            add(json.dumps({"id": "huge", "text": "a" * 300_000}).encode(), "too_large")
    return lines, bad


def write_jsonl(path: Path, lines: list[bytes], gz: bool = False) -> Path:
    data = b"\n".join(lines) + b"\n"
    if gz:
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def write_warc(path: Path, pages: dict[str, str]) -> Path:
    """A WARC with one HTML response per page plus records that are not documents:
    a request, a PNG response, a 404 page and a redirect."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        for doc_id, page in pages.items():
            url = f"https://portal.example.gov.vn/tin/{doc_id}"
            req = StatusAndHeaders("GET /tin/x HTTP/1.1", [("Host", "portal.example.gov.vn")],
                                   is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=req))
            response(url, "200 OK", "text/html; charset=utf-8", page.encode("utf-8"))
        response("https://portal.example.gov.vn/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://portal.example.gov.vn/missing", "404 Not Found", "text/html",
                 b"<html><body><p>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y</p></body></html>")
        response("https://portal.example.gov.vn/old", "301 Moved Permanently", "text/html", b"")
    return path
