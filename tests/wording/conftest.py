import pytest
from meedoen.auth.models import Role


@pytest.fixture
def town(factory):
    return factory.municipality()


@pytest.fixture
def youth(factory, town):
    return factory.user(Role.YOUTH, town)


@pytest.fixture
def admin(factory):
    return factory.user(Role.ADMIN)
