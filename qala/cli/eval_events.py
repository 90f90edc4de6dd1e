"""`qala eval events GOLD.jsonl [--json] [--errors]`: event precision/recall against gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from qala.errors import ExitCode, QalaError


def register(app: typer.Typer) -> None:
    @app.command("events")
    def events(
        gold: Annotated[Path, typer.Argument(help="gold JSON Lines: id, text, date, events[]", exists=True,
                                             dir_okay=False)],
        as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
        errors: Annotated[bool, typer.Option("--errors", help="also list missed and spurious events")] = False,
    ) -> None:
        """Score events (type + trigger/sentence), participants, places and dates against gold."""
        from qala.eval.events import evaluate_events

        console = Console()
        try:
            scores = evaluate_events(gold)
        except QalaError as exc:
            Console(stderr=True).print(f"[red]error[/red] {exc}")
            raise typer.Exit(ExitCode.USAGE) from exc
        out = scores.to_dict()
        if errors:
            out["errors"] = scores.errors
        if as_json:
            typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
            return
        table = Table(title=f"events: {out['documents']} documents")
        for col in ("", "tp", "fp", "fn", "precision", "recall", "f1"):
            table.add_column(col, justify="left" if not col else "right")
        for name, c in [("all events", out["events"]), ("participants", out["participants"]),
                        *[(f"  {t}", c) for t, c in out["by_type"].items()]]:
            table.add_row(name, str(c["tp"]), str(c["fp"]), str(c["fn"]),
                          f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}")
        console.print(table)
        for what in ("place", "date"):
            acc = out[f"{what}_accuracy"]
            console.print(f"{what} accuracy: {'-' if acc is None else f'{acc:.3f}'} (n={out[f'{what}_n']})")
        for e in out.get("errors", []):
            console.print(json.dumps(e, ensure_ascii=False), highlight=False)
