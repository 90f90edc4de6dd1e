"""Helpers for the reliability tests: the real `qala` entry point, and Arabic text written for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Fictional sentences written for these tests (names, places and figures are made up).
ARTICLE = (
    "قال وزير الخارجية سامي الهاشمي إن المحادثات مع الوفد الزائر كانت «صريحة ومثمرة». "
    "وأضاف الهاشمي في مؤتمر صحفي بمدينة الزرقاء يوم الثلاثاء أن الجانبين اتفقا على زيادة التبادل التجاري بنسبة 12%. "
    "من جهتها، أكدت وزيرة الاقتصاد ليلى النعيمي أن الاتفاق سيدخل حيز التنفيذ الشهر المقبل.\n"
)
ARTICLE_2 = (
    "أعلن رئيس بلدية الواحة كريم العطار أن المشروع الجديد سيوفر 300 فرصة عمل. "
    "وقال العطار: «نريد أن نرى النتائج قبل نهاية العام»."
)
ENGLISH = "The minister said on Tuesday that the talks with the visiting delegation were frank and fruitful. " * 3


def qala_command() -> list[str]:
    """The installed console script next to this interpreter (what a user runs), else the same entry point."""
    script = Path(sys.executable).with_name("qala")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from qala.cli import main; main()"]


def run_qala(*args: str, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [*qala_command(), *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def qala_run():
    return run_qala
