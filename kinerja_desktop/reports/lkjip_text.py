"""The LKjIP's content as a sequence of format-neutral blocks (headings, paragraphs, tables), in Indonesian.

The .docx (``lkjip_docx``) and the PDF (``lkjip``) lay out the same blocks, so both say the same; pure Python.
The narrative is a draft to finish in Word: its sentences come from the data, the places to write more say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.enums import Quarter
from kinerja_desktop.domain.formatting import format_date, format_number, format_rupiah
from kinerja_desktop.reports.lkjip_data import LkjipDocument
from kinerja_desktop.reports.text import format_amount, format_percent, format_target

DASH = "-"
BUDGET_HEADERS = ("Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")
TO_FINISH = "[Uraian analisis dilengkapi oleh perangkat daerah.]"


@dataclass(frozen=True)
class Heading:
    level: int  # 0: the title page, 1: BAB, 2: sub-bab
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    center: bool = False


@dataclass(frozen=True)
class Grid:
    """A table: a header row, body rows, relative column widths, the numeric (right-aligned) columns."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: tuple[int, ...] = ()
    total_last: bool = False  # the last row is a total (bold)


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Signature:
    place_date: str
    title: str
    name: str
    rank: str
    nip: str


Block = Heading | Para | Grid | PageBreak | Signature

CHAPTERS = ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP")


def _score(value: object) -> str:
    return format_number(value, 2, empty=DASH)  # type: ignore[arg-type]


def _who(doc: LkjipDocument) -> str:
    return doc.unit_name if doc.government else f"{doc.unit_name} {doc.region.full_name}"


def outline(doc: LkjipDocument) -> list[Block]:
    """Every block of the report, title page to lampiran."""
    blocks: list[Block] = [
        Heading(0, "LAPORAN KINERJA INSTANSI PEMERINTAH"),
        Para("(LKjIP)", bold=True, center=True),
        Para(doc.unit_name.upper(), bold=True, center=True),
        Para(f"TAHUN {doc.year}", bold=True, center=True),
        Para(doc.region.government_line, center=True),
        PageBreak(),
    ]
    blocks += _chapter_1(doc) + _chapter_2(doc) + _chapter_3(doc) + _chapter_4(doc) + _appendix(doc)
    return blocks


def _chapter_1(doc: LkjipDocument) -> list[Block]:
    who = _who(doc)
    return [
        Heading(1, CHAPTERS[0]),
        Heading(2, "1.1 Latar Belakang"),
        Para(f"Laporan Kinerja Instansi Pemerintah (LKjIP) {who} Tahun {doc.year} disusun sebagai wujud "
             "pertanggungjawaban atas pelaksanaan tugas dan fungsi sesuai Peraturan Presiden Nomor 29 Tahun 2014 "
             "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun "
             "2014. Laporan ini menyajikan capaian kinerja atas Perjanjian Kinerja tahun berjalan."),
        Heading(2, "1.2 Gambaran Umum"),
        Para(f"{who} beralamat di {doc.address or DASH}. Pimpinan: {doc.signer.name or DASH}, "
             f"{doc.signer.title}."),
        Para(TO_FINISH),
        Heading(2, "1.3 Sistematika Penyajian"),
        *(Para(line) for line in (
            "BAB I Pendahuluan: latar belakang, gambaran umum dan sistematika penyajian.",
            "BAB II Perencanaan Kinerja: rencana strategis dan Perjanjian Kinerja tahun berjalan.",
            "BAB III Akuntabilitas Kinerja: capaian kinerja, realisasi anggaran, kendala dan tindak lanjut.",
            "BAB IV Penutup: simpulan dan langkah perbaikan.",
            "Lampiran: Perjanjian Kinerja.",
        )),
    ]


def _chapter_2(doc: LkjipDocument) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, CHAPTERS[1]),
        Heading(2, f"2.1 {doc.period_name or 'Rencana Strategis'}"),
        Para(f"Tujuan dan sasaran {doc.period_name or 'rencana strategis'} yang menjadi acuan Perjanjian Kinerja "
             f"Tahun {doc.year}:"),
        *(Para(f"{n}. {goal}") for n, goal in enumerate(doc.goals, start=1)),
        Heading(2, f"2.2 Perjanjian Kinerja Tahun {doc.year}"),
    ]
    if doc.government and doc.agreement is not None:  # the regional head's own PK
        rows = _agreement_rows(doc)
    else:
        rows = tuple((str(n), i.sasaran, i.name, format_target(i.target, empty=DASH))
                     for n, i in enumerate(doc.indicators, start=1))
    blocks.append(Grid(f"Tabel 2.1 Sasaran dan indikator Perjanjian Kinerja Tahun {doc.year}",
                       ("No", "Sasaran", "Indikator Kinerja", "Target"), rows, (0.6, 4, 4, 1.8)))
    return blocks


