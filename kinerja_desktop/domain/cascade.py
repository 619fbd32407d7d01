"""The rules of the cascade (pohon kinerja) inside an OPD: positions, who supports whom, what is aligned.

An OPD's positions form a tree under its head (kepala → eselon III → eselon IV → staff); each holder answers
for sasaran of the matching level (``PositionLevel.goal_level``), and each such sasaran supports one of a higher
level: RPJMD sasaran → sasaran strategis (Renstra) → sasaran program → sasaran kegiatan → an employee's own target.
Inside the OPD the indicators are linked too (an indicator of a sasaran program supports an indicator of the
sasaran strategis above it), so the alignment check can say which target is carried by nothing below it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .enums import GoalLevel, PositionLevel, ProgramLevel
from .formatting import format_number

# Who may be a position's direct superior (atasan langsung): a Kepala Seksi of a kecamatan answers to the Camat
# himself, a Kepala Sub Bagian to the Sekretaris Camat.
SUPERIOR_LEVELS: dict[PositionLevel, tuple[PositionLevel, ...]] = {
    PositionLevel.HEAD: (),
    PositionLevel.ESELON_III: (PositionLevel.HEAD,),
    PositionLevel.ESELON_IV: (PositionLevel.HEAD, PositionLevel.ESELON_III),
    PositionLevel.STAFF: (PositionLevel.HEAD, PositionLevel.ESELON_III, PositionLevel.ESELON_IV),
}
# The budget rows a sasaran's lampiran lists (PermenPANRB 53/2014 with the Permendagri 90/2019 structure):
# program or kegiatan for eselon III, sub kegiatan for eselon IV.
PROGRAM_LEVELS: dict[GoalLevel, tuple[ProgramLevel, ...]] = {
    GoalLevel.OPD: (ProgramLevel.PROGRAM,),
    GoalLevel.PROGRAM: (ProgramLevel.PROGRAM, ProgramLevel.ACTIVITY),
    GoalLevel.ACTIVITY: (ProgramLevel.SUB_ACTIVITY,),
}
# Indicators are linked from here down (the Renstra's sasaran are linked to the RPJMD by sasaran only).
FIRST_LINKED_INDICATORS = GoalLevel.PROGRAM


def superior_problem(level: PositionLevel, superior: PositionLevel | None) -> str | None:
    """Why ``superior`` cannot be the direct superior of a position of ``level`` (None: it can)."""
    allowed = SUPERIOR_LEVELS[level]
    if not allowed:
        return "Kepala perangkat daerah tidak memiliki atasan di dalam perangkat daerah" if superior else None
    if superior is None:
        return f"Jabatan {level.label.lower()} harus memiliki atasan langsung"
    if superior not in allowed:
        names = " atau ".join(s.label.lower() for s in allowed)
        return f"Atasan langsung jabatan {level.label.lower()} harus jabatan {names}"
    return None


def support_problem(level: GoalLevel, supported: GoalLevel | None) -> str | None:
    """Why a sasaran of ``level`` cannot support one of ``supported`` (None: it can, or nothing is chosen)."""
    if supported is None:
        return None
    if level is GoalLevel.OPD:
        return None if supported is GoalLevel.REGIONAL else "Sasaran strategis mendukung sebuah sasaran RPJMD"
    if supported.depth >= level.depth or supported.depth < GoalLevel.OPD.depth:
        return f"{level.label} mendukung sasaran perangkat daerah di atasnya (sasaran strategis, program, kegiatan)"
    return None


def program_problem(level: GoalLevel, program: ProgramLevel) -> str | None:
    """Why a budget row of ``program`` level cannot be listed under a sasaran of ``level``."""
    allowed = PROGRAM_LEVELS.get(level, ())
    if program in allowed:
        return None
    if not allowed:
        return f"{level.label} tidak memuat program, kegiatan atau sub kegiatan"
    names = " atau ".join(a.label.lower() for a in allowed)
    return f"{level.label} memuat {names}, bukan {program.label.lower()}"


_SKIPPED_WORDS = {"dan", "dan/atau", "atau", "serta", "pada", "di", "ke", "dari", "untuk", "yang"}


def position_code(name: str) -> str:
    """A short code of a jabatan for document identities: the initials of its words
    (``Kepala Bidang Kesehatan Masyarakat`` → ``KBKM``; ``Sekretaris`` → ``SEKRETARIS``)."""
    words = [w for w in re.split(r"[^0-9A-Za-z/]+", name) if w and w.casefold() not in _SKIPPED_WORDS]
    if len(words) == 1:
        return re.sub(r"[^A-Z0-9]", "", words[0].upper())[:12] or "JABATAN"
    return "".join(w[0].upper() for w in words if w[0].isalnum())[:12] or "JABATAN"


# --- alignment -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A sasaran or an indicator of the cascade, as the alignment check sees it."""

    id: str
    level: GoalLevel
    parent_id: str | None  # the upper sasaran (or indicator) it supports
    is_indicator: bool = False
    goal_id: str | None = None  # an indicator's own sasaran
    deepest: GoalLevel = GoalLevel.INDIVIDUAL  # how deep the cascade should go below it (its own level: not at all)


