"""The list of OPDs that have not reported a quarter ("belum lapor"), printable: a one-table PDF rendered by Qt
(QTextDocument → QPdfWriter, A4) and a CSV for spreadsheets. No report type of ``reports/`` exists for it.
"""

from __future__ import annotations

import csv
import html
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..domain.enums import Quarter
from ..domain.formatting import format_date, format_number


@dataclass(frozen=True)
class NotReportedLine:
    code: str
    abbreviation: str
    name: str
    indicators: int


def heading_lines(region: str, year: int, quarter: int) -> list[str]:
    return [
        f"PEMERINTAH {region.upper()}" if region else "PEMERINTAH DAERAH",
        "DAFTAR PERANGKAT DAERAH BELUM MELAPORKAN REALISASI KINERJA",
        f"{Quarter(quarter).label.upper()} TAHUN {year}",
    ]


def document_html(region: str, year: int, quarter: int, lines: Sequence[NotReportedLine], printed_on: date,
                  total: int) -> str:
    head = "<br/>".join(f"<b>{html.escape(t)}</b>" for t in heading_lines(region, year, quarter))
    rows = "".join(
        "<tr>"
        f"<td align='center'>{n}</td><td nowrap>{html.escape(line.code)}</td>"
        f"<td nowrap>{html.escape(line.abbreviation)}</td>"
        f"<td>{html.escape(line.name)}</td><td align='right'>{format_number(line.indicators, 0)}</td>"
        "</tr>"
        for n, line in enumerate(lines, start=1)
    )
    if not lines:
        rows = "<tr><td colspan='5' align='center'>Semua perangkat daerah sudah melapor.</td></tr>"
    summary = (
        f"{format_number(len(lines), 0)} dari {format_number(total, 0)} perangkat daerah dengan Perjanjian Kinerja "
        f"yang ditandatangani belum mengisi realisasi {Quarter(quarter).label} {year}."
    )
    return (
        "<html><body style='font-family: \"Liberation Sans\", Arial, sans-serif; font-size: 9pt;'>"
        f"<p align='center'>{head}</p>"
        f"<p>{html.escape(summary)}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%' style='border-collapse: collapse;'>"
        "<thead><tr style='background-color: #e8e8e8;'>"
        "<th width='6%' nowrap>No</th><th width='31%'>Kode</th><th width='18%'>Singkatan</th>"
        "<th>Perangkat Daerah</th><th width='14%' nowrap>Indikator</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p style='font-size: 8pt; color: #555555;'>Dicetak {html.escape(format_date(printed_on))} "
        "dengan Kinerja Desktop.</p>"
        "</body></html>"
    )


def write_pdf(path: str | Path, region: str, year: int, quarter: int, lines: Sequence[NotReportedLine],
              total: int, printed_on: date | None = None) -> Path:
    """Write the list as an A4 PDF; written to a temporary name first, then renamed."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    writer = QPdfWriter(str(temporary))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20),
                    QPageLayout.Unit.Millimeter)
    )
    writer.setResolution(300)
    writer.setTitle(" ".join(heading_lines(region, year, quarter)[1:]).title())
    writer.setCreator("Kinerja Desktop")
    document = QTextDocument()
    document.setHtml(document_html(region, year, quarter, lines, printed_on or date.today(), total))
    document.print_(writer)  # lays the text out on the writer's page, scaled from screen to 300 dpi
    del writer  # closes the file
    os.replace(temporary, target)
    return target


def write_csv(path: str | Path, lines: Sequence[NotReportedLine]) -> Path:
    target = Path(path)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(("No", "Kode", "Singkatan", "Perangkat Daerah", "Jumlah indikator"))
        for n, line in enumerate(lines, start=1):
            out.writerow((n, line.code, line.abbreviation, line.name, line.indicators))
    return target
