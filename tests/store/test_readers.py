"""HTML, RSS/Atom and WARC readers: registered for `qala extract`/`ingest`; bad files → error Documents."""

from __future__ import annotations

import io
from pathlib import Path

from qala.ingest.readers import EXTRA_READERS, read_inputs

PARAGRAPHS = [
    "أعلنت بلدية المدينة الساحلية اليوم عن افتتاح حديقة عامة جديدة على شاطئ البحر بعد عامين من العمل.",
    "وقال رئيس البلدية مراد الخطيب إن \"الحديقة ستكون مفتوحة للجميع مجانا طوال أيام الأسبوع\".",
    "وأضاف أن المشروع شمل زراعة ثلاثة آلاف شجرة وإنشاء ممرات للدراجات الهوائية وملاعب للأطفال.",
]


def page(title: str = "افتتاح حديقة عامة جديدة", date: str = "2023-09-14") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="جريدة الساحل">'
        f'<meta property="article:published_time" content="{date}T08:00:00+00:00"></head>'
        f"<body><nav><a href='/'>الرئيسية</a> | <a href='/sport'>رياضة</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def test_readers_are_registered():
    for suffix in (".html", ".htm", ".rss", ".atom", ".xml", ".warc", ".gz"):
        assert suffix in EXTRA_READERS


def test_html_page(tmp_path: Path):
    f = tmp_path / "park.html"
    f.write_text(page(), encoding="utf-8")
    [doc] = list(read_inputs([str(f)]))
    assert doc.ok
    assert doc.title == "افتتاح حديقة عامة جديدة" and doc.date == "2023-09-14"
    assert doc.source == "جريدة الساحل"
    assert doc.text.startswith(doc.title) and PARAGRAPHS[1] in doc.text
    assert "جميع الحقوق محفوظة" not in doc.text  # boilerplate removed


def test_broken_and_empty_html_are_error_documents(tmp_path: Path):
    (tmp_path / "a.html").write_bytes(b"<html><body><div><p></div>")
    (tmp_path / "b.htm").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "c.html").write_bytes(b"")
    docs = list(read_inputs([str(tmp_path)]))
    assert len(docs) == 3 and all(d.errors for d in docs)
    assert {d.errors[0].code for d in docs} <= {"empty", "bad_input", "undecodable"}


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>نشرة الساحل</title><link>https://example.org</link>
<item><title>افتتاح حديقة</title><link>https://example.org/a1</link><guid>a1</guid>
<pubDate>Thu, 14 Sep 2023 08:00:00 GMT</pubDate><description>&lt;p&gt;{p0}&lt;/p&gt;&lt;p&gt;{p1}&lt;/p&gt;</description></item>
<item><title>خبر بلا نص</title><link>https://example.org/a2</link><guid>a2</guid><description></description></item>
</channel></rss>"""


def test_rss_feed_entries(tmp_path: Path):
    f = tmp_path / "news.rss"
    f.write_text(RSS.format(p0=PARAGRAPHS[0], p1=PARAGRAPHS[1]), encoding="utf-8")
    docs = list(read_inputs([str(f)]))
    assert [d.id for d in docs] == ["a1", "a2"]
    first = docs[0]
    assert first.ok and first.source == "نشرة الساحل" and first.date == "2023-09-14"
    assert first.url == "https://example.org/a1"
    assert first.text.splitlines() == ["افتتاح حديقة", PARAGRAPHS[0], PARAGRAPHS[1]]
    assert docs[1].errors[0].code == "empty"


def test_not_a_feed(tmp_path: Path):
    f = tmp_path / "config.xml"
    f.write_text("<config><a>1</a></config>", encoding="utf-8")
    [doc] = list(read_inputs([str(f)]))
    assert doc.errors[0].code == "bad_input"


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, ctype, body in (
            ("https://example.org/park", "text/html; charset=utf-8", page().encode()),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
            ("https://example.org/park2", "text/html; charset=utf-8", page(title="حديقة ثانية").encode()),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def test_warc_pages(tmp_path: Path):
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        f = tmp_path / name
        _warc(f, gz)
        docs = list(read_inputs([str(f)]))
        assert [d.id for d in docs] == ["https://example.org/park", "https://example.org/park2"], name
        assert all(d.ok for d in docs) and docs[1].title == "حديقة ثانية"


def test_truncated_warc_keeps_pages_read_and_reports(tmp_path: Path):
    f = tmp_path / "cut.warc.gz"
    _warc(f, True)
    data = f.read_bytes()
    f.write_bytes(data[: int(len(data) * 0.8)])
    docs = list(read_inputs([str(f)]))
    assert docs[-1].errors and docs[-1].errors[0].code == "bad_input"
    assert any(d.ok for d in docs[:-1])


def test_broken_gz_is_an_error_document(tmp_path: Path):
    f = tmp_path / "notes.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00garbage")
    [doc] = list(read_inputs([str(f)]))
    assert doc.errors and not doc.text
