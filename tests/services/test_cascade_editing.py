"""Editing the cascade below the Renstra after it was made (a lower sasaran changed, removed, given more
indicators), the kendala of lower realisations below 100 %, and the pohon kinerja's holders by year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Goal, Indicator, IndicatorRealization
from kinerja_desktop.services import agreements, cascade
from kinerja_desktop.services.cascade import LowerGoalData
from kinerja_desktop.services.cascade_tree import cascade_tree
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.evaluation_data import RealizationInput, problems_key
from kinerja_desktop.services.removal import Removal
from kinerja_desktop.services.renstra import IndicatorData, TargetData, get_indicator

D = Decimal


def _active(db: Database, model, row_id: str) -> bool | None:  # noqa: ANN001
    with db.read() as s:
        row = s.get(model, row_id)
        return None if row is None else row.is_active


def test_a_lower_sasaran_is_read_back_and_changed(db: Database, tree: dict[str, str]) -> None:
    data = cascade.get_lower_goal(db, tree["sk"])
    assert (data.position_id, data.supports_id, data.statement, data.program_ids) == (
        tree["kasi"], tree["sp"], "Meningkatnya cakupan kunjungan K6 ibu hamil", [tree["sub"]])
    data.statement, data.program_ids = "Meningkatnya kunjungan K6 dan K1 murni", []
    cascade.save_lower_goal(db, data)
    again = cascade.get_lower_goal(db, tree["sk"])
    assert (again.statement, again.program_ids) == ("Meningkatnya kunjungan K6 dan K1 murni", [])
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        cascade.get_lower_goal(db, tree["renstra"])  # a Renstra sasaran is edited on the Renstra screen


def test_a_second_indicator_with_quarterly_targets_hangs_under_the_same_sasaran(
    db: Database, tree: dict[str, str]
) -> None:
    second = cascade.save_lower_indicator(db, IndicatorData(
        tree["sk"], "Cakupan K1 murni", "%",
        targets=[TargetData(2026, D(85), quarters=(D(20), D(40), D(60), D(85)))]), tree["sp_ind"])
    node = next(n for n in cascade_tree(db, 2026, tree["opd"]).nodes() if n.id == tree["sk"])
    assert [i.name for i in node.indicators] == ["Cakupan kunjungan K6", "Cakupan K1 murni"]
    [target] = get_indicator(db, second).targets
    assert (target.target, target.quarters) == (D(85), (D(20), D(40), D(60), D(85)))


def test_a_lower_sasaran_nothing_refers_to_is_deleted_with_its_indicators(
    db: Database, tree: dict[str, str]
) -> None:
    assert cascade.remove_lower_goal(db, tree["sk"]) is Removal.DELETED
    assert _active(db, Goal, tree["sk"]) is None and _active(db, Indicator, tree["sk_ind"]) is None
    assert _active(db, Goal, tree["sp"]) is True  # what it supported stays


def test_a_lower_sasaran_a_pk_refers_to_is_retired_with_what_supports_it(db: Database, tree: dict[str, str]) -> None:
    # GIVEN the Kabid's PK carrying the sasaran program
    pk = agreements.create_lower(db, tree["kabid"], 2026)
    # WHEN the sasaran program is removed, it is retired (not deleted) with the sasaran kegiatan under it
    assert cascade.remove_lower_goal(db, tree["sp"]) is Removal.RETIRED
    for model, key in ((Goal, "sp"), (Indicator, "sp_ind"), (Goal, "sk"), (Indicator, "sk_ind")):
        assert _active(db, model, tree[key]) is False
    # THEN the tree no longer shows them, and the PK still holds its row
    ids = {n.id for n in cascade_tree(db, 2026, tree["opd"]).nodes()}
    assert tree["sp"] not in ids and tree["sk"] not in ids
    assert [i.indicator_name for i in agreements.get_agreement(db, pk).items] == [
        "Persentase ibu hamil mendapat pelayanan sesuai standar"]
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        cascade.remove_lower_goal(db, tree["renstra"])


def _monitored_kabid_pk(db: Database, tree: dict[str, str]) -> str:
    pk = agreements.create_lower(db, tree["kabid"], 2026)
    agreements.finalize(db, pk)
    agreements.sign(db, pk, date(2026, 1, 27))
    cascade.set_lower_level_monitoring(db, True)
    return pk


def _stored(db: Database, indicator_id: str) -> tuple:
    with db.read() as s:
        row = s.scalars(select(IndicatorRealization).where(IndicatorRealization.indicator_id == indicator_id)).one()
        return row.value, row.problems, row.follow_up


def test_a_lower_reading_under_100_percent_needs_kendala_and_tindak_lanjut(
    db: Database, tree: dict[str, str]
) -> None:
    pk = _monitored_kabid_pk(db, tree)
    # TW I target 25 %: 20 % is a capaian of 80 % → kendala and tindak lanjut required, nothing saved
    with pytest.raises(ValidationError) as refused:
        cascade.save_lower_realisations(db, pk, 1, [RealizationInput(tree["sp_ind"], D(20), problems="Bidan kurang")])
    assert refused.value.errors == {problems_key(tree["sp_ind"]): (
        "Persentase ibu hamil mendapat pelayanan sesuai standar: capaian 80,00 % di bawah 100 %, "
        "tindak lanjut wajib diisi")}
    with db.read() as s:
        assert s.scalars(select(IndicatorRealization)).all() == []
    # 25 % (capaian 100 %) needs none
    cascade.save_lower_realisations(db, pk, 1, [RealizationInput(tree["sp_ind"], D(25))])
    assert _stored(db, tree["sp_ind"]) == (D(25), "", "")


def test_a_corrected_lower_reading_clears_its_stale_kendala(db: Database, tree: dict[str, str]) -> None:
    pk = _monitored_kabid_pk(db, tree)
    cascade.save_lower_realisations(db, pk, 1, [RealizationInput(
        tree["sp_ind"], D(20), problems="Bidan kurang", follow_up="Rekrut bidan")])
    # a correction still under 100 % keeps them
    cascade.save_lower_realisations(db, pk, 1, [RealizationInput(
        tree["sp_ind"], D(22), problems="Bidan kurang", follow_up="Rekrut bidan")])
    assert _stored(db, tree["sp_ind"]) == (D(22), "Bidan kurang", "Rekrut bidan")
    # corrected to 100 % or more with the old kendala sent back unchanged: they no longer explain it, cleared
    cascade.save_lower_realisations(db, pk, 1, [RealizationInput(
        tree["sp_ind"], D(26), problems="Bidan kurang", follow_up="Rekrut bidan")])
    assert _stored(db, tree["sp_ind"]) == (D(26), "", "")
    # a kendala written anew above 100 % is the operator's and stays
    cascade.save_lower_realisations(db, pk, 1, [RealizationInput(
        tree["sp_ind"], D(26), problems="Tercapai berkat kader", follow_up="Dipertahankan")])
    assert _stored(db, tree["sp_ind"]) == (D(26), "Tercapai berkat kader", "Dipertahankan")


def test_lower_quarter_reads_the_targets_and_what_is_stored(db: Database, tree: dict[str, str]) -> None:
    pk = _monitored_kabid_pk(db, tree)
    cascade.save_lower_realisations(db, pk, 2, [RealizationInput(
        tree["sp_ind"], D(40), problems="Bidan kurang", follow_up="Rekrut bidan")])
    [row] = cascade.lower_quarter(db, pk, 2).indicators
    assert (row.target_to_date, row.quarter_values[1], row.capaian, row.problems) == (
        D(50), D(40), D("80.00"), "Bidan kurang")


def test_lower_goal_edit_refuses_a_parent_of_another_level(db: Database, tree: dict[str, str]) -> None:
    data = cascade.get_lower_goal(db, tree["sk"])
    data.supports_id = tree["sk"]
    with pytest.raises(ValidationError) as refused:
        cascade.save_lower_goal(db, LowerGoalData(data.position_id, tree["sk"], data.statement, id=data.id))
    assert "supports_id" in refused.value.errors


# --- the pohon kinerja's holders by year ---------------------------------------------------------------------


def test_the_holder_date_is_the_pks_signing_date_else_the_years_end_or_today() -> None:
    from kinerja_desktop.services.cascade_tree import holder_date

    today = date(2026, 8, 17)
    assert holder_date(2025, date(2025, 1, 27), today) == date(2025, 1, 27)
    assert holder_date(2025, None, today) == date(2025, 12, 31)
    assert holder_date(2026, None, today) == today
    assert holder_date(2027, None, today) == date(2027, 12, 31)


def _kabid_label(db: Database, tree: dict[str, str], year: int) -> str:
    return next(n.position for n in cascade_tree(db, year, tree["opd"]).nodes() if n.id == tree["sp"])


def test_the_tree_shows_each_positions_holder_in_the_chosen_year(
    db: Database, tree: dict[str, str], tmp_path  # noqa: ANN001
) -> None:
    from pypdf import PdfReader

    from kinerja_desktop.domain.enums import ActingKind
    from kinerja_desktop.services import positions
    from kinerja_desktop.services.cascade_tree import print_cascade
    from kinerja_desktop.services.opd import HeadData

    # GIVEN the Kabid's 2026 PK signed by Hj. Nurlaela on 27 January 2026, and a Plt. from 1 February 2026
    pk = agreements.create_lower(db, tree["kabid"], 2026)
    agreements.finalize(db, pk)
    agreements.sign(db, pk, date(2026, 1, 27))
    positions.appoint(db, tree["kabid"], HeadData(name="Drs. Yusuf Hamdani", nip="198001012005011005",
                                                  acting=ActingKind.PLT, start_date=date(2026, 2, 1)))
    nurlaela = "Kepala Bidang Kesehatan Masyarakat (Hj. Nurlaela, S.K.M., M.M.)"
    yusuf = "Kepala Bidang Kesehatan Masyarakat (Drs. Yusuf Hamdani)"
    # THEN 2025 (no PK: 31 December) and 2026 (the PK's signing date) show her, 2027 (no PK) the Plt.
    assert _kabid_label(db, tree, 2025) == nurlaela
    assert _kabid_label(db, tree, 2026) == nurlaela
    assert _kabid_label(db, tree, 2027) == yusuf
    # AND so does the printed tree, read back
    for year, holder, other in ((2026, "Nurlaela", "Yusuf"), (2027, "Yusuf", "Nurlaela")):
        out = print_cascade(db, year, tmp_path / f"pohon-{year}.pdf", opd_code="Dinkes")
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
        assert holder in text and other not in text, year
