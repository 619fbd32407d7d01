"""Helpers shared by the server-mode tests: an in-memory keyring, and a quarter report as a form sends it back."""

from __future__ import annotations

from keyring.backend import KeyringBackend

from kinerja_desktop.services.evaluation_data import BudgetInput, OpdEvaluation, QuarterReport, RealizationInput


class MemoryKeyring(KeyringBackend):
    """A keyring backend in memory: what the OS keyring does, for the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


def report_from(loaded: OpdEvaluation, kendala: str) -> QuarterReport:
    """What a form sends back: the values as loaded (with their versions), every kendala typed anew."""
    q = loaded.quarter - 1
    indicators = [
        RealizationInput(
            r.indicator_id,
            r.quarter_values[q],
            r.quarter_grades[q] or None,
            kendala,
            "Tindak lanjut " + kendala,
            version=loaded.versions[r.indicator_id],
        )
        for r in loaded.indicators
    ]
    budgets = [
        BudgetInput(p.program_id, p.quarter_amounts[q], version=loaded.budget_versions[p.program_id])
        for p in loaded.programs
        if p.program_id
    ]
    return QuarterReport(loaded.opd_id, loaded.year, loaded.quarter, indicators, budgets)
