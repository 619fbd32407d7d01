"""The schema revisions this build knows, oldest first (a test keeps it equal to the Alembic scripts).

Kept apart from Alembic so that opening an up-to-date database never imports Alembic (≈ 0.5 s).
"""

REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_opd_contacts",
    "0003_sync",
    "0004_agency",
    "0005_planning",
    "0006_frozen",
    "0007_server",
    "0009_cascade",
    "0008_yearend",
    "0010_users",
    "0011_verification",
    "0012_audit",
    "0013_role_names",
)
HEAD = REVISIONS[-1]
