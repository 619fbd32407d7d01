"""Alt+letter mnemonics of one window: every visible text with "&x" (buttons, labels with a buddy, group boxes,
tabs, the menu bar), so a test can fail on two of them in one window (issue 14 §9)."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isEnabled() or (
        widget.isVisibleTo(window) and isinstance(widget, QLabel))


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter → the visible texts that use it in ``window``."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic_of(text)
        if letter:
            found[letter].append(text)

    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.window() is window:
            add(button.text())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window) and label.window() is window:
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window) and box.window() is window:
            add(box.title())
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window) and bar.window() is window:
            for index in range(bar.count()):
                if bar.isTabVisible(index):
                    add(bar.tabText(index))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text())
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}


def _texts_under(root: QWidget, window: QWidget) -> list[str]:
    """The mnemonic texts of widgets under ``root`` that are visible in ``window`` (a page not shown counts as
    shown: its own widgets are checked as they will appear)."""
    texts: list[str] = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.window() is window:
            texts.append(button.text())
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(root) and label.window() is window:
            texts.append(label.text())
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root) and box.window() is window:
            texts.append(box.title())
    return texts


def wizard_clashes(wizard) -> dict[int, dict[str, list[str]]]:  # noqa: ANN001 - a QWizard
    """Per page of a QWizard: letters used twice by the page's widgets and the wizard's own buttons."""
    from PySide6.QtWidgets import QWizard

    buttons = [wizard.buttonText(b) for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                              QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
    found: dict[int, dict[str, list[str]]] = {}
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        letters: dict[str, list[str]] = defaultdict(list)
        for text in [*_texts_under(page, wizard), *buttons]:
            letter = mnemonic_of(text)
            if letter:
                letters[letter].append(text)
        duplicates = {k: v for k, v in letters.items() if len(v) > 1}
        if duplicates:
            found[page_id] = duplicates
    return found


def tabbed_clashes(window: QWidget) -> dict[str, dict[str, list[str]]]:
    """Each tab of each tab widget of ``window`` made current in turn: the window's clashes then."""
    from PySide6.QtWidgets import QTabWidget

    found: dict[str, dict[str, list[str]]] = {}
    tab_widgets = [t for t in window.findChildren(QTabWidget) if t.window() is window] or [None]
    for tabs in tab_widgets:
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
            duplicates = clashes(window)
            if duplicates:
                found[tabs.tabText(index) if tabs is not None else "-"] = duplicates
    return found
