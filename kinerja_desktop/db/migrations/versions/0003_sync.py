"""Backups and field packages: installation identity, merge bases, receipts, tombstones, import log.

Only new tables: nothing existing is rebuilt, so no row of the domain can be touched.

Revision ID: 0003_sync
Revises: 0002_opd_contacts
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_sync"
down_revision = "0002_opd_contacts"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "sync_installation",
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("regency_id", sa.String(length=36), nullable=True),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(length=36), nullable=True),
        sa.Column("secret", sa.String(length=64), nullable=True),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_installation")),
    )
    op.create_table(
        "sync_key",
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_key")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(), nullable=True),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peer")),
        sa.UniqueConstraint("installation_id", name=op.f("uq_sync_peer_installation_id")),
    )
    op.create_table(
        "sync_base",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("base", sa.Text(), nullable=True),
        sa.Column("sent", sa.Text(), nullable=True),
        sa.Column("sent_seq", sa.Integer(), nullable=True),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_base")),
        sa.UniqueConstraint("table_name", "row_id", name=op.f("uq_sync_base_table_name_row_id")),
    )
    op.create_table(
        "sync_received",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("row_values", sa.Text(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(length=36), nullable=True),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_received")),
        sa.UniqueConstraint(
            "installation_id", "table_name", "row_id", name=op.f("uq_sync_received_installation_id_table_name_row_id")
        ),
    )
    op.create_table(
        "sync_tombstone",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("opd_id", sa.String(length=36), nullable=True),
        sa.Column("origin", sa.String(length=60), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("sent_seq", sa.Integer(), nullable=True),
        sa.Column("acked", sa.Boolean(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_tombstone")),
        sa.UniqueConstraint("table_name", "row_id", name=op.f("uq_sync_tombstone_table_name_row_id")),
    )
    op.create_table(
        "sync_import",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source_installation_id", sa.String(length=36), nullable=False),
        sa.Column("source_label", sa.String(length=120), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_import")),
    )
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_import_package_id"), ["package_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_import_package_id"))
    for name in (
        "sync_import",
        "sync_tombstone",
        "sync_received",
        "sync_base",
        "sync_peer",
        "sync_key",
        "sync_installation",
    ):
        op.drop_table(name)
