"""The AKIP internal evaluation of each OPD (the Inspektorat's Lembar Kerja Evaluasi): entry, finalising, scores.

Each use case is one transaction. An evaluation is saved whole (its answers by criterion code, each with its
evidence, the evaluator's note and recommendation, and the general notes); answers are checked against their
criterion's scale, the form's version against the stored one (another computer's save is not overwritten),
and a final evaluation is refused until it is reopened. Scores are computed by ``domain.akip`` from the
answers, never stored. The structure of a year is ``akip_structure``; the annual ranking ``akip_ranking``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from ..db.akip_models import LkeAnswer, LkeEvaluation
from ..db.database import Database
from ..db.locks import lock_lke_year
from ..db.models import Opd
from ..db.types import utcnow
from ..domain.akip import Framework, LkeScore, LkeStatus, normal_answer, score_lke
from . import audit
from . import users as auth
from .akip_data import AnswerData, EvaluationForm, EvaluationSummary, answer_key
from .akip_structure import ensure_framework, stored_framework, year_framework_in
from .errors import FORM, ValidationError

__all__ = [
    "evaluation_summaries",
    "finalize_evaluation",
    "get_evaluation",
    "reopen_evaluation",
    "save_evaluation",
    "score_of",
    "write_evaluation",
]

CHANGED_ELSEWHERE = "Evaluasi ini telah diubah di tempat lain sejak dibuka; muat ulang lalu isi kembali"


def _opd(session: Session, opd_id: str) -> Opd:
    opd = session.get(Opd, opd_id)
    if opd is None:
        raise ValidationError.single("opd_id", "Perangkat daerah tidak ditemukan")
    return opd


def _stored(session: Session, opd_id: str, year: int, *, lock: bool = False) -> LkeEvaluation | None:
    query = (
        select(LkeEvaluation)
        .where(LkeEvaluation.opd_id == opd_id, LkeEvaluation.year == year)
        .options(selectinload(LkeEvaluation.answers).selectinload(LkeAnswer.criterion))
    )
    if lock:  # PostgreSQL: the state checked below is the state at commit (SQLite: one writer at a time)
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.scalars(query).first()


def _form(evaluation: LkeEvaluation, opd: Opd) -> EvaluationForm:
    return EvaluationForm(
        opd_id=evaluation.opd_id,
        year=evaluation.year,
        evaluator=evaluation.evaluator,
        evaluated_on=evaluation.evaluated_on,
        notes=evaluation.notes,
        recommendations=evaluation.recommendations,
        answers={
            a.criterion.code: AnswerData(a.criterion.code, a.answer, a.evidence, a.notes, a.recommendation)
            for a in evaluation.answers
        },
        status=evaluation.status,
        version=evaluation.version,
        opd_name=opd.name,
    )


def read_evaluation(session: Session, opd_id: str, year: int) -> EvaluationForm:
    opd = _opd(session, opd_id)
    evaluation = _stored(session, opd_id, year)
    if evaluation is None:
        return EvaluationForm(opd_id=opd_id, year=year, opd_name=opd.name)
    return _form(evaluation, opd)


def get_evaluation(db: Database, opd_id: str, year: int) -> EvaluationForm:
    """The OPD's evaluation of the year (an empty draft when not started)."""
    with db.read() as session:
        return read_evaluation(session, opd_id, year)


def score_of(framework: Framework, form: EvaluationForm) -> LkeScore:
    """The live score of a form against a structure (what the screen shows while typing)."""
    known = {k.code for _, _, k in framework.criteria()}
    return score_lke(framework, {code: a for code, a in form.answer_codes().items() if code in known})


def _checked_answers(framework: Framework, form: EvaluationForm) -> dict[str, AnswerData]:
    """The form's answers normalised (``b`` → ``B``); every answer off its scale or unknown code listed."""
    scales = {k.code: k.scale for _, _, k in framework.criteria()}
    problems: dict[str, str] = {}
    answers: dict[str, AnswerData] = {}
    for code, data in form.answers.items():
        if code not in scales:
            if not data.is_empty:
                problems[answer_key(code)] = f"Kriteria {code} tidak ada pada LKE tahun {form.year}"
            continue
        try:
            normal = normal_answer(scales[code], data.answer)
        except ValueError as exc:
            problems[answer_key(code)] = f"Kriteria {code}: {exc}"
            continue
        answers[code] = AnswerData(code, normal, data.evidence.strip(), data.notes.strip(),
                                   data.recommendation.strip())
    if problems:
        raise ValidationError(problems)
    return answers


def save_evaluation(db: Database, form: EvaluationForm) -> LkeScore:
    """Store the OPD's evaluation of the year (made when new) and return its score."""
    auth.require(db, "akip")
    with db.write() as session:
        return write_evaluation(session, form)


