"""Workbooks from outside that are not what they claim: each gets an Indonesian sentence, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.interchange.xlsx_file import OLE_MAGIC, XlsxFileError, check_xlsx, open_workbook, reading
from kinerja_desktop.interchange.xlsx_read import SheetSpec, read_sheet

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def good_xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Perangkat Daerah"
    book.active.append(["Kode", "Nama"])
    book.active.append(["1.02.0.00.0.00.01.0000", "Dinas Kesehatan"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """The workbook with some members replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def message_for(path: Path) -> str:
    with pytest.raises(XlsxFileError) as refused:
        check_xlsx(path)
        workbook = open_workbook(path)
        try:
            for worksheet in workbook.worksheets:
                read_sheet(worksheet, SheetSpec("x", ()), name=path.name)
        finally:
            workbook.close()
    return str(refused.value)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_good_workbook_passes(tmp_path: Path) -> None:
    path = write(tmp_path, "baik.xlsx", good_xlsx())
    check_xlsx(path)
    workbook = open_workbook(path)
    assert workbook.sheetnames == ["Perangkat Daerah"]
    workbook.close()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("kosong.xlsx", b"", "Berkas “kosong.xlsx” kosong."),
        ("data.xlsx", b"Kode;Nama\n1.02;Dinas Kesehatan\n",
         "Berkas “data.xlsx” berisi teks (CSV atau teks biasa yang diberi akhiran .xlsx), bukan buku kerja Excel"),
        ("acak.xlsx", bytes(range(256)) * 8, "Berkas “acak.xlsx” bukan buku kerja Excel (.xlsx)"),
        ("lama.xls", OLE_MAGIC + b"\x00" * 4000,
         "Berkas “lama.xls” berformat Excel 97–2003 (.xls) yang tidak didukung"),
        ("rahasia.xlsx", OLE_MAGIC + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500,
         "Berkas “rahasia.xlsx” dilindungi kata sandi; buka di Excel, hapus kata sandinya"),
    ],
)
def test_what_is_not_an_xlsx_is_named(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    message = message_for(write(tmp_path, name, data))
    assert message.startswith(expected)
    assert message.endswith("Basis data tidak diubah.")


def test_a_truncated_download_is_said_to_be_incomplete(tmp_path: Path) -> None:
    data = good_xlsx()
    assert "rusak atau tidak lengkap (terpotong)" in message_for(write(tmp_path, "potong.xlsx", data[: len(data) // 2]))


def test_another_zip_is_not_a_workbook(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "bukan buku kerja Excel (.xlsx) (mungkin dokumen lain atau arsip zip)" in message_for(
        write(tmp_path, "surat.xlsx", out.getvalue()))


def test_a_zip_bomb_stops_early(tmp_path: Path) -> None:
    bomb = rezip(good_xlsx(), {}, {"xl/media/padding.bin": b"\x00" * (64 << 20)})  # 64 MB of zeros, ~64 KB packed
    path = write(tmp_path, "bom.xlsx", bomb)
    assert path.stat().st_size < 1 << 20
    assert "dengan rasio kompresi tidak wajar (bom zip?)" in message_for(path)


def test_an_xml_bomb_is_refused_by_defusedxml(tmp_path: Path) -> None:
    data = good_xlsx()
    source = zipfile.ZipFile(io.BytesIO(data))
    workbook_xml = source.read("xl/workbook.xml").decode()
    bombed = BILLION_LAUGHS + workbook_xml.split("?>", 1)[-1]
    path = write(tmp_path, "laughs.xlsx", rezip(data, {"xl/workbook.xml": bombed.encode()}))
    assert "memuat konstruksi XML yang tidak aman (entitas/DTD: pola “XML bomb”) dan ditolak" in message_for(path)
    # ... and in a sheet, read lazily row by row
    sheet_xml = source.read("xl/worksheets/sheet1.xml").decode()
    sheet_bomb = BILLION_LAUGHS + sheet_xml.split("?>", 1)[-1].replace("Dinas Kesehatan", "&lol3;")
    path = write(tmp_path, "laughs2.xlsx", rezip(data, {"xl/worksheets/sheet1.xml": sheet_bomb.encode()}))
    assert "pola “XML bomb”" in message_for(path)


def test_openpyxl_never_parses_with_lxml_which_python_docx_installs(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import lxml  # noqa: F401 - installed with python-docx: openpyxl would take it and leave defusedxml aside
    import openpyxl.xml

    assert openpyxl.xml.LXML is False
    monkeypatch.setattr(openpyxl.xml, "LXML", True)
    path = write(tmp_path, "baik.xlsx", good_xlsx())
    assert "pembaca XML aman (defusedxml) dimatikan" in message_for(path)


def test_reading_turns_parser_errors_into_a_sentence() -> None:
    with pytest.raises(XlsxFileError, match="isinya rusak: KeyError"), reading("x.xlsx"):
        raise KeyError("xl/sharedStrings.xml")


@pytest.mark.parametrize("name", ["lama.xls", "data.xlsx", "bom.xlsx"])
def test_the_command_line_says_it_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = {"lama.xls": OLE_MAGIC + b"\x00" * 100, "data.xlsx": b"Kode;Nama\n",
            "bom.xlsx": rezip(good_xlsx(), {}, {"xl/media/x.bin": b"\x00" * (8 << 20)})}[name]
    path = write(tmp_path, name, data)
    code = main(["import", "opd", str(path), "--db", str(tmp_path / "k.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"Galat: Berkas “{name}” ") and "Traceback" not in err
