import importlib
import pkgutil
import re

import pytest

import tests.authz as authz
from tests.authz import ROLES, Case
from tests.authz.world import send


def _load_cases() -> list[Case]:
    cases = []
    for module in pkgutil.iter_modules(authz.__path__):
        if module.name.startswith("matrix_"):
            cases += importlib.import_module(f"tests.authz.{module.name}").CASES
    return cases


CASES = _load_cases()
RUNS = [pytest.param(case, role, scope, id=f"{case.method} {case.path} {role} {scope}")
        for case in CASES for role in ROLES for scope in case.scopes]


@pytest.mark.parametrize(("case", "role", "scope"), RUNS)
def test_matrix(case: Case, role, scope, factory, client):
    response = send(case, role, scope, factory, client)
    assert response.status_code == case.expected(role, scope), response.get_data(as_text=True)


def test_every_api_route_is_in_the_matrix(app):
    listed = {case.route_key for case in CASES}
    missing = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint.startswith("api-docs"):
            continue
        path = re.sub(r"<[^>]+>", "{}", rule.rule)
        missing += [(m, path) for m in rule.methods - {"HEAD", "OPTIONS"}
                    if (m, path) not in listed]
    assert not missing, f"routes missing from the authorization matrix: {sorted(missing)}"
