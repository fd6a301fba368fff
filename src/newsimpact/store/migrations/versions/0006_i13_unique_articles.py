"""Articles are unique by URL and by text: url_hash (sha256 of the URL) and content_hash get unique
indexes, so concurrent ingests of the same page make one row (the store inserts with ON CONFLICT DO
NOTHING and updates the row that won).

Rows left duplicated by the old read-then-insert race are folded first: among rows with the same text
the oldest is kept (re-ingests always updated the oldest) and the later copies are deleted with their
analyses, picks, translations and jobs; among rows with the same URL and different texts only the
oldest keeps the lookup key (the others keep their URL, text and analyses).

Revision ID: i13_unique_articles
Revises: i14_read_indexes
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "i13_unique_articles"
down_revision = "i14_read_indexes"
branch_labels = None
depends_on = None


def _url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8", "replace")).hexdigest()


def upgrade() -> None:
    conn = op.get_bind()
    articles = sa.table(
        "articles",
        sa.column("id", sa.BigInteger),
        sa.column("url", sa.String),
        sa.column("url_hash", sa.String),
        sa.column("content_hash", sa.String),
    )
    seen_urls: set[str] = set()
    seen_texts: set[str] = set()
    duplicates: list[int] = []
    rows = conn.execute(sa.select(articles.c.id, articles.c.url, articles.c.content_hash).order_by(articles.c.id)).all()
    for row_id, url, digest in rows:
        if digest in seen_texts:
            duplicates.append(row_id)
            continue
        seen_texts.add(digest)
        # i14_pg_types gave every row its URL's hash; now only the oldest row of a URL keeps it.
        key = _url_hash(url) if url else None
        if key is not None and key in seen_urls:
            key = None
        if key is not None:
            seen_urls.add(key)
        conn.execute(sa.update(articles).where(articles.c.id == row_id).values(url_hash=key))
    # Foreign keys are off while SQLite migrates, so cascades do not run: delete dependents by hand.
    for table in ("picks", "analyses", "translations", "jobs", "pick_edits", "edit_log"):
        dependent = sa.table(table, sa.column("article_id", sa.BigInteger))
        for start in range(0, len(duplicates), 500):
            chunk = duplicates[start : start + 500]
            conn.execute(sa.delete(dependent).where(dependent.c.article_id.in_(chunk)))
    for start in range(0, len(duplicates), 500):
        conn.execute(sa.delete(articles).where(articles.c.id.in_(duplicates[start : start + 500])))

    op.drop_index("ix_articles_content_hash", table_name="articles")
    op.drop_index("ix_articles_url_hash", table_name="articles")
    op.create_index("uq_articles_content_hash", "articles", ["content_hash"], unique=True)
    op.create_index("uq_articles_url_hash", "articles", ["url_hash"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_articles_url_hash", table_name="articles")
    op.drop_index("uq_articles_content_hash", table_name="articles")
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_url_hash", "articles", ["url_hash"])
    conn = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.BigInteger), sa.column("url", sa.Text), sa.column("url_hash"))
    rows = conn.execute(sa.select(articles.c.id, articles.c.url).where(articles.c.url.is_not(None))).all()
    for row_id, url in rows:
        conn.execute(sa.update(articles).where(articles.c.id == row_id).values(url_hash=_url_hash(url)))
