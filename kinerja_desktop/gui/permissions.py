"""The screens follow the role: a control that writes is bound to the action it takes, and is disabled (with the
reason as its tooltip) while the signed-in user may not take it.

::

    permissions.bind(self.add_button, "opd", lambda: self.db)
    permissions.bind(self.edit_button, "opd_data", lambda: self.db, opd=self.selected_opd_id,
                     watch=[self.table.selectionModel().selectionChanged])
    permissions.recheck()        # the main window: another user signed in, another database, a reload

A binding owns the control's enabled state on top of the screen's own: the screen still calls ``setEnabled``
(for "nothing selected", "no year", …) and the binding keeps what the screen wanted, enabling the control only
when both agree. ``opd`` gives the OPD the control would write to (an operator may write its own OPDs only);
``watch`` lists signals after which that OPD may have changed. The services refuse the same actions again
(``services/users.py``); this only keeps the screens from offering them.

Every bound control carries the property :data:`ACTION` (its action) and, while refused, :data:`DENIED` (True):
tests walk the window and find every writing control by them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..db.database import Database
from ..services import users
from ..services.users import (
    ACTIONS,
    ANY_OPD,
    READ_ACTIONS,
    ROLE_LABELS,
    SCOPED_ROLES,
    Actor,
)

ACTION = "kinerjaAction"  # the property naming the action a control takes
DENIED = "kinerjaDenied"  # True while the signed-in user may not take it

Target = QWidget | QAction
_bindings: list[weakref.ref[_Binding]] = []
# The automatic administrator per open database (by id; the database itself is not hashable), until recheck()
_automatic: dict[int, tuple[weakref.ref[Database], Actor | None]] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Permissions", text)


def current_actor(db: Database | None) -> Actor | None:
    """Who acts on ``db`` (None: nobody signed in where someone must); the automatic admin is looked up once
    until :func:`recheck`."""
    if db is None:
        return None
    who = users.signed_in(db)
    if who is not None:
        return who
    known = _automatic.get(id(db))
    if known is not None and known[0]() is db:
        return known[1]
    try:
        found = users.automatic_actor(db)
    except Exception:  # noqa: BLE001 - a closed or lost database: nobody acts; the screen says what failed
        return None
    _automatic[id(db)] = (weakref.ref(db), found)
    return found


def _words(action: str) -> str:
    """What ``action`` is, in the refusal's words: a writing action, or a read one (the audit trail)."""
    return ACTIONS[action] if action in ACTIONS else READ_ACTIONS[action]


def denial(db: Database | None, action: str, opd_id: str | None = ANY_OPD) -> str:
    """Why the acting user may not take ``action`` (for ``opd_id`` when given), in Indonesian; "" when allowed.

    No database: "" (nothing to refuse yet; the control has nothing to act on anyway).
    """
    assert action in ACTIONS or action in READ_ACTIONS, action
    if db is None:
        return ""
    who = current_actor(db)
    if who is None:
        return _tr("Masuk (login) sebagai pengguna terlebih dahulu.")
    if not who.role_may(action):
        return _tr("Peran {0} ({1}) tidak boleh {2}.").format(
            _tr(ROLE_LABELS[who.role]), who.name, _tr(_words(action)))
    if who.role in SCOPED_ROLES and opd_id is not ANY_OPD and not who.may(action, opd_id):
        if opd_id is None:
            return _tr("Pilih perangkat daerah Anda terlebih dahulu; {0} hanya boleh {1} perangkat daerahnya "
                       "sendiri.").format(_tr(ROLE_LABELS[who.role]), _tr(_words(action)))
        return _tr("Perangkat daerah ini bukan tanggungan Anda ({0}, {1}): datanya hanya dapat dibaca.").format(
            who.name, _tr(ROLE_LABELS[who.role]))
    return ""


def may(db: Database | None, action: str, opd_id: str | None = ANY_OPD) -> bool:
    return not denial(db, action, opd_id)


class _Binding(QObject):
    """One control bound to one action; a child of the control, so it goes with it."""

    def __init__(
        self,
        target: Target,
        action: str,
        db: Callable[[], Database | None],
        opd: Callable[[], str | None] | None,
        when: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(target)
        self.when = when
        self.target = target
        self.action = action
        self.db = db
        self.opd = opd
        self.reason = ""
        self.tooltip = target.toolTip()
        self.wanted = target.isEnabled()
        self._set_enabled = target.setEnabled  # Qt's own, bound to the control
        self._set_tooltip = target.setToolTip
        # The screen's calls go through the binding: what it wants is kept, what the role refuses stays off
        # and says why.
        target.setEnabled = self.want  # type: ignore[method-assign]
        target.setToolTip = self.own_tooltip  # type: ignore[method-assign]
        target.setProperty(ACTION, action)

    def want(self, enabled: bool) -> None:
        self.wanted = bool(enabled)
        self.evaluate()

    def own_tooltip(self, text: str) -> None:
        """The control's own tooltip, shown while the role allows the action."""
        self.tooltip = text
        if not self.reason:
            self._set_tooltip(text)

    def evaluate(self) -> None:
        if not shiboken6.isValid(self.target):
            return
        try:
            applies = self.when is None or self.when()
            opd_id = self.opd() if self.opd is not None else ANY_OPD
            reason = denial(self.db(), self.action, opd_id) if applies else ""
        except RuntimeError:  # the screen's widgets are going away with the window
            return
        if reason:
            self._set_tooltip(reason)
        elif self.reason:
            self._set_tooltip(self.tooltip)
        self.reason = reason
        self.target.setProperty(DENIED, bool(reason))
        self._set_enabled(self.wanted and not reason)


def bind(
    target: Target,
    action: str,
    db: Callable[[], Database | None],
    *,
    opd: Callable[[], str | None] | None = None,
    watch: Iterable[SignalInstance] = (),
    when: Callable[[], bool] | None = None,
) -> Target:
    """Bind ``target`` (a button, a menu action, …) to ``action``; returns it. ``opd``: the OPD it writes to;
    ``when``: whether the control writes at the moment (a button that creates, or opens what exists to read)."""
    assert action in ACTIONS or action in READ_ACTIONS, action
    binding = _Binding(target, action, db, opd, when)
    _bindings.append(weakref.ref(binding))
    for signal in watch:
        signal.connect(lambda *_args, b=binding: b.evaluate())
    binding.evaluate()
    return target


def bind_all(targets: Iterable[Target], action: str, db: Callable[[], Database | None], **options: Any) -> None:
    for target in targets:
        bind(target, action, db, **options)


def recheck() -> None:
    """Evaluate every binding again: another user signed in, another database, the users changed, a reload."""
    _automatic.clear()
    alive: list[weakref.ref[_Binding]] = []
    for ref in _bindings:
        binding = ref()
        if binding is None or not shiboken6.isValid(binding) or not shiboken6.isValid(binding.target):
            continue
        alive.append(ref)
        binding.evaluate()
    _bindings[:] = alive


def bound_controls(root: QObject) -> list[Target]:
    """The controls under ``root`` bound to an action (widgets and actions; for tests and checks)."""
    found: list[Target] = [w for w in root.findChildren(QWidget) if w.property(ACTION)]
    found += [a for a in root.findChildren(QAction) if a.property(ACTION)]
    return found
