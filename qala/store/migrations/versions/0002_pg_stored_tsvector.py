"""PostgreSQL: store the quotation text's tsvector (ranking no longer re-parses every matching row)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:55:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite's FTS5 table already stores its index
    op.execute(
        "ALTER TABLE quotations ADD COLUMN text_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', text_search)) STORED"
    )
    op.execute("DROP INDEX IF EXISTS ix_quotations_text_tsv")
    op.execute("CREATE INDEX ix_quotations_text_tsv ON quotations USING gin (text_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_quotations_text_tsv")
    op.execute("ALTER TABLE quotations DROP COLUMN text_tsv")
    op.execute("CREATE INDEX ix_quotations_text_tsv ON quotations USING gin (to_tsvector('simple', text_search))")
