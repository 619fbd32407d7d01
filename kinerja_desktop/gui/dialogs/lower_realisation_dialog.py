"""A quarter's realisations of a signed eselon III/IV PK (while the regency monitors the lower levels), with the
OPD wizard's rules and grid: one line per indicator with the quarter's target, the realisation (what is stored
shown), kendala and tindak lanjut, and the capaian read live as the realisation is typed.

- Under 100 % the kendala and tindak lanjut are required (said in the capaian cell; refused cells marked red).
- A realisation corrected to 100 % or more drops the kendala written for the old figure (said in the capaian
  cell; :func:`services.cascade.save_lower_realisations` clears them when they come back unchanged).
- The table is the shared grid (:class:`gui.grid.GridEditing`): paste from Excel read cell by cell, copy as
  tab-separated text, Enter to the row below, undo and redo.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...domain.evaluation import needs_kendala, read_indicator
from ...domain.formatting import format_number, parse_number
from ...services import cascade, evaluation
from ...services.errors import ValidationError
from ...services.evaluation_data import IndicatorResult, RealizationInput, problems_key, value_key
from ...services.evaluation_report import realization_problem
from ..grid import GridEditing
from ..locked import FieldLock
from ..unsaved import UnsavedChangesGuard
from .agreement_actions import _buttons, _error_label

NAME, TARGET, VALUE, PROBLEMS, FOLLOW_UP, CAPAIAN = range(6)
REQUIRED = QColor(255, 236, 204)  # the wizard's orange: kendala required


class LowerRealisationDialog(UnsavedChangesGuard, QDialog):
    """A quarter's realisations of a signed eselon III/IV PK (see the module's text)."""

    def __init__(self, db: Database, agreement_id: str, quarter: int, parent: QWidget | None = None) -> None:
        from ...services import agreements

        super().__init__(parent)
        self.db, self.agreement_id, self.quarter = db, agreement_id, quarter
        detail = agreements.get_agreement(db, agreement_id)
        self.setWindowTitle(self.tr("Realisasi TW {0} {1} — {2}").format(quarter, detail.year, detail.first.position))
        self.results: list[IndicatorResult] = list(cascade.lower_quarter(db, agreement_id, quarter).indicators)
        self.negative_formula = evaluation.current_settings(db).negative_formula
        self.table = QTableWidget(len(self.results), 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Indikator"), self.tr("Target s.d. TW {0}").format(quarter), self.tr("Realisasi"),
            self.tr("Kendala"), self.tr("Tindak lanjut"), self.tr("Capaian")])
        self._filling = True
        for row, result in enumerate(self.results):
            stored = result.quarter_values[quarter - 1]
            cells = [result.name, format_number(result.target_to_date, None, empty="—"),
                     format_number(stored, None), result.problems, result.follow_up, ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (NAME, TARGET, CAPAIAN):
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
        self._filling = False
        for row in range(len(self.results)):
            self._show_reading(row)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in (NAME, PROBLEMS, FOLLOW_UP):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        widest = self.fontMetrics().horizontalAdvance("100,00 % · " + self.tr("kendala lama dikosongkan") + "xxxx")
        header.resizeSection(CAPAIAN, widest)
        self.table.itemChanged.connect(self._changed)
        self.grid = GridEditing(self.table, parse=self._parse_cell)
        self.grid.message.connect(self._say)
        self.error_label = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Capaian di bawah 100 %: kendala dan tindak lanjut wajib diisi. Sel dapat ditempel dari Excel "
            "(Ctrl+V), disalin (Ctrl+C), Enter ke baris berikutnya, Ctrl+Z membatalkan.")))
        layout.addWidget(self.table)
        layout.addWidget(self.error_label)
        self.buttons = _buttons(self, self.tr("Simpan"))
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x" * 150), self.fontMetrics().height() * 22)
        self.lock = FieldLock(self)
        self.lock.reason_shown.connect(self._say)
        if quarter in evaluation.closed_quarters(db, detail.year):
            self.lock.set_locked([self.table], self.tr(
                "Triwulan {0} tahun {1} sudah ditutup Bappeda: realisasinya terkunci dan tidak dapat diubah."
            ).format(quarter, detail.year))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.mark_clean()  # Esc or Batal after typing asks first (the shared guard)

    # -- cells -----------------------------------------------------------------------------------------
    def _parse_cell(self, index, text: str) -> str:  # noqa: ANN001 - a QModelIndex
        """A realisation is read as a number (refused in its cell otherwise); kendala are text."""
        text = text.strip()
        if index.column() != VALUE or not text:
            return text
        try:
            value = parse_number(text)
        except ValueError:
            raise ValueError(self.tr("“{0}” bukan angka; tulis misalnya 92,5").format(text)) from None
        problem = realization_problem(self.results[index.row()].indicator_id, value)
        if problem:
            raise ValueError(problem)
        return text

    def value(self, row: int) -> Decimal | None:
        """The realisation typed in ``row`` (ValueError when it is not a number)."""
        text = self.table.item(row, VALUE).text().strip()
        return parse_number(text) if text else None

    def capaian(self, row: int) -> Decimal | None:
        """The capaian to date with the typed realisation, as the evaluation reads it."""
        r = self.results[row]
        values = list(r.quarter_values)
        values[self.quarter - 1] = self.value(row)
        try:
            return read_indicator(
                polarity=r.polarity, cumulation=r.cumulation, yearly_target=r.yearly_target,
                target_to_date=r.target_to_date, target_high=r.target_high, target_grade=r.target_grade,
                scale=r.scale, values=values, grades=list(r.quarter_grades), quarter=self.quarter,
                negative_formula=self.negative_formula,
            ).capaian
        except ArithmeticError:
            return None

    def _stale(self, row: int) -> bool:
        """A stored figure corrected to 100 % or more while its old kendala are still there, unchanged."""
        r = self.results[row]
        stored = (r.problems, r.follow_up)
        typed = (self.table.item(row, PROBLEMS).text().strip(), self.table.item(row, FOLLOW_UP).text().strip())
        try:
            corrected = r.quarter_values[self.quarter - 1] is not None and self.value(row) != r.quarter_values[
                self.quarter - 1]
            capaian = self.capaian(row)
        except ValueError:
            return False
        return corrected and typed == stored and any(stored) and not needs_kendala(capaian)

    def _show_reading(self, row: int) -> None:
        cell = self.table.item(row, CAPAIAN)
        try:
            capaian = self.capaian(row)
        except ValueError:
            capaian = None
        text = self.tr("—") if capaian is None else f"{format_number(capaian, 2)} %"
        required = needs_kendala(capaian)
        tip = ""
        if required:
            text += " · " + self.tr("kendala wajib")
            tip = self.tr("Kendala dan tindak lanjut wajib diisi (capaian di bawah 100 %).")
        elif self._stale(row):
            text += " · " + self.tr("kendala lama dikosongkan")
            tip = self.tr("Realisasi dikoreksi dan capaian kini 100 % atau lebih: kendala dan tindak lanjut lama "
                          "dikosongkan saat disimpan agar tidak ikut tercetak. Ubah teksnya bila tetap ingin "
                          "menyimpannya.")
        self._filling = True
        cell.setText(text)
        cell.setToolTip(tip)
        for column in (PROBLEMS, FOLLOW_UP):
            self.table.item(row, column).setBackground(REQUIRED if required else QColor(0, 0, 0, 0))
        self._filling = False

    def _changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() in (VALUE, PROBLEMS, FOLLOW_UP):
            self._show_reading(item.row())

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- saving ----------------------------------------------------------------------------------------
    def accept(self) -> None:
        entries = []
        errors: dict[QPersistentModelIndex, str] = {}
        for row, result in enumerate(self.results):
            try:
                value = self.value(row)
            except ValueError:
                errors[QPersistentModelIndex(self.table.model().index(row, VALUE))] = self.tr(
                    "Realisasi {0} harus angka, misalnya 92,5").format(result.name)
                continue
            entries.append(RealizationInput(result.indicator_id, value,
                                            problems=self.table.item(row, PROBLEMS).text(),
                                            follow_up=self.table.item(row, FOLLOW_UP).text()))
        if not errors:
            try:
                cascade.save_lower_realisations(self.db, self.agreement_id, self.quarter, entries)
            except ValidationError as exc:
                errors = self._cells_of(exc.errors)
            else:
                super().accept()
                return
        self.grid.set_errors(errors)
        self._say("\n".join(dict.fromkeys(errors.values())))

    def _cells_of(self, problems: dict[str, str]) -> dict[QPersistentModelIndex, str]:
        """The service's refusals on their cells (kendala: both text cells); the rest on the first row."""
        model = self.table.model()
        cells: dict[QPersistentModelIndex, str] = {}
        for key, message in problems.items():
            row = next((r for r, res in enumerate(self.results) if key in (
                problems_key(res.indicator_id), value_key(res.indicator_id))), None)
            if row is None:
                cells[QPersistentModelIndex(model.index(0, VALUE))] = message
                continue
            columns = (PROBLEMS, FOLLOW_UP) if key == problems_key(self.results[row].indicator_id) else (VALUE,)
            for column in columns:
                cells[QPersistentModelIndex(model.index(row, column))] = message
        return cells
