"""The list shows each activity's text as the activity's own page does, in every language,
with every translation status, and when neither the asked nor the original text exists."""

import pytest
from meedoen.activities.models import ActivityText
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.i18n.texts import MACHINE, TITLE_AND_DESCRIPTION, content_hash, fields_of
from sqlalchemy import delete

from tests.activities.helpers import make_activity

pytestmark = pytest.mark.usefixtures("clock")
ASKED = ("nl", "ar", "ti", "fa", "so", "en", "prs")


def translated_activity(town):
    """Dutch original; Arabic by a person, Tigrinya by the machine, Farsi outdated."""
    activity = make_activity(town, texts={
        "nl": ("Voetbal", "Samen voetballen"), "ar": ("كرة القدم", "نلعب معا"),
        "ti": ("ኩዕሶ እግሪ", "ብሓባር"), "fa": ("فوتبال", "با هم")})
    texts = {text.language: text for text in activity.texts}
    current = content_hash(fields_of(texts["nl"], TITLE_AND_DESCRIPTION))
    texts["nl"].source_hash = texts["ar"].source_hash = current
    texts["ti"].origin, texts["ti"].source_hash = MACHINE, current
    texts["fa"].source_hash = content_hash({"title": "Oud", "description": "Oud"})
    db.session.commit()
    return activity


def shown(client, activity_id: int, language: str) -> tuple[dict, dict]:
    listed = client.get(f"/api/v1/activities?lang={language}").get_json()["items"]
    detail = client.get(f"/api/v1/activities/{activity_id}?lang={language}").get_json()
    [item] = [item for item in listed if item["id"] == activity_id]
    detail["text"].pop("original", None)  # only the activity's page offers the original
    return item["text"], detail["text"]


def test_the_list_shows_each_language_as_the_activity_page_does(client, factory):
    town = factory.municipality()
    activity = translated_activity(town)
    client.login_as(factory.user(Role.YOUTH, town))
    statuses = {}
    for language in ASKED:
        listed, detail = shown(client, activity.id, language)
        assert listed == detail, language
        assert listed["available_languages"] == ["ar", "fa", "nl", "ti"]
        statuses[language] = (listed["language"], listed["translation"])
    assert statuses == {"nl": ("nl", "original"), "ar": ("ar", "human"),
                        "ti": ("ti", "machine"), "fa": ("fa", "outdated"),
                        "so": ("nl", "original"), "en": ("nl", "original"),
                        "prs": ("nl", "original")}


def test_without_the_original_text_the_list_shows_any_there_is(client, factory):
    town = factory.municipality()
    activity = translated_activity(town)
    db.session.execute(delete(ActivityText).where(ActivityText.activity_id == activity.id,
                                                  ActivityText.language == "nl"))
    db.session.commit()
    client.login_as(factory.user(Role.YOUTH, town))
    listed, detail = shown(client, activity.id, "so")
    assert listed == detail
    assert (listed["language"], listed["title"], listed["fallback"]) == ("ar", "كرة القدم", True)
    assert listed["available_languages"] == ["ar", "fa", "ti"]
