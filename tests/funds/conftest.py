import pytest
from meedoen.auth.models import Role

from tests.funds.helpers import make_fund


@pytest.fixture
def town(factory):
    return factory.municipality()


@pytest.fixture
def youth(factory, town):
    return factory.user(Role.YOUTH, town, ui_language="so", languages=["so"])


@pytest.fixture
def worker(factory, town):
    return factory.user(Role.YOUTH_WORKER, town)


@pytest.fixture
def fund(town):
    return make_fund(town)


@pytest.fixture
def as_youth(clock, make_client, youth):
    return make_client().login_as(youth)


@pytest.fixture
def as_worker(clock, make_client, worker):
    return make_client().login_as(worker)
