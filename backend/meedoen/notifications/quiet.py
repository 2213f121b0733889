"""Quiet hours (Europe/Amsterdam): when a non-urgent push may be sent."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def quiet_hours_end(now: datetime, quiet_from: time | None,
                    quiet_until: time | None) -> datetime | None:
    """The end of the quiet period ``now`` falls in (UTC), or None when it is not quiet."""
    if quiet_from is None or quiet_until is None or quiet_from == quiet_until:
        return None
    local = now.astimezone(AMSTERDAM)
    moment = local.time().replace(tzinfo=None)
    if quiet_from < quiet_until:
        if not quiet_from <= moment < quiet_until:
            return None
        end_day = local.date()
    elif moment >= quiet_from:
        end_day = local.date() + timedelta(days=1)
    elif moment < quiet_until:
        end_day = local.date()
    else:
        return None
    return datetime.combine(end_day, quiet_until, tzinfo=AMSTERDAM).astimezone(UTC)


def push_not_before(now: datetime, user, urgent: bool) -> datetime | None:
    return None if urgent else quiet_hours_end(now, user.quiet_from, user.quiet_until)
