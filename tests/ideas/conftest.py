import pytest
from meedoen.auth.models import Role

# Each request in its own app context, as in production (see tests/activities/conftest.py).
from tests.activities.conftest import client, make_client  # noqa: F401


@pytest.fixture
def town(factory):
    return factory.municipality()


@pytest.fixture
def youth(factory, town):
    return factory.user(Role.YOUTH, town)
