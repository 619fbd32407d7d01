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
            .order_by(PerformanceAgreement.year, Opd.sort_order, Opd.code, PerformanceAgreement.version_no)
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
    # The same PKs, in the order the ORDER BY defines (year, OPD, version); an OPD's PKs of one version for its
    # several positions (eselon III/IV) tie, and PostgreSQL may give ties in another order for either query.
    assert sorted(records) == sorted(expected) and expected
    assert [(year, opd) for year, opd, _name, _label in records] == [(year, opd) for year, opd, _n, _l in expected]


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
