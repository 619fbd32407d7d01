"""Draw the app icon with QPainter: resources/icons/kinerja-desktop.png (256 px) and a multi-size .ico.

    python packaging/make_icon.py

The emblem is a signed document (the Perjanjian Kinerja) with rising bars (capaian) on a blue tile. Each
size is painted on its own, so small sizes stay sharp; the .ico holds PNG-compressed entries (Windows
Vista and later read them), written here without any image library but Qt.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

NAVY = QColor("#15457a")
BLUE = QColor("#2a73c0")
PAPER = QColor("#ffffff")
FOLD = QColor("#c9d8ea")
GOLD = QColor("#f2b31b")
GREEN = QColor("#2f9e58")


def draw(size: int) -> QImage:
    """The emblem at ``size`` × ``size`` pixels, transparent outside the rounded tile."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)  # drawn in a 256-unit design grid

    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 256))
    gradient.setColorAt(0.0, BLUE)
    gradient.setColorAt(1.0, NAVY)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)

    # The document, with a folded corner.
    page = QPainterPath()
    page.moveTo(64, 40)
    page.lineTo(160, 40)
    page.lineTo(196, 76)
    page.lineTo(196, 216)
    page.lineTo(64, 216)
    page.closeSubpath()
    painter.setBrush(PAPER)
    painter.drawPath(page)
    fold = QPainterPath()
    fold.moveTo(160, 40)
    fold.lineTo(160, 76)
    fold.lineTo(196, 76)
    fold.closeSubpath()
    painter.setBrush(FOLD)
    painter.drawPath(fold)

    # Rising bars: achievement over the quarters.
    painter.setBrush(BLUE)
    for index, height in enumerate((36, 60, 84)):
        painter.drawRoundedRect(QRectF(84 + index * 30, 186 - height, 20, height), 4, 4)
    painter.setBrush(GOLD)
    painter.drawRoundedRect(QRectF(84, 194, 92, 8), 4, 4)

    # The tick: signed and achieved.
    pen = QPen(GREEN, 22, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath()
    tick.moveTo(150, 186)
    tick.lineTo(176, 210)
    tick.lineTo(222, 150)
    painter.drawPath(tick)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(entries: list[tuple[int, bytes]]) -> bytes:
    """An ICO container (ICONDIR + ICONDIRENTRY per size) holding PNG images; 256 is written as 0."""
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory, images = b"", b""
    for size, png in entries:
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + directory + images


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - QImage text/AA needs an app
    ICONS.mkdir(parents=True, exist_ok=True)
    png = ICONS / "kinerja-desktop.png"
    png.write_bytes(png_bytes(draw(256)))
    ico = ICONS / "kinerja-desktop.ico"
    ico.write_bytes(ico_bytes([(size, png_bytes(draw(size))) for size in ICO_SIZES]))
    print(f"{png.relative_to(ROOT)} and {ico.relative_to(ROOT)} ({len(ICO_SIZES)} sizes) written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
