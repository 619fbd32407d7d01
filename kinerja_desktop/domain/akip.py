"""The AKIP internal evaluation (PermenPANRB 88/2021): the Lembar Kerja Evaluasi (LKE), its score and grade.

An LKE is components → sub-components → criteria. Each component and sub-component carries a weight (the
components' weights sum to 100, each component's sub-components to the component's weight); each criterion is
answered on a scale (Ya/Tidak, or A–E) whose answer has a value from 0 to 1. A sub-component scores
``weight × mean of its criteria's values``; a component the sum of its sub-components; the LKE the sum of its
components (0–100). A criterion not answered yet counts 0 and is listed, never hidden.

The formulas never round (``FORMULA_CONTEXT``); the grade compares the total rounded half up to two
decimals, as it is printed, so a rapor never shows "90,00 — AA":

    AA > 90 · A > 80–90 · BB > 70–80 · B > 60–70 · CC > 50–60 · C > 30–50 · D 0–30

(exactly 90,00 is A, 90,01 is AA; exactly 30,00 is D.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum
from types import MappingProxyType

from .achievement import AKIP_GRADES
from .decimals import FORMULA_CONTEXT, HUNDRED, ZERO, Number, as_decimal
from .formatting import format_number, round_half_up

DISPLAY_PLACES = 2


class LkeStatus(StrEnum):
    """An OPD's evaluation: still being filled, or closed by the Inspektorat (then it no longer changes)."""

    DRAFT = "draf"
    FINAL = "final"

    @property
    def label(self) -> str:
        return {LkeStatus.DRAFT: "Draf", LkeStatus.FINAL: "Final"}[self]


# --- answer scales -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerOption:
    """One answer of a scale: what is typed (``Y``, ``B``), what it means, and its value from 0 to 1."""

    code: str
    label: str
    value: Decimal


@dataclass(frozen=True)
class AnswerScale:
    name: str  # stored on a criterion: "ya_tidak", "a_e"
    title: str
    options: tuple[AnswerOption, ...]

    def option(self, answer: str) -> AnswerOption:
        """The option answered (case and spaces ignored); ValueError naming the choices otherwise."""
        wanted = "".join(answer.split()).upper()
        for option in self.options:
            if option.code.upper() == wanted:
                return option
        choices = ", ".join(o.code for o in self.options)
        raise ValueError(f"Jawaban “{answer}” tidak ada pada skala {self.title} (pilihan: {choices})")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)


YES_NO = AnswerScale(
    "ya_tidak",
    "Ya/Tidak",
    (AnswerOption("Y", "Ya", Decimal(1)), AnswerOption("T", "Tidak", ZERO)),
)
A_TO_E = AnswerScale(
    "a_e",
    "A–E",
    (
        AnswerOption("A", "Sangat baik / sepenuhnya", Decimal(1)),
        AnswerOption("B", "Baik / sebagian besar", Decimal("0.75")),
        AnswerOption("C", "Cukup / sebagian", Decimal("0.5")),
        AnswerOption("D", "Kurang / sebagian kecil", Decimal("0.25")),
        AnswerOption("E", "Tidak ada", ZERO),
    ),
)
ANSWER_SCALES: Mapping[str, AnswerScale] = MappingProxyType({s.name: s for s in (YES_NO, A_TO_E)})


def answer_scale(name: str) -> AnswerScale:
    try:
        return ANSWER_SCALES[name]
    except KeyError:
        known = ", ".join(f"{s.name} ({s.title})" for s in ANSWER_SCALES.values())
        raise ValueError(f"Skala jawaban “{name}” tidak dikenal (pilihan: {known})") from None


def answer_value(scale: str, answer: str | None) -> Decimal | None:
    """The value of an answer on its scale (None when not answered); ValueError for an unknown answer."""
    if answer is None or not answer.strip():
        return None
    return answer_scale(scale).option(answer).value


def normal_answer(scale: str, answer: str | None) -> str | None:
    """The answer as stored: the scale's own code (``b`` → ``B``), None when blank."""
    if answer is None or not answer.strip():
        return None
    return answer_scale(scale).option(answer).code


# --- the structure -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    code: str  # "1.a.1"
    statement: str
    scale: str = A_TO_E.name


@dataclass(frozen=True)
class Subcomponent:
    code: str  # "1.a"
    name: str
    weight: Decimal
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Component:
    code: str  # "1"
    name: str
    weight: Decimal
    subcomponents: tuple[Subcomponent, ...]


@dataclass(frozen=True)
class Framework:
    """An LKE's structure: what a regency evaluates its OPDs against in a year."""

    components: tuple[Component, ...]
    name: str = ""

    def criteria(self) -> Iterator[tuple[Component, Subcomponent, Criterion]]:
        for component in self.components:
            for sub in component.subcomponents:
                for criterion in sub.criteria:
                    yield component, sub, criterion

    @property
    def criterion_count(self) -> int:
        return sum(1 for _ in self.criteria())


