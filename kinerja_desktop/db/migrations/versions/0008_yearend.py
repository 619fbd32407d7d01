"""The year's end: the AKIP internal evaluation (the LKE's structure per year, each OPD's evaluation and
answers) and how many of the best OPDs receive a Piagam Penghargaan (``regency.award_count``, 5).

Only new tables and one column with a default: no table is rebuilt and no row changes, on SQLite and
PostgreSQL alike. A year's LKE structure is created when it is first used, not here.

Revision ID: 0008_yearend
Revises: 0009_cascade
"""

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db.types import ExactDecimal

revision = "0008_yearend"
down_revision = "0009_cascade"
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
    with op.batch_alter_table("regency") as batch_op:  # a plain ADD COLUMN: no rebuild
        batch_op.add_column(sa.Column("award_count", sa.Integer(), nullable=False, server_default="5"))
    op.create_table(
        "lke_component",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("weight", ExactDecimal(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lke_component")),
        sa.UniqueConstraint("year", "code", name=op.f("uq_lke_component_year_code")),
    )
    op.create_index(op.f("ix_lke_component_year"), "lke_component", ["year"], unique=False)
    op.create_table(
        "lke_subcomponent",
        sa.Column("component_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("weight", ExactDecimal(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["component_id"], ["lke_component.id"], name=op.f("fk_lke_subcomponent_component_id_lke_component"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lke_subcomponent")),
        sa.UniqueConstraint("component_id", "code", name=op.f("uq_lke_subcomponent_component_id_code")),
    )
    op.create_index(op.f("ix_lke_subcomponent_component_id"), "lke_subcomponent", ["component_id"], unique=False)
    op.create_table(
        "lke_criterion",
        sa.Column("subcomponent_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("scale", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["subcomponent_id"], ["lke_subcomponent.id"],
            name=op.f("fk_lke_criterion_subcomponent_id_lke_subcomponent"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lke_criterion")),
        sa.UniqueConstraint("subcomponent_id", "code", name=op.f("uq_lke_criterion_subcomponent_id_code")),
    )
    op.create_index(op.f("ix_lke_criterion_subcomponent_id"), "lke_criterion", ["subcomponent_id"], unique=False)
    op.create_table(
        "lke_evaluation",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("evaluator", sa.String(length=200), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recommendations", sa.Text(), nullable=False),
        sa.Column("finalized_at", sa.DateTime(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["opd_id"], ["opd.id"], name=op.f("fk_lke_evaluation_opd_id_opd"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lke_evaluation")),
        sa.UniqueConstraint("opd_id", "year", name=op.f("uq_lke_evaluation_opd_id_year")),
    )
    op.create_index(op.f("ix_lke_evaluation_opd_id"), "lke_evaluation", ["opd_id"], unique=False)
    op.create_index(op.f("ix_lke_evaluation_year"), "lke_evaluation", ["year"], unique=False)
    op.create_table(
        "lke_answer",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("criterion_id", sa.String(length=36), nullable=False),
        sa.Column("answer", sa.String(length=10), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["criterion_id"], ["lke_criterion.id"], name=op.f("fk_lke_answer_criterion_id_lke_criterion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"], ["lke_evaluation.id"], name=op.f("fk_lke_answer_evaluation_id_lke_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lke_answer")),
        sa.UniqueConstraint("evaluation_id", "criterion_id", name=op.f("uq_lke_answer_evaluation_id_criterion_id")),
    )
    op.create_index(op.f("ix_lke_answer_criterion_id"), "lke_answer", ["criterion_id"], unique=False)
    op.create_index(op.f("ix_lke_answer_evaluation_id"), "lke_answer", ["evaluation_id"], unique=False)


def downgrade() -> None:
    for table in ("lke_answer", "lke_evaluation", "lke_criterion", "lke_subcomponent", "lke_component"):
        op.drop_table(table)
    with op.batch_alter_table("regency") as batch_op:
        batch_op.drop_column("award_count")
