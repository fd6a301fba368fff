"""Read paths: an index for the newest-articles list, and what the data version behind ETags reads
(an index on jobs.updated_at; data_marks, a counter per kind of change that leaves no newer row behind,
such as a price import overwriting closes).

Revision ID: i14_read_indexes
Revises: i14_jobs_leases
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i14_read_indexes"
down_revision = "i14_jobs_leases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_updated_at_id", "articles", ["updated_at", "id"])
    op.create_index("ix_jobs_updated_at", "jobs", ["updated_at"])
    op.create_table(
        "data_marks",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("counter", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("data_marks")
    op.drop_index("ix_jobs_updated_at", table_name="jobs")
    op.drop_index("ix_articles_updated_at_id", table_name="articles")
