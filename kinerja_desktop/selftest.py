"""``kinerja-desktop self-test``: the checks a support person asks for, without showing a window.

Every step works in a temporary folder (the user's own database is never touched) and prints one line,
``OK …`` or ``GAGAL …`` with what failed and what it usually means. It runs the same from source and from
the PyInstaller bundle, so it also proves the bundle holds its Qt plugins, fonts, logos and migrations.
Exit code 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import APP_NAME, __version__
from .paths import app_root, is_frozen, resource

if TYPE_CHECKING:
    from .db.database import Database

NATIVE_PLATFORM_PLUGIN = {"win32": "qwindows", "darwin": "qcocoa"}  # anything else: xcb (X11)
PK_TITLE = "PERJANJIAN KINERJA"


class Skipped(Exception):
    """A step that cannot run because an earlier one failed."""


@dataclass
class Context:
    """What the steps share: the temporary folder and what earlier steps produced."""

    folder: Path
    server_url: str | None = None  # ``self-test --db URL``: a server to check as well (never changed)
    database: Database | None = None
    pdf: Path | None = None
    pdf_pages: int | None = None  # as pypdf counted them, for the preview to agree with
    notes: list[str] = field(default_factory=list)

    def require_database(self) -> Database:
        if self.database is None:
            raise Skipped("basis data tidak terbuka / no database (an earlier step failed)")
        return self.database


@dataclass(frozen=True)
class Step:
    title: str
    run: Callable[[Context], str]
    hint: str  # what a failure usually means, for the person reading the output


# --- the steps -----------------------------------------------------------------------------------------


def check_qt(ctx: Context) -> str:
    """Qt starts (offscreen), draws text with a font, reads the app icon; the native plugin is shipped."""
    from PySide6.QtCore import QCoreApplication, Qt, qVersion
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance() or QApplication(sys.argv[:1])
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "Kinerja")
    painter.end()
    inked = any(image.pixelColor(x, y).lightness() < 128 for x in range(120) for y in range(40))
    if not inked:
        raise RuntimeError("Qt menggambar teks kosong (tidak ada fon?) / Qt drew no text (no font found?)")
    icon = resource("icons", "kinerja-desktop.png")
    if QImage(str(icon)).isNull():
        raise RuntimeError(f"ikon aplikasi tidak terbaca / app icon unreadable: {icon}")
    native = _native_platform_plugin()
    from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401 - the in-app PDF preview

    platform_name = app.platformName() if isinstance(app, QApplication) else os.environ.get("QT_QPA_PLATFORM")
    return f"Qt {qVersion()} berjalan (platform {platform_name}; {native}; QtWidgets, QtPdf)"


def check_resources(ctx: Context) -> str:
    fonts = sorted(resource("fonts").glob("*.ttf"))
    if not fonts:
        raise RuntimeError(f"tidak ada fon .ttf di {resource('fonts')} / no fonts shipped")
    logos = sorted(resource("logos").glob("*.png"))
    if not logos:
        raise RuntimeError(f"tidak ada logo di {resource('logos')} / no logos shipped")
    return f"berkas sumber daya: {len(fonts)} fon, {len(logos)} logo di {resource('.').resolve()}"


def check_new_database(ctx: Context) -> str:
    from .db.database import open_database
    from .db.migrate import migrations_dir
    from .db.revisions import HEAD

    path = ctx.folder / "baru.sqlite"
    ctx.database = open_database(path)
    revision = _revision(path)
    if revision != HEAD:
        raise RuntimeError(f"revisi skema {revision}, seharusnya {HEAD} / schema not at head")
    _integrity(path)
    return f"basis data baru dibuat dan dimigrasi ke {HEAD} (migrasi dari {migrations_dir()})"


def check_old_database(ctx: Context) -> str:
    """A file at the first revision is migrated to head on open: the shipped migrations all run."""
    from .db.database import open_database
    from .db.migrate import upgrade_sqlite
    from .db.revisions import HEAD, REVISIONS

    first = REVISIONS[0]
    path = ctx.folder / "lama.sqlite"
    upgrade_sqlite(path, from_revision=None, to_revision=first)
    if _revision(path) != first:
        raise RuntimeError(f"berkas lama tidak pada revisi {first} / old file not created at {first}")
    database = open_database(path)
    try:
        if database.migrated_from != first or _revision(path) != HEAD:
            raise RuntimeError(f"berkas {first} tidak dimigrasi ke {HEAD} / old schema not migrated")
        copy = database.pre_migration_copy
        if copy is None or not copy.exists():
            raise RuntimeError("salinan sebelum migrasi tidak dibuat / no pre-migration copy")
    finally:
        database.close()
    _integrity(path)
    return f"basis data lama ({first}) dimigrasi ke {HEAD}, salinan pengaman dibuat"


def check_demo(ctx: Context) -> str:
    from .demo import create_demo

    summary = create_demo(ctx.require_database())
    return (
        f"data contoh dibuat: {summary.opds} perangkat daerah, {summary.agreements} perjanjian kinerja, "
        f"{summary.total_rows} baris"
    )


def check_print(ctx: Context) -> str:
    from .domain.enums import AgreementStatus
    from .services.agreements import list_agreements
    from .services.printing import print_agreement

    database = ctx.require_database()
    signed = [r for r in list_agreements(database, 2025) if r.agreement_id and r.status is AgreementStatus.SIGNED]
    if not signed:
        raise Skipped("tidak ada PK 2025 yang ditandatangani di data contoh / no signed 2025 PK")
    row = signed[0]
    started = time.perf_counter()
    ctx.pdf = print_agreement(database, row.agreement_id or "", ctx.folder)
    took = time.perf_counter() - started
    size = ctx.pdf.stat().st_size // 1024
    return f"PK 2025 {row.opd_abbreviation or row.opd_name} dicetak ke PDF ({size} KB, {took:.2f} s)"


def check_docx(ctx: Context) -> str:
    """The LKjIP as Word: python-docx and its default template travel with the program."""
    from docx import Document

    from .services.printing import write_lkjip

    database = ctx.require_database()
    path = write_lkjip(database, 2025, ctx.folder / "LKjIP-2025.docx", opd_code="Dinkes")
    headings = [p.text for p in Document(str(path)).paragraphs if p.style is not None
                and p.style.name == "Heading 1"]
    if not any(text.startswith("BAB III") for text in headings):
        raise RuntimeError("LKjIP tanpa BAB III / the LKjIP has no BAB III")
    return f"LKjIP 2025 ditulis ke Word ({len(headings)} bab dan lampiran, {path.stat().st_size // 1024} KB)"


def check_pdf(ctx: Context) -> str:
    """Fonts embedded (each has a FontFile2), the title readable as text, the fingerprint verified."""
    from pypdf import PdfReader

    from .services.printing import verify_pdf

    if ctx.pdf is None:
        raise Skipped("tidak ada PDF / no PDF (printing failed)")
    reader = PdfReader(ctx.pdf)
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        _collect_fonts(page.get("/Resources"), fonts, depth=0)
    if not fonts:
        raise RuntimeError("PDF tanpa fon / the PDF has no fonts")
    missing = sorted(name for name, embedded in fonts.items() if not embedded)
    if missing:
        raise RuntimeError(f"fon tidak tertanam / fonts not embedded: {', '.join(missing)}")
    ctx.pdf_pages = len(reader.pages)
    text = " ".join((reader.pages[0].extract_text() or "").split())
    if PK_TITLE not in text.upper():
        raise RuntimeError(f"teks “{PK_TITLE}” tidak terbaca di halaman 1 / title not readable as text")
    result = verify_pdf(ctx.require_database(), ctx.pdf)
    if not result.matches:
        raise RuntimeError(f"verifikasi gagal / verification failed: {result.message}")
    return f"PDF: {len(reader.pages)} halaman, {len(fonts)} fon tertanam, teks terbaca, sidik cocok"


def check_preview(ctx: Context) -> str:
    """The in-app preview's engine (QtPdf, i.e. PDFium) opens the printed PK, reads its title and draws page 1."""
    if ctx.pdf is None:
        raise Skipped("tidak ada PDF / no PDF (printing failed)")
    started = time.perf_counter()
    preview = render_first_page(ctx.pdf, save_to=ctx.folder / "pratinjau-halaman-1.png")
    took = time.perf_counter() - started
    if ctx.pdf_pages is not None and preview.pages != ctx.pdf_pages:
        raise RuntimeError(
            f"pratinjau melihat {preview.pages} halaman, PDF berisi {ctx.pdf_pages} / page count differs"
        )
    if PK_TITLE not in " ".join(preview.text.upper().split()):
        raise RuntimeError(f"teks “{PK_TITLE}” tidak terbaca oleh QtPdf / title not readable by QtPdf")
    return (
        f"pratinjau QtPdf: {preview.pages} halaman, halaman 1 digambar {preview.width}x{preview.height} piksel "
        f"({preview.inked:.1%} bertinta, {took:.2f} s)"
    )


