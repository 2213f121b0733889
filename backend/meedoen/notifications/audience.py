"""Who a notification reaches: youth of one municipality, narrowed by location, interest
and language (OR within one kind of filter, AND between kinds). Computed on the server."""

from sqlalchemy import Select, exists, func, select

from meedoen.auth.models import Role, User, UserInterest, UserLanguage


def recipients_query(municipality_id: int, audience: dict) -> Select:
    query = select(User.id).where(User.role == Role.YOUTH,
                                  User.municipality_id == municipality_id,
                                  User.is_active_account.is_(True))
    if audience.get("location_ids"):
        query = query.where(User.location_id.in_(audience["location_ids"]))
    if audience.get("interests"):
        query = query.where(exists().where(UserInterest.user_id == User.id,
                                           UserInterest.category.in_(audience["interests"])))
    if audience.get("languages"):
        query = query.where(exists().where(UserLanguage.user_id == User.id,
                                           UserLanguage.code.in_(audience["languages"])))
    return query


def count_recipients(session, municipality_id: int, audience: dict) -> int:
    subquery = recipients_query(municipality_id, audience).subquery()
    return session.scalar(select(func.count()).select_from(subquery))
