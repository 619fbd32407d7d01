"""Signed means frozen: each final or signed PK and each Pakta Integritas keeps the document it prints.

Adds ``document_code``, ``snapshot`` and ``fingerprint`` to ``performance_agreement`` and ``integrity_pact``,
the regency's own wording of the standard sentences (``regency.document_texts``), and ``document_asset``: the
images the frozen documents print (the logo), each kept once. Only columns and a table are added (no table is
rebuilt, so no row can be touched by a cascade), then every final, signed and replaced PK and
every Pakta Integritas is snapshotted once from what it prints today, so that its printouts still verify and
its reprints stay the same whatever changes later. The one exception: the kop of a Pakta names the OPD as on
its signing date (today's name was printed over the old one in its body after a rename).

The snapshot is built here from the rows with plain SQL, as the app before this revision printed it (the canonical
form of ``reports.snapshot``, see its docstring; its wording, so a printout made before the upgrade keeps
its fingerprint): a migration is frozen code and may not import the reports. Works on SQLite and
PostgreSQL (plain ADD COLUMN, Core statements).

Revision ID: 0006_frozen
Revises: 0005_planning
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006_frozen"
down_revision = "0005_planning"
branch_labels = None
depends_on = None

FROZEN_TABLES = ("performance_agreement", "integrity_pact")
SCHEMA = "kinerja-desktop/1"
FROZEN_STATUSES = ("final", "ditandatangani", "diganti")
SAMPLE_WATERMARK = "DATA CONTOH"


def upgrade() -> None:
    for table in FROZEN_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("document_code", sa.String(length=60), nullable=False, server_default=""))
            batch_op.add_column(sa.Column("snapshot", sa.Text(), nullable=False, server_default=""))
            batch_op.add_column(sa.Column("fingerprint", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("regency") as batch_op:
        batch_op.add_column(sa.Column("document_texts", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "document_asset",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_asset")),
        sa.UniqueConstraint("sha256", name=op.f("uq_document_asset_sha256")),
    )
    freeze_existing(op.get_bind())


def downgrade() -> None:
    op.drop_table("document_asset")
    with op.batch_alter_table("regency") as batch_op:
        batch_op.drop_column("document_texts")
    for table in FROZEN_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("fingerprint")
            batch_op.drop_column("snapshot")
            batch_op.drop_column("document_code")


# --- the documents as this revision's app prints them ----------------------------------------------------

_AGREEMENT_TEMPLATE = {
    "title": "PERJANJIAN KINERJA TAHUN {tahun}",
    "amended_title": "PERJANJIAN KINERJA PERUBAHAN TAHUN {tahun}",
    "amendment_note": (
        "Perjanjian Kinerja Perubahan ini menggantikan Perjanjian Kinerja Tahun {tahun} versi {versi} "
        "tanggal {tanggal}, karena {alasan}."
    ),
    "opening": (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
        "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    ),
    "first_party_clause": "selanjutnya disebut pihak pertama.",
    "second_party_clause": "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
    "first_party_commitment": (
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
        "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
        "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
    ),
    "second_party_commitment": (
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
        "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
        "dan sanksi."
    ),
    # The regional wording as the revisions before printed it: unused on an OPD's PK, but part of its fingerprint.
    "regional_opening": (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
        "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    ),
    "regional_commitment": (
        "Berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
        "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
        "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
    ),
    "first_party_heading": "PIHAK PERTAMA,",
    "second_party_heading": "PIHAK KEDUA,",
    "name_label": "Nama",
    "position_label": "Jabatan",
    "goal_column": "Sasaran Strategis",
    "indicator_column": "Indikator Kinerja",
    "target_column": "Target",
    "program_column": "Program",
    "budget_column": "Anggaran (Rp)",
    "note_column": "Keterangan",
    "total_label": "Jumlah",
}
_PACT_TEMPLATE = {
    "title": "PAKTA INTEGRITAS",
    "intro": "Saya yang bertanda tangan di bawah ini:",
    "name_label": "Nama",
    "nip_label": "NIP",
    "rank_label": "Pangkat/Golongan",
    "position_label": "Jabatan",
    "institution_label": "Instansi",
    "declaration_intro": "Dengan ini menyatakan bahwa saya:",
    "declarations": [
        "Berperan secara pro aktif dalam upaya pencegahan dan pemberantasan Korupsi, Kolusi, dan Nepotisme "
        "(KKN) serta tidak melibatkan diri dalam perbuatan tercela;",
        "Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, "
        "bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;",
        "Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;",
        "Menghindari pertentangan kepentingan (<i>conflict of interest</i>) dalam pelaksanaan tugas;",
        "Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan tugas, "
        "terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai di lingkungan kerja "
        "saya secara konsisten;",
        "Akan menyampaikan informasi penyimpangan integritas di {instansi} serta turut menjaga kerahasiaan "
        "saksi atas pelanggaran peraturan yang dilaporkannya;",
        "Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya.",
    ],
}


def _number(value: Any) -> str | None:
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _date(value: Any) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.isoformat()


def _typed(type_name: str, /, **fields: Any) -> dict[str, Any]:
    return {"@type": type_name, **fields}


def _signer(name: str, position: str, acting: str, nip: str | None, rank: str | None) -> dict[str, Any]:
    return _typed("Signer", name=name, position=position, acting=acting, nip=nip, rank=rank or None, grade=None)


def _unit_code(abbreviation: str | None) -> str:
    text = "DAERAH" if abbreviation is None else abbreviation
    return re.sub(r"[^A-Z0-9]", "", text.upper()) or "OPD"


def _government_line(regency: Any) -> str:
    title = "PEMERINTAH KABUPATEN" if regency.kind == "kabupaten" else "PEMERINTAH KOTA"
    return f"{title} {regency.name.upper()}"


def _full_name(regency: Any) -> str:
    return f"{'Kabupaten' if regency.kind == 'kabupaten' else 'Kota'} {regency.name}"


class _Assets(dict):
    """The images a document names by SHA-256, to keep once each in ``document_asset``."""

    def logo(self, png: bytes | None) -> dict[str, str] | None:
        if png is None:
            return None
        png = bytes(png)
        digest = hashlib.sha256(png).hexdigest()
        self[digest] = png
        return {"sha256": digest}


def _letterhead(regency: Any, opd: Any, office: str, assets: _Assets) -> dict[str, Any]:
    source = opd if opd is not None else regency
    return _typed(
        "Letterhead",
        government=_government_line(regency),
        office=office,
        address=source.address,
        telephone=source.phone,
        website=source.website,
        email=source.email,
        logo_png=assets.logo(regency.logo_png),
    )


def _region(regency: Any) -> dict[str, Any]:
    return _typed("Region", kind=regency.kind, name=regency.name)


def _dump(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _frozen(document: dict[str, Any]) -> tuple[str, str]:
    """(snapshot text, fingerprint) of a document in canonical form."""
    snapshot = _dump({"schema": SCHEMA, "document": document})
    return snapshot, hashlib.sha256(snapshot.encode("utf-8")).hexdigest()


def _agreement(conn: Any, agreement: Any, regency: Any, opds: dict[str, Any]) -> tuple[dict[str, Any], _Assets]:
    assets = _Assets()
    opd = opds.get(agreement.opd_id) if agreement.opd_id else None
    items = conn.execute(
        sa.text("SELECT * FROM agreement_item WHERE agreement_id = :id ORDER BY sort_order"), {"id": agreement.id}
    ).all()
    goals: list[dict[str, Any]] = []
    for item in items:
        if item.target_grade:
            target = _typed("TargetValue", value=None, unit=item.unit, upper=None, text=item.target_grade, places=None)
        else:
            target = _typed(
                "TargetValue",
                value=_number(item.target),
                unit=item.unit,
                upper=_number(item.target_high),
                text=None,
                places=None,
            )
        indicator = _typed("AgreementIndicator", name=item.indicator_name, target=target)
        if goals and goals[-1]["statement"] == item.sasaran:
            goals[-1]["indicators"].append(indicator)
        else:
            goals.append(_typed("AgreementGoal", statement=item.sasaran, indicators=[indicator]))
    programs = [
        _typed("AgreementProgram", name=p.name, budget=_number(p.budget), code=p.code, note=p.note)
        for p in conn.execute(
            sa.text("SELECT * FROM agreement_program WHERE agreement_id = :id ORDER BY sort_order"),
            {"id": agreement.id},
        ).all()
    ]
    amendment = None
    if agreement.replaces_id:
        replaced = conn.execute(
            sa.text("SELECT version_no, sign_date FROM performance_agreement WHERE id = :id"),
            {"id": agreement.replaces_id},
        ).first()
        if replaced is not None:
            amendment = _typed(
                "Amendment",
                replaces_version=_number(replaced.version_no),
                replaces_date=_date(replaced.sign_date) if replaced.sign_date else f"{agreement.year:04d}-01-01",
                reason=agreement.amendment_reason,
            )
    regional = agreement.kind == "daerah"
    first = _signer(
        agreement.first_name, agreement.first_position, agreement.first_acting, agreement.first_nip,
        agreement.first_rank,
    )
    second = None if regional else _signer(
        agreement.second_name, agreement.second_position, agreement.second_acting, agreement.second_nip,
        agreement.second_rank,
    )
    document = _typed(
        "AgreementDocument",
        kind=agreement.kind,
        year=_number(agreement.year),
        region=_region(regency),
        letterhead=_letterhead(regency, opd, agreement.opd_name, assets),
        unit_name=agreement.opd_name or (opd.name if opd is not None else _full_name(regency)),
        unit_code=_unit_code(opd.abbreviation if opd is not None else None),
        first_party=first,
        second_party=second,
        place=agreement.place or regency.capital,
        signed_on=_date(agreement.sign_date) if agreement.sign_date else f"{agreement.year:04d}-01-02",
        goals=goals,
        programs=programs,
        version=_number(agreement.version_no),
        amendment=amendment,
        template=_typed("AgreementTemplate", **_AGREEMENT_TEMPLATE),
        watermark=SAMPLE_WATERMARK if regency.is_sample else None,
    )
    return document, assets


def _name_on(conn: Any, opd: Any, day: Any) -> str:
    """The OPD's name on a date: a former name whose period covers it, else today's."""
    if day is None:
        return opd.name
    when = _date(day)
    for former in conn.execute(
        sa.text("SELECT name, valid_from, valid_to FROM opd_name_history WHERE opd_id = :id"), {"id": opd.id}
    ).all():
        starts = _date(former.valid_from) if former.valid_from else "0001-01-01"
        if starts <= when <= _date(former.valid_to):
            return former.name
    return opd.name


def _pact(conn: Any, pact: Any, regency: Any, opds: dict[str, Any]) -> tuple[dict[str, Any], _Assets]:
    assets = _Assets()
    opd = opds.get(pact.opd_id)
    office = _name_on(conn, opd, pact.sign_date) if opd is not None else ""
    document = _typed(
        "PactDocument",
        year=_number(pact.year),
        region=_region(regency),
        letterhead=_letterhead(regency, opd, office, assets),
        signer=_signer(pact.name, pact.position, "definitif", pact.nip, pact.rank),
        institution=pact.institution,
        unit_code=_unit_code(opd.abbreviation if opd is not None else None),
        place=pact.place or regency.capital,
        signed_on=_date(pact.sign_date) if pact.sign_date else f"{pact.year:04d}-01-02",
        version="1",
        template=_typed("PactTemplate", **_PACT_TEMPLATE),
        watermark=SAMPLE_WATERMARK if regency.is_sample else None,
    )
    return document, assets


def _identity(document: dict[str, Any], prefix: str) -> str:
    return f"{prefix}-{document['year']}-{document['unit_code']}-v{document['version']}"


def _store(conn: Any, table: str, row_id: str, prefix: str, document: dict[str, Any], assets: _Assets) -> None:
    snapshot, digest = _frozen(document)
    now = datetime.now(UTC).replace(tzinfo=None)
    for sha, content in assets.items():  # each image once; its id from its hash, as the app gives it
        if conn.execute(sa.text("SELECT 1 FROM document_asset WHERE sha256 = :sha"), {"sha": sha}).first() is None:
            conn.execute(
                sa.text(
                    "INSERT INTO document_asset (id, sha256, content, created_at, updated_at, version) "
                    "VALUES (:id, :sha, :content, :now, :now, 1)"
                ),
                {"id": str(uuid.UUID(sha[:32])), "sha": sha, "content": content, "now": now},
            )
    conn.execute(
        sa.text(
            f"UPDATE {table} SET document_code = :code, snapshot = :snapshot, fingerprint = :digest WHERE id = :id"
        ),
        {"code": _identity(document, prefix), "snapshot": snapshot, "digest": digest, "id": row_id},
    )


def freeze_existing(conn: Any) -> int:
    """Snapshot every final, signed and replaced PK and every Pakta Integritas; returns how many."""
    regency = conn.execute(sa.text("SELECT * FROM regency")).first()
    if regency is None:
        return 0  # nothing can have been printed without a regency profile
    opds = {o.id: o for o in conn.execute(sa.text("SELECT * FROM opd")).all()}
    count = 0
    agreements = conn.execute(
        sa.text("SELECT * FROM performance_agreement WHERE status IN :statuses").bindparams(
            sa.bindparam("statuses", expanding=True)
        ),
        {"statuses": list(FROZEN_STATUSES)},
    ).all()
    for agreement in agreements:
        _store(conn, "performance_agreement", agreement.id, "PK", *_agreement(conn, agreement, regency, opds))
        count += 1
    for pact in conn.execute(sa.text("SELECT * FROM integrity_pact")).all():
        _store(conn, "integrity_pact", pact.id, "PI", *_pact(conn, pact, regency, opds))
        count += 1
    return count
