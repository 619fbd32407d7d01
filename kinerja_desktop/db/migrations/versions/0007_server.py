"""Server mode: evidence files in the database, and triggers that keep signed PKs and closed quarters unchanged.

Only new tables and triggers: no row is touched, on SQLite and PostgreSQL alike. The triggers come from
``kinerja_desktop.db.triggers`` (the same code checks that they are there); see that module for what they refuse.

Revision ID: 0007_server
Revises: 0006_frozen
"""

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db import triggers

revision = "0007_server"
down_revision = "0006_frozen"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_blob")),
    )
    op.create_table(
        "lock_bypass",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lock_bypass")),
    )
    triggers.install(op.get_bind())


def downgrade() -> None:
    triggers.drop(op.get_bind())
    op.drop_table("lock_bypass")
    op.drop_table("evidence_blob")
