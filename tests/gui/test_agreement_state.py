"""What the PK editor allows in each state, as plain Python (no Qt, no widgets)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import AgreementStatus
from kinerja_desktop.gui.dialogs import agreement_state
from kinerja_desktop.gui.dialogs.agreement_state import Banner, EditorActions, RowActions, editor_actions, row_actions

S = AgreementStatus


def test_the_module_imports_no_qt():
    tree = ast.parse(Path(agreement_state.__file__).read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n.startswith(("PySide6", "shiboken6"))]


def test_a_draft_is_edited_finalised_or_discarded():
    assert editor_actions(S.DRAFT, 1, 1) == EditorActions(
        editable=True, banner=Banner.NONE, signed=False, finalize=True, discard=True, reopen=False, sign=False,
        show_amend=False, amend=False,
    )


def test_a_final_agreement_is_read_only_and_signed_or_sent_back_to_draft():
    assert editor_actions(S.FINAL, 1, 1) == EditorActions(
        editable=False, banner=Banner.FINAL, signed=False, finalize=False, discard=False, reopen=True, sign=True,
        show_amend=False, amend=False,
    )


def test_only_the_newest_signed_version_can_be_amended():
    newest = editor_actions(S.SIGNED, 2, 2)
    assert (newest.editable, newest.banner, newest.signed, newest.show_amend, newest.amend) == (
        False, Banner.SIGNED, True, True, True
    )
    older = editor_actions(S.SIGNED, 1, 2)  # a PK Perubahan (draft) exists already
    assert (older.show_amend, older.amend) == (True, False)
    replaced = editor_actions(S.SUPERSEDED, 1, 2)
    assert (replaced.banner, replaced.signed, replaced.show_amend, replaced.amend) == (
        Banner.SUPERSEDED, True, True, False
    )
    for locked in (newest, older, replaced):
        assert not (locked.editable or locked.finalize or locked.discard or locked.reopen or locked.sign)


@pytest.mark.parametrize(
    ("editable", "row", "count", "expected"),
    [
        (True, -1, 3, RowActions(remove=False, up=False, down=False)),
        (True, 0, 3, RowActions(remove=True, up=False, down=True)),
        (True, 1, 3, RowActions(remove=True, up=True, down=True)),
        (True, 2, 3, RowActions(remove=True, up=True, down=False)),
        (True, 0, 1, RowActions(remove=True, up=False, down=False)),
        (False, 1, 3, RowActions(remove=False, up=False, down=False)),
    ],
)
def test_row_buttons_follow_the_current_row(editable, row, count, expected):
    assert row_actions(editable, row, count) == expected
