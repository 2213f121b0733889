import pytest

from tests.conftest import ApiClient


class FreshContextClient(ApiClient):
    """Each request in its own app context, as in production.

    The ``factory`` fixture keeps one app context open for the whole test; Flask would
    reuse it for every request, so ``g`` (the logged-in user, the chosen language) and
    the database session would leak from one request into the next.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = FreshContextClient
    return app.test_client()


@pytest.fixture
def make_client(app):
    app.test_client_class = FreshContextClient
    return app.test_client
