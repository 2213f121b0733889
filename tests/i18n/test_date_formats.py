"""The dates users read in funds' notices (the language's long date), in the VOG reminder
(day, month name, year) and the months of the participation statement PDF (month name, year),
pinned for one fixed date in the languages whose dates differ most: Dari (prs, no CLDR locale
of its own) and Tigrinya (month first in its long date) included."""

from datetime import date
from types import SimpleNamespace

import pytest
from meedoen.contacts.screening import render_reminder
from meedoen.funds.texts import day
from meedoen.i18n import DATE_FORMATS, format_date, use_language
from meedoen.participation.statement_pdf import _month

from tests.contacts.helpers import make_contact

VALUE = date(2027, 3, 9)
# language → (funds' long date, the VOG reminder's date)
SHOWN = {
    "nl": ("9 maart 2027", "9 maart 2027"),
    "ar": ("9 مارس 2027", "9 مارس 2027"),
    "fa": ("9 مارس 2027", "9 مارس 2027"),
    "prs": ("9 مارچ 2027", "9 مارچ 2027"),
    "ti": ("መጋቢት 9, 2027", "9 መጋቢት 2027"),
    "en": ("March 9, 2027", "9 March 2027"),
}
# language → a month of the statement PDF (VALUE's)
MONTH_YEAR = {"nl": "maart 2027", "ar": "مارس 2027", "fa": "مارس 2027", "prs": "مارچ 2027",
              "ti": "መጋቢት 2027", "en": "March 2027"}


@pytest.mark.parametrize("code", SHOWN)
def test_funds_write_the_long_date_of_the_language(app, code):
    with app.app_context(), use_language(code):
        assert day(VALUE) == SHOWN[code][0]


@pytest.mark.parametrize("code", SHOWN)
def test_the_vog_reminder_writes_day_month_year(app, code):
    with app.app_context():
        contact = make_contact(name="Sam")
        contact.screening_valid_until = VALUE
        with use_language(code):
            body = render_reminder(SimpleNamespace(data={"contact_id": contact.id}))["body"]
    assert SHOWN[code][1] in body


@pytest.mark.parametrize("code", MONTH_YEAR)
def test_the_statement_pdf_writes_month_and_year(app, code):
    with app.app_context(), use_language(code):  # as the PDF writes each language's section
        assert _month("2027-03") == MONTH_YEAR[code]


@pytest.mark.parametrize("code", SHOWN)
def test_the_named_formats_write_what_the_features_wrote(app, code):
    with app.app_context(), use_language(code):
        assert (format_date(VALUE, "long"), format_date(VALUE, "day_month_year")) == SHOWN[code]
        assert format_date(VALUE, "month_year") == MONTH_YEAR[code]


def test_there_is_no_unnamed_format(app):
    assert set(DATE_FORMATS) == {"long", "day_month_year", "month_year"}
    with app.app_context(), pytest.raises(KeyError):
        format_date(VALUE, "d MMMM y")


def test_the_request_language_decides_dari_too(app):
    with app.test_request_context("/?lang=prs"):
        assert day(VALUE) == SHOWN["prs"][0]
