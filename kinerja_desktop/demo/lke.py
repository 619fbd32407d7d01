"""The demo's AKIP evaluation of 2025: the Inspektorat's LKE of every OPD, with evidence, notes and recommendations.

The five best echo an announcement a regency once made (63,19 · 62,83 · 60,62 · 59,25 · 59,01); the others are
spread over CC, C and a few B-grade misses, two kecamatan are not evaluated yet and two evaluations are still
drafts with criteria left open. Each OPD's answers are drawn, then nudged one criterion at a time until the
total rounds to the score wanted; exact fractions make the search cheap, ``domain.akip`` checks the result.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol, TypeVar

from ..db.akip_models import LkeAnswer, LkeComponent, LkeCriterion, LkeEvaluation, LkeSubcomponent
from ..db.base import Tracked
from ..domain.akip import Criterion, Framework, LkeStatus, answer_scale, score_lke
from ..domain.akip_2021 import PERMENPANRB_88_2021
from ..domain.formatting import round_half_up

T = TypeVar("T", bound=Tracked)


class DemoBuilder(Protocol):
    """What the LKE needs of ``demo.builder.DemoBuilder`` (named here: the builder imports this module)."""

    session: Any
    built: list[Any]  # each with the ``opd`` it built

    def add(self, obj: T, at: datetime = ..., updated: datetime | None = None) -> T: ...

YEAR = 2025
EVALUATOR = "Tim Evaluasi AKIP Inspektorat Daerah Kabupaten Sukamaju"
# The five the Bupati will reward, by abbreviation, with the scores of the announcement.
BEST = (("Bapperida", "63.19"), ("BPKAD", "62.83"), ("Dinkes", "60.62"), ("Disdukcapil", "59.25"),
        ("DPMPTSP", "59.01"))
NOT_EVALUATED = ("Kec. Kalimas", "Kec. Ngrambe Lor")
DRAFTS = ("Disporapar", "Kec. Wanareja")
FIRST_DAY = date(2025, 11, 3)

EVIDENCE = {
    "1": "Renstra Perangkat Daerah 2025–2029, Renja 2025, PK 2025 dan rencana aksi triwulanan",
    "2": "Manual IKU, lembar pengukuran kinerja triwulanan, laporan aplikasi Kinerja Desktop",
    "3": "LKjIP 2024, notulen rapat evaluasi kinerja, tangkapan layar publikasi di laman OPD",
    "4": "Laporan evaluasi internal, daftar tindak lanjut rekomendasi, SK tim evaluasi internal",
}
RECOMMENDATIONS = {
    "1": "Selaraskan indikator Renstra dengan RPJMD dan lengkapi rencana aksi per triwulan.",
    "2": "Lengkapi definisi operasional indikator dan verifikasi data kinerja setiap triwulan.",
    "3": "Sajikan perbandingan dengan tahun sebelumnya dan target akhir Renstra dalam LKjIP.",
    "4": "Tindak lanjuti seluruh rekomendasi evaluasi internal dan dokumentasikan hasilnya.",
}
WEAK = ("C", "D", "E", "T")


def _contribution(framework: Framework) -> dict[str, tuple[Criterion, Fraction]]:
    """Each criterion with the points one unit of its value adds to the total (weight ÷ criteria)."""
    return {k.code: (k, Fraction(s.weight) / len(s.criteria)) for _, s, k in framework.criteria()}


def _answers_for(target: Decimal, framework: Framework, rng: random.Random) -> dict[str, str]:
    """Answers whose total rounds (half up, two decimals) to ``target``."""
    parts = _contribution(framework)
    codes = list(parts)
    level = float(target) / 100
    answers: dict[str, str] = {}
    for code, (criterion, _) in parts.items():
        options = answer_scale(criterion.scale).codes
        if criterion.scale == "ya_tidak":
            answers[code] = "Y" if rng.random() < 0.55 + 0.4 * level else "T"
        else:
            answers[code] = options[min(len(options) - 1, max(0, round((1 - level) * 4 + rng.uniform(-1.2, 1.2))))]

    def value(code: str, answer: str) -> Fraction:
        criterion, unit = parts[code]
        return unit * Fraction(answer_scale(criterion.scale).option(answer).value)

    total = sum((value(c, a) for c, a in answers.items()), Fraction(0))
    goal = Fraction(target)
    while round_half_up(Decimal(total.numerator) / Decimal(total.denominator), 2) != target:
        code = rng.choice(codes)
        options = answer_scale(parts[code][0].scale).codes
        index = options.index(answers[code]) + rng.choice((-1, 1))
        if not 0 <= index < len(options):
            continue
        changed = total - value(code, answers[code]) + value(code, options[index])
        if abs(changed - goal) < abs(total - goal) or rng.random() < 0.02:
            total, answers[code] = changed, options[index]
    return answers


def add_lke(builder: DemoBuilder, seed: int) -> None:
    """The 2025 LKE structure (the regulation's) and the evaluation of every OPD but two kecamatan."""
    rng = random.Random(f"kinerja-demo-lke:{seed}")
    framework = PERMENPANRB_88_2021
    ids = _structure(builder, framework)
    best = dict(BEST)
    for number, item in enumerate(builder.built):
        abbreviation = item.opd.abbreviation
        if abbreviation in NOT_EVALUATED:
            continue
        if abbreviation in best:
            target = Decimal(best[abbreviation])
        else:
            low = 31 if item.opd.kind.value == "kecamatan" and rng.random() < 0.3 else 38
            target = round_half_up(Decimal(rng.randint(low * 100, 5880)) / 100, 2)
        answers = _answers_for(target, framework, rng)
        draft = abbreviation in DRAFTS
        if draft:  # still being filled: the last criteria not answered yet
            for code in list(answers)[-9:]:
                del answers[code]
        on = FIRST_DAY + timedelta(days=(number * 29) % 40)
        evaluation = builder.add(
            LkeEvaluation(
                opd_id=item.opd.id, year=YEAR, status=LkeStatus.DRAFT if draft else LkeStatus.FINAL,
                evaluator=EVALUATOR, evaluated_on=None if draft else on,
                notes=_notes(item.opd.name, answers),
                recommendations=_recommendations(answers),
                finalized_at=None if draft else datetime(on.year, on.month, on.day, 8, 30),
            ),
            at=datetime(on.year, on.month, on.day, 2, 0),
        )
        for code, answer in answers.items():
            component = code.split(".")[0]
            builder.add(
                LkeAnswer(
                    evaluation_id=evaluation.id, criterion_id=ids[code], answer=answer,
                    evidence=EVIDENCE[component] if answer not in ("T", "E") else "",
                    notes="Bukti dukung belum lengkap" if answer in WEAK else "",
                    recommendation=RECOMMENDATIONS[component] if answer in WEAK else "",
                ),
                at=datetime(on.year, on.month, on.day, 2, 0),
            )


def _structure(builder: DemoBuilder, framework: Framework) -> dict[str, str]:
    ids: dict[str, str] = {}
    for c_order, component in enumerate(framework.components):
        c_row = builder.add(LkeComponent(year=YEAR, code=component.code, name=component.name,
                                         weight=component.weight, sort_order=c_order))
        for s_order, sub in enumerate(component.subcomponents):
            s_row = builder.add(LkeSubcomponent(component_id=c_row.id, code=sub.code, name=sub.name,
                                                weight=sub.weight, sort_order=s_order))
            for k_order, criterion in enumerate(sub.criteria):
                k_row = builder.add(LkeCriterion(subcomponent_id=s_row.id, code=criterion.code,
                                                 statement=criterion.statement, scale=criterion.scale,
                                                 sort_order=k_order))
                ids[criterion.code] = k_row.id
    builder.session.flush()
    return ids


def _notes(name: str, answers: dict[str, str]) -> str:
    score = score_lke(PERMENPANRB_88_2021, answers)
    weakest = min(score.components, key=lambda c: c.score / c.weight)
    strongest = max(score.components, key=lambda c: c.score / c.weight)
    return (f"{name} telah menerapkan SAKIP; komponen terkuat {strongest.name}, "
            f"komponen yang paling perlu diperbaiki {weakest.name}.")


def _recommendations(answers: dict[str, str]) -> str:
    weak = sorted({code.split(".")[0] for code, answer in answers.items() if answer in WEAK})
    return "\n".join(f"{n}. {RECOMMENDATIONS[c]}" for n, c in enumerate(weak, start=1))
