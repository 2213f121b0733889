"""Foundation demo data: the research's five municipalities, locations and accounts."""

from sqlalchemy import select

from meedoen.auth.models import MentorLocation, Role, User
from meedoen.extensions import db
from meedoen.places.models import Location, LocationKind, Municipality
from meedoen.places.services import slugify

MUNICIPALITIES = ("Amsterdam", "Tilburg", "Groningen", "Schouwen-Duiveland", "Het Hogeland")
LOCATION_KINDS = (LocationKind.KWE, LocationKind.KWE_PLUS, LocationKind.KWG)

# username, role, display name, ui language, languages spoken, interests, municipality
ACCOUNTS = (
    ("demo-youth", Role.YOUTH, "Yonas", "ti", ["ti", "en"], ["sport", "music"], "Amsterdam"),
    ("demo-youth-ar", Role.YOUTH, "Amal", "ar", ["ar"], ["cooking", "art"], "Amsterdam"),
    ("demo-youth-fa", Role.YOUTH, "Hamid", "fa", ["fa", "fa_AF"], ["sport"], "Tilburg"),
    ("demo-youth-so", Role.YOUTH, "Hodan", "so", ["so", "en"], ["dance"], "Groningen"),
    ("demo-mentor", Role.MENTOR, "Sanne (mentor)", "nl", ["nl", "en"], [], "Amsterdam"),
    ("demo-worker", Role.YOUTH_WORKER, "Rachid (jongerenwerker)", "nl", ["nl", "ar"], [],
     "Amsterdam"),
    ("demo-contact", Role.CONTACT, "Coach Mehmet", "nl", ["nl", "tr"], [], "Amsterdam"),
    ("demo-admin", Role.ADMIN, "Admin", "nl", ["nl"], [], None),
)


def ensure_municipality(name: str) -> Municipality:
    found = db.session.scalar(select(Municipality).where(Municipality.name == name))
    if found:
        return found
    municipality = Municipality(name=name, slug=slugify(name))
    db.session.add(municipality)
    for kind in LOCATION_KINDS:
        municipality.locations.append(Location(name=f"{kind.value} {name}", kind=kind))
    db.session.flush()
    return municipality


def ensure_account(username, role, display_name, ui_language, languages, interests,
                   municipality: Municipality | None, password_hash: str) -> User:
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        user = User(username=username, role=role, display_name=display_name)
        db.session.add(user)
    user.password_hash = password_hash
    user.ui_language, user.languages, user.interests = ui_language, languages, interests
    user.municipality_id = municipality.id if municipality else None
    first_location = municipality.locations[0] if municipality else None
    if role == Role.YOUTH:
        user.location_id = first_location.id
        user.show_as_going = True
    if role == Role.MENTOR and not user.mentor_location_rows:
        user.mentor_location_rows = [MentorLocation(location_id=first_location.id)]
    return user


def load_places_and_accounts(password_hash: str) -> None:
    municipalities = {name: ensure_municipality(name) for name in MUNICIPALITIES}
    for username, role, name, lang, spoken, interests, where in ACCOUNTS:
        ensure_account(username, role, name, lang, spoken, interests,
                       municipalities.get(where), password_hash)
