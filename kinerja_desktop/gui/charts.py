"""Two small charts painted with QPainter (QtCharts is deprecated and heavy; STACK.md).

- :class:`BarChart`: horizontal bars, one per OPD (scores coloured by predicate band), with the band bounds
  as dashed lines and a legend; a missing value is written out ("belum ada nilai"), never drawn as 0.
- :class:`LineChart`: values by quarter (TW I–IV) for one or more series, with reference lines (100 %, the
  early-warning threshold); a missing quarter breaks the line.

Numbers are written the Indonesian way (``97,89``); sizes follow the font, so DPI scaling works.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..domain.formatting import format_number

GRID = QColor(0, 0, 0, 30)
REFERENCE = QColor(90, 90, 90)


@dataclass(frozen=True)
class Bar:
    key: str  # e.g. the OPD id, given back by ``barClicked``
    label: str
    value: Decimal | None
    color: QColor
    tooltip: str = ""


@dataclass(frozen=True)
class Marker:
    """A reference value drawn as a dashed line with a short label (a band bound, a threshold)."""

    value: Decimal
    label: str = ""
    color: QColor = field(default_factory=lambda: QColor(REFERENCE))


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: QColor
    dashed: bool = False


def nice_step(span: float, ticks: int = 6) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``ticks`` ticks over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def axis_text(value: float) -> str:
    return format_number(Decimal(str(round(value, 2))), None)


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.empty_text = self.tr("Belum ada data")
        self.legend: list[LegendEntry] = []
        self.setMouseTracking(True)

    def set_title(self, title: str) -> None:
        self.title = title
        self.update()

    def _paint_header(self, painter: QPainter, rect: QRectF) -> float:
        """Title and legend at the top; returns the height used."""
        fm = QFontMetrics(self.font())
        y = rect.top()
        if self.title:
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(self.palette().windowText().color())
            # A narrow chart wraps its title rather than cutting it off ("… Triwulan II 20").
            flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
            used = QFontMetrics(font).boundingRect(QRect(0, 0, max(1, int(rect.width())), 10_000), flags, self.title)
            painter.drawText(QRectF(rect.left(), y, rect.width(), used.height()), flags, self.title)
            font.setBold(False)
            painter.setFont(font)
            y += used.height() + fm.height() * 0.3
        if self.legend:
            x = rect.left()
            box = fm.ascent() * 0.8
            for entry in self.legend:
                width = box + fm.horizontalAdvance(entry.label) + fm.averageCharWidth() * 3
                if x + width > rect.right() and x > rect.left():
                    x = rect.left()
                    y += fm.height()
                if entry.dashed:
                    pen = QPen(entry.color, 2, Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x, y + fm.height() / 2), QPointF(x + box, y + fm.height() / 2))
                else:
                    painter.fillRect(QRectF(x, y + (fm.height() - box) / 2, box, box), entry.color)
                painter.setPen(self.palette().windowText().color())
                painter.drawText(QPointF(x + box + fm.averageCharWidth(), y + fm.ascent()), entry.label)
                x += width
            y += fm.height() * 1.3
        return y - rect.top()

    def _paint_empty(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.empty_text)


class BarChart(_Chart):
    """Horizontal bars with labels on the left and values at their ends."""

    barClicked = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.markers: list[Marker] = []
        self.minimum_maximum = Decimal(100)
        self.selected_key: str | None = None
        self.missing_text = self.tr("belum ada nilai")
        self._bar_rects: list[tuple[QRectF, Bar]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, bars: Sequence[Bar], markers: Sequence[Marker] = (), legend: Sequence[LegendEntry] = ()) -> None:
        self.bars = list(bars)
        self.markers = list(markers)
        self.legend = list(legend)
        self.updateGeometry()
        self.update()

    def set_selected(self, key: str | None) -> None:
        self.selected_key = key
        self.update()

    def row_height(self) -> float:
        return QFontMetrics(self.font()).height() * 1.25

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        fm = QFontMetrics(self.font())
        header = fm.height() * (2.6 if self.legend else 1.3) + fm.height() * 2
        rows = max(len(self.bars), 3)
        return QSize(fm.averageCharWidth() * 60, int(header + rows * self.row_height() + fm.height() * 2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self.sizeHint()
        return QSize(QFontMetrics(self.font()).averageCharWidth() * 30, hint.height())

    def scale_maximum(self) -> Decimal:
        values = [b.value for b in self.bars if b.value is not None] + [m.value for m in self.markers]
        return max([self.minimum_maximum, *values])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        rect = QRectF(self.rect()).adjusted(fm.averageCharWidth(), fm.height() * 0.3, -fm.averageCharWidth() * 2, -2)
        # In its scroll area only a part of a long chart is shown: what is outside it is not drawn (60 OPDs' grid
        # and marker lines drawn whole cost more than the rest of the Evaluasi screen's painting).
        shown_top, shown_bottom = float(event.rect().top()) - 1, float(event.rect().bottom()) + 2
        top = rect.top() + self._paint_header(painter, rect)
        self._bar_rects = []
        if not self.bars:
            self._paint_empty(painter, QRectF(rect.left(), top, rect.width(), rect.bottom() - top))
            return
        label_width = min(max(fm.horizontalAdvance(b.label) for b in self.bars) + fm.averageCharWidth(),
                          rect.width() * 0.35)
        value_width = fm.horizontalAdvance("000,00") + fm.averageCharWidth()
        left = rect.left() + label_width
        right = rect.right() - value_width
        axis_height = fm.height() * 1.4
        bottom = rect.bottom() - axis_height
        row = min(self.row_height(), (bottom - top) / len(self.bars))
        maximum = float(self.scale_maximum())
        step = nice_step(maximum)
        maximum = math.ceil(maximum / step) * step
        width = max(right - left, 1.0)

        def x_of(value: float) -> float:
            return left + width * value / maximum

        # grid and axis labels
        text_color = self.palette().windowText().color()
        tick = 0.0
        while tick <= maximum + 1e-9:
            x = x_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(x, max(top, shown_top)), QPointF(x, min(bottom, shown_bottom)))
            painter.setPen(text_color)
            label = axis_text(tick)
            painter.drawText(QRectF(x - 30, bottom + 2, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter, label)
            tick += step
        # bars
        bar_height = max(row * 0.7, 2.0)
        for n, bar in enumerate(self.bars):
            y = top + n * row
            self._bar_rects.append((QRectF(rect.left(), y, rect.width(), row), bar))
            if y > shown_bottom or y + row < shown_top:
                continue
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - fm.averageCharWidth()))
            painter.setPen(text_color)
            font = painter.font()
            font.setBold(bar.key == self.selected_key)
            painter.setFont(font)
            painter.drawText(QRectF(rect.left(), y, label_width - fm.averageCharWidth() * 0.5, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            bar_rect = QRectF(left, y + (row - bar_height) / 2, 0, bar_height)
            if bar.value is None:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(QRectF(left + 4, y, width, row), Qt.AlignmentFlag.AlignVCenter, self.missing_text)
                bar_rect.setWidth(width)
            else:
                bar_rect.setRight(x_of(float(bar.value)))
                painter.fillRect(bar_rect, bar.color)
                if bar.key == self.selected_key:
                    painter.setPen(QPen(text_color, 1.5))
                    painter.drawRect(bar_rect)
                painter.setPen(text_color)
                painter.drawText(QRectF(bar_rect.right() + 3, y, value_width + 30, row),
                                 Qt.AlignmentFlag.AlignVCenter, format_number(bar.value, 2))
            font.setBold(False)
            painter.setFont(font)
        # markers over the bars
        dash = 6.0  # Qt's DashLine at width 1: 4 px drawn, 2 px gap; a part starts on the whole line's rhythm
        dashes_from = top + math.floor(max(shown_top - top, 0.0) / dash) * dash
        for marker in self.markers:
            x = x_of(float(marker.value))
            painter.setPen(QPen(marker.color, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, dashes_from), QPointF(x, min(top + row * len(self.bars), shown_bottom)))
        painter.end()

    def bar_at(self, x: float, y: float) -> Bar | None:
        return next((bar for rect, bar in self._bar_rects if rect.contains(x, y)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(event.position().x(), event.position().y())
        if bar is not None:
            text = bar.tooltip or f"{bar.label}: {format_number(bar.value, 2, empty=self.missing_text)}"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(event.position().x(), event.position().y())
        if bar is not None:
            self.barClicked.emit(bar.key)
        super().mousePressEvent(event)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]  # one per category
    color: QColor
    dashed: bool = False


class LineChart(_Chart):
    """Values by category (quarters) as lines with dots and value labels; None leaves a gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = ["TW I", "TW II", "TW III", "TW IV"]
        self.series: list[Series] = []
        self.markers: list[Marker] = []
        self.minimum_maximum = Decimal(100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, series: Sequence[Series], markers: Sequence[Marker] = (),
                 categories: Sequence[str] | None = None) -> None:
        self.series = list(series)
        self.markers = list(markers)
        if categories is not None:
            self.categories = list(categories)
        # Reference lines are named in the legend, not on the plot, where they would cover the values.
        self.legend = [LegendEntry(s.name, s.color, s.dashed) for s in self.series]
        self.legend += [LegendEntry(m.label, m.color, True) for m in self.markers if m.label]
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetrics(self.font())
        return QSize(fm.averageCharWidth() * 50, fm.height() * 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetrics(self.font())
        return QSize(fm.averageCharWidth() * 30, fm.height() * 11)

    def has_values(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        rect = QRectF(self.rect()).adjusted(fm.averageCharWidth(), fm.height() * 0.3, -fm.averageCharWidth() * 2, -2)
        top = rect.top() + self._paint_header(painter, rect) + fm.height() * 0.5
        if not self.has_values():
            self._paint_empty(painter, QRectF(rect.left(), top, rect.width(), rect.bottom() - top))
            return
        values = [float(v) for s in self.series for v in s.values if v is not None]
        values += [float(m.value) for m in self.markers]
        maximum = max([float(self.minimum_maximum), *values])
        step = nice_step(maximum, 5)
        maximum = math.ceil(maximum / step) * step
        axis_width = fm.horizontalAdvance(axis_text(maximum)) + fm.averageCharWidth()
        left = rect.left() + axis_width
        right = rect.right() - fm.averageCharWidth() * 2
        bottom = rect.bottom() - fm.height() * 1.4
        height = max(bottom - top, 1.0)
        count = max(len(self.categories), 1)
        slot = (right - left) / count

        def point(index: int, value: float) -> QPointF:
            return QPointF(left + slot * (index + 0.5), bottom - height * value / maximum)

        text_color = self.palette().windowText().color()
        tick = 0.0
        while tick <= maximum + 1e-9:
            y = bottom - height * tick / maximum
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(text_color)
            painter.drawText(QRectF(rect.left(), y - fm.height() / 2, axis_width - fm.averageCharWidth() * 0.5,
                                    fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             axis_text(tick))
            tick += step
        for n, category in enumerate(self.categories):
            painter.drawText(QRectF(left + slot * n, bottom + 2, slot, fm.height()), Qt.AlignmentFlag.AlignHCenter,
                             category)
        for marker in self.markers:
            y = bottom - height * float(marker.value) / maximum
            painter.setPen(QPen(marker.color, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        radius = max(fm.height() * 0.18, 2.5)
        for series in self.series:
            pen = QPen(series.color, 2, Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine)
            previous: QPointF | None = None
            for n, value in enumerate(series.values):
                if value is None:
                    previous = None  # a missing quarter breaks the line
                    continue
                current = point(n, float(value))
                painter.setPen(pen)
                if previous is not None:
                    painter.drawLine(previous, current)
                painter.setBrush(series.color)
                painter.drawEllipse(current, radius, radius)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                if not series.dashed:
                    painter.setPen(text_color)
                    painter.drawText(QRectF(current.x() - slot / 2, current.y() - fm.height() - radius, slot,
                                            fm.height()), Qt.AlignmentFlag.AlignHCenter, format_number(value, 2))
                previous = current
        painter.end()
