"""The participation statement as a one-page PDF (fpdf2): the Dutch section for the job coach
or school, then the young person's own language, with the signed check link.

Tigrinya, Amharic and the Arabic-script languages need embedded fonts and text shaping
(HarfBuzz through uharfbuzz) to come out joined and in the right direction; the Noto fonts
come from Debian's ``fonts-noto-core``, looked up when a PDF is made."""

from datetime import date
from pathlib import Path

from flask import Response, current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from fpdf import FPDF

from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.languages import cldr_locale
from meedoen.i18n import current_language, format_date, use_language
from meedoen.participation import present

FONT_DIR = "/usr/share/fonts/truetype/noto"
# Family name → file stem; every family in a regular and a bold file.
FONTS = {"NotoSans": "NotoSans", "NotoSansArabic": "NotoSansArabic",
         "NotoSansEthiopic": "NotoSansEthiopic"}
STYLES = {"": "Regular", "B": "Bold"}
ETHIOPIC = {"ti", "am"}
MARGIN = 18


def statement_pdf(user: User, year: int) -> Response:
    own = current_language()
    statement = present.statement(user, year)
    pdf = _new_pdf()
    for code in dict.fromkeys(("nl", own)):
        _section(pdf, code, user, year, statement["check_url"])
    return Response(bytes(pdf.output()), mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="meedoen-{year}.pdf"'})


def _font_files() -> dict[tuple[str, str], Path]:
    folder = Path(current_app.config.get("PDF_FONT_DIR", FONT_DIR))
    files = {(family, style): folder / f"{stem}-{name}.ttf"
             for family, stem in FONTS.items() for style, name in STYLES.items()}
    if not all(path.is_file() for path in files.values()):
        current_app.logger.error("PDF fonts missing in %s (install fonts-noto-core)", folder)
        fail(503, "pdf_fonts_missing", _("The PDF cannot be made on this server now. "
                                         "Print the page or save it as a PDF instead."))
    return files


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, MARGIN)
    for (family, style), path in _font_files().items():
        pdf.add_font(family, style, str(path))
    pdf.set_fallback_fonts(list(FONTS))
    pdf.set_title("Meedoen")
    pdf.add_page()
    return pdf


def _section(pdf: FPDF, code: str, user: User, year: int, check_url: str) -> None:
    with use_language(code):
        data = present.my_year(user, year)
        align = _start(pdf, code)
        _line(pdf, align, _("Participation statement"), size=15, bold=True)
        _line(pdf, align, f"{data['display_name']} · {data['year']}", size=12, bold=True)
        _line(pdf, align, data["municipality"])
        _line(pdf, align, ngettext("{count} activity", "{count} activities",
                                   data["activities"]).format(count=data["activities"]),
              bold=True)
        if data["volunteer_hours"] > 0:
            _line(pdf, align, _("Volunteering or helping organise: {hours} hours")
                  .format(hours=_number(data["volunteer_hours"])))
        _line(pdf, align, _counts(data["by_category"]))
        for month in data["by_month"]:  # up to twelve lines: smaller, to keep one page
            _line(pdf, align, f"{_month(month['month'])}: {_counts(month['categories'])}",
                  size=9)
    _check_link(pdf, check_url)


def _start(pdf: FPDF, code: str) -> str:
    """A rule between the sections, the language's font and shaping; its alignment."""
    right_to_left = cldr_locale(code).text_direction == "rtl"
    if pdf.get_y() > MARGIN:
        pdf.ln(4)
        pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
        pdf.ln(4)
    # Bidi per paragraph: Latin names, numbers and the link keep their own order.
    pdf.set_text_shaping(use_shaping_engine=True, language=code)
    pdf.set_font("NotoSansEthiopic" if code in ETHIOPIC else
                 "NotoSansArabic" if right_to_left else "NotoSans")
    return "R" if right_to_left else "L"


def _line(pdf: FPDF, align: str, text: str, size: int = 10, bold: bool = False) -> None:
    if not text:
        return
    pdf.set_font(style="B" if bold else "", size=size)
    pdf.multi_cell(0, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def _check_link(pdf: FPDF, check_url: str) -> None:
    pdf.set_font("NotoSans", "", 8)
    pdf.set_text_color(20, 60, 160)
    pdf.multi_cell(0, 4.5, check_url, link=check_url, align="L", wrapmode="CHAR",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)


def _counts(categories: list[dict]) -> str:
    return ", ".join(f"{c['label']} {c['count']}×" for c in categories)


def _number(value: float) -> str:
    return f"{value:g}"


def _month(month: str) -> str:
    return format_date(date.fromisoformat(f"{month}-01"), "month_year")
