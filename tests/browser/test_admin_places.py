"""Admins work in every municipality: on a new contact or activity they choose where it
belongs (a contact may also be for all of the Netherlands)."""

import re

from meedoen.activities.models import Activity
from meedoen.contacts.models import Contact
from meedoen.extensions import db
from meedoen.places.models import Location, Municipality
from sqlalchemy import delete, select

from .helpers import tomorrow, tr


def _municipality_id(live_app, name: str) -> int:
    with live_app.app.app_context():
        return db.session.scalar(select(Municipality.id).where(Municipality.name == name))


def _new_contact(page, name: str, municipality: str | None) -> None:
    page.goto("/staff/contacts/new")
    page.wait_for_selector("select[name=municipality_id] option >> nth=2", state="attached")
    if municipality:
        page.select_option("select[name=municipality_id]", label=municipality)
    page.fill("input[name=name]", name)
    page.click("form button[type=submit]")
    page.wait_for_url("**/staff/contacts")


def test_admin_chooses_where_a_new_contact_and_activity_belong(phone, live_app):
    tilburg = _municipality_id(live_app, "Tilburg")
    admin = phone("nl", "demo-admin", "/staff/contacts/new")
    assert admin.locator("select[name=municipality_id] option").first.text_content() == tr(
        "nl", "All of the Netherlands")
    _new_contact(admin, "Steunpunt Tilburg", "Tilburg")
    _new_contact(admin, "Landelijke hulplijn", None)

    admin.goto("/staff/activities/new")
    admin.wait_for_selector("input[lang=nl]")
    admin.fill("input[lang=nl]", "Kookavond in Tilburg")
    admin.fill("input[type=date]", tomorrow())
    admin.fill("input[name=venue_name]", "Buurthuis Noord")
    admin.click("form button[type=submit]")  # no municipality, no location: told to choose
    error = admin.locator(".field:has(select[name=municipality_id]) .error-text")
    error.wait_for()
    assert error.text_content() == tr("nl", "Choose a municipality.")
    admin.select_option("select[name=municipality_id]", label="Tilburg")
    field = admin.get_by_label(tr("nl", "Reception location"))
    offered = field.locator("option").all_text_contents()
    assert sorted(offered[1:]) == _location_names(live_app, tilburg)  # after "Whole municipality"
    admin.click("form button[type=submit]")
    admin.wait_for_url(re.compile(r"/activities/\d+$"))

    with live_app.app.app_context():
        contacts = dict(db.session.execute(select(Contact.name, Contact.municipality_id).where(
            Contact.name.in_(["Steunpunt Tilburg", "Landelijke hulplijn"]))).all())
        assert contacts == {"Steunpunt Tilburg": tilburg, "Landelijke hulplijn": None}
        activity = db.session.scalar(select(Activity).join(Activity.texts).where(
            Activity.texts.any(title="Kookavond in Tilburg")))
        assert (activity.municipality_id, activity.location_id) == (tilburg, None)
        # leave the demo as the other browser tests expect it
        db.session.delete(activity)
        db.session.execute(delete(Contact).where(Contact.name.in_(contacts)))
        db.session.commit()


def _location_names(live_app, municipality_id: int) -> list[str]:
    with live_app.app.app_context():
        return sorted(db.session.scalars(select(Location.name).where(
            Location.municipality_id == municipality_id)))
