"""A contact person's own entry is in their export with everything it says about them."""

from meedoen.auth.models import Role
from meedoen.extensions import db

from tests.contacts.helpers import make_contact


def test_the_entry_has_every_way_to_reach_me_website_too(client, factory):
    town = factory.municipality()
    coach = factory.user(Role.CONTACT, town)
    contact = make_contact(town, "Coach", user=coach)
    contact.phone, contact.email = "+31600000001", "coach@club.example"
    contact.website = "https://club.example/coach"
    db.session.commit()
    entry = client.login_as(coach).get("/api/v1/me/export").get_json()["contact_entry"]
    assert (entry["phone"], entry["email"], entry["website"]) == (
        "+31600000001", "coach@club.example", "https://club.example/coach")
