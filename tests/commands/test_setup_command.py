"""``kinerja-desktop setup``: an empty database set up from the command line; refused once set up."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import PlanningPeriod, Regency
from kinerja_desktop.domain.enums import PeriodKind, RegionKind
from kinerja_desktop.services import overview, regency, setup


def test_setup_on_an_empty_database_creates_the_regency_and_its_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "baru.sqlite"
    code = main(["setup", "--db", str(path), "--kind", "kabupaten", "--name", "Wanasari", "--period", "2025-2029",
                 "--capital", "Ungaran", "--province", "Jawa Tengah"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.out.splitlines()[0] == (
        "Kabupaten Wanasari disiapkan: periode RPJMD 2025–2029 (tahun anggaran 2025–2029), "
        "tempat penandatanganan Ungaran, badan perencanaan Bappeda."
    )
    database = open_database(path)
    try:
        assert setup.is_set_up(database)
        profile = regency.get_profile(database)
        assert (profile.kind, profile.name, profile.capital, profile.province) == (
            RegionKind.KABUPATEN, "Wanasari", "Ungaran", "Jawa Tengah"
        )
        assert (profile.agency_name, profile.agency_short) == ("Badan Perencanaan Pembangunan Daerah", "Bappeda")
        assert overview.fiscal_years(database) == [2025, 2026, 2027, 2028, 2029]
    finally:
        database.close()


def test_setup_is_refused_on_a_database_already_set_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kota.sqlite"
    assert main(["setup", "--db", str(path), "--kind", "kota", "--name", "Kota Wanasari", "--period", "2025-2029"]) == 0
    capsys.readouterr()
    code = main(["setup", "--db", str(path), "--kind", "kabupaten", "--name", "Lain", "--period", "2030-2034"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Galat: Basis data ini sudah disiapkan untuk Kota Wanasari")
    database = open_database(path)
    try:
        with database.read() as s:
            assert s.scalars(select(Regency.name)).all() == ["Wanasari"]  # "Kota " taken off the name
            assert s.scalar(select(func.count()).select_from(PlanningPeriod)) == 1
        assert regency.get_profile(database).capital == "Wanasari"  # the capital defaults to the name
    finally:
        database.close()


def test_a_transition_period_needs_the_flag_and_bad_input_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rpd.sqlite"
    assert main(["setup", "--db", str(path), "--kind", "kota", "--name", "Wanasari", "--period", "2025-2026"]) == 1
    assert "Periode RPJMD lima tahun" in capsys.readouterr().err
    assert main(["setup", "--db", str(path), "--kind", "kota", "--name", "Wanasari", "--period", "2025"]) == 1
    assert "Galat: Periode “2025” harus berbentuk TAHUN-TAHUN, misalnya 2025-2029" in capsys.readouterr().err
    code = main(["setup", "--db", str(path), "--kind", "kota", "--name", "Wanasari", "--period", "2025-2026",
                 "--transition"])
    assert code == 0 and "periode RPD 2025–2026" in capsys.readouterr().out
    database = open_database(path)
    try:
        with database.read() as s:
            assert s.scalars(select(PlanningPeriod.kind)).all() == [PeriodKind.TRANSITION]
    finally:
        database.close()
