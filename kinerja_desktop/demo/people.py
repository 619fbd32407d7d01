"""Invented civil servants for the demo: Javanese names with gelar, valid NIPs, pangkat/golongan."""

from __future__ import annotations

import random
from datetime import date

from ..db.models import Official
from ..domain.personnel import RANKS, nip_problem
from . import catalog as cat

GRADE_RANK = {grade: name for name, grade in RANKS}


class PersonMaker:
    """Names and NIPs never given twice, drawn from the builder's random sequence (same seed, same people)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.nips: set[str] = set()

    def person_name(self, titles: str, *, sex: int, senior: bool = True, haji: bool | None = None) -> str:
        front_options, back_options = cat.TITLES[titles]
        while True:
            if self.rng.random() < 0.15:
                core = self.rng.choice(cat.MALE_MONONYMS if sex == 1 else cat.FEMALE_MONONYMS)
            elif sex == 1:
                core = f"{self.rng.choice(cat.MALE_GIVEN)} {self.rng.choice(cat.MALE_FAMILY)}"
            else:
                core = f"{self.rng.choice(cat.FEMALE_GIVEN)} {self.rng.choice(cat.FEMALE_FAMILY)}"
            first, back = self.rng.choice(front_options), self.rng.choice(back_options)
            if first in ("Drs.", "Ir."):
                # The old bachelor titles stand before the name; only the master's degree follows it.
                back = ", ".join(part for part in back.split(", ") if part.startswith("M.")) or "M.Si."
                first = "Dra." if first == "Drs." and sex == 2 else first
            front = [first]
            if senior and self.rng.random() < 0.08 and first != "dr.":
                front.insert(0, "Dr.")
            if haji if haji is not None else self.rng.random() < 0.35:
                front.append("H." if sex == 1 else "Hj.")
            if core not in self.names:
                self.names.add(core)
                return " ".join(part for part in (*front, core) if part) + ", " + back

    def nip(self, born_from: int, born_to: int, sex: int, birthday: date | None = None) -> str:
        while True:
            born = birthday or date(
                self.rng.randint(born_from, born_to), self.rng.randint(1, 12), self.rng.randint(1, 28)
            )
            appointed_year = born.year + self.rng.randint(23, 28)
            appointed_month = self.rng.choice((1, 3, 3, 4, 12, 12, self.rng.randint(1, 12)))
            nip = f"{born:%Y%m%d}{appointed_year}{appointed_month:02d}{sex}{self.rng.randint(1, 12):03d}"
            if nip not in self.nips and nip_problem(nip) is None:
                self.nips.add(nip)
                return nip

    def civil_servant(
        self, titles: str, grades: tuple[str, ...], born: tuple[int, int], *, senior: bool = True,
        birthday: date | None = None,
    ) -> Official:
        """An invented ASN with gelar, a valid NIP and a pangkat/golongan (not yet added to the session)."""
        sex = 2 if self.rng.random() < 0.25 else 1
        grade = self.rng.choice(grades)
        return Official(
            name=self.person_name(titles, sex=sex, senior=senior),
            nip=self.nip(born[0], born[1], sex, birthday),
            rank=GRADE_RANK[grade],
            grade=grade,
        )
