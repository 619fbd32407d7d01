"""Berkas → Jejak audit (issue 17 §3): the filters (user, OPD, kind, period, text) driven as a person would, the
lazy table over a large log, the detail pane's before → after in Indonesian formatting, the Excel export read back
with openpyxl, and the window at 1366×705."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd, ProgramBudget
from kinerja_desktop.gui import excel_export_button, messages
from kinerja_desktop.gui.dialogs.audit_dialog import AuditDialog
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.services import audit, audit_log
from kinerja_desktop.services import opd as opd_service

SHOTS = Path(os.environ.get("KINERJA_SHOTS", "/work/shots/audit"))


@pytest.fixture
def trail(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[Database, Opd, Opd]:
    with demo_db.read() as s:
        first, second = s.scalars(select(Opd).order_by(Opd.sort_order).limit(2)).all()
    monkeypatch.setattr(audit, "current_user", lambda _source=None: "ani.bappeda")
    opd_service.save_opd(demo_db, replace(opd_service.get_opd(demo_db, first.id), phone="(0271) 111-222"))
    monkeypatch.setattr(audit, "current_user", lambda _source=None: "citra.keuangan")
    with demo_db.write() as s:  # a rupiah change, recorded by the session hook alone
        budget = s.scalars(select(ProgramBudget).join(ProgramBudget.program).where(
            ProgramBudget.program.has(opd_id=second.id))).first()
        budget.pagu = 1_250_000_000
    monkeypatch.setattr(audit, "current_user", lambda _source=None: "budi.opd")
    opd_service.save_opd(demo_db, replace(opd_service.get_opd(demo_db, second.id), website="https://contoh.go.id"))
    return demo_db, first, second


def _choose(combo, data) -> None:  # noqa: ANN001
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filters_narrow_the_list_and_the_detail_shows_before_and_after(qtbot, trail) -> None:  # noqa: ANN001
    db, first, second = trail
    dialog = AuditDialog(db, runner=SyncRunner())
    qtbot.addWidget(dialog)
    dialog.resize(1366, 705)
    dialog.show()
    everything = dialog.model.total
    assert everything > 3

    _choose(dialog.user_combo, "ani.bappeda")
    assert dialog.model.total == 1 and dialog.model.entries[0].user == "ani.bappeda"
    # the first row is chosen: its fields before → after, the Indonesian way
    top = dialog.detail.topLevelItem(0)
    fields = {top.child(i).text(0): (top.child(i).text(1), top.child(i).text(2)) for i in range(top.childCount())}
    assert fields["Telepon"] == (first.phone or "", "(0271) 111-222")
    assert "ani.bappeda" in dialog.detail_title.text()

    _choose(dialog.user_combo, "")
    _choose(dialog.opd_combo, second.id)
    users = {e.user for e in dialog.model.entries}
    assert {"budi.opd", "citra.keuangan"} <= users and "ani.bappeda" not in users
    rupiah = [e for e in dialog.model.entries if e.action == "data.ubah"]
    assert rupiah
    dialog.table.selectRow(dialog.model.entries.index(rupiah[0]))
    top = dialog.detail.topLevelItem(0)
    assert top.text(0).startswith("Pagu program")
    assert top.child(0).text(0) == "Pagu" and top.child(0).text(2) == "Rp 1.250.000.000"

    _choose(dialog.kind_combo, "ubah")
    assert [e.action for e in dialog.model.entries] == ["ubah"]
    _choose(dialog.kind_combo, "")
    _choose(dialog.opd_combo, None)

    qtbot.keyClicks(dialog.search_edit, "contoh.go")
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.model.total == 1 and dialog.model.entries[0].user == "budi.opd"
    dialog.search_edit.clear()
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.model.total == everything

    _choose(dialog.year_combo, date.today().year)
    assert dialog.model.total == everything  # every change of the test happened this year
    _choose(dialog.year_combo, date.today().year - 1)
    assert dialog.model.total == 0 and "0 entri" in dialog.count_label.text()
    assert not dialog.export_button.isEnabled()
    _choose(dialog.year_combo, None)
    qtbot.mouseClick(dialog.until_check, Qt.MouseButton.LeftButton)
    dialog.until_edit.set_value(date(2000, 1, 1))
    assert dialog.model.total == 0
    qtbot.mouseClick(dialog.since_check, Qt.MouseButton.LeftButton)
    dialog.since_edit.set_value(date(2001, 1, 1))
    assert "Tanggal awal sesudah tanggal akhir" in dialog.count_label.text()


def test_the_table_loads_a_large_log_a_page_at_a_time(qtbot, trail) -> None:  # noqa: ANN001
    db, first, _second = trail
    for number in range(12):
        opd_service.save_opd(db, replace(opd_service.get_opd(db, first.id), phone=f"0271-{number}"))
    dialog = AuditDialog(db, runner=SyncRunner())
    qtbot.addWidget(dialog)
    dialog.model.page = 5
    dialog.apply_filter()
    assert dialog.model.total > 10
    assert dialog.model.rowCount() == 5  # not everything
    assert dialog.model.canFetchMore(QModelIndex())
    dialog.model.fetchMore(QModelIndex())
    assert dialog.model.rowCount() == 10
    ids = [e.id for e in dialog.model.entries]
    assert len(set(ids)) == 10
    assert ids == [e.id for e in audit_log.list_entries(db, dialog.current_filter(), 0, 10)]


def test_excel_export_writes_the_filtered_rows(qtbot, trail, tmp_path: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db, first, _second = trail
    monkeypatch.setattr(excel_export_button, "ask_xlsx_path", lambda _p, _t, name, _db: str(tmp_path / name))
    said: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: said.append(text))
    dialog = AuditDialog(db, runner=SyncRunner())
    qtbot.addWidget(dialog)
    _choose(dialog.user_combo, "ani.bappeda")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.last_file is not None and said and "1 entri tersimpan" in said[0]
    book = load_workbook(dialog.last_file)
    rows = list(book["Jejak Audit"].values)
    assert [(r[1], r[3]) for r in rows[1:]] == [("ani.bappeda", first.abbreviation)]
    details = [r for r in book["Rincian"].values if r[7] == "Telepon"]
    assert details and details[0][9] == "(0271) 111-222"


def test_the_window_at_1366x705(qtbot, trail) -> None:  # noqa: ANN001
    db, _first, _second = trail
    dialog = AuditDialog(db, runner=SyncRunner())
    qtbot.addWidget(dialog)
    dialog.resize(1366, 705)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.minimumSizeHint().width() <= 1366 and dialog.minimumSizeHint().height() <= 705
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "audit-dialog.png"))
