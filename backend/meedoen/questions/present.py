"""The answers of the questions feature: a question with its messages, each in the viewer's
language where a translation exists, and a page of questions."""

from meedoen.i18n import current_language
from meedoen.i18n.texts import OriginalText, localized_fields
from meedoen.questions.models import Question, QuestionMessage
from meedoen.questions.services import recipient_ranks
from meedoen.questions.translation import FIELDS, message_rows, question_rows
from meedoen.topics import get_topic


def present(question: Question, viewer, with_messages: bool = True,
            ranks: dict[tuple[int, int], tuple] | None = None) -> dict:
    """The question and its messages, each in the viewer's language where a translation
    exists (``translation`` says which; in detail the ``original`` is one tap away). Authors
    always see what they wrote as they wrote it."""
    topic = get_topic(question.topic)
    names = {r.user_id: r.contact_name for r in question.recipients}
    messages = question.messages
    wanted = current_language()
    if ranks is None:
        ranks = recipient_ranks([question])
    last = (True, True)
    recipients = sorted(question.recipients, key=lambda r: (
        ranks.get((question.id, r.contact_id), last), r.contact_id or 0))
    own = question.language if question.asker_id == viewer.id else None
    data = {
        "id": question.id, "topic": question.topic,
        "topic_label": str(topic.label) if topic else question.topic,
        **localized_fields(question_rows(question), question.language, wanted, FIELDS,
                           with_messages, chosen=own),
        "asker": {"name": question.asker.display_name, "is_me": question.asker_id == viewer.id,
                  "is_asker": True},
        "sent_to": [{"contact_id": r.contact_id, "name": r.contact_name} for r in recipients],
        "to_everyone_for_topic": question.to_everyone,
        "status": "answered" if messages and messages[-1].kind == "answer" else "waiting",
        "helped": question.helped, "message_count": len(messages),
        "created_at": question.created_at, "last_activity_at": question.last_activity_at,
    }
    if with_messages:
        data["messages"] = [_present_message(m, question, names, viewer, wanted)
                            for m in messages]
    return data


def present_page(page: dict, viewer, ranks: dict[tuple[int, int], tuple]) -> dict:
    """A page of questions without their messages (``ranks``: ``recipient_ranks`` of them)."""
    return {**page, "items": [present(question, viewer, with_messages=False, ranks=ranks)
                              for question in page["items"]]}


def _present_message(message: QuestionMessage, question: Question, names: dict, viewer,
                     wanted: str) -> dict:
    from_asker = message.kind == "reply"
    # Messages from before translation do not say their language: shown as they are.
    original_language = message.language or question.language
    rows = message_rows(message) if message.language else {
        original_language: OriginalText(original_language, body=message.body)}
    own = original_language if message.author_id == viewer.id else None
    return {"id": message.id, "kind": message.kind,
            **localized_fields(rows, original_language, wanted, FIELDS, True, chosen=own),
            "created_at": message.created_at,
            "author": {"name": question.asker.display_name if from_asker
                       else names.get(message.author_id),
                       "is_me": message.author_id == viewer.id, "is_asker": from_asker}}
