"""Demo data. Each feature registers a loader; ``flask --app meedoen demo`` runs them in order."""

from collections.abc import Callable

_loaders: list[tuple[int, str, Callable]] = []


def demo_loader(order: int):
    """Register ``fn(password_hash)``; it must be idempotent (safe to run again)."""

    def register(fn):
        _loaders.append((order, fn.__module__, fn))
        return fn

    return register


def loaders() -> list[Callable]:
    return [fn for _, _, fn in sorted(_loaders, key=lambda item: item[:2])]
