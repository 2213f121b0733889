"""GET /me/export has a schema: every section's exporter declares it (``schema=``), the privacy
registry composes them into the OpenAPI component ``PersonalExport``
(tests/authz/test_contract.py checks an answer against it). The contract test's sample is
the matrix world's (tests/authz/matrix_core.py, ``personal_data``): here, every section of
that sample has data, so the check is not made on empty lists."""

import pytest
from meedoen import privacy
from meedoen.core import fields
from meedoen.privacy import PersonalData

from tests.authz.test_contract import _sample
from tests.authz.test_matrix import CASES
from tests.authz.world import send

EXPORT = next(case for case in CASES if (case.method, case.path) == ("GET", "/api/v1/me/export"))


def _has_data(value) -> bool:
    if isinstance(value, dict):
        return any(_has_data(item) for item in value.values())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def test_every_registered_section_has_a_schema(app):
    assert privacy._exporters, "no export section registered"
    assert privacy.sections_without_schema() == []
    component = app.test_client().get("/api/v1/openapi.json").get_json()[
        "components"]["schemas"][privacy.EXPORT_COMPONENT]
    assert set(component["properties"]) == set(privacy._exporters)
    assert set(component["required"]) == set(privacy._exporters)


def test_a_section_registered_without_a_schema_is_refused(app, monkeypatch):
    personal = PersonalData()
    personal.exporter("forgotten")(lambda user: [])
    personal.exporter("declared", schema=fields.List(fields.Integer()))(lambda user: [])
    for registry in (privacy._exporters, privacy._covers, privacy._schemas):
        monkeypatch.setattr(privacy, _name(registry), dict(registry))
    privacy.register(personal)
    assert privacy.sections_without_schema() == ["forgotten"]
    with pytest.raises(TypeError, match="forgotten"):
        privacy.export_schema()


def _name(registry) -> str:
    return next(name for name in ("_exporters", "_covers", "_schemas")
                if getattr(privacy, name) is registry)


def test_the_contract_sample_has_data_in_every_section(factory, client):
    role, scope, status = _sample(EXPORT)
    response = send(EXPORT, role, scope, factory, client)
    assert response.status_code == status == 200
    export = response.get_json()
    assert set(export) == set(privacy._exporters)
    empty = sorted(section for section, value in export.items() if not _has_data(value))
    assert empty == [], f"sections without data in the contract's sample: {empty}"
