"""The lower realisations form (a Kabid's signed PK on the demo regency, lower monitoring on): the OPD wizard's rule
of kendala under 100 % and of a stale kendala after a correction, and the shared grid (paste from Excel read cell
by cell, copy as TSV, Enter down, undo and redo), driven with keys and clicks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from cascade_screens import shot
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit
from sqlalchemy import select

from kinerja_desktop.db.models import IndicatorRealization
from kinerja_desktop.demo import create_demo
from kinerja_desktop.gui.dialogs.lower_realisation_dialog import (
    CAPAIAN,
    FOLLOW_UP,
    PROBLEMS,
    VALUE,
    LowerRealisationDialog,
)
from kinerja_desktop.services import agreements, cascade, evaluation
from kinerja_desktop.services.evaluation_data import RealizationInput

KESMAS = "Kepala Bidang Kesehatan Masyarakat"


@pytest.fixture
def signed(db):  # noqa: ANN001, ANN201
    """The Kabid Kesmas's signed 2025 PK and an open quarter, the regency monitoring the lower levels."""
    create_demo(db, seed=2026)
    cascade.set_lower_level_monitoring(db, True)
    [pk] = [r.agreement_id for r in agreements.list_agreements(db, 2025, levels=agreements.LEVELS)
            if r.position_name == KESMAS]
    closed = evaluation.closed_quarters(db, 2025)
    quarter = min({1, 2, 3, 4} - set(closed), default=None)
    if quarter is None:
        pytest.skip("every quarter of 2025 is closed in the demo")
    return pk, quarter


def _open(qtbot, db, signed) -> LowerRealisationDialog:  # noqa: ANN001
    dialog = LowerRealisationDialog(db, *signed)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 705)
    dialog.show()
    return dialog


def _type(qtbot, dialog: LowerRealisationDialog, row: int, column: int, text: str) -> None:  # noqa: ANN001
    table = dialog.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.clear()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _save(qtbot, dialog: LowerRealisationDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _stored(db, indicator_id: str):  # noqa: ANN001, ANN202
    with db.read() as s:
        return s.scalars(select(IndicatorRealization).where(IndicatorRealization.indicator_id == indicator_id)).all()


def test_a_reading_under_100_percent_asks_for_kendala_before_saving(qtbot, db, signed) -> None:  # noqa: ANN001
    dialog = _open(qtbot, db, signed)
    target = dialog.results[0].target_to_date
    half = target / 2
    _type(qtbot, dialog, 0, VALUE, str(half).replace(".", ","))
    assert dialog.table.currentRow() == 1  # Enter went down the column
    assert dialog.table.item(0, CAPAIAN).text() == "50,00 % · kendala wajib"
    _save(qtbot, dialog)  # refused: the kendala cells marked, the reason said
    assert dialog.isVisible()
    assert "kendala dan tindak lanjut wajib diisi" in dialog.error_label.text()
    marked = {(c.row(), c.column()) for c in dialog.grid.errors}
    assert marked == {(0, PROBLEMS), (0, FOLLOW_UP)}
    assert _stored(db, dialog.results[0].indicator_id) == []
    shot(dialog, "realisasi-kendala-wajib.png")
    _type(qtbot, dialog, 0, PROBLEMS, "Bidan desa belum lengkap")
    _type(qtbot, dialog, 0, FOLLOW_UP, "Penempatan bidan baru")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    [row] = _stored(db, dialog.results[0].indicator_id)
    assert (row.value, row.problems, row.follow_up) == (half, "Bidan desa belum lengkap", "Penempatan bidan baru")


def test_a_correction_to_100_percent_clears_the_stale_kendala(qtbot, db, signed) -> None:  # noqa: ANN001
    pk, quarter = signed
    first = cascade.lower_quarter(db, pk, quarter).indicators[0]
    half = first.target_to_date / 2
    cascade.save_lower_realisations(db, pk, quarter, [RealizationInput(
        first.indicator_id, half, problems="Bidan desa belum lengkap", follow_up="Penempatan bidan baru")])
    dialog = _open(qtbot, db, signed)
    assert dialog.table.item(0, PROBLEMS).text() == "Bidan desa belum lengkap"  # what is stored is shown
    _type(qtbot, dialog, 0, VALUE, str(first.target_to_date).replace(".", ","))
    assert dialog.table.item(0, CAPAIAN).text() == "100,00 % · kendala lama dikosongkan"
    assert "dikosongkan saat disimpan" in dialog.table.item(0, CAPAIAN).toolTip()
    shot(dialog, "realisasi-kendala-lama.png")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    [row] = _stored(db, first.indicator_id)
    assert (row.value, row.problems, row.follow_up) == (first.target_to_date, "", "")


def test_the_grid_pastes_from_excel_cell_by_cell_copies_tsv_and_undoes(qtbot, db, signed) -> None:  # noqa: ANN001
    dialog = _open(qtbot, db, signed)
    table = dialog.table
    targets = [r.target_to_date for r in dialog.results]
    # GIVEN three rows copied from Excel: realisation, kendala, tindak lanjut; the second's figure mistyped
    QGuiApplication.clipboard().setText(
        f"{targets[0]}\t\t\r\n1x5\tPosyandu sepi\tKunjungan rumah\r\n{targets[2]}\t\t\r\n".replace(".", ","))
    table.setCurrentCell(0, VALUE)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert table.item(0, VALUE).text() == str(targets[0]).replace(".", ",")
    assert table.item(1, VALUE).text() == ""  # refused, marked red with the reason
    assert table.item(1, PROBLEMS).text() == "Posyandu sepi"
    [(cell, reason)] = dialog.grid.errors.items()
    assert (cell.row(), cell.column()) == (1, VALUE) and "“1x5” bukan angka" in reason
    assert "8 sel ditempel" in dialog.error_label.text() and "1 sel ditolak" in dialog.error_label.text()
    assert table.item(0, CAPAIAN).text() == "100,00 %"
    shot(dialog, "realisasi-tempel.png")
    # copy a block as tab-separated text
    table.setCurrentCell(1, PROBLEMS)
    table.setRangeSelected(table.selectedRanges()[0], False)
    from PySide6.QtWidgets import QTableWidgetSelectionRange

    table.setRangeSelected(QTableWidgetSelectionRange(1, PROBLEMS, 1, FOLLOW_UP), True)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Posyandu sepi\tKunjungan rumah\r\n"
    # undo takes the whole paste back, redo puts it again
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [table.item(r, VALUE).text() for r in range(3)] == ["", "", ""]
    assert table.item(1, PROBLEMS).text() == ""
    dialog.grid.redo_action.trigger()  # "Ulangi" of the grid's context menu
    assert table.item(2, VALUE).text() == str(targets[2]).replace(".", ",")
    # the second figure typed right, everything saved
    _type(qtbot, dialog, 1, VALUE, "1,5")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [r.value for r in _stored(db, dialog.results[2].indicator_id)] == [Decimal(targets[2])]
