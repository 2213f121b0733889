"""The issue's three journeys, through the real UI at phone size."""

import json
import re
import time

import pytest
from meedoen.activities.models import AMSTERDAM, Activity, Signup
from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.notifications.models import InboxItem
from meedoen.notifications.payload import build_payload
from playwright.sync_api import expect
from sqlalchemy import select

from .helpers import tomorrow, tr, until, user_id, wait_for_service_worker

pytestmark = pytest.mark.browser


def make_invite(phone) -> str:
    mentor = phone("nl", "demo-mentor", "/staff/invite")
    mentor.click("button.btn-primary")
    code = mentor.locator(".big-code").inner_text().strip()
    assert mentor.locator("svg.qr path").count() == 1
    return code


def ensure_work_contact_speaking(phone, lang: str) -> None:
    """The demo data may have nobody for "work" who speaks this language in Amsterdam; then a
    youth worker adds one through the API, as they would in real life."""
    worker = phone("nl", "demo-worker", "/")
    status = worker.evaluate("""async (lang) => {
        const list = await (await fetch('/api/v1/topics/work/contacts?language=' + lang)).json();
        if (list.items.some((c) => c.languages.includes(lang))) return 200;
        return (await fetch('/api/v1/contacts', {method: 'POST', headers: {
            'Content-Type': 'application/json', 'X-Requested-With': 'fetch'},
            body: JSON.stringify({kind: 'job_coach', name: 'Jobcoach ' + lang, topics: ['work'],
                                  languages: [lang, 'nl'], phone: '+31 6 0000 0000'})})).status;
    }""", lang)
    assert status in (200, 201)


@pytest.mark.parametrize(("lang", "spoken_by"), [("ti", "ti"), ("ar", "ar")])
def test_journey_1_youth(phone, live_app, lang, spoken_by):
    ensure_work_contact_speaking(phone, spoken_by)
    code = make_invite(phone)
    page = phone("nl", None, "/welcome")
    # Language first: names in their own script.
    page.click(f".lang-list button[lang='{lang}']")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.locator("h1").inner_text() == tr(lang, "Welcome to Meedoen")
    page.click("a[href='/welcome/code']")
    page.fill("input[name=code]", code)
    page.fill("input[name=display_name]", f"Nieuw {lang}")
    page.fill("input[name=username]", f"journey-{lang}")
    page.fill("input[name=password]", "a long enough password 42")
    page.click("form button[type=submit]")
    page.wait_for_url("**/welcome/privacy")
    assert page.locator("h1").inner_text() == tr(lang, "Your privacy")
    page.click("a[href='/welcome/interests']")
    page.wait_for_url("**/welcome/interests")
    page.locator("fieldset.chips button.chip").first.click()
    page.click(".btn-row button")
    page.wait_for_url(lambda url: url.endswith("/"))

    # A free evening activity.
    page.click("nav.bottom-nav a[href='/activities']")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == tr(lang, "Activities")
    page.click("[data-filter=free]")
    page.click("[data-filter=evenings]")
    page.wait_for_load_state("networkidle")
    first = page.locator("ul.card-list a.card").first
    title = first.locator("h2").inner_text()
    first.click()
    page.click("[data-action=signup]")
    page.wait_for_selector("[data-action=cancel]")
    assert page.locator(".badge-ok").first.inner_text() == tr(lang, "You are going")

    # It is in "my activities".
    page.goto("/my-activities")
    page.wait_for_selector("ul.card-list a.card")
    assert title in page.locator("ul.card-list").inner_text()

    # Someone for "work" who speaks my language, listed first.
    page.click("nav.bottom-nav a[href='/help']")
    page.click("a.tile[href='/help/work']")
    page.wait_for_selector("li.contact")
    first_contact = page.locator("li.contact").first
    assert spoken_by in first_contact.get_attribute("data-languages").split()
    assert first_contact.locator("a[href^='tel:']").count() == 1
    assert page.errors == []


