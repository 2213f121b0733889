"""The answers of the wording feature that are not a model dumped by its schema."""

from meedoen.wording.models import LanguageReviewer


def present_reviewer(reviewer: LanguageReviewer) -> dict:
    user = reviewer.user
    return {"id": reviewer.id, "user_id": user.id, "username": user.username,
            "display_name": user.display_name, "role": user.role.value,
            "language": reviewer.language, "created_at": reviewer.created_at}
