"""Small helpers that make rows for tests."""

import itertools

from meedoen.auth.models import MentorLocation, Role, User
from meedoen.auth.passwords import hash_password
from meedoen.extensions import db
from meedoen.places.models import Location, LocationKind, Municipality

PASSWORD = "correct-horse-42"
_counter = itertools.count(1)


class Factory:
    def municipality(self, name: str | None = None) -> Municipality:
        n = next(_counter)
        municipality = Municipality(name=name or f"Gemeente {n}", slug=f"gemeente-{n}")
        municipality.locations = [Location(name=f"Huis {n}", kind=LocationKind.KWE)]
        db.session.add(municipality)
        db.session.commit()
        return municipality

    def location(self, municipality: Municipality, kind=LocationKind.KWE_PLUS) -> Location:
        location = Location(municipality=municipality, name=f"Huis {next(_counter)}", kind=kind)
        db.session.add(location)
        db.session.commit()
        return location

    def user(self, role: Role | str = Role.YOUTH, municipality: Municipality | None = None,
             password: str = PASSWORD, **fields) -> User:
        role = Role(role)
        n = next(_counter)
        user = User(username=fields.pop("username", f"{role.value}-{n}"), role=role,
                    display_name=fields.pop("display_name", f"{role.value.title()} {n}"),
                    password_hash=hash_password(password),
                    municipality_id=municipality.id if municipality else None)
        if municipality and role == Role.YOUTH:
            user.location_id = municipality.locations[0].id
        if municipality and role == Role.MENTOR:
            user.mentor_location_rows = [MentorLocation(location_id=municipality.locations[0].id)]
        user.languages = fields.pop("languages", ["nl"])
        user.interests = fields.pop("interests", [])
        for name, value in fields.items():
            setattr(user, name, value)
        db.session.add(user)
        db.session.commit()
        return user
