from flask_login import current_user

from meedoen.auth.models import STAFF_ROLES, Role
from meedoen.authz import MANAGERS, is_admin, roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.translation import present, service
from meedoen.translation.audience import community_languages
from meedoen.translation.schemas import (
    CoverageQuerySchema,
    PreviewInSchema,
    PreviewOutSchema,
    TranslationCoverageSchema,
    UsageSchema,
)
from meedoen.translation.subjects import SUBJECTS

blp = Blueprint("translation", __name__, url_prefix="/api/v1/translation",
                description="Machine translation: drafts, coverage and the characters used")
COVERED = {"activities": "activity", "contacts": "contact"}


@blp.route("/preview", methods=["POST"])
@roles_required(*STAFF_ROLES)
@blp.arguments(PreviewInSchema)
@blp.response(200, PreviewOutSchema)
def preview(data):
    """Machine translation of a draft into the chosen languages, to review before saving."""
    subject = SUBJECTS[data["kind"]]
    made = service.preview(subject, data["source"], data["targets"], data["texts"])
    return present.preview(*made)


@blp.route("/coverage")
@roles_required(*MANAGERS)
@blp.arguments(CoverageQuerySchema, location="query")
@blp.response(200, TranslationCoverageSchema)
def coverage(query):
    """Published activities and contacts not yet readable in this municipality's languages,
    and human translations made from an older original."""
    user = current_user
    municipality_id = user.municipality_id
    if "municipality_id" in query:
        if not is_admin(user) and query["municipality_id"] != municipality_id:
            fail(404)
        municipality_id = query["municipality_id"]
    items = {}
    for key, name in COVERED.items():
        subject = SUBJECTS.get(name)
        published = subject.published(municipality_id) if subject and subject.published else []
        items[key] = [(subject, obj) for obj in published]
    return present.coverage(community_languages(municipality_id), items)


@blp.route("/usage")
@roles_required(Role.ADMIN)
@blp.response(200, UsageSchema)
def usage():
    """Characters sent to the provider today and per month (the daily cap is a setting)."""
    return present.usage(*service.usage())
