"""Beranda: the dashboard of the chosen year — OPDs, agreements signed and drafts, the latest quarter's ranking
(five best and five last with predicates, a bar chart of all scores), belum lapor and early warnings, and
who reported each quarter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import DEFAULT_BANDS, PredicateBands
from ...domain.enums import AgreementStatus, Quarter
from ...domain.formatting import format_date, format_number
from ...services import evaluation, overview
from ...services.evaluation_data import Ranking, RankingRow
from ...services.quarter_view import load_quarter_view
from ..charts import Bar, BarChart, LegendEntry, Marker
from ..models.evaluation_colors import ALERT, band_colors, predicate_color
from ..models.record_table import CENTER, RIGHT, Column, RecordTableModel
from ..views import setup_table
from .base import Screen, heading, note


@dataclass(frozen=True)
class _Line:
    label: str
    value: int
    of: int | None = None


class _Figure(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addStretch()


class HomeScreen(Screen):
    opd_activated = Signal(str)  # a bar of the chart was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ranking: Ranking | None = None
        self.bands: PredicateBands = DEFAULT_BANDS  # the regency's, read at refresh
        self.latest_quarter: int | None = None
        self.regency_label = heading("")
        self.sample_label = note()

        # -- the year's figures
        self.active_figure = _Figure(self.tr("perangkat daerah aktif"))
        self.signed_figure = _Figure(self.tr("PK ditandatangani"))
        self.draft_figure = _Figure(self.tr("PK draf atau final, belum ditandatangani"))
        self.missing_figure = _Figure(self.tr("belum lapor"))
        self.warning_figure = _Figure(self.tr("indikator di bawah ambang peringatan dini"))
        self.active_value = self.active_figure.value
        self.signed_value = self.signed_figure.value
        self.draft_value = self.draft_figure.value
        self.not_reported_value = self.missing_figure.value
        self.warnings_value = self.warning_figure.value
        self.inactive_value = QLabel()
        figures = QGridLayout()
        for column, figure in enumerate(
            (self.active_figure, self.signed_figure, self.draft_figure, self.missing_figure, self.warning_figure)
        ):
            figures.addWidget(figure, 0, column)
        self.inactive_note = note()

        # -- latest quarter: five best, five last, all scores
        self.quarter_label = QLabel()
        font = self.quarter_label.font()
        font.setBold(True)
        self.quarter_label.setFont(font)
        self.quarter_note = note()
        self.top = self._ranking_model()
        self.bottom = self._ranking_model()
        self.top_box, self.top_view = self._table_box(self.top, self.tr("Lima terbaik"), stretch=1)
        self.bottom_box, self.bottom_view = self._table_box(self.bottom, self.tr("Lima terbawah"), stretch=1)
        self.chart = BarChart()
        self.chart.barClicked.connect(self.opd_activated)
        # The chart is as tall as its bars: the page scrolls as one (no scroll area inside the page's own).
        ranks = QVBoxLayout()
        ranks.addWidget(self.top_box)
        ranks.addWidget(self.bottom_box)
        latest = QHBoxLayout()
        latest.addLayout(ranks, 1)
        latest.addWidget(self.chart, 1, Qt.AlignmentFlag.AlignTop)

        # -- agreements by status and reporting by quarter
        self.agreements = RecordTableModel[_Line](
            [
                Column(self.tr("Status"), lambda r: r.label),
                Column(self.tr("Jumlah"), lambda r: format_number(r.value, 0), lambda r: r.value, RIGHT),
            ],
            self,
        )
        self.reporting = RecordTableModel[_Line](
            [
                Column(self.tr("Triwulan"), lambda r: r.label),
                Column(self.tr("Perangkat daerah melapor"), self._of_text, lambda r: r.value, RIGHT),
            ],
            self,
        )
        self.agreements_box, self.agreements_view = self._table_box(self.agreements, "")
        self.reporting_box, self.reporting_view = self._table_box(self.reporting, "")
        self.reporting_note = note()
        self.reporting_box.layout().addWidget(self.reporting_note)
        # Beside the tall chart, under the five best and last: the left column is used to its end.
        ranks.addWidget(self.agreements_box)
        ranks.addWidget(self.reporting_box)
        ranks.addStretch()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.regency_label)
        layout.addWidget(self.sample_label)
        layout.addLayout(figures)
        layout.addWidget(self.inactive_note)
        layout.addWidget(self.quarter_label)
        layout.addWidget(self.quarter_note)
        layout.addLayout(latest, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _ranking_model(self) -> RecordTableModel[RankingRow]:
        return RecordTableModel[RankingRow](
            [
                Column(self.tr("No"), lambda r: str(r.rank) if r.rank else "–", lambda r: r.rank, CENTER),
                Column(self.tr("Perangkat daerah"), lambda r: r.opd_abbreviation, tooltip=lambda r: r.opd_name),
                Column(self.tr("Nilai"), lambda r: format_number(r.score, 2, empty="–"), lambda r: r.score, RIGHT),
                Column(self.tr("Predikat"), lambda r: r.predicate or "–",
                       color=lambda r: predicate_color(r.predicate, self.bands).darker(130)),
                Column(self.tr("Keterangan"), lambda r: r.flag, color=lambda r: ALERT if r.flag else None),
            ],
            self,
            row_id=lambda r: r.opd_id,
        )

    def _table_box(self, model: RecordTableModel, title: str, stretch: int = 0) -> tuple[QGroupBox, QTableView]:
        box = QGroupBox(title)
        view = QTableView()
        view.setModel(model)
        setup_table(view, stretch_column=stretch, sortable=False)
        view.setSizeAdjustPolicy(QTableView.SizeAdjustPolicy.AdjustToContents)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(view)
        return box, view

    def _of_text(self, line: _Line) -> str:
        if line.of is None:
            return format_number(line.value, 0)
        return self.tr("{0} dari {1}").format(format_number(line.value, 0), format_number(line.of, 0))

    def title(self) -> str:
        return self.tr("Beranda")

    def refresh(self) -> None:
        if self.db is None:
            return
        from ..evaluation_flow import ServiceSource

        self.bands = ServiceSource(self.db).settings().bands
        data = overview.summary(self.db, self.year)
        self.regency_label.setText(data.regency_name or self.tr("Pemerintah daerah belum diatur"))
        self.sample_label.setText(
            self.tr("Basis data ini berisi data contoh fiktif, bukan untuk pekerjaan nyata.") if data.is_sample else ""
        )
        self.sample_label.setVisible(data.is_sample)
        self.active_value.setText(format_number(data.active_opds, 0))
        self.inactive_value.setText(format_number(data.inactive_opds, 0))
        self.inactive_note.setText(
            self.tr("Ditambah {0} perangkat daerah nonaktif.").format(format_number(data.inactive_opds, 0))
            if data.inactive_opds
            else ""
        )
        self.inactive_note.setVisible(bool(data.inactive_opds))
        by_status = data.agreements_by_status
        self.signed_value.setText(format_number(by_status.get(AgreementStatus.SIGNED, 0), 0))
        self.draft_value.setText(
            format_number(by_status.get(AgreementStatus.DRAFT, 0) + by_status.get(AgreementStatus.FINAL, 0), 0)
        )
        year = str(self.year) if self.year else "—"
        self.agreements_box.setTitle(self.tr("Perjanjian kinerja tahun {0}").format(year))
        self.reporting_box.setTitle(self.tr("Pelaporan triwulan tahun {0}").format(year))
        self.agreements.set_rows(
            [_Line(status.label, data.agreements_by_status.get(status, 0)) for status in AgreementStatus]
        )
        self.reporting.set_rows(
            [
                _Line(Quarter(q).label, data.reported_by_quarter.get(q, 0), data.opds_with_indicators)
                for q in overview.QUARTERS
            ]
            if self.year
            else []
        )
        self.reporting_note.setText(
            self.tr(
                "Dihitung dari {0} perangkat daerah aktif yang memiliki indikator Renstra pada tahun ini; "
                "melapor = sedikitnya satu realisasi indikator terisi."
            ).format(format_number(data.opds_with_indicators, 0))
        )
        self._refresh_quarter(data.reported_by_quarter)

    def _refresh_quarter(self, reported: dict[int, int]) -> None:
        """The latest quarter with reports: ranking, belum lapor, early warnings, chart."""
        self.ranking = None
        if self.db is None or self.year is None:
            self._show_no_ranking(self.tr("Belum ada tahun anggaran."))
            return
        closed = evaluation.closed_quarters(self.db, self.year)
        quarter = max([q for q, n in reported.items() if n] + list(closed), default=1)
        self.latest_quarter = quarter
        view = load_quarter_view(self.db, self.year, quarter)
        ranking = view.ranking
        self.ranking = ranking
        label = Quarter(quarter).label
        self.not_reported_value.setText(format_number(len(view.not_reported), 0))
        # Said with its base: only OPDs with a signed PK are evaluated (the table beside counts every active OPD
        # with Renstra indicators, so the two figures differ by the OPDs without a signed PK).
        self.missing_figure.caption.setText(
            self.tr("dari {0} perangkat daerah dengan PK ditandatangani belum lapor {1}").format(
                format_number(len(ranking.rows), 0), label)
        )
        self.missing_figure.setToolTip(
            self.tr("Hanya perangkat daerah yang PK {0}-nya sudah ditandatangani yang dievaluasi. Tabel Pelaporan "
                    "triwulan menghitung semua perangkat daerah aktif yang memiliki indikator Renstra, termasuk "
                    "yang PK-nya belum ditandatangani.").format(self.year)
        )
        self.warnings_value.setText(format_number(len(view.warnings), 0))
        if not ranking.rows:
            self._show_no_ranking(
                self.tr("Belum ada PK {0} yang ditandatangani: belum ada peringkat.").format(self.year)
            )
            return
        state = (
            self.tr("ditutup {0}, dibekukan").format(format_date(ranking.closed_at.date()))
            if ranking.closed_at
            else self.tr("sementara, belum ditutup")
        )
        self.quarter_label.setText(self.tr("Peringkat {0} tahun {1} ({2})").format(label, self.year, state))
        ranked = [r for r in ranking.rows if r.rank is not None]
        self.quarter_note.setText(
            self.tr("{0} perangkat daerah bernilai dari {1} dengan PK ditandatangani. "
                    "Rincian dan penutupan triwulan di layar Evaluasi Triwulan.").format(len(ranked),
                                                                                        len(ranking.rows))
        )
        self.top.set_rows(ranked[:5])
        self.bottom.set_rows(list(reversed(ranked[-5:])) if len(ranked) > 5 else [])
        self.bottom_box.setVisible(len(ranked) > 5)
        bands = self.bands
        rows = sorted(ranking.rows, key=lambda r: (r.score is None, -(r.score or 0), r.opd_abbreviation))
        self.chart.set_title(self.tr("Nilai perangkat daerah, {0} {1}").format(label, self.year))
        self.chart.set_data(
            [Bar(r.opd_id, r.opd_abbreviation, r.score, predicate_color(r.predicate, bands), r.opd_name)
             for r in rows],
            [Marker(b.lower) for b in bands if b.lower > 0],
            [LegendEntry(name, color) for name, color in band_colors(bands).items()],
        )

    def _show_no_ranking(self, text: str) -> None:
        self.quarter_label.setText(self.tr("Peringkat triwulan"))
        self.quarter_note.setText(text)
        self.top.set_rows([])
        self.bottom.set_rows([])
        self.chart.set_data([])
