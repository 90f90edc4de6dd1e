"""Alembic environment: run with the connection that `qala.store.db.upgrade` passes in."""

from __future__ import annotations

from alembic import context

from qala.store.db import include_in_autogenerate
from qala.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` run by a developer with sqlalchemy.url set in a config
        from qala.store.db import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True,
                          include_object=include_in_autogenerate)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_object=include_in_autogenerate)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("qala migrations run online only (qala opens the database and upgrades it)")
run_migrations_online()
