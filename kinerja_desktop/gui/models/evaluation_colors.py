"""Colours of the evaluation: predicate bands (as in the printed ranking) and the capaian of one indicator."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtGui import QColor

from ...domain import DEFAULT_BANDS, PredicateBand
from ...domain.evaluation import early_warning, needs_kendala

# Highest band first, the palette of reports/data.py's DEFAULT_PREDICATE_BANDS (same colours on paper).
BAND_PALETTE = ("#1a7f3c", "#66bd63", "#f2c12e", "#f08c3a", "#d7301f")
NO_SCORE = QColor(170, 170, 170)

GOOD = QColor(30, 120, 50)  # capaian ≥ 100 %
WATCH = QColor(161, 92, 0)  # under 100 %: kendala required
ALERT = QColor(179, 38, 30)  # under the early-warning threshold
GOOD_BACKGROUND = QColor(223, 240, 216)
WATCH_BACKGROUND = QColor(252, 240, 207)
ALERT_BACKGROUND = QColor(250, 219, 216)


def band_colors(bands: Sequence[PredicateBand] = DEFAULT_BANDS) -> dict[str, QColor]:
    """Predicate label → colour, highest band first along the palette."""
    ordered = sorted(bands, key=lambda b: b.lower, reverse=True)
    return {b.label: QColor(BAND_PALETTE[min(n, len(BAND_PALETTE) - 1)]) for n, b in enumerate(ordered)}


def predicate_color(label: str | None, bands: Sequence[PredicateBand] = DEFAULT_BANDS) -> QColor:
    if label is None:
        return NO_SCORE
    return band_colors(bands).get(label, NO_SCORE)


def capaian_level(capaian: Decimal | None, threshold: Decimal) -> str | None:
    """"baik" (≥ 100), "perhatian" (< 100: kendala wajib), "peringatan" (< threshold) or None."""
    if capaian is None:
        return None
    if early_warning(capaian, threshold):
        return "peringatan"
    if needs_kendala(capaian):
        return "perhatian"
    return "baik"


def capaian_color(capaian: Decimal | None, threshold: Decimal) -> QColor | None:
    return {"baik": GOOD, "perhatian": WATCH, "peringatan": ALERT}.get(capaian_level(capaian, threshold) or "")


def capaian_background(capaian: Decimal | None, threshold: Decimal) -> QColor | None:
    level = capaian_level(capaian, threshold) or ""
    return {"baik": GOOD_BACKGROUND, "perhatian": WATCH_BACKGROUND, "peringatan": ALERT_BACKGROUND}.get(level)
