"""Sample documents of the invented Kabupaten Sukamaju (data contoh) for tests, benchmarks and previews.

All people, NIPs and figures are invented. Pass ``watermark="CONTOH"`` to mark prints as sample data.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from typing import Any

from kinerja_desktop.domain.enums import ActingKind, AgreementKind, RegionKind
from kinerja_desktop.reports.data import (
    AgreementDocument,
    AgreementGoal,
    AgreementIndicator,
    AgreementProgram,
    Amendment,
    EvaluationIndicatorRow,
    EvaluationProgramRow,
    Letterhead,
    NotReportedDocument,
    NotReportedRow,
    PactDocument,
    QuarterEvaluationDocument,
    RankingDocument,
    RankingRow,
    Region,
    Signer,
    TargetValue,
)

D = Decimal
REGION = Region(RegionKind.KABUPATEN, "Sukamaju")
BUPATI = Signer(name="H. Ahmad Fauzi Rahman, S.H., M.H.", position="Bupati Sukamaju")
KADINKES = Signer(
    name="dr. Hj. Ratna Dewi Lestari, M.Kes.",
    position="Kepala Dinas Kesehatan Kabupaten Sukamaju",
    nip="197001012000032001",
    rank="Pembina Utama Muda",
    grade="IV/c",
)


@lru_cache(maxsize=1)
def sample_logo() -> bytes:
    """A simple invented emblem (a shield), as PNG bytes."""
    from PIL import Image, ImageDraw

    size = 240
    image = Image.new("RGBA", (size, int(size * 1.2)), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    shield = [(20, 10), (220, 10), (220, 150), (120, 280), (20, 150)]
    draw.polygon(shield, fill=(16, 94, 60, 255), outline=(200, 160, 30, 255), width=10)
    draw.polygon([(60, 40), (180, 40), (180, 140), (120, 225), (60, 140)], fill=(240, 196, 40, 255))
    draw.ellipse((90, 70, 150, 130), fill=(16, 94, 60, 255))
    draw.rectangle((114, 130, 126, 200), fill=(16, 94, 60, 255))
    out = BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def dinkes_letterhead(logo: bool = True) -> Letterhead:
    return Letterhead(
        government=REGION.government_line,
        office="Dinas Kesehatan",
        address="Jalan Pemuda Nomor 12, Sukamaju 51311",
        telephone="(0294) 381234",
        website="dinkes.sukamajukab.go.id",
        email="dinkes@sukamajukab.go.id",
        logo_png=sample_logo() if logo else None,
    )


def regency_letterhead() -> Letterhead:
    return Letterhead(
        government=REGION.government_line,
        office="Sekretariat Daerah",
        address="Jalan Soekarno-Hatta Nomor 1, Sukamaju 51311",
        telephone="(0294) 381001",
        website="sukamajukab.go.id",
        email="setda@sukamajukab.go.id",
        logo_png=sample_logo(),
    )


DINKES_GOALS: tuple[AgreementGoal, ...] = (
    AgreementGoal(
        "Meningkatnya derajat kesehatan masyarakat",
        (
            AgreementIndicator("Angka Kematian Ibu (AKI)", TargetValue(D(80), "per 100.000 KH")),
            AgreementIndicator("Angka Kematian Bayi (AKB)", TargetValue(D("6.5"), "per 1.000 KH")),
            AgreementIndicator("Prevalensi stunting pada balita", TargetValue(D("14.2"), "%")),
            AgreementIndicator("Usia Harapan Hidup", TargetValue(D("74.35"), "tahun")),
        ),
    ),
    AgreementGoal(
        "Meningkatnya mutu dan akses pelayanan kesehatan",
        (
            AgreementIndicator("Persentase puskesmas terakreditasi paripurna", TargetValue(D("97.5"), "%")),
            AgreementIndicator(
                "Cakupan kepesertaan Jaminan Kesehatan Nasional", TargetValue(D("98.00"), "%", places=2)
            ),
            AgreementIndicator("Bed Occupancy Rate (BOR) RSUD", TargetValue(D(60), "%", upper=D(85))),
            AgreementIndicator("Jumlah kader kesehatan terlatih", TargetValue(1250, "orang")),
        ),
    ),
    AgreementGoal(
        "Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah",
        (
            AgreementIndicator("Nilai AKIP Dinas Kesehatan", TargetValue(text="BB")),
            AgreementIndicator("Realisasi pendapatan retribusi pelayanan kesehatan", TargetValue(1_250_000_000, "Rp")),
            AgreementIndicator("Indeks Kepuasan Masyarakat", TargetValue(D("82.75"), "nilai")),
        ),
    ),
)

DINKES_PROGRAMS: tuple[AgreementProgram, ...] = (
    AgreementProgram("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 12_345_678_000, note="APBD"),
    AgreementProgram(
        "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", 45_678_900_000, note="APBD, DAK"
    ),
    AgreementProgram("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", 1_250_000_000, note="APBD"),
    AgreementProgram("Program Pemberdayaan Masyarakat Bidang Kesehatan", 987_654_321, note="APBD"),
)


def sample_agreement(**changes: Any) -> AgreementDocument:
    """The Dinas Kesehatan PK 2026, version 1; keyword arguments replace fields."""
    doc = AgreementDocument(
        kind=AgreementKind.OPD,
        year=2026,
        region=REGION,
        letterhead=dinkes_letterhead(),
        unit_name="Dinas Kesehatan",
        unit_code="DINKES",
        first_party=KADINKES,
        second_party=BUPATI,
        place="Sukamaju",
        signed_on=date(2026, 1, 26),
        goals=DINKES_GOALS,
        programs=DINKES_PROGRAMS,
    )
    return replace(doc, **changes) if changes else doc


def sample_amendment() -> AgreementDocument:
    programs = DINKES_PROGRAMS[:3] + (replace(DINKES_PROGRAMS[3], budget=1_087_654_321),)
    return sample_agreement(
        version=2,
        signed_on=date(2026, 9, 15),
        programs=programs,
        amendment=Amendment(1, date(2026, 1, 26), "penyesuaian anggaran pada APBD Perubahan Tahun 2026"),
    )


def long_goals(count: int = 60, per_goal: int = 4) -> tuple[AgreementGoal, ...]:
    """``count`` indicators in goals of ``per_goal``: a lampiran spanning several pages."""
    goals = []
    for g in range(0, count, per_goal):
        indicators = tuple(
            AgreementIndicator(
                f"Persentase capaian indikator layanan kesehatan nomor {i + 1} sesuai standar pelayanan minimal",
                TargetValue(D(90) + D(i % 10) / 2, "%"),
            )
            for i in range(g, min(g + per_goal, count))
        )
        goals.append(
            AgreementGoal(f"Sasaran strategis nomor {g // per_goal + 1} bidang pelayanan kesehatan", indicators)
        )
    return tuple(goals)


def long_programs(count: int = 12) -> tuple[AgreementProgram, ...]:
    return tuple(
        AgreementProgram(f"Program pelayanan kesehatan nomor {i + 1}", 1_000_000_000 + i * 123_456_789, note="APBD")
        for i in range(count)
    )


def sample_regional() -> AgreementDocument:
    """The Bupati's own PK (single signer) with RPJMD indicators."""
    goals = (
        AgreementGoal(
            "Meningkatnya kualitas sumber daya manusia",
            (
                AgreementIndicator("Indeks Pembangunan Manusia", TargetValue(D("72.85"), "poin")),
                AgreementIndicator("Rata-rata lama sekolah", TargetValue(D("7.9"), "tahun")),
            ),
        ),
        AgreementGoal(
            "Meningkatnya pertumbuhan ekonomi yang inklusif",
            (
                AgreementIndicator("Tingkat Pengangguran Terbuka", TargetValue(D("4.85"), "%")),
                AgreementIndicator("Persentase penduduk miskin", TargetValue(D("9.75"), "%")),
            ),
        ),
        AgreementGoal(
            "Meningkatnya akuntabilitas penyelenggaraan pemerintahan",
            (
                AgreementIndicator("Opini BPK atas Laporan Keuangan Pemerintah Daerah", TargetValue(text="WTP")),
                AgreementIndicator("Nilai SAKIP Kabupaten", TargetValue(text="A")),
            ),
        ),
    )
    return AgreementDocument(
        kind=AgreementKind.REGIONAL,
        year=2026,
        region=REGION,
        letterhead=regency_letterhead(),
        unit_name="Pemerintah Kabupaten Sukamaju",
        unit_code="SUKAMAJU",
        first_party=BUPATI,
        second_party=None,
        place="Sukamaju",
        signed_on=date(2026, 1, 20),
        goals=goals,
        programs=DINKES_PROGRAMS[:2],
    )


