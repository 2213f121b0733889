"""The fixed, translated list of activity categories (also used for interests)."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Category:
    slug: str
    icon: str
    label: object


CATEGORIES = (
    Category("sport", "ball", _l("Sport")),
    Category("dance", "dance", _l("Dance")),
    Category("music", "music", _l("Music")),
    Category("art", "palette", _l("Art")),
    Category("culture_evening", "globe", _l("Culture evening")),
    Category("talent_show", "star", _l("Talent show")),
    Category("cooking", "pot", _l("Cooking and food")),
    Category("celebration", "party", _l("Celebration")),
    Category("games", "dice", _l("Games")),
    Category("nature", "tree", _l("Nature and outdoors")),
    Category("trip", "bus", _l("Trip")),
    Category("language_cafe", "chat", _l("Language café")),
    Category("study_work", "book", _l("Study and work")),
    Category("volunteering", "hands", _l("Volunteering")),
    Category("other", "dots", _l("Other")),
)
CATEGORY_SLUGS = tuple(c.slug for c in CATEGORIES)


def init_app(app) -> None:
    from meedoen.categories.routes import blp
    from meedoen.extensions import api

    api.register_blueprint(blp)
