"""Writing rows as an aligned table, CSV or JSON for the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")


def add_format_option(parser: Any) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="bentuk keluaran (bawaan: table)")


def write_rows(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    *,
    json_rows: Any = None,
    out: TextIO | None = None,
    right_aligned: Sequence[int] = (),
) -> None:
    """Print ``rows`` under ``headers``; JSON prints ``json_rows`` when given (richer than the table)."""
    out = out or sys.stdout
    if fmt == "json":
        data = json_rows if json_rows is not None else [dict(zip(headers, row, strict=True)) for row in rows]
        json.dump(data, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt == "csv":
        from ..services.csv_files import SafeCsvWriter  # not at load: every verb module imports this one

        writer = SafeCsvWriter(out, delimiter=",", lineterminator="\n")  # formulas in cells neutralised
        writer.writerow(headers)
        writer.writerows(rows)
    else:
        texts = [[str(cell) for cell in row] for row in rows]
        widths = [max([len(h)] + [len(r[i]) for r in texts]) for i, h in enumerate(headers)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                cell.rjust(widths[i]) if i in right_aligned else cell.ljust(widths[i]) for i, cell in enumerate(cells)
            ).rstrip()

        out.write(line(list(headers)) + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for row in texts:
            out.write(line(row) + "\n")
