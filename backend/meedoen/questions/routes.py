import click
from flask_login import current_user

from meedoen.auth.models import Role
from meedoen.authz import roles_required
from meedoen.core.api import QUERY, Blueprint
from meedoen.core.pagination import PageArgsSchema, page_schema
from meedoen.core.transaction import committing
from meedoen.core.validation import LangQuerySchema
from meedoen.questions import policy, services
from meedoen.questions.present import present, present_page
from meedoen.questions.schemas import (
    HelpedSchema,
    MessageCreateSchema,
    MessageSchema,
    QuestionCreateSchema,
    QuestionSchema,
)

blp = Blueprint("questions", __name__, url_prefix="/api/v1/questions",
                description="Ask the people who help a question, and answer it",
                cli_group=None)


@blp.route("", methods=["POST"])
@roles_required(Role.YOUTH)
@blp.arguments(QuestionCreateSchema)
@blp.response(201, QuestionSchema)
def post_question(data):
    """Ask one contact, or whoever helps with this topic in my municipality."""
    return present(services.ask(current_user, data), current_user)


@blp.route("")
@roles_required()
@blp.arguments(PageArgsSchema, **QUERY)
@blp.response(200, page_schema(QuestionSchema))
def list_questions(args):
    """Questions I asked and questions sent to me, latest activity first, a page at a time
    (``next_cursor``)."""
    page = services.list_for(current_user, args)
    return present_page(page, current_user, services.recipient_ranks(page["items"]))


@blp.route("/<int:question_id>")
@roles_required()
@blp.arguments(LangQuerySchema, **QUERY)
@blp.response(200, QuestionSchema)
def get_question(args, question_id):
    return present(policy.get_readable_question(current_user, question_id), current_user)


@blp.route("/<int:question_id>/answers", methods=["POST"])
@roles_required()
@blp.arguments(MessageCreateSchema)
@blp.response(201, MessageSchema)
def post_answer(data, question_id):
    """A contact the question was sent to answers; the asker is notified."""
    return _add(policy.get_question_to_answer, question_id, "answer", data)


@blp.route("/<int:question_id>/replies", methods=["POST"])
@roles_required()
@blp.arguments(MessageCreateSchema)
@blp.response(201, MessageSchema)
def post_reply(data, question_id):
    """The asker replies to the answers."""
    return _add(policy.get_own_question, question_id, "reply", data)


def _add(load, question_id: int, kind: str, data: dict) -> dict:
    question = load(current_user, question_id)
    services.add_message(question, current_user, kind, data)
    return present(question, current_user)["messages"][-1]


@blp.route("/<int:question_id>/helped", methods=["POST"])
@roles_required()
@blp.arguments(HelpedSchema)
@blp.response(200, QuestionSchema)
def post_helped(data, question_id):
    """The asker says whether the answers helped."""
    question = policy.get_own_question(current_user, question_id)
    question.helped = data["helped"]
    return present(question, current_user)


@blp.cli.command("purge-questions")
def purge_questions_command():
    """Delete questions older than QUESTION_RETENTION_DAYS (counted from their last message)."""
    with committing():
        deleted = services.purge_old_questions()
    click.echo(f"Deleted {deleted} question(s) past the retention period.")
