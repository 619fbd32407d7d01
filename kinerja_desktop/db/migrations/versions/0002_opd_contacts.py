"""OPD e-mail and website for the letterhead; OPD abbreviations made unique.

The unique constraint needs SQLite's batch rebuild of the ``opd`` table, the parent of most other
tables: this is the migration that would empty them if foreign keys were on (see migrate.py). Elsewhere
(PostgreSQL) plain ALTERs do it: a rebuild there would drop the primary key every foreign key depends on.

Revision ID: 0002_opd_contacts
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_opd_contacts"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _recreate() -> str:
    """SQLite's move-and-copy exactly as this revision always did; ALTER TABLE elsewhere."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("opd", recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("website", sa.String(length=120), nullable=False, server_default=""))
        batch_op.create_unique_constraint(batch_op.f("uq_opd_abbreviation"), ["abbreviation"])


def downgrade() -> None:
    with op.batch_alter_table("opd", recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_opd_abbreviation"), type_="unique")
        batch_op.drop_column("website")
        batch_op.drop_column("email")
