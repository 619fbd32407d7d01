"""Users: who signs in, with which role, for which OPDs (``app_user``, ``app_user_opd``).

Only new tables: no row changes. On PostgreSQL the roles' groups, their rights and row-level security on the
OPD-scoped tables (``db/row_security.py``). A database without users keeps working as one automatic administrator
until a second user exists (``services/users.py``).

Revision ID: 0010_users
Revises: 0008_yearend
"""

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db import row_security

revision = "0010_users"
down_revision = "0008_yearend"
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
        "app_user",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("name", name=op.f("uq_app_user_name")),
    )
    op.create_table(
        "app_user_opd",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_app_user_opd_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_app_user_opd_opd_id_opd")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user_opd")),
        sa.UniqueConstraint("user_id", "opd_id", name=op.f("uq_app_user_opd_user_id_opd_id")),
    )
    op.create_index(op.f("ix_app_user_opd_user_id"), "app_user_opd", ["user_id"], unique=False)
    op.create_index(op.f("ix_app_user_opd_opd_id"), "app_user_opd", ["opd_id"], unique=False)
    row_security.install(op.get_bind())  # PostgreSQL: groups, grants, an operator's writes held to its OPDs


def downgrade() -> None:
    row_security.uninstall(op.get_bind())
    op.drop_table("app_user_opd")
    op.drop_table("app_user")
