"""Civil servants' identity rules: NIP and pangkat/golongan."""

from __future__ import annotations

import re
from datetime import date

# Pangkat of PNS with their golongan/ruang, lowest first (PP 99/2000).
RANKS: tuple[tuple[str, str], ...] = (
    ("Juru Muda", "I/a"),
    ("Juru Muda Tingkat I", "I/b"),
    ("Juru", "I/c"),
    ("Juru Tingkat I", "I/d"),
    ("Pengatur Muda", "II/a"),
    ("Pengatur Muda Tingkat I", "II/b"),
    ("Pengatur", "II/c"),
    ("Pengatur Tingkat I", "II/d"),
    ("Penata Muda", "III/a"),
    ("Penata Muda Tingkat I", "III/b"),
    ("Penata", "III/c"),
    ("Penata Tingkat I", "III/d"),
    ("Pembina", "IV/a"),
    ("Pembina Tingkat I", "IV/b"),
    ("Pembina Utama Muda", "IV/c"),
    ("Pembina Utama Madya", "IV/d"),
    ("Pembina Utama", "IV/e"),
)

RANK_LABELS: tuple[str, ...] = tuple(f"{name} ({grade})" for name, grade in RANKS)

_NIP_RE = re.compile(r"[0-9]{18}")  # ASCII digits only: \d also matches Arabic-Indic digits


def normalize_nip(text: str) -> str:
    """Drop the spaces people type inside a NIP (``19700101 199503 1 001``)."""
    return re.sub(r"\s+", "", text or "")


def nip_problem(nip: str) -> str | None:
    """Return why a NIP is invalid (in Indonesian), or None when it is valid.

    A NIP has 18 digits: birth date YYYYMMDD, appointment YYYYMM, sex digit (1 or 2), serial of 3 digits.
    """
    nip = normalize_nip(nip)
    if not _NIP_RE.fullmatch(nip):
        return "NIP harus terdiri dari 18 angka"
    try:
        date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "8 angka pertama NIP harus tanggal lahir yang sah (TTTTBBHH)"
    month = int(nip[12:14])
    if not 1 <= month <= 12:
        return "Angka ke-13 dan ke-14 NIP harus bulan pengangkatan (01–12)"
    if int(nip[8:12]) < int(nip[0:4]):
        return "Tahun pengangkatan pada NIP lebih awal dari tahun lahir"
    if nip[14] not in "12":
        return "Angka ke-15 NIP harus 1 (pria) atau 2 (wanita)"
    return None


def format_nip(nip: str | None) -> str:
    """Print a NIP grouped as on official documents: ``19700101 199503 1 001``."""
    if not nip:
        return ""
    nip = normalize_nip(nip)
    if len(nip) != 18:
        return nip
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"


def rank_label(rank: str | None, grade: str | None) -> str:
    """``Pembina Utama Muda (IV/c)``."""
    if rank and grade:
        return f"{rank} ({grade})"
    return rank or grade or ""


def split_rank(text: str) -> tuple[str, str]:
    """"Pembina Utama Muda (IV/c)" → ("Pembina Utama Muda", "IV/c"); a golongan alone or free text as typed."""
    text = " ".join(text.split())
    for rank, grade in RANKS:
        if text == f"{rank} ({grade})":
            return rank, grade
    if text.endswith(")") and "(" in text:
        rank, grade = text[:-1].rsplit("(", 1)
        return rank.strip(), grade.strip()
    return text, ""


def core_name(name: str) -> str:
    """A person's name without academic and religious titles, for telling people apart:
    "Dr. dr. H. Bambang Sutrisno, M.Kes., Sp.OG" → "bambang sutrisno" (titles change; the person does not)."""
    main = name.split(",", 1)[0]  # gelar belakang follow the first comma
    words = main.split()
    while len(words) > 1 and words[0].endswith("."):  # gelar depan: Dr. dr. Ir. H. Hj. Drs.
        words.pop(0)
    return " ".join(words).casefold()
