"""Verification rows travel in field packages (issue 17 §2): a report or a PK submitted on a laptop reaches the
centre as Diajukan; the centre's decision (Diverifikasi, or Dikembalikan with its note) reaches the laptop in the
master package; both sides deciding differently is a conflict shown like any other row's; a laptop cannot bring a
decision of its own. All through real export and import."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import draft_agreement, make_laptop

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import IndicatorRealization
from kinerja_desktop.db.verification_models import Verification
from kinerja_desktop.domain.verification import VerificationAction, VerificationState
from kinerja_desktop.interchange.errors import UnresolvedConflictsError
from kinerja_desktop.services import agreements, evaluation, sync, sync_labels, verification

YEAR, QUARTER = 2025, 4  # the demo's last report of a signed PK, in a quarter still open


def _opd(db: Database) -> tuple[str, str]:
    """(code, id) of an OPD that reported the quarter (its report verified at the centre)."""
    best = evaluation.ranking(db, YEAR, QUARTER).rows[0]
    return best.opd_code, best.opd_id


def _returned_on_the_laptop(centre: Database, tmp_path: Path, note: str) -> tuple[Database, str]:
    """A laptop of the OPD whose report the centre returned with ``note`` (the laptop set up afterwards)."""
    code, opd = _opd(centre)
    verification.return_report(centre, YEAR, QUARTER, opd, note)
    return make_laptop(tmp_path, "kec", centre, [code]), opd


def _refresh(centre: Database, laptop: Database, tmp_path: Path, code: str, name: str) -> sync.ImportReport:
    master = tmp_path / f"{name}.kinerja-paket"
    key = sync.export_master_package(centre, master, opd_codes=[code]).code
    return sync.import_package(laptop, master, code=key)


def _send(laptop: Database, centre: Database, tmp_path: Path, name: str, **options) -> sync.ImportReport:  # noqa: ANN003
    package = tmp_path / f"{name}.kinerja-paket"
    sync.export_field_package(laptop, package)
    return sync.import_package(centre, package, **options)


def _flags(db: Database, opd: str) -> set[bool]:
    with db.read() as s:
        rows = s.scalars(select(IndicatorRealization).where(IndicatorRealization.year == YEAR,
                                                            IndicatorRealization.quarter == QUARTER))
        return {r.verified for r in rows if r.indicator.goal.opd_id == opd}


def test_a_report_submitted_on_a_laptop_is_decided_at_the_centre_and_the_decision_comes_back(
    demo_db: Database, tmp_path: Path
) -> None:
    laptop, opd = _returned_on_the_laptop(demo_db, tmp_path, "Lengkapi bukti dukung TW ini")
    back = verification.report_status(laptop, YEAR, QUARTER, opd)
    assert back.state is VerificationState.RETURNED and back.note == "Lengkapi bukti dukung TW ini"
    assert _flags(laptop, opd) == {False}  # "sementara" on the laptop too

    verification.submit_report(laptop, YEAR, QUARTER, opd)
    report = _send(laptop, demo_db, tmp_path, "kirim-1")
    assert report.applied and not report.conflicts and not report.refused
    assert verification.report_status(demo_db, YEAR, QUARTER, opd).state is VerificationState.SUBMITTED
    assert any(w.opd_id == opd for w in verification.waiting(demo_db))  # on the verifiers' list
    events = verification.report_status(demo_db, YEAR, QUARTER, opd).events
    assert events[-1].action is VerificationAction.SUBMIT

    verification.verify_report(demo_db, YEAR, QUARTER, opd)
    assert _refresh(demo_db, laptop, tmp_path, _opd(demo_db)[0], "induk-1").applied
    assert verification.report_status(laptop, YEAR, QUARTER, opd).state is VerificationState.VERIFIED
    assert _flags(laptop, opd) == {True}  # the values are no longer "sementara" on the laptop either


def test_a_pk_submitted_on_a_laptop_reaches_the_centre_as_diajukan(demo_db: Database, tmp_path: Path) -> None:
    code = _opd(demo_db)[0]
    agreement = draft_agreement(demo_db, code)
    assert agreement is not None
    laptop = make_laptop(tmp_path, "kec", demo_db, [code])
    agreements.submit(laptop, agreement)
    assert _send(laptop, demo_db, tmp_path, "kirim").applied
    assert verification.agreement_status(demo_db, agreement).state is VerificationState.SUBMITTED
    verification.verify_agreement(demo_db, agreement)
    _refresh(demo_db, laptop, tmp_path, code, "induk")
    assert verification.agreement_status(laptop, agreement).state is VerificationState.VERIFIED


def test_deciding_on_both_sides_is_refused_to_the_laptop_and_the_centre_keeps_its_decision(
    demo_db: Database, tmp_path: Path
) -> None:
    laptop, opd = _returned_on_the_laptop(demo_db, tmp_path, "Catatan pertama")
    code = _opd(demo_db)[0]
    verification.submit_report(laptop, YEAR, QUARTER, opd)
    _send(laptop, demo_db, tmp_path, "kirim-1")
    _refresh(demo_db, laptop, tmp_path, code, "induk-1")

    # the laptop's single-desk admin verifies locally; the centre returns meanwhile
    verification.verify_report(laptop, YEAR, QUARTER, opd)
    verification.return_report(demo_db, YEAR, QUARTER, opd, "Target TW tidak sesuai PK")
    report = _send(laptop, demo_db, tmp_path, "kirim-2", prefer="package")
    refused = [r for r in report.refused if r.table == "verification"]
    assert refused and "hanya diputuskan Bappeda di pusat" in refused[0].reason
    assert "Verifikasi" in sync_labels.refusal_label(refused[0])
    centre = verification.report_status(demo_db, YEAR, QUARTER, opd)
    assert centre.state is VerificationState.RETURNED and centre.note == "Target TW tidak sesuai PK"
    assert _flags(demo_db, opd) == {False}  # nor did the laptop's "verified" realisations get in


def test_a_row_changed_on_both_sides_is_a_conflict_with_indonesian_labels(demo_db: Database, tmp_path: Path) -> None:
    laptop, opd = _returned_on_the_laptop(demo_db, tmp_path, "Catatan pusat")
    # both sides change the returned report's row: the laptop submits again, the centre rewrites its note
    verification.submit_report(laptop, YEAR, QUARTER, opd)
    with demo_db.write() as s:
        row = s.scalar(select(Verification).where(Verification.opd_id == opd, Verification.year == YEAR,
                                                  Verification.quarter == QUARTER))
        assert row is not None
        row.note = "Catatan pusat diperbaiki"
    with pytest.raises(UnresolvedConflictsError) as stopped:  # asked, as for any other row
        _send(laptop, demo_db, tmp_path, "kirim")
    assert verification.report_status(demo_db, YEAR, QUARTER, opd).state is VerificationState.RETURNED
    report = sync.import_package(demo_db, tmp_path / "kirim.kinerja-paket", prefer="central")
    assert [c.key for c in report.conflicts] == [c.key for c in stopped.value.conflicts]
    conflicts = [c for c in report.conflicts if c.table == "verification"]
    assert [c.field for c in conflicts] == ["note"]
    shown = sync_labels.conflict_view(conflicts[0])
    assert "Verifikasi" in shown.data and shown.field == "Keterangan"
    assert shown.central == "Catatan pusat diperbaiki" and shown.base == "Catatan pusat"
    # the laptop's submission itself went through (only the note was disputed): the centre has it as Diajukan
    status = verification.report_status(demo_db, YEAR, QUARTER, opd)
    assert status.state is VerificationState.SUBMITTED
