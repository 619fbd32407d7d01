"""The DPA: program → kegiatan → sub kegiatan with Permendagri 90/2019 codes and pagu per year."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import AgreementProgram, BudgetRealization, Opd, PerformanceAgreement, Program
from kinerja_desktop.domain.enums import OpdKind, ProgramLevel
from kinerja_desktop.services import agreements, programs
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.programs import ProgramForm
from kinerja_desktop.services.removal import Removal

PROGRAM, KEGIATAN, SUB = ProgramLevel.PROGRAM, ProgramLevel.ACTIVITY, ProgramLevel.SUB_ACTIVITY


@pytest.fixture
def opd_id(db: Database) -> str:
    with db.write() as s:
        opd = Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS)
        s.add(opd)
        s.flush()
        return opd.id


def _pagu(db: Database, program_id: str) -> dict[int, int]:
    return programs.get_program(db, program_id).pagu or {}


def _save(db: Database, opd_id: str, level: ProgramLevel, code: str, name: str, parent: str | None = None,
          pagu: dict[int, int] | None = None) -> str:
    return programs.save_program(db, ProgramForm(opd_id, level, code, name, parent_id=parent, pagu=pagu))


def test_a_programs_pagu_is_the_sum_of_its_kegiatan_and_theirs_of_their_sub_kegiatan(
    db: Database, opd_id: str
) -> None:
    # GIVEN a program typed with its own pagu
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", pagu={2026: 9_000_000_000})
    assert _pagu(db, program) == {2026: 9_000_000_000}
    # WHEN kegiatan with pagu are added under it
    k1 = _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan", program,
               {2026: 1_500_000_000, 2027: 1_600_000_000})
    k2 = _save(db, opd_id, KEGIATAN, "1.02.02.2.02", "Penyediaan Layanan Kesehatan UKM dan UKP", program,
               {2026: 2_250_000_000})
    # THEN the program carries their sum, year by year
    assert _pagu(db, program) == {2026: 3_750_000_000, 2027: 1_600_000_000}
    # AND sub kegiatan carry up through their kegiatan to the program
    _save(db, opd_id, SUB, "1.02.02.2.01.0001", "Pembangunan Puskesmas", k1, {2026: 700_000_000})
    _save(db, opd_id, SUB, "1.02.02.2.01.0003", "Pengembangan Puskesmas", k1, {2026: 300_000_000, 2027: 50_000_000})
    assert _pagu(db, k1) == {2026: 1_000_000_000, 2027: 50_000_000}
    assert _pagu(db, program) == {2026: 3_250_000_000, 2027: 50_000_000}
    # AND the tree shows which pagu are sums
    [node] = programs.program_tree(db, opd_id)
    assert (node.code, node.pagu_from_children, [c.code for c in node.children]) == (
        "1.02.02", True, ["1.02.02.2.01", "1.02.02.2.02"]
    )
    assert [(c.code, c.pagu_from_children) for c in node.children] == [("1.02.02.2.01", True), ("1.02.02.2.02", False)]
    assert [s.pagu for s in node.children[0].children] == [{2026: 700_000_000}, {2026: 300_000_000, 2027: 50_000_000}]
    assert programs.get_program(db, k2).pagu_from_children is False


def test_the_pk_lampiran_lists_programs_only_with_the_summed_pagu(db: Database, opd_id: str) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN")
    _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Penyediaan Fasilitas", program, {2026: 1_500_000_000})
    _save(db, opd_id, KEGIATAN, "1.02.02.2.02", "Penyediaan Layanan", program, {2026: 2_250_000_000})
    _save(db, opd_id, PROGRAM, "1.02.01", "PROGRAM PENUNJANG URUSAN", pagu={2026: 4_000_000_000})
    detail = agreements.get_agreement(db, agreements.create_from_renstra(db, opd_id, 2026))
    assert [(p.code, p.budget) for p in detail.programs] == [("1.02.01", 4_000_000_000), ("1.02.02", 3_750_000_000)]


def test_typing_a_pagu_on_a_row_whose_children_carry_it_is_refused_unless_it_is_their_sum(
    db: Database, opd_id: str
) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN")
    _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Penyediaan Fasilitas", program, {2026: 1_500_000_000})
    data = programs.get_program(db, program)
    data.pagu = {2026: 2_000_000_000}
    with pytest.raises(ValidationError) as caught:
        programs.save_program(db, data)
    assert caught.value.errors == {
        "pagu": "Pagu program ini adalah jumlah pagu kegiatan di bawahnya (2026: Rp 1.500.000.000); "
        "ubah pagu kegiatannya"
    }
    data.pagu = {2026: 1_500_000_000}  # what a SIPD export lists beside its kegiatan
    data.name = "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN"
    programs.save_program(db, data)
    assert programs.get_program(db, program).name == "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN"


@pytest.mark.parametrize(
    ("level", "code", "parent_code", "field", "message"),
    [
        (PROGRAM, "1.02", None, "code", "Kode program harus berbentuk 1.02.02 (Permendagri 90/2019), bukan “1.02”"),
        (PROGRAM, "1.02.02.2.01", None, "code", "kode itu berbentuk kode kegiatan"),
        (KEGIATAN, "1.03.02.2.01", "1.02.02", "code", "Kode kegiatan harus diawali kode program induknya (1.02.02.…)"),
        (KEGIATAN, "1.02.02.2.01", None, "parent_id", "Kegiatan harus berada di bawah sebuah program"),
        (SUB, "1.02.02.2.01.1", "1.02.02.2.01", "code", "Kode sub kegiatan harus berbentuk 1.02.02.2.01.0001"),
        (PROGRAM, "", None, "code", "Kode program wajib diisi (contoh 1.02.02)"),
    ],
)
def test_codes_are_checked_against_the_level_and_the_parent(
    db: Database, opd_id: str, level: ProgramLevel, code: str, parent_code: str | None, field: str, message: str
) -> None:
    parent = None
    if parent_code:
        program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
        parent = program if parent_code == "1.02.02" else _save(db, opd_id, KEGIATAN, parent_code, "Kegiatan", program)
    with pytest.raises(ValidationError) as caught:
        _save(db, opd_id, level, code, "Nama", parent)
    assert message in caught.value.errors[field]


def test_a_sub_kegiatan_under_a_program_a_duplicate_code_and_an_empty_name_are_refused(
    db: Database, opd_id: str
) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
    with pytest.raises(ValidationError) as caught:
        _save(db, opd_id, SUB, "1.02.02.2.01.0001", "Sub", program)
    assert caught.value.errors == {"parent_id": "Induk harus sebuah kegiatan perangkat daerah yang sama"}
    with pytest.raises(ValidationError) as caught:
        _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM B")
    assert caught.value.errors == {"code": "Kode 1.02.02 sudah dipakai program “PROGRAM A” di perangkat daerah ini"}
    with pytest.raises(ValidationError) as caught:
        _save(db, opd_id, PROGRAM, "1.02.03", " ", pagu={2026: -5})
    assert caught.value.errors == {"name": "Nama program wajib diisi", "pagu[2026]": "Pagu 2026 tidak boleh negatif"}


def test_a_code_with_children_below_cannot_change(db: Database, opd_id: str) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
    _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Kegiatan", program)
    data = programs.get_program(db, program)
    data.code = "1.02.03"
    with pytest.raises(ValidationError) as caught:
        programs.save_program(db, data)
    assert caught.value.errors == {"code": "Kode tidak dapat diubah selama ada kegiatan di bawahnya"}


def test_removing_a_branch_nothing_refers_to_deletes_it_and_the_sums_follow(db: Database, opd_id: str) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
    k1 = _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Kegiatan 1", program)
    _save(db, opd_id, SUB, "1.02.02.2.01.0001", "Sub 1", k1, {2026: 100_000_000})
    _save(db, opd_id, KEGIATAN, "1.02.02.2.02", "Kegiatan 2", program, {2026: 250_000_000})
    assert _pagu(db, program) == {2026: 350_000_000}
    assert programs.remove_program(db, k1) is Removal.DELETED
    assert _pagu(db, program) == {2026: 250_000_000}
    with db.read() as s:
        assert sorted(s.scalars(select(Program.code))) == ["1.02.02", "1.02.02.2.02"]


def test_a_program_in_a_pk_is_retired_with_its_branch_and_restored(db: Database, opd_id: str) -> None:
    # GIVEN a program in a PK's lampiran, with a kegiatan
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
    kegiatan = _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Kegiatan 1", program, {2026: 100_000_000})
    agreements.create_from_renstra(db, opd_id, 2026)
    # WHEN it is removed THEN it and its kegiatan are retired, and the agreement keeps its row
    assert programs.remove_program(db, program) is Removal.RETIRED
    assert programs.program_tree(db, opd_id) == []
    [node] = programs.program_tree(db, opd_id, include_retired=True)
    assert not node.is_active and not node.children[0].is_active
    with db.read() as s:
        assert s.scalar(select(AgreementProgram.code)) == "1.02.02"
    # AND a kegiatan cannot come back while its program is retired; the program brings both back
    with pytest.raises(ValidationError, match="Program induknya nonaktif"):
        programs.restore_program(db, kegiatan)
    programs.restore_program(db, program)
    assert [n.is_active for n in programs.program_tree(db, opd_id)] == [True]


def test_a_kegiatan_with_budget_realisations_is_retired_and_leaves_the_programs_sum(
    db: Database, opd_id: str
) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
    k1 = _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Kegiatan 1", program, {2026: 100_000_000})
    _save(db, opd_id, KEGIATAN, "1.02.02.2.02", "Kegiatan 2", program, {2026: 40_000_000})
    with db.write() as s:
        s.add(BudgetRealization(program_id=k1, year=2026, quarter=1, amount=10_000_000))
    assert programs.remove_program(db, k1) is Removal.RETIRED
    assert _pagu(db, program) == {2026: 40_000_000}
    programs.restore_program(db, k1)
    assert _pagu(db, program) == {2026: 140_000_000}


def test_only_programs_link_to_a_renstra_sasaran_of_their_own_opd(db: Database, opd_id: str) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A")
    with pytest.raises(ValidationError) as caught:
        programs.save_program(db, ProgramForm(opd_id, KEGIATAN, "1.02.02.2.01", "K", parent_id=program, goal_id="x"))
    assert caught.value.errors == {"goal_id": "Hanya program yang dihubungkan ke sasaran Renstra"}
    data = programs.get_program(db, program)
    data.goal_id = "no-such-goal"
    with pytest.raises(ValidationError, match="Pilih sebuah sasaran Renstra perangkat daerah ini"):
        programs.save_program(db, data)


def test_a_failed_save_changes_nothing(db: Database, opd_id: str) -> None:
    program = _save(db, opd_id, PROGRAM, "1.02.02", "PROGRAM A", pagu={2026: 5})
    with pytest.raises(ValidationError):
        _save(db, opd_id, KEGIATAN, "1.02.02.2.01", "Kegiatan", program, {2026: 7, 1999: 1})
    assert _pagu(db, program) == {2026: 5}
    with db.read() as s:
        assert s.scalars(select(PerformanceAgreement)).all() == []
        assert len(s.scalars(select(Program)).all()) == 1
