"""`qala eval quotes GOLD.jsonl [--json] [--errors]`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from qala.errors import ExitCode, QalaError

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command("quotes")
    def eval_quotes(
        gold: Annotated[Path, typer.Argument(help="Gold JSON Lines: one article per line with text, date, quotes.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
        errors: Annotated[bool, typer.Option("--errors", help="Also list misses, false alarms and wrong speakers.")] = False,
    ) -> None:
        """Quotation P/R/F1, speaker accuracy, end-to-end P/R/F1 (and with the exact name) and recall by type."""
        from qala.eval.quotes import evaluate_quotes

        if not gold.exists():
            err_console.print(f"[red]error:[/] {escape(str(gold))} does not exist")
            raise typer.Exit(ExitCode.USAGE)
        try:
            scores = evaluate_quotes(gold)
        except QalaError as exc:
            err_console.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(ExitCode.USAGE) from None
        if as_json:
            print(json.dumps(scores.to_dict(with_errors=errors), ensure_ascii=False, indent=2))
            return
        if errors:
            _print_errors(scores)
        d = scores.to_dict()
        table = Table(title=f"Quotations on {escape(str(gold))} ({scores.documents} articles, {scores.gold} gold, {scores.predicted} predicted)")
        for col in ("measure", "precision", "recall", "F1"):
            table.add_column(col, justify="left" if col == "measure" else "right")
        q, e = d["quote"], d["end_to_end"]
        table.add_row("quotations (Dice ≥ 0.5)", f"{q['precision']:.3f}", f"{q['recall']:.3f}", f"{q['f1']:.3f}")
        table.add_row("end to end (+ right speaker)", f"{e['precision']:.3f}", f"{e['recall']:.3f}", f"{e['f1']:.3f}")
        x = d["end_to_end_exact"]
        table.add_row("end to end, exact name", f"{x['precision']:.3f}", f"{x['recall']:.3f}", f"{x['f1']:.3f}")
        table.add_row("speaker accuracy (matched)", "", "", f"{d['speaker_accuracy']:.3f}")
        for t, r in d["recall_by_type"].items():
            table.add_row(f"recall: {t} ({d['gold_by_type'][t]})", "", f"{r:.3f}", "")
        console.print(table)
        if scores.failed_docs:
            err_console.print(f"[yellow]{len(scores.failed_docs)} documents failed in the pipeline:[/] {', '.join(scores.failed_docs)}")


def _print_errors(scores) -> None:
    for e in scores.errors:
        for m in e.missed:
            console.print(f"[red]MISS[/] {escape(e.id)} [{m['type']}] cue={escape(str(m['cue']))} gold={escape(str(m['gold_speaker']))}: {escape(m['text'][:160])}", highlight=False)
        for f in e.false_alarms:
            console.print(f"[yellow]FALSE[/] {escape(e.id)} [{f['type']}] cue={escape(str(f['cue']))} pred={escape(str(f['predicted_speaker']))}: {escape(f['text'][:160])}", highlight=False)
        for w in e.wrong_speaker:
            console.print(f"[magenta]SPEAKER[/] {escape(e.id)} cue={escape(str(w['cue']))} pred={escape(str(w['predicted_speaker']))} gold={escape(str(w['gold_speaker']))}: {escape(w['text'][:100])}", highlight=False)
        for w in e.long_speaker:
            console.print(f"[cyan]LONGNAME[/] {escape(e.id)} cue={escape(str(w['cue']))} pred={escape(str(w['predicted_speaker']))} gold={escape(str(w['gold_speaker']))}: {escape(w['text'][:100])}", highlight=False)
