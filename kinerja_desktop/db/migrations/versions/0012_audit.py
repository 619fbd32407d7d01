"""The audit trail: field-level rows and an append-only trail (issue 17 §3).

* ``audit_change``: one row per row inserted, updated or deleted through the app, with the changed fields' values
  before and after (``db/audit_hook.py`` writes them in the change's own transaction).
* ``audit_log`` gains ``change_set`` and ``seq`` (which field rows an entry describes) and ``opd_id`` (filtering
  by OPD). Existing entries keep their summaries; they have no field rows.
* Triggers refuse every ``UPDATE`` and ``DELETE`` of both tables (``db/audit_triggers.py``) outside a restore's
  bypass.

Only a new table, columns with defaults and triggers: no table is rebuilt, no row changes.

Revision ID: 0012_audit
Revises: 0011_verification
"""

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db import audit_triggers, row_security

revision = "0012_audit"
down_revision = "0011_verification"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:  # plain ADD COLUMNs: no rebuild
        batch_op.add_column(sa.Column("change_set", sa.String(length=36), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("opd_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_audit_log_change_set"), "audit_log", ["change_set"], unique=False)
    op.create_index(op.f("ix_audit_log_opd_id"), "audit_log", ["opd_id"], unique=False)
    op.create_table(
        "audit_change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("change_set", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.String(length=120), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=10), nullable=False),
        sa.Column("opd_id", sa.String(length=36), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_change")),
    )
    op.create_index(op.f("ix_audit_change_change_set"), "audit_change", ["change_set"], unique=False)
    op.create_index(op.f("ix_audit_change_at"), "audit_change", ["at"], unique=False)
    op.create_index(op.f("ix_audit_change_opd_id"), "audit_change", ["opd_id"], unique=False)
    audit_triggers.install(op.get_bind())
    # PostgreSQL: the groups' grants and the policies again, now over 0011's and 0012's tables too (the
    # verification rows are an OPD's; the trail may be appended to, never changed)
    row_security.install(op.get_bind())


def downgrade() -> None:
    audit_triggers.drop(op.get_bind())
    op.drop_table("audit_change")
    op.drop_index(op.f("ix_audit_log_opd_id"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_change_set"), table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("opd_id")
        batch_op.drop_column("seq")
        batch_op.drop_column("change_set")
