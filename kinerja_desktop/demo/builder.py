"""Turning the catalog into rows: the regency, its leaders, OPDs and heads, plans, PKs, pacts, realisations."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ..db.base import Tracked
from ..db.models import (
    AgreementItem,
    AgreementProgram,
    BudgetRealization,
    DocumentAsset,
    FiscalYear,
    Goal,
    Indicator,
    IndicatorRealization,
    IndicatorTarget,
    IntegrityPact,
    Official,
    Opd,
    OpdNameHistory,
    PerformanceAgreement,
    PlanningPeriod,
    Position,
    PositionHolder,
    Program,
    ProgramBudget,
    Regency,
    RegionalLeader,
    head_position_id,
)
from ..db.verification_models import PK, REPORT, Verification, VerificationEvent
from ..domain.enums import (
    ActingKind,
    AgreementKind,
    AgreementStatus,
    GoalKind,
    GoalLevel,
    LeaderRole,
    OpdKind,
    PositionLevel,
    ProgramLevel,
    RegionKind,
)
from ..domain.formatting import round_half_up
from ..domain.personnel import rank_label
from ..domain.verification import VerificationAction, VerificationState
from ..paths import resource
from ..services.agreement_signers import apply_signer, leader_signer
from ..services.documents_frozen import freeze_agreement, freeze_pact
from . import catalog as cat
from . import dpa
from .cascade import add_cascade
from .lke import add_lke
from .people import PersonMaker
from .targets import ceiling, expects_report, fill_target, quarter_end, quarter_target, round_thousands

YEARS = (2025, 2026, 2027, 2028, 2029)
BASELINE_YEAR = 2024
PLAN_STAMP = datetime(2025, 1, 6, 2, 0)  # UTC; when the demo's plan rows were "entered"
SIGN_DATE_2025 = date(2025, 1, 27)  # the PK ceremony; a few OPDs sign later that week
PLANNED_SIGN_DATE_2026 = date(2026, 1, 26)
ELECTED_FROM = date(2025, 2, 20)  # inauguration of the elected Bupati and Wakil Bupati
REGIONAL_AMENDED_ON = date(2025, 10, 15)  # the Bupati's PK Perubahan after the APBD Perubahan 2025
RENAMED_ON = date(2025, 9, 1)
HEAD_RETIRED_ON = date(2025, 6, 30)
REPORTED_QUARTERS = ((2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2))

VERIFIED_STATUSES = (AgreementStatus.FINAL, AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED)
T = TypeVar("T", bound=Tracked)


@dataclass
class _Built:
    """What the later steps need to know about one OPD."""

    spec: cat.OpdSpec
    opd: Opd
    heads: list[PositionHolder]
    sasaran: list[tuple[Goal, list[tuple[Indicator, cat.IndicatorSpec]]]]
    programs: list[Program]
    bias: int  # per-mille: how well this OPD performs overall
    silent_2026_q2: bool = False


class DemoBuilder:
    """Builds the demo regency into a session, every value drawn from one random sequence per seed."""

    def __init__(self, session: Session, seed: int) -> None:
        self.session = session
        self.seed = seed
        self.rng = random.Random(seed)
        self._ids = random.Random(f"kinerja-demo-ids:{seed}")
        self.counts: Counter[type] = Counter()
        self.people = PersonMaker(self.rng)
        self.leaders: list[RegionalLeader] = []
        self.built: list[_Built] = []
        self.targets: dict[str, dict[int, IndicatorTarget]] = {}
        self.pagu: dict[str, dict[int, int]] = {}
        self.budget_plan: dict[tuple[str, int], list[int]] = {}
        self.rpjmd: list[tuple[Goal, list[Indicator]]] = []  # regional sasaran and their indicators

    # --- plumbing ----------------------------------------------------------------------------------------
    def add(self, obj: T, at: datetime = PLAN_STAMP, updated: datetime | None = None) -> T:
        obj.id = str(uuid.UUID(int=self._ids.getrandbits(128), version=4))
        obj.created_at = at
        obj.updated_at = updated or at
        self.session.add(obj)
        self.counts[type(obj)] += 1
        return obj

    def permille(self, low: int, high: int) -> Decimal:
        return Decimal(self.rng.randint(low, high)) / 1000

    def stamp(self, day: date, hour_from: int = 1, hour_to: int = 8) -> datetime:
        return datetime(day.year, day.month, day.day, self.rng.randint(hour_from, hour_to), self.rng.randint(0, 59))

    # --- the whole demo ------------------------------------------------------------------------------------
    def build(self) -> Regency:
        regency = self.add(
            Regency(
                kind=RegionKind.KABUPATEN,
                name=cat.REGENCY_NAME,
                province=cat.PROVINCE,
                capital=cat.CAPITAL,
                address=cat.REGENCY_ADDRESS,
                phone=cat.REGENCY_PHONE,
                website=cat.REGENCY_WEBSITE,
                email=cat.REGENCY_EMAIL,
                logo_png=resource("logos", "sukamaju.png").read_bytes(),
                is_sample=True,
            )
        )
        period = self.add(PlanningPeriod(name="RPJMD 2025–2029", start_year=YEARS[0], end_year=YEARS[-1]))
        self.session.flush()
        for year in YEARS:
            self.add(FiscalYear(year=year, period_id=period.id))
        self.add_leaders()
        regional = self.add_rpjmd(period)
        specs = cat.OPDS + cat.kecamatan_specs()
        for order, spec in enumerate(specs, start=1):
            self.add_opd(spec, order)
        self.session.flush()
        for item in self.built:
            self.add_renstra(item, period, regional)
        self.session.flush()
        for item in self.built:
            self.add_programs(item)
        self.session.flush()
        self.add_agency(regency)
        self.add_regional_agreements()
        for item in self.built:
            self.add_agreement(item, 2025)
            self.add_agreement(item, 2026)
            self.add_integrity_pacts(item)
        self.session.flush()
        self.sign_2025()
        self.pick_late_reporters()
        for item in self.built:
            self.add_realizations(item)
        self.session.flush()
        self.add_activities()  # last: the rows before keep the ids they always had for a seed
        self.session.flush()
        add_cascade(self)  # after them: the positions inside two OPDs and their PKs, signed as the others
        self.session.flush()
        self.sign_final_2025()
        add_lke(self, self.seed)  # after them: the AKIP evaluation of 2025
        self.session.flush()
        self.add_verifications()  # last: Bappeda's verification of what was verified above
        self.session.flush()
        return regency

    def add_verifications(self) -> None:
        """The verification workflow's record of what the demo holds as verified: each final or signed PK and
        each OPD's verified quarterly report (submitted when reported, verified when its values were)."""
        for agreement in self.session.scalars(
            select(PerformanceAgreement).where(PerformanceAgreement.status.in_(VERIFIED_STATUSES))
        ):
            decided = agreement.finalized_at or agreement.signed_at or agreement.created_at
            self.add_verification(Verification(kind=PK, agreement_id=agreement.id, opd_id=agreement.opd_id,
                                               year=agreement.year), decided - timedelta(days=3), decided)
        reports = self.session.execute(
            select(Goal.opd_id, IndicatorRealization.year, IndicatorRealization.quarter,
                   func.min(IndicatorRealization.reported_at), func.max(IndicatorRealization.verified_at))
            .join(Indicator, Indicator.id == IndicatorRealization.indicator_id).join(Goal, Goal.id == Indicator.goal_id)
            .where(IndicatorRealization.verified.is_(True), Goal.opd_id.is_not(None))
            .group_by(Goal.opd_id, IndicatorRealization.year, IndicatorRealization.quarter)
            .order_by(IndicatorRealization.year, IndicatorRealization.quarter, Goal.opd_id)
        ).all()
        for opd_id, year, quarter, reported, verified in reports:
            decided = verified or reported or PLAN_STAMP  # the demo sets both on every verified row
            self.add_verification(Verification(kind=REPORT, opd_id=opd_id, year=year, quarter=quarter),
                                  reported or decided, decided)

    def add_verification(self, row: Verification, submitted: datetime, decided: datetime) -> None:
        row.state, row.note = VerificationState.VERIFIED, ""
        row.submitted_at, row.submitted_by, row.decided_at, row.decided_by = submitted, "operator", decided, "bappeda"
        self.add(row, at=submitted, updated=decided)
        self.session.flush()
        for action, at, user in ((VerificationAction.SUBMIT, submitted, "operator"),
                                 (VerificationAction.VERIFY, decided, "bappeda")):
            state = VerificationState.SUBMITTED if action is VerificationAction.SUBMIT else VerificationState.VERIFIED
            self.add(VerificationEvent(verification_id=row.id, action=action, state=state, at=at, user=user,
                                       note=""), at=at)

    # --- people ----------------------------------------------------------------------------------------------
    def official(
        self, titles: str, grades: tuple[str, ...], born: tuple[int, int], *, senior: bool = True,
        birthday: date | None = None,
    ) -> Official:
        return self.add(self.people.civil_servant(titles, grades, born, senior=senior, birthday=birthday))

    def add_leaders(self) -> None:
        head = f"{RegionKind.KABUPATEN.head_title} {cat.REGENCY_NAME}"
        # The Pj. Bupati (until the elected Bupati's inauguration) is a provincial ASN: NIP, no OPD.
        acting = self.people.civil_servant("pemerintahan", ("IV/c",), (1968, 1972))
        bupati = self.people.person_name("ekonomi", sex=1, senior=False, haji=True)
        deputy = self.people.person_name("hukum", sex=self.rng.choice((1, 1, 2)), senior=False)
        self.leaders = [
            self.add(
                RegionalLeader(
                    role=LeaderRole.HEAD, acting=ActingKind.PJ, name=acting.name, position=head, nip=acting.nip,
                    rank=acting.rank, grade=acting.grade, start_date=date(2024, 9, 23),
                    end_date=ELECTED_FROM - timedelta(days=1),
                )
            ),
            self.add(
                RegionalLeader(
                    role=LeaderRole.HEAD, name=bupati, position=head, start_date=ELECTED_FROM, end_date=None
                )
            ),
            self.add(
                RegionalLeader(
                    role=LeaderRole.DEPUTY, name=deputy, position=f"Wakil {head}", start_date=ELECTED_FROM
                )
            ),
        ]

    def leader_on(self, day: date) -> RegionalLeader:
        return next(
            leader
            for leader in self.leaders
            if leader.role is LeaderRole.HEAD
            and leader.start_date <= day
            and (leader.end_date is None or day <= leader.end_date)
        )

    # --- RPJMD ----------------------------------------------------------------------------------------------
    def add_rpjmd(self, period: PlanningPeriod) -> dict[str, Goal]:
        regional: dict[str, Goal] = {}
        number = 0
        for m, (mission, tujuan, sasaran) in enumerate(cat.MISSIONS, start=1):
            misi_goal = self.add(
                Goal(period_id=period.id, level=GoalLevel.REGIONAL, kind=GoalKind.MISSION, code=f"M{m}",
                     statement=mission, sort_order=m)
            )
            self.session.flush()
            tujuan_goal = self.add(
                Goal(period_id=period.id, level=GoalLevel.REGIONAL, kind=GoalKind.GOAL, parent_id=misi_goal.id,
                     code=f"T{m}.1", statement=tujuan, sort_order=1)
            )
            self.session.flush()
            for k, (key, statement, indicators) in enumerate(sasaran, start=1):
                goal = self.add(
                    Goal(period_id=period.id, level=GoalLevel.REGIONAL, kind=GoalKind.TARGET,
                         parent_id=tujuan_goal.id, code=f"S{m}.1.{k}", statement=statement, sort_order=k)
                )
                regional[key] = goal
                self.rpjmd.append((goal, []))
                for i, spec in enumerate(indicators, start=1):
                    number += 1
                    indicator = self.add_indicator(goal, spec, f"IKU {number:02d}", i, "Bapperida Kabupaten Sukamaju")
                    self.rpjmd[-1][1].append(indicator)
        self.session.flush()
        return regional

    # --- OPDs and their heads ---------------------------------------------------------------------------------
    def add_opd(self, spec: cat.OpdSpec, order: int) -> None:
        slug = "".join(ch for ch in spec.abbreviation.lower() if ch.isalnum())
        town, postal = cat.CAPITAL, cat.POSTAL_CODE
        if spec.kind is OpdKind.KECAMATAN:
            town, postal = spec.name.removeprefix("Kecamatan "), str(51300 + order)
        opd = self.add(
            Opd(
                code=spec.code,
                abbreviation=spec.abbreviation,
                name=spec.name,
                kind=spec.kind,
                address=f"{spec.street}, {town} {postal}",
                phone=f"{cat.AREA_CODE} {381000 + order * 37}",
                email=f"{slug}@{cat.DOMAIN_NAME}",
                website=f"{slug}.{cat.DOMAIN_NAME}",
                sort_order=order,
            )
        )
        heads = self.add_heads(spec, opd)
        self.built.append(_Built(spec, opd, heads, [], [], bias=self.rng.randint(-40, 25)))

    def add_heads(self, spec: cat.OpdSpec, opd: Opd) -> list[PositionHolder]:
        # The head's position keeps the id every database gives it (no draw from the ids' sequence).
        post = Position(id=head_position_id(opd.id), opd_id=opd.id, name=spec.position, level=PositionLevel.HEAD,
                        sort_order=0, is_active=True, created_at=PLAN_STAMP, updated_at=PLAN_STAMP)
        self.session.add(post)
        self.counts[Position] += 1

        def head(official: Official, start: date, end: date | None = None, *, position: str = spec.position,
                 acting: ActingKind = ActingKind.DEFINITIVE) -> PositionHolder:
            return self.add(PositionHolder(position_id=post.id, official_id=official.id, position=position,
                                           acting=acting, start_date=start, end_date=end))

        def since(first_year: int, last_year: int) -> date:
            return date(self.rng.randint(first_year, last_year), self.rng.randint(1, 12), self.rng.choice((2, 8, 15)))

        if spec.kind is OpdKind.KECAMATAN:
            official = self.official(spec.titles, ("III/d", "IV/a"), (1976, 1986), senior=False)
            return [head(official, since(2021, 2024))]
        if spec.abbreviation == "Setda":
            official = self.official(spec.titles, ("IV/c",), (1967, 1970))
            start = date(2022, 3, 14)
            self.leaders.append(
                self.add(
                    RegionalLeader(role=LeaderRole.SECRETARY, name=official.name,
                                   position=f"Sekretaris Daerah Kabupaten {cat.REGENCY_NAME}", nip=official.nip,
                                   rank=official.rank, grade=official.grade, start_date=start)
                )
            )
            return [head(official, start)]
        grades = ("IV/a", "IV/b", "IV/b", "IV/c")
        if spec.abbreviation == cat.ACTING_HEAD_OPD:
            # The Sekretaris Dinas acts as head since the former head retired.
            official = self.official(spec.titles, ("III/d", "IV/a"), (1971, 1979), senior=False)
            return [head(official, date(2024, 10, 1), acting=ActingKind.PLT)]
        if spec.abbreviation == cat.HEAD_CHANGED_OPD:
            # Born June 1965: reaches 60, the pension age of a JPT Pratama, in June 2025.
            retiring = self.official(spec.titles, ("IV/c",), (1965, 1965), birthday=date(1965, 6, 11))
            successor = self.official(spec.titles, grades, (1972, 1978))
            return [
                head(retiring, date(2020, 3, 2), HEAD_RETIRED_ON),
                head(successor, HEAD_RETIRED_ON + timedelta(days=1)),
            ]
        official = self.official(spec.titles, grades, (1968, 1980))
        if spec.abbreviation == cat.RENAMED_OPD:
            return [
                head(official, date(2021, 6, 7), RENAMED_ON - timedelta(days=1), position=cat.FORMER_POSITION),
                head(official, RENAMED_ON),
            ]
        return [head(official, since(2019, 2024))]

    def head_on(self, item: _Built, day: date) -> PositionHolder:
        return next(h for h in item.heads if h.start_date <= day and (h.end_date is None or day <= h.end_date))

    def opd_name_on(self, item: _Built, day: date) -> str:
        if item.spec.abbreviation == cat.RENAMED_OPD and day < RENAMED_ON:
            return cat.FORMER_NAME
        return item.opd.name

    # --- Renstra: tujuan → sasaran → indicators → targets ---------------------------------------------------
    def add_renstra(self, item: _Built, period: PlanningPeriod, regional: dict[str, Goal]) -> None:
        if item.spec.abbreviation == cat.RENAMED_OPD:
            self.add(OpdNameHistory(opd_id=item.opd.id, name=cat.FORMER_NAME, valid_from=date(2017, 1, 2),
                                    valid_to=RENAMED_ON - timedelta(days=1)))
        tujuan = self.add(
            Goal(period_id=period.id, level=GoalLevel.OPD, kind=GoalKind.GOAL, opd_id=item.opd.id, code="T1",
                 statement=item.spec.tujuan, sort_order=1)
        )
        self.session.flush()
        for k, sasaran in enumerate(item.spec.sasaran, start=1):
            goal = self.add(
                Goal(period_id=period.id, level=GoalLevel.OPD, kind=GoalKind.TARGET, opd_id=item.opd.id,
                     parent_id=tujuan.id, supports_id=regional[sasaran.supports].id, code=f"S1.{k}",
                     statement=sasaran.statement, sort_order=k)
            )
            indicators = [
                (self.add_indicator(goal, spec, f"IK 1.{k}.{i}", i, item.spec.source), spec)
                for i, spec in enumerate(sasaran.indicators, start=1)
            ]
            item.sasaran.append((goal, indicators))

    def add_indicator(self, goal: Goal, spec: cat.IndicatorSpec, code: str, order: int, source: str) -> Indicator:
        polarity, cumulation = cat.POLARITIES[spec.kind[0]], spec.kind[1:].strip()
        formula = cat.FORMULAS[cumulation]
        if spec.unit == "%":
            formula += " Dinyatakan dalam persen (× 100%)."
        indicator = self.add(
            Indicator(
                goal_id=goal.id,
                code=code,
                name=spec.name,
                unit=spec.unit,
                polarity=polarity,
                cumulation=cat.CUMULATIONS[cumulation],
                qualitative_scale=spec.scale,
                definition=spec.definition or f"{spec.name} Kabupaten {cat.REGENCY_NAME}, dalam satuan {spec.unit}.",
                formula=formula,
                data_source=spec.source or source,
                baseline=None if spec.scale else Decimal(spec.baseline),
                baseline_year=None if spec.scale else BASELINE_YEAR,
                weight=Decimal(1),
                sort_order=order,
            )
        )
        self.targets[indicator.id] = {}
        previous = None if spec.scale else Decimal(spec.baseline)
        for n, year in enumerate(YEARS):
            target = self.add(IndicatorTarget(indicator_id=indicator.id, year=year))
            fill_target(target, spec, n, previous)
            previous = target.target
            self.targets[indicator.id][year] = target
        return indicator

    # --- programs and pagu -------------------------------------------------------------------------------
    def add_programs(self, item: _Built) -> None:
        scale = self.permille(800, 1200) if item.spec.kind is OpdKind.KECAMATAN else Decimal(1)
        technical = 0
        for spec in item.spec.programs:
            goal_id = None
            if spec.name != cat.PENUNJANG:
                goal_id = item.sasaran[technical % len(item.sasaran)][0].id
                technical += 1
            program = self.add(Program(opd_id=item.opd.id, goal_id=goal_id, code=spec.code, name=spec.name))
            item.programs.append(program)
            pagu = int(spec.pagu_millions * 1_000_000 * scale * self.permille(970, 1030))
            self.pagu[program.id] = {}
            for year in YEARS:
                pagu = round_thousands(pagu)
                self.add(ProgramBudget(program_id=program.id, year=year, pagu=pagu))
                self.pagu[program.id][year] = pagu
                pagu = int(pagu * self.permille(960, 1070))

    def add_activities(self) -> None:
        """Kegiatan and sub kegiatan of a few OPDs (demo/dpa.py), splitting their programs' pagu exactly."""
        for item in self.built:
            for program in item.programs:
                activities = dpa.ACTIVITIES.get((item.spec.abbreviation, program.code))
                if activities:
                    self._add_level(program, self.pagu[program.id], activities, ProgramLevel.ACTIVITY)

    def _add_level(
        self, parent: Program, pagu: dict[int, int], activities: tuple[dpa.Activity, ...], level: ProgramLevel
    ) -> None:
        parts = {year: dpa.split(amount, [a.share for a in activities]) for year, amount in pagu.items()}
        for n, activity in enumerate(activities):
            row = self.add(
                Program(opd_id=parent.opd_id, level=level, parent_id=parent.id,
                        code=f"{parent.code}.{activity.code}", name=activity.name)
            )
            amounts = {year: split[n] for year, split in parts.items()}
            for year, amount in sorted(amounts.items()):
                self.add(ProgramBudget(program_id=row.id, year=year, pagu=amount))
            if activity.subs:
                self._add_level(row, amounts, activity.subs, ProgramLevel.SUB_ACTIVITY)

    # --- Perjanjian Kinerja and Pakta Integritas ----------------------------------------------------------------
    def add_agreement(self, item: _Built, year: int) -> None:
        signed = year == 2025
        signed_at: datetime | None = None
        finalized_at: datetime | None = None
        if signed:
            day = SIGN_DATE_2025 + timedelta(days=self.rng.choice((0, 0, 0, 0, 1, 2, 3, 4)))
            signed_at = self.stamp(day, 2, 6)
            finalized_at = signed_at - timedelta(days=self.rng.randint(2, 5), hours=self.rng.randint(0, 5))
            created = finalized_at - timedelta(days=self.rng.randint(5, 10))
        else:
            day = PLANNED_SIGN_DATE_2026
            created = self.stamp(date(2026, 1, self.rng.randint(8, 16)))
        head, leader = self.head_on(item, day), self.leader_on(day)
        official = self.session.get(Official, head.official_id)
        assert official is not None
        agreement = self.add(
            PerformanceAgreement(
                kind=AgreementKind.OPD,
                opd_id=item.opd.id,
                position_id=head.position_id,
                year=year,
                version_no=1,
                status=AgreementStatus.FINAL if signed else AgreementStatus.DRAFT,  # signed by sign_2025()
                place=cat.CAPITAL,
                sign_date=day if signed else None,
                opd_name=self.opd_name_on(item, day),
                first_official_id=official.id,
                first_name=official.name,
                first_position=head.position,
                first_nip=official.nip,
                first_rank=rank_label(official.rank, official.grade),
                first_acting=head.acting,
                second_leader_id=leader.id,
                second_name=leader.name,
                second_position=leader.position,
                second_nip=leader.nip,
                second_rank=rank_label(leader.rank, leader.grade),
                second_acting=leader.acting,
                finalized_at=finalized_at,
                signed_at=signed_at,
            ),
            at=created,
            updated=signed_at or created,
        )
        order = 0
        for goal, indicators in item.sasaran:
            for indicator, _spec in indicators:
                order += 1
                target = self.targets[indicator.id][year]
                self.add(
                    AgreementItem(
                        agreement_id=agreement.id, indicator_id=indicator.id, goal_id=goal.id,
                        sasaran=goal.statement, indicator_name=indicator.name, unit=indicator.unit,
                        polarity=indicator.polarity, cumulation=indicator.cumulation, target=target.target,
                        target_high=target.target_high, target_grade=target.target_grade, q1=target.q1,
                        q2=target.q2, q3=target.q3, q4=target.q4, weight=indicator.weight, sort_order=order,
                    ),
                    at=created,
                )
        for order, program in enumerate(item.programs, start=1):
            self.add(
                AgreementProgram(agreement_id=agreement.id, program_id=program.id, code=program.code,
                                 name=program.name, budget=self.pagu[program.id][year], sort_order=order),
                at=created,
            )

    # --- the planning agency and the regional head's own PK ----------------------------------------------------
    def add_agency(self, regency: Regency) -> None:
        """Bapperida issues the regency-wide reports (ranking, belum lapor); its head signs them."""
        agency = next(item.opd for item in self.built if item.spec.abbreviation == cat.RENAMED_OPD)
        regency.agency_name = agency.name
        regency.agency_short = agency.abbreviation
        regency.agency_address = agency.address
        regency.agency_phone = agency.phone
        regency.agency_email = agency.email
        regency.agency_website = agency.website
        regency.agency_opd_id = agency.id
        self.keep_clock(regency, regency.created_at)

    def add_regional_agreements(self) -> None:
        """The Bupati's own PK with the RPJMD indicators: 2025 signed by the Pj. Bupati in January and amended
        in October under the elected Bupati (APBD Perubahan), 2026 a draft."""
        # Two targets revised in the PK Perubahan: growth lowered, poverty raised (by the row's place in the RPJMD).
        amended = {4: Decimal("5.00"), 5: Decimal("9.55")}
        first = self.regional_agreement(2025, 1, SIGN_DATE_2025, AgreementStatus.FINAL)
        second = self.regional_agreement(2025, 2, REGIONAL_AMENDED_ON, AgreementStatus.FINAL, amended)
        second.replaces_id = first.id
        second.amendment_reason = "penyesuaian target kinerja dan anggaran pada APBD Perubahan Tahun 2025"
        self.regional_agreement(2026, 1, None, AgreementStatus.DRAFT)

    def regional_agreement(
        self, year: int, version: int, day: date | None, status: AgreementStatus,
        revised: dict[int, Decimal] | None = None,
    ) -> PerformanceAgreement:
        on = day or PLANNED_SIGN_DATE_2026
        created = self.stamp(on - timedelta(days=self.rng.randint(6, 12)))
        agreement = self.add(
            PerformanceAgreement(
                kind=AgreementKind.REGIONAL, opd_id=None, year=year, version_no=version, status=status,
                place=cat.CAPITAL, sign_date=day, opd_name=f"Kabupaten {cat.REGENCY_NAME}", notes="",
                amendment_reason="", finalized_at=created + timedelta(days=2) if day else None,
            ),
            at=created,
        )
        apply_signer(agreement, "first", leader_signer(self.leader_on(on)))
        order = 0
        for goal, indicators in self.rpjmd:
            for indicator in indicators:
                target = self.targets[indicator.id][year]
                value = (revised or {}).get(order, target.target)
                self.add(
                    AgreementItem(
                        agreement_id=agreement.id, indicator_id=indicator.id, goal_id=goal.id,
                        sasaran=goal.statement, indicator_name=indicator.name, unit=indicator.unit,
                        polarity=indicator.polarity, cumulation=indicator.cumulation, target=value,
                        target_high=target.target_high, target_grade=target.target_grade, q1=target.q1,
                        q2=target.q2, q3=target.q3, q4=target.q4, weight=indicator.weight, sort_order=order,
                    ),
                    at=created,
                )
                order += 1
        return agreement

    def sign_2025(self) -> None:
        """Sign 2025 as the app does: each PK frozen as printed (final, then signed), each Pakta when recorded."""
        self.sign_final_2025()
        for pact in self.session.query(IntegrityPact).all():
            freeze_pact(self.session, pact)
            self.keep_clock(pact, pact.created_at)
        self.session.flush()
        for asset in self.session.query(DocumentAsset).all():  # the logo, kept once for every frozen document
            asset.created_at = asset.updated_at = PLAN_STAMP

    def sign_final_2025(self) -> None:
        """Every final PK of 2025 frozen as finalised, then signed and frozen again (a PK Perubahan replaces)."""
        self.session.flush()
        agreements = self.session.query(PerformanceAgreement).filter(
            PerformanceAgreement.year == 2025, PerformanceAgreement.status == AgreementStatus.FINAL
        ).order_by(PerformanceAgreement.version_no).all()
        for agreement in agreements:
            freeze_agreement(self.session, agreement)  # as finalised
            agreement.status = AgreementStatus.SIGNED
            agreement.signed_at = agreement.signed_at or self.stamp(agreement.sign_date or SIGN_DATE_2025, 2, 6)
            freeze_agreement(self.session, agreement)  # as signed
            self.keep_clock(agreement, agreement.signed_at)
            self.session.flush()
            if agreement.replaces_id:
                replaced = self.session.get(PerformanceAgreement, agreement.replaces_id)
                assert replaced is not None
                replaced.status = AgreementStatus.SUPERSEDED
                self.keep_clock(replaced, agreement.signed_at)
                self.session.flush()

    @staticmethod
    def keep_clock(row: Tracked, at: datetime | None) -> None:
        """An update stamped by the demo's own clock, not the time it is built (the same seed, the same rows)."""
        row.updated_at = at or row.created_at
        flag_modified(row, "updated_at")  # else the column's onupdate stamps now

    def add_integrity_pacts(self, item: _Built) -> None:
        """Pakta Integritas 2025: signed at the PK ceremony, and by a new head on the day of inauguration."""
        for head in item.heads:
            if head.end_date is not None and head.end_date < SIGN_DATE_2025:
                continue
            if head.start_date > date(2025, 12, 31):
                continue
            if item.spec.abbreviation == cat.RENAMED_OPD and head.start_date >= RENAMED_ON:
                continue  # same person, same year: one pact
            official = self.session.get(Official, head.official_id)
            assert official is not None
            day = max(SIGN_DATE_2025, head.start_date)
            position = f"{head.acting.prefix} {head.position}".strip()
            self.add(
                IntegrityPact(
                    opd_id=item.opd.id, official_id=official.id, year=2025, name=official.name, nip=official.nip,
                    rank=rank_label(official.rank, official.grade), position=position,
                    institution=self.opd_name_on(item, day), place=cat.CAPITAL, sign_date=day,
                ),
                at=self.stamp(day, 2, 6),
            )

    # --- quarterly realisations ------------------------------------------------------------------------------
    def pick_late_reporters(self) -> None:
        """Two kecamatan and one other OPD have not reported Triwulan II 2026 at all ("belum lapor")."""
        kecamatan = [item for item in self.built if item.spec.kind is OpdKind.KECAMATAN]
        others = [item for item in self.built if item.spec.kind not in (OpdKind.KECAMATAN, OpdKind.SEKRETARIAT)]
        for item in self.rng.sample(kecamatan, 2) + self.rng.sample(others, 1):
            item.silent_2026_q2 = True

    def add_realizations(self, item: _Built) -> None:
        lagging = {
            indicator.id
            for _goal, indicators in item.sasaran
            for indicator, _spec in indicators
            if self.rng.random() < 0.12
        }
        for year, quarter in REPORTED_QUARTERS:
            late = (year, quarter) == (2026, 2)
            if late and item.silent_2026_q2:
                continue
            reported = self.stamp(quarter_end(year, quarter) + timedelta(days=self.rng.randint(4, 20)))
            verified = year == 2025 or quarter == 1
            verified_at = reported + timedelta(days=self.rng.randint(5, 15), hours=self.rng.randint(0, 6))
            for _goal, indicators in item.sasaran:
                for indicator, spec in indicators:
                    target = self.targets[indicator.id][year]
                    if not expects_report(spec, target, quarter):
                        continue
                    roll = self.rng.random()
                    if late and roll < 0.04:
                        continue  # one indicator forgotten: no row
                    row = IndicatorRealization(indicator_id=indicator.id, year=year, quarter=quarter,
                                               verified=False, problems="", follow_up="")
                    if late and roll < 0.07:
                        row.value = None  # saved without a value: "belum diisi"
                        self.add(row, at=reported)
                        continue
                    self.realize(row, spec, target, quarter, indicator.id in lagging, item.bias)
                    row.reported_at = reported
                    row.verified = verified
                    row.verified_at = verified_at if verified else None
                    self.add(row, at=reported, updated=verified_at if verified else reported)
            self.add_budget_realizations(item, year, quarter, reported)

    def realize(
        self, row: IndicatorRealization, spec: cat.IndicatorSpec, target: IndicatorTarget, quarter: int,
        lagging: bool, bias: int,
    ) -> None:
        """A plausible value around the quarter's target; kendala and tindak lanjut when it falls short."""
        if spec.scale:
            row.grade = target.target_grade
            return
        planned = quarter_target(target, quarter)
        assert planned is not None
        kind = spec.kind[1:].strip()
        if spec.kind[0] == "r":
            low, high = target.target, target.target_high
            assert low is not None and high is not None
            if lagging:
                value = low * self.permille(850, 960)
            else:
                value = low + (high - low) * self.permille(200, 700)
            short = value < low or value > high
        else:
            if kind == "sum":
                achievement = self.permille(*((550, 780) if lagging else (850, 1120))) + Decimal(bias) / 1000
            else:
                achievement = self.permille(*((880, 940) if lagging else (960, 1030))) + Decimal(bias) / 3000
            value = planned * achievement if spec.kind[0] == "+" else planned * (2 - achievement)
            value = max(value, Decimal(0))
            highest = ceiling(spec)
            if highest is not None:
                value = min(value, highest)
            short = achievement < Decimal("0.9")
        row.value = round_half_up(value, spec.places)
        if short:
            row.problems, row.follow_up = self.rng.choice(cat.SHORTFALLS)

    def add_budget_realizations(self, item: _Built, year: int, quarter: int, reported: datetime) -> None:
        """Budget realised in the quarter: back-loaded, 85–98 % of the pagu by the end of the year."""
        for program in item.programs:
            pagu = self.pagu[program.id][year]
            if quarter == 1:
                absorbed = pagu * self.rng.randint(850, 980) // 1000
                shares = [self.rng.randint(90, 140), self.rng.randint(200, 260), self.rng.randint(230, 300)]
                amounts = [absorbed * share // 1000 - self.rng.randint(0, 999) for share in shares]
                amounts.append(absorbed - sum(amounts))
                self.budget_plan[(program.id, year)] = amounts
            amount = self.budget_plan[(program.id, year)][quarter - 1]
            self.add(BudgetRealization(program_id=program.id, year=year, quarter=quarter, amount=amount),
                     at=reported)


