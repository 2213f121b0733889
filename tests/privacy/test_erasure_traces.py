"""After DELETE /me nothing in the database points at the person: not their rows (the
foreign keys, tests/foundation/test_erasure.py), and not what the database cannot see —
texts of others that quote their idea, ids in audit details, queued translations — and no
id of theirs is handed out again (SQLite AUTOINCREMENT). The scan reads every table."""

import json

from meedoen.audit.models import AuditLog, record
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.ideas.models import IdeaText
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from meedoen.push.models import PushSubscription
from meedoen.questions.models import Question
from meedoen.translation.models import TranslationJob
from sqlalchemy import JSON, String, Text, select

from tests.ideas.helpers import add_support, make_idea

TITLE = "Kookclub Zeldzaamwoord"
DESCRIPTION = "Samen koken met Zeldzaambeschrijving"
TI_TITLE = "ክለብ ምግቢ ዘይርከብ"  # a machine translation of the title
QUESTION = "Vraag met Zeldzaamvraagwoord"
PERSON_KEYS = ("user_id", "youth_id")  # audit details that name a person


def rows_of_every_table():
    db.session.expire_all()
    with db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            for row in connection.execute(table.select()).mappings():
                yield table, dict(row)


def traces(person: dict) -> list[str]:
    """Every place in any table that still points at the person."""
    found = []
    texts = [person["username"], person["display_name"], TITLE, DESCRIPTION, TI_TITLE,
             QUESTION] + [f"/ideas/{i}" for i in person["ideas"]]
    for table, row in rows_of_every_table():
        where = f"{table.name} {row}"
        for column in table.columns:
            value = row[column.name]
            if value is None:
                continue
            points_at_users = any(fk.column.table.name == "user" for fk in column.foreign_keys)
            if points_at_users and value == person["id"]:
                found.append(f"{where}: {column.name} is the person's id")
            if isinstance(column.type, String | Text | JSON):
                dumped = value if isinstance(value, str) else json.dumps(value,
                                                                          ensure_ascii=False)
                found += [f"{where}: {column.name} quotes {t!r}" for t in texts if t in dumped]
            if isinstance(column.type, JSON) and isinstance(value, dict):
                found += [f"{where}: {column.name}.{k} names the person" for k in PERSON_KEYS
                          if value.get(k) == person["id"]]
                if value.get("idea_id") in person["ideas"]:
                    found.append(f"{where}: {column.name}.idea_id is the person's idea")
        if table.name == "translation_job" and (row["subject"], row["subject_id"]) in {
                *(("idea", i) for i in person["ideas"]),
                *(("question", q) for q in person["questions"])}:
            found.append(f"{where}: a queued translation of the person's text")
    return found


def test_no_trace_of_an_erased_young_person_remains_in_any_table(client, factory, app):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town, username="zahra-uniek", display_name="Zahra Uniek",
                         show_name_on_ideas=True)
    supporter = factory.user(Role.YOUTH, town, ui_language="ti")
    worker = factory.user(Role.YOUTH_WORKER, town)
    admin = factory.user(Role.ADMIN)
    idea = make_idea(youth, texts={"nl": (TITLE, DESCRIPTION)})
    idea.texts.append(IdeaText(language="ti", title=TI_TITLE, description="መግለጺ",
                               origin="machine"))
    add_support(idea, supporter)
    question = Question(asker_id=youth.id, municipality_id=town.id, topic="work",
                        language="nl", body=QUESTION)
    db.session.add_all([question, PushSubscription(
        user_id=youth.id, endpoint="https://push.example/zahra", endpoint_hash="h" * 64,
        p256dh="p", auth="a", vapid_key_id="k")])
    db.session.flush()
    db.session.add_all([TranslationJob(subject="idea", subject_id=idea.id),
                        TranslationJob(subject="question", subject_id=question.id)])
    # Staff acted about her: the rows stay, without her id.
    record(admin, "user.update", town.id, user_id=youth.id, changed=["active"])
    record(worker, "assignment.create", town.id, youth_id=youth.id, contact_id=1)
    db.session.commit()
    # A staff answer tells the supporter, in Tigrinya, quoting the (machine translated) title.
    client.login_as(worker)
    response = client.post(f"/api/v1/ideas/{idea.id}/answers",
                           json={"status": "planned", "message": {"nl": "Goed plan"}})
    assert response.status_code == 201, response.json
    run_due_work()
    db.session.expire_all()
    told = db.session.scalars(select(InboxItem).where(InboxItem.user_id == supporter.id)).all()
    assert [i.url for i in told] == [f"/ideas/{idea.id}"] and TI_TITLE in told[0].body
    person = {"id": youth.id, "username": youth.username, "display_name": youth.display_name,
              "ideas": [idea.id], "questions": [question.id]}
    assert len(traces(person)) >= 8  # the scan sees her before

    client.login_as(youth)
    assert client.delete("/api/v1/me").status_code == 204
    assert traces(person) == []
    # The audit rows are kept as tombstones: what happened, when, by whom — not about whom.
    db.session.expire_all()
    kept = {a.action: a.details for a in db.session.scalars(select(AuditLog))}
    assert kept["user.update"] == {"user_id": None, "changed": ["active"],
                                   "erased": ["user_id"]}
    assert kept["assignment.create"] == {"youth_id": None, "contact_id": 1,
                                         "erased": ["youth_id"]}
    assert kept["idea.answer"]["idea_id"] is None and kept["idea.answer"]["status"] == "planned"
    # The supporter still has their other messages; the link to the idea is gone with it.
    client.login_as(supporter)
    assert client.get("/api/v1/inbox").status_code == 200
    assert client.get(f"/api/v1/ideas/{person['ideas'][0]}").status_code == 404


def test_an_erased_persons_ids_are_never_handed_out_again(client, factory):
    town = factory.municipality()
    youth, other = (factory.user(Role.YOUTH, town) for _ in range(2))
    idea = make_idea(youth)  # the highest idea id, the one SQLite would give out again
    old_ids = {"user": youth.id, "idea": idea.id}
    client.login_as(youth)
    assert client.delete("/api/v1/me").status_code == 204
    newcomer = factory.user(Role.YOUTH, town)
    client.login_as(other)
    response = client.post("/api/v1/ideas", json={"title": "Nieuw idee", "description": "Iets",
                                                  "category": "sport"})
    assert response.status_code == 201, response.json
    assert newcomer.id != old_ids["user"]
    assert response.json["id"] != old_ids["idea"]
    # An old link (an inbox item, a bookmark) to the erased person's idea opens nothing.
    assert client.get(f"/api/v1/ideas/{old_ids['idea']}").status_code == 404
