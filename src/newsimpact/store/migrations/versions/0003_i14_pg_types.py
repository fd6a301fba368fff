"""PostgreSQL-safe types: 64-bit ids, unbounded URLs looked up by their hash.

The API accepts ids up to 2**63-1 and pages whose canonical link is longer than 2048 characters; on
PostgreSQL the first overflowed a 32-bit integer and the second a varchar(2048) (or the btree index on
it), both as 500s. SQLite's INTEGER is already 64-bit and its VARCHAR has no limit, so only the new
url_hash column and its index are added there.

Revision ID: i14_pg_types
Revises: i11_desk_prices
Create Date: 2026-11-30
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "i14_pg_types"
down_revision = "i11_desk_prices"
branch_labels = None
depends_on = None

# (table, column) pairs holding ids.
ID_COLUMNS = (
    ("articles", "id"),
    ("analyses", "id"),
    ("analyses", "article_id"),
    ("picks", "id"),
    ("picks", "analysis_id"),
    ("picks", "article_id"),
    ("translations", "id"),
    ("translations", "article_id"),
    ("jobs", "id"),
    ("jobs", "article_id"),
    ("pick_edits", "id"),
    ("pick_edits", "article_id"),
    ("edit_log", "id"),
    ("edit_log", "article_id"),
)


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _is_postgresql():
        for table, column in ID_COLUMNS:
            op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
        op.drop_index("ix_articles_url", table_name="articles")
        op.alter_column("articles", "url", type_=sa.Text(), existing_type=sa.String(2048))
    else:
        op.drop_index("ix_articles_url", table_name="articles")
    op.add_column("articles", sa.Column("url_hash", sa.String(64), nullable=True))
    connection = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.BigInteger), sa.column("url", sa.Text), sa.column("url_hash"))
    rows = connection.execute(sa.select(articles.c.id, articles.c.url).where(articles.c.url.is_not(None))).all()
    for row_id, url in rows:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        connection.execute(sa.update(articles).where(articles.c.id == row_id).values(url_hash=digest))
    op.create_index("ix_articles_url_hash", "articles", ["url_hash"])


def downgrade() -> None:
    op.drop_index("ix_articles_url_hash", table_name="articles")
    op.drop_column("articles", "url_hash")
    if _is_postgresql():
        # URLs over 2048 characters cannot go back into varchar(2048): cut them rather than fail.
        op.execute("UPDATE articles SET url = left(url, 2048) WHERE length(url) > 2048")
        op.alter_column("articles", "url", type_=sa.String(2048), existing_type=sa.Text())
        for table, column in ID_COLUMNS:
            op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
    op.create_index("ix_articles_url", "articles", ["url"])
