"""Every main screen in an LTR and an RTL language (and Tigrinya): axe-core finds no
violations, and a screenshot is saved under tests/screenshots/ to look at."""

import pytest

from .conftest import check_axe, check_tap_targets, screenshot

pytestmark = pytest.mark.browser

YOUTH = {"nl": "demo-youth-so", "ar": "demo-youth-ar", "ti": "demo-youth"}
SCREENS = {
    "anon": ["/welcome", "/welcome/code", "/login"],
    "youth": ["/", "/activities", "/activities/{activity}", "/my-activities", "/help",
              "/help/work", "/help/people", "/help/ask?topic=work", "/help/questions", "/inbox",
              "/inbox/{inbox}", "/settings", "/welcome/privacy", "/welcome/interests"],
    "mentor": ["/", "/activities", "/staff/activities", "/staff/activities/new",
               "/staff/activities/{activity}/edit", "/staff/activities/{activity}/signups",
               "/staff/invite", "/staff/people", "/staff/contacts", "/staff/contacts/new"],
    "worker": ["/notify", "/notify/new", "/notify/{notification}"],
    "admin": ["/staff/activities/new", "/staff/contacts/new"],
}
USERS = {"mentor": "demo-mentor", "worker": "demo-worker", "admin": "demo-admin"}


def _ids(page) -> dict:
    return page.evaluate("""async () => {
        const get = async (path) => {
            const r = await fetch('/api/v1' + path);
            return r.ok ? r.json() : null;
        };
        const activities = await get('/activities?limit=1');
        const inbox = await get('/inbox?limit=1');
        const sent = await get('/notifications?limit=1');
        return {activity: activities?.items[0]?.id, inbox: inbox?.items[0]?.id,
                notification: sent?.items[0]?.id};
    }""")


def _ensure_notification(page) -> None:
    page.evaluate("""async () => {
        const list = await (await fetch('/api/v1/notifications?limit=1')).json();
        if (list.items.length) return;
        await fetch('/api/v1/notifications', {method: 'POST', headers: {
            'Content-Type': 'application/json', 'X-Requested-With': 'fetch'},
            body: JSON.stringify({audience: {},
                texts: [{lang: 'nl', title: 'Welkom', body: 'Fijn dat je er bent.'}]})});
    }""")


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
@pytest.mark.parametrize("role", list(SCREENS))
def test_screens(phone, lang, role):
    user = None if role == "anon" else USERS.get(role) or YOUTH[lang]
    page = phone(lang, user, "/")
    if role == "worker":
        _ensure_notification(page)
    ids = _ids(page) if user else {}
    for path in SCREENS[role]:
        target = path.format(**ids)
        page.goto(target)
        page.wait_for_selector("h1")
        assert page.evaluate("document.documentElement.lang") == lang
        slug = path.strip("/").split("?")[0].replace("/", "-").replace("{", "").replace("}", "")
        name = f"{lang}-{role}-{slug or 'home'}"
        screenshot(page, name)
        check_axe(page, name)
        check_tap_targets(page, name)
    if role == "mentor":
        page.goto("/staff/invite")
        page.click("button.btn-primary")
        page.wait_for_selector("svg.qr")
        screenshot(page, f"{lang}-mentor-invite-code")
        check_axe(page, f"{lang}-mentor-invite-code")
    if role == "admin":  # the municipality field is below the fold of the activity form
        page.goto("/staff/activities/new")
        page.locator("select[name=municipality_id]").scroll_into_view_if_needed()
        screenshot(page, f"{lang}-admin-activity-municipality")
    assert page.errors == []


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_text_at_200_percent_fits_the_phone(phone, lang):
    page = phone(lang, YOUTH[lang], "/")
    ids = _ids(page)
    for path in ["/", "/activities", f"/activities/{ids['activity']}", "/help/work", "/settings"]:
        page.goto(path)
        page.wait_for_selector("h1")
        # As the phone's own text size setting does: everything is sized in rem/em.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        page.wait_for_timeout(200)
        slug = path.strip("/").replace("/", "-") or "home"
        screenshot(page, f"{lang}-200pct-{slug}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 200 % text"
