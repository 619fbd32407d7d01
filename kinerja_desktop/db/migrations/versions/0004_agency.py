"""The planning agency (Bappeda, Bapperida, ...) that issues the regency-wide reports, on the regency row.

Only columns added to ``regency``, which no other table references.

Revision ID: 0004_agency
Revises: 0003_sync
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_agency"
down_revision = "0003_sync"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    ("agency_name", 200),
    ("agency_short", 60),
    ("agency_address", 250),
    ("agency_phone", 60),
    ("agency_email", 120),
    ("agency_website", 120),
)


def upgrade() -> None:
    with op.batch_alter_table("regency") as batch_op:
        for name, length in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("agency_opd_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_regency_agency_opd_id_opd"), "opd", ["agency_opd_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("regency") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_regency_agency_opd_id_opd"), type_="foreignkey")
        batch_op.drop_column("agency_opd_id")
        for name, _length in reversed(TEXT_COLUMNS):
            batch_op.drop_column(name)