def write_evaluation(session: Session, form: EvaluationForm, *, check_version: bool = True) -> LkeScore:
    """:func:`save_evaluation` inside the caller's transaction (an import: ``check_version`` False)."""
    opd = _opd(session, form.opd_id)
    framework, ids = ensure_framework(session, form.year)
    answers = _checked_answers(framework, form)
    evaluation = _stored(session, form.opd_id, form.year, lock=True)
    if evaluation is not None and evaluation.status is LkeStatus.FINAL:
        raise ValidationError.single(
            FORM, f"Evaluasi AKIP {opd.name} tahun {form.year} sudah final; buka kembali untuk mengubahnya")
    if check_version and evaluation is not None and form.version != evaluation.version:
        raise ValidationError.single(FORM, CHANGED_ELSEWHERE)
    if check_version and evaluation is None and form.version is not None:
        raise ValidationError.single(FORM, CHANGED_ELSEWHERE)
    if evaluation is None:
        evaluation = LkeEvaluation(opd_id=opd.id, year=form.year, status=LkeStatus.DRAFT)
        session.add(evaluation)
    evaluation.evaluator = form.evaluator.strip()
    evaluation.evaluated_on = form.evaluated_on
    evaluation.notes = form.notes.strip()
    evaluation.recommendations = form.recommendations.strip()
    evaluation.updated_at = utcnow()  # every save bumps the version, also when only answers changed
    by_criterion = {a.criterion_id: a for a in evaluation.answers}
    for code, data in answers.items():
        row = by_criterion.get(ids[code])
        if data.is_empty:
            if row is not None:
                evaluation.answers.remove(row)
            continue
        if row is None:
            row = LkeAnswer(criterion_id=ids[code])
            evaluation.answers.append(row)
        row.answer, row.evidence, row.notes, row.recommendation = (
            data.answer, data.evidence, data.notes, data.recommendation)
    try:
        session.flush()
    except IntegrityError as exc:  # another computer started the same evaluation at the same moment
        raise ValidationError.single(FORM, CHANGED_ELSEWHERE) from exc
    code_of = {criterion_id: code for code, criterion_id in ids.items()}
    score = score_lke(framework, {code_of[a.criterion_id]: a.answer for a in evaluation.answers})
    audit.record(session, "lke.save", "lke_evaluation", evaluation.id,
                 f"Evaluasi AKIP {opd.name} {form.year} disimpan: nilai {score.total:.2f} ({score.grade})")
    form.version = evaluation.version
    return score


def _set_status(db: Database, opd_id: str, year: int, status: LkeStatus) -> LkeScore:
    with db.write() as session:
        lock_lke_year(session, year)  # against a change of the year's structure
        opd = _opd(session, opd_id)
        evaluation = _stored(session, opd_id, year, lock=True)
        if evaluation is None:
            raise ValidationError.single(FORM, f"{opd.name} belum dievaluasi untuk tahun {year}")
        found = stored_framework(session, year)
        assert found is not None  # an evaluation is saved only with its year's structure
        score = score_lke(found[0], {a.criterion.code: a.answer for a in evaluation.answers})
        if evaluation.status is status:
            return score
        if status is LkeStatus.FINAL:
            if not score.complete:
                count = len(score.unanswered)
                raise ValidationError.single(
                    FORM, f"Evaluasi belum dapat difinalkan: {count} kriteria belum dijawab "
                          f"({', '.join(score.unanswered[:8])}{' …' if count > 8 else ''})")
            if not evaluation.evaluator:
                raise ValidationError.single("evaluator", "Isi nama evaluator sebelum memfinalkan")
            evaluation.finalized_at = utcnow()
            evaluation.evaluated_on = evaluation.evaluated_on or date.today()
        else:
            evaluation.finalized_at = None
        evaluation.status = status
        session.flush()
        verb = "difinalkan" if status is LkeStatus.FINAL else "dibuka kembali"
        audit.record(session, f"lke.{'finalize' if status is LkeStatus.FINAL else 'reopen'}", "lke_evaluation",
                     evaluation.id, f"Evaluasi AKIP {opd.name} {year} {verb}: nilai {score.total:.2f} ({score.grade})")
        return score


def finalize_evaluation(db: Database, opd_id: str, year: int) -> LkeScore:
    """Close the evaluation (every criterion answered, an evaluator named): it no longer changes."""
    auth.require(db, "akip")
    return _set_status(db, opd_id, year, LkeStatus.FINAL)


def reopen_evaluation(db: Database, opd_id: str, year: int) -> LkeScore:
    """Open a final evaluation again for corrections (the rapor and piagam printed before then no longer verify)."""
    auth.require(db, "akip")
    return _set_status(db, opd_id, year, LkeStatus.DRAFT)


def summaries_in(session: Session, year: int) -> list[EvaluationSummary]:
    framework = year_framework_in(session, year).framework
    evaluations = {
        e.opd_id: e
        for e in session.scalars(
            select(LkeEvaluation).where(LkeEvaluation.year == year)
            .options(selectinload(LkeEvaluation.answers).selectinload(LkeAnswer.criterion))
        )
    }
    opds = session.scalars(select(Opd).order_by(Opd.sort_order, Opd.code)).all()
    rows = []
    for opd in opds:
        evaluation = evaluations.get(opd.id)
        if evaluation is None and not opd.is_active:
            continue
        score = None
        if evaluation is not None:
            score = score_lke(framework, {a.criterion.code: a.answer for a in evaluation.answers})
        rows.append(EvaluationSummary(
            opd.id, opd.code, opd.abbreviation, opd.name,
            evaluation.status if evaluation is not None else None, score,
            evaluation.evaluator if evaluation is not None else "",
        ))
    return rows


def evaluation_summaries(db: Database, year: int) -> list[EvaluationSummary]:
    """Every active OPD (and any evaluated one) with its evaluation's state and score for the year."""
    with db.read() as session:
        return summaries_in(session, year)
