"""The PyInstaller spec's inputs, checked without building: data files, hidden imports, filters, icon,
Windows version information."""

from __future__ import annotations

import importlib
import os
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "kinerja-desktop.spec"
sys.path.insert(0, str(PACKAGING))

import bundle_contents  # noqa: E402
import version_info  # noqa: E402


def test_every_resource_and_migration_is_shipped_at_its_source_place() -> None:
    # GIVEN the data files the spec passes to Analysis
    shipped = {(Path(source).resolve(), dest) for source, dest in bundle_contents.data_files(ROOT)}
    # THEN every file of resources/ is there, in the same folder inside the bundle
    resources = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert resources
    for path in resources:
        assert (path.resolve(), path.parent.relative_to(ROOT).as_posix()) in shipped
    # AND Alembic's env.py and every revision land at kinerja_desktop/db/migrations/ (migrate.migrations_dir)
    migrations = ROOT / "kinerja_desktop" / "db" / "migrations"
    expected = [migrations / "env.py", migrations / "script.py.mako", *sorted((migrations / "versions").glob("*.py"))]
    for path in expected:
        assert (path.resolve(), path.parent.relative_to(ROOT).as_posix()) in shipped, path
    from kinerja_desktop.db.revisions import REVISIONS

    assert {p.stem for p in (migrations / "versions").glob("*.py")} >= set(REVISIONS)


def test_spec_uses_the_data_files_and_collects_the_lazily_imported_modules() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "datas=data_files(ROOT)" in spec
    # The verbs are imported by name (VERB_MODULES), the renderers through reports._LAZY: the whole package.
    assert 'collect_submodules("kinerja_desktop"' in spec
    for name in ("alembic.runtime", "logging.config", "sqlalchemy.dialects.sqlite", "reportlab.graphics.barcode"):
        assert name in spec
    from kinerja_desktop.commands import VERB_MODULES

    assert "kinerja_desktop.commands.selftest" in VERB_MODULES
    for name in VERB_MODULES:
        importlib.import_module(name)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/lib/libQt6PdfWidgets.so.6", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("PySide6\\Qt6Pdf.dll", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6\\Qt6WebEngineCore.dll", False),
        ("PySide6\\opengl32sw.dll", False),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_binary_filter_keeps_what_the_app_loads(dest: str, kept: bool) -> None:
    assert bundle_contents.keep_binary(dest) is kept


def test_qt_translations_are_dropped_and_our_data_kept() -> None:
    assert not bundle_contents.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle_contents.keep_data("PySide6\\translations\\qt_fr.qm")
    assert bundle_contents.keep_data("resources/translations/kinerja_id.qm")
    assert bundle_contents.keep_data("kinerja_desktop/db/migrations/versions/0001_initial.py")


def test_icon_is_a_multi_size_ico_with_a_256_pixel_png() -> None:
    ico = (ROOT / "resources" / "icons" / "kinerja-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _height, _c, _r, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index]
        )
        sizes.append(width or 256)
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(ico)
    assert {16, 32, 48, 256} <= set(sizes)
    png = (ROOT / "resources" / "icons" / "kinerja-desktop.png").read_bytes()
    assert struct.unpack(">II", png[16:24]) == (256, 256)


def test_version_info_names_the_product_and_loads_in_pyinstaller(tmp_path: Path) -> None:
    from kinerja_desktop import __version__

    # GIVEN the version file the spec writes on Windows
    path = version_info.write_version_file(tmp_path / "version_info.txt")
    text = path.read_text(encoding="utf-8")
    assert "StringStruct('CompanyName', 'Kinerja Desktop')" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert version_info.numeric_version("1.2.3rc1") == (1, 2, 3, 1)
    assert version_info.numeric_version("0.1") == (0, 1, 0, 0)
    # WHEN PyInstaller's own reader parses it (its Windows-only imports stubbed, in a separate process)
    code = textwrap.dedent(
        f"""
        import sys, types
        sys.modules.setdefault("pefile", types.ModuleType("pefile"))
        import PyInstaller.compat as compat
        compat.win32api = getattr(compat, "win32api", None)
        from PyInstaller.utils.win32 import versioninfo
        info = versioninfo.load_version_info_from_text_file({str(path)!r})
        assert info.toRaw()
        print(info.ffi.fileVersionMS, info.ffi.fileVersionLS)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    # THEN it reads the same version
    assert result.returncode == 0, result.stderr
    major, minor, patch, build = version_info.numeric_version(__version__)
    assert result.stdout.split() == [str(major << 16 | minor), str(patch << 16 | build)]
