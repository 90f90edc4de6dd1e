"""`qala serve`: the HTTP API and the web UI over a knowledge base (thin: parse, build the app, run uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from qala.errors import ExitCode

err_console = Console(stderr=True)


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        db: Annotated[
            str | None,
            typer.Option("--db", help="Database URL (sqlite:///file, postgresql+psycopg://user@host/db) or an SQLite "
                         "file path. Default: qala.sqlite in the user's data directory.", envvar="QALA_DB"),
        ] = None,
        host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
        writable: Annotated[bool, typer.Option("--writable", help="Open the database read-write and migrate it "
                                               "(by default the server cannot change it).")] = False,
        cors_origin: Annotated[list[str] | None, typer.Option("--cors-origin", help="Allow browser calls to the API "
                                                              "from this origin (repeatable; default: none).")] = None,
        log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
    ) -> None:
        """Serve the JSON API (/api, documented at /docs) and the Arabic web UI (/).

        Example: qala serve --db kb.sqlite --port 8000, then open http://127.0.0.1:8000/
        """
        import uvicorn

        from qala.api.app import create_app
        from qala.api.settings import Settings

        settings = Settings(db_url=db, read_only=not writable, cors_origins=tuple(cors_origin or ()))
        try:
            web_app = create_app(settings)
        except Exception as exc:  # a missing file, a wrong URL, an unreachable server: say so, no traceback
            err_console.print(f"[red]error[/red] cannot serve the knowledge base {db or '(default)'}: {exc}")
            raise typer.Exit(int(ExitCode.FATAL)) from None
        err_console.print(f"qala: serving {'read-only ' if settings.read_only else ''}at http://{host}:{port}/ "
                          f"(API docs: http://{host}:{port}/docs)")
        uvicorn.run(web_app, host=host, port=port, log_level=log_level, server_header=False)
