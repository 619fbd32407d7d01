"""The fields of a planning period, shared by the set-up wizard's page and the period dialog.

Both forms (ui/setup_period.ui, ui/period_form.ui) name their widgets alike: ``rpjmdRadio``,
``transitionRadio``, ``startSpin``, ``endSpin``, ``periodNameEdit``, ``yearsValue``. An RPJMD is five
years from its first, so the last year follows the first and is not typed; a transition period's is.
"""

from __future__ import annotations

from typing import Any

from ..domain.enums import PeriodKind
from ..services.periods import PeriodData, default_name


class PeriodFields:
    def __init__(self, ui: Any) -> None:
        self.ui = ui
        for signal in (ui.startSpin.valueChanged, ui.endSpin.valueChanged):
            signal.connect(lambda _value: self.update())
        ui.rpjmdRadio.toggled.connect(lambda _checked: self.update())

    def kind(self) -> PeriodKind:
        return PeriodKind.RPJMD if self.ui.rpjmdRadio.isChecked() else PeriodKind.TRANSITION

    def load(self, data: PeriodData) -> None:
        ui = self.ui
        # The kind first: while RPJMD is checked, the last year follows the first and would be overwritten.
        ui.rpjmdRadio.setChecked(data.kind is PeriodKind.RPJMD)
        ui.transitionRadio.setChecked(data.kind is PeriodKind.TRANSITION)
        ui.startSpin.setValue(data.start_year)
        ui.endSpin.setValue(data.end_year)
        ui.periodNameEdit.setText(data.name if data.name != default_name(data.kind, data.start_year,
                                                                          data.end_year) else "")
        self.update()

    def update(self) -> None:
        ui = self.ui
        kind = self.kind()
        if kind is PeriodKind.RPJMD:
            ui.endSpin.blockSignals(True)
            ui.endSpin.setValue(ui.startSpin.value() + 4)
            ui.endSpin.blockSignals(False)
        ui.endSpin.setEnabled(kind is PeriodKind.TRANSITION)
        start, end = ui.startSpin.value(), ui.endSpin.value()
        ui.periodNameEdit.setPlaceholderText(default_name(kind, start, end))
        ui.yearsValue.setText(", ".join(str(y) for y in range(start, end + 1)) if end >= start else "—")

    def read(self, data: PeriodData) -> None:
        """Copy the fields into ``data`` (an empty name: the default one)."""
        ui = self.ui
        data.kind = self.kind()
        data.start_year, data.end_year = ui.startSpin.value(), ui.endSpin.value()
        data.name = ui.periodNameEdit.text()

    def error_labels(self) -> dict[str, tuple[Any, Any]]:
        ui = self.ui
        return {
            "start_year": (ui.startError, ui.startSpin),
            "end_year": (ui.endError, ui.endSpin),
            "name": (ui.periodNameError, ui.periodNameEdit),
        }