def sample_pact(**changes: Any) -> PactDocument:
    doc = PactDocument(
        year=2026,
        region=REGION,
        letterhead=dinkes_letterhead(),
        signer=KADINKES,
        institution="Dinas Kesehatan Kabupaten Sukamaju",
        unit_code="DINKES",
        place="Sukamaju",
        signed_on=date(2026, 1, 26),
    )
    return replace(doc, **changes) if changes else doc


def sample_evaluation() -> QuarterEvaluationDocument:
    pct = "%"
    rows = (
        EvaluationIndicatorRow(
            "Meningkatnya derajat kesehatan masyarakat",
            "Angka Kematian Ibu (AKI)",
            "per 100.000 KH",
            TargetValue(D(80)),
            TargetValue(D(80)),
            TargetValue(D(70)),
            D("112.50"),
            D("112.50"),
            "",
            "Pertahankan pendampingan ibu hamil risiko tinggi",
        ),
        EvaluationIndicatorRow(
            "Meningkatnya derajat kesehatan masyarakat",
            "Prevalensi stunting pada balita",
            pct,
            TargetValue(D("14")),
            TargetValue(D("14")),
            TargetValue(D("16.1")),
            D("85.00"),
            D("85.00"),
            "Cakupan pemberian makanan tambahan belum merata di 4 kecamatan",
            "Percepatan distribusi PMT lokal melalui posyandu",
            provisional=True,
        ),
        EvaluationIndicatorRow(
            "Meningkatnya mutu dan akses pelayanan kesehatan",
            "Bed Occupancy Rate (BOR) RSUD",
            pct,
            TargetValue(D(60), upper=D(85)),
            TargetValue(D(60), upper=D(85)),
            TargetValue(D(72)),
            D("100.00"),
            D("100.00"),
        ),
        EvaluationIndicatorRow(
            "Meningkatnya mutu dan akses pelayanan kesehatan",
            "Jumlah kader kesehatan terlatih",
            "orang",
            TargetValue(1250),
            TargetValue(625),
            None,
            None,
            None,
        ),
        EvaluationIndicatorRow(
            "Meningkatnya akuntabilitas kinerja",
            "Nilai AKIP Dinas Kesehatan",
            "predikat",
            TargetValue(text="BB"),
            TargetValue(text="BB"),
            None,
            None,
            None,
            missing_label="belum rilis",
        ),
    )
    programs = (
        EvaluationProgramRow(DINKES_PROGRAMS[0].name, 12_345_678_000, 5_432_100_000, D("44.00")),
        EvaluationProgramRow(DINKES_PROGRAMS[1].name, 45_678_900_000, 20_100_000_000, D("44.00")),
        EvaluationProgramRow(DINKES_PROGRAMS[2].name, 1_250_000_000, None, None),
    )
    return QuarterEvaluationDocument(
        year=2026,
        quarter=2,
        region=REGION,
        letterhead=dinkes_letterhead(),
        unit_name="Dinas Kesehatan",
        unit_code="DINKES",
        indicators=rows,
        programs=programs,
        score=D("98.46"),
        predicate="Sangat Tinggi",
        total_absorption=D("43.57"),
        signer=KADINKES,
        place="Sukamaju",
        signed_on=date(2026, 7, 10),
    )


