"""`qala eval quotes|ner|events`: each scorer registers its own command module."""

from __future__ import annotations

import typer

from qala.cli import eval_events, eval_ner, eval_quotes

app = typer.Typer(no_args_is_help=True)
eval_quotes.register(app)
eval_ner.register(app)
eval_events.register(app)