def _chapter_3(doc: LkjipDocument) -> list[Block]:
    blocks: list[Block] = [Heading(1, CHAPTERS[2]), Heading(2, "3.1 Capaian Kinerja")]
    predicate = f" (predikat {doc.capaian_predicate})" if doc.capaian_predicate else ""
    if doc.government:
        blocks.append(Para(f"Capaian {len(doc.indicators)} indikator kinerja {len(doc.units)} perangkat daerah "
                           f"terhadap target Tahun {doc.year} disajikan pada Tabel 3.1, nilai capaian tiap perangkat "
                           "daerah pada Tabel 3.2."))
    else:
        blocks.append(Para(f"Nilai capaian kinerja {_who(doc)} Tahun {doc.year} adalah {_score(doc.capaian_score)}"
                           f"{predicate}, dihitung dari capaian {len(doc.indicators)} indikator terhadap target "
                           f"tahun {doc.year}."))
    previous = tuple(f"Realisasi {y}" for y in doc.previous_years)
    final = f"Target akhir {doc.final_year}" if doc.final_year else "Target akhir Renstra"
    first = ("Perangkat Daerah",) if doc.government else ()
    headers = ("No", *first, "Indikator Kinerja", f"Target {doc.year}", f"Realisasi {doc.year}", "Capaian (%)",
               *previous, final)
    rows = tuple(
        (str(n), *((i.unit_name,) if doc.government else ()), i.name, format_target(i.target, empty=DASH),
         format_target(i.realization, empty=DASH), format_percent(i.capaian, empty=DASH),
         *(format_target(p, empty=DASH) for p in i.previous), format_target(i.final_target, empty=DASH))
        for n, i in enumerate(doc.indicators, start=1)
    )
    offset = 1 if doc.government else 0
    numeric = tuple(range(2 + offset, len(headers)))
    widths = (0.6, *((2.4,) if doc.government else ()), 4.0, 1.6, 1.6, 1.6, *(1.5 for _ in previous), 1.6)
    blocks.append(Grid(f"Tabel 3.1 Capaian indikator kinerja Tahun {doc.year}", headers, rows, widths, numeric))
    blocks.append(Para(TO_FINISH))
    if doc.government:
        blocks += [Heading(2, "3.2 Capaian per Perangkat Daerah"), _units(doc)]
    blocks += _budget(doc) + _issues(doc)
    number = 5 if doc.government else 4
    blocks.append(Heading(2, f"3.{number} Hasil Evaluasi Akuntabilitas Kinerja Internal"))
    if doc.akip_score is not None:
        blocks.append(Para(f"Hasil evaluasi AKIP oleh Inspektorat atas {_who(doc)} Tahun {doc.year}: nilai "
                           f"{_score(doc.akip_score)} dengan predikat {doc.akip_grade}."))
    else:
        blocks.append(Para(f"Evaluasi AKIP Tahun {doc.year} belum dilaksanakan."))
    return blocks


def _units(doc: LkjipDocument) -> Grid:
    rows = tuple((str(n), u.name, _score(u.capaian_score), u.capaian_predicate or DASH, _score(u.absorption),
                  _score(u.akip_score), u.akip_grade or DASH) for n, u in enumerate(doc.units, start=1))
    return Grid(f"Tabel 3.2 Capaian perangkat daerah Tahun {doc.year}",
                ("No", "Perangkat Daerah", "Nilai Capaian", "Predikat", "Serapan (%)", "Nilai AKIP", "Predikat AKIP"),
                rows, (0.6, 5, 1.5, 1.6, 1.4, 1.4, 1.2), (2, 4, 5))


