"""The LKE's structure of a year: read it, make it (from the year before, else the regulation's), edit it.

Each year has its own copy of components, sub-components and criteria, matched by code, so editing 2026 never
changes a 2025 score. A year is made when it is first written to (an evaluation saved, a structure edited, an
LKE imported); until then reading it gives what would be made. A structure is refused unless its weights sum
to 100 (``domain.akip.framework_problems``); once a year has a final evaluation its structure is fixed.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db.akip_models import LkeAnswer, LkeComponent, LkeCriterion, LkeEvaluation, LkeSubcomponent
from ..db.database import Database
from ..db.locks import lock_lke_year
from ..domain.akip import (
    Component,
    Criterion,
    Framework,
    LkeStatus,
    Subcomponent,
    answer_scale,
    framework_problems,
)
from ..domain.akip_2021 import NAME as DEFAULT_NAME
from ..domain.akip_2021 import PERMENPANRB_88_2021
from . import audit
from . import users as auth
from .akip_data import YearFramework
from .errors import FORM, ValidationError

STORED = "tersimpan"
DEFAULT_SOURCE = "PermenPANRB 88/2021"


def _components(session: Session, year: int) -> list[LkeComponent]:
    return list(
        session.scalars(
            select(LkeComponent)
            .where(LkeComponent.year == year)
            .options(selectinload(LkeComponent.subcomponents).selectinload(LkeSubcomponent.criteria))
            .order_by(LkeComponent.sort_order, LkeComponent.code)
        )
    )


def _as_framework(components: list[LkeComponent], name: str = DEFAULT_NAME) -> Framework:
    return Framework(
        tuple(
            Component(
                c.code,
                c.name,
                c.weight,
                tuple(
                    Subcomponent(s.code, s.name, s.weight, tuple(Criterion(k.code, k.statement, k.scale)
                                                                  for k in s.criteria))
                    for s in c.subcomponents
                ),
            )
            for c in components
        ),
        name,
    )


def stored_framework(session: Session, year: int) -> tuple[Framework, dict[str, str]] | None:
    """The year's structure and its criteria's ids by code, or None when the year has none yet."""
    components = _components(session, year)
    if not components:
        return None
    ids = {k.code: k.id for c in components for s in c.subcomponents for k in s.criteria}
    return _as_framework(components), ids


def _template(session: Session, year: int) -> tuple[Framework, str]:
    """What a new year starts from: the latest earlier year's structure, else the regulation's."""
    earlier = session.scalars(
        select(LkeComponent.year).where(LkeComponent.year < year).order_by(LkeComponent.year.desc())
    ).first()
    if earlier is not None:
        found = stored_framework(session, earlier)
        assert found is not None
        return found[0], f"tahun {earlier}"
    return PERMENPANRB_88_2021, DEFAULT_SOURCE


def final_count(session: Session, year: int) -> int:
    return session.scalar(
        select(func.count()).select_from(LkeEvaluation)
        .where(LkeEvaluation.year == year, LkeEvaluation.status == LkeStatus.FINAL)
    ) or 0


def year_framework_in(session: Session, year: int) -> YearFramework:
    found = stored_framework(session, year)
    if found is not None:
        return YearFramework(year, found[0], True, STORED, final_count(session, year))
    framework, source = _template(session, year)
    return YearFramework(year, framework, False, source)


def year_framework(db: Database, year: int) -> YearFramework:
    """The year's LKE structure (stored, or the one its first save would make)."""
    with db.read() as session:
        return year_framework_in(session, year)


def ensure_framework(session: Session, year: int) -> tuple[Framework, dict[str, str]]:
    """The year's structure, made now from its template when it has none (inside the caller's transaction)."""
    lock_lke_year(session, year)
    found = stored_framework(session, year)
    if found is not None:
        return found
    framework, source = _template(session, year)
    _write(session, year, framework, {})
    session.flush()
    audit.record(session, "lke.structure.create", "lke_component", str(year),
                 f"Struktur LKE tahun {year} dibuat dari {source}")
    found = stored_framework(session, year)
    assert found is not None
    return found


