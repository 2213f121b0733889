"""The authorization matrix: every API operation × role × object scope, as data.

Each feature keeps its rows in ``matrix_<feature>.py``: a list ``CASES`` of
``Case`` and, for paths with an object (``/activities/{activity}``), a maker
registered with ``@maker("activity")`` that creates that object for a scope:

- ``own``: the acting user's own object (created by or belonging to them),
- ``same``: someone else's object in the acting user's municipality,
- ``other``: an object in another municipality.

``test_matrix.py`` runs every row for every role and scope, and fails when the
app has an API route that no row lists.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "youth", "mentor", "youth_worker", "contact", "admin")
SCOPES = ("own", "same", "other")
MAKERS: dict[str, Callable] = {}


def maker(name: str):
    def register(fn):
        MAKERS[name] = fn
        return fn

    return register


def by_role(default: int | None = None, **statuses: int) -> dict[str, int]:
    """Expected status per role: by_role(403, anonymous=401, admin=200)."""
    unknown = set(statuses) - set(ROLES)
    assert not unknown, unknown
    return {role: statuses.get(role, default) for role in ROLES}


@dataclass
class Case:
    method: str
    path: str
    # role -> status for every scope, or scope -> (role -> status)
    expect: dict
    body: dict | Callable | None = None
    note: str = ""
    # fn(world, scope, actor): rows the request should find besides its objects (the export:
    # a row in every section), made before it is sent.
    setup: Callable | None = None
    objects: list[str] = field(init=False)

    def __post_init__(self):
        self.objects = re.findall(r"{(\w+)}", self.path)

    @property
    def scopes(self) -> tuple[str, ...]:
        return SCOPES if self.objects else ("none",)

    def expected(self, role: str, scope: str) -> int:
        return self.expect.get(scope, self.expect)[role]

    @property
    def route_key(self) -> tuple[str, str]:
        return self.method, re.sub(r"{\w+}", "{}", self.path)