@dataclass(frozen=True)
class RenderedPage:
    pages: int
    width: int
    height: int
    inked: float  # share of dark pixels on page 1
    text: str  # page 1's text as QtPdf reads it


PREVIEW_DPI = 50
MIN_INKED = 0.002  # a PK's first page is text, table lines, a logo: far more than this is dark


def render_first_page(path: Path, save_to: Path | None = None) -> RenderedPage:
    """Open ``path`` with QPdfDocument as the preview window does and render page 1; raise when it cannot.

    ``save_to`` keeps the rendered page as a PNG (``self-test --keep`` leaves it in the test folder).
    """
    from PySide6.QtCore import QCoreApplication, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    QCoreApplication.instance() or QApplication(sys.argv[:1])
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.status() != QPdfDocument.Status.Ready:
            raise RuntimeError(f"QtPdf tidak dapat membuka PDF / cannot open the PDF: {error.name}")
        pages = document.pageCount()
        if pages < 1:
            raise RuntimeError("QtPdf melihat 0 halaman / QtPdf sees no page")
        points = document.pagePointSize(0)
        size = QSize(round(points.width() * PREVIEW_DPI / 72), round(points.height() * PREVIEW_DPI / 72))
        image = document.render(0, size)
        if image.isNull() or image.size() != size:
            raise RuntimeError("QtPdf tidak menggambar halaman 1 / QtPdf rendered nothing")
        # PDFium leaves the paper transparent: lay the page on white, as the preview shows it.
        gray = QImage(size, QImage.Format.Format_Grayscale8)
        gray.fill(QColor("white"))
        painter = QPainter(gray)
        painter.drawImage(0, 0, image)
        painter.end()
        if save_to is not None:
            gray.save(str(save_to))
        row_bytes, width, height = gray.bytesPerLine(), gray.width(), gray.height()
        data = bytes(gray.constBits())[: row_bytes * height]
        rows = (data[y * row_bytes : y * row_bytes + width] for y in range(height))  # without the row padding
        dark = sum(sum(1 for value in row if value < 128) for row in rows)
        inked = dark / (width * height)
        if inked < MIN_INKED:
            raise RuntimeError(f"halaman 1 tergambar kosong ({inked:.2%} bertinta) / page 1 rendered blank")
        text = document.getAllText(0).text()
        return RenderedPage(pages, width, height, inked, text)
    finally:
        document.close()


