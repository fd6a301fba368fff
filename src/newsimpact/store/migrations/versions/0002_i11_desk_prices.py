"""The newsroom desk and prices: pick edits, an audit log, the article no-tracker flag, daily closes.

Revision ID: i11_desk_prices
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i11_desk_prices"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("no_tracker", sa.Boolean, nullable=False, server_default=sa.false()))

    op.create_table(
        "pick_edits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ticker", sa.String(16), nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column("direction", sa.String(16), nullable=True),
        sa.Column("rationale_ko", sa.Text, nullable=True),
        sa.Column("rationale_en", sa.Text, nullable=True),
        sa.Column("editor", sa.String(100), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("article_id", "ticker", name="uq_pick_edits_article_ticker"),
    )
    op.create_index("ix_pick_edits_article_id", "pick_edits", ["article_id"])

    op.create_table(
        "edit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ticker", sa.String(16), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail_json", sa.Text, nullable=False),
        sa.Column("editor", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_edit_log_article_id", "edit_log", ["article_id"])

    op.create_table(
        "prices",
        sa.Column("ticker", sa.String(16), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("close", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("prices")
    op.drop_table("edit_log")
    op.drop_table("pick_edits")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("no_tracker")
