"""Conflicts and refusals of a package import as people read them: the texts the GUI shows as they are."""

from __future__ import annotations

from kinerja_desktop.services.sync import Conflict, Refusal, conflict_view, refusal_label


def _column(table: str, field: str, base: object, central: object, incoming: object) -> Conflict:
    return Conflict(table, "r1", field, "kolom", base, central, incoming, f"Dinkes · {table} 2026 1")


def test_a_realisation_conflict_reads_with_indonesian_names_and_numbers() -> None:
    view = conflict_view(_column("indicator_realization", "value", "70", "81.25", "77.5"))
    assert (view.data, view.field) == ("Dinkes · Realisasi indikator 2026 TW1", "Realisasi")
    assert (view.base, view.central, view.incoming) == ("70", "81,25", "77,5")
    assert view.key == ("indicator_realization", "r1", "value")


def test_values_are_shown_as_their_column_holds_them() -> None:
    # GIVEN conflicts on columns of each kind of the real schema
    pagu = conflict_view(_column("program_budget", "pagu", "1250000000", 1300000000, None))
    signed = conflict_view(_column("performance_agreement", "sign_date", "2026-01-26", "", "2026-01-27"))
    reported = conflict_view(_column("indicator_realization", "reported_at", None, "2026-04-10T09:05:00", "x"))
    verified = conflict_view(_column("indicator_realization", "verified", False, True, 1))
    quarter = conflict_view(_column("indicator_realization", "quarter", 2, 3, 4))
    # THEN money, dates, times, yes/no and plain integers read the Indonesian way
    assert (pagu.base, pagu.central, pagu.incoming) == ("Rp 1.250.000.000", "Rp 1.300.000.000", "(kosong)")
    assert (signed.base, signed.central, signed.incoming) == ("26 Januari 2026", "(kosong)", "27 Januari 2026")
    assert (reported.base, reported.central, reported.incoming) == ("(kosong)", "10 April 2026, 09.05", "x")
    assert (verified.base, verified.central, verified.incoming) == ("Tidak", "Ya", "Ya")
    assert (quarter.field, quarter.central) == ("Triwulan", "3")


def test_an_edit_against_a_deletion_is_about_the_whole_row() -> None:
    deleted_here = Conflict("position_holder", "h1", None, "ubah-vs-hapus", {"a": 1}, None, {"a": 2},
                            "Dinkes · position_holder")
    deleted_there = Conflict("goal", "g1", None, "hapus-vs-ubah", {"a": 1}, {"a": 3}, None, "Dinkes · goal S1")
    here, there = conflict_view(deleted_here), conflict_view(deleted_there)
    assert here.data == "Dinkes · Pemegang jabatan"
    assert (here.field, here.base, here.central, here.incoming) == (
        "(seluruh baris)",
        "(baris sebelumnya)",
        "dihapus di pusat",
        "diubah di paket",
    )
    assert (there.data, there.central, there.incoming) == (
        "Dinkes · Tujuan/sasaran S1",
        "diubah di pusat",
        "dihapus di paket",
    )


def test_a_refused_row_is_named_in_indonesian_without_a_quarter_where_it_has_none() -> None:
    refusal = Refusal("performance_agreement", "p1", "Dinkes · performance_agreement 2025", "sudah ditandatangani")
    assert refusal_label(refusal) == "Dinkes · Perjanjian Kinerja 2025"
    budget = Refusal("budget_realization", "b1", "Dinkes · budget_realization 2026 4", "x")
    assert refusal_label(budget) == "Dinkes · Realisasi anggaran 2026 TW4"
