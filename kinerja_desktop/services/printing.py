"""Printing: every document the app prints, named and written the same way from the GUI and the CLI.

A :class:`Request` says what to print (the CLI builds it from its options, the GUI from what is on screen);
:func:`file_name` is the name its document gets and :func:`write` writes it into a folder (or one document to
a chosen ``.pdf``). The documents' content comes from ``services.documents``. Files are written to a temporary
name in the target folder (``.<name>.<pid>.tmp``) and renamed when complete, so a cancelled or failed run (a full
disk) leaves no half-written PDF and keeps the finished ones; a killed run's temporary files are removed by the
next run into that folder. ReportLab is imported only when something is printed.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.agreement_models import Opd, PerformanceAgreement, Regency  # a PK's print declares no other model
from ..db.database import Database
from ..db.files import check_output_file, check_output_folder, remove_leftovers, storage_error, temporary_path
from ..domain.enums import AgreementKind, AgreementStatus
from ..paths import is_frozen
from ..reports.errors import DocumentLayoutError
from . import documents_read
from .documents import (
    agreement_document,
    agreement_unit_code,
    evaluation_document,
    not_reported_document,
    pact_document,
    ranking_document,
    unit_code,
)
from .errors import FORM, Cancelled, ValidationError
from .progress import CancelCheck, Progress, step

if TYPE_CHECKING:
    from ..db.models import IntegrityPact
    from .printing_verify import Verification

PAPERS = ("a4", "f4")

# The documents, named as the CLI's ``print`` verbs name them.
PK, PACT, EVALUATION, RANKING, NOT_REPORTED = "pk", "pakta", "evaluation", "ranking", "belum-lapor"
# The year's end: the AKIP rapor of each OPD, the best OPDs' certificates, the LKjIP (of the named OPDs, else the
# government's; its .docx is ``write_lkjip``).
RAPOR, PIAGAM, LKJIP = "rapor", "piagam", "lkjip"
DOCUMENTS = (PK, PACT, EVALUATION, RANKING, NOT_REPORTED, RAPOR, PIAGAM, LKJIP)
QUARTERLY = (EVALUATION, RANKING, NOT_REPORTED)
_RENDERERS = {
    PK: "render_agreement",
    PACT: "render_pact",
    EVALUATION: "render_quarter_evaluation",
    RANKING: "render_ranking",
    NOT_REPORTED: "render_not_reported",
    RAPOR: "render_rapor",
    PIAGAM: "render_piagam",
    LKJIP: "render_lkjip",
}


@dataclass(frozen=True)
class Request:
    """What to print: one kind of document of a year (and quarter), for every OPD or the ones named."""

    document: str  # one of DOCUMENTS
    year: int
    quarter: int | None = None  # evaluation, ranking (TW IV when None), belum lapor
    opd_codes: tuple[str, ...] = ()  # SIPD codes or abbreviations; empty: every OPD
    agreement_id: str | None = None  # PK: this version (the one open in the editor) instead of the newest
    paper: str = "a4"
    combined: bool = False  # PK into a folder: also one file PK-<year>-SEMUA.pdf
    level: AgreementKind = AgreementKind.OPD  # PK: the OPDs' (the default), the regional head's own, or "3"/"4"
    dated: date | None = None  # evaluation, ranking, belum lapor: the date printed (default: end of the period)
    verified_only: bool = False  # ranking: only the reports Bappeda verified


@dataclass(frozen=True)
class _Planned:
    """One file of a request: its name, what the progress says, and how to build its document."""

    name: str
    label: str
    build: Callable[[], Any]


# --- file names ----------------------------------------------------------------------------------------


def _opd_name(prefix: str, year: int, opd: Opd | None, version: int = 1) -> str:
    """``PK-2026-DINKES``, ``PK-2026-DINKES-perubahan-1`` (version 2), ``PAKTA-2026-DINKES-2`` (a new head's)."""
    suffix = "" if version == 1 else f"-perubahan-{version - 1}" if prefix == "PK" else f"-{version}"
    return f"{prefix}-{year}-{unit_code(opd.abbreviation if opd else None)}{suffix}"


def _agreement_name(agreement: PerformanceAgreement) -> str:
    """``PK-2026-DINKES``, inside an OPD ``PK-2026-DINKES-KBKM`` (the position's code), ``-perubahan-1`` …"""
    suffix = "" if agreement.version_no == 1 else f"-perubahan-{agreement.version_no - 1}"
    return f"PK-{agreement.year}-{agreement_unit_code(agreement)}{suffix}"


def _agreement_label(agreement: PerformanceAgreement, regency: Regency | None) -> str:
    name = agreement.opd_name or (agreement.opd.name if agreement.opd else regency.full_name if regency else "")
    return f"{agreement.post.name} — {name}" if agreement.kind.is_lower and agreement.post is not None else name


def _quarter(request: Request) -> int:
    if request.document == RANKING and request.quarter is None:
        return 4
    if request.quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", "Triwulan harus 1 sampai 4")
    return request.quarter


def file_name(db: Database, request: Request, suffix: str = ".pdf") -> str:
    """The name of the request's one document (``PK-2026-DINKES.pdf``): the GUI suggests it, a folder gets it."""
    planned = _plan(db, request)
    if len(planned) != 1:
        raise ValidationError.single(FORM, "Nama berkas hanya untuk satu dokumen: sebutkan perangkat daerahnya")
    return planned[0].name + suffix


# --- what a request prints -----------------------------------------------------------------------------


def _plan(db: Database, request: Request) -> list[_Planned]:
    if request.document not in DOCUMENTS:
        raise ValidationError.single("document", f"Dokumen harus salah satu dari: {', '.join(DOCUMENTS)}")
    planners = {
        PK: _plan_agreements,
        PACT: _plan_pacts,
        EVALUATION: _plan_evaluations,
        RANKING: _plan_ranking,
        NOT_REPORTED: _plan_not_reported,
        RAPOR: _plan_year_end,
        PIAGAM: _plan_year_end,
        LKJIP: _plan_lkjip,
    }
    if request.opd_codes:
        request = replace(request, opd_codes=_stored_opd_codes(db, request.opd_codes))
    return planners[request.document](db, request)


def _stored_opd_codes(db: Database, typed: Sequence[str]) -> tuple[str, ...]:
    """Each typed SIPD code or abbreviation as stored ("DINKES" as in the file names finds "Dinkes"); a code
    nobody has is said as such, not as "nothing to print"."""
    with db.read() as session:
        stored = {c.casefold(): c for pair in documents_read.opd_codes(session) for c in pair if c}
    unknown = [code for code in typed if code.strip().casefold() not in stored]
    if unknown:
        names = ", ".join(f"“{code}”" for code in unknown)
        raise ValidationError.single("opd", f"Perangkat daerah {names} tidak ditemukan (kode SIPD atau singkatan)")
    return tuple(stored[code.strip().casefold()] for code in typed)


def _load_agreement(db: Database, agreement_id: str) -> Any:
    with db.read() as session:
        return agreement_document(session, agreement_id)


def _load_pact(db: Database, pact_id: str) -> Any:
    with db.read() as session:
        return pact_document(session, pact_id)


def _plan_agreements(db: Database, request: Request) -> list[_Planned]:
    """The given version, or the newest not discarded version of each PK of the request's level for the year
    (every OPD's, or the regional head's own)."""
    with db.read() as session:  # Core selects (services.documents_read): a PK's print configures no mapper
        if request.agreement_id is not None:
            one = documents_read.agreement(session, request.agreement_id)
            if one is None:
                raise ValidationError.single(FORM, "Perjanjian Kinerja tidak ditemukan")
            agreements = [one]
        else:
            newest: dict[str, Any] = {}
            for agreement in documents_read.agreements(
                session, request.year, request.level, request.opd_codes, AgreementStatus.DISCARDED
            ):  # inside an OPD: per position
                newest[agreement.position_id if agreement.kind.is_lower else agreement.opd_id or ""] = agreement
            agreements = list(newest.values())
        regency = documents_read.regency(session)
        planned = [
            _Planned(
                _agreement_name(a),
                _agreement_label(a, regency),
                partial(_load_agreement, db, a.id),
            )
            for a in agreements
        ]
    if not planned:
        whose = {AgreementKind.REGIONAL: "kepala daerah ", AgreementKind.ESELON_III: "eselon III ",
                 AgreementKind.ESELON_IV: "eselon IV "}.get(request.level, "")
        raise ValidationError.single(FORM, f"Tidak ada Perjanjian Kinerja {whose}tahun {request.year} untuk dicetak")
    return planned


def _pact_version(pact: IntegrityPact) -> int:
    """The version frozen in the Pakta's identity (2 for the one a new head signs later in the year)."""
    found = re.search(r"-v(\d+)$", pact.document_code or "")
    return int(found.group(1)) if found else 1


def _plan_pacts(db: Database, request: Request) -> list[_Planned]:
    from ..db.models import IntegrityPact

    with db.read() as session:
        query = (
            select(IntegrityPact, Opd)
            .join(Opd, IntegrityPact.opd_id == Opd.id)
            .where(IntegrityPact.year == request.year)
            .order_by(Opd.sort_order, Opd.code, IntegrityPact.sign_date)
        )
        planned = [
            _Planned(
                _opd_name("PAKTA", request.year, opd, _pact_version(pact)),
                pact.institution,
                partial(_load_pact, db, pact.id),
            )
            for pact, opd in session.execute(documents_read.of_opds(query, request.opd_codes))
        ]
    if not planned:
        raise ValidationError.single(FORM, f"Tidak ada Pakta Integritas tahun {request.year} untuk dicetak")
    return planned


def _plan_evaluations(db: Database, request: Request) -> list[_Planned]:
    from . import evaluation  # not imported by printing a PK (start-up, issue 20)

    quarter = _quarter(request)
    results = evaluation.evaluate_quarter(db, request.year, quarter)
    if request.opd_codes:
        results = [r for r in results if r.opd_code in request.opd_codes or r.opd_abbreviation in request.opd_codes]
    if not results:
        raise ValidationError.single(FORM, f"Tidak ada PK {request.year} yang ditandatangani untuk dievaluasi")
    return [
        _Planned(
            f"EVALUASI-{request.year}-TW{quarter}-{unit_code(r.opd_abbreviation)}",
            r.opd_name,
            partial(evaluation_document, db, r, request.dated),
        )
        for r in results
    ]


def _plan_ranking(db: Database, request: Request) -> list[_Planned]:
    from . import evaluation  # not imported by printing a PK (start-up, issue 20)

    quarter = _quarter(request)

    def build() -> Any:
        # The frozen snapshot once the quarter is closed, else computed live: services.evaluation decides.
        ranking = evaluation.ranking(db, request.year, quarter, verified_only=request.verified_only)
        return ranking_document(db, ranking, request.dated, verified_only=request.verified_only)

    name = f"PERINGKAT-{request.year}-TW{quarter}" + ("-TERVERIFIKASI" if request.verified_only else "")
    return [_Planned(name, "Peringkat Kinerja Perangkat Daerah", build)]


def _plan_not_reported(db: Database, request: Request) -> list[_Planned]:
    from . import evaluation  # not imported by printing a PK (start-up, issue 20)

    quarter = _quarter(request)
    evaluations = evaluation.evaluate_quarter(db, request.year, quarter)
    if not evaluations:
        raise ValidationError.single(FORM, f"Tidak ada PK {request.year} yang ditandatangani untuk dievaluasi")
    return [
        _Planned(
            f"BELUM-LAPOR-{request.year}-TW{quarter}",
            "Daftar perangkat daerah belum lapor",
            partial(not_reported_document, db, request.year, quarter, evaluations, request.dated),
        )
    ]


def _plan_year_end(db: Database, request: Request) -> list[_Planned]:
    """RAPOR: every evaluated OPD (or the ones named); PIAGAM: the best ``award_count`` by AKIP score."""
    from .akip_documents import piagam_document, rapor_document
    from .akip_ranking import annual_ranking

    ranking = annual_ranking(db, request.year)
    rows = [r for r in ranking.rows if r.akip_score is not None]
    if request.document == PIAGAM:
        rows = ranking.winners()
    if request.opd_codes:
        rows = [r for r in rows if r.opd_code in request.opd_codes or r.opd_abbreviation in request.opd_codes]
    if not rows:
        raise ValidationError.single(FORM, f"Tidak ada hasil evaluasi AKIP tahun {request.year} untuk dicetak")
    prefix, build = ("PIAGAM", piagam_document) if request.document == PIAGAM else ("RAPOR-AKIP", rapor_document)
    return [
        _Planned(f"{prefix}-{request.year}-{unit_code(r.opd_abbreviation)}", r.opd_name,
                 partial(build, db, ranking, r.opd_id, request.dated))
        for r in rows
    ]


def _plan_lkjip(db: Database, request: Request) -> list[_Planned]:
    from .lkjip import lkjip_document

    codes: tuple[str | None, ...] = request.opd_codes or (None,)
    return [
        _Planned(f"LKJIP-{request.year}-{unit_code(code)}", f"LKjIP {code or 'pemerintah daerah'} {request.year}",
                 partial(lkjip_document, db, request.year, code, request.dated))
        for code in codes
    ]


def verify_pdf(db: Database, path: Path) -> Verification:
    """Whether a printed PDF is ours and unchanged (``services.printing_verify``, imported when asked)."""
    from .printing_verify import verify_pdf as verify

    return verify(db, path)


# --- writing files -------------------------------------------------------------------------------------


def renderer(document: str) -> Callable:
    """The function that renders a kind of document (importing ReportLab and its module on first use)."""
    from .. import reports

    if document not in _RENDERERS:
        raise ValidationError.single("document", f"Dokumen harus salah satu dari: {', '.join(DOCUMENTS)}")
    return getattr(reports, _RENDERERS[document])


def write(
    db: Database,
    request: Request,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Path]:
    """Write the request's documents into the folder ``out``, each under its :func:`file_name`.

    ``out`` may instead be a ``.pdf`` path when the request prints one document. ``cancelled`` is checked
    between files (files already finished stay); ``progress`` hears ``(files done, files, message)``.
    """
    if request.paper not in PAPERS:
        raise ValidationError.single("paper", f"Ukuran kertas harus salah satu dari: {', '.join(PAPERS)}")
    one_file = out.suffix.lower() == ".pdf"
    if one_file:
        check_output_file(out, db.path)
    else:
        check_output_folder(out, db.path)
    planned = _plan(db, request)
    render = renderer(request.document)
    written: list[Path] = []
    if one_file:
        if len(planned) != 1:
            raise ValidationError.single(
                "out", "Satu berkas .pdf hanya untuk satu dokumen: sebutkan perangkat daerahnya, atau pilih folder"
            )
        with _file_errors(out.parent, written):
            out.parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(out.parent)
            return [_laid_out(planned[0], partial(_write_to, render, out, request.paper))]
    total = len(planned)
    with _file_errors(out, written):
        out.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out)
        workers = pool_workers(total)
        if workers > 1:
            _write_pooled(planned, render, out, request.paper, workers, written, progress, cancelled)
        for number, item in enumerate(planned[len(written) :], start=len(written) + 1):
            if cancelled is not None and cancelled():
                raise Cancelled(f"Pencetakan dibatalkan; {len(written)} berkas telah selesai")
            step(progress, None, number - 1, total, f"Mencetak {number} dari {total}: {item.label}")
            written.append(_laid_out(item, partial(_write_to, render, out / f"{item.name}.pdf", request.paper)))
        if request.combined and request.document == PK:
            written.append(_combine(written, out / f"PK-{request.year}-SEMUA.pdf"))
    step(progress, None, total, total, f"{total} berkas selesai")
    return written


