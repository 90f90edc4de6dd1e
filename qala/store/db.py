"""Opening the knowledge base: URL → engine, with the schema migrated to the latest revision.

SQLite (a file in the user's data directory) is the embedded default; PostgreSQL goes through the
same code with a `postgresql+psycopg://` URL. Migrations ship inside the package and are applied
with Alembic's API on open, so users never need an alembic.ini.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_FILENAME = "qala.sqlite"
# How long an SQLite writer waits for another one (e.g. a second `qala ingest`) before failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> Path:
    """`qala.sqlite` in the user's data directory (e.g. ~/.local/share/qala on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("qala", appauthor=False)) / DB_FILENAME


def default_db_url() -> str:
    return f"sqlite:///{default_db_path()}"


def normalize_url(url: str | None) -> str:
    """A database URL or a plain file path → an SQLAlchemy URL (PostgreSQL uses psycopg 3)."""
    if not url:
        return default_db_url()
    if "://" not in url:  # a path to an SQLite file
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _json_dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the API) do not block the writer (ingest)
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a batch is one fsync'd transaction
    cur.close()


def make_engine(url: str | None = None, **kwargs: object) -> Engine:
    """An engine for `url` (see `normalize_url`), without touching the schema."""
    sa_url = make_url(normalize_url(url))
    kwargs.setdefault("json_serializer", _json_dumps)  # readable Arabic in JSON columns
    if sa_url.get_backend_name() == "sqlite":
        database = sa_url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        else:  # one in-memory database shared by every connection of this engine
            kwargs.setdefault("poolclass", StaticPool)
        engine = create_engine(sa_url, **kwargs)  # type: ignore[arg-type]
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(sa_url, **kwargs)  # type: ignore[arg-type]


# Full-text objects made by hand in the migrations (schema.py, end): not in the ORM metadata.
SEARCH_OBJECTS = (
    "quotations_fts", "ix_quotations_text_tsv", "ix_quotations_speaker_tsv", "ix_entities_names_trgm", "text_tsv",
)


def include_in_autogenerate(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic `include_object` hook: leaves the hand-made full-text objects out of comparisons."""
    return not (name and name.startswith(SEARCH_OBJECTS))


def alembic_config():  # -> alembic.config.Config
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Applies the shipped migrations up to `revision` (idempotent; cheap when already there)."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        if is_sqlite(engine) and _behind(conn, cfg, revision):
            # pysqlite runs DDL outside any transaction: a crash mid-migration would leave half a schema
            # that no later run can migrate. IMMEDIATE: a concurrent opener waits, then finds it done.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _behind(conn: Connection, cfg: object, revision: str) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    target = ScriptDirectory.from_config(cfg).get_current_head() if revision == "head" else revision  # type: ignore[arg-type]
    return MigrationContext.configure(conn).get_current_revision() != target


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_db(url: str | None = None, migrate: bool = True, **kwargs: object) -> Engine:
    """The engine of the knowledge base at `url` (default: the user's SQLite file), migrated."""
    engine = make_engine(url, **kwargs)
    if migrate:
        upgrade(engine)
    return engine


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())


def describe_url(engine: Engine) -> str:
    """The URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)
