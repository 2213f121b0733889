"""The messages in a request's thread as something the translation feature translates, both
ways (as questions are): the young person's messages into the intermediaries' app languages,
the intermediary's into the young person's.

Everything here is personal: it goes only to a provider allowed to see personal texts and is
never cached; translations go with the request.
"""

from meedoen.extensions import db
from meedoen.funds.models import SupportRequest, SupportStep, SupportStepText
from meedoen.i18n.texts import OriginalText
from meedoen.translation.audience import app_languages
from meedoen.translation.subjects import Subject, row_adder, rows_by_language

FIELDS = ("body",)


def step_rows(step: SupportStep) -> dict:
    return {**rows_by_language(step.texts),
            step.language: OriginalText(step.language, body=step.body)}


def _request(step: SupportStep) -> SupportRequest | None:
    return db.session.get(SupportRequest, step.request_id)


def readers(step: SupportStep) -> list[int]:
    """The other side: the young person, or the intermediaries of the request."""
    from meedoen.funds.services import intermediaries_of

    request = _request(step)
    if request is None:
        return []
    if step.author_id == request.youth_id:
        return intermediaries_of(request)
    return [request.youth_id]


def _municipality(step: SupportStep) -> int | None:
    request = _request(step)
    return request.municipality_id if request else None


SUPPORT_STEP = Subject(
    name="support_step", model=SupportStep, fields=FIELDS, rows=step_rows,
    add_row=row_adder("texts", SupportStepText, body=""), personal=True,
    original_language=lambda step: step.language, municipality_id=_municipality,
    target_languages=lambda step: app_languages(readers(step)))