def check_backup(ctx: Context) -> str:
    database = ctx.require_database()
    target = ctx.folder / "uji.kinerja-backup"
    try:
        from .services.backup import create_backup, preview_restore
    except ImportError:  # the backup service is not in this build: check a VACUUM INTO snapshot instead
        return _snapshot_backup(database, ctx.folder / "uji-salinan.sqlite")
    info = create_backup(database, target)
    preview = preview_restore(database, target)  # reads the whole file back: manifest, checksums, snapshot
    return (
        f"cadangan {target.name} dibuat dan diperiksa ({info.size // 1024} KB, {preview.backup.total_rows} baris, "
        f"skema {info.schema_revision})"
    )


def check_driver(ctx: Context) -> str:
    """psycopg 3 with its own libpq (the ``binary`` build) is in this installation: server mode can connect."""
    import psycopg

    impl = psycopg.pq.__impl__
    libpq = psycopg.pq.version()
    if impl not in ("binary", "c", "python"):
        raise RuntimeError(f"psycopg tanpa implementasi libpq / no libpq implementation: {impl}")
    from .db.server import PasswordStore

    keyring = PasswordStore().problem() or "tersedia"
    return (
        f"psycopg {psycopg.__version__} ({impl}, libpq {libpq // 10000}.{libpq % 10000 // 100}); "
        f"penyimpanan kata sandi: {keyring}"
    )


