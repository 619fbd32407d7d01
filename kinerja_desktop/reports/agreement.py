"""The Perjanjian Kinerja: statement sheet and lampiran (PermenPANRB 53/2014 layout)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from kinerja_desktop.domain.formatting import format_date
from kinerja_desktop.reports.blocks import SIGN_SPACE, SignatureColumn, field_table, letterhead, signature_table
from kinerja_desktop.reports.data import AgreementDocument, AgreementGoal, AgreementProgram, Signer
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import CELL_FONT, GRID, HEADER_FILL, TOTAL_FILL, styles
from kinerja_desktop.reports.tables import GroupedTable, RowGroup
from kinerja_desktop.reports.templates import fill
from kinerja_desktop.reports.text import format_amount, format_target, markup

TABLE_STYLE: list[tuple[Any, ...]] = [
    CELL_FONT,
    ("GRID", (0, 0), (-1, -1), 0.6, GRID),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def title_text(doc: AgreementDocument) -> str:
    """``PERJANJIAN KINERJA TAHUN 2026`` or ``PERJANJIAN KINERJA PERUBAHAN TAHUN 2026``."""
    template = doc.template.amended_title if doc.amendment else doc.template.title
    return fill(template, tahun=str(doc.year))


def _meta(doc: AgreementDocument, digest: str) -> DocumentMeta:
    title = title_text(doc).title()
    if not doc.kind.single_signer and doc.second_party is not None:
        subject = f"Perjanjian Kinerja antara {doc.second_party.title} dan {doc.first_party.title}"
        title = f"{title} \u2013 {doc.unit_name}"
    else:
        subject = f"Perjanjian Kinerja {doc.first_party.title}"
        title = f"{title} \u2013 {doc.region.full_name}"
    return DocumentMeta(
        title=title,
        author=f"Pemerintah {doc.region.full_name}",
        subject=subject,
        identity=doc.identity,
        fingerprint=digest,
        qr=True,
        watermark=doc.watermark,
        dated=doc.signed_on,
        source=doc.source,
    )


def _place_date(doc: AgreementDocument) -> str:
    return f"{doc.place}, {format_date(doc.signed_on)}"


def _signatures(doc: AgreementDocument, width: float, sign_space: float = SIGN_SPACE) -> Flowable:
    template = doc.template
    if doc.kind.single_signer or doc.second_party is None:
        right = SignatureColumn.of(doc.first_party)
        return signature_table(None, right, width, _place_date(doc), sign_space)
    left = SignatureColumn.of(doc.second_party, heading=template.second_party_heading)
    right = SignatureColumn.of(doc.first_party, heading=template.first_party_heading)
    return signature_table(left, right, width, _place_date(doc), sign_space)


def _statement(doc: AgreementDocument, width: float, tight: bool = False) -> list[Flowable]:
    """The statement sheet; ``tight`` sets it in slightly smaller type and spacing so that it fits one page."""
    st = styles()
    template = doc.template
    body, body_left = (st.body_tight, st.body_left_tight) if tight else (st.body, st.body_left)
    gap = 0.55 if tight else 1.0  # spacing scale

    def space(points: float) -> Spacer:
        return Spacer(1, points * gap)

    story: list[Flowable] = letterhead(doc.letterhead, width)
    story.append(Paragraph(markup(title_text(doc)), st.title))
    if doc.amendment:
        note = fill(
            template.amendment_note,
            tahun=str(doc.year),
            versi=str(doc.amendment.replaces_version),
            tanggal=format_date(doc.amendment.replaces_date),
            alasan=markup(doc.amendment.reason),
        )
        story += [space(6), Paragraph(f"<i>{note}</i>", st.note)]
    story.append(space(16))
    fields = [template.name_label, template.position_label]

    def parties(signer: Signer) -> Flowable:
        return field_table(list(zip(fields, (signer.name, signer.title), strict=True)), width, style=body_left)

    if doc.kind.single_signer or doc.second_party is None:
        story += [Paragraph(template.regional_opening, body), space(8), parties(doc.first_party), space(10)]
        closing: list[Flowable] = [Paragraph(template.regional_commitment, body)]
    else:
        story += [
            Paragraph(template.opening, body),
            space(8),
            parties(doc.first_party),
            Paragraph(template.first_party_clause, body_left),
            space(8),
            parties(doc.second_party),
            Paragraph(template.second_party_clause, body_left),
            space(10),
            Paragraph(template.first_party_commitment, body),
            space(8),
        ]
        closing = [Paragraph(template.second_party_commitment, body)]
    sign_space = SIGN_SPACE * (0.8 if tight else 1.0)
    # The signatures never stand alone: the last sentence goes with them when they must turn the page.
    story.append(KeepTogether([*closing, space(22), _signatures(doc, width, sign_space)]))
    return story


def _height(story: list[Flowable], width: float, height: float) -> float:
    """The height the story takes, measured before the build (KeepTogether measures only inside a build)."""
    total = 0.0
    for flowable in story:
        parts = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
        total += sum(part.wrap(width, height)[1] for part in parts)
    return total


def _goal_groups(goals: tuple[AgreementGoal, ...]) -> list[RowGroup]:
    """One group per sasaran spanning its indicators; cut by a page, it continues with "(lanjutan)"."""
    st = styles()
    groups: list[RowGroup] = []
    for number, goal in enumerate(goals, start=1):
        rows = [
            [
                Paragraph(markup(i.name), st.cell),
                Paragraph(markup(format_target(i.target, empty="\u2013")), st.cell_center),
            ]
            for i in goal.indicators
        ] or [[Paragraph("\u2013", st.cell_center), Paragraph("\u2013", st.cell_center)]]
        statement = markup(goal.statement)
        first = [Paragraph(f"{number}.", st.cell_center), Paragraph(statement, st.cell)]
        group_rows = [(first if k == 0 else ["", ""]) + cells for k, cells in enumerate(rows)]
        commands: list[tuple[Any, ...]] = []
        if len(rows) > 1:
            last = len(rows) - 1
            commands = [("SPAN", (0, 0), (0, last)), ("SPAN", (1, 0), (1, last))]
        continued = {
            0: Paragraph(f"{number}.", st.cell_center),
            1: Paragraph(f"{statement} <i>(lanjutan)</i>", st.cell),
        }
        groups.append(RowGroup(group_rows, commands, continued))
    return groups


def _program_groups(doc: AgreementDocument) -> list[RowGroup]:
    st = styles()
    groups: list[RowGroup] = []
    for number, program in enumerate(doc.programs, start=1):
        groups.append(RowGroup([_program_row(number, program)]))
    total = sum(p.budget for p in doc.programs)
    total_row = [
        Paragraph(markup(doc.template.total_label), st.cell_bold_center),
        "",
        Paragraph(format_amount(total), st.cell_bold_right),
        "",
    ]
    groups[-1].rows.append(total_row)
    groups[-1].commands += [("SPAN", (0, 1), (1, 1)), ("BACKGROUND", (0, 1), (-1, 1), TOTAL_FILL)]
    return groups


def _program_row(number: int, program: AgreementProgram) -> list[Any]:
    st = styles()
    name = markup(program.name)
    if program.code:
        name = f"{markup(program.code)} {name}"
    return [
        Paragraph(f"{number}.", st.cell_center),
        Paragraph(name, st.cell),
        Paragraph(format_amount(program.budget), st.cell_right),
        Paragraph(markup(program.note), st.cell),
    ]


def _lampiran(doc: AgreementDocument, width: float, height: float) -> list[Flowable]:
    st = styles()
    template = doc.template
    heading = [title_text(doc)]
    if not doc.kind.single_signer:
        heading.append(doc.unit_name.upper())
    heading.append(doc.region.full_name.upper())
    # The heading is the table's lead: it never ends a page without the first rows under it.
    lead: list[Flowable] = [Paragraph(markup(line), st.subtitle) for line in heading]
    lead.append(Spacer(1, 10))
    signature = [Spacer(1, 14), _signatures(doc, width)]

    h = st.header
    goal_column, program_column = template.columns(doc.kind)
    goal_header = [
        [
            Paragraph("No", h),
            Paragraph(markup(goal_column), h),
            Paragraph(markup(template.indicator_column), h),
            Paragraph(markup(template.target_column), h),
        ]
    ]
    goal_widths = [1.0 * cm, 5.0 * cm, width - 9.4 * cm, 3.4 * cm]
    story: list[Flowable] = [
        GroupedTable(
            goal_header,
            _goal_groups(doc.goals),
            goal_widths,
            TABLE_STYLE,
            frame_height=height,
            lead=lead,
            tail=() if doc.programs else signature,
            keep_groups=1,
            min_groups=1,
        )
    ]
    if doc.programs:
        program_header = [
            [
                Paragraph("No", h),
                Paragraph(markup(program_column), h),
                Paragraph(markup(template.budget_column), h),
                Paragraph(markup(template.note_column), h),
            ]
        ]
        program_widths = [1.0 * cm, width - 7.6 * cm, 3.8 * cm, 2.8 * cm]
        story.append(
            GroupedTable(
                program_header,
                _program_groups(doc),
                program_widths,
                TABLE_STYLE,
                frame_height=height,
                lead=[Spacer(1, 12)],
                tail=signature,
                keep_groups=2,
            )
        )
    return story


def render_agreement(doc: AgreementDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write the signing-ready PK (statement sheet, then the lampiran on a new page) to ``out``."""
    digest = fingerprint(doc)
    meta = _meta(doc, digest)
    pdf = new_document(out, meta, paper)
    width, height = frame_size(pdf)
    statement = _statement(doc, width)
    if _height(statement, width, height) > height:
        statement = _statement(doc, width, tight=True)
    build(pdf, statement + [PageBreak()] + _lampiran(doc, width, height), meta)
