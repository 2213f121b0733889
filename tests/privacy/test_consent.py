"""Who sees a young person's name: three separate choices, each off until they turn it on.

Before, "show others that I am going" (show_as_going) also showed the name as the author of
an idea and as a supporter, which the setting never said.
"""

from meedoen.auth.models import Role, User
from meedoen.extensions import db

from tests.ideas.helpers import add_support, make_idea

CHOICES = ("show_as_going", "show_name_on_ideas", "show_name_as_supporter")


def test_every_choice_is_off_for_a_new_account_and_in_the_profile(client, factory):
    youth = factory.user(Role.YOUTH, factory.municipality())
    client.login_as(youth)
    me = client.get("/api/v1/me").json
    assert {c: me[c] for c in CHOICES} == dict.fromkeys(CHOICES, False)


def test_each_choice_is_saved_on_its_own_and_exported(client, factory):
    youth = factory.user(Role.YOUTH, factory.municipality())
    client.login_as(youth)
    for choice in CHOICES:
        response = client.patch("/api/v1/me", json={choice: True})
        assert response.status_code == 200, response.json
        assert response.json[choice] is True
        others = [c for c in CHOICES if c != choice]
        assert all(response.json[c] is False for c in others), (choice, response.json)
        assert client.get("/api/v1/me/export").json["account"][choice] is True
        client.patch("/api/v1/me", json={choice: False})
    assert client.patch("/api/v1/me", json={"show_name_on_ideas": "ja"}).status_code == 422


def test_going_alone_shows_the_name_neither_on_ideas_nor_as_supporter(client, factory):
    town = factory.municipality()
    author = factory.user(Role.YOUTH, town, display_name="Amal", show_as_going=True)
    supporter = factory.user(Role.YOUTH, town, display_name="Samir", show_as_going=True)
    idea = make_idea(author)
    add_support(idea, supporter)
    client.login_as(factory.user(Role.YOUTH, town))
    shown = client.get(f"/api/v1/ideas/{idea.id}").json
    assert shown["author"] is None
    assert shown["support"]["names"] == []
    assert client.get("/api/v1/ideas").json["items"][0]["author"] is None


def test_the_idea_choices_show_the_name_only_where_they_say(client, factory):
    town = factory.municipality()
    author = factory.user(Role.YOUTH, town, display_name="Amal")
    supporter = factory.user(Role.YOUTH, town, display_name="Samir")
    idea = make_idea(author)
    add_support(idea, supporter)
    # Naming oneself on one's ideas does not name one as a supporter, and the other way round.
    author.show_name_as_supporter = True
    supporter.show_name_on_ideas = True
    db.session.commit()
    reader = factory.user(Role.YOUTH, town)
    client.login_as(reader)
    shown = client.get(f"/api/v1/ideas/{idea.id}").json
    assert (shown["author"], shown["support"]["names"]) == (None, [])
    author.show_name_on_ideas = True
    supporter.show_name_as_supporter = True
    db.session.commit()
    shown = client.get(f"/api/v1/ideas/{idea.id}").json
    assert (shown["author"], shown["support"]["names"]) == ("Amal", ["Samir"])
    # Going to activities stays its own choice.
    assert db.session.get(User, author.id).show_as_going is False
