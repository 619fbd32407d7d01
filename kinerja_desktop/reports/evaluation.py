"""Quarterly evaluation of one OPD and the ranking of all OPDs (landscape reports).

The numbers (capaian, progress, serapan, scores) arrive computed as Decimals: this module only
formats and lays them out. Missing figures print as "belum diisi" (or the row's own label such as
"belum rilis"), never as 0.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.domain.enums import Quarter
from kinerja_desktop.domain.formatting import format_date
from kinerja_desktop.reports.blocks import SignatureColumn, letterhead, signature_table
from kinerja_desktop.reports.charts import legend, score_charts
from kinerja_desktop.reports.data import EvaluationIndicatorRow, QuarterEvaluationDocument, RankingDocument
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import CELL_FONT, GRID, HEADER_FILL, TOTAL_FILL, styles
from kinerja_desktop.reports.tables import GroupedTable, RowGroup
from kinerja_desktop.reports.text import format_amount, format_percent, format_target, markup

DASH = "\u2013"
SMALL_TABLE_STYLE: list[tuple[Any, ...]] = [
    CELL_FONT,
    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(text, style)


def _missing(label: str) -> str:
    return f"<i>{markup(label)}</i>"


def _headings(lines: list[str]) -> list[Flowable]:
    st = styles()
    return [Paragraph(markup(line), st.subtitle) for line in lines] + [Spacer(1, 10)]


# --- quarterly evaluation -------------------------------------------------------------------------


def _indicator_cells(number: int, row: EvaluationIndicatorRow, quarter: Quarter) -> list[Any]:
    st = styles()
    missing = _missing(row.missing_label)
    realization = format_target(row.realization, with_unit=False)
    if realization and row.provisional:
        realization += "*"
    return [
        _p(f"{number}.", st.small_center),
        _p(markup(row.indicator), st.small_cell),
        _p(markup(row.unit), st.small_center),
        _p(markup(format_target(row.annual_target, with_unit=False, empty=DASH)), st.small_center),
        _p(markup(format_target(row.target_to_date, with_unit=False, empty=DASH)), st.small_center),
        _p(markup(realization) if realization else missing, st.small_center),
        _p(format_percent(row.achievement) if row.achievement is not None else missing, st.small_center),
        _p(format_percent(row.progress) if row.progress is not None else missing, st.small_center),
        _p(markup(row.problems) or DASH, st.small_cell),
        _p(markup(row.follow_up) or DASH, st.small_cell),
    ]


def _indicator_groups(doc: QuarterEvaluationDocument) -> list[RowGroup]:
    """One group per sasaran spanning its indicators; cut by a page, it continues with "(lanjutan)"."""
    st = styles()
    quarter = Quarter(doc.quarter)
    groups: list[RowGroup] = []
    number = 0
    for goal, members in groupby(doc.indicators, key=lambda r: r.goal):
        rows: list[list[Any]] = []
        for row in members:
            number += 1
            cells = _indicator_cells(number, row, quarter)
            rows.append([cells[0], _p(markup(goal), st.small_cell) if not rows else "", *cells[1:]])
        commands = [("SPAN", (1, 0), (1, len(rows) - 1))] if len(rows) > 1 else []
        groups.append(RowGroup(rows, commands, {1: _p(f"{markup(goal)} <i>(lanjutan)</i>", st.small_cell)}))
    return groups


def _program_groups(doc: QuarterEvaluationDocument) -> list[RowGroup]:
    st = styles()
    missing = _missing("belum diisi")
    groups = []
    for number, program in enumerate(doc.programs, start=1):
        name = markup(program.name)
        if program.code:
            name = f"{markup(program.code)} {name}"
        groups.append(
            RowGroup(
                [
                    [
                        _p(f"{number}.", st.small_center),
                        _p(name, st.small_cell),
                        _p(format_amount(program.budget), st.small_right),
                        _p(format_amount(program.realized), st.small_right)
                        if program.realized is not None
                        else _p(missing, st.small_center),
                        _p(format_percent(program.absorption), st.small_center)
                        if program.absorption is not None
                        else _p(missing, st.small_center),
                    ]
                ]
            )
        )
    total_budget = sum(p.budget for p in doc.programs)
    reported = [p.realized for p in doc.programs if p.realized is not None]
    total_row = [
        _p("Jumlah", st.small_header),
        "",
        _p(format_amount(total_budget), st.small_bold_right),
        _p(format_amount(sum(reported)), st.small_bold_right) if reported else _p(missing, st.small_center),
        _p(format_percent(doc.total_absorption), st.small_header)
        if doc.total_absorption is not None
        else _p(missing, st.small_center),
    ]
    groups.append(RowGroup([total_row], [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (-1, 0), TOTAL_FILL)]))
    return groups


def _summary(doc: QuarterEvaluationDocument, width: float) -> Table:
    st = styles()
    score = format_percent(doc.score) if doc.score is not None else _missing("belum dapat dihitung")
    predicate = markup(doc.predicate) if doc.predicate else DASH
    absorption = f"{format_percent(doc.total_absorption)} %" if doc.total_absorption is not None else DASH
    rows = [
        [
            _p(f"Nilai kinerja: <b>{score}</b>", st.cell),
            _p(f"Predikat: <b>{predicate}</b>", st.cell),
            _p(f"Serapan anggaran s.d. {Quarter(doc.quarter).label}: <b>{absorption}</b>", st.cell),
        ]
    ]
    table = Table(rows, colWidths=[width * 0.28, width * 0.3, width * 0.42], hAlign="LEFT")
    table.setStyle(
        TableStyle([CELL_FONT, ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("BACKGROUND", (0, 0), (-1, -1), TOTAL_FILL)])
    )
    return table


def render_quarter_evaluation(doc: QuarterEvaluationDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write the quarterly evaluation of one OPD (landscape) to ``out``."""
    st = styles()
    quarter = Quarter(doc.quarter)
    digest = fingerprint(doc)
    meta = DocumentMeta(
        title=f"Evaluasi Kinerja {quarter.label} Tahun {doc.year} \u2013 {doc.unit_name}",
        author=f"Pemerintah {doc.region.full_name}",
        subject=f"Laporan evaluasi kinerja dan realisasi anggaran {quarter.label} Tahun {doc.year}",
        identity=doc.identity,
        fingerprint=digest,
        qr=False,
        watermark=doc.watermark,
        dated=doc.signed_on,
        source=doc.source,
    )
    pdf = new_document(out, meta, paper, wide=True)
    width, height = frame_size(pdf)
    story: list[Flowable] = letterhead(doc.letterhead, width)
    story += _headings(
        [
            f"LAPORAN EVALUASI KINERJA {quarter.label.upper()} TAHUN {doc.year}",
            doc.unit_name.upper(),
            doc.region.full_name.upper(),
        ]
    )
    story += [_summary(doc, width)]
    h = st.small_header
    to_date = f"s.d. TW {quarter.roman}"
    header = [
        [
            _p("No", h),
            _p("Sasaran", h),
            _p("Indikator Kinerja", h),
            _p("Satuan", h),
            _p("Target Tahunan", h),
            _p(f"Target {to_date}", h),
            _p(f"Realisasi {to_date}", h),
            _p("Capaian (%)", h),
            _p("Progress thd Target Tahunan (%)", h),
            _p("Kendala", h),
            _p("Tindak Lanjut", h),
        ]
    ]
    fixed = [0.8, 3.6, 4.0, 1.9, 1.8, 1.8, 1.8, 1.6, 2.0, 3.3]
    widths = [w * cm for w in fixed] + [width - sum(fixed) * cm]
    # Each section heading is its table's lead: it never ends a page without rows under it.
    story.append(
        GroupedTable(
            header,
            _indicator_groups(doc),
            widths,
            SMALL_TABLE_STYLE,
            frame_height=height,
            lead=[Spacer(1, 10), _p("A. Capaian Indikator Kinerja", st.cell_bold), Spacer(1, 4)],
            min_groups=1,
        )
    )
    if any(r.provisional for r in doc.indicators):
        story.append(_p("* angka sementara, belum diverifikasi Bappeda", st.small_cell))
    program_header = [
        [_p("No", h), _p("Program", h), _p("Pagu (Rp)", h), _p(f"Realisasi {to_date} (Rp)", h), _p("Serapan (%)", h)]
    ]
    program_widths = [0.8 * cm, width - 12.3 * cm, 4.0 * cm, 4.5 * cm, 3.0 * cm]
    signature = signature_table(
        None,
        SignatureColumn.of(doc.signer),
        width,
        f"{doc.place}, {format_date(doc.signed_on)}",
    )
    story.append(
        GroupedTable(
            program_header,
            _program_groups(doc),
            program_widths,
            SMALL_TABLE_STYLE,
            frame_height=height,
            lead=[Spacer(1, 12), _p("B. Realisasi Anggaran Program", st.cell_bold), Spacer(1, 4)],
            tail=[Spacer(1, 14), signature],
            keep_groups=2,
            min_groups=1,
        )
    )
    build(pdf, story, meta)


