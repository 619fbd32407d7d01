"""What goes into the bundle (data files) and what the spec leaves out (Qt parts the app never loads).

Kept apart from the spec so that tests can check it without running PyInstaller.

PyInstaller's Qt hooks collect every plugin of a kind (all platforms, image formats, themes…), and each
plugin pulls its libraries in: Wayland, EGLFS, the GTK theme's whole GTK/cairo/pango chain on Linux,
Qml and Quick through some plugins. ``excludes=`` cannot stop that; filtering the TOCs can. The bundle's
``self-test`` proves what is kept is enough (Qt starts offscreen, PDFs print, migrations run).

Kept on purpose: libQt6Pdf and the QtPdf/QtPdfWidgets modules (in-app PDF preview) with libQt6Network,
which libQt6Pdf links to; libQt6DBus on Linux (QtGui links to it); the Windows styles plugin.
"""

from __future__ import annotations

import re
from pathlib import Path

# Data files: the app reads these from disk at run time, so they travel as files, not as Python modules.
# resources/ entire (fonts: ReportLab loads real .ttf paths; logos; icons; translations) and the Alembic
# migrations, which Alembic reads as files from script_location: kinerja_desktop/db/migrate.py finds them
# beside itself, i.e. under sys._MEIPASS in the bundle.
RESOURCES = "resources"
MIGRATIONS = "kinerja_desktop/db/migrations"
MIGRATION_FILES = ("env.py", "script.py.mako", "versions/*.py")


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every data file, relative places as in the source tree."""
    files = []
    for path in sorted((root / RESOURCES).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files.append((str(path), path.parent.relative_to(root).as_posix()))
    for pattern in MIGRATION_FILES:
        for path in sorted((root / MIGRATIONS).glob(pattern)):
            files.append((str(path), path.parent.relative_to(root).as_posix()))
    return files


# Python modules the program never imports at run time, which the analysis would otherwise pull in: setuptools
# and its vendored packages and texts (PyInstaller adds them, with a runtime hook, whenever setuptools is
# installed in the build environment), the build tools themselves, and the stdlib's debugging and test tools
# (reached only from ``if __name__ == "__main__"`` blocks and test modules of the libraries). The spec passes
# them to ``excludes=``; packaging/windows-under-wine.sh checks that none is in the Windows bundle.
DEV_ONLY_MODULES = (
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    "pip",
    "wheel",
    "PyInstaller",
    "unittest",
    "doctest",
    "pdb",
    "pydoc",
    "_pyrepl",
    "xmlrpc",
    # cffi's Python package builds C bindings (and imports distutils to do it); argon2's compiled bindings need only
    # the _cffi_backend extension. Left in, it was analysed on Windows (pywin32-ctypes, under keyring, tries it)
    # and PyInstaller stopped on the excluded distutils; left out, pywin32-ctypes uses ctypes, as before argon2.
    "cffi",
)


def dev_only_modules_in(module_names: list[str]) -> list[str]:
    """The names among ``module_names`` (a bundle's Python modules) that belong to ``DEV_ONLY_MODULES``."""
    return sorted(name for name in module_names if name.split(".")[0] in DEV_ONLY_MODULES)


# Plugins: folder → file stems kept (None = every plugin of that folder). Folders not listed are dropped.
# Stems are compared without the "lib" prefix and the extension, so one table serves Linux (.so),
# Windows (.dll) and macOS (.dylib).
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwindows", "qcocoa", "qoffscreen", "qminimal"},
    "platformthemes": {"qxdgdesktopportal"},  # not qgtk3: it drags in GTK 3 for a look Fusion gives anyway
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "xcbglintegrations": None,
    "styles": None,  # Windows 11 / Windows Vista styles
    "iconengines": {"qsvgicon"},
    "imageformats": {"qico", "qjpeg", "qsvg", "qgif"},
    "printsupport": None,
}

# Qt libraries only the dropped plugins (or unused modules) need.
DROPPED_QT_LIBRARIES = re.compile(
    r"Qt6(Qml|Quick|VirtualKeyboard|Wayland|WlShell|EglFS|EglFs|OpenGL|Multimedia|WebEngine|WebChannel|WebSockets"
    r"|3D|Sql|Test|Designer|Help|Positioning|SerialPort|Charts|Graphs|ShaderTools|Qml|Labs)",
    re.IGNORECASE,
)
# Qt's software OpenGL (Windows): 20 MB, needed only by OpenGL/Quick content, which this widgets app has none of.
DROPPED_FILES = {"opengl32sw.dll"}


def _normal(dest: str) -> str:
    return dest.replace("\\", "/")


def _stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _plugin(dest: str) -> tuple[str, str] | None:
    """(folder, stem) when ``dest`` is a Qt plugin inside PySide6."""
    parts = _normal(dest).split("/")
    if "plugins" not in parts or parts[0] != "PySide6":
        return None
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return None
    return parts[index + 1], _stem(parts[-1])


def keep_binary(dest: str) -> bool:
    """Should the binary at ``dest`` (its path inside the bundle) be kept?"""
    name = _normal(dest).rsplit("/", 1)[-1]
    if name.lower() in DROPPED_FILES:
        return False
    plugin = _plugin(dest)
    if plugin is not None:
        folder, stem = plugin
        if folder not in KEPT_PLUGINS:
            return False
        kept = KEPT_PLUGINS[folder]
        return kept is None or stem in kept
    return not DROPPED_QT_LIBRARIES.search(name)


def keep_data(dest: str) -> bool:
    """Should the data file at ``dest`` be kept? Qt's own translations go: Qt has none in Indonesian."""
    path = _normal(dest)
    if path.startswith("PySide6/") and "/translations/" in path and path.endswith(".qm"):
        return False
    plugin = _plugin(dest)
    if plugin is not None:  # e.g. a plugin's JSON metadata
        return keep_binary(dest)
    return True


def prune_orphan_libraries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: drop shared libraries no kept extension module or plugin links to any more.

    After the GTK theme plugin is gone, GTK, cairo, pango, atk… remain in the TOC as its dependencies.
    ``ldd`` lists each root's dependencies transitively, so one pass over the roots finds all that is needed.
    """
    from PyInstaller.depend.bindepend import get_imports

    def is_root(dest: str, typecode: str) -> bool:
        name = _normal(dest).rsplit("/", 1)[-1]
        return typecode == "EXTENSION" or _plugin(dest) is not None or name.startswith("libpython")

    needed: set[str] = set()
    for dest, source, typecode in binaries:
        if is_root(dest, typecode):
            for name, path in get_imports(source):
                needed.add(name.rsplit("/", 1)[-1])
                if path:
                    needed.add(str(path).rsplit("/", 1)[-1])
    return [
        (dest, source, typecode)
        for dest, source, typecode in binaries
        if is_root(dest, typecode)
        or _normal(dest).rsplit("/", 1)[-1] in needed
        or str(source).rsplit("/", 1)[-1] in needed
    ]
