"""A PK's print reads its rows with Core selects (services.documents_read, issue 20): the document built from those
records is the one built from the models' objects, for every PK of the demo, on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import inspect, select

from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    Opd,
    PerformanceAgreement,
    Position,
    Regency,
)
from kinerja_desktop.domain.enums import AgreementKind, AgreementStatus
from kinerja_desktop.services import documents_read, printing
from kinerja_desktop.services.agreements import list_agreements
from kinerja_desktop.services.documents import agreement_document, build_agreement_document, frozen_agreement


@pytest.mark.parametrize("model", [PerformanceAgreement, AgreementItem, AgreementProgram, Opd, Position, Regency])
def test_a_record_has_the_models_attribute_names(model):
    # A record's attributes are its table's column keys; the documents read them under the model's names.
    mapper = inspect(model)
    assert sorted(a.key for a in mapper.column_attrs) == sorted(c.key for c in mapper.local_table.columns)
    assert all([c.key for c in a.columns] == [a.key] for a in mapper.column_attrs)


def test_every_pk_prints_the_same_from_records_as_from_the_models(demo_db):
    with demo_db.read() as session:
        regency = session.scalars(select(Regency)).one()
        agreements = session.scalars(select(PerformanceAgreement).order_by(PerformanceAgreement.id)).all()
        assert {a.kind for a in agreements} == set(AgreementKind)
        assert any(a.snapshot for a in agreements) and any(not a.snapshot for a in agreements)
        assert any(a.replaces is not None for a in agreements) and any(a.post is not None for a in agreements)
        for agreement in agreements:
            record = documents_read.agreement(session, agreement.id)
            assert [i.id for i in record.items] == [i.id for i in agreement.items]
            assert [p.id for p in record.programs] == [p.id for p in agreement.programs]
            # From the rows (a draft's print; for a final one too, so the replaced version is read as well) …
            expected = build_agreement_document(session, agreement)
            assert build_agreement_document(session, record, regency=documents_read.regency(session)) == expected
            # … and as printed: a final one from its frozen document.
            printed = frozen_agreement(session, agreement) if agreement.snapshot else expected
            assert agreement_document(session, agreement.id) == replace(printed, source=regency.id)
        assert documents_read.agreement(session, "no-such-id") is None


@pytest.mark.parametrize("level", list(AgreementKind))
def test_the_plan_names_each_pk_as_from_the_models(demo_db, level):
    with demo_db.read() as session:
        regency = session.scalars(select(Regency)).one()
        query = (
            select(PerformanceAgreement)
            .outerjoin(Opd, PerformanceAgreement.opd_id == Opd.id)
            .where(PerformanceAgreement.kind == level, PerformanceAgreement.status != AgreementStatus.DISCARDED)
            .outerjoin(Position, PerformanceAgreement.position_id == Position.id)
            .order_by(
                PerformanceAgreement.year,
                Opd.sort_order,
                Opd.code,
                Position.sort_order.nulls_first(),
                Position.name.nulls_first(),
                PerformanceAgreement.version_no,
                PerformanceAgreement.id,
            )
        )
        expected = [
            (a.year, a.opd.code if a.opd else None, printing._agreement_name(a), printing._agreement_label(a, regency))
            for a in session.scalars(query)
        ]
        records = [
            (
                r.year,
                r.opd.code if r.opd else None,
                printing._agreement_name(r),
                printing._agreement_label(r, documents_read.regency(session)),
            )
            for year in (2025, 2026)
            for r in documents_read.agreements(session, year, level, (), AgreementStatus.DISCARDED)
        ]
    # The same PKs in the same order: the ORDER BY ends with the key, so no two rows tie on either backend.
    assert records == expected and expected


def _printed_and_listed(db, year, level):
    """The file names a PK print of the year and level plans, and the names of the PKs the PK list shows."""
    planned = [p.name for p in printing._plan(db, printing.Request(printing.PK, year, level=level))]
    rows = list_agreements(db, year, include_inactive=True, levels=(level,))
    with db.read() as session:
        listed = [
            printing._agreement_name(documents_read.agreement(session, r.agreement_id)) for r in rows if r.agreement_id
        ]
    return planned, listed


@pytest.mark.parametrize("level", [AgreementKind.OPD, AgreementKind.ESELON_III, AgreementKind.ESELON_IV])
def test_a_batch_prints_the_pks_in_the_order_of_the_pk_list(demo_db, level):
    # Inside an OPD the positions' PKs print in the list's order (position sort order, then name), not in whatever
    # order the database gives rows that tie on (OPD, version); reversing one OPD's positions reverses their print.
    planned, listed = _printed_and_listed(demo_db, 2025, level)
    assert planned == listed and len(planned) > 1
    with demo_db.write() as session:
        by_opd: dict[str, list[Position]] = {}
        for agreement in session.scalars(
            select(PerformanceAgreement).where(PerformanceAgreement.year == 2025, PerformanceAgreement.kind == level)
        ):
            if agreement.post is not None and agreement.post not in by_opd.setdefault(agreement.opd_id, []):
                by_opd[agreement.opd_id].append(agreement.post)
        positions = max(by_opd.values(), key=len)
        ordered = sorted(positions, key=lambda p: (p.sort_order, p.name))
        for rank, position in enumerate(reversed(ordered)):
            position.sort_order = rank
    again, listed_again = _printed_and_listed(demo_db, 2025, level)
    assert again == listed_again
    if level.is_lower:  # an OPD's own PK: one position per OPD, nothing to reorder
        assert len(positions) > 1
        assert again != planned and sorted(again) == sorted(planned)


def test_a_draft_prints_the_sessions_changes_not_yet_written(demo_db):
    # The Core selects go through Session.execute, which flushes pending changes first (not the connection's
    # execute, which would not): a draft printed inside a session that just changed it shows the change, as the
    # ORM's query did.
    with demo_db.write() as session:
        agreements = session.scalars(select(PerformanceAgreement).order_by(PerformanceAgreement.id)).all()
        draft = next(a for a in agreements if not a.snapshot and a.items)
        item = draft.items[0]
        item.indicator_name = "Indikator diubah belum ditulis"
        assert item in session.dirty
        names = [i.name for g in agreement_document(session, draft.id).goals for i in g.indicators]
        assert "Indikator diubah belum ditulis" in names
        session.rollback()
