"""Moved to ``meedoen.i18n.texts`` (the translated-text building block sits below the
features). Kept as a re-export so code written before the move keeps importing; new code
imports from ``meedoen.i18n.texts``."""

from meedoen.i18n.texts import *  # noqa: F403
from meedoen.i18n.texts import __all__  # noqa: F401
