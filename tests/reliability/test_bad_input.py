"""Bad input through the real `qala extract` command: each bad document gets a clear stderr line and
an error record of its own, every other document is processed, and the exit code is the README's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLE, ARTICLE_2, ENGLISH, jsonl, run_qala

from qala.errors import ExitCode
from qala.ingest.readers import read_inputs

FIVE_MB = 5 * 1024 * 1024


def _record(docs: list[dict], doc_id: str) -> dict:
    matches = [d for d in docs if d["id"] == doc_id]
    assert len(matches) == 1, f"expected one record for {doc_id}, got {len(matches)}"
    return matches[0]


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    """One file per kind of bad input, plus good files in every supported encoding."""
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = tmp_path / name
        files[name].write_bytes(data)

    put("good.txt", ARTICLE.encode("utf-8"))
    put("empty.txt", b"")
    put("blank.txt", b" \n\t\n")
    put("binary.bin", bytes(range(256)) * 64)
    put("cp1256.txt", ARTICLE.encode("cp1256"))
    put("utf16-bom.txt", ARTICLE.encode("utf-16"))
    put("utf16le-nobom.txt", ARTICLE.encode("utf-16-le"))
    put("utf16be-nobom.txt", ARTICLE.encode("utf-16-be"))
    line = ARTICLE.replace("\n", " ").encode("utf-8")
    put("one-line-5mb.txt", (line * (FIVE_MB // len(line) + 1))[:FIVE_MB].rsplit(b" ", 1)[0])
    put("english.txt", ENGLISH.encode("utf-8"))
    good = json.dumps({"id": "jl-good-1", "text": ARTICLE}, ensure_ascii=False)
    good2 = json.dumps({"id": "jl-good-2", "text": ARTICLE_2}, ensure_ascii=False)
    put("feed.jsonl", f'{good}\n{{"id": "jl-broken", "text": "لم يكتمل\n{good2}\n'.encode())
    return files


def test_every_bad_file_is_reported_alone_and_the_rest_of_the_batch_is_processed(batch, tmp_path):
    errors_file = tmp_path / "errors.jsonl"
    out_file = tmp_path / "out.jsonl"
    missing = str(tmp_path / "no-such-file.txt")
    args = [str(p) for p in batch.values()]
    proc = run_qala("extract", *args, missing, "-o", str(out_file), "--errors", str(errors_file))

    assert proc.returncode == ExitCode.PARTIAL, proc.stderr
    docs = jsonl(out_file.read_text(encoding="utf-8"))
    # one record per document: 10 files + 3 JSON Lines records (one broken) + the missing path
    assert len(docs) == len(batch) - 1 + 3 + 1

    expected_errors = {
        str(batch["empty.txt"]): "empty",
        str(batch["blank.txt"]): "empty",
        str(batch["binary.bin"]): "undecodable",
        str(batch["one-line-5mb.txt"]): "too_large",
        str(batch["english.txt"]): "not_arabic",
        f"{batch['feed.jsonl']}:2": "bad_input",
        missing: "not_found",
    }
    for doc_id, code in expected_errors.items():
        rec = _record(docs, doc_id)
        assert [e["code"] for e in rec["errors"]] == [code]
        assert rec["errors"][0]["message"]
        # the stderr line names the document and the reason, on one line
        lines = [ln for ln in proc.stderr.splitlines() if doc_id in ln]
        assert len(lines) == 1 and code in lines[0], proc.stderr

    good_ids = [str(batch[n]) for n in ("good.txt", "cp1256.txt", "utf16-bom.txt", "utf16le-nobom.txt", "utf16be-nobom.txt")]
    for doc_id in [*good_ids, "jl-good-1", "jl-good-2"]:
        rec = _record(docs, doc_id)
        assert "errors" not in rec, rec.get("errors")
        assert rec["language"] == "ar"

    # the same documents decoded from every encoding give the same extraction
    base = _record(docs, str(batch["good.txt"]))
    for doc_id in good_ids[1:]:
        rec = _record(docs, doc_id)
        assert {k: rec[k] for k in ("entities", "quotes", "events", "times", "figures")} == {
            k: base[k] for k in ("entities", "quotes", "events", "times", "figures")
        }

    err_records = jsonl(errors_file.read_text(encoding="utf-8"))
    assert {r["id"]: r["errors"][0]["code"] for r in err_records} == expected_errors
    assert f"{len(docs) - len(expected_errors)} of {len(docs)} documents processed" in proc.stderr


def test_readers_decode_each_encoding_to_the_same_text(batch):
    names = ["good.txt", "cp1256.txt", "utf16-bom.txt", "utf16le-nobom.txt", "utf16be-nobom.txt"]
    docs = list(read_inputs([str(batch[n]) for n in names]))
    assert [d.text for d in docs] == [ARTICLE] * len(names)
    assert [d.encoding for d in docs] == ["utf-8", "cp1256", "utf-16", "utf-16-le", "utf-16-be"]


def test_a_long_single_line_without_breaks_is_processed(tmp_path):
    """A feed that lost its line breaks: one 100 KB line of sentences is read and processed whole
    (the 5 MB one above is over the default --max-chars and reported `too_large`)."""
    line = ARTICLE.replace("\n", " ")
    path = tmp_path / "one-line.txt"
    path.write_text(line * (100_000 // len(line.encode("utf-8")) + 1), encoding="utf-8")
    out = tmp_path / "big.jsonl"
    proc = run_qala("extract", str(path), "-o", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr
    (rec,) = jsonl(out.read_text(encoding="utf-8"))
    assert "errors" not in rec and rec["language"] == "ar"
    assert len(rec["quotes"]) >= 50  # every repeated sentence is still read


def test_all_good_input_exits_zero_and_writes_to_stdout(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run_qala("extract", str(path))
    assert proc.returncode == ExitCode.OK, proc.stderr
    (rec,) = jsonl(proc.stdout)
    assert rec["id"] == str(path) and "errors" not in rec
    assert proc.stderr == ""


def test_malformed_json_lines_of_every_kind_fail_alone_on_standard_input():
    good = json.dumps({"id": "ok-1", "text": ARTICLE}, ensure_ascii=False)
    good2 = json.dumps({"id": "ok-2", "text": ARTICLE_2, "date": "2023-03-01"}, ensure_ascii=False)
    bad_lines = [
        '{"id": "cut", "text": "نص',  # truncated
        "[1, 2, 3]",  # not an object
        '{"id": "no-text"}',  # no text
        '{"id": "num-text", "text": 42}',  # text is not a string
        "{'id': 'single-quotes'}",  # not JSON
        '{"id": "trailing", "text": "x"} garbage',
    ]
    lines = [good, *bad_lines, good2]
    data = "\n".join(lines).encode("utf-8") + b"\n" + "\n".join([good]).replace("ok-1", "ok-3").encode("cp1256")
    proc = run_qala("extract", "-", stdin=data + b"\n")
    assert proc.returncode == ExitCode.PARTIAL, proc.stderr
    docs = jsonl(proc.stdout)
    assert len(docs) == len(lines) + 1
    ok = [d for d in docs if "errors" not in d]
    assert [d["id"] for d in ok] == ["ok-1", "ok-2", "ok-3"]  # a cp1256 line among UTF-8 ones is decoded too
    bad = [d for d in docs if "errors" in d]
    assert len(bad) == len(bad_lines)
    assert all(d["errors"][0]["code"] == "bad_input" for d in bad)
    assert len([ln for ln in proc.stderr.splitlines() if "bad_input" in ln]) == len(bad_lines)


def test_plain_text_on_standard_input():
    proc = run_qala("extract", "-", stdin=ARTICLE_2.encode("utf-16"))
    assert proc.returncode == ExitCode.OK, proc.stderr
    (rec,) = jsonl(proc.stdout)
    assert rec["id"] == "<stdin>" and rec["language"] == "ar"


def test_rich_markup_in_ids_and_messages_is_printed_literally():
    """A document id like `[/red]` once crashed the error printer (Rich markup) and lost the batch."""
    data = (
        '{"id": "[/red]", "text": 5}\n'
        '{"id": "[bold]x[/bold]", "text": ""}\n' + json.dumps({"id": "fine", "text": ARTICLE}, ensure_ascii=False) + "\n"
    )
    proc = run_qala("extract", "-", stdin=data.encode("utf-8"))
    assert proc.returncode == ExitCode.PARTIAL, proc.stderr
    assert [d["id"] for d in jsonl(proc.stdout)] == ["[/red]", "[bold]x[/bold]", "fine"]
    assert "[/red]" in proc.stderr and "[bold]x[/bold]" in proc.stderr


def test_lone_surrogates_are_replaced_and_the_output_stays_utf8(tmp_path):
    """Policy: JSON `\\ud800` escapes decode to lone surrogates that no UTF-8 writer accepts; readers
    replace each with U+FFFD (one for one, so offsets keep their meaning)."""
    text = "قال المتحدث باسم الشركة «الأرباح \\ud800 ارتفعت» وأضاف أن الطلب قوي."
    src = tmp_path / "s.jsonl"
    src.write_text(
        '{"id": "s\\udc80", "title": "عنوان \\udfff", "text": "' + text + '"}\n'
        + json.dumps({"id": "after", "text": ARTICLE}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    proc = run_qala("extract", str(src), "-o", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr
    docs = jsonl(out.read_bytes().decode("utf-8"))  # strict: would fail on an encoded surrogate
    assert [d["id"] for d in docs] == ["s\ufffd", "after"]
    assert docs[0]["title"] == "عنوان \ufffd"
    doc = next(read_inputs([str(src)]))
    assert doc.text == json.loads('"' + text + '"').replace("\ud800", "\ufffd")
    assert len(doc.text) == len(json.loads('"' + text + '"'))


def test_json_output_of_the_python_api_with_a_lone_surrogate_is_still_valid(tmp_path):
    """Text given to the CLI writer from the library (not via a reader) keeps the surrogate as a JSON escape."""
    from qala.cli.extract import json_line

    line = json_line({"text": "قال \ud800"})
    line.encode("utf-8")
    assert json.loads(line) == {"text": "قال \ud800"}


def test_unwritable_output_is_fatal_with_a_clear_message(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    proc = run_qala("extract", str(src), "-o", str(tmp_path / "no-dir" / "out.jsonl"))
    assert proc.returncode == ExitCode.FATAL
    assert "no-dir" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["extract", "--no-such-option", "x"], ["extract"]])
def test_usage_errors_exit_2(args):
    proc = run_qala(*args)
    assert proc.returncode == ExitCode.USAGE


def test_a_directory_with_bad_files_is_processed_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE_2, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "c.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_qala("extract", str(tmp_path))
    assert proc.returncode == ExitCode.PARTIAL
    docs = jsonl(proc.stdout)
    assert [Path(d["id"]).name for d in docs] == ["a.txt", "c.txt", "b.txt"]
    assert [("errors" in d) for d in docs] == [True, False, False]
