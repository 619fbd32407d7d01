"""The demo regency: a fictional, deterministic Kabupaten Sukamaju for trying the app, training and tests.

``create_demo(db)`` fills an empty database in one write transaction: the Pemda and its leaders, the RPJMD
2025–2029, 40+ OPDs with their heads, Renstra trees, indicators with yearly and quarterly targets, programs
with pagu, the signed 2025 Perjanjian Kinerja and draft 2026 ones, Pakta Integritas, and quarterly
realisations (2025 complete, 2026 up to Triwulan II with some OPDs late). Same seed, same rows, ids included.

Realistic twists a user will meet: the 2025 PKs were signed before the elected Bupati took office (pihak
kedua is the Pj. Bupati), Dinas Perhubungan is led by a Plt., the head of Dinas Pertanian retired mid-2025,
and Bappeda became Bapperida in September 2025 (its 2025 PK keeps the old name).

Sample data, not a use case: the package uses the services and the database; only the command line, the
self-test, the tests and the benchmarks import it. :mod:`.catalog` holds what the regency is made of,
:mod:`.builder` turns it into rows (with :mod:`.people` and :mod:`.targets`), :mod:`.create` runs it.
"""

from .create import DemoExistsError, DemoSummary, count_rows, create_demo, delete_all

__all__ = ["DemoExistsError", "DemoSummary", "count_rows", "create_demo", "delete_all"]
