"""Verbs for backups and field packages: backup, restore, package export, package import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import add_db_option, open_for_command

EXIT_ERROR = 1
EXIT_NOT_CONFIRMED = 2
EXIT_CONFLICTS = 3


def register(verbs: argparse._SubParsersAction) -> None:
    backup = verbs.add_parser("backup", help="membuat berkas cadangan (.kinerja-backup) basis data dan bukti")
    add_db_option(backup)
    backup.add_argument("--out", metavar="FILE", required=True, type=Path, help="berkas cadangan yang dibuat")
    backup.set_defaults(handler=_backup)

    restore = verbs.add_parser("restore", help="memulihkan basis data dari berkas cadangan")
    add_db_option(restore)
    restore.add_argument("file", metavar="FILE", type=Path, help="berkas .kinerja-backup")
    restore.add_argument("--yes", action="store_true", help="pulihkan tanpa bertanya")
    restore.add_argument(
        "--replace-regency",
        action="store_true",
        help="konfirmasi kedua: cadangan pemerintah daerah lain boleh mengganti seluruh data basis data ini",
    )
    restore.set_defaults(handler=_restore)

    package = verbs.add_parser("package", help="paket lapangan: ekspor dan impor data OPD antar-laptop dan Bappeda")
    actions = package.add_subparsers(dest="package_action", metavar="AKSI", title="aksi")
    package.set_defaults(handler=lambda args: _usage(package))

    export = actions.add_parser("export", help="membuat paket (di laptop: paket lapangan; di pusat: paket induk)")
    add_db_option(export)
    export.add_argument("--opd", metavar="CODE", nargs="+", action="extend", default=[], help="kode OPD (SIPD)")
    export.add_argument("--master", action="store_true", help="paket induk untuk menyiapkan atau menyegarkan laptop")
    export.add_argument("--label", default="", help="keterangan paket induk, mis. nama laptop tujuan")
    export.add_argument("--out", metavar="FILE", required=True, type=Path, help="berkas .kinerja-paket yang dibuat")
    export.set_defaults(handler=_export)

    imp = actions.add_parser("import", help="mengimpor paket (paket induk ke basis data kosong menyiapkan laptop)")
    add_db_option(imp)
    imp.add_argument("file", metavar="FILE", type=Path, help="berkas .kinerja-paket")
    imp.add_argument("--dry-run", action="store_true", help="hanya tampilkan apa yang akan berubah")
    imp.add_argument(
        "--prefer", choices=("central", "package"), default=None, help="putuskan semua konflik: nilai pusat atau paket"
    )
    imp.add_argument(
        "--code", default=None, help="kode pendaftaran paket induk (ditampilkan di pusat saat paket dibuat)"
    )
    imp.set_defaults(handler=_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_ERROR


def _fail(exc: Exception) -> int:
    print(f"Galat: {exc}", file=sys.stderr)
    return EXIT_ERROR


def _backup(args: argparse.Namespace) -> int:
    from ..interchange.errors import InterchangeError
    from ..services.backup import create_backup

    database = open_for_command(args)
    try:
        info = create_backup(database, args.out)
    except InterchangeError as exc:
        return _fail(exc)
    finally:
        database.close()
    print(
        f"Cadangan dibuat: {info.path} ({info.total_rows} baris, {info.evidence_files} berkas bukti, {info.size} bita)"
    )
    return 0


def _confirmed(args: argparse.Namespace) -> bool:
    """``--yes``, or "ya" typed at a terminal; prints why not otherwise."""
    if args.yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        print(
            "Pemulihan tidak dijalankan: tidak ada terminal untuk bertanya. Ulangi dengan --yes untuk "
            "memulihkan tanpa bertanya.",
            file=sys.stderr,
        )
        return False
    answer = input("Pulihkan basis data dari cadangan ini? Ketik “ya” untuk melanjutkan: ").strip().lower()
    if answer not in ("ya", "y"):
        print("Pemulihan dibatalkan; basis data tidak diubah.")
        return False
    return True


def _regency_confirmed(args: argparse.Namespace, preview) -> bool:  # noqa: ANN001 - a RestorePreview
    """Another regency's backup: ``--replace-regency``, or this database's regency typed at a terminal."""
    theirs, ours = preview.backup.owner, preview.current_regency_name
    if args.replace_regency:
        return True
    if args.yes or not sys.stdin or not sys.stdin.isatty():
        print(
            f"Pemulihan tidak dijalankan: cadangan ini milik {theirs}, bukan {ours}; seluruh data {ours} akan "
            "diganti. Ulangi dengan --replace-regency bila memang itu yang dimaksud. Basis data tidak diubah.",
            file=sys.stderr,
        )
        return False
    answer = input(f"Seluruh data {ours} akan diganti. Ketik “{ours}” untuk melanjutkan: ")
    if " ".join(answer.split()).casefold() != " ".join(ours.split()).casefold():
        print("Pemulihan dibatalkan; basis data tidak diubah.")
        return False
    return True


def _restore(args: argparse.Namespace) -> int:
    from ..db.errors import DatabaseDamagedError, DatabaseReadOnlyError
    from ..interchange.errors import InterchangeError
    from ..services.backup import preview_restore, restore_backup

    try:
        database = open_for_command(args)
    except DatabaseDamagedError as exc:
        return _recover_damaged(args, Path(exc.path), exc)
    try:
        if database.read_only is not None:
            raise DatabaseReadOnlyError(str(database.path), database.read_only, "Pemulihan")
        preview = preview_restore(database, args.file)
        for line in preview.lines():
            print(line)
        if not _confirmed(args):
            return EXIT_NOT_CONFIRMED
        if preview.other_regency and not _regency_confirmed(args, preview):
            return EXIT_NOT_CONFIRMED
        result = restore_backup(database, args.file, replace_regency=preview.other_regency)
    except InterchangeError as exc:
        return _fail(exc)
    finally:
        database.close()
    print(f"Basis data dipulihkan. Isi sebelumnya disimpan di {result.saved_copy}")
    if result.migrated_from:
        print(f"Skema cadangan diperbarui dari {result.migrated_from}.")
    return 0


def _recover_damaged(args: argparse.Namespace, db_path: Path, damage: Exception) -> int:
    """The target database cannot be opened: put the backup in its place, keeping the damaged file."""
    from datetime import UTC

    from ..interchange.errors import InterchangeError
    from ..services.backup import check_backup, recover_from_backup

    print(f"Peringatan: {damage}", file=sys.stderr)
    try:
        info = check_backup(args.file)
    except InterchangeError as exc:
        return _fail(exc)
    print(f"Berkas cadangan: {info.path.name}")
    made = info.created_at.replace(tzinfo=UTC).astimezone()
    print(f"Dibuat: {made:%d-%m-%Y %H:%M} (Kinerja Desktop {info.app_version}, skema {info.schema_revision})")
    print(f"Pemerintah daerah: {info.regency_name}")
    print(f"Isi: {info.total_rows} baris, {info.evidence_files} berkas bukti")
    print(f"Basis data “{db_path}” yang rusak akan dipindahkan (tidak dihapus) dan diganti isi cadangan ini.")
    if not _confirmed(args):
        return EXIT_NOT_CONFIRMED
    try:
        aside = recover_from_backup(db_path, args.file)
    except (InterchangeError, OSError) as exc:
        return _fail(exc)
    print(f"Basis data dipulihkan dari {info.path.name} ke {db_path}.")
    print(f"Berkas yang rusak disimpan sebagai {aside}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from ..interchange.errors import InterchangeError
    from ..services.sync import export_package

    database = open_for_command(args)
    try:
        result = export_package(database, args.out, opd_codes=args.opd or None, master=args.master, label=args.label)
    except InterchangeError as exc:
        return _fail(exc)
    finally:
        database.close()
    kind = "Paket induk" if result.kind == "induk" else "Paket lapangan"
    print(
        f"{kind} nomor {result.seq} dibuat: {result.path} ({result.total_rows} baris, {result.tombstones} "
        f"penghapusan, {result.evidence_files} berkas bukti)"
    )
    if result.code:
        print(f"Kode pendaftaran: {result.code}")
        print(
            "Berikan kode ini kepada operator laptop (bukan lewat berkas paketnya); kode diketik saat mengimpor "
            "paket dan tidak ditampilkan lagi."
        )
    for warning in result.warnings:
        print(f"Peringatan: {warning}", file=sys.stderr)
    return 0


def _enrolment_code(args: argparse.Namespace, error: Exception) -> str | None:
    """The code of a master package: asked at a terminal when not given with ``--code``; None: say why not."""
    if args.code is not None or not sys.stdin or not sys.stdin.isatty():
        print(f"Galat: {error} Ulangi dengan --code KODE.", file=sys.stderr)
        return None
    return input("Kode pendaftaran paket induk (dari pusat): ").strip()


def _import(args: argparse.Namespace) -> int:
    from ..interchange.errors import EnrolmentCodeError, InterchangeError, UnresolvedConflictsError
    from ..services.sync import import_package, preview_import

    database = open_for_command(args)
    try:
        try:
            preview = preview_import(database, args.file, code=args.code)
        except EnrolmentCodeError as exc:
            args.code = _enrolment_code(args, exc)
            if args.code is None:
                return EXIT_ERROR
            preview = preview_import(database, args.file, code=args.code)
        if args.dry_run or preview.already_imported:
            for line in preview.lines():
                print(line)
            return 0
        try:
            report = import_package(database, args.file, prefer=args.prefer, code=args.code)
        except UnresolvedConflictsError as exc:
            for line in preview.lines():
                print(line)
            print(
                f"Galat: {exc} Ulangi dengan --prefer central atau --prefer package, atau putuskan lewat aplikasi.",
                file=sys.stderr,
            )
            return EXIT_CONFLICTS
    except InterchangeError as exc:
        return _fail(exc)
    finally:
        database.close()
    for line in report.lines():
        print(line)
    return 0
