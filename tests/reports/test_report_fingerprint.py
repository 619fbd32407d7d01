"""Fingerprints and the formatting of printed values."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfWriter

from kinerja_desktop.domain.enums import ActingKind, RegionKind
from kinerja_desktop.reports import samples
from kinerja_desktop.reports.data import Region, Signer, TargetValue
from kinerja_desktop.reports.fingerprint import (
    canonical_json,
    fingerprint,
    parse_qr_payload,
    qr_payload,
    read_fingerprint,
    short_code,
)
from kinerja_desktop.reports.text import format_target, upper_title


def test_fingerprint_ignores_decimal_scale_but_not_values():
    doc = samples.sample_agreement()
    goal = doc.goals[0]
    rescaled = replace(goal.indicators[2], target=TargetValue(Decimal("14.2000"), "%"))
    same = replace(
        doc, goals=(replace(goal, indicators=(*goal.indicators[:2], rescaled, goal.indicators[3])), *doc.goals[1:])
    )
    assert fingerprint(same) == fingerprint(doc)
    assert len(fingerprint(doc)) == 64


def test_fingerprint_covers_every_printed_field():
    doc = samples.sample_agreement()
    digest = fingerprint(doc)
    assert fingerprint(replace(doc, place="Sukamaju Kota")) != digest
    assert fingerprint(replace(doc, first_party=replace(doc.first_party, nip="197001012000031001"))) != digest
    assert fingerprint(replace(doc, letterhead=samples.dinkes_letterhead(logo=False))) != digest
    template = replace(doc.template, opening="Kami yang bertanda tangan:")
    assert fingerprint(replace(doc, template=template)) != digest
    programs = (replace(doc.programs[0], budget=doc.programs[0].budget + 1), *doc.programs[1:])
    assert fingerprint(replace(doc, programs=programs)) != digest
    assert '"sha256":' in canonical_json(doc)  # the logo by its hash, not its bytes


def test_short_code_and_qr_payload_round_trip():
    digest = "3f9a12c4" + "0" * 56
    assert short_code(digest) == "3F9A-12C4"
    payload = qr_payload("PK-2026-DINKES-v1", digest)
    assert payload == "KINERJA:PK-2026-DINKES-V1:" + digest.upper()
    assert parse_qr_payload(payload) == ("PK-2026-DINKES-V1", digest)
    assert parse_qr_payload("https://example.org") is None


def test_read_fingerprint_returns_none_for_foreign_pdfs(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "other.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert read_fingerprint(path) is None
    assert read_fingerprint(BytesIO(b"not a pdf")) is None


def test_targets_are_written_the_indonesian_way():
    assert format_target(TargetValue(Decimal("92.50"), "%")) == "92,5%"
    assert format_target(TargetValue(Decimal("92.50"), "%", places=2)) == "92,50%"
    assert format_target(TargetValue(Decimal("92.5"), "%")) == "92,5%"
    assert format_target(TargetValue(1250, "orang")) == "1.250 orang"
    assert format_target(TargetValue(Decimal(80), "per 100.000 KH")) == "80 per 100.000 KH"
    assert format_target(TargetValue(1_250_000_000, "Rp")) == "Rp 1.250.000.000"
    assert format_target(TargetValue(1_250_000_000, "Rp"), with_unit=False) == "1.250.000.000"
    assert format_target(TargetValue(Decimal(60), "%", upper=Decimal(85))) == "60\u201385%"
    assert format_target(TargetValue(text="WTP")) == "WTP"
    assert format_target(TargetValue(Decimal("1234567.891"), "ton")) == "1.234.567,891 ton"
    assert format_target(None, empty="-") == "-"
    assert format_target(TargetValue(unit="%"), empty="-") == "-"


def test_signer_titles_and_region_names():
    region = Region(RegionKind.KOTA, "Sukamaju")
    assert region.full_name == "Kota Sukamaju"
    assert region.government_line == "PEMERINTAH KOTA SUKAMAJU"
    pj = Signer("Dr. H. Budi Santoso, M.Si.", "Bupati Sukamaju", ActingKind.PJ, "197501012000121001")
    assert pj.title == "Pj. Bupati Sukamaju"
    assert upper_title(pj.title) == "Pj. BUPATI SUKAMAJU"
    assert pj.nip_text == "NIP. 19750101 200012 1 001"
    assert samples.BUPATI.nip_text == ""


def test_the_quarters_classes_are_named_by_reports_data_and_read_back_from_a_snapshot():
    # reports.data names what lives in reports.data_quarter (read on first use); a snapshot of a
    # quarter's document is read back as the same classes.
    from kinerja_desktop.reports import data, data_quarter, samples
    from kinerja_desktop.reports.snapshot import assets_of, from_snapshot, to_snapshot

    for name in data.QUARTER_NAMES:
        assert getattr(data, name) is getattr(data_quarter, name)
    with pytest.raises(AttributeError):
        data.NoSuchClass  # noqa: B018
    for document in (samples.sample_evaluation(), samples.sample_ranking(), samples.sample_not_reported()):
        assert from_snapshot(to_snapshot(document), assets_of(document).get) == document
