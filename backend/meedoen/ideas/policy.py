"""Who may do what with ideas.

- Every logged-in user sees the ideas of their own municipality (admins: all).
- Only young people propose and support; not their own idea.
- Staff who run activities (mentor, youth worker, admin) answer, translate, hide and see
  reports, the stats and the author's name. A hidden idea is seen only by them and its author;
  for everyone else it does not exist (404).
"""

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, or_, true

from meedoen.auth.models import Role, User
from meedoen.authz import MANAGERS, get_scoped_or_404, municipality_scope
from meedoen.core.errors import fail
from meedoen.ideas.models import Idea, IdeaStatus

PROPOSERS = (Role.YOUTH,)
SUPPORTERS = (Role.YOUTH,)
ANSWERERS = tuple(MANAGERS)
MODERATORS = tuple(MANAGERS)
CLOSED = {IdeaStatus.DONE, IdeaStatus.NOT_POSSIBLE}


def is_moderator(user: User) -> bool:
    return user.role in MODERATORS


def visible_ideas(user: User) -> ColumnElement[bool]:
    """A WHERE clause for the ideas this user may see."""
    scope = municipality_scope(user, Idea.municipality_id)
    shown = true() if is_moderator(user) else or_(Idea.hidden_at.is_(None),
                                                  Idea.author_id == user.id)
    return scope & shown


def get_visible_idea(user: User, idea_id: int) -> Idea:
    idea = get_scoped_or_404(Idea, idea_id, user)
    if idea.is_hidden and not (is_moderator(user) or idea.author_id == user.id):
        fail(404)
    return idea


def check_can_support(user: User, idea: Idea) -> None:
    if idea.author_id == user.id:
        fail(409, "own_idea", _("This is your own idea."))
    if idea.status in CLOSED:
        fail(409, "idea_closed", _("This idea can no longer be supported."))


def sees_author(user: User, idea: Idea) -> bool:
    """Others see the proposer's name only if they chose "show my name on ideas I propose"."""
    return is_moderator(user) or idea.author_id == user.id or idea.author.show_name_on_ideas