def check_server(ctx: Context) -> str:
    """``--db URL``: connect, the schema at this app's, the database's own checks, writing allowed (rolled back)."""
    if ctx.server_url is None:
        raise Skipped("tanpa --db URL / no server given")
    from sqlalchemy import text

    from .db.database import open_database
    from .db.revisions import HEAD
    from .db.server import server_label
    from .services.maintenance import integrity_problems

    database = open_database(ctx.server_url)
    try:
        problems = integrity_problems(database)
        if problems:
            raise RuntimeError("; ".join(problems[:3]))
        with database.engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            conn.execute(
                text("INSERT INTO lock_bypass (id, reason, created_at) VALUES ('uji-mandiri', 'uji', now())")
            )
            conn.rollback()  # only whether this user may write: nothing stays
    finally:
        database.close()
    return f"server {server_label(ctx.server_url)} (PostgreSQL {version}) terhubung, skema {HEAD}, integritas baik"


def check_server_backup(ctx: Context) -> str:
    if ctx.server_url is None:
        raise Skipped("tanpa --db URL / no server given")
    from .db.database import open_database
    from .services.backup import check_backup, create_backup

    database = open_database(ctx.server_url)
    try:
        info = create_backup(database, ctx.folder / "server.kinerja-backup")
    finally:
        database.close()
    checked = check_backup(info.path)
    return (
        f"cadangan server dibuat dan diperiksa ({info.size // 1024} KB, {checked.total_rows} baris, "
        f"{checked.evidence_files} berkas bukti)"
    )


SERVER_STEPS: tuple[Step, ...] = (
    Step("Server basis data", check_server, "Server tidak terhubung, skema belum diperbarui (server upgrade), atau "
         "pengguna tanpa hak tulis / server unreachable, not upgraded, or read-only user"),
    Step("Cadangan server", check_server_backup, "Cadangan server tidak dapat dibuat / server backup failed"),
)


STEPS: tuple[Step, ...] = (
    Step(
        "Qt",
        check_qt,
        "Pustaka atau plugin Qt tidak lengkap; pasang ulang aplikasi / Qt libraries or plugins "
        "missing: reinstall the app",
    ),
    Step("Sumber daya", check_resources, "Folder resources tidak lengkap; pasang ulang / resources missing: reinstall"),
    Step(
        "Basis data baru",
        check_new_database,
        "Migrasi tidak ditemukan atau folder sementara tidak dapat "
        "ditulisi / migrations missing or temporary folder not writable",
    ),
    Step("Migrasi basis data lama", check_old_database, "Berkas migrasi tidak lengkap / migration files incomplete"),
    Step("Data contoh", check_demo, "Data contoh tidak dapat dibuat / the demo data could not be created"),
    Step("Cetak PK", check_print, "Fon, logo atau ReportLab tidak lengkap / fonts, logo or ReportLab incomplete"),
    Step("Periksa PDF", check_pdf, "PDF tidak sesuai: fon tidak tertanam atau sidik berbeda / PDF check failed"),
    Step("LKjIP Word", check_docx, "python-docx atau templatnya tidak lengkap / python-docx or its template missing"),
    Step(
        "Pratinjau PDF",
        check_preview,
        "Mesin pratinjau PDF (QtPdf) tidak lengkap atau tidak berjalan; pasang ulang / PDF preview engine broken",
    ),
    Step("Cadangan", check_backup, "Cadangan tidak dapat dibuat atau diperiksa / backup could not be made or read"),
    Step("Driver PostgreSQL", check_driver, "psycopg (driver server) tidak lengkap; pasang ulang / driver missing"),
)


# --- running -------------------------------------------------------------------------------------------