@dataclass(frozen=True)
class Finding:
    target_id: str
    kind: str  # ORPHAN, UNSUPPORTED or MISALIGNED


ORPHAN = "tanpa_induk"  # a lower target supporting nothing
UNSUPPORTED = "tidak_didukung"  # an upper target nothing below supports
MISALIGNED = "tidak_selaras"  # an indicator supporting one of another sasaran than its own sasaran's parent


def alignment(targets: Sequence[Target]) -> list[Finding]:
    """What is not aligned among ``targets`` (the active ones in scope; a parent outside them counts as missing):

    * a sasaran below the RPJMD that supports nothing (ORPHAN);
    * a sasaran above its ``deepest`` level that no sasaran supports (UNSUPPORTED);
    * from ``FIRST_LINKED_INDICATORS`` down, an indicator of a linked sasaran without a parent indicator
      (ORPHAN) or with one that is not an indicator of its sasaran's parent (MISALIGNED);
    * an indicator of a sasaran supported from a linked level that no indicator supports (UNSUPPORTED).
    """
    by_id = {t.id: t for t in targets}
    goals = [t for t in targets if not t.is_indicator]
    supported = {t.parent_id for t in targets if t.parent_id in by_id}
    linked = FIRST_LINKED_INDICATORS.depth
    supported_goals = {t.parent_id for t in goals if t.parent_id in by_id and t.level.depth >= linked}
    findings: list[Finding] = []
    for target in targets:
        if not target.is_indicator:
            if target.level is not GoalLevel.REGIONAL and target.parent_id not in by_id:
                findings.append(Finding(target.id, ORPHAN))
            if target.level.depth < target.deepest.depth and target.id not in supported:
                findings.append(Finding(target.id, UNSUPPORTED))
            continue
        goal = by_id.get(target.goal_id or "")
        if goal is None:
            continue
        if target.level.depth >= FIRST_LINKED_INDICATORS.depth and goal.parent_id in by_id:
            parent = by_id.get(target.parent_id or "")
            if parent is None:
                findings.append(Finding(target.id, ORPHAN))
            elif parent.goal_id != goal.parent_id:
                findings.append(Finding(target.id, MISALIGNED))
        if target.goal_id in supported_goals and target.id not in supported:
            findings.append(Finding(target.id, UNSUPPORTED))
    return findings


# --- the colours of the pohon kinerja --------------------------------------------------------------------

REACHED, BELOW, WARNING, NO_READING = "tercapai", "di_bawah_target", "peringatan_dini", "belum_ada"
BAND_LABELS = {
    REACHED: "Capaian ≥ 100%",
    BELOW: "Di bawah target",
    WARNING: "Peringatan dini",
    NO_READING: "Belum ada capaian",
}


def capaian_band(capaian: Decimal | None, warning_threshold: Decimal) -> str:
    """The colour class of a node from its latest capaian (percent): reached, below target, under the regency's
    early-warning threshold, or no reading."""
    if capaian is None:
        return NO_READING
    if capaian >= 100:
        return REACHED
    return BELOW if capaian >= warning_threshold else WARNING