# A batch of at least this many documents is rendered by worker processes, one per idle core (at most POOL_MAX):
# below it, starting them costs more than it saves. On a machine whose cores are busy already, workers only share
# the same cores, so the pool is used only where cores are idle right now (benchmarks/printing.py).
POOL_MIN_DOCUMENTS = 12
POOL_MAX = 4
IDLE_SAMPLE_SECONDS = 0.05  # how long /proc/stat is watched to count the idle cores


def pool_workers(documents: int) -> int:
    """How many processes render a batch of ``documents`` (1: this one, no pool). ``KINERJA_PRINT_PROCESSES``
    sets it (the tests and benchmarks compare both ways).

    The bundled program (PyInstaller, Linux and Windows) always prints in one process: the bundle leaves
    ``multiprocessing`` out (packaging/kinerja-desktop.spec), and spawned workers re-entering a frozen program are
    not proven there."""
    if is_frozen():
        return 1
    chosen = os.environ.get("KINERJA_PRINT_PROCESSES", "")
    if chosen.isdigit():
        return max(1, int(chosen))
    if documents < POOL_MIN_DOCUMENTS:
        return 1
    idle = _idle_cores()
    if idle is None:
        return 1  # Windows has no load average: one process, unless KINERJA_PRINT_PROCESSES asks for more
    return max(1, min(round(idle), POOL_MAX, documents // 4))


def _idle_cores() -> float | None:
    """How many cores are idle now: on Linux measured from /proc/stat over a twentieth of a second (a load
    average would count this process's own printing of a minute ago as load); elsewhere the cores less the
    load average; None where neither is known (Windows)."""
    cores = os.cpu_count() or 1
    sampled = _sampled_idle_share()
    if sampled is not None:
        return cores * sampled
    try:
        return cores - os.getloadavg()[0]  # runnable processes, averaged over the last minute
    except (AttributeError, OSError):
        return None


def _sampled_idle_share() -> float | None:
    """The share of CPU time spent idle over IDLE_SAMPLE_SECONDS (Linux), else None."""
    import time

    def ticks() -> list[int]:
        with open("/proc/stat", encoding="ascii") as stat:
            return [int(n) for n in stat.readline().split()[1:9]]  # user nice system idle iowait irq softirq steal

    try:
        before = ticks()
        time.sleep(IDLE_SAMPLE_SECONDS)
        after = ticks()
    except (OSError, ValueError):
        return None
    spent = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(spent)
    return (spent[3] + spent[4]) / total if total > 0 else None


def _start_method() -> str:
    """How the pool's workers start. ``fork`` where it is safe (Linux, no Qt loaded, no other thread): a worker
    is then a copy of this process with ReportLab, the fonts and the renderer already loaded, ready at once.
    Beside Qt (the GUI) a forked copy could inherit a lock another thread holds, so there the workers come from
    a ``forkserver`` (POSIX): one fresh process per session that loads the renderer once and forks each worker.
    ``spawn`` elsewhere (each worker starts a new interpreter)."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    qt = any(name.startswith("PySide6") for name in sys.modules)
    if sys.platform.startswith("linux") and "fork" in methods and not qt and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _write_pooled(
    planned: list[_Planned],
    render: Callable,
    out: Path,
    paper: str,
    workers: int,
    written: list[Path],
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> None:
    """Build the documents here (they read the database) and render them in ``workers`` processes, in order.

    The same files as one at a time (``tests/services/test_printing_pool.py``): each worker runs the same
    :func:`_write`. Cancelling stops the queue; the files already finished stay, as one at a time.
    """
    import gc
    import multiprocessing

    from ..reports.fonts import read_fonts

    method = _start_method()
    context = multiprocessing.get_context(method)
    frozen_before = gc.get_freeze_count()  # the print verb froze its imports: those stay frozen
    if method == "fork":
        read_fonts()  # once here: every forked worker has them
        # What this process holds now is left out of the workers' collections (their full passes were ≈ 7 % of a
        # PK) and their pages stay shared with this process (Python's advice for fork without exec).
        gc.freeze()
    elif method == "forkserver":
        context.set_forkserver_preload([render.__module__, "kinerja_desktop.services.printing"])
    try:
        _render_in_pool(planned, render, out, paper, workers, context, written, progress, cancelled)
    finally:
        if method == "fork" and not frozen_before:
            gc.unfreeze()


def _render_in_pool(
    planned: list[_Planned],
    render: Callable,
    out: Path,
    paper: str,
    workers: int,
    context: Any,
    written: list[Path],
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    total = len(planned)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        queued = []
        try:
            for item in planned:
                if cancelled is not None and cancelled():
                    raise Cancelled(f"Pencetakan dibatalkan; {len(written)} berkas telah selesai")
                with _layout_named(item):
                    document = item.build()
                queued.append(pool.submit(_write, render, document, out / f"{item.name}.pdf", paper))
            for number, (item, future) in enumerate(zip(planned, queued, strict=True), start=1):
                step(progress, None, number - 1, total, f"Mencetak {number} dari {total}: {item.label}")
                if cancelled is not None and cancelled():
                    raise Cancelled(f"Pencetakan dibatalkan; {len(written)} berkas telah selesai")
                with _layout_named(item):
                    written.append(future.result())
        except BaseException:
            for future in queued:
                future.cancel()
            raise


@contextmanager
def _file_errors(folder: Path, written: list[Path]) -> Iterator[None]:
    """A full disk or a read-only folder while printing: said in Indonesian, naming the files kept so far."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        kept = f" {len(written)} berkas PDF yang sudah selesai tetap tersimpan di “{folder}”." if written else ""
        error = storage_error(exc, folder, "mencetak", f"Berkas yang belum selesai dihapus.{kept}")
        if error is None:
            raise
        raise error from exc


def _laid_out(item: _Planned, write_document: Callable[[Any], Path]) -> Path:
    """Build and write one document; a layout that cannot be made is said in Indonesian, naming it."""
    with _layout_named(item):
        return write_document(item.build())


@contextmanager
def _layout_named(item: _Planned) -> Iterator[None]:
    try:
        yield
    except DocumentLayoutError as exc:
        raise ValidationError.single(FORM, f"{item.label} tidak dapat dicetak: {exc}") from exc


def _write_to(render: Callable, target: Path, paper: str, document: object) -> Path:
    return _write(render, document, target, paper)


def _write(render: Callable, document: object, target: Path, paper: str) -> Path:  # noqa: ANN001
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(target)
    try:
        render(document, temporary, paper)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _combine(files: list[Path], target: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for path in files:
        writer.append(str(path))
    temporary = temporary_path(target)
    try:
        with open(temporary, "wb") as handle:
            writer.write(handle)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def write_not_reported_csv(db: Database, year: int, quarter: int, out: Path) -> Path:
    """The belum-lapor list as CSV (semicolons, UTF-8 with BOM: Excel in Indonesia reads it as it is)."""
    from .csv_files import write_csv

    document = _plan_not_reported(db, Request(NOT_REPORTED, year, quarter))[0].build()
    check_output_file(out, db.path)
    header = ("No", "Kode", "Singkatan", "Perangkat Daerah", "Jumlah indikator")
    rows = [(n, r.code, r.abbreviation, r.name, r.indicators) for n, r in enumerate(document.rows, start=1)]
    return write_csv(out, header, rows)


LKJIP_FORMATS = ("docx", "pdf")


def write_lkjip(db: Database, year: int, out: Path, *, opd_code: str | None = None, fmt: str = "docx",
                paper: str = "a4", dated: date | None = None) -> Path:
    """The LKjIP of an OPD (or of the government) as one .docx or .pdf file ``out``."""
    from .. import reports

    if fmt not in LKJIP_FORMATS:
        raise ValidationError.single("format", f"Bentuk LKjIP harus salah satu dari: {', '.join(LKJIP_FORMATS)}")
    if paper not in PAPERS:
        raise ValidationError.single("paper", f"Ukuran kertas harus salah satu dari: {', '.join(PAPERS)}")
    if out.suffix.lower() != f".{fmt}":
        raise ValidationError.single("out", f"Berkas LKjIP bentuk {fmt} harus berakhiran .{fmt}")
    check_output_file(out, db.path)
    [item] = _plan_lkjip(db, Request(LKJIP, year, opd_codes=(opd_code,) if opd_code else (), dated=dated))
    render = reports.render_lkjip_docx if fmt == "docx" else reports.render_lkjip
    written: list[Path] = []
    with _file_errors(out.parent, written):
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out.parent)
        return _laid_out(item, partial(_write_to, render, out, paper))


# --- shorthands (the self-test's, the benchmarks' and the tests' calls) ---------------------------------


def print_agreement(db: Database, agreement_id: str, out: Path, paper: str = "a4") -> Path:
    """Write one version of a PK to ``out`` (a ``.pdf`` file, or a folder where its name is chosen)."""
    with db.read() as session:
        agreement = session.get(PerformanceAgreement, agreement_id)
        year = agreement.year if agreement is not None else 0
    return write(db, Request(PK, year, agreement_id=agreement_id, paper=paper), out)[0]


def print_agreements(
    db: Database,
    year: int,
    out_dir: Path,
    paper: str = "a4",
    *,
    opd_codes: list[str] | None = None,
    combined: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Path]:
    """One PDF per OPD (its current version) into ``out_dir``, and optionally one combined file."""
    request = Request(PK, year, opd_codes=tuple(opd_codes or ()), paper=paper, combined=combined)
    return write(db, request, out_dir, progress=progress, cancelled=cancelled)


def print_pacts(
    db: Database,
    year: int,
    out: Path,
    paper: str = "a4",
    *,
    opd_codes: list[str] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Path]:
    request = Request(PACT, year, opd_codes=tuple(opd_codes or ()), paper=paper)
    return write(db, request, out, progress=progress, cancelled=cancelled)
