"""Initial schema: the whole domain of DOMAIN.md

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23 15:19:02.957399
"""

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db.types import ExactDecimal

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "official",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("rank", sa.String(length=60), nullable=False),
        sa.Column("grade", sa.String(length=8), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official")),
        sa.UniqueConstraint("nip", name=op.f("uq_official_nip")),
    )
    op.create_table(
        "opd",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("abbreviation", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=250), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opd")),
        sa.UniqueConstraint("code", name=op.f("uq_opd_code")),
    )
    op.create_table(
        "planning_period",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=False),
        sa.Column("end_year", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_year >= start_year", name=op.f("ck_planning_period_years_ordered")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_period")),
    )
    op.create_table(
        "quarter_closure",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(length=120), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarter_closure")),
        sa.UniqueConstraint("year", "quarter", name=op.f("uq_quarter_closure_year_quarter")),
    )
    op.create_table(
        "regency",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("province", sa.String(length=120), nullable=False),
        sa.Column("capital", sa.String(length=120), nullable=False),
        sa.Column("address", sa.String(length=250), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("website", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.Column("achievement_cap", ExactDecimal(), nullable=False),
        sa.Column("negative_formula", sa.String(length=8), nullable=False),
        sa.Column("warning_threshold", ExactDecimal(), nullable=False),
        sa.Column("efficiency_margin", ExactDecimal(), nullable=False),
        sa.Column("predicate_bands", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regency")),
    )
    op.create_table(
        "regional_leader",
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("acting", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("position", sa.String(length=160), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("rank", sa.String(length=60), nullable=True),
        sa.Column("grade", sa.String(length=8), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regional_leader")),
    )
    op.create_table(
        "fiscal_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["planning_period.id"],
            name=op.f("fk_fiscal_year_period_id_planning_period"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_year")),
        sa.UniqueConstraint("year", name=op.f("uq_fiscal_year_year")),
    )
    op.create_table(
        "goal",
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("opd_id", sa.String(length=36), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("supports_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_goal_opd_id_opd"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["parent_id"], ["goal.id"], name=op.f("fk_goal_parent_id_goal"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(
            ["period_id"], ["planning_period.id"], name=op.f("fk_goal_period_id_planning_period"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["supports_id"], ["goal.id"], name=op.f("fk_goal_supports_id_goal"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_opd_id"), ["opd_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_period_id"), ["period_id"], unique=False)

    op.create_table(
        "integrity_pact",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("official_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("rank", sa.String(length=80), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=120), nullable=False),
        sa.Column("sign_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["official_id"], ["official.id"], name=op.f("fk_integrity_pact_official_id_official"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_integrity_pact_opd_id_opd"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrity_pact")),
        sa.UniqueConstraint("opd_id", "year", "official_id", name=op.f("uq_integrity_pact_opd_id_year_official_id")),
    )
    with op.batch_alter_table("integrity_pact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_integrity_pact_opd_id"), ["opd_id"], unique=False)

    op.create_table(
        "opd_head",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("official_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("acting", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name=op.f("ck_opd_head_dates_ordered")),
        sa.ForeignKeyConstraint(
            ["official_id"], ["official.id"], name=op.f("fk_opd_head_official_id_official"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_opd_head_opd_id_opd"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opd_head")),
    )
    with op.batch_alter_table("opd_head", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opd_head_official_id"), ["official_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_opd_head_opd_id"), ["opd_id"], unique=False)

    op.create_table(
        "opd_name_history",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opd_id"], ["opd.id"], name=op.f("fk_opd_name_history_opd_id_opd"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opd_name_history")),
    )
    with op.batch_alter_table("opd_name_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opd_name_history_opd_id"), ["opd_id"], unique=False)

    op.create_table(
        "performance_agreement",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("opd_id", sa.String(length=36), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("replaces_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("place", sa.String(length=120), nullable=False),
        sa.Column("sign_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("opd_name", sa.String(length=200), nullable=False),
        sa.Column("first_official_id", sa.String(length=36), nullable=True),
        sa.Column("first_name", sa.String(length=160), nullable=False),
        sa.Column("first_position", sa.String(length=200), nullable=False),
        sa.Column("first_nip", sa.String(length=18), nullable=True),
        sa.Column("first_rank", sa.String(length=80), nullable=False),
        sa.Column("first_acting", sa.String(length=32), nullable=False),
        sa.Column("second_leader_id", sa.String(length=36), nullable=True),
        sa.Column("second_name", sa.String(length=160), nullable=False),
        sa.Column("second_position", sa.String(length=200), nullable=False),
        sa.Column("second_nip", sa.String(length=18), nullable=True),
        sa.Column("second_rank", sa.String(length=80), nullable=False),
        sa.Column("second_acting", sa.String(length=32), nullable=False),
        sa.Column("finalized_at", sa.DateTime(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_official_id"],
            ["official.id"],
            name=op.f("fk_performance_agreement_first_official_id_official"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["opd_id"], ["opd.id"], name=op.f("fk_performance_agreement_opd_id_opd"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["performance_agreement.id"],
            name=op.f("fk_performance_agreement_replaces_id_performance_agreement"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["second_leader_id"],
            ["regional_leader.id"],
            name=op.f("fk_performance_agreement_second_leader_id_regional_leader"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performance_agreement")),
        sa.UniqueConstraint(
            "opd_id", "year", "version_no", name=op.f("uq_performance_agreement_opd_id_year_version_no")
        ),
    )
    with op.batch_alter_table("performance_agreement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_performance_agreement_opd_id"), ["opd_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_performance_agreement_year"), ["year"], unique=False)

    op.create_table(
        "indicator",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("polarity", sa.String(length=32), nullable=False),
        sa.Column("cumulation", sa.String(length=32), nullable=False),
        sa.Column("qualitative_scale", sa.String(length=40), nullable=True),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("formula", sa.Text(), nullable=False),
        sa.Column("data_source", sa.String(length=250), nullable=False),
        sa.Column("baseline", ExactDecimal(), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("weight", ExactDecimal(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_indicator_goal_id_goal"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "program",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_program_goal_id_goal"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_program_opd_id_opd"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program")),
        sa.UniqueConstraint("opd_id", "code", name=op.f("uq_program_opd_id_code")),
    )
    with op.batch_alter_table("program", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_opd_id"), ["opd_id"], unique=False)

    op.create_table(
        "agreement_item",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=True),
        sa.Column("sasaran", sa.Text(), nullable=False),
        sa.Column("indicator_name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("polarity", sa.String(length=32), nullable=False),
        sa.Column("cumulation", sa.String(length=32), nullable=False),
        sa.Column("target", ExactDecimal(), nullable=True),
        sa.Column("target_high", ExactDecimal(), nullable=True),
        sa.Column("target_grade", sa.String(length=20), nullable=True),
        sa.Column("q1", ExactDecimal(), nullable=True),
        sa.Column("q2", ExactDecimal(), nullable=True),
        sa.Column("q3", ExactDecimal(), nullable=True),
        sa.Column("q4", ExactDecimal(), nullable=True),
        sa.Column("weight", ExactDecimal(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["performance_agreement.id"],
            name=op.f("fk_agreement_item_agreement_id_performance_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_agreement_item_goal_id_goal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_agreement_item_indicator_id_indicator"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_item")),
    )
    with op.batch_alter_table("agreement_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_item_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_item_indicator_id"), ["indicator_id"], unique=False)

    op.create_table(
        "agreement_program",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("program_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("budget >= 0", name=op.f("ck_agreement_program_budget_not_negative")),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["performance_agreement.id"],
            name=op.f("fk_agreement_program_agreement_id_performance_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"], ["program.id"], name=op.f("fk_agreement_program_program_id_program"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_program")),
    )
    with op.batch_alter_table("agreement_program", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_program_agreement_id"), ["agreement_id"], unique=False)

    op.create_table(
        "budget_realization",
        sa.Column("program_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_budget_realization_amount_not_negative")),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name=op.f("ck_budget_realization_quarter_range")),
        sa.ForeignKeyConstraint(
            ["program_id"], ["program.id"], name=op.f("fk_budget_realization_program_id_program"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_realization")),
        sa.UniqueConstraint(
            "program_id", "year", "quarter", name=op.f("uq_budget_realization_program_id_year_quarter")
        ),
    )
    with op.batch_alter_table("budget_realization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_budget_realization_program_id"), ["program_id"], unique=False)

    op.create_table(
        "indicator_realization",
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("value", ExactDecimal(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name=op.f("ck_indicator_realization_quarter_range")),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_realization_indicator_id_indicator"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_realization")),
        sa.UniqueConstraint(
            "indicator_id", "year", "quarter", name=op.f("uq_indicator_realization_indicator_id_year_quarter")
        ),
    )
    with op.batch_alter_table("indicator_realization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_realization_indicator_id"), ["indicator_id"], unique=False)

    op.create_table(
        "indicator_target",
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target", ExactDecimal(), nullable=True),
        sa.Column("target_high", ExactDecimal(), nullable=True),
        sa.Column("target_grade", sa.String(length=20), nullable=True),
        sa.Column("q1", ExactDecimal(), nullable=True),
        sa.Column("q2", ExactDecimal(), nullable=True),
        sa.Column("q3", ExactDecimal(), nullable=True),
        sa.Column("q4", ExactDecimal(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_target_indicator_id_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_target")),
        sa.UniqueConstraint("indicator_id", "year", name=op.f("uq_indicator_target_indicator_id_year")),
    )
    with op.batch_alter_table("indicator_target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_target_indicator_id"), ["indicator_id"], unique=False)

    op.create_table(
        "program_budget",
        sa.Column("program_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("pagu", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("pagu >= 0", name=op.f("ck_program_budget_pagu_not_negative")),
        sa.ForeignKeyConstraint(
            ["program_id"], ["program.id"], name=op.f("fk_program_budget_program_id_program"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_budget")),
        sa.UniqueConstraint("program_id", "year", name=op.f("uq_program_budget_program_id_year")),
    )
    with op.batch_alter_table("program_budget", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_budget_program_id"), ["program_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("realization_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["realization_id"],
            ["indicator_realization.id"],
            name=op.f("fk_evidence_realization_id_indicator_realization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_realization_id"), ["realization_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_realization_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("program_budget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_budget_program_id"))

    op.drop_table("program_budget")
    with op.batch_alter_table("indicator_target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_target_indicator_id"))

    op.drop_table("indicator_target")
    with op.batch_alter_table("indicator_realization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_realization_indicator_id"))

    op.drop_table("indicator_realization")
    with op.batch_alter_table("budget_realization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_realization_program_id"))

    op.drop_table("budget_realization")
    with op.batch_alter_table("agreement_program", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_program_agreement_id"))

    op.drop_table("agreement_program")
    with op.batch_alter_table("agreement_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_item_indicator_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_item_agreement_id"))

    op.drop_table("agreement_item")
    with op.batch_alter_table("program", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_opd_id"))

    op.drop_table("program")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_goal_id"))

    op.drop_table("indicator")
    with op.batch_alter_table("performance_agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_performance_agreement_year"))
        batch_op.drop_index(batch_op.f("ix_performance_agreement_opd_id"))

    op.drop_table("performance_agreement")
    with op.batch_alter_table("opd_name_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opd_name_history_opd_id"))

    op.drop_table("opd_name_history")
    with op.batch_alter_table("opd_head", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opd_head_opd_id"))
        batch_op.drop_index(batch_op.f("ix_opd_head_official_id"))

    op.drop_table("opd_head")
    with op.batch_alter_table("integrity_pact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrity_pact_opd_id"))

    op.drop_table("integrity_pact")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_period_id"))
        batch_op.drop_index(batch_op.f("ix_goal_opd_id"))

    op.drop_table("goal")
    op.drop_table("fiscal_year")
    op.drop_table("regional_leader")
    op.drop_table("regency")
    op.drop_table("quarter_closure")
    op.drop_table("planning_period")
    op.drop_table("opd")
    op.drop_table("official")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
