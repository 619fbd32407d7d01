"""The evaluation screen's smaller tables (indicators of one OPD, early warnings, belum lapor), sorted in the model."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.formatting import format_number
from ...services.evaluation_data import EarlyWarning, IndicatorResult, OpdEvaluation
from .evaluation_colors import ALERT, capaian_color
from .evaluation_entry_model import target_text
from .evaluation_sorted_model import SortedRecordModel
from .record_table import MUTED, RIGHT, Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationTables", text)


def percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{format_number(value, 2)} %"


def indicator_state(r: IndicatorResult) -> str:
    if not r.state.counted:
        return r.note or r.state.label
    return "" if r.verified else _tr("sementara")


def indicator_model(threshold: Decimal, parent: Any = None) -> SortedRecordModel[IndicatorResult]:
    """Both readings of each indicator, labelled: against the target to date and against the yearly target."""
    return SortedRecordModel[IndicatorResult](
        [
            Column(_tr("Indikator"), lambda r: r.name, tooltip=lambda r: f"{r.sasaran}\n{r.name}"),
            Column(_tr("Satuan"), lambda r: r.unit),
            Column(_tr("Target\ns.d. TW"), lambda r: target_text(r.target_to_date, r.target_high, r.target_grade),
                   lambda r: r.target_to_date, RIGHT),
            Column(_tr("Realisasi\ns.d. TW"), lambda r: r.grade or format_number(r.realization_to_date, None),
                   lambda r: r.realization_to_date, RIGHT),
            Column(_tr("Capaian thd\ntarget s.d. TW"), lambda r: percent(r.capaian), lambda r: r.capaian, RIGHT,
                   lambda r: capaian_color(r.capaian, threshold),
                   lambda r: _tr("Capaian terhadap target sampai triwulan ini (rencana aksi)")),
            Column(_tr("Target\ntahunan"), lambda r: target_text(r.yearly_target, r.target_high, r.target_grade),
                   lambda r: r.yearly_target, RIGHT),
            Column(_tr("Progres thd\ntarget tahunan"), lambda r: percent(r.progress), lambda r: r.progress, RIGHT,
                   tooltip=lambda r: _tr("Realisasi s.d. triwulan ini terhadap target setahun")),
            Column(_tr("Status"), indicator_state, lambda r: indicator_state(r) or None,
                   color=lambda r: MUTED if r.state.counted else ALERT),
            Column(_tr("Kendala"), lambda r: r.problems, lambda r: r.problems or None, tooltip=lambda r: r.problems),
            Column(_tr("Tindak lanjut"), lambda r: r.follow_up, lambda r: r.follow_up or None,
                   tooltip=lambda r: r.follow_up),
        ],
        parent,
        row_id=lambda r: r.indicator_id,
    )


def warning_model(parent: Any = None) -> SortedRecordModel[EarlyWarning]:
    return SortedRecordModel[EarlyWarning](
        [
            Column(_tr("Perangkat daerah"), lambda w: w.opd_abbreviation, tooltip=lambda w: w.opd_name),
            Column(_tr("Indikator"), lambda w: w.indicator, tooltip=lambda w: w.indicator),
            Column(_tr("Capaian s.d. TW"), lambda w: percent(w.capaian), lambda w: w.capaian, RIGHT,
                   lambda _w: ALERT),
            Column(_tr("Kendala"), lambda w: w.problems or _tr("(belum diisi)"), lambda w: w.problems or None,
                   tooltip=lambda w: w.problems),
            Column(_tr("Tindak lanjut"), lambda w: w.follow_up, lambda w: w.follow_up or None,
                   tooltip=lambda w: w.follow_up),
        ],
        parent,
    )


def not_reported_model(parent: Any = None) -> SortedRecordModel[OpdEvaluation]:
    return SortedRecordModel[OpdEvaluation](
        [
            Column(_tr("Kode"), lambda e: e.opd_code,
                   lambda e: tuple(int(p) if p.isdigit() else p for p in e.opd_code.split("."))),
            Column(_tr("Singkatan"), lambda e: e.opd_abbreviation),
            Column(_tr("Perangkat daerah"), lambda e: e.opd_name),
            Column(_tr("Indikator"), lambda e: format_number(len(e.indicators), 0), lambda e: len(e.indicators),
                   RIGHT),
        ],
        parent,
        row_id=lambda e: e.opd_id,
    )
