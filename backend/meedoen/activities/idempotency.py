"""Moved to ``meedoen.core.idempotency`` (a shared block any feature may use). Kept as a
re-export so code written before the move keeps importing; new code imports from core."""

from meedoen.core.idempotency import HEADER, IdempotencyKey, run_once

__all__ = ["HEADER", "IdempotencyKey", "run_once"]
