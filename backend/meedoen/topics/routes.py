from flask_login import current_user

from meedoen.authz import roles_required
from meedoen.contacts import services
from meedoen.contacts.schemas import QUERY, ContactSchema, LangQuerySchema, RankQuerySchema
from meedoen.core import fields
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.core.validation import Schema
from meedoen.topics import TOPICS, get_topic

blp = Blueprint("topics", __name__, url_prefix="/api/v1/topics",
                description="I need help with ...: topics, example questions and who helps")


class TopicSchema(Schema):
    slug = fields.String()
    icon = fields.String()
    label = fields.String()
    explanation = fields.String(metadata={"description": "One line: what this topic is about"})
    examples = fields.List(fields.String(), metadata={"description": "Questions one might ask"})


@blp.route("")
@blp.arguments(LangQuerySchema, **QUERY)
@blp.response(200, TopicSchema(many=True))
def list_topics(args):
    return [topic.as_dict() for topic in TOPICS]


@blp.route("/<string:slug>/contacts")
@roles_required()
@blp.arguments(RankQuerySchema, **QUERY)
@blp.response(200, ContactSchema(many=True))
def topic_contacts(args, slug):
    """Who helps with this topic here and nationally: my languages first, then lived
    experience, then the rest."""
    if get_topic(slug) is None:
        fail(404)
    return services.ranked_page(current_user, {**args, "topic": slug, "active_only": True},
                                with_original=True)
