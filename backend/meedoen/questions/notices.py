"""What a user is told about questions, in their own language."""

from flask_babel import lazy_gettext as _l

from meedoen.extensions import db
from meedoen.questions.models import Question
from meedoen.topics import get_topic

# kind -> (title, body naming the topic, body when the question is gone)
NOTICES = {
    "question.answered": (_l("Your question has an answer"),
                          _l("Someone answered your question about %(topic)s."),
                          _l("Someone answered your question.")),
    "question.asked": (_l("A new question for you"),
                       _l("A young person asks a question about %(topic)s."),
                       _l("A young person asks you a question.")),
    "question.replied": (_l("A new reply"),
                         _l("There is a reply to the question about %(topic)s."),
                         _l("There is a reply to a question.")),
}


def _topic_label(event) -> str | None:
    question = db.session.get(Question, event.data.get("question_id"))
    topic = get_topic(question.topic) if question else None
    return str(topic.label) if topic else None


def render_question_notice(event) -> dict:
    title, body_with_topic, body_without = NOTICES[event.kind]
    topic = _topic_label(event)
    body = str(body_with_topic) % {"topic": topic} if topic else str(body_without)
    return {"title": str(title), "body": body,
            "url": f"/questions/{event.data.get('question_id')}"}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = dict.fromkeys(NOTICES, render_question_notice)


def register() -> None:
    """Called by the questions' init_app: a user can turn these off in their profile."""
    from meedoen.notifications.preferences import notice_group

    notice_group("answers", _l("Questions and answers"), ["question.*"], position=50)
