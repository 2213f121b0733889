"""Who may do what with suggested wordings.

- Anyone logged in suggests a wording in a language other than Dutch and English.
- Reviewers of a language (granted by an admin, any role: a young native speaker too) see
  that language's suggestions and accept or reject them; nobody else does, admins neither
  unless they granted themselves the language. Suggestions of other languages do not exist
  for a reviewer (404). The queue never names the suggester.
- Only admins grant and revoke the reviewer role.
"""

from sqlalchemy import select

from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.wording.models import LanguageReviewer, WordingSuggestion


def reviewed_languages(user) -> list[str]:
    return list(db.session.scalars(select(LanguageReviewer.language)
                                   .where(LanguageReviewer.user_id == user.id)
                                   .order_by(LanguageReviewer.language)))


def check_reviewer(user, languages: list[str] | None = None) -> list[str]:
    """The languages this user reviews (of ``languages`` if given); 403 for none."""
    mine = reviewed_languages(user)
    wanted = [lang for lang in mine if languages is None or lang in languages]
    if not mine or (languages and set(languages) - set(mine)):
        fail(403)
    return wanted


def get_reviewable_suggestion(user, suggestion_id: int) -> WordingSuggestion:
    languages = check_reviewer(user)
    suggestion = db.session.get(WordingSuggestion, suggestion_id)
    if suggestion is None or suggestion.language not in languages:
        fail(404)
    return suggestion
