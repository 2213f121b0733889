
from meedoen.core import fields
from meedoen.core.api import QUERY, Blueprint
from meedoen.core.validation import LangQuerySchema, Schema
from meedoen.topics import TOPICS

# Who helps with a topic (GET /topics/{slug}/contacts) is a contacts list: contacts/routes.py.
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

