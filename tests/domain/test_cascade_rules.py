"""The cascade's rules: who may be whose superior, what supports what, the colours and the layout."""

from __future__ import annotations

from decimal import Decimal

from kinerja_desktop.domain import cascade as rules
from kinerja_desktop.domain.cascade import TreeNode
from kinerja_desktop.domain.enums import AgreementKind, GoalLevel, PositionLevel, ProgramLevel

D = Decimal


def test_levels_line_up_from_positions_to_sasaran_and_pks() -> None:
    assert [p.goal_level for p in PositionLevel] == [GoalLevel.OPD, GoalLevel.PROGRAM, GoalLevel.ACTIVITY,
                                                     GoalLevel.INDIVIDUAL]
    assert [p.agreement_kind for p in PositionLevel] == [AgreementKind.OPD, AgreementKind.ESELON_III,
                                                         AgreementKind.ESELON_IV, None]
    assert [k.goal_level for k in AgreementKind] == [GoalLevel.REGIONAL, GoalLevel.OPD, GoalLevel.PROGRAM,
                                                     GoalLevel.ACTIVITY]


def test_superiors_sasaran_and_programs_that_fit() -> None:
    assert rules.superior_problem(PositionLevel.ESELON_IV, PositionLevel.HEAD) is None  # a Kasi under the Camat
    assert rules.superior_problem(PositionLevel.ESELON_III, None) == (
        "Jabatan eselon iii (administrator) harus memiliki atasan langsung")
    assert rules.superior_problem(PositionLevel.HEAD, PositionLevel.ESELON_III) is not None
    assert rules.support_problem(GoalLevel.ACTIVITY, GoalLevel.OPD) is None
    assert rules.support_problem(GoalLevel.ACTIVITY, GoalLevel.ACTIVITY) is not None
    assert rules.support_problem(GoalLevel.PROGRAM, GoalLevel.REGIONAL) is not None
    assert rules.program_problem(GoalLevel.PROGRAM, ProgramLevel.ACTIVITY) is None
    assert rules.program_problem(GoalLevel.ACTIVITY, ProgramLevel.PROGRAM) == (
        "Sasaran Kegiatan memuat sub kegiatan, bukan program")
    assert rules.program_problem(GoalLevel.INDIVIDUAL, ProgramLevel.SUB_ACTIVITY) == (
        "Sasaran Individu tidak memuat program, kegiatan atau sub kegiatan")


def test_position_codes_for_document_identities() -> None:
    assert rules.position_code("Kepala Bidang Kesehatan Masyarakat") == "KBKM"
    assert rules.position_code("Kepala Seksi Kesehatan Keluarga dan Gizi") == "KSKKG"
    assert rules.position_code("Sekretaris") == "SEKRETARIS"


def test_colours_follow_the_capaian_and_the_warning_threshold() -> None:
    bands = [rules.capaian_band(value, D(75)) for value in (None, D(100), D("99.99"), D(75), D("74.99"))]
    assert bands == [rules.NO_READING, rules.REACHED, rules.BELOW, rules.BELOW, rules.WARNING]
    assert rules.mean([D(90), None, D("95.5")]) == D("92.75")
    assert rules.mean([None]) is None


def _node(name: str, level: GoalLevel, *children: TreeNode) -> TreeNode:
    return TreeNode(name, level, name, "", "", (), None, rules.NO_READING, (), children)


def test_layout_stacks_leaves_and_pages_break_between_boxes() -> None:
    tree = [
        _node("r1", GoalLevel.REGIONAL,
              _node("o1", GoalLevel.OPD, _node("p1", GoalLevel.PROGRAM), _node("p2", GoalLevel.PROGRAM)),
              _node("o2", GoalLevel.OPD)),
        _node("r2", GoalLevel.REGIONAL),
    ]
    placed = rules.layout(tree, lambda node: 10.0, gap=2.0)
    where = {p.node.id: (p.column, p.top, p.span_end) for p in placed}
    assert where == {
        "r1": (0, 0.0, 34.0), "o1": (1, 0.0, 22.0), "p1": (2, 0.0, 10.0), "p2": (2, 12.0, 22.0),
        "o2": (1, 24.0, 34.0), "r2": (0, 38.0, 48.0),
    }
    assert [p.parent_id for p in placed] == [None, "r1", "o1", "o1", "r1", None]
    # a page of 30 holds r1 … p2 and breaks before o2 (at 24), never inside a box
    assert rules.page_breaks(placed, 30.0) == [0.0, 24.0]
    assert rules.page_breaks(placed, 100.0) == [0.0]
