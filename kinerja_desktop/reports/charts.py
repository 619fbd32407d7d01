"""Charts drawn with ReportLab graphics: OPD scores as horizontal bars over the predicate bands."""

from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from kinerja_desktop.domain.formatting import format_number
from kinerja_desktop.reports.data import PredicateBand, RankingRow
from kinerja_desktop.reports.fonts import SANS, SANS_BOLD

INCOMPLETE = colors.HexColor("#a6a6a6")
ROW_HEIGHT = 17.0
LABEL_WIDTH = 230.0


def band_of(score: Decimal, bands: tuple[PredicateBand, ...]) -> PredicateBand | None:
    for band in bands:
        if score >= band.lower and (band.upper is None or score < band.upper):
            return band
    return None


def tint(hex_color: str, amount: float = 0.8) -> colors.Color:
    """A light version of a band colour for the background stripes."""
    base = colors.HexColor(hex_color)
    return colors.Color(
        base.red + (1 - base.red) * amount,
        base.green + (1 - base.green) * amount,
        base.blue + (1 - base.blue) * amount,
    )


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "\u2026"


CHART_MARGINS = 14.0 + 26.0  # above and below the bars


def score_charts(
    rows: tuple[RankingRow, ...], bands: tuple[PredicateBand, ...], width: float, max_height: float
) -> list[Drawing]:
    """The score chart cut into parts that each fit ``max_height`` (a regency has 40–60 OPDs: more
    than one landscape page of bars); the ranks continue from part to part. Empty when no OPD has a score."""
    scored = [row for row in rows if row.score is not None]
    scored.sort(key=lambda r: (r.rank is None, r.rank or 0, -(r.score or 0)))
    capacity = max(int((max_height - CHART_MARGINS) // ROW_HEIGHT), 1)
    parts = -(-len(scored) // capacity)
    per_part = -(-len(scored) // parts) if parts else capacity  # even parts, not a last one of two bars
    maximum = axis_maximum(scored)  # one scale for every part
    return [
        chart
        for start in range(0, len(scored), per_part)
        if (chart := score_chart(tuple(scored[start : start + per_part]), bands, width, maximum)) is not None
    ]


def axis_maximum(rows: list[RankingRow] | tuple[RankingRow, ...]) -> int:
    """100, or the next ten above the best score when scores pass 100 (they may, up to the cap)."""
    best = max((row.score for row in rows if row.score is not None), default=Decimal(0))
    return 100 if best <= 100 else math.ceil(best / 10) * 10


def axis_label(maximum: int) -> str:
    """``Nilai kinerja (0–120)``: the label says the scale the axis shows."""
    return f"Nilai kinerja (0\u2013{maximum})"


def score_chart(
    rows: tuple[RankingRow, ...], bands: tuple[PredicateBand, ...], width: float, maximum: int | None = None
) -> Drawing | None:
    """Scores of the OPDs that have one, best at the top; None when no OPD has a score."""
    scored = [row for row in rows if row.score is not None]
    if not scored:
        return None
    scored.sort(key=lambda r: (r.rank is None, r.rank or 0, -(r.score or 0)))
    top, bottom = 14.0, 26.0
    plot_height = ROW_HEIGHT * len(scored)
    height = plot_height + top + bottom
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS  # else the renderer selects Helvetica (a base-14 font)
    x0 = LABEL_WIDTH
    plot_width = width - x0 - 40
    maximum = maximum if maximum is not None else axis_maximum(scored)

    for band in bands:  # background stripes of the predicate bands
        lower = max(float(band.lower), 0.0)
        upper = min(float(band.upper) if band.upper is not None else maximum, maximum)
        if upper <= lower:
            continue
        drawing.add(
            Rect(
                x0 + plot_width * lower / maximum,
                bottom,
                plot_width * (upper - lower) / maximum,
                plot_height,
                fillColor=tint(band.color),
                strokeColor=None,
            )
        )

    chart = HorizontalBarChart()
    chart.x, chart.y = x0, bottom
    chart.width, chart.height = plot_width, plot_height
    # HorizontalBarChart draws the first category at the bottom: reverse so rank 1 is on top.
    ordered = list(reversed(scored))
    chart.data = [[float(r.score or 0) for r in ordered]]
    chart.categoryAxis.categoryNames = [_short(r.name) for r in ordered]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.visibleTicks = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = maximum
    chart.valueAxis.valueStep = 10
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#c8c8c8")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.labelTextFormat = lambda v: format_number(Decimal(str(v)), 0)
    chart.barWidth = ROW_HEIGHT * 0.62
    chart.groupSpacing = ROW_HEIGHT * 0.38
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: format_number(Decimal(str(v)), 2)
    chart.barLabels.fontName = SANS_BOLD
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for index, row in enumerate(ordered):
        found = band_of(row.score, bands) if row.score is not None else None
        color = colors.HexColor(found.color) if found and row.complete else INCOMPLETE
        chart.bars[(0, index)].fillColor = color
    drawing.add(chart)
    drawing.add(
        String(x0 + plot_width / 2, 4, axis_label(maximum), fontName=SANS, fontSize=7.5, textAnchor="middle")
    )
    return drawing


def legend(bands: tuple[PredicateBand, ...], width: float) -> Drawing:
    """Colour swatches with the band ranges, e.g. ``Tinggi (76 – < 91)``, and the incomplete grey."""
    items: list[tuple[colors.Color, str]] = []
    for band in bands:
        lower = format_number(band.lower, None)
        if band.upper is None:
            text = f"{band.label} (\u2265 {lower})"
        elif band.lower <= 0:
            text = f"{band.label} (< {format_number(band.upper, None)})"
        else:
            text = f"{band.label} ({lower} \u2013 < {format_number(band.upper, None)})"
        items.append((colors.HexColor(band.color), text))
    items.append((INCOMPLETE, "Data belum lengkap"))
    drawing = Drawing(width, 16)
    drawing.initialFontName = SANS
    x = 0.0
    step = width / len(items)
    for color, text in items:
        drawing.add(Rect(x, 3, 10, 10, fillColor=color, strokeColor=None))
        drawing.add(String(x + 14, 5, text, fontName=SANS, fontSize=7.5))
        x += step
    return drawing
