"""The answer of categories: each category with its label in the reader's language."""

from meedoen.categories import CATEGORIES


def categories() -> list[dict]:
    """CategorySchema, many."""
    return [{"slug": c.slug, "icon": c.icon, "label": str(c.label)} for c in CATEGORIES]