def _budget(doc: LkjipDocument) -> list[Block]:
    number = 3 if doc.government else 2
    pagu = sum(p.pagu for p in doc.programs)
    realized = sum(p.realized for p in doc.programs)
    rows = tuple((p.code, p.name, format_amount(p.pagu), format_amount(p.realized), format_percent(p.absorption,
                                                                                                    empty=DASH))
                 for p in doc.programs)
    rows += (("", "Jumlah", format_amount(pagu), format_amount(realized), _score(doc.absorption)),)
    efficiency = f" dan dinilai {doc.efficiency.lower()}" if doc.efficiency else ""
    return [
        Heading(2, f"3.{number} Realisasi Anggaran dan Efisiensi"),
        Para(f"Realisasi anggaran Tahun {doc.year} sebesar {format_rupiah(realized)} dari pagu "
             f"{format_rupiah(pagu)} (serapan {_score(doc.absorption)}%){efficiency}, membandingkan capaian "
             "kinerja dengan serapan anggaran."),
        Grid(f"Tabel 3.{number} Realisasi anggaran per {'perangkat daerah' if doc.government else 'program'} "
             f"Tahun {doc.year}",
             ("Singkatan", "Perangkat Daerah", *BUDGET_HEADERS) if doc.government else ("Kode", "Program",
                                                                                       *BUDGET_HEADERS),
             rows, (1.5, 5, 2.2, 2.2, 1.3), (2, 3, 4), total_last=True),
    ]


def _issues(doc: LkjipDocument) -> list[Block]:
    number = 4 if doc.government else 3
    blocks: list[Block] = [Heading(2, f"3.{number} Kendala dan Tindak Lanjut")]
    if not doc.issues:
        return [*blocks, Para(f"Tidak ada kendala yang dilaporkan pada Tahun {doc.year}.")]
    rows = tuple((Quarter(i.quarter).label, i.indicator, i.problems or DASH, i.follow_up or DASH)
                 for i in doc.issues)
    return [*blocks, Grid(f"Tabel 3.{number} Kendala dan tindak lanjut per triwulan",
                          ("Triwulan", "Indikator", "Kendala", "Tindak Lanjut"), rows, (1.4, 3.2, 3.7, 3.7))]


def _chapter_4(doc: LkjipDocument) -> list[Block]:
    met = sum(1 for i in doc.indicators if i.capaian is not None and i.capaian >= 100)
    return [
        Heading(1, CHAPTERS[3]),
        Para(f"Dari {len(doc.indicators)} indikator Perjanjian Kinerja Tahun {doc.year}, {met} indikator mencapai "
             "atau melampaui target. "
             + ("" if doc.government else f"Nilai capaian kinerja {_score(doc.capaian_score)}, ")
             + f"serapan anggaran {_score(doc.absorption)}%."),
        Para(TO_FINISH),
        Signature(f"{doc.place}, {format_date(doc.dated)}", doc.signer.title, doc.signer.name, doc.signer.rank_text,
                  doc.signer.nip_text),
    ]


def _agreement_rows(doc: LkjipDocument) -> tuple[tuple[str, ...], ...]:
    assert doc.agreement is not None
    return tuple((str(n), goal.statement, ind.name, format_target(ind.target, empty=DASH))
                 for n, goal in enumerate(doc.agreement.goals, start=1) for ind in goal.indicators)


def _appendix(doc: LkjipDocument) -> list[Block]:
    blocks: list[Block] = [PageBreak(), Heading(1, f"LAMPIRAN: PERJANJIAN KINERJA TAHUN {doc.year}")]
    pk = doc.agreement
    if pk is None:
        return [*blocks, Para(f"Perjanjian Kinerja Tahun {doc.year} belum ditandatangani.")]
    blocks.append(Para(f"{pk.unit_name}, ditandatangani {format_date(pk.signed_on)} oleh {pk.first_party.name} "
                       f"({pk.first_party.title})"
                       + (f" dan {pk.second_party.name} ({pk.second_party.title})" if pk.second_party else "") + "."))
    rows = _agreement_rows(doc)
    blocks.append(Grid("Sasaran, indikator dan target", ("No", "Sasaran Strategis", "Indikator Kinerja", "Target"),
                       rows, (0.6, 4, 4, 1.8)))
    if pk.programs:
        programs = tuple((p.code, p.name, format_amount(p.budget)) for p in pk.programs)
        programs += (("", "Jumlah", format_amount(sum(p.budget for p in pk.programs))),)
        blocks.append(Grid("Program dan anggaran", ("Kode", "Program", "Anggaran (Rp)"), programs, (1.6, 7, 2.4),
                           (2,), total_last=True))
    return blocks
