"""Bad files in a batch: truncated gzip and WARC, gzip bombs, HTML nesting bombs, XML entity bombs,
50 MB documents. Each is reported in the --errors file with a reason; every good document around it
is processed; the exit code is 1 (some documents reported)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from conftest import ARTICLE, ARTICLE_2, jsonl, run_qala

from qala.errors import ExitCode
from qala.ingest import compressed
from qala.ingest.readers import read_inputs

HTML_PAGE = (
    "<html><head><meta charset='utf-8'><title>محادثات في الزرقاء</title></head><body>"
    "<nav>الرئيسية | أخبار</nav><article><h1>محادثات في الزرقاء</h1><p>{}</p><p>{}</p></article></body></html>"
)


def _warc(path: Path, pages: list[tuple[str, str]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers))


def _run_batch(tmp_path: Path, *paths: Path, timeout: float = 300) -> tuple[list[dict], dict[str, str], str]:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "out.jsonl"
    proc = run_qala("extract", str(good), *map(str, paths), "-o", str(out), "--errors", str(errors), timeout=timeout)
    assert proc.returncode == ExitCode.PARTIAL, proc.stderr
    docs = jsonl(out.read_text(encoding="utf-8"))
    assert docs[0]["id"] == str(good) and "errors" not in docs[0]  # the good document next to them is processed
    reasons = {r["id"]: f"{r['errors'][0]['code']}: {r['errors'][0]['message']}" for r in jsonl(errors.read_text(encoding="utf-8"))}
    return docs, reasons, proc.stderr


def test_compressed_inputs_are_read_as_the_file_inside(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode("cp1256")))
    lines = [json.dumps({"id": f"gz-{i}", "text": t}, ensure_ascii=False) for i, t in enumerate([ARTICLE, ARTICLE_2])]
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(HTML_PAGE.format(ARTICLE, ARTICLE_2).encode()))
    docs = list(read_inputs([str(tmp_path / n) for n in ("a.txt.gz", "b.jsonl.gz", "c.html.gz")]))
    assert [d.errors for d in docs] == [[], [], [], []]
    assert docs[0].text == ARTICLE and docs[0].encoding == "cp1256"
    assert [d.id for d in docs[1:3]] == ["gz-0", "gz-1"]
    assert "الهاشمي" in docs[3].text


def test_truncated_and_corrupt_compressed_files_are_reported_and_the_rest_processed(tmp_path):
    lines = [json.dumps({"id": f"rec-{i}", "text": ARTICLE_2 + f" العدد {i}."}, ensure_ascii=False) for i in range(40)]
    packed = gzip.compress("\n".join(lines).encode())
    cut_jsonl = tmp_path / "cut.jsonl.gz"
    cut_jsonl.write_bytes(packed[: len(packed) * 2 // 3])
    cut_txt = tmp_path / "cut.txt.gz"
    cut_txt.write_bytes(gzip.compress(ARTICLE.encode())[:-20])
    garbage = tmp_path / "garbage.txt.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    pages = [("https://example.org/1", HTML_PAGE.format(ARTICLE, ARTICLE_2)), ("https://example.org/2", HTML_PAGE.format(ARTICLE_2, ARTICLE))]
    for name, gz in (("cut.warc.gz", True), ("cut.warc", False)):
        _warc(tmp_path / name, pages, gz)
        data = (tmp_path / name).read_bytes()
        (tmp_path / name).write_bytes(data[: len(data) - 150])

    docs, reasons, stderr = _run_batch(tmp_path, cut_jsonl, cut_txt, garbage, tmp_path / "cut.warc.gz", tmp_path / "cut.warc")
    read_before_cut = [d for d in docs if d["id"].startswith("rec-")]
    assert 5 <= len(read_before_cut) < 40 and all("errors" not in d for d in read_before_cut[:-1])
    for path in (cut_jsonl, cut_txt, garbage):
        assert "truncated or corrupt gzip" in reasons[str(path)], reasons
    for name in ("cut.warc.gz", "cut.warc"):
        assert "truncated" in reasons[str(tmp_path / name)], reasons
    first_pages = [d for d in docs if d["id"] == "https://example.org/1"]
    assert len(first_pages) == 2 and all("errors" not in d for d in first_pages)  # the page before the cut, from each
    assert all(str(p) in stderr for p in (cut_jsonl, cut_txt, garbage))


def test_a_gzip_bomb_stops_at_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(compressed, "MAX_DECOMPRESSED_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"\xd9\x82" * 5_000_000))  # 10 MB of one Arabic letter, ~10 KB packed
    lines_bomb = tmp_path / "bomb.jsonl.gz"
    lines_bomb.write_bytes(gzip.compress(b'{"text": "x"}\n' * 500_000))
    docs = list(read_inputs([str(bomb), str(lines_bomb)]))
    assert docs[0].errors[0].code == "too_large"
    assert docs[-1].errors[0].code == "too_large" and len(docs) < 500_000


def test_markup_bombs_are_bounded(tmp_path):
    """Deeply nested HTML and an XML entity-expansion feed: an answer in bounded time, no crash."""
    nested = tmp_path / "nested.html"
    nested.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{ARTICLE}</p>" + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text("<html><body>" + "<b><i><span>" * 50_000 + ARTICLE, encoding="utf-8")
    laughs = tmp_path / "laughs.rss"
    entities = '<!ENTITY l0 "ها">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    laughs.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
                      f"<item><title>&l9;</title><description>&l9;</description></item></channel></rss>", encoding="utf-8")
    docs, _, _ = _run_batch(tmp_path, nested, unclosed, laughs, timeout=240)
    by_id = {d["id"]: d for d in docs}
    for path in (nested, unclosed):  # either the article is found or the page is reported: never a crash
        rec = by_id.get(str(path))
        assert rec is not None, sorted(by_id)
        assert "errors" not in rec or rec["errors"][0]["code"] in ("empty", "bad_input"), rec["errors"]
    expanded = [d for d in docs if d["id"] not in (str(nested), str(unclosed)) and d["id"] != docs[0]["id"]]
    assert len(expanded) == 1  # the feed is one record: processed (entities not expanded) or reported
    assert len(json.dumps(expanded[0], ensure_ascii=False)) < 1_000_000


@pytest.mark.slow
def test_fifty_megabyte_documents_are_reported_too_large(tmp_path):
    big_text = tmp_path / "big.txt"
    unit = (ARTICLE.replace("\n", " ") * 50).encode()
    with big_text.open("wb") as fh:
        for _ in range(50_000_000 // len(unit) + 1):
            fh.write(unit)
    big_line = tmp_path / "big.jsonl"
    with big_line.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "huge", "text": "ن" * 26_000_000}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "after-huge", "text": ARTICLE_2}, ensure_ascii=False) + "\n")
    docs, reasons, _ = _run_batch(tmp_path, big_text, big_line)
    assert reasons[str(big_text)].startswith("too_large") and reasons["huge"].startswith("too_large")
    assert [d["id"] for d in docs][-1] == "after-huge" and "errors" not in docs[-1]
