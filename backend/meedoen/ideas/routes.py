from flask_login import current_user

from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.core.pagination import page_schema
from meedoen.core.validation import known_languages
from meedoen.extensions import db
from meedoen.ideas import present, queries, services
from meedoen.ideas.policy import (
    ANSWERERS,
    MODERATORS,
    PROPOSERS,
    SUPPORTERS,
    check_can_support,
    get_visible_idea,
)
from meedoen.ideas.present import present_ideas
from meedoen.ideas.schemas import (
    AnswerCreateSchema,
    HideSchema,
    IdeaCreateSchema,
    IdeaOutSchema,
    IdeaQuerySchema,
    IdeaTextSchema,
    LangQuerySchema,
    ReportSchema,
    StatsOutSchema,
    StatsQuerySchema,
    SupportSchema,
)

blp = Blueprint("ideas", __name__, url_prefix="/api/v1/ideas",
                description="Youth voice: ideas, support and a public answer for every idea")


def me():
    return current_user._get_current_object()


def detail(idea_id: int) -> dict:
    """The idea as this user sees it now: what this request changed is flushed and loaded
    afresh (its answers, texts and support as they are now; the request commits them)."""
    db.session.flush()
    db.session.expire_all()
    return present_ideas(me(), [get_visible_idea(me(), idea_id)], detail=True)[0]


@blp.route("")
@roles_required()
@blp.arguments(IdeaQuerySchema, location="query")
@blp.response(200, page_schema(IdeaOutSchema, total=True))
def list_ideas(args):
    """The municipality's ideas, by support or newest, filtered by status and category, a
    page at a time (``next_cursor``), with how many there are (``total``)."""
    return present.page(me(), queries.list_ideas(me(), args))


@blp.route("", methods=["POST"])
@roles_required(*PROPOSERS)
@blp.arguments(IdeaCreateSchema)
@blp.response(201, IdeaOutSchema)
def propose(data):
    idea = services.create_idea(me(), data)
    return detail(idea.id)


@blp.route("/stats")
@roles_required(*ANSWERERS)
@blp.arguments(StatsQuerySchema, location="query")
@blp.response(200, StatsOutSchema)
def idea_stats(args):
    """Ideas waiting for a first answer (oldest first); the share answered within 14 days and
    the median time to a first answer."""
    return present.stats(me(), queries.stats(me(), args))


@blp.route("/<int:idea_id>")
@roles_required()
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, IdeaOutSchema)
def get_idea(args, idea_id):
    return detail(idea_id)


@blp.route("/<int:idea_id>/texts/<language>", methods=["PUT"])
@roles_required(*MODERATORS)
@blp.arguments(IdeaTextSchema)
@blp.response(200, IdeaOutSchema)
def put_text(data, idea_id, language):
    """Add or correct the title and description in one language."""
    idea = get_visible_idea(me(), idea_id)
    if language not in known_languages():
        fail(404)
    services.set_text(me(), idea, language, data)
    return detail(idea_id)


@blp.route("/<int:idea_id>/support", methods=["POST"])
@roles_required(*SUPPORTERS)
@blp.arguments(SupportSchema)
@blp.response(200, IdeaOutSchema)
def support(data, idea_id):
    """Support an idea once: "join" (I would join) or "help" (I would help)."""
    idea = get_visible_idea(me(), idea_id)
    check_can_support(me(), idea)
    services.support(me(), idea, data["kind"])
    return detail(idea_id)


@blp.route("/<int:idea_id>/support", methods=["DELETE"])
@roles_required(*SUPPORTERS)
@blp.response(200, IdeaOutSchema)
def withdraw_support(idea_id):
    idea = get_visible_idea(me(), idea_id)
    services.withdraw_support(me(), idea)
    return detail(idea_id)


@blp.route("/<int:idea_id>/answers", methods=["POST"])
@roles_required(*ANSWERERS)
@blp.arguments(AnswerCreateSchema)
@blp.response(201, IdeaOutSchema)
def post_answer(data, idea_id):
    """A public answer: a status and a short message in one or more languages. The proposer
    and the supporters are told when the status changes."""
    idea = get_visible_idea(me(), idea_id)
    services.answer(me(), idea, data)
    return detail(idea_id)


@blp.route("/<int:idea_id>/report", methods=["POST"])
@roles_required()
@blp.arguments(ReportSchema)
@blp.response(204)
def report(data, idea_id):
    idea = get_visible_idea(me(), idea_id)
    services.report(me(), idea, data)


@blp.route("/<int:idea_id>/hide", methods=["POST"])
@roles_required(*MODERATORS)
@blp.arguments(HideSchema)
@blp.response(200, IdeaOutSchema)
def hide(data, idea_id):
    """Hide an idea; its author sees the reason."""
    idea = get_visible_idea(me(), idea_id)
    services.hide(me(), idea, data["reason"])
    return detail(idea_id)


@blp.route("/<int:idea_id>/hide", methods=["DELETE"])
@roles_required(*MODERATORS)
@blp.response(200, IdeaOutSchema)
def unhide(idea_id):
    idea = get_visible_idea(me(), idea_id)
    services.unhide(me(), idea)
    return detail(idea_id)
