"""What the PK editor allows in each state of an agreement: plain Python, tested without Qt.

The editor (``agreement_editor.py``) only renders it: which buttons show, which are enabled, which banner.
The services refuse the same things again (a signed PK is locked there and at the database session).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ...domain.enums import AgreementStatus


class Banner(Enum):
    NONE = "none"
    FINAL = "final"  # ready to sign; back to draft to change it
    SIGNED = "signed"  # locked
    SUPERSEDED = "superseded"  # locked, replaced by a PK Perubahan


@dataclass(frozen=True)
class EditorActions:
    """The editor's possibilities for one version of a PK."""

    editable: bool  # fields, tables and "Simpan"
    banner: Banner
    signed: bool  # the date is the signing date, not the planned one
    finalize: bool
    discard: bool
    reopen: bool
    sign: bool
    show_amend: bool  # "Buat PK Perubahan…" is shown on a locked version …
    amend: bool  # … and enabled on the newest signed one only


def editor_actions(status: AgreementStatus, version_no: int, newest_version: int) -> EditorActions:
    """The actions of a version in ``status``; ``newest_version`` is the highest version of its OPD and year."""
    draft = status is AgreementStatus.DRAFT
    final = status is AgreementStatus.FINAL
    banner = {
        AgreementStatus.FINAL: Banner.FINAL,
        AgreementStatus.SIGNED: Banner.SIGNED,
        AgreementStatus.SUPERSEDED: Banner.SUPERSEDED,
    }.get(status, Banner.NONE)
    return EditorActions(
        editable=draft,
        banner=banner,
        signed=status.is_locked,
        finalize=draft,
        discard=draft,
        reopen=final,
        sign=final,
        show_amend=status.is_locked,
        amend=status is AgreementStatus.SIGNED and newest_version == version_no,
    )


def lock_reason(status: AgreementStatus, signed_on: str) -> str:
    """Why the fields of a PK in ``status`` cannot be changed ("" for a draft); ``signed_on`` as printed."""
    if status is AgreementStatus.FINAL:
        return "PK ini sudah final dan siap ditandatangani, sehingga isinya terkunci. Untuk mengubahnya, klik " \
            "Kembalikan ke draf."
    if status is AgreementStatus.SIGNED:
        return f"PK ini ditandatangani pada {signed_on} dan terkunci. Perubahan hanya melalui Buat PK Perubahan."
    if status is AgreementStatus.SUPERSEDED:
        return f"PK ini ditandatangani pada {signed_on} dan sudah diganti PK Perubahan; isinya terkunci."
    return ""


@dataclass(frozen=True)
class RowActions:
    """The buttons beside a table of rows (indicators or programs)."""

    remove: bool
    up: bool
    down: bool


def row_actions(editable: bool, row: int, count: int) -> RowActions:
    """For the current ``row`` (-1 when none) of ``count`` rows."""
    return RowActions(
        remove=editable and row >= 0,
        up=editable and row > 0,
        down=editable and 0 <= row < count - 1,
    )
