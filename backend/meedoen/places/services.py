"""Admins add municipalities and reception locations."""

import re

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from meedoen.audit.models import record
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.places.models import Location, Municipality


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def create_municipality(admin, name: str) -> Municipality:
    slug = slugify(name)
    if not slug:
        fail(422, fields={"name": [_("Use at least one letter or digit.")]})
    municipality = Municipality(name=name, slug=slug)
    db.session.add(municipality)
    try:
        db.session.flush()
    except IntegrityError:  # the same name or slug exists (also when created at this moment)
        fail(409)
    record(admin, "municipality.create", municipality.id)
    return municipality


def create_location(admin, data: dict) -> Location:
    if db.session.get(Municipality, data["municipality_id"]) is None:
        fail(404)
    location = Location(**data)
    db.session.add(location)
    db.session.flush()  # the answer holds its id
    record(admin, "location.create", data["municipality_id"])
    return location
