"""The people and places every matrix row runs against."""

from meedoen.auth.models import Role

from tests.authz import MAKERS


class World:
    """Two municipalities: ``home`` (where the actors live) and ``away``."""

    def __init__(self, factory):
        self.factory = factory
        self.home = factory.municipality("Thuisstad")
        self.away = factory.municipality("Verweg")
        self.actors = {role: factory.user(role, None if role == Role.ADMIN else self.home)
                       for role in Role}
        self._others = {}

    def actor(self, role: str):
        return None if role == "anonymous" else self.actors[Role(role)]

    def owner(self, scope: str, actor, role: Role | str = Role.YOUTH):
        """Who owns an object of this scope: the actor, a neighbour, or someone far away."""
        role = Role(role)
        if scope == "own" and actor is not None and actor.role == role:
            return actor
        where = self.away if scope == "other" else self.home
        key = (where.id, role)
        if key not in self._others:
            self._others[key] = self.factory.user(role, where)
        return self._others[key]

    def municipality(self, scope: str):
        return self.away if scope == "other" else self.home


def send(case, role: str, scope: str, factory, client):
    """One request of a matrix row: in a fresh World, as the role's actor (logged in), on the
    case's objects made for the scope. Returns the response."""
    world = World(factory)
    actor = world.actor(role)
    path = case.path.format(**{name: MAKERS[name](world, scope, actor) for name in case.objects})
    body = case.body(world, scope, actor) if callable(case.body) else case.body
    if case.setup is not None:
        case.setup(world, scope, actor)
    if actor is not None:
        client.login_as(actor)
    return client.open(path, method=case.method, json=body)
