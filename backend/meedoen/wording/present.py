"""The answers of the wording feature that are not a model dumped by its schema."""

from meedoen.wording.catalog import UiText, suggestable_languages
from meedoen.wording.models import LanguageReviewer
from meedoen.wording.policy import reviewed_languages


def present_ui_texts(language: str, texts: list[UiText]) -> dict:
    """UiTextListSchema: a language's texts, each dumped by UiTextSchema."""
    return {"language": language, "texts": texts}


def present_review_languages(user) -> dict:
    """ReviewLanguagesSchema: the languages the user reviews and those open to suggestions."""
    return {"languages": reviewed_languages(user), "suggestable": suggestable_languages()}


def present_reviewer(reviewer: LanguageReviewer) -> dict:
    user = reviewer.user
    return {"id": reviewer.id, "user_id": user.id, "username": user.username,
            "display_name": user.display_name, "role": user.role.value,
            "language": reviewer.language, "created_at": reviewer.created_at}


def present_reviewers(reviewers: list[LanguageReviewer]) -> dict:
    return {"items": [present_reviewer(reviewer) for reviewer in reviewers]}