def mean(values: Iterable[Decimal | None]) -> Decimal | None:
    """The mean of the readings there are (None when none), to two places."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return (sum(present, Decimal(0)) / len(present)).quantize(Decimal("0.01"))


# --- the tree as shown and printed -------------------------------------------------------------------


@dataclass(frozen=True)
class AlignmentWarning:
    """One line of the alignment check, said in Indonesian."""

    target_id: str
    kind: str  # domain.cascade's ORPHAN, UNSUPPORTED, MISALIGNED
    level: GoalLevel
    text: str  # the sasaran or indicator
    opd: str  # the OPD's abbreviation ("" for the RPJMD)
    message: str


@dataclass(frozen=True)
class TreeIndicator:
    id: str
    name: str
    capaian: Decimal | None  # the latest reading of the year, percent (capped as the evaluation caps it)


@dataclass(frozen=True)
class TreeNode:
    id: str
    level: GoalLevel
    text: str
    opd: str  # the OPD's abbreviation ("" for the RPJMD)
    position: str  # the position answering for it and its holder ("" above the OPDs' positions)
    indicators: tuple[TreeIndicator, ...]
    capaian: Decimal | None
    band: str  # domain.cascade's REACHED, BELOW, WARNING, NO_READING
    warnings: tuple[str, ...] = ()
    children: tuple[TreeNode, ...] = ()
    opd_id: str = ""  # its OPD ("" for the RPJMD)

    @property
    def capaian_text(self) -> str:
        return "Capaian —" if self.capaian is None else f"Capaian {format_number(self.capaian, 2)}%"

    def walk(self) -> list[TreeNode]:
        """This node and every node under it, depth first."""
        return [self, *(n for child in self.children for n in child.walk())]


@dataclass(frozen=True)
class CascadeTree:
    year: int
    title: str  # "Pohon Kinerja Tahun 2025 — Dinas Kesehatan"
    roots: tuple[TreeNode, ...]
    warnings: tuple[AlignmentWarning, ...] = field(default_factory=tuple)

    def nodes(self) -> list[TreeNode]:
        return [n for root in self.roots for n in root.walk()]


# --- laying the tree out: a column per level, left to right ----------------------------------------------


@dataclass(frozen=True)
class Placed:
    """A node's box: its column (the level: 0 for the RPJMD … 4 for the individual targets), its top and height
    (in the caller's units, downwards) and the span of its subtree."""

    node: TreeNode
    column: int
    top: float
    height: float
    span_end: float  # where its subtree ends
    parent_id: str | None


def layout(roots: Sequence[TreeNode], height_of: Callable[[TreeNode], float], gap: float) -> list[Placed]:
    """Every node placed: leaves stacked down the page, a parent level with the top of its first child, so a
    subtree takes the rows of its leaves (or of its own box when taller). Depth first, parents before children."""
    placed: list[Placed] = []

    def place(node: TreeNode, top: float, parent: str | None) -> float:
        own = height_of(node)
        index = len(placed)
        placed.append(Placed(node, node.level.depth - 1, top, own, top + own, parent))
        end = top
        for child in node.children:
            end = place(child, end, node.id) + gap
        end = max(end - gap if node.children else end, top + own)
        placed[index] = Placed(node, node.level.depth - 1, top, own, end, parent)
        return end

    end = 0.0
    for root in roots:
        end = place(root, end, None) + gap * 2
    return placed


def page_breaks(placed: Sequence[Placed], page_height: float) -> list[float]:
    """Where the pages start: as far down as a page holds without cutting a box (a box taller than a page is
    cut where the page ends)."""
    if not placed:
        return [0.0]
    end = max(p.top + p.height for p in placed)
    boxes = sorted((p.top, p.top + p.height) for p in placed)
    starts = [0.0]
    while starts[-1] + page_height < end:
        limit = starts[-1] + page_height
        cuts = [top for top, _ in boxes if starts[-1] < top <= limit
                and not any(a < top < b for a, b in boxes)]
        starts.append(max(cuts) if cuts else limit)
    return starts
