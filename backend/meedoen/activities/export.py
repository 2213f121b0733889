"""What activities hold about a user, for their data export."""

from sqlalchemy import select

from meedoen.activities.models import Activity, CalendarFeed, Signup
from meedoen.extensions import db
from meedoen.privacy import exporter


@exporter("activities")
def export_activities(user) -> dict:
    signups = db.session.scalars(select(Signup).where(Signup.user_id == user.id)
                                 .order_by(Signup.created_at))
    posted = db.session.scalars(select(Activity.id).where(Activity.created_by_id == user.id))
    return {
        "signups": [{"activity_id": s.activity_id, "status": s.status.value,
                     "signed_up_at": s.created_at.isoformat(),
                     "changed_at": s.updated_at.isoformat()} for s in signups],
        "activities_posted": list(posted),
        "calendar_feed": db.session.get(CalendarFeed, user.id) is not None,
    }
