"""Fixtures: loopback translation providers (see fake_providers.py for what they can do)."""

import pytest

from tests.translation.fake_providers import FakeGoogleTranslate, FakeLibreTranslate


@pytest.fixture
def libretranslate_server():
    """A LibreTranslate API on loopback: `.url`, `.requests`, `.fail_next(kind, count)`,
    `.languages`, `.api_key` (None: any key is accepted)."""
    with FakeLibreTranslate() as server:
        yield server


@pytest.fixture
def google_server():
    """A Google Cloud Translation v2 API on loopback; its key is `.api_key` ("google-test-key")."""
    with FakeGoogleTranslate() as server:
        yield server


@pytest.fixture
def translating(app, libretranslate_server):
    """The app translates with the loopback LibreTranslate (every shipped language, so tests
    can take some away), and forgets it after the test."""
    from meedoen.core.languages import SHIPPED_LANGUAGES

    libretranslate_server.languages = set(SHIPPED_LANGUAGES)
    saved = dict(app.config)
    app.config.update(TRANSLATION_PROVIDER="libretranslate",
                      LIBRETRANSLATE_URL=libretranslate_server.url, TRANSLATION_TIMEOUT_SECONDS=2)
    yield libretranslate_server
    app.config.clear()
    app.config.update(saved)


@pytest.fixture
def town(factory):
    """A municipality whose young people read Arabic, Tigrinya and Kurmanji."""
    from meedoen.auth.models import Role

    town = factory.municipality("Tilburg")
    for language in ("ar", "ti", "ku"):
        factory.user(Role.YOUTH, town, ui_language=language)
    return town


@pytest.fixture
def worker(factory, town):
    from meedoen.auth.models import Role

    return factory.user(Role.YOUTH_WORKER, town)
