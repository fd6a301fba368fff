"""Job queues and leases: several worker processes on one database.

jobs.queue (analysis | translation) gives each kind its own workers; jobs.claimed_by and
jobs.lease_expires_at let a worker hold a job only while it keeps renewing the lease, so a killed
worker's job is claimed again when the lease runs out and a restart never re-queues jobs that another
live process is running.

Revision ID: i14_jobs_leases
Revises: i14_pg_types
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i14_jobs_leases"
down_revision = "i14_pg_types"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("queue", sa.String(32), nullable=False, server_default="analysis"))
        batch.add_column(sa.Column("claimed_by", sa.String(128), nullable=True))
        batch.add_column(sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE jobs SET queue = 'translation' WHERE kind = 'translate'")
    op.drop_index("ix_jobs_state_id", table_name="jobs")
    op.create_index("ix_jobs_queue_state_id", "jobs", ["queue", "state", "id"])


def downgrade() -> None:
    op.drop_index("ix_jobs_queue_state_id", table_name="jobs")
    op.create_index("ix_jobs_state_id", "jobs", ["state", "id"])
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("lease_expires_at")
        batch.drop_column("claimed_by")
        batch.drop_column("queue")
