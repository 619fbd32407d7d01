"""The fonts' files are read when a document first uses them (issue 20: a PK uses three of the six), and a font
read that way prints exactly as one ReportLab reads at once."""

from __future__ import annotations

import subprocess
import sys

# Each probe runs in a fresh interpreter: this process's other tests have long read every font.
RENDER = """
import sys
from io import BytesIO
from reportlab.pdfbase import pdfmetrics
from kinerja_desktop.reports import fonts, samples
from kinerja_desktop.reports.agreement import render_agreement

if sys.argv[1] == "eager":  # every font read at once, as ReportLab's TTFont does, before anything else
    from reportlab.pdfbase.ttfonts import TTFont
    from kinerja_desktop.paths import resource

    for name, filename in fonts._FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(fonts.SERIF, normal=fonts.SERIF, bold=fonts.SERIF_BOLD, italic=fonts.SERIF_ITALIC,
                                  boldItalic=fonts.SERIF_BOLD_ITALIC)
    pdfmetrics.registerFontFamily(fonts.SANS, normal=fonts.SANS, bold=fonts.SANS_BOLD, italic=fonts.SANS,
                                  boldItalic=fonts.SANS_BOLD)
    fonts._registered = True
fonts.register_fonts()
read = lambda: sorted(n for n in fonts._FILES if "face" in vars(pdfmetrics.getFont(n)))
print("READ", *read())
out = BytesIO()
render_agreement(samples.sample_agreement(), out)
print("READ", *read())
sys.stdout.flush()
sys.stdout.buffer.write(out.getvalue())
"""


def _render(how: str) -> tuple[list[str], list[str], bytes]:
    result = subprocess.run([sys.executable, "-c", RENDER, how], capture_output=True, check=True)
    before, after, pdf = result.stdout.split(b"\n", 2)
    return before.decode().split()[1:], after.decode().split()[1:], pdf


def test_a_pk_reads_only_the_fonts_it_uses_and_prints_as_with_every_font_read():
    before, after, lazy = _render("lazy")
    assert before == []  # registering the fonts read none of their files
    assert after == ["LiberationSerif", "LiberationSerif-Bold"]  # the sample PK's two: its regular and its bold
    everything, _, eager = _render("eager")
    assert len(everything) == 6
    assert lazy.startswith(b"%PDF") and lazy == eager


def test_a_font_not_read_yet_answers_as_a_truetype_font():
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import TTFont

    from kinerja_desktop.paths import resource
    from kinerja_desktop.reports.fonts import _FILES, SERIF, SERIF_BOLD_ITALIC, _FontOnFirstUse, register_fonts

    path = str(resource("fonts", _FILES[SERIF_BOLD_ITALIC]))
    lazy, eager = _FontOnFirstUse("Uji-BoldItalic", path), TTFont("Uji-BoldItalic", path)
    assert isinstance(lazy, TTFont) and "face" not in vars(lazy)
    assert lazy.stringWidth("Rp 1.250.000.000", 10) == eager.stringWidth("Rp 1.250.000.000", 10) > 0
    assert lazy.face.name == eager.face.name and not hasattr(lazy, "no_such_attribute")
    register_fonts()  # through ReportLab's own lookup, the registered font measures as the file read at once
    regular = TTFont("Uji", str(resource("fonts", _FILES[SERIF])))
    assert stringWidth("Perjanjian Kinerja", SERIF, 12) == regular.stringWidth("Perjanjian Kinerja", 12) > 0


def test_read_fonts_reads_every_file_before_a_pool_forks():
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from kinerja_desktop.reports import fonts\n"
        "fonts.read_fonts()\n"
        "print(sum('face' in vars(pdfmetrics.getFont(n)) for n in fonts._FILES))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "6"


def test_threads_asking_a_font_not_read_yet_all_get_the_whole_font():
    from concurrent.futures import ThreadPoolExecutor

    from reportlab.pdfbase.ttfonts import TTFont

    from kinerja_desktop.paths import resource
    from kinerja_desktop.reports.fonts import _FILES, SANS, _FontOnFirstUse

    path = str(resource("fonts", _FILES[SANS]))
    lazy, expected = _FontOnFirstUse("Uji-Sans", path), TTFont("Uji-Sans", path).stringWidth("Kinerja 2026", 9)
    with ThreadPoolExecutor(8) as pool:
        widths = list(pool.map(lambda _: lazy.stringWidth("Kinerja 2026", 9), range(32)))
    assert widths == [expected] * 32
