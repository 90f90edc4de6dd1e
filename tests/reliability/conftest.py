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


# Pieces of fictional articles: every combination makes a different document (ingest and crash tests).
_SPEAKERS = [
    ("وزير المالية", "عادل الفارس"), ("رئيسة البرلمان", "منى القاسم"), ("المتحدث باسم الجيش", "العقيد رامي الحسن"),
    ("وزير الزراعة", "خليل الراشد"), ("محافظ البنك المركزي", "سلمى العلي"), ("رئيس الوزراء", "طارق المصري"),
]
_PLACES = ["مدينة الزرقاء", "الواحة", "بلدة النخيل", "العاصمة", "ميناء الرمال"]
_TOPICS = ["أسعار القمح", "مشروع الطريق الساحلي", "الموازنة العامة", "قطاع السياحة", "شبكة الكهرباء", "التعليم"]


def corpus_records(n: int) -> list[dict]:
    """`n` distinct fictional articles (with ids, dates and sources) for ingestion tests."""
    out = []
    for i in range(n):
        title, name = _SPEAKERS[i % len(_SPEAKERS)]
        place = _PLACES[(i // 2) % len(_PLACES)]
        topic = _TOPICS[(i // 3) % len(_TOPICS)]
        text = (
            f"قال {title} {name} خلال زيارته {place} يوم الأحد إن {topic} سيشهد تحسنا بنسبة {5 + i}% هذا العام. "
            f"وأضاف {name.split()[-1]}: «لن نتراجع عن خططنا مهما كانت الصعوبات في {topic}». "
            f"والتقى {name} بممثلين عن سكان {place} لبحث المطالب المتعلقة بـ{topic}، وفق بيان رسمي صدر مساء اليوم رقم {100 + i}."
        )
        out.append({"id": f"art-{i:03d}", "text": text, "date": f"2024-0{1 + i % 9}-{10 + i % 18}",
                    "source": ["الوكالة الوطنية", "صحيفة الفجر", "موقع المرصد"][i % 3], "title": f"{name} في {place}"})
    return out


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


@pytest.fixture(scope="session")
def api_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base built by the real `qala ingest`: fictional articles plus messy records."""
    tmp = tmp_path_factory.mktemp("api-kb")
    recs = corpus_records(12) + [
        {"id": "with-marks", "text": ARTICLE, "source": "مصدر <script>alert(1)</script>", "date": "2024-02-30"},
        {"id": "mixed\u202escripts", "text": ARTICLE_2 + " Reuters ООН 北京 \u200f«\u200d»", "title": "عنوان \u0640\u0640"},
        {"id": "empty", "text": ""},
    ]
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    db = tmp / "kb.sqlite"
    proc = run_qala("ingest", str(corpus), "--db", str(db))
    assert proc.returncode in (0, 1), proc.stderr
    return db
