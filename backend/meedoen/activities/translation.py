"""Activities as something the translation feature translates (meedoen.translation)."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from meedoen.activities.models import Activity, ActivityStatus, ActivityText
from meedoen.activities.texts import FIELDS, clean_description
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.translation.subjects import Subject, row_adder, rows_by_language


def _rows(activity: Activity) -> dict:
    return rows_by_language(activity.texts)


def _published(municipality_id: int | None):
    """Every upcoming published activity (all of them: `translate-published` queues each)."""
    return db.session.scalars(
        select(Activity).where(Activity.municipality_id == municipality_id,
                               Activity.status == ActivityStatus.PUBLISHED,
                               Activity.ends_at > utcnow())
        .order_by(Activity.starts_at).options(selectinload(Activity.texts)))


def _label(activity: Activity) -> str:
    original = _rows(activity).get(activity.original_language)
    return original.title if original else str(activity.id)


ACTIVITY = Subject(
    name="activity", model=Activity, fields=FIELDS, rows=_rows,
    add_row=row_adder("texts", ActivityText, title="", description=""),
    html_fields=frozenset({"description"}), clean_html=clean_description,
    published=_published, label=_label, load_options=(selectinload(Activity.texts),))
