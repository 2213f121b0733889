"""Ideas and staff answers as something the translation feature translates
(meedoen.translation), into the languages of the municipality's people.

An idea is written by a young person: a personal text, sent only to a provider allowed to see
those, never cached. A staff answer is written for publication: it may go to any provider.
"""

from meedoen.core.sanitize import clean_html, clean_youth_html
from meedoen.extensions import db
from meedoen.i18n.texts import TITLE_AND_DESCRIPTION
from meedoen.ideas.models import Idea, IdeaAnswer, IdeaAnswerText, IdeaText
from meedoen.translation.subjects import Subject, row_adder, rows_by_language

ANSWER_FIELDS = ("message",)


def _rows(obj) -> dict:
    return rows_by_language(obj.texts)


def _answer_municipality(answer: IdeaAnswer) -> int | None:
    idea = db.session.get(Idea, answer.idea_id)
    return idea.municipality_id if idea else None


IDEA = Subject(
    name="idea", model=Idea, fields=TITLE_AND_DESCRIPTION, rows=_rows, personal=True,
    add_row=row_adder("texts", IdeaText, title="", description=""),
    html_fields=frozenset({"description"}), clean_html=clean_youth_html)

IDEA_ANSWER = Subject(
    name="idea_answer", model=IdeaAnswer, fields=ANSWER_FIELDS, rows=_rows,
    add_row=row_adder("texts", IdeaAnswerText, message=""),
    html_fields=frozenset({"message"}), clean_html=clean_html,
    municipality_id=_answer_municipality)
