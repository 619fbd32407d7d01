"""Quarter-to-date figures (s.d. triwulan) of targets and realisations under each cumulation rule.

Missing values are never counted as 0: whenever a quarter the rule needs is missing, the figure to date
is None (belum diisi), and the capaian computed from it is None too. Released figures are the exception
by nature: they exist only in the quarter they are published, so the latest release counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from .decimals import FORMULA_CONTEXT, Number, as_optional_decimal
from .enums import Cumulation, Quarter


def _cumulation(rule: Cumulation | str) -> Cumulation:
    try:
        return Cumulation(rule)
    except ValueError:
        allowed = ", ".join(c.value for c in Cumulation)
        raise ValueError(f"Aturan kumulasi “{rule}” tidak dikenal (pilihan: {allowed})") from None


def _quarterly(values: Sequence[Number | None], what: str) -> list[Decimal | None]:
    if isinstance(values, str | bytes) or len(values) != 4:
        raise ValueError(f"{what} harus terdiri dari 4 nilai triwulan (TW I–IV)")
    # The label names the quarter in an error message; build it only when a value is not already a Decimal.
    return [
        v
        if v is None or type(v) is Decimal and v.is_finite()
        else as_optional_decimal(v, f"{what} TW {Quarter(i).roman}")
        for i, v in enumerate(values, start=1)
    ]


def to_date(values: Sequence[Number | None], rule: Cumulation | str, quarter: int) -> Decimal | None:
    """The quarter-to-date value of four quarterly values (TW I–IV, None = missing) under ``rule``.

    - summed (dijumlahkan): ``q1 + … + q_quarter``; None if any of those quarters is missing.
    - average (rata-rata): ``(q1 + … + q_quarter) / quarter``; None if any of those quarters is missing.
    - last value (nilai terakhir) and flat (tetap): the value of ``quarter`` itself; None if that quarter is
      missing. An earlier quarter's value is deliberately not carried forward: a stale figure would hide
      that the OPD has not reported (belum lapor). For a flat rule this gives the realisation; the target
      of a flat indicator is the yearly one, see :func:`target_to_date`.
    - released by another body (dirilis instansi lain): the value of the latest quarter up to ``quarter``
      that has one, never summed; None (shown "belum rilis") when nothing has been released yet.
    """
    resolved = _cumulation(rule)
    number = Quarter(quarter)
    so_far = _quarterly(values, "Nilai")[:number]
    if resolved is Cumulation.RELEASED:
        return next((v for v in reversed(so_far) if v is not None), None)
    if resolved in (Cumulation.LAST_VALUE, Cumulation.FLAT):
        return so_far[-1]
    present = [v for v in so_far if v is not None]
    if len(present) < len(so_far):
        return None
    with localcontext(FORMULA_CONTEXT):
        total = sum(present, Decimal(0))
        return total if resolved is Cumulation.SUMMED else total / Decimal(int(number))


def target_to_date(
    yearly: Number | None, quarters: Sequence[Number | None], rule: Cumulation | str, quarter: int
) -> Decimal | None:
    """The target to date (target s.d. triwulan) used for a quarter's capaian.

    - flat (tetap): the yearly target, in every quarter.
    - released by another body: the yearly target too, since a released figure (IPM, Opini BPK, TPT)
      is a yearly figure; quarterly targets of such indicators are ignored.
    - summed, average, last value: :func:`to_date` of the quarterly targets (Rencana Aksi TW I–IV),
      with its rules for missing quarters.

    The reading against the yearly target (progress) is simply the yearly target itself.
    """
    resolved = _cumulation(rule)
    yearly_target = as_optional_decimal(yearly, "Target tahunan")
    quarterly_to_date = to_date(quarters, resolved, quarter)  # validates quarters and quarter in every case
    if resolved in (Cumulation.FLAT, Cumulation.RELEASED):
        return yearly_target
    return quarterly_to_date
