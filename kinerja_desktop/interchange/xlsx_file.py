"""Opening an Excel workbook (.xlsx) from outside, defensively: what it is, how big it unpacks, then openpyxl.

People hand in what they have: an old ``.xls``, a workbook protected by a password, a CSV renamed to
``.xlsx``, a truncated download. Each is named in Indonesian before openpyxl sees it. A real ``.xlsx`` is a
zip: its members are counted and unpacked once as a stream with limits on the total, on each member's ratio
of unpacked to packed size and on the number of members (declared sizes can lie), so a zip bomb stops early.
openpyxl then reads it with ``defusedxml`` (a dependency), which refuses XML entity tricks ("billion laughs");
what openpyxl raises while reading is turned into the same kind of message (see :func:`reading`).

openpyxl is imported here, inside the functions: only a template, an import or an export pays for it.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import InterchangeError

CHUNK = 1 << 20
MAX_FILE = 100 << 20  # on disk
MAX_UNPACKED = 400 << 20  # all members together, unpacked
MAX_MEMBERS = 20_000
MAX_RATIO = 250  # a member larger than RATIO_FROM bytes may unpack to at most this many times its packed size
RATIO_FROM = 1 << 20
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .xls and of password-protected .xlsx
ZIP_MAGIC = b"PK\x03\x04"

SAVE_AS_XLSX = "buka di Excel (atau LibreOffice) lalu simpan sebagai “Buku Kerja Excel (*.xlsx)”"


class XlsxFileError(InterchangeError):
    """The file is not a workbook that can be read safely; the message says what it is and what to do."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"Berkas “{name}” {why}.")


def _kind_of_other(name: str, head: bytes) -> XlsxFileError:
    if not head:
        return XlsxFileError(name, "kosong")
    if head.startswith(OLE_MAGIC):
        return XlsxFileError(name, "berformat Excel lama")  # refined by the caller, who can read further
    sample = head[:4096]
    if b"\x00" not in sample:
        try:
            sample.decode("utf-8")
            text = True
        except UnicodeDecodeError:
            text = all(32 <= b or b in (9, 10, 13) for b in sample[:512])
        if text:
            return XlsxFileError(
                name, f"berisi teks (CSV atau teks biasa yang diberi akhiran .xlsx), bukan buku kerja Excel; "
                f"{SAVE_AS_XLSX}"
            )
    return XlsxFileError(name, f"bukan buku kerja Excel (.xlsx); {SAVE_AS_XLSX}")


def _ole_error(name: str, path: Path) -> XlsxFileError:
    # An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream (MS-OFFCRYPTO).
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE)
    if "EncryptedPackage".encode("utf-16-le") in data:
        return XlsxFileError(
            name, "dilindungi kata sandi; buka di Excel, hapus kata sandinya (File → Info → Lindungi Buku Kerja → "
            "Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi"
        )
    return XlsxFileError(name, f"berformat Excel 97–2003 (.xls) yang tidak didukung; {SAVE_AS_XLSX}")


def check_xlsx(
    path: Path,
    *,
    display_name: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Raise :class:`XlsxFileError` unless ``path`` is a complete .xlsx zip that unpacks within the limits.

    ``progress(done, total)`` counts unpacked bytes against the declared total; ``cancelled()`` is asked
    between chunks (the caller raises its own cancel error when it returns True: this only stops).
    """
    path = Path(path)
    name = display_name or path.name
    if not path.exists():
        raise XlsxFileError(name, "tidak ditemukan")
    if path.is_dir():
        raise XlsxFileError(name, "adalah sebuah folder, bukan berkas")
    size = path.stat().st_size
    if size > MAX_FILE:
        raise XlsxFileError(name, f"terlalu besar ({size // (1 << 20)} MB; paling besar {MAX_FILE >> 20} MB)")
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if head.startswith(OLE_MAGIC):
        raise _ole_error(name, path)
    if not head.startswith(ZIP_MAGIC):
        raise _kind_of_other(name, head)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(name, infos)
            declared = sum(info.file_size for info in infos)
            done = 0
            for info in infos:
                done = _unpack_counting(name, archive, info, done, declared, progress, cancelled)
                if cancelled is not None and cancelled():
                    return
    except XlsxFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise XlsxFileError(name, TRUNCATED) from exc


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise XlsxFileError(name, "memuat terlalu banyak bagian untuk sebuah buku kerja")
    names = {info.filename for info in infos}
    if "xl/workbook.bin" in names:
        raise XlsxFileError(name, f"berformat biner Excel (.xlsb) yang tidak didukung; {SAVE_AS_XLSX}")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise XlsxFileError(
            name, f"bukan buku kerja Excel (.xlsx) (mungkin dokumen lain atau arsip zip); {SAVE_AS_XLSX}"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise XlsxFileError(name, "memuat bagian terenkripsi")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise XlsxFileError(name, "memakai metode kompresi yang tidak didukung")
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise XlsxFileError(name, "terlalu besar setelah dibuka (bom zip?)")


def _unpack_counting(
    name: str,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    done: int,
    declared: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    count = 0
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            count += len(chunk)
            done += len(chunk)
            if done > MAX_UNPACKED:
                raise XlsxFileError(name, "terlalu besar setelah dibuka (bom zip?)")
            if count > RATIO_FROM and count > MAX_RATIO * max(info.compress_size, 1):
                raise XlsxFileError(
                    name, f"memiliki bagian “{info.filename}” dengan rasio kompresi tidak wajar (bom zip?)"
                )
            if progress is not None:
                progress(done, max(declared, done))
            if cancelled is not None and cancelled():
                return done
    return done


UNSAFE_XML = "memuat konstruksi XML yang tidak aman (entitas/DTD: pola “XML bomb”) dan ditolak"
TRUNCATED = "rusak atau tidak lengkap (terpotong); minta berkasnya sekali lagi"
# What openpyxl and the XML parser under it raise on a bad part (xml.etree's ParseError is a SyntaxError;
# defusedxml's refusals are ValueErrors). Anything else, a cancel among them, passes through.
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError, AttributeError, IndexError,
                SyntaxError, OSError)


@contextmanager
def reading(name: str) -> Iterator[None]:
    """Turn what openpyxl (or the XML parser under it) raises while reading into an :class:`XlsxFileError`."""
    from defusedxml import DefusedXmlException

    try:
        yield
    except _READ_ERRORS as exc:
        chain: list[BaseException] = []
        cause: BaseException | None = exc
        while cause is not None and len(chain) < 20:  # openpyxl wraps what the parser raised in a ValueError
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        if any(isinstance(e, DefusedXmlException) for e in chain):
            raise XlsxFileError(name, UNSAFE_XML) from exc
        if any(isinstance(e, zipfile.BadZipFile | zlib.error | EOFError) for e in chain):
            raise XlsxFileError(name, TRUNCATED) from exc
        raise XlsxFileError(
            name, f"tidak dapat dibaca sebagai buku kerja Excel (isinya rusak: {type(chain[-1]).__name__})"
        ) from exc


def open_workbook(path: Path, *, display_name: str | None = None) -> Any:
    """The workbook, read-only with cached values (never formulas), after :func:`check_xlsx` passed."""
    import openpyxl

    name = display_name or Path(path).name
    from openpyxl.xml import LXML

    # OPENPYXL_DEFUSEDXML=False in the environment, or openpyxl on lxml (kinerja_desktop/__init__.py turns that
    # off), would let entities through
    if not openpyxl.DEFUSEDXML or LXML:
        raise XlsxFileError(name, "tidak dibuka: pembaca XML aman (defusedxml) dimatikan")
    with reading(name):
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