def framework_problems(framework: Framework) -> list[str]:
    """Why a structure cannot be scored, in Indonesian (empty when it can).

    The components' weights sum to exactly 100 and each component's sub-components to its weight; every
    weight is above 0; every sub-component has criteria on a known scale; codes are filled and unique.
    """
    problems: list[str] = []
    codes: set[str] = set()

    def code_of(kind: str, code: str) -> None:
        if not code.strip():
            problems.append(f"Kode {kind} wajib diisi")
        elif code in codes:
            problems.append(f"Kode “{code}” dipakai lebih dari sekali")
        codes.add(code)

    if not framework.components:
        return ["LKE belum memiliki komponen"]
    total = ZERO
    for component in framework.components:
        code_of("komponen", component.code)
        if not component.name.strip():
            problems.append(f"Nama komponen {component.code} wajib diisi")
        if component.weight <= 0:
            problems.append(f"Bobot komponen {component.code} harus lebih dari 0")
        total += component.weight
        if not component.subcomponents:
            problems.append(f"Komponen {component.code} {component.name} belum memiliki sub komponen")
            continue
        subtotal = sum((s.weight for s in component.subcomponents), ZERO)
        if subtotal != component.weight:
            problems.append(
                f"Bobot sub komponen {component.code} {component.name} berjumlah {format_number(subtotal, None)}, "
                f"harus sama dengan bobot komponennya ({format_number(component.weight, None)})"
            )
        for sub in component.subcomponents:
            code_of("sub komponen", sub.code)
            if not sub.name.strip():
                problems.append(f"Nama sub komponen {sub.code} wajib diisi")
            if sub.weight <= 0:
                problems.append(f"Bobot sub komponen {sub.code} harus lebih dari 0")
            if not sub.criteria:
                problems.append(f"Sub komponen {sub.code} {sub.name} belum memiliki kriteria")
            for criterion in sub.criteria:
                code_of("kriteria", criterion.code)
                if not criterion.statement.strip():
                    problems.append(f"Uraian kriteria {criterion.code} wajib diisi")
                if criterion.scale not in ANSWER_SCALES:
                    problems.append(f"Kriteria {criterion.code}: skala jawaban “{criterion.scale}” tidak dikenal")
    if total != HUNDRED:
        problems.append(f"Bobot komponen berjumlah {format_number(total, None)}, harus 100")
    return problems


# --- the score -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubcomponentScore:
    code: str
    name: str
    weight: Decimal
    score: Decimal  # weight × mean of the criteria's values, unrounded
    answered: int
    criteria: int


@dataclass(frozen=True)
class ComponentScore:
    code: str
    name: str
    weight: Decimal
    score: Decimal
    subcomponents: tuple[SubcomponentScore, ...]


@dataclass(frozen=True)
class LkeScore:
    total: Decimal  # 0–100, unrounded
    grade: str  # AA … D
    components: tuple[ComponentScore, ...]
    unanswered: tuple[str, ...]  # codes of criteria without an answer (counted as 0)

    @property
    def complete(self) -> bool:
        return not self.unanswered


def score_lke(framework: Framework, answers: Mapping[str, str | None]) -> LkeScore:
    """Score an LKE from its answers by criterion code (``{"1.a.1": "Y", "1.b.1": "B", …}``).

    Raises ValueError for a structure :func:`framework_problems` refuses and for an answer not on its
    criterion's scale. Answers to codes the structure does not have are ignored.
    """
    problems = framework_problems(framework)
    if problems:
        raise ValueError("; ".join(problems))
    unanswered: list[str] = []
    components = []
    with localcontext(FORMULA_CONTEXT):
        for component in framework.components:
            subs = []
            for sub in component.subcomponents:
                values = []
                for criterion in sub.criteria:
                    value = answer_value(criterion.scale, answers.get(criterion.code))
                    if value is None:
                        unanswered.append(criterion.code)
                    values.append(value)
                score = sub.weight * sum((v for v in values if v is not None), ZERO) / len(values)
                answered = sum(1 for v in values if v is not None)
                subs.append(SubcomponentScore(sub.code, sub.name, sub.weight, score, answered, len(values)))
            components.append(
                ComponentScore(
                    component.code, component.name, component.weight, sum((s.score for s in subs), ZERO), tuple(subs)
                )
            )
        total = sum((c.score for c in components), ZERO)
    return LkeScore(total, akip_grade(total), tuple(components), tuple(unanswered))


# --- the grade -----------------------------------------------------------------------------------------

# (grade, bound it must exceed), best first; below every bound: D.
AKIP_BANDS: tuple[tuple[str, Decimal], ...] = (
    ("AA", Decimal(90)),
    ("A", Decimal(80)),
    ("BB", Decimal(70)),
    ("B", Decimal(60)),
    ("CC", Decimal(50)),
    ("C", Decimal(30)),
)
LOWEST_GRADE = "D"


def akip_grade(score: Number) -> str:
    """The AKIP grade of a total from 0 to 100, compared rounded half up to two decimals.

    AA > 90; A > 80–90; BB > 70–80; B > 60–70; CC > 50–60; C > 30–50; D 0–30 (a bound itself belongs to
    the lower grade: 90 is A). ValueError outside 0–100.
    """
    value = round_half_up(as_decimal(score, "Nilai AKIP"), DISPLAY_PLACES)
    if value < 0 or value > HUNDRED:
        raise ValueError(f"Nilai AKIP harus antara 0 dan 100, bukan {format_number(value)}")
    for grade, bound in AKIP_BANDS:
        if value > bound:
            return grade
    return LOWEST_GRADE


def grade_description(grade: str) -> str:
    """``Memuaskan (>80–90)`` for ``A``: the interpretation of a grade as the regulation words it."""
    return AKIP_GRADES.descriptions[AKIP_GRADES.rank(grade) - 1]
