"""Regency profile, settings that shape scores, and the regional leaders' terms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.db.database import Database
from kinerja_desktop.domain import ALTERNATIVE_BANDS
from kinerja_desktop.domain.enums import ActingKind, LeaderRole
from kinerja_desktop.services import regency
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.evaluation import load_settings


def test_profile_and_settings_round_trip_and_feed_the_evaluation(db: Database) -> None:
    profile = regency.RegencyProfile(
        name="Sukamaju",
        capital="Sukamaju",
        province="Jawa Tengah",
        achievement_cap=Decimal(110),
        negative_formula="t/r",
        bands=ALTERNATIVE_BANDS,
    )
    regency.save_profile(db, profile)
    loaded = regency.get_profile(db)
    assert (loaded.name, loaded.achievement_cap, loaded.negative_formula) == ("Sukamaju", Decimal(110), "t/r")
    assert loaded.bands == ALTERNATIVE_BANDS
    with db.read() as session:
        settings = load_settings(session)
    assert settings.cap == Decimal(110) and settings.bands[0].label == "Sangat Baik"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": " "}, "name"),
        ({"logo_png": b"GIF89a"}, "logo_png"),
        ({"achievement_cap": Decimal(90)}, "achievement_cap"),
        ({"warning_threshold": Decimal(0)}, "warning_threshold"),
        ({"email": "bappeda@"}, "email"),
        ({"agency_email": "bappeda@"}, "agency_email"),
    ],
)
def test_invalid_profile_is_refused_on_the_field(db: Database, change: dict, field: str) -> None:
    profile = regency.RegencyProfile(name="Sukamaju", capital="Sukamaju")
    for key, value in change.items():
        setattr(profile, key, value)
    with pytest.raises(ValidationError) as info:
        regency.save_profile(db, profile)
    assert field in info.value.errors
    assert regency.get_profile(db).name == ""


def test_new_head_ends_the_previous_term(db: Database) -> None:
    pj = regency.save_leader(
        db,
        regency.LeaderData(
            LeaderRole.HEAD,
            "Drs. Umi Mulyani, M.AP.",
            "Bupati Sukamaju",
            date(2024, 9, 1),
            ActingKind.PJ,
            "197110151999122002",
        ),
    )
    regency.save_leader(
        db, regency.LeaderData(LeaderRole.HEAD, "H. Ahmad Fauzan, S.E., M.M.", "Bupati Sukamaju", date(2025, 2, 20))
    )
    leaders = {leader.id: leader for leader in regency.list_leaders(db)}
    assert leaders[pj].end_date == date(2025, 2, 19)
    with pytest.raises(ValidationError, match="18 angka"):
        regency.save_leader(
            db, regency.LeaderData(LeaderRole.DEPUTY, "X", "Wakil Bupati", date(2025, 2, 20), nip="123")
        )
