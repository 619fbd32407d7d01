"""The standard sentences stay editable per regency in the profile, with the defaults of the domain notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.db.database import Database
from kinerja_desktop.reports.templates import EDITABLE_TEXTS, FIRST_PARTY_COMMITMENT, OPENING, default_text
from kinerja_desktop.services import agreements, pacts, printing, regency
from kinerja_desktop.services.errors import ValidationError


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_every_sentence_has_its_default_and_the_profile_keeps_only_the_regencys_own(db: Database, dinkes: str) -> None:
    profile = regency.get_profile(db)
    assert profile.document_texts == {}
    assert profile.text("pk.opening") == OPENING and default_text("pk.first_party_commitment") == FIRST_PARTY_COMMITMENT
    assert all(profile.text(key) for key, _label in EDITABLE_TEXTS)
    profile.document_texts = {
        "pk.first_party_heading": "PIHAK KESATU,",
        "pk.opening": OPENING,  # the default typed again: not kept
        "pakta.declarations": "Tidak menerima gratifikasi;\nMenjaga kerahasiaan {instansi}.",
    }
    regency.save_profile(db, profile)
    saved = regency.get_profile(db)
    assert saved.document_texts == {
        "pakta.declarations": "Tidak menerima gratifikasi;\nMenjaga kerahasiaan {instansi}.",
        "pk.first_party_heading": "PIHAK KESATU,",
    }


def test_the_regencys_wording_prints_on_new_documents_and_signed_ones_keep_theirs(
    db: Database, dinkes: str, tmp_path: Path
) -> None:
    signed = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.finalize(db, signed)
    agreements.sign(db, signed, date(2026, 1, 26))
    before = printing.print_agreement(db, signed, tmp_path / "ttd.pdf").read_bytes()
    profile = regency.get_profile(db)
    profile.document_texts = {"pk.first_party_heading": "PIHAK KESATU,",
                              "pakta.declarations": "Tidak menerima gratifikasi;\nMelapor ke {instansi}."}
    regency.save_profile(db, profile)
    # The signed PK keeps the wording it was signed with
    assert printing.print_agreement(db, signed, tmp_path / "ttd2.pdf").read_bytes() == before
    # A new Pakta prints the regency's own
    pacts.record_pact(db, dinkes, 2026, date(2026, 1, 26))
    [pact] = printing.print_pacts(db, 2026, tmp_path / "pakta")
    text = _text(pact)
    assert "1. Tidak menerima gratifikasi; 2. Melapor ke Dinas Kesehatan Kabupaten Sukamaju." in text
    assert "Korupsi, Kolusi" not in text


def test_wording_that_cannot_print_is_refused_naming_the_sentence(db: Database, dinkes: str) -> None:
    profile = regency.get_profile(db)
    profile.document_texts = {"pk.opening": "Dalam rangka <b>mewujudkan", "pk.tidak_ada": "x"}
    with pytest.raises(ValidationError) as refused:
        regency.save_profile(db, profile)
    assert refused.value.errors == {
        "texts.pk.opening": "PK: kalimat pembuka: teks tidak dapat dicetak: tanda <b>, <i> dan <u> harus ditutup "
        "berurutan (</b>, </i>, </u>)",
        "texts.pk.tidak_ada": "Teks dokumen “pk.tidak_ada” tidak dikenal",
    }
    assert regency.get_profile(db).document_texts == {}