def sample_ranking() -> RankingDocument:
    data = (
        ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "98.46", "Sangat Tinggi", "43.57", "efisien"),
        (
            "5.01.5.05.0.00.01.0000",
            "Badan Perencanaan Pembangunan Daerah",
            "93.10",
            "Sangat Tinggi",
            "51.20",
            "efisien",
        ),
        ("1.01.2.22.0.00.01.0000", "Dinas Pendidikan dan Kebudayaan", "88.75", "Tinggi", "47.80", "efisien"),
        (
            "2.12.0.00.0.00.01.0000",
            "Dinas Kependudukan dan Pencatatan Sipil",
            "81.40",
            "Tinggi",
            "79.90",
            "cukup efisien",
        ),
        ("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "72.05", "Sedang", "30.15", "efisien"),
        ("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "63.19", "Rendah", "70.00", "tidak efisien"),
        (
            "1.05.0.00.0.00.01.0000",
            "Badan Penanggulangan Bencana Daerah",
            "48.50",
            "Sangat Rendah",
            "62.30",
            "tidak efisien",
        ),
    )
    rows = tuple(
        RankingRow(i + 1, code, name, D(score), pred, D(absorption), eff)
        for i, (code, name, score, pred, absorption, eff) in enumerate(data)
    ) + (
        RankingRow(None, "7.01.0.00.0.00.02.0000", "Kecamatan Sukamaju Utara", None, None, None, None, complete=False),
        RankingRow(
            None,
            "2.17.0.00.0.00.01.0000",
            "Dinas Koperasi dan Usaha Kecil Menengah",
            D("70.10"),
            "Sedang",
            None,
            None,
            complete=False,
            note="realisasi anggaran belum dilaporkan",
        ),
    )
    bappeda_head = Signer(
        "Ir. Bambang Sutrisno, M.T.",
        "Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Sukamaju",
        ActingKind.PLT,
        "197205152000031003",
        "Pembina Tingkat I",
        "IV/b",
    )
    return RankingDocument(
        year=2026,
        quarter=2,
        region=REGION,
        letterhead=Letterhead(
            government=REGION.government_line,
            office="Badan Perencanaan Pembangunan Daerah",
            address="Jalan Soekarno-Hatta Nomor 3, Sukamaju 51311",
            telephone="(0294) 381005",
            website="bappeda.sukamajukab.go.id",
            email="bappeda@sukamajukab.go.id",
            logo_png=sample_logo(),
        ),
        rows=rows,
        place="Sukamaju",
        signed_on=date(2026, 7, 20),
        signer=bappeda_head,
    )


def sample_not_reported() -> NotReportedDocument:
    """Belum lapor of Triwulan II 2026: three of 42 OPDs with a signed PK entered nothing."""
    return NotReportedDocument(
        year=2026,
        quarter=2,
        region=REGION,
        letterhead=sample_ranking().letterhead,
        rows=(
            NotReportedRow("7.01.0.00.0.00.02.0000", "Kec. Sukamaju", "Kecamatan Sukamaju", 4),
            NotReportedRow("2.17.0.00.0.00.01.0000", "Dinkop UKM", "Dinas Koperasi dan Usaha Kecil Menengah", 6),
            NotReportedRow("1.05.0.00.0.00.01.0000", "BPBD", "Badan Penanggulangan Bencana Daerah", 5),
        ),
        evaluated=42,
        place="Sukamaju",
        printed_on=date(2026, 7, 15),
    )
