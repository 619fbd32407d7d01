"""Planning from nothing: the kind of a planning period (RPJMD or transition) and its retirement; programs
become a hierarchy program → kegiatan → sub kegiatan (a level and a parent link on ``program``).

Existing periods become active RPJMD periods and existing programs stay programs. Only columns are added;
the foreign key of ``program.parent_id`` makes SQLite rebuild ``program`` (foreign keys are off during
migrations, see migrate.py); PostgreSQL adds it in place.

Revision ID: 0005_planning
Revises: 0004_agency
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_planning"
down_revision = "0004_agency"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("planning_period") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=32), nullable=False, server_default="rpjmd"))
        batch_op.add_column(sa.Column("is_active", sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("program") as batch_op:
        batch_op.add_column(sa.Column("level", sa.String(length=32), nullable=False, server_default="program"))
        batch_op.add_column(sa.Column("parent_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_program_parent_id"), ["parent_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_program_parent_id_program"), "program", ["parent_id"], ["id"], ondelete="RESTRICT"
        )


def downgrade() -> None:
    with op.batch_alter_table("program") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_program_parent_id_program"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_program_parent_id"))
        batch_op.drop_column("parent_id")
        batch_op.drop_column("level")
    with op.batch_alter_table("planning_period") as batch_op:
        batch_op.drop_column("is_active")
        batch_op.drop_column("kind")
