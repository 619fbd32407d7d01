"""Planning from nothing: the kind of a planning period (RPJMD or transition) and its retirement; programs
become a hierarchy program → kegiatan → sub kegiatan (a level and a parent link on ``program``).

Existing periods become active RPJMD periods and existing programs stay programs. Only columns (and an
index) are added, in place on SQLite and PostgreSQL alike: no table is rebuilt.

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
    with op.batch_alter_table("planning_period") as batch_op:  # plain ADD COLUMNs: no rebuild
        batch_op.add_column(sa.Column("kind", sa.String(length=32), nullable=False, server_default="rpjmd"))
        batch_op.add_column(sa.Column("is_active", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("program", sa.Column("level", sa.String(length=32), nullable=False, server_default="program"))
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its foreign key in place (a batch rebuild of ``program``, the parent of pagu,
        # realisations and agreement rows, would be needed otherwise, and writes its constraints in an order
        # that varies from run to run). Inline, SQLite keeps no ON DELETE that SQLAlchemy reads back: the key
        # has none anywhere (NO ACTION refuses deleting a parent with children, as RESTRICT would).
        op.execute(
            "ALTER TABLE program ADD COLUMN parent_id VARCHAR(36) CONSTRAINT fk_program_parent_id_program "
            "REFERENCES program (id)"
        )
    else:
        op.add_column("program", sa.Column("parent_id", sa.String(length=36), nullable=True))
        op.create_foreign_key("fk_program_parent_id_program", "program", "program", ["parent_id"], ["id"])
    op.create_index("ix_program_parent_id", "program", ["parent_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_program_parent_id", table_name="program")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_program_parent_id_program", "program", type_="foreignkey")
    with op.batch_alter_table("program") as batch_op:  # SQLite: rebuilt without the column and its key
        batch_op.drop_column("parent_id")
        batch_op.drop_column("level")
    with op.batch_alter_table("planning_period") as batch_op:
        batch_op.drop_column("is_active")
        batch_op.drop_column("kind")
