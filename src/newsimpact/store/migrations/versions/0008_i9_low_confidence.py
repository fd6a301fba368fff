"""Low-confidence picks: the picks table keeps the tracker's flag, so ticker pages, front-page chips and
related articles can count firm picks only.

Revision ID: i9_low_confidence
Revises: i12_translation_progress
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i9_low_confidence"
down_revision = "i12_translation_progress"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows stored before the flag existed were shown as firm picks; they stay firm until re-analysed.
    op.add_column("picks", sa.Column("low_confidence", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # batch: SQLite before 3.35 cannot drop a column in place (picks has no child table to lose)
    with op.batch_alter_table("picks") as batch:
        batch.drop_column("low_confidence")
