from flask_login import current_user

from meedoen.auth.models import Role
from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.pagination import page_schema
from meedoen.wording import services
from meedoen.wording.policy import check_reviewer, get_reviewable_suggestion
from meedoen.wording.present import (
    present_review_languages,
    present_reviewer,
    present_reviewers,
    present_ui_texts,
)
from meedoen.wording.schemas import (
    DecisionSchema,
    ReviewerGrantSchema,
    ReviewerListSchema,
    ReviewerSchema,
    ReviewLanguagesSchema,
    SuggestionCreateSchema,
    SuggestionQuerySchema,
    SuggestionSchema,
    UiTextListSchema,
    UiTextQuerySchema,
)

blp = Blueprint("wording", __name__, url_prefix="/api/v1/ui-texts",
                description="The app's texts per language; better wordings suggested by the "
                            "people who read them, reviewed by speakers of the language")


def me():
    return current_user._get_current_object()


@blp.route("")
@roles_required()
@blp.arguments(UiTextQuerySchema, location="query")
@blp.response(200, UiTextListSchema)
def ui_texts(args):
    """The texts of a language and their current translation (plural texts left out)."""
    texts = services.screen_texts(args["language"], args.get("msgid"))
    return present_ui_texts(args["language"], texts)


@blp.route("/review-languages")
@roles_required()
@blp.response(200, ReviewLanguagesSchema)
def review_languages():
    return present_review_languages(me())


@blp.route("/suggestions", methods=["POST"])
@roles_required()
@blp.arguments(SuggestionCreateSchema)
@blp.response(201, SuggestionSchema)
def suggest(data):
    """A better wording of one text; it waits for a reviewer of the language."""
    return services.suggest(me(), data)


@blp.route("/suggestions")
@roles_required()
@blp.arguments(SuggestionQuerySchema, location="query")
@blp.response(200, page_schema(SuggestionSchema))
def review_queue(args):
    """Reviewers: the suggestions in the languages they review, oldest first."""
    languages = check_reviewer(me(), [args["language"]] if "language" in args else None)
    return services.queue(languages, args)


@blp.route("/suggestions/<int:suggestion_id>", methods=["PATCH"])
@roles_required()
@blp.arguments(DecisionSchema)
@blp.response(200, SuggestionSchema)
def decide(data, suggestion_id):
    """Accept (optionally with a corrected wording) or reject. The placeholders must be the
    same as the original text's; the suggester is thanked in their inbox."""
    suggestion = get_reviewable_suggestion(me(), suggestion_id)
    services.decide(me(), suggestion, data)
    return suggestion


@blp.route("/reviewers")
@roles_required(Role.ADMIN)
@blp.response(200, ReviewerListSchema)
def list_reviewers():
    return present_reviewers(services.reviewers())


@blp.route("/reviewers", methods=["POST"])
@roles_required(Role.ADMIN)
@blp.arguments(ReviewerGrantSchema)
@blp.response(201, ReviewerSchema)
def grant_reviewer(data):
    """Let a person (any role) review the suggestions of one language."""
    return present_reviewer(services.grant(me(), data))


@blp.route("/reviewers/<int:reviewer_id>", methods=["DELETE"])
@roles_required(Role.ADMIN)
@blp.response(204)
def revoke_reviewer(reviewer_id):
    services.revoke(me(), reviewer_id)
