"""Demo data. Each feature registers its loader from its init_app (``register_loader``);
``flask --app meedoen demo`` runs them in order. Importing a demo module registers nothing."""

from collections.abc import Callable

# "module.function" -> (order, module, fn); filled by init_app (again for another app: same)
_loaders: dict[str, tuple[int, str, Callable]] = {}


def register_loader(order: int, fn: Callable) -> None:
    """Register ``fn(password_hash)``; it must be idempotent (safe to run again). Smaller
    ``order`` runs first (places and accounts: 0)."""
    _loaders[f"{fn.__module__}.{fn.__qualname__}"] = (order, fn.__module__, fn)


def loaders() -> list[Callable]:
    return [fn for _, _, fn in sorted(_loaders.values(), key=lambda item: item[:2])]
