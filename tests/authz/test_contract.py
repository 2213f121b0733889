"""The OpenAPI contract: every JSON API route's answer matches what /api/v1/openapi.json says.

For each row of the authorization matrix (tests/authz), one request that the matrix expects to
succeed is sent in a fresh matrix world, and its JSON body is validated against the response
schema the OpenAPI document declares for that status (JSON Schema 2020-12, OpenAPI 3.1).
Stricter than the document itself, so that a schema cannot drift from what is sent:

- an object may carry no property its schema does not declare (``additionalProperties: false``
  unless the schema says otherwise),
- ``format: date-time`` / ``date`` / ``email`` / ``uri`` are checked,
- a status the route answers must be documented for it, with a JSON schema when it has a body.

Drifts that are known and not yet fixed are listed in ``KNOWN_DRIFTS`` with what differs; the
test fails when one of them is fixed (remove it) or when a new one appears.
"""

import re
from datetime import date, datetime

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.authz import ROLES
from tests.authz.test_matrix import CASES
from tests.authz.world import send

# (METHOD, openapi path) -> why the answer does not match its schema yet (issue 18, item 1).
KNOWN_DRIFTS: dict[tuple[str, str], str] = {}

FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return not isinstance(value, str)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.tzinfo is not None  # the API sends aware times (UTC)


@FORMATS.checks("date", raises=ValueError)
def _date(value) -> bool:
    if isinstance(value, str):
        date.fromisoformat(value)
    return True


def _strict(node):
    """A copy of a schema where every object with properties allows no undeclared property."""
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _strict(value) for key, value in node.items()}
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


@pytest.fixture(scope="module")
def openapi(app):
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    return {"paths": document["paths"], "components": _strict(document["components"])}


def _success(case):
    """The first (role, scope) the matrix expects a 2xx answer for."""
    for scope in case.scopes:
        for role in ROLES:
            status = case.expected(role, scope)
            if status is not None and 200 <= status < 300:
                return role, scope, status
    return None


def _sample(case):
    """A success where the matrix has one; else its first answer (an error, checked too)."""
    if found := _success(case):
        return found
    scope = case.scopes[0]
    for role in ROLES:
        if case.expected(role, scope) is not None:
            return role, scope, case.expected(role, scope)
    return None


def _operation_path(app, path: str, method: str) -> str:
    adapter = app.url_map.bind("localhost")
    rule, _ = adapter.match(path.split("?", 1)[0], method=method, return_rule=True)
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)


RUNS = [pytest.param(case, id=f"{case.method} {case.path}{' #' + str(i) if i else ''}")
        for i, case in enumerate(CASES) if _sample(case)]


@pytest.mark.parametrize("case", RUNS)
def test_answer_matches_its_openapi_schema(case, app, factory, client, openapi):
    role, scope, expected = _sample(case)
    response = send(case, role, scope, factory, client)
    assert response.status_code == expected, response.get_data(as_text=True)

    template = _operation_path(app, response.request.path, case.method)
    key = (case.method, template)
    operation = openapi["paths"][template][case.method.lower()]
    declared = operation["responses"].get(str(response.status_code))
    if declared is None and response.status_code >= 400:
        declared = operation["responses"].get("default")
    if declared is not None and "$ref" in declared:  # a shared response (errors)
        declared = openapi["components"]["responses"][declared["$ref"].rsplit("/", 1)[1]]
    problems = []
    if declared is None:
        problems.append(f"status {response.status_code} is not documented")
    elif response.mimetype == "application/json" and response.get_data():
        schema = declared.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            problems.append(f"{response.status_code} has a JSON body but no schema")
        else:
            validator = Draft202012Validator({**_strict(schema),
                                              "components": openapi["components"]},
                                             format_checker=FORMATS)
            problems += [f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}"
                         for e in sorted(validator.iter_errors(response.get_json()),
                                         key=lambda e: list(map(str, e.absolute_path)))[:5]]
    if key in KNOWN_DRIFTS:
        assert problems, f"{key} matches its schema now: remove it from KNOWN_DRIFTS"
        pytest.xfail(KNOWN_DRIFTS[key])
    assert not problems, f"{case.method} {template} ({role}, {scope}):\n" + "\n".join(problems)


def test_every_route_is_checked():
    """Every matrix row (so every API route, tests/authz/test_matrix.py) sends a sample."""
    assert len(RUNS) == len(CASES)
