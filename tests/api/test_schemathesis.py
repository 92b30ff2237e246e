"""Property-based API tests (schemathesis) against the OpenAPI schema of /api/v1.

Every operation is called with generated input as three identities of different roles (admin,
unit_head, employee, each with an API token), once as generated and once with its path
parameters pointing at real records; every response must be free of server errors and match
the schema (status code, content type, headers, body).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import schemathesis
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from penata.accounts.services import api_token_create
from penata.config.api import api
from penata.config.wsgi import application
from tests.accounts.world import build_world

pytestmark = pytest.mark.xdist_group("schemathesis")

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
IDENTITIES = ("admin", "unit_head_in", "employee")
EXERCISED: set[str] = set()


@pytest.fixture
def identities(db):
    w = build_world()
    expiry = timezone.now() + dt.timedelta(days=1)
    tokens = {}
    for role in IDENTITIES:
        _, secret = api_token_create(
            actor=None, user=w.users[role], name=f"schemathesis {role}", expires_at=expiry
        )
        tokens[role] = secret
    real = {
        "employee_id": w.target.pk,
        "unit_id": w.bidang.pk,
        "position_id": w.p_staff.pk,
        "nip": w.target.nip,
    }
    return tokens, real


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_conforms_to_its_schema(case, identities):
    tokens, real = identities
    EXERCISED.add(case.operation.definition.raw.get("operationId", case.operation.label))
    for role, secret in tokens.items():
        headers = {"Authorization": f"Bearer {secret}"}
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)
        names = set(re.findall(r"{(\w+)}", case.path))
        if names and names <= set(real):
            case.path_parameters = {name: real[name] for name in names}
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)


def test_real_records_answer_200_in_the_documented_shape(identities):
    """Generated ids rarely exist: each operation also reads real records, as each identity,
    so that the 200 bodies are checked against the schema too."""
    tokens, real = identities
    seen = 0
    for path, methods in api.get_openapi_schema()["paths"].items():
        for method in methods:
            names = re.findall(r"{(\w+)}", path)
            case = schema[path][method.upper()].Case(
                path_parameters={name: real[name] for name in names}
            )
            for role, secret in tokens.items():
                headers = {"Authorization": f"Bearer {secret}"}
                response = case.call(headers=headers)
                case.validate_response(response, checks=CHECKS, headers=headers)
                if role == "admin":
                    assert response.status_code == 200, (path, response.text)
            seen += 1
    assert seen == len(EXERCISED) or not EXERCISED


def test_every_operation_was_exercised():
    """Runs after the generated tests (same module, same worker): none was skipped."""
    operations = {
        op["operationId"]
        for ops in api.get_openapi_schema()["paths"].values()
        for op in ops.values()
    }
    assert operations == EXERCISED, f"not exercised: {sorted(operations - EXERCISED)}"
