"""Translation progress: one row per translation job, for the reader's progress bar and cancellation.

Revision ID: i12_translation_progress
Revises: i13_unique_articles
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i12_translation_progress"
down_revision = "i13_unique_articles"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "translation_progress",
        sa.Column(
            "job_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.ForeignKey("jobs.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("segments_json", sa.Text, nullable=False),
        sa.Column("warnings_json", sa.Text, nullable=False),
        sa.Column("started_at", TS, nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("watched_at", TS, nullable=True),
        sa.Column("pinned", sa.Boolean, nullable=False),
        sa.Column("cancel_requested", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("translation_progress")