def _write(session: Session, year: int, framework: Framework, existing: dict[str, LkeComponent]) -> None:
    """Make the stored rows equal ``framework``, keeping the rows (and so the answers) of unchanged codes."""
    for c_order, component in enumerate(framework.components):
        row = existing.pop(component.code, None) or LkeComponent(year=year, code=component.code)
        if row.id is None:
            session.add(row)
        row.name, row.weight, row.sort_order = component.name.strip(), component.weight, c_order
        subs = {s.code: s for s in row.subcomponents}
        kept_subs = []
        for s_order, sub in enumerate(component.subcomponents):
            sub_row = subs.pop(sub.code, None) or LkeSubcomponent(code=sub.code)
            sub_row.name, sub_row.weight, sub_row.sort_order = sub.name.strip(), sub.weight, s_order
            criteria = {k.code: k for k in sub_row.criteria}
            kept = []
            for k_order, criterion in enumerate(sub.criteria):
                k_row = criteria.pop(criterion.code, None) or LkeCriterion(code=criterion.code)
                k_row.statement, k_row.scale, k_row.sort_order = criterion.statement.strip(), criterion.scale, k_order
                kept.append(k_row)
            sub_row.criteria = kept  # criteria left out are deleted with their answers (delete-orphan)
            kept_subs.append(sub_row)
        row.subcomponents = kept_subs
    for gone in existing.values():
        session.delete(gone)


def _moved_criteria(session: Session, year: int, framework: Framework) -> list[str]:
    """Codes kept in the framework whose stored row sits under another sub-component (not allowed: a code
    names one criterion, and moving it would lose its answers)."""
    found = stored_framework(session, year)
    if found is None:
        return []
    old = {k.code: s.code for _, s, k in found[0].criteria()}
    return [k.code for _, s, k in framework.criteria() if k.code in old and old[k.code] != s.code]


def save_framework(db: Database, year: int, framework: Framework) -> None:
    """Replace the year's structure (matched by code; answers of kept criteria stay, those of removed ones go).

    Refused when the weights do not sum as they must, when a kept answer is not on its criterion's new scale,
    or when the year already has a final evaluation.
    """
    auth.require(db, "lke_structure")
    with db.write() as session:
        write_framework(session, year, framework)


def write_framework(session: Session, year: int, framework: Framework) -> bool:
    """:func:`save_framework` inside the caller's transaction (an import); True when anything changed."""
    problems = framework_problems(framework)
    if problems:
        raise ValidationError({f"structure{n}" if n else "structure": p for n, p in enumerate(problems)})
    lock_lke_year(session, year)  # finalising waits: a structure is changed only while no evaluation is final
    current = stored_framework(session, year)
    if current is not None and current[0].components == framework.components:
        return False
    if final_count(session, year):
        raise ValidationError.single(
            FORM, f"Struktur LKE tahun {year} tidak dapat diubah: sudah ada evaluasi yang final "
                  "(buka kembali evaluasinya dahulu)")
    moved = _moved_criteria(session, year, framework)
    if moved:
        raise ValidationError.single(
            "structure", f"Kode kriteria {', '.join(moved)} dipindah ke sub komponen lain; beri kode baru")
    _check_answers_fit(session, year, framework)
    existing = {c.code: c for c in _components(session, year)}
    _write(session, year, framework, existing)
    session.flush()
    audit.record(session, "lke.structure.save", "lke_component", str(year),
                 f"Struktur LKE tahun {year} disimpan ({framework.criterion_count} kriteria)")
    return True


def _check_answers_fit(session: Session, year: int, framework: Framework) -> None:
    scales = {k.code: k.scale for _, _, k in framework.criteria()}
    answered = session.execute(
        select(LkeCriterion.code, LkeAnswer.answer)
        .join(LkeAnswer, LkeAnswer.criterion_id == LkeCriterion.id)
        .join(LkeEvaluation, LkeEvaluation.id == LkeAnswer.evaluation_id)
        .where(LkeEvaluation.year == year, LkeAnswer.answer.is_not(None))
    ).all()
    misfits = set()
    for code, answer in answered:
        if code in scales and answer is not None:
            try:
                answer_scale(scales[code]).option(answer)
            except ValueError:
                misfits.add(code)
    if misfits:
        raise ValidationError.single(
            "structure", f"Skala jawaban kriteria {', '.join(sorted(misfits))} tidak dapat diubah: jawaban yang "
                         "sudah diisi tidak ada pada skala baru")
