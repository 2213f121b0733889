import pytest

from tests.conftest import ApiClient


@pytest.fixture(autouse=True)
def _api_clients(app):
    """Every test client of the shared app sends what the PWA sends (see ApiClient)."""
    app.test_client_class = ApiClient
