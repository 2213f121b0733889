"""GET /me/export is exactly what the OpenAPI component ``PersonalExport`` documents, for every
demo account and for the contract's sample (every section filled): no property the schema
does not declare, no declared property missing, every value of its type, nullability and
format. tests/authz/test_contract.py checks the sample too but lets a declared property be
absent. Sections reuse the API answers' schemas (a subclass with ``Meta.exclude``): a reused
schema that does not fit what the exporter sends fails here.

Not ``schema.dump(export) == export``: the export holds ISO strings where the reused schemas
have ``DateTime`` fields, and ``account`` is ``UserSchema`` with dump-only computed fields.
Before/after files of a refactor: ``python -m tests.privacy.export_snapshot DIR``."""

from jsonschema import Draft202012Validator
from meedoen import privacy
from meedoen.auth.models import User
from meedoen.extensions import db

from tests.authz.test_contract import FORMATS, _sample, _strict
from tests.authz.world import send
from tests.foundation.test_erasure import DEMO_PASSWORD, demo_world  # noqa: F401
from tests.privacy.test_export_schema import EXPORT


def _exact(components: dict) -> dict:
    """``_strict``, and every declared property required (apispec makes every nested schema
    a component of its own, so objects with properties are the components' top level)."""
    components = _strict(components)
    schemas = {name: {**schema, "required": sorted(schema["properties"])}
               if "properties" in schema else schema
               for name, schema in components["schemas"].items()}
    return {**components, "schemas": schemas}


def _problems(app, export) -> list[str]:
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    components = _exact(document["components"])
    validator = Draft202012Validator({"$ref": f"#/components/schemas/{privacy.EXPORT_COMPONENT}",
                                      "components": components}, format_checker=FORMATS)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(export)'}: {e.message}"
            for e in validator.iter_errors(export)]


def test_each_demo_account_export_is_exactly_its_schema(app, app_ctx, demo_world, client):  # noqa: F811
    found = {}
    for username, user_id in sorted(demo_world.items()):
        response = client.login_as(db.session.get(User, user_id)).get("/api/v1/me/export")
        assert response.status_code == 200, username
        found[username] = _problems(app, response.get_json())[:5]
    assert len(found) >= 5
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_filled_sample_export_is_exactly_its_schema(app, factory, client):
    role, scope, status = _sample(EXPORT)
    response = send(EXPORT, role, scope, factory, client)
    assert response.status_code == status == 200
    assert _problems(app, response.get_json())[:5] == []
