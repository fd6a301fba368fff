"""Indexes for the read paths: the newest-articles list and the data version behind ETags.

Revision ID: i14_read_indexes
Revises: i14_jobs_leases
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "i14_read_indexes"
down_revision = "i14_jobs_leases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_updated_at_id", "articles", ["updated_at", "id"])
    op.create_index("ix_jobs_updated_at", "jobs", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_updated_at", table_name="jobs")
    op.drop_index("ix_articles_updated_at_id", table_name="articles")
