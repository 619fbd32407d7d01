"""The demo's cascade (pohon kinerja) inside two OPDs: Dinas Kesehatan and the first kecamatan.

Positions under the head with their holders since before 2025, sasaran program and sasaran kegiatan with
indicators supporting the Renstra's, the kegiatan and sub kegiatan they carry, and the eselon III and IV PKs of
2025 signed a few days after the OPDs' own; a staff post with its individual target (its SKP). Some of the
Renstra stays unsupported (Dinkes' stunting sasaran) and the Sekretariat's sasaran supports no Renstra sasaran,
so the alignment check has something to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..db.models import Goal, GoalProgram, Indicator, Position, PositionHolder, Program, head_position_id
from ..domain.enums import AgreementStatus, GoalKind, GoalLevel, PositionLevel, ProgramLevel
from ..services.agreements import build_lower
from . import catalog as cat
from . import dpa


@dataclass(frozen=True)
class PostSpec:
    """A position under the head, its holder's background and the one sasaran it answers for."""

    key: str
    name: str
    level: PositionLevel
    superior: str  # "" for the head
    titles: str
    statement: str
    supports: int | str  # a Renstra sasaran (1-based) or the superior's sasaran ("up"); 0: none
    indicators: tuple[tuple[cat.IndicatorSpec, int], ...]  # with the supported sasaran's indicator (1-based)
    programs: tuple[str, ...]  # codes of the program, kegiatan or sub kegiatan carried


III, IV, STAFF = PositionLevel.ESELON_III, PositionLevel.ESELON_IV, PositionLevel.STAFF
ind = cat.ind

DINKES: tuple[PostSpec, ...] = (
    PostSpec("sek", "Sekretaris", III, "", "kesmas",
             "Meningkatnya kualitas tata kelola dan akuntabilitas kinerja Dinas Kesehatan", 0,
             ((ind("Nilai evaluasi SAKIP Dinas Kesehatan", "nilai", "+last", "68.50", "70.00", "75.00"), 0),),
             ("1.02.01", "1.02.01.2.01", "1.02.01.2.02")),
    PostSpec("keu", "Kepala Sub Bagian Perencanaan dan Keuangan", IV, "sek", "ekonomi",
             "Tersusunnya dokumen perencanaan dan laporan keuangan tepat waktu", "up",
             ((ind("Persentase dokumen perencanaan dan laporan keuangan yang tepat waktu", "%", "+last", "85.00",
                   "90.00", "100.00"), 1),),
             ("1.02.01.2.01.0001", "1.02.01.2.01.0007", "1.02.01.2.02.0005")),
    PostSpec("kesmas", "Kepala Bidang Kesehatan Masyarakat", III, "", "kesmas",
             "Meningkatnya pelayanan kesehatan ibu, bayi dan balita", 1,
             ((ind("Persentase ibu hamil mendapat pelayanan antenatal sesuai standar", "%", "+ytd", "88.00",
                   "90.00", "98.00"), 1),
              (ind("Persentase persalinan di fasilitas pelayanan kesehatan", "%", "+ytd", "91.00", "93.00",
                   "99.00"), 1),
              (ind("Persentase balita mendapat pelayanan kesehatan sesuai standar", "%", "+ytd", "84.00", "86.00",
                   "95.00"), 2)),
             ("1.02.02", "1.02.02.2.02")),
    PostSpec("kesga", "Kepala Seksi Kesehatan Keluarga", IV, "kesmas", "kesmas",
             "Meningkatnya cakupan pelayanan ibu hamil dan ibu bersalin", "up",
             ((ind("Cakupan kunjungan antenatal K6", "%", "+ytd", "82.00", "85.00", "95.00"), 1),
              (ind("Cakupan persalinan ditolong tenaga kesehatan", "%", "+ytd", "93.00", "94.00", "99.00"), 2)),
             ("1.02.02.2.02.0001", "1.02.02.2.02.0002")),
    PostSpec("bumil", "Pengelola Program Kesehatan Ibu", STAFF, "kesga", "kesmas",
             "Terpantaunya kohort ibu hamil seluruh puskesmas", "up",
             ((ind("Persentase puskesmas yang melaporkan kohort ibu hamil tepat waktu", "%", "+avg", "80.00", "85.00",
                   "100.00"), 1),),
             ()),
    PostSpec("gizi", "Kepala Seksi Kesehatan Balita dan Gizi", IV, "kesmas", "kesmas",
             "Meningkatnya pelayanan kesehatan dan gizi balita", "up",
             ((ind("Persentase balita ditimbang (D/S)", "%", "+avg", "78.00", "80.00", "90.00"), 3),),
             ("1.02.02.2.02.0004", "1.02.02.2.02.0017")),
    PostSpec("yankes", "Kepala Bidang Pelayanan Kesehatan", III, "", "dokter",
             "Meningkatnya mutu fasilitas pelayanan kesehatan dasar", 3,
             ((ind("Persentase puskesmas yang memenuhi standar sarana, prasarana dan alat kesehatan", "%", "+last",
                   "45.00", "50.00", "80.00"), 2),),
             ("1.02.02", "1.02.02.2.01")),
    PostSpec("alkes", "Kepala Seksi Fasilitas Pelayanan Kesehatan", IV, "yankes", "teknik",
             "Terpenuhinya alat kesehatan puskesmas sesuai standar", "up",
             ((ind("Persentase puskesmas dengan alat kesehatan lengkap", "%", "+last", "40.00", "45.00", "80.00"),
               1),),
             ("1.02.02.2.01.0014", "1.02.02.2.01.0020")),
)

