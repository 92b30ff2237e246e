"""GET /api/v1/public/units (no login), the OpenAPI schema and the offline docs page."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

from penata.people.models import Employee

pytestmark = pytest.mark.django_db

URL = "/api/v1/public/units"


def test_public_units_need_no_login(client, world):
    response = client.get(URL)

    assert response.status_code == 200
    items = response.json()["items"]
    assert sorted((u["name"], u["head_title"]) for u in items) == [
        ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Kepala BKPSDM"),
        ("Bidang Pelayanan Kesehatan", "Kepala Bidang Pelayanan Kesehatan"),
        ("Dinas Kesehatan", "Kepala Dinas Kesehatan"),
        ("Seksi Pelayanan Primer", ""),
    ]
    assert set(items[0]) == {"id", "name", "kind", "kind_label", "depth", "head_title"}


def test_public_units_hold_no_personal_data(client, world):
    body = client.get(URL, {"page_size": 500}).content

    for employee in Employee.objects.all():
        assert employee.nip.encode() not in body
        assert employee.name.encode() not in body
        if employee.nik:
            assert employee.nik.encode() not in body
        assert employee.birth_date.isoformat().encode() not in body
        assert employee.birth_date.strftime("%d-%m-%Y").encode() not in body
    assert not re.search(rb"\d{16}", body)  # no NIK or NIP-like digit runs at all


def test_public_units_of_another_instansi_by_code(client, world):
    response = client.get(URL, {"instansi": "3311"})

    assert [u["name"] for u in response.json()["items"]] == ["Dinas Kesehatan Sukoharjo"]


def test_public_units_of_an_unknown_instansi_is_404(client, world):
    response = client.get(URL, {"instansi": "9999"})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_public_units_are_paginated(client, world):
    response = client.get(URL, {"page_size": 1, "page": 2})

    assert response.json()["count"] == 4
    assert len(response.json()["items"]) == 1


def test_openapi_schema_documents_every_operation(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    foundation = {
        "/api/v1/units",
        "/api/v1/units/{unit_id}",
        "/api/v1/units/{unit_id}/positions",
        "/api/v1/units/{unit_id}/chart",
        "/api/v1/positions",
        "/api/v1/positions/{position_id}",
        "/api/v1/employees",
        "/api/v1/employees/{employee_id}",
        "/api/v1/nip/{nip}",
        "/api/v1/public/units",
    }
    assert foundation <= set(schema["paths"])  # other apps add their own routers
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    public = schema["paths"]["/api/v1/public/units"]["get"]
    assert "security" not in public
    employees = schema["paths"]["/api/v1/employees"]["get"]
    assert employees["security"] == [{"TokenAuth": []}, {"SessionAuth": []}]
    assert set(employees["responses"]) == {"200", "401", "403", "404", "422"}
    for path in foundation:
        for operation in schema["paths"][path].values():
            assert operation["summary"], path
            assert operation["description"], path


def test_docs_page_uses_the_vendored_swagger_ui(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui/swagger-ui.css" in html
    assert "/static/penata/api-docs.js" in html
    # The random CSRF token may spell anything, "cdn" included: judge the rest of the page.
    page = re.sub(r'data-csrf-token="[^"]*"', "", html)
    assert "cdn" not in page.lower()
    assert "http://" not in page
    assert "https://" not in page
    assert all(url.startswith("/static/") for url in re.findall(r'(?:src|href)="([^"]*)"', page))
    assert '"url": "/api/v1/openapi.json"' in html
    # Session callers need the CSRF token for unsafe methods; the page hands it to Swagger UI.
    assert re.search(r'data-csrf-token="[A-Za-z0-9]{32,}"', html)


def test_docs_static_files_are_present():
    for name in (
        "vendor/swagger-ui/swagger-ui-bundle.js",
        "vendor/swagger-ui/swagger-ui.css",
        "vendor/swagger-ui/LICENSE",
        "penata/api-docs.js",
    ):
        assert finders.find(name), name


def test_docs_static_files_are_served(client, db):
    response = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")

    assert response.status_code == 200
