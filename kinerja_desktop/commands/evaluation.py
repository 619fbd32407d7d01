"""``evaluate``: the ranking of OPDs for a quarter, with each OPD's indicators in JSON; ``--annual``: the year's
ranking by AKIP score (the Inspektorat's LKE) beside the year's capaian score, both labelled."""

from __future__ import annotations

import argparse

from . import add_db_option, open_for_command
from .output import add_format_option, write_rows


def register(verbs: argparse._SubParsersAction) -> None:
    evaluate = verbs.add_parser(
        "evaluate", help="peringkat kinerja perangkat daerah untuk satu triwulan, atau tahunan (nilai AKIP)")
    add_db_option(evaluate)
    evaluate.add_argument("--year", type=int, required=True, help="tahun")
    when = evaluate.add_mutually_exclusive_group(required=True)
    when.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan (1–4)")
    when.add_argument("--annual", action="store_true",
                      help="peringkat tahunan: nilai AKIP (LKE Inspektorat) di samping nilai capaian tahun itu")
    evaluate.add_argument("--verified-only", action="store_true",
                          help="hanya laporan yang sudah diverifikasi Bappeda (yang sementara tidak diperingkat)")
    add_format_option(evaluate)
    evaluate.set_defaults(handler=_evaluate)


def _text(value) -> str:  # noqa: ANN001
    from ..domain.formatting import format_number

    return format_number(value, 2, empty="-")


def _machine(value) -> str | None:  # noqa: ANN001
    from ..domain import round_percent

    return None if value is None else str(round_percent(value))


def _evaluate(args: argparse.Namespace) -> int:
    if args.annual:
        return _annual(args)
    from ..services import evaluation

    database = open_for_command(args)
    try:
        ranking = evaluation.ranking(database, args.year, args.quarter, verified_only=args.verified_only)
        details = evaluation.evaluate_quarter(database, args.year, args.quarter) if args.format == "json" else []
    finally:
        database.close()
    machine = args.format != "table"
    show = _machine if machine else _text
    headers = ["peringkat", "kode", "perangkat_daerah", "nilai", "predikat", "serapan", "efisiensi", "terverifikasi",
               "catatan"]
    rows = [
        [
            r.rank if r.rank is not None else "-",
            r.opd_code,
            r.opd_name,
            show(r.score),
            r.predicate or "-",
            show(r.absorption),
            r.efficiency or "-",
            r.verified if machine else ("ya" if r.verified else "sementara" if r.reported else "-"),
            r.note,
        ]
        for r in ranking.rows
    ]
    json_rows = None
    if args.format == "json":
        by_id = {e.opd_id: e for e in details}
        json_rows = {
            "tahun": args.year,
            "triwulan": args.quarter,
            "ditutup": ranking.closed_at.isoformat() if ranking.closed_at else None,
            "hanya_terverifikasi": args.verified_only,
            "peringkat": [
                {
                    "peringkat": r.rank,
                    "kode": r.opd_code,
                    "perangkat_daerah": r.opd_name,
                    "nilai": _machine(r.score),
                    "predikat": r.predicate,
                    "serapan": _machine(r.absorption),
                    "efisiensi": r.efficiency,
                    "terverifikasi": r.verified,
                    "catatan": r.note,
                    "indikator": [
                        {
                            "indikator": i.name,
                            "satuan": i.unit,
                            "target_tahunan": None if i.yearly_target is None else str(i.yearly_target),
                            "target_sd_triwulan": None if i.target_to_date is None else str(i.target_to_date),
                            "realisasi_sd_triwulan": None
                            if i.realization_to_date is None
                            else str(i.realization_to_date),
                            "capaian": _machine(i.capaian),
                            "progres_tahunan": _machine(i.progress),
                            "status": i.state,
                        }
                        for i in (by_id[r.opd_id].indicators if r.opd_id in by_id else ())
                    ],
                }
                for r in ranking.rows
            ],
        }
    if args.format == "table":
        closed = (
            f" (ditutup {ranking.closed_at:%d-%m-%Y})" if ranking.closed_at else " (sementara, triwulan belum ditutup)"
        )
        only = ", hanya laporan terverifikasi" if args.verified_only else ""
        print(f"Peringkat kinerja perangkat daerah — Triwulan {args.quarter} Tahun {args.year}{closed}{only}")
    write_rows(headers, rows, args.format, json_rows=json_rows, right_aligned=(0, 3, 5))
    return 0


def _annual(args: argparse.Namespace) -> int:
    from ..services.akip_ranking import annual_ranking

    database = open_for_command(args)
    try:
        ranking = annual_ranking(database, args.year)
    finally:
        database.close()
    machine = args.format != "table"
    show = _machine if machine else _text
    headers = ["peringkat", "kode", "perangkat_daerah", "nilai_akip", "predikat_akip", "nilai_capaian",
               "predikat_capaian", "peringkat_capaian", "penghargaan", "catatan"]
    rows = [
        [
            r.rank if r.rank is not None else "-",
            r.opd_code,
            r.opd_name,
            show(r.akip_score),
            r.akip_grade or "-",
            show(r.capaian_score),
            r.capaian_predicate or "-",
            r.capaian_rank if r.capaian_rank is not None else "-",
            "ya" if r in ranking.winners() else "",
            r.note,
        ]
        for r in ranking.rows
    ]
    json_rows = None
    if args.format == "json":
        winners = ranking.winners()
        json_rows = {
            "tahun": args.year,
            "jumlah_penghargaan": ranking.award_count,
            "capaian_final": ranking.capaian_closed,
            "peringkat": [
                {
                    "peringkat": r.rank,
                    "kode": r.opd_code,
                    "perangkat_daerah": r.opd_name,
                    "nilai_akip": _machine(r.akip_score),
                    "predikat_akip": r.akip_grade,
                    "status_lke": None if r.akip_status is None else r.akip_status.value,
                    "nilai_capaian": _machine(r.capaian_score),
                    "predikat_capaian": r.capaian_predicate,
                    "peringkat_capaian": r.capaian_rank,
                    "penghargaan": r in winners,
                    "catatan": r.note,
                }
                for r in ranking.rows
            ],
        }
    if args.format == "table":
        state = "" if ranking.capaian_closed else "; nilai capaian sementara, Triwulan IV belum ditutup"
        print(f"Peringkat tahunan perangkat daerah — Tahun {args.year}: nilai AKIP (LKE Inspektorat) dan "
              f"nilai capaian kinerja{state}")
    write_rows(headers, rows, args.format, json_rows=json_rows, right_aligned=(0, 3, 5, 7))
    return 0