def test_journey_2_mentor_posts_with_arabic_translation(phone, live_app):
    page = phone("nl", "demo-mentor", "/staff/activities/new")
    page.wait_for_selector("input[lang=nl]")
    page.fill("input[lang=nl]", "Zaalvoetbal voor iedereen")
    page.fill("textarea[lang=nl]", "Gezellig zaalvoetbal. Neem sportschoenen mee.")
    page.click("[role=tab][lang=ar]")
    page.fill("input[lang=ar]", "كرة القدم داخل الصالة للجميع")
    page.fill("textarea[lang=ar]", "كرة قدم ممتعة. أحضر حذاءً رياضيًا.")
    page.fill("input[type=date]", tomorrow())
    page.fill("input[name=venue_name]", "Sporthal Oost")
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/activities/\d+$"))
    activity_path = page.url.split(live_app.url)[1]
    expect(page.locator("h1")).to_have_text("Zaalvoetbal voor iedereen")

    youth = phone("ar", "demo-youth-ar", activity_path)
    expect(youth.locator("h1")).to_have_text("كرة القدم داخل الصالة للجميع")
    assert youth.locator("[data-fallback]").count() == 0
    assert youth.evaluate("document.documentElement.dir") == "rtl"


def test_youth_worker_moves_the_rest_of_a_series_to_a_new_time(phone, live_app):
    with live_app.app.app_context():
        worker = db.session.get(User, user_id(live_app.app, "demo-worker"))
        occurrences = db.session.scalars(
            select(Activity).where(Activity.series_id.is_not(None),
                                   Activity.municipality_id == worker.municipality_id)
            .order_by(Activity.series_id, Activity.starts_at)).all()
        series = [a for a in occurrences if a.series_id == occurrences[0].series_id]
        original = {a.id: (a.starts_at, a.ends_at) for a in series}
    page = phone("nl", "demo-worker", f"/staff/activities/{series[1].id}/edit")
    page.wait_for_selector("input[type=time]")
    page.locator("input[type=time]").first.fill("19:15")
    page.get_by_label(tr("nl", "Also change the later dates of this series")).check()
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/activities/\d+$"))
    with live_app.app.app_context():
        moved = [db.session.get(Activity, a.id) for a in series]
        local = [a.starts_at.astimezone(AMSTERDAM).strftime("%H:%M") for a in moved]
        assert local[0] == series[0].starts_at.astimezone(AMSTERDAM).strftime("%H:%M")
        assert set(local[1:]) == {"19:15"}
        for activity in moved:  # the other browser tests expect the demo as it was
            activity.starts_at, activity.ends_at = original[activity.id]
        db.session.commit()


def _registration_id(cdp, page) -> str:
    found = {}
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: found.update({r["scopeURL"]: r["registrationId"]
                                       for r in event["registrations"]}))
    cdp.send("ServiceWorker.enable")
    page.wait_for_timeout(300)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    return found[scope]


def _notifications(page) -> list:
    return page.evaluate("""navigator.serviceWorker.ready.then(r => r.getNotifications())
        .then(list => list.map(n => ({title: n.title, body: n.body, tag: n.tag,
                                      url: n.data && n.data.url})))""")


