"""The pohon kinerja drawn in a QGraphicsView: a column per level, a box per sasaran coloured by its latest capaian,
elbow lines to the sasaran supporting it; zoomed with Ctrl + wheel, Ctrl + plus/minus or the screen's buttons.

The layout is the printout's (``domain.cascade.layout``); a box's height is its text's in this font.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QKeySequence, QPainter, QPainterPath, QPen, QShortcut
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from ..domain.cascade import BELOW, NO_READING, REACHED, WARNING, CascadeTree, TreeNode, layout
from ..domain.enums import GoalLevel

FILLS = {REACHED: "#d5efd5", BELOW: "#fff0bf", WARNING: "#f7cccc", NO_READING: "#ececec"}
BOX_WIDTH, GAP_X, GAP_Y, PAD = 230.0, 46.0, 10.0, 6.0
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.1, 4.0
READABLE = 0.6  # below this a fitted tree is too small to read


class NodeItem(QGraphicsRectItem):
    """One sasaran's box; its text is a child item (the node's statement, who answers, its capaian)."""

    def __init__(self, node: TreeNode, height: float, html: str) -> None:
        super().__init__(0, 0, BOX_WIDTH, height)
        self.node = node
        self.setBrush(QBrush(QColor(FILLS[node.band])))
        warned = bool(node.warnings)
        self.setPen(QPen(QColor("#b00000" if warned else "#555555"), 2.0 if warned else 1.0))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.text = QGraphicsTextItem(self)
        self.text.setHtml(html)
        self.text.setTextWidth(BOX_WIDTH - 2 * PAD)
        self.text.setPos(PAD, PAD / 2)
        tips = [node.text, node.position, node.capaian_text, *(f"• {i.name}" for i in node.indicators)]
        tips += [f"⚠ {w}" for w in node.warnings]
        self.setToolTip("\n".join(t for t in tips if t))


class CascadeView(QGraphicsView):
    """The tree of a year; ``node_chosen`` says which sasaran was clicked (its goal id)."""

    node_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.items_by_id: dict[str, NodeItem] = {}
        self.zoom = 1.0
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, ZOOM_STEP), (QKeySequence.StandardKey.ZoomOut,
                                                                           1 / ZOOM_STEP)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.zoom_by(step))
        self.scene().selectionChanged.connect(self._selected)

    def show_tree(self, tree: CascadeTree | None) -> None:
        scene = self.scene()
        scene.clear()
        self.items_by_id = {}
        if tree is None:
            return
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        metrics, small_metrics = QFontMetricsF(font), QFontMetricsF(small)
        inner = BOX_WIDTH - 2 * PAD - 8

        def lines(text: str, m: QFontMetricsF) -> float:
            rect = m.boundingRect(QRectF(0, 0, inner, 10_000), int(Qt.TextFlag.TextWordWrap), text)
            return rect.height()

        def height(node: TreeNode) -> float:
            return (lines(node.text, metrics) + small_metrics.height() * 2 + (lines(node.position, small_metrics)
                    if node.position else 0) + 2 * PAD + 10)

        placed = layout(tree.roots, height, GAP_Y)
        for column, level in enumerate(GoalLevel):
            label = QGraphicsSimpleTextItem(self.tr(level.label.upper()))
            label.setFont(small)
            label.setPos(column * (BOX_WIDTH + GAP_X), -small_metrics.height() * 2)
            scene.addItem(label)
        for p in placed:
            item = NodeItem(p.node, p.height, self._html(p.node))
            item.setPos(p.column * (BOX_WIDTH + GAP_X), p.top)
            scene.addItem(item)
            self.items_by_id[p.node.id] = item
        pen = QPen(QColor("#555555"), 1.0)
        for p in placed:
            parent = self.items_by_id.get(p.parent_id or "")
            child = self.items_by_id[p.node.id]
            if parent is None:
                continue
            start = parent.pos() + parent.rect().topRight()
            start.setY(start.y() + 14)
            end = child.pos()
            end.setY(end.y() + 14)
            middle = start.x() + GAP_X / 2
            path = QPainterPath(start)
            path.lineTo(middle, start.y())
            path.lineTo(middle, end.y())
            path.lineTo(end)
            self._line(path, pen)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def _html(self, node: TreeNode) -> str:
        head = node.level.label + (f" · {node.opd}" if node.opd and node.level is not GoalLevel.REGIONAL else "")
        parts = [f"<div style='font-size:small;font-weight:bold'>{escape(head)}</div>",
                 f"<div>{escape(node.text)}</div>"]
        if node.position:
            parts.append(f"<div style='font-size:small;font-style:italic'>{escape(node.position)}</div>")
        count = self.tr("{0} indikator · {1}").format(len(node.indicators), node.capaian_text)
        parts.append(f"<div style='font-size:small;font-weight:bold'>{escape(count)}</div>")
        return "".join(parts)

    def _line(self, path: QPainterPath, pen: QPen) -> None:
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setZValue(-1)
        self.scene().addItem(item)

    # -- zoom ------------------------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        target = min(ZOOM_MAX, max(ZOOM_MIN, self.zoom * factor))
        self.scale(target / self.zoom, target / self.zoom)
        self.zoom = target

    def fit(self) -> None:
        """The whole tree in view (never enlarged beyond its own size)."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.resetTransform()
        self.zoom = 1.0
        viewport = self.viewport().rect()
        factor = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        self.zoom_by(factor)
        self.centerOn(rect.center())

    def overview(self) -> None:
        """The whole tree when it is small enough to read so; else readable, from its top left."""
        self.fit()
        if self.zoom < READABLE:
            self.resetTransform()
            self.zoom = 1.0
            self.zoom_by(READABLE)
            rect = self.scene().sceneRect()
            self.centerOn(rect.left() + self.viewport().width() / (2 * self.zoom),
                          rect.top() + self.viewport().height() / (2 * self.zoom))

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    # -- selection -------------------------------------------------------------------------------------
    def show_node(self, node_id: str) -> None:
        item = self.items_by_id.get(node_id)
        if item is None:
            return
        self.scene().clearSelection()
        item.setSelected(True)
        self.centerOn(item)

    def _selected(self) -> None:
        chosen = [i for i in self.scene().selectedItems() if isinstance(i, NodeItem)]
        if chosen:
            self.node_chosen.emit(chosen[0].node.id)
