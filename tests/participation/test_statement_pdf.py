"""The participation statement as a PDF: one page, the check link in it (as text and as a
link), the fonts for Tigrinya and Arabic embedded, 503 without the fonts, only for the youth
themself."""

import io

import pytest
from meedoen.auth.models import Role
from meedoen.categories import CATEGORIES
from pypdf import PdfReader

from tests.activities.helpers import make_activity
from tests.participation.helpers import Town, on, visit

PATH = "/api/v1/me/year/statement.pdf"


@pytest.fixture
def world(factory, clock):
    return Town(factory)


def _pdf(client, user, query="year=2026"):
    client.login_as(user)
    return client.get(f"{PATH}?{query}")


def _reader(answer) -> PdfReader:
    assert answer.status_code == 200
    assert answer.mimetype == "application/pdf"
    assert answer.data.startswith(b"%PDF")
    return PdfReader(io.BytesIO(answer.data))


def _fonts(reader: PdfReader) -> set[str]:
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts.values()
            if "/FontFile2" in font.get_object()["/DescendantFonts"][0].get_object()
            ["/FontDescriptor"]}


def _links(reader: PdfReader) -> list[str]:
    return [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]


def test_the_pdf_holds_the_statement_and_its_check_link(client, world):
    youth = world.a[1]
    check_url = _get_json(client, youth, "/api/v1/me/year/statement?year=2026")["check_url"]
    reader = _reader(_pdf(client, youth, "year=2026&lang=nl"))
    assert len(reader.pages) == 1
    text = "".join(reader.pages[0].extract_text().split())
    assert "".join(check_url.split()) in text
    assert "Verklaringvandeelname" in text
    assert youth.display_name.replace(" ", "") in text
    assert "Tilburg" in text and "2026" in text
    assert check_url in _links(reader)
    assert text.count("Verklaringvandeelname") == 1  # Dutch is my language: one section


def test_a_full_year_in_every_category_still_fits_one_page(client, world):
    youth = world.b[0]
    for month in range(1, 12):
        for n, category in enumerate(CATEGORIES[month % 4::3]):
            visit(make_activity(world.town, category=category.slug,
                                starts_at=on(1 + n, month)), youth)
    assert len(_reader(_pdf(client, youth, "year=2026&lang=ps")).pages) == 1


def _get_json(client, user, path):
    client.login_as(user)
    return client.get(path).get_json()


@pytest.mark.parametrize(("house", "script_font"), [("a", "NotoSansEthiopic"),
                                                     ("b", "NotoSansArabic")])
def test_tigrinya_and_arabic_come_with_their_fonts_embedded(client, world, house, script_font):
    youth = getattr(world, house)[0]
    reader = _reader(_pdf(client, youth, f"year=2026&lang={youth.ui_language}"))
    assert len(reader.pages) == 1
    fonts = _fonts(reader)
    assert {"NotoSans", script_font} <= {name.split("-")[0] for name in fonts}


def test_a_bad_year_is_422_in_the_json_error_shape(client, world):
    answer = _pdf(client, world.a[0], "year=1999")
    assert answer.status_code == 422
    assert answer.get_json()["code"]
    assert _pdf(client, world.a[0], "year=twenty").status_code == 422


def test_without_the_fonts_it_is_503_in_my_language(client, world, app, tmp_path):
    app.config["PDF_FONT_DIR"] = str(tmp_path)
    try:
        answer = _pdf(client, world.b[0], "year=2026&lang=ar")
    finally:
        app.config.pop("PDF_FONT_DIR")
    assert answer.status_code == 503
    body = answer.get_json()
    assert body["code"] == "pdf_fonts_missing"
    assert not body["message"].isascii()  # Arabic, not the English source


def test_only_the_young_person_gets_their_pdf(make_client, world, factory):
    assert make_client().get(PATH).status_code == 401
    staff = make_client()
    staff.login_as(factory.user(Role.YOUTH_WORKER, world.town))
    assert staff.get(PATH).status_code == 403