def _latest_inbox_item(page, live_app, user: int, title: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while True:
        with live_app.app.app_context():
            item = db.session.scalars(select(InboxItem).where(InboxItem.user_id == user)
                                      .order_by(InboxItem.id.desc())).first()
            if item is not None and item.title == title:
                db.session.expunge(item)
                return item
        if time.monotonic() > deadline:
            raise AssertionError(f"no inbox item {title!r}; the latest: {item and item.title!r}")
        page.wait_for_timeout(100)


def test_journey_3_youth_worker_notification_in_tigrinya(phone, live_app):
    worker = phone("nl", "demo-worker", "/notify/new")
    worker.fill("input[lang=nl]", "Voetbaltoernooi zaterdag")
    worker.fill("textarea[lang=nl]", "Doe mee met het toernooi in Tilburg. Gratis eten!")
    worker.click("[role=tab][lang=ti]")
    worker.fill("input[lang=ti]", "ውድድር ኩዕሶ እግሪ ቀዳም")
    worker.fill("textarea[lang=ti]", "ኣብ ቲልቡርግ ኣብ ውድድር ተሳተፍ። ነጻ መግቢ!")
    worker.click("fieldset.chips button.chip span[lang=ti]")
    expect(worker.locator(".note[role=status]")).to_have_text(re.compile(r"\d"))
    first_activity = worker.locator("select optgroup option").first
    expect(first_activity).to_have_attribute("value", re.compile(r"^activity:\d+$"))
    linked = first_activity.get_attribute("value")
    worker.select_option("select", linked)
    worker.click("form button[type=submit]")
    worker.wait_for_url("**/notify/*")
    worker.wait_for_selector("dl.stats")

    youth_id = user_id(live_app.app, "demo-youth")
    # The inbox items are written after the request's commit, by the background work.
    item = _latest_inbox_item(worker, live_app, youth_id, "ውድድር ኩዕሶ እግሪ ቀዳም")
    with live_app.app.app_context():
        item = db.session.merge(item)
        assert item.lang == "ti"
        assert item.url == "/activities/" + linked.split(":")[1]
        payload = build_payload(item).decode()

    youth = phone("ti", "demo-youth", "/inbox")
    youth.context.grant_permissions(["notifications"], origin=live_app.url)
    wait_for_service_worker(youth)
    cdp = youth.context.new_cdp_session(youth)
    registration = _registration_id(cdp, youth)
    cdp.send("ServiceWorker.deliverPushMessage",
             {"origin": live_app.url, "registrationId": registration, "data": payload})
    until(youth, "navigator.serviceWorker.ready.then(r => r.getNotifications())"
                 ".then(list => list.length > 0)")
    shown = _notifications(youth)
    assert shown[-1]["title"] == "ውድድር ኩዕሶ እግሪ ቀዳም"
    assert shown[-1]["tag"] == json.loads(payload)["topic"]
    assert shown[-1]["url"].startswith("/")

    youth.reload()
    youth.wait_for_selector("ul.card-list a.card")
    assert "ውድድር ኩዕሶ እግሪ ቀዳም" in youth.locator("ul.card-list").inner_text()

    # Empty, broken and hostile payloads still show a notification and never throw.
    for data in ["", "{not json", json.dumps({"title": 5, "url": "https://evil.example/x"}),
                 json.dumps(["a list"]), "x" * 5000]:
        before = len(_notifications(youth))
        cdp.send("ServiceWorker.deliverPushMessage",
                 {"origin": live_app.url, "registrationId": registration, "data": data})
        until(youth, "navigator.serviceWorker.ready.then(r => r.getNotifications())"
                     f".then(list => list.length > {before})")
    urls = [n["url"] for n in _notifications(youth)]
    assert all(url.startswith("/") and not url.startswith("//") for url in urls)


def test_offline_reload_and_queued_signup(phone, live_app):
    page = phone("nl", "demo-youth-fa", "/activities")
    wait_for_service_worker(page)
    page.wait_for_selector("ul.card-list a.card")
    page.goto("/help/work")
    page.wait_for_selector("h1")
    page.wait_for_load_state("networkidle")
    page.goto("/activities")
    page.wait_for_selector("ul.card-list a.card")
    open_activity = page.locator("ul.card-list a.card").first
    href = open_activity.get_attribute("href")
    open_activity.click()
    page.wait_for_selector("[data-action=signup]")
    activity_id = int(href.rsplit("/", 1)[1])

    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector("[data-action=signup]")
    assert page.locator(".note-offline").count() >= 1
    page.goto("/activities")
    page.wait_for_selector("ul.card-list a.card")
    assert page.locator(".note-offline").count() == 1
    page.goto("/help/work")
    page.wait_for_selector(".note-offline")
    assert page.locator("li.card.contact").count() > 0  # the saved first page of who helps
    page.goto(href)
    page.wait_for_selector("[data-action=signup]")
    page.click("[data-action=signup]")
    page.wait_for_selector(".pending-bar")

    fa_id = user_id(live_app.app, "demo-youth-fa")

    def signups():
        with live_app.app.app_context():
            return db.session.scalars(select(Signup).where(
                Signup.user_id == fa_id, Signup.activity_id == activity_id)).all()

    assert signups() == []
    page.context.set_offline(False)
    page.wait_for_selector(".pending-bar", state="detached", timeout=15000)
    page.wait_for_timeout(500)
    rows = signups()
    assert len(rows) == 1 and rows[0].status.value == "confirmed"