# --- ranking --------------------------------------------------------------------------------------


def render_ranking(doc: RankingDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write the ranking of OPDs with a bar chart of their scores (landscape) to ``out``."""
    st = styles()
    label = Quarter(doc.quarter).label if doc.quarter else ""
    period = f"{label.upper()} " if label else ""
    digest = fingerprint(doc)
    meta = DocumentMeta(
        title=" ".join(
            part for part in (doc.title.title(), label, f"Tahun {doc.year} \u2013 {doc.region.full_name}") if part
        ),
        author=f"Pemerintah {doc.region.full_name}",
        subject="Peringkat nilai kinerja, serapan anggaran dan efisiensi perangkat daerah",
        identity=doc.identity,
        fingerprint=digest,
        qr=False,
        watermark=doc.watermark,
        dated=doc.signed_on,
        source=doc.source,
    )
    pdf = new_document(out, meta, paper, wide=True)
    width, height = frame_size(pdf)
    story: list[Flowable] = letterhead(doc.letterhead, width)
    story += _headings([doc.title.upper(), f"{period}TAHUN {doc.year}", doc.region.full_name.upper()])
    h = st.small_header
    header = [
        [
            _p("Peringkat", h),
            _p("Kode", h),
            _p("Perangkat Daerah", h),
            _p("Nilai", h),
            _p("Predikat", h),
            _p("Serapan (%)", h),
            _p("Efisiensi", h),
            _p("Catatan", h),
        ]
    ]
    fixed = [1.6, 4.0, 0.0, 1.6, 2.4, 1.8, 2.4, 4.4]
    widths = [w * cm for w in fixed]
    widths[2] = width - sum(widths)
    incomplete = _missing("data belum lengkap")
    groups = []
    for row in doc.rows:
        notes = [incomplete] if not row.complete else []
        if row.note:
            notes.append(markup(row.note))
        cells = [
            _p(str(row.rank) if row.rank is not None else DASH, st.small_center),
            _p(markup(row.code), st.small_cell),
            _p(markup(row.name), st.small_cell),
            _p(format_percent(row.score) if row.score is not None else DASH, st.small_center),
            _p(markup(row.predicate) if row.predicate else DASH, st.small_center),
            _p(format_percent(row.absorption) if row.absorption is not None else DASH, st.small_center),
            _p(markup(row.efficiency) if row.efficiency else DASH, st.small_center),
            _p("; ".join(notes), st.small_cell),
        ]
        groups.append(RowGroup([cells]))
    # The signature closes the ranking table (kept with its last rows); the chart follows as a figure.
    tail: list[Flowable] = []
    if doc.signer is not None:
        column = SignatureColumn.of(doc.signer)
        tail = [Spacer(1, 14), signature_table(None, column, width, f"{doc.place}, {format_date(doc.signed_on)}")]
    story.append(
        GroupedTable(header, groups, widths, SMALL_TABLE_STYLE, frame_height=height, tail=tail, min_groups=1)
    )
    # Heading, spacing and legend take about 70 pt beside the bars on each part's page.
    charts = score_charts(doc.rows, doc.bands, width, height - 70)
    for number, chart in enumerate(charts, start=1):
        title = "Grafik Nilai Kinerja Perangkat Daerah"
        if len(charts) > 1:
            title += f" ({number} dari {len(charts)})"
        story += [
            Spacer(1, 14),
            KeepTogether([_p(title, st.cell_bold), Spacer(1, 4), chart, Spacer(1, 4), legend(doc.bands, width)]),
        ]
    build(pdf, story, meta)
