"""Bappeda's verification of what an OPD hands in (a PK draft, a quarterly report): the states and the rules of
moving between them. Draf → Diajukan (by the OPD) → Diverifikasi, or Dikembalikan with a note (by Bappeda);
a returned item is corrected and submitted again."""

from __future__ import annotations

from enum import StrEnum


class VerificationState(StrEnum):
    DRAFT = "draf"
    SUBMITTED = "diajukan"
    VERIFIED = "diverifikasi"
    RETURNED = "dikembalikan"

    @property
    def label(self) -> str:
        return {
            VerificationState.DRAFT: "Draf",
            VerificationState.SUBMITTED: "Diajukan",
            VerificationState.VERIFIED: "Diverifikasi",
            VerificationState.RETURNED: "Dikembalikan",
        }[self]

    @property
    def editable(self) -> bool:
        """The OPD may change the item (a submitted one waits for Bappeda's decision)."""
        return self is not VerificationState.SUBMITTED


class VerificationAction(StrEnum):
    SUBMIT = "ajukan"
    VERIFY = "verifikasi"
    RETURN = "kembalikan"
    RESET = "ubah"  # a verified item changed by the OPD: back to draft, to be submitted again

    @property
    def label(self) -> str:
        return {
            VerificationAction.SUBMIT: "Diajukan",
            VerificationAction.VERIFY: "Diverifikasi",
            VerificationAction.RETURN: "Dikembalikan",
            VerificationAction.RESET: "Diubah setelah verifikasi",
        }[self]


_TARGET = {
    VerificationAction.SUBMIT: VerificationState.SUBMITTED,
    VerificationAction.VERIFY: VerificationState.VERIFIED,
    VerificationAction.RETURN: VerificationState.RETURNED,
    VerificationAction.RESET: VerificationState.DRAFT,
}
_ALLOWED = {
    VerificationAction.SUBMIT: {VerificationState.DRAFT, VerificationState.RETURNED},
    VerificationAction.VERIFY: {VerificationState.SUBMITTED},
    VerificationAction.RETURN: {VerificationState.SUBMITTED, VerificationState.VERIFIED},
    VerificationAction.RESET: {VerificationState.VERIFIED},
}


def transition_problem(state: VerificationState, action: VerificationAction, note: str = "") -> str | None:
    """Why ``action`` cannot be taken on an item in ``state`` (in Indonesian), or None when it can."""
    if action is VerificationAction.RETURN and not note.strip():
        return "Catatan pengembalian wajib diisi: tuliskan apa yang harus diperbaiki"
    if state in _ALLOWED[action]:
        return None
    if action is VerificationAction.SUBMIT:
        if state is VerificationState.SUBMITTED:
            return "Sudah diajukan dan menunggu verifikasi Bappeda"
        return "Sudah diverifikasi Bappeda; tidak perlu diajukan lagi"
    if action is VerificationAction.VERIFY:
        if state is VerificationState.DRAFT:
            return "Belum diajukan oleh perangkat daerah; tidak dapat diverifikasi"
        if state is VerificationState.RETURNED:
            return "Dikembalikan untuk diperbaiki; tunggu diajukan lagi sebelum diverifikasi"
        return "Sudah diverifikasi"
    if action is VerificationAction.RETURN:
        if state is VerificationState.RETURNED:
            return "Sudah dikembalikan dan belum diajukan lagi"
        return "Belum diajukan oleh perangkat daerah; tidak ada yang dikembalikan"
    return "Belum diverifikasi"


def next_state(state: VerificationState, action: VerificationAction) -> VerificationState:
    """The state after ``action`` (call :func:`transition_problem` first)."""
    return _TARGET[action]
