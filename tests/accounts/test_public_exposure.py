"""Public pages and the public API never show a NIK, a birth date or the NIP of a
non-official — asserted on the rendered bytes, with the demo dataset loaded.

The pages are every GET endpoint classified `public`/`api_public` in the access registry,
so a new public page is checked without touching this test.
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from penata.accounts.access_registry import API, WEB
from penata.config.api import api
from penata.core import reference
from penata.people.models import Assignment, Employee
from penata.people.selectors import current_assignment_q

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", "--employees", "200", stdout=io.StringIO())
    assert Employee.objects.count() == 200


def _public_urls() -> list[str]:
    urls = [
        reverse(name, kwargs=dict(access.params) or None) for name, access in WEB.items()
        if access.access == "public" and access.method == "GET" and access.ok == 200
        and not access.objects
    ]  # fmt: skip
    schema = api.get_openapi_schema()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            access = API.get(op["operationId"])
            public = access is not None and access.access == "api_public"
            if public and method == "get" and not access.objects and access.ok == 200:
                urls.append(path)
    urls += [reverse("portal:public_units") + "?q=kepala", reverse("accounts:login")]
    return urls


def _forbidden_strings() -> dict[str, str]:
    """What must not appear, with a note saying whose it is."""
    officials = set(
        Assignment.objects.filter(
            current_assignment_q(), position__kind__in=reference.MANAGERIAL_KINDS
        ).values_list("employee_id", flat=True)
    )
    found: dict[str, str] = {}
    for e in Employee.objects.all():
        if e.nik:
            found[e.nik] = f"NIK of {e.name}"
        b = e.birth_date
        for text in (b.isoformat(), f"{b:%d-%m-%Y}", f"{b:%d/%m/%Y}",
                     f"{b.day} {MONTHS[b.month - 1]} {b.year}"):  # fmt: skip
            found[text] = f"birth date of {e.name}"
        if e.pk not in officials:
            found[e.nip] = f"NIP of non-official {e.name}"
            found[f"{e.nip[:8]} {e.nip[8:14]} {e.nip[14]} {e.nip[15:]}"] = f"NIP of {e.name}"
    return found


def test_public_pages_and_api_hold_no_personal_data(demo):
    forbidden = _forbidden_strings()
    assert len(forbidden) > 600  # 200 people: NIK, four date forms, most NIPs
    pattern = re.compile("|".join(re.escape(s) for s in sorted(forbidden, key=len, reverse=True)))
    client = Client()
    urls = _public_urls()
    assert "/api/v1/public/units" in urls and "/" in urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        leaks = {forbidden[m] for m in pattern.findall(body)}
        assert not leaks, f"{url} shows {sorted(leaks)[:5]}"


def test_the_check_finds_a_leak(demo):
    """The same scan flags a page that does show personal data (the test can fail)."""
    forbidden = _forbidden_strings()
    employee = Employee.objects.exclude(nik="").first()
    body = f"<td>{employee.nik}</td><td>{employee.birth_date:%d-%m-%Y}</td>"
    pattern = re.compile("|".join(re.escape(s) for s in forbidden))
    assert {forbidden[m] for m in pattern.findall(body)} == {
        f"NIK of {employee.name}",
        f"birth date of {employee.name}",
    }