def run(out: TextIO | None = None, *, keep: bool = False, verbose: bool = False, server: str | None = None) -> int:
    """Run every step, printing one line each; 0 when all passed, else 1. ``server``: a server's URL to check too
    (connection, schema, integrity, a backup into the temporary folder; nothing on the server changes)."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = "paket aplikasi (bundle)" if is_frozen() else "kode sumber (source)"
    print(f"{APP_NAME} {__version__}: uji mandiri / self-test", file=out)
    print(f"  {mode}, Python {platform.python_version()}, {platform.platform()}, folder {app_root()}", file=out)
    folder = Path(tempfile.mkdtemp(prefix="kinerja-uji-"))
    ctx = Context(folder, server_url=server)
    steps = STEPS + (SERVER_STEPS if server else ())
    failures = skipped = 0
    try:
        for step in steps:
            started = time.perf_counter()
            try:
                detail = step.run(ctx)
            except Skipped as exc:
                skipped += 1
                print(f"LEWAT {step.title}: {exc}", file=out)
                continue
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next step runs
                failures += 1
                print(f"GAGAL {step.title}: {type(exc).__name__}: {exc}", file=out)
                print(f"      {step.hint}", file=out)
                if verbose:
                    traceback.print_exc(file=out)
                continue
            print(f"OK    {step.title}: {detail} [{time.perf_counter() - started:.2f} s]", file=out, flush=True)
    finally:
        if ctx.database is not None:
            ctx.database.close()
        if keep:
            print(f"Berkas uji disimpan di / test files kept in: {folder}", file=out)
        else:
            _remove(folder)
    if failures or skipped:
        print(f"GAGAL: {failures} langkah gagal, {skipped} dilewati dari {len(steps)} / FAILED", file=out)
        return 1
    print(f"OK: semua {len(steps)} pemeriksaan lulus / all {len(steps)} checks passed", file=out)
    return 0


# --- helpers -------------------------------------------------------------------------------------------


def _native_platform_plugin() -> str:
    """Load (not start) the platform plugin a real window needs here: its libraries must all resolve.

    The self-test itself runs offscreen, so without this a bundle missing what qwindows.dll links to would
    pass and then fail to open on the user's desk. From source a missing system library (Linux) is only noted.
    """
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    name = NATIVE_PLATFORM_PLUGIN.get(sys.platform, "qxcb")
    found = (
        sorted(p for p in folder.glob(f"*{name}.*") if p.suffix in (".dll", ".so", ".dylib")) if folder.is_dir() else []
    )
    if not found:
        raise RuntimeError(f"plugin platform “{name}” tidak ada di {folder} / native platform plugin missing")
    loader = QPluginLoader(str(found[0]))
    if loader.load():
        return f"plugin {found[0].name} termuat"
    problem = loader.errorString()
    if is_frozen():
        raise RuntimeError(f"plugin {found[0].name} tidak dapat dimuat / cannot be loaded: {problem}")
    return f"plugin {found[0].name} ada, tidak termuat di sini: {problem}"


def _revision(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def _integrity(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    if problems != ["ok"] or foreign:
        raise RuntimeError(f"pemeriksaan integritas gagal / integrity check failed: {problems[:3]} {foreign[:3]}")


def _collect_fonts(resources, fonts: dict[str, bool], depth: int) -> None:  # noqa: ANN001 - pypdf objects
    """Font name → embedded, from a resource dictionary and the form XObjects it uses."""
    if resources is None or depth > 5:
        return
    resources = resources.get_object()
    font_dict = resources.get("/Font")
    for font in font_dict.get_object().values() if font_dict else []:
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        target = descendants.get_object()[0].get_object() if descendants else font
        descriptor = target.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor else {}
        embedded = any(key in descriptor for key in ("/FontFile2", "/FontFile", "/FontFile3"))
        # Only TrueType (FontFile2) is what we ship; base-14 fonts have no descriptor and are not embedded.
        fonts[str(font.get("/BaseFont"))] = embedded and "/FontFile2" in descriptor
    xobjects = resources.get("/XObject")
    for xobject in xobjects.get_object().values() if xobjects else []:
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            _collect_fonts(xobject.get("/Resources"), fonts, depth + 1)


def _snapshot_backup(database: Database, target: Path) -> str:
    """Fallback backup check: a VACUUM INTO snapshot that passes integrity_check."""
    if database.path is None:
        raise Skipped("bukan berkas SQLite / not a SQLite file")
    conn = sqlite3.connect(database.path)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    _integrity(target)
    return f"salinan VACUUM INTO {target.name} dibuat dan lolos integrity_check ({target.stat().st_size // 1024} KB)"


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
