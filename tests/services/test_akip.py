"""The AKIP evaluation's services: the year's LKE structure, entry with evidence and notes, finalising, and the
annual ranking, all through a real database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.db.akip_models import LkeAnswer, LkeComponent
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd, Regency
from kinerja_desktop.domain.akip import Component, Framework, LkeStatus
from kinerja_desktop.domain.akip_2021 import PERMENPANRB_88_2021
from kinerja_desktop.domain.enums import OpdKind
from kinerja_desktop.services import akip, akip_ranking, akip_structure
from kinerja_desktop.services.akip_data import AnswerData, EvaluationForm
from kinerja_desktop.services.errors import ValidationError

D = Decimal


def best_answers() -> dict[str, AnswerData]:
    return {k.code: AnswerData(k.code, "Y" if k.scale == "ya_tidak" else "A")
            for _, _, k in PERMENPANRB_88_2021.criteria()}


def test_a_new_year_starts_from_the_regulation_then_from_the_year_before(db: Database, dinkes: str) -> None:
    first = akip_structure.year_framework(db, 2025)
    assert not first.stored and first.source == "PermenPANRB 88/2021"
    assert first.framework.components == PERMENPANRB_88_2021.components
    lighter = PERMENPANRB_88_2021.components[0]
    edited = Framework((Component(lighter.code, "Perencanaan Kinerja (disesuaikan)", lighter.weight,
                                  lighter.subcomponents), *PERMENPANRB_88_2021.components[1:]))
    akip_structure.save_framework(db, 2025, edited)
    stored = akip_structure.year_framework(db, 2025)
    assert stored.stored and stored.framework.components[0].name == "Perencanaan Kinerja (disesuaikan)"
    following = akip_structure.year_framework(db, 2026)
    assert following.source == "tahun 2025" and following.framework.components == edited.components
    assert akip_structure.year_framework(db, 2024).framework.components == PERMENPANRB_88_2021.components


def test_a_structure_whose_weights_do_not_sum_to_100_is_refused_and_nothing_stored(db: Database, dinkes: str) -> None:
    heavy = PERMENPANRB_88_2021.components[0]
    wrong = Framework((Component(heavy.code, heavy.name, D(35), heavy.subcomponents),
                       *PERMENPANRB_88_2021.components[1:]))
    with pytest.raises(ValidationError) as caught:
        akip_structure.save_framework(db, 2025, wrong)
    messages = list(caught.value.errors.values())
    assert "Bobot komponen berjumlah 105, harus 100" in messages
    with db.read() as s:
        assert s.scalars(select(LkeComponent)).first() is None


def test_save_scores_and_reads_back_answers_with_evidence_notes_and_recommendation(db: Database, dinkes: str) -> None:
    form = EvaluationForm(opd_id=dinkes, year=2025, evaluator="Inspektorat", notes="Umum",
                          recommendations="1. Perbaiki")
    form.answers = best_answers()
    form.answers["1.a.1"] = AnswerData("1.a.1", "t", "Renstra belum ditetapkan", "Belum ada Perbup",
                                       "Tetapkan Renstra")
    form.answers["2.b.1"] = AnswerData("2.b.1", "c", "Manual IKU")
    score = akip.save_evaluation(db, form)
    # 1.a: six criteria weigh 6; one "T" loses 1. 2.b: seven criteria weigh 9; one "C" loses 9 / 7 × 0,5.
    assert score.total == D(100) - 1 - D(9) / 7 / 2
    assert f"{score.total:.2f}" == "98.36" and score.grade == "AA"
    back = akip.get_evaluation(db, dinkes, 2025)
    assert back.answers["1.a.1"] == AnswerData("1.a.1", "T", "Renstra belum ditetapkan", "Belum ada Perbup",
                                               "Tetapkan Renstra")
    assert back.answers["2.b.1"].answer == "C" and back.evaluator == "Inspektorat"
    assert back.status is LkeStatus.DRAFT and back.version is not None
    [summary] = akip.evaluation_summaries(db, 2025)
    assert summary.total == score.total and summary.grade == "AA"


def test_an_answer_off_its_scale_is_refused_in_indonesian_and_rolled_back(db: Database, dinkes: str) -> None:
    form = EvaluationForm(opd_id=dinkes, year=2025)
    form.answers = {"1.a.1": AnswerData("1.a.1", "B"), "9.z.9": AnswerData("9.z.9", "A")}
    with pytest.raises(ValidationError) as caught:
        akip.save_evaluation(db, form)
    assert caught.value.errors == {
        "answers[1.a.1].answer": "Kriteria 1.a.1: Jawaban “B” tidak ada pada skala Ya/Tidak (pilihan: Y, T)",
        "answers[9.z.9].answer": "Kriteria 9.z.9 tidak ada pada LKE tahun 2025",
    }
    with db.read() as s:
        assert s.scalars(select(LkeAnswer)).first() is None
        assert s.scalars(select(LkeComponent)).first() is None


def test_an_older_form_does_not_overwrite_another_computers_save(db: Database, dinkes: str) -> None:
    form = EvaluationForm(opd_id=dinkes, year=2025, answers={"1.a.1": AnswerData("1.a.1", "Y")})
    akip.save_evaluation(db, form)
    stale = akip.get_evaluation(db, dinkes, 2025)
    akip.save_evaluation(db, form)
    stale.answers["1.a.2"] = AnswerData("1.a.2", "Y")
    with pytest.raises(ValidationError, match="telah diubah di tempat lain"):
        akip.save_evaluation(db, stale)


def test_finalising_needs_every_answer_and_an_evaluator_then_locks(db: Database, dinkes: str) -> None:
    form = EvaluationForm(opd_id=dinkes, year=2025, answers=best_answers())
    del form.answers["4.c.4"]
    akip.save_evaluation(db, form)
    with pytest.raises(ValidationError, match="1 kriteria belum dijawab \\(4.c.4\\)"):
        akip.finalize_evaluation(db, dinkes, 2025)
    form.answers["4.c.4"] = AnswerData("4.c.4", "B")
    akip.save_evaluation(db, form)
    with pytest.raises(ValidationError, match="Isi nama evaluator"):
        akip.finalize_evaluation(db, dinkes, 2025)
    form.evaluator = "Tim Inspektorat"
    akip.save_evaluation(db, form)
    score = akip.finalize_evaluation(db, dinkes, 2025)
    assert score.complete and score.total == D("99.375")  # 4.c weighs 12,5 over five criteria: a "B" loses 2,5 × 0,25
    with pytest.raises(ValidationError, match="sudah final; buka kembali"):
        akip.save_evaluation(db, form)
    with pytest.raises(ValidationError, match="tidak dapat diubah: sudah ada evaluasi yang final"):
        akip_structure.save_framework(db, 2025, Framework((
            *PERMENPANRB_88_2021.components[:3],
            Component("4", "Evaluasi Internal", D(25), PERMENPANRB_88_2021.components[3].subcomponents))))
    akip.reopen_evaluation(db, dinkes, 2025)
    form.version = akip.get_evaluation(db, dinkes, 2025).version
    form.answers["4.c.4"] = AnswerData("4.c.4", "A")
    assert akip.save_evaluation(db, form).total == 100


def test_an_unknown_opd_is_refused(db: Database, dinkes: str) -> None:
    with pytest.raises(ValidationError, match="Perangkat daerah tidak ditemukan"):
        akip.save_evaluation(db, EvaluationForm(opd_id="nope", year=2025))


def test_annual_ranking_by_akip_score_ties_share_an_opd_with_neither_score_left_out(
        db: Database, dinkes: str) -> None:
    with db.write() as s:
        for code, abbreviation in (("5", "Dinsos"), ("6", "DLH"), ("7", "Diskominfo")):
            s.add(Opd(code=f"1.0{code}.0.00.0.00.01.0000", abbreviation=abbreviation, name=f"Dinas {abbreviation}",
                      kind=OpdKind.DINAS))
    with db.read() as s:
        ids = {o.abbreviation: o.id for o in s.scalars(select(Opd))}
    for abbreviation, change in (("Dinkes", {"1.a.1": "T"}), ("Dinsos", {"1.a.1": "T", "1.a.2": "T"}),
                                 ("DLH", {"1.a.2": "T"})):
        answers = best_answers()
        for code, letter in change.items():
            answers[code] = AnswerData(code, letter)
        akip.save_evaluation(db, EvaluationForm(opd_id=ids[abbreviation], year=2025, answers=answers))
    with db.write() as s:
        s.scalars(select(Regency)).one().award_count = 1
    ranking = akip_ranking.annual_ranking(db, 2025)
    assert [(r.rank, r.opd_abbreviation, r.akip_score, r.akip_grade) for r in ranking.rows] == [
        (1, "Dinkes", D(99), "AA"), (1, "DLH", D(99), "AA"), (3, "Dinsos", D(98), "AA"),
    ]
    assert ranking.award_count == 1
    assert [r.opd_abbreviation for r in ranking.winners()] == ["Dinkes", "DLH"]  # a shared first place
    assert all(r.capaian_score is None and "nilai capaian belum ada" in r.note for r in ranking.rows)
    assert "LKE sementara (belum final)" in ranking.rows[0].note
