"""Partitioning: ranges cover every line once, ids match the serial reader, the plan ignores workers."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from qala.ingest.readers import read_inputs
from qala.scale.plan import jsonl_ranges, plan_partitions, read_partition


def _ids(docs) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(d.id, d.text, tuple(e.code for e in d.errors)) for d in docs]


@pytest.mark.parametrize("size", [1, 50, 333, 10_000_000])
def test_jsonl_ranges_are_line_aligned_and_cover_the_file(tmp_path: Path, size: int) -> None:
    path = tmp_path / "x.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": "نص " * (i % 7 + 1)}, ensure_ascii=False) for i in range(40)]
    path.write_text("\n".join(lines[:20]) + "\n\n" + "\n".join(lines[20:]), encoding="utf-8")  # no final newline
    data = path.read_bytes()
    ranges = list(jsonl_ranges(path, size))
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    for (_, e1, _), (s2, _, _) in pairwise(ranges):
        assert e1 == s2 and data[s2 - 1 : s2] == b"\n"
    for start, _, first_line in ranges:
        assert data[:start].count(b"\n") + 1 == first_line


def test_partitions_read_the_same_documents_as_the_serial_reader(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "dir"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("قال المتحدث إن الاجتماع سيعقد غدا.", encoding="utf-8")
    (folder / "sub" / "a.txt").write_bytes("أعلنت الشركة عن أرباحها.".encode("cp1256"))
    (folder / "c.jsonl").write_bytes(corpus.read_bytes())
    (folder / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (folder / "sub" / "page.html").write_text(
        "<html><head><title>خبر</title></head><body><article><h1>افتتاح جسر جديد</h1>"
        "<p>افتتح محافظ المدينة صباح اليوم جسرا جديدا يربط الحي الشرقي بوسط البلد، وقال إن المشروع "
        "سيخفف الازدحام.</p></article></body></html>", encoding="utf-8")
    inputs = [str(folder), str(corpus), str(tmp_path / "missing.txt")]
    serial = _ids(read_inputs(inputs))
    plan = plan_partitions(inputs, partition_bytes=5_000)
    assert len(plan) > 10
    assert [p.index for p in plan] == list(range(len(plan)))
    distributed = _ids(d for p in plan for d in read_partition(p))
    assert distributed == serial
    assert ("english-1", "The council met on Monday to discuss the budget.", ()) in distributed
    bad_line = corpus.read_text(encoding="utf-8").splitlines().index("{this line is not json") + 1
    assert (f"{corpus}:{bad_line}", "", ("bad_input",)) in distributed  # the serial reader's default id
    assert serial[-1][2] == ("not_found",)


def test_plan_keys_are_stable_and_follow_the_input(tmp_path: Path, corpus: Path) -> None:
    first = plan_partitions([str(corpus)], 20_000)
    again = plan_partitions([str(corpus)], 20_000)
    assert [p.key for p in first] == [p.key for p in again]
    assert len({p.key for p in first}) == len(first)
    copy = tmp_path / "corpus.jsonl"
    copy.write_bytes(corpus.read_bytes() + b'{"id": "extra", "text": "\xd9\x86\xd8\xb5"}\n')
    changed = plan_partitions([str(copy)], 20_000)
    assert not {p.key for p in changed} & {p.key for p in first}  # an edited input is processed again


def test_standard_input_cannot_be_distributed() -> None:
    with pytest.raises(ValueError, match="standard input"):
        plan_partitions(["-"])
