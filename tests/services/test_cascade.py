"""The cascade inside an OPD: lower sasaran and indicators under the upper ones, the alignment check, and the PKs
of eselon III and IV officials with the OPD's lifecycle and lock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.errors import AgreementLockedError
from kinerja_desktop.db.models import Goal, Indicator, PerformanceAgreement, PlanningPeriod
from kinerja_desktop.domain.enums import (
    ActingKind,
    AgreementKind,
    AgreementStatus,
    GoalLevel,
    PositionLevel,
)
from kinerja_desktop.services import agreements, cascade, positions
from kinerja_desktop.services.cascade import LowerGoalData
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.opd import HeadData
from kinerja_desktop.services.positions import PositionForm
from kinerja_desktop.services.renstra import IndicatorData

D = Decimal


def _period(db: Database) -> str:
    with db.read() as s:
        return s.scalars(select(PlanningPeriod.id)).one()


def _warnings(db: Database, opd_id: str | None = None) -> list[tuple[str, str, str]]:
    return sorted((w.kind, w.text, w.message) for w in cascade.alignment(db, _period(db), opd_id))


def test_the_cascade_is_stored_level_by_level(db: Database, tree: dict[str, str]) -> None:
    with db.read() as s:
        sp, sk = s.get(Goal, tree["sp"]), s.get(Goal, tree["sk"])
        assert (sp.level, sp.supports_id, sp.position_id) == (GoalLevel.PROGRAM, tree["renstra"], tree["kabid"])
        assert (sk.level, sk.supports_id, sk.position_id) == (GoalLevel.ACTIVITY, tree["sp"], tree["kasi"])
        assert [p.program.code for p in sp.programs] == ["1.02.02", "1.02.02.2.02"]
        assert [p.program.code for p in sk.programs] == ["1.02.02.2.02.0001"]
        assert s.get(Indicator, tree["sk_ind"]).supports_id == tree["sp_ind"]


def test_alignment_lists_lower_targets_without_a_parent_and_upper_ones_supported_by_nothing(
    db: Database, dinkes: str
) -> None:
    # GIVEN the Renstra sasaran linked to no RPJMD sasaran and an eselon III position but no sasaran program
    positions.save_position(db, PositionForm(dinkes, "Sekretaris", PositionLevel.ESELON_III))
    # THEN the sasaran has no parent and nothing below supports it
    assert _warnings(db, dinkes) == [
        ("tanpa_induk", "Meningkatnya derajat kesehatan masyarakat",
         "Sasaran Strategis tidak mendukung sasaran di atasnya"),
        ("tidak_didukung", "Meningkatnya derajat kesehatan masyarakat",
         "Sasaran Strategis tidak didukung sasaran mana pun di bawahnya"),
    ]


def test_a_full_branch_leaves_only_what_is_really_missing(db: Database, tree: dict[str, str]) -> None:
    # the imunisasi indicator is carried by no sasaran program indicator; the Renstra supports no RPJMD sasaran
    assert _warnings(db, tree["opd"]) == [
        ("tanpa_induk", "Meningkatnya derajat kesehatan masyarakat",
         "Sasaran Strategis tidak mendukung sasaran di atasnya"),
        ("tidak_didukung", "Cakupan imunisasi dasar lengkap",
         "Indikator tidak didukung indikator mana pun di bawahnya"),
    ]
    # WHEN the sasaran kegiatan is retired, the sasaran program is supported by nothing any more
    with db.write() as s:
        s.get(Goal, tree["sk"]).is_active = False
    assert ("tidak_didukung", "Meningkatnya kualitas pelayanan kesehatan ibu dan anak",
            "Sasaran Program tidak didukung sasaran mana pun di bawahnya") in _warnings(db, tree["opd"])


def test_the_cascade_refuses_what_does_not_fit_its_level(db: Database, tree: dict[str, str]) -> None:
    def refused(call, field: str, text: str) -> None:  # noqa: ANN001
        with pytest.raises(ValidationError) as info:
            call()
        assert text in info.value.errors.get(field, ""), info.value.errors

    # a sasaran program supporting another sasaran program
    refused(lambda: cascade.save_lower_goal(db, LowerGoalData(tree["kabid"], tree["sp"], "Sasaran lain")),
            "supports_id", "Sasaran Program mendukung sasaran perangkat daerah di atasnya")
    # an eselon IV sasaran carrying a program instead of a sub kegiatan
    refused(lambda: cascade.save_lower_goal(db, LowerGoalData(tree["kasi"], tree["sp"], "Sasaran lain",
                                                              program_ids=[tree["program"]])),
            "program_ids", "Sasaran Kegiatan memuat sub kegiatan, bukan program")
    # an indicator supporting an indicator of a sasaran its own sasaran does not support
    refused(lambda: cascade.save_lower_indicator(db, IndicatorData(tree["sk"], "Indikator lain", "%"), tree["aki"]),
            "supports_id", "Indikator yang didukung harus indikator sasaran yang didukung sasaran ini")
    # the head's sasaran is the Renstra's
    with db.read() as s:
        head = s.scalars(select(Goal.opd_id)).first()
    head_id = positions.list_positions(db, head)[0].id
    refused(lambda: cascade.save_lower_goal(db, LowerGoalData(head_id, tree["renstra"], "x")),
            "position_id", "sasaran strategis Renstra")
    with db.read() as s:
        assert len(s.scalars(select(Goal)).all()) == 3 and len(s.scalars(select(Indicator)).all()) == 4


def test_an_eselon_iii_pk_lists_the_sasaran_program_with_programs_and_kegiatan_signed_by_the_head(
    db: Database, tree: dict[str, str]
) -> None:
    agreement_id = agreements.create_lower(db, tree["kabid"], 2026)
    detail = agreements.get_agreement(db, agreement_id)
    assert detail.level is AgreementKind.ESELON_III and detail.position_id == tree["kabid"]
    assert [(i.sasaran, i.indicator_name, i.target) for i in detail.items] == [
        ("Meningkatnya kualitas pelayanan kesehatan ibu dan anak",
         "Persentase ibu hamil mendapat pelayanan sesuai standar", D(95))]
    # the program is carried with its kegiatan: the kegiatan's share is listed, not both (no double count)
    assert [(p.code, p.budget) for p in detail.programs] == [("1.02.02.2.02", 3_250_000_000)]
    assert detail.total_budget == 3_250_000_000
    assert (detail.first.name, detail.first.position) == ("Hj. Nurlaela, S.K.M., M.M.",
                                                          "Kepala Bidang Kesehatan Masyarakat")
    assert (detail.second.name, detail.second.position) == ("dr. Siti Rahmawati, M.Kes.", "Kepala Dinas Kesehatan")


def test_an_eselon_iv_pk_has_the_sub_kegiatan_and_the_superior_of_the_signing_date(
    db: Database, tree: dict[str, str]
) -> None:
    # GIVEN the Kabid replaced by a Plt. from 1 February 2026
    positions.appoint(db, tree["kabid"], HeadData(name="Drs. Yusuf Hamdani", nip="198001012005011005",
                                                  acting=ActingKind.PLT, start_date=date(2026, 2, 1)))
    january = agreements.get_agreement(db, agreements.create_lower(db, tree["kasi"], 2026))
    assert january.level is AgreementKind.ESELON_IV
    assert [(p.code, p.budget) for p in january.programs] == [("1.02.02.2.02.0001", 475_500_000)]
    assert [i.indicator_name for i in january.items] == ["Cakupan kunjungan K6"]
    assert january.second.name == "Hj. Nurlaela, S.K.M., M.M."
    # WHEN it is signed in February, the signers are updated to the holders on that day
    agreements.finalize(db, january.id)
    agreements.sign(db, january.id, date(2026, 2, 3), update_signers=True)
    signed = agreements.get_agreement(db, january.id)
    assert signed.status is AgreementStatus.SIGNED
    assert (signed.second.name, signed.second.printed_position) == (
        "Drs. Yusuf Hamdani", "Plt. Kepala Bidang Kesehatan Masyarakat")
    with db.read() as s:
        row = s.get(PerformanceAgreement, january.id)
        assert row.second_official_id is not None and row.second_leader_id is None


def test_lower_pks_follow_the_lifecycle_and_lock_and_leave_the_opd_pk_alone(
    db: Database, tree: dict[str, str]
) -> None:
    opd_pk = agreements.create_from_renstra(db, tree["opd"], 2026)  # the head's own PK, same OPD and year
    lower = agreements.create_lower(db, tree["kabid"], 2026)
    with pytest.raises(ValidationError, match="sudah memiliki Perjanjian Kinerja tahun 2026"):
        agreements.create_lower(db, tree["kabid"], 2026)
    agreements.finalize(db, lower)
    agreements.sign(db, lower, date(2026, 1, 26))
    detail = agreements.get_agreement(db, lower)
    with pytest.raises(AgreementLockedError, match="sudah ditandatangani dan dikunci"):
        agreements.save_draft(db, replace(detail, place="Kota Lain"))
    amendment = agreements.create_amendment(db, lower, "Perubahan target setelah refocusing")
    assert [v.version_no for v in agreements.version_history(db, amendment)] == [1, 2]
    assert [v.version_no for v in agreements.version_history(db, opd_pk)] == [1]
    rows = agreements.list_agreements(db, 2026, levels=agreements.LEVELS)
    assert [(r.level, r.position_name, r.version_no, r.status) for r in rows] == [
        (AgreementKind.REGIONAL, "", 0, None),
        (AgreementKind.OPD, "", 1, AgreementStatus.DRAFT),
        (AgreementKind.ESELON_III, "Kepala Bidang Kesehatan Masyarakat", 2, AgreementStatus.DRAFT),
        (AgreementKind.ESELON_IV, "Kepala Seksi Kesehatan Keluarga dan Gizi", 0, None),
    ]


def test_a_pk_for_a_staff_post_or_without_sasaran_is_refused(db: Database, tree: dict[str, str]) -> None:
    staff = positions.save_position(db, PositionForm(tree["opd"], "Bidan Koordinator", PositionLevel.STAFF,
                                                     parent_id=tree["kasi"]))
    with pytest.raises(ValidationError, match="ditandatangani pejabat eselon III dan IV"):
        agreements.create_lower(db, staff, 2026)
    with pytest.raises(ValidationError, match="belum memiliki sasaran kegiatan dengan indikator dan target tahun 2027"):
        agreements.create_lower(db, tree["kasi"], 2027)
    with db.read() as s:
        assert s.scalars(select(PerformanceAgreement)).all() == []


def test_agreements_list_selects_a_level(db: Database, tree: dict[str, str], capsys) -> None:  # noqa: ANN001
    agreements.create_lower(db, tree["kasi"], 2026)

    def listed(level: str) -> list[dict]:
        assert main(["agreements", "list", "--db", db.location, "--year", "2026", "--level", level,
                     "--format", "json"]) == 0
        return json.loads(capsys.readouterr().out)

    four = listed("4")
    assert [(r["level"], r["jabatan"], r["status"]) for r in four] == [
        ("4", "Kepala Seksi Kesehatan Keluarga dan Gizi", "draf")]
    assert [(r["level"], r["status"]) for r in listed("3")] == [("3", "belum_ada")]
    assert [r["level"] for r in listed("all")] == ["daerah", "opd", "3", "4"]
    assert [r["level"] for r in listed("opd")] == ["opd"]


def _pdf_text(path) -> str:  # noqa: ANN001
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize(
    ("level", "position", "name", "words"),
    [
        ("3", "kabid", "PK-2026-DINKES-KBKM.pdf",
         ["Sasaran Program", "Program/Kegiatan", "Penyediaan Layanan Kesehatan", "3.250.000.000",
          "Persentase ibu hamil mendapat pelayanan sesuai standar", "Kepala Dinas Kesehatan"]),
        ("4", "kasi", "PK-2026-DINKES-KSKKG.pdf",
         ["Sasaran Kegiatan", "Sub Kegiatan", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "475.500.000",
          "Cakupan kunjungan K6", "Kepala Bidang Kesehatan Masyarakat"]),
    ],
)
def test_print_pk_of_a_level_uses_its_wording_and_verifies(  # noqa: PLR0913
    db: Database, tree: dict[str, str], tmp_path, capsys, level: str, position: str, name: str,  # noqa: ANN001
    words: list[str],
) -> None:
    agreement_id = agreements.create_lower(db, tree[position], 2026)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    out = tmp_path / "pk"
    assert main(["print", "pk", "--db", db.location, "--year", "2026", "--level", level, "--out", str(out)]) == 0
    assert [p.name for p in sorted(out.iterdir())] == [name]
    text = _pdf_text(out / name)
    assert all(word in text for word in words), [w for w in words if w not in text]
    assert "Sasaran Strategis" not in text
    from kinerja_desktop.reports.fingerprint import read_fingerprint
    from kinerja_desktop.services import printing

    assert read_fingerprint(out / name)["identity"] == name.removesuffix(".pdf") + "-v1"
    verified = printing.verify_pdf(db, out / name)
    assert verified.matches, verified.message
    capsys.readouterr()


def test_lower_level_monitoring_is_a_setting_and_leaves_the_opd_score_alone(
    db: Database, tree: dict[str, str]
) -> None:
    from kinerja_desktop.services import evaluation
    from kinerja_desktop.services.evaluation_data import QuarterReport, RealizationInput
    from kinerja_desktop.services.evaluation_report import save_quarter_report

    # GIVEN the OPD's PK and the Kabid's PK signed, and the OPD's first quarter reported
    opd_pk = agreements.create_from_renstra(db, tree["opd"], 2026)
    agreements.finalize(db, opd_pk)
    agreements.sign(db, opd_pk, date(2026, 1, 26))
    lower = agreements.create_lower(db, tree["kabid"], 2026)
    agreements.finalize(db, lower)
    agreements.sign(db, lower, date(2026, 1, 27))
    lower = agreements.create_amendment(db, lower, "Target disesuaikan")  # a newer version than the OPD's PK
    agreements.finalize(db, lower)
    agreements.sign(db, lower, date(2026, 2, 2))
    save_quarter_report(db, QuarterReport(tree["opd"], 2026, 1, indicators=[
        RealizationInput(tree["aki"], D(88)),
    ]))
    before = evaluation.evaluate_opd(db, 2026, 1, tree["opd"])
    assert before.agreement_id == opd_pk and before.score is not None
    entry = [RealizationInput(tree["sp_ind"], D(10), problems="Bidan desa kurang", follow_up="Rekrut bidan")]
    # WHEN monitoring inside the OPDs is off (the default), a lower realisation is refused
    assert cascade.lower_level_monitoring(db) is False
    with pytest.raises(ValidationError, match="belum diaktifkan"):
        cascade.save_lower_realisations(db, lower, 1, entry)
    # AND once on, it is stored …
    cascade.set_lower_level_monitoring(db, True)
    cascade.save_lower_realisations(db, lower, 1, entry)
    with db.read() as s:
        from kinerja_desktop.db.models import IndicatorRealization

        stored = s.scalars(select(IndicatorRealization.value).where(
            IndicatorRealization.indicator_id == tree["sp_ind"])).all()
    assert stored == [D(10)]
    # … and the OPD's score, results and PK are those of the OPD's own PK, unchanged
    after = evaluation.evaluate_opd(db, 2026, 1, tree["opd"])
    assert (after.agreement_id, after.score, after.predicate) == (before.agreement_id, before.score, before.predicate)
    assert [i.indicator_id for i in after.indicators] == [i.indicator_id for i in before.indicators]
    assert tree["sp_ind"] not in {i.indicator_id for i in after.indicators}
    # AND an indicator outside the lower PK is refused
    with pytest.raises(ValidationError, match="tidak termasuk dalam PK"):
        cascade.save_lower_realisations(db, lower, 1, [RealizationInput(tree["aki"], D(1))])


def test_support_is_expected_where_the_position_has_subordinates(db: Database, tree: dict[str, str]) -> None:
    before = _warnings(db, tree["opd"])
    assert not any(text == "Meningkatnya cakupan kunjungan K6 ibu hamil" for _, text, _ in before)
    # WHEN the Kasi gets a staff member under him, his sasaran kegiatan expects an individual target
    staff = positions.save_position(db, PositionForm(tree["opd"], "Bidan Koordinator", PositionLevel.STAFF,
                                                     parent_id=tree["kasi"]))
    assert ("tidak_didukung", "Meningkatnya cakupan kunjungan K6 ibu hamil",
            "Sasaran Kegiatan tidak didukung sasaran mana pun di bawahnya") in _warnings(db, tree["opd"])
    # AND the staff member's individual target supporting it settles it
    goal = cascade.save_lower_goal(db, LowerGoalData(staff, tree["sk"], "Terpantaunya ibu hamil di desa binaan"))
    cascade.save_lower_indicator(db, IndicatorData(goal, "Ibu hamil dipantau", "orang"), tree["sk_ind"])
    assert _warnings(db, tree["opd"]) == before
