"""What the young person and the intermediaries are told, in the reader's own language
(delivered to the inbox and as push by the notifications feature). Events hold ids only."""

from flask_babel import gettext as _

from meedoen.extensions import db
from meedoen.funds.models import StepKind, SupportRequest, SupportStep
from meedoen.funds.texts import day, money

NEW, REPLY, STEP, RENEWAL = "support.new", "support.reply", "support.step", "support.renewal"


def request_url(request_id: int) -> str:
    """The link in a message about a request (purge and erasure find the messages by it)."""
    return f"/support/{request_id}"


def _fund_name(request: SupportRequest) -> str:
    return request.fund.name if request.fund else _("the fund")


def step_body(step: SupportStep, request: SupportRequest) -> str:
    kind = StepKind(step.kind)
    if kind == StepKind.GRANTED:
        return _("Good news: %(fund)s pays %(amount)s to %(club)s, from %(start)s to %(end)s.",
                 fund=_fund_name(request), amount=money(request.granted_cents or 0),
                 club=request.paid_to, start=day(request.grant_start), end=day(request.grant_end))
    bodies = {
        StepKind.MESSAGE: _("Your helper wrote you a message."),
        StepKind.QUESTION: _("Your helper has a question for you. Please answer in the app."),
        StepKind.APPLIED: _("Your helper asked %(fund)s to pay for you. The fund decides; this "
                            "often takes a few weeks.", fund=_fund_name(request)),
        StepKind.REFUSED: _("%(fund)s said no. Your helper will look with you for another way.",
                            fund=_fund_name(request)),
        StepKind.OTHER_WAY: _("Your costs are paid another way. Ask your helper if something is "
                              "not clear."),
    }
    return bodies[kind]


def render_step(event) -> dict | None:
    step = db.session.get(SupportStep, event.data.get("step_id"))
    if step is None:
        return None
    request = db.session.get(SupportRequest, step.request_id)
    return {"title": _("News about your request for support"),
            "body": step_body(step, request), "url": request_url(request.id)}


def render_new(event) -> dict | None:
    request = db.session.get(SupportRequest, event.data.get("request_id"))
    if request is None:
        return None
    return {"title": _("A new request for support"),
            "body": _("A young person asks for help to pay for %(club)s.", club=request.club),
            "url": request_url(request.id)}


def render_reply(event) -> dict | None:
    request = db.session.get(SupportRequest, event.data.get("request_id"))
    if request is None:
        return None
    return {"title": _("A new reply"),
            "body": _("The young person wrote in the request for %(club)s.", club=request.club),
            "url": request_url(request.id)}


def render_renewal(event) -> dict | None:
    request = db.session.get(SupportRequest, event.data.get("request_id"))
    if request is None or request.grant_end is None:
        return None
    if event.user_id == request.youth_id:
        body = _("Your support for %(club)s ends on %(end)s. It does not renew by itself: ask "
                 "your helper to apply again.", club=request.paid_to, end=day(request.grant_end))
    else:
        body = _("A grant for %(club)s ends on %(end)s. Apply again in time, so the young "
                 "person can keep going.", club=request.paid_to, end=day(request.grant_end))
    return {"title": _("Time to renew the support"), "body": body,
            "url": request_url(request.id)}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    STEP: render_step,
    NEW: render_new,
    REPLY: render_reply,
    RENEWAL: render_renewal,
}