KECAMATAN: tuple[PostSpec, ...] = (
    PostSpec("sekcam", "Sekretaris Camat", III, "", "pemerintahan",
             "Meningkatnya kualitas pelayanan administrasi kecamatan", 1,
             ((ind("Persentase layanan administrasi kecamatan selesai sesuai SOP", "%", "+avg", "88.00", "90.00",
                   "98.00"), 2),),
             ("7.01.01", "7.01.01.2.01", "7.01.01.2.06")),
    PostSpec("umum", "Kepala Sub Bagian Umum dan Kepegawaian", IV, "sekcam", "umum",
             "Tertibnya administrasi umum dan kepegawaian kecamatan", "up",
             ((ind("Persentase dokumen administrasi umum yang selesai tepat waktu", "%", "+avg", "86.00", "90.00",
                   "100.00"), 1),),
             ("7.01.01.2.06.0009",)),
    PostSpec("pem", "Kepala Seksi Pemerintahan", IV, "", "pemerintahan",
             "Meningkatnya tertib administrasi pemerintahan desa", 2,
             ((ind("Persentase desa yang Peraturan Desa tentang APBDes-nya difasilitasi tepat waktu", "%", "+flat",
                   "85.00", "88.00", "100.00"), 1),),
             ("7.01.06.2.01.0001",)),
    PostSpec("trantib", "Kepala Seksi Ketenteraman dan Ketertiban Umum", IV, "", "hukum",
             "Meningkatnya ketenteraman dan ketertiban umum di wilayah kecamatan", 2,
             ((ind("Persentase laporan gangguan trantibum yang ditindaklanjuti", "%", "+avg", "90.00", "92.00",
                   "98.00"), 3),),
             ("7.01.02.2.01.0001",)),
)
# The kecamatan's kegiatan and sub kegiatan (the DPA catalogue has none for kecamatan).
KECAMATAN_ACTIVITIES: dict[str, tuple[dpa.Activity, ...]] = {
    "7.01.01": (
        dpa.act("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 120,
                dpa.act("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 1000)),
        dpa.act("2.06", "Administrasi Umum Perangkat Daerah", 880,
                dpa.act("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 1000)),
    ),
    "7.01.02": (
        dpa.act("2.01", "Koordinasi Penyelenggaraan Ketenteraman dan Ketertiban Umum", 1000,
                dpa.act("0001", "Sinergitas dengan Kepolisian, TNI dan Instansi Vertikal di Wilayah Kecamatan",
                        1000)),
    ),
    "7.01.06": (
        dpa.act("2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", 1000,
                dpa.act("0001", "Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa", 1000)),
    ),
}
CODES = {GoalLevel.PROGRAM: "SP", GoalLevel.ACTIVITY: "SK", GoalLevel.INDIVIDUAL: "SI"}
SIGN_DATE = date(2025, 2, 3)  # the PKs inside the OPDs, a week after the OPDs' own
GRADES = {III: ("III/d", "IV/a"), IV: ("III/b", "III/c", "III/d"), STAFF: ("III/a", "III/b")}


def add_cascade(builder: Any) -> None:  # a DemoBuilder (which imports this module)
    """The two OPDs' cascades, with their eselon III and IV PKs of 2025 signed (final here; signed by the
    builder's signing of 2025)."""
    kecamatan = next(b for b in builder.built if b.spec.kind.value == "kecamatan")
    dinkes = next(b for b in builder.built if b.spec.abbreviation == "Dinkes")
    for item in (kecamatan,):
        for program in item.programs:
            activities = KECAMATAN_ACTIVITIES.get(program.code)
            if activities:
                builder._add_level(program, builder.pagu[program.id], activities, ProgramLevel.ACTIVITY)
    builder.session.flush()
    for item, posts in ((dinkes, DINKES), (kecamatan, KECAMATAN)):
        _add_posts(builder, item, posts)


def _add_posts(builder: Any, item: Any, posts: tuple[PostSpec, ...]) -> None:
    session = builder.session
    programs = {p.code: p for p in session.query(Program).filter(Program.opd_id == item.opd.id)}
    period_id = item.sasaran[0][0].period_id
    made: dict[str, tuple[Position, Goal, list[Indicator]]] = {}
    head_id = head_position_id(item.opd.id)
    for order, spec in enumerate(posts, start=1):
        superior = made[spec.superior][0].id if spec.superior else head_id
        post = builder.add(Position(opd_id=item.opd.id, name=spec.name, level=spec.level, parent_id=superior,
                                    sort_order=order, is_active=True))
        official = builder.official(spec.titles, GRADES[spec.level], (1975, 1990), senior=False)
        start = date(builder.rng.randint(2019, 2024), builder.rng.randint(1, 12), builder.rng.choice((2, 8, 15)))
        builder.add(PositionHolder(position_id=post.id, official_id=official.id, position=spec.name,
                                   start_date=start))
        session.flush()  # the position before the rows that name it (no relationship orders them)
        if spec.supports == "up":
            upper_goal, upper_indicators = made[spec.superior][1], made[spec.superior][2]
        elif spec.supports:
            upper_goal, upper = item.sasaran[int(spec.supports) - 1]
            upper_indicators = [indicator for indicator, _ in upper]
        else:
            upper_goal, upper_indicators = None, []
        level = spec.level.goal_level
        goal = builder.add(Goal(period_id=period_id, level=level, kind=GoalKind.TARGET, opd_id=item.opd.id,
                                supports_id=upper_goal.id if upper_goal else None, position_id=post.id,
                                code=f"{CODES[level]}.{order}",
                                statement=spec.statement, sort_order=order))
        session.flush()
        indicators = []
        for n, (indicator_spec, supports) in enumerate(spec.indicators, start=1):
            indicator = builder.add_indicator(goal, indicator_spec, f"{goal.code}.{n}", n, item.spec.source)
            indicator.supports_id = upper_indicators[supports - 1].id if supports else None
            indicators.append(indicator)
        for n, code in enumerate(spec.programs):
            builder.add(GoalProgram(goal_id=goal.id, program_id=programs[code].id, sort_order=n))
        made[spec.key] = (post, goal, indicators)
    session.flush()
    for spec in posts:
        if spec.level is not STAFF:  # staff sign no PK: their targets are their SKP's
            _add_agreement(builder, made[spec.key][0])


def _add_agreement(builder: Any, post: Position) -> None:
    day = SIGN_DATE + timedelta(days=builder.rng.choice((0, 0, 1, 2)))
    signed_at = builder.stamp(day, 2, 6)
    created = signed_at - timedelta(days=builder.rng.randint(5, 9))
    agreement = build_lower(builder.session, post.id, 2025, on=day)
    agreement.status, agreement.sign_date = AgreementStatus.FINAL, day
    agreement.finalized_at, agreement.signed_at = signed_at - timedelta(days=1), signed_at
    items, programs = list(agreement.items), list(agreement.programs)
    builder.add(agreement, at=created, updated=signed_at)
    for item in items:
        builder.add(item, at=created)
    for program in programs:
        builder.add(program, at=created)
