"""The generated authorisation matrix: every URL pattern of the resolver and every operation of
the OpenAPI schema × every role (in and out of scope) × an in-scope and an out-of-scope object.

Expected statuses follow the endpoint's access class in `penata.accounts.access_registry`.
An endpoint nobody classified fails `test_every_endpoint_is_classified` by name. Each request
runs in a savepoint that is rolled back, so a POST by one role never changes what the next
role sees.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from penata.accounts.access_registry import API, WEB, Access, web_access
from penata.accounts.models import RoleGrant
from penata.accounts.services import api_token_create
from penata.config.api import api
from penata.core import audit
from penata.people.models import CorrectionRequest, ImportJob
from tests.accounts.world import LINKED, ROLES, build_world

# Roles whose reach includes the in-scope employee (Agus, in the Bidang under the kabid).
REACHES_TARGET = frozenset(
    {"employee", "supervisor", "unit_head_in", "org_analyst", "admin", "auditor"}
)
ROLE_SETS = {
    "admin_only": {"admin"},
    "admin_object": {"admin"},
    "analyst_or_admin": {"admin", "org_analyst"},
    "analyst_or_admin_object": {"admin", "org_analyst"},
    "export_roles": {"admin", "org_analyst", "auditor"},
    "auditor_or_admin": {"admin", "auditor"},
    "auditor_or_admin_object": {"admin", "auditor"},
    "restructure_readers": {"admin", "org_analyst", "auditor"},
}
RESTRUCTURE_READERS = frozenset({"admin", "org_analyst", "auditor"})
RESTRUCTURE_WRITERS = frozenset({"admin", "org_analyst"})


def unbuilt(access: Access) -> bool:
    """The endpoint names an object kind the matrix does not build (see the registry)."""
    return any("." in kind for kind in access.objects.values())


def body_first(access: Access) -> bool:
    return any(kind.endswith("_body") for kind in access.objects.values())


def expected(access: Access, role: str, scope: str) -> int:
    """The status `role` gets from an endpoint of this class for an object in `scope`
    (`missing` for kinds the matrix does not build)."""
    kind, ok = access.access, access.ok
    anonymous = role == "anonymous"
    has_object = bool(access.objects)
    if scope == "missing" and not body_first(access):
        ok = 404
    if kind == "public" or kind == "api_public":
        return ok
    if kind in ("roles", "api_roles"):
        if anonymous:
            return 401 if kind == "api_roles" else 302
        granted = "unit_head" if role.startswith("unit_head") else role
        if granted not in access.roles:
            return 404 if granted in access.not_found_for else access.denied
        return 404 if scope == "out" else ok
    if kind == "anonymous_page":
        return 200 if anonymous else 302
    if kind.startswith("api_"):
        if anonymous:
            return 401
        if has_object and scope == "out":
            return 404
        if kind == "api_self":
            return ok if role in LINKED else access.denied
        if kind == "api_scoped_employee":
            return ok if role in REACHES_TARGET else 404
        return ok
    if kind == "django_admin":
        return 302  # no Penata role makes an account Django staff
    if anonymous:
        return 302  # to the sign-in page
    if kind == "signed_in" or kind == "staff":
        return ok
    if kind == "staff_object":
        return ok if scope == "in" else 404
    if kind == "scoped_employee":
        reach = REACHES_TARGET
        if access.roles:
            reach = {
                r for r in reach if (r[:9] if r.startswith("unit_head") else r) in access.roles
            }
        return ok if scope == "in" and role in reach else 404
    if kind == "self":
        return ok if role in LINKED else access.denied
    if kind == "scenario_object":
        return ok if scope == "in" and role in RESTRUCTURE_READERS else 404
    if kind == "scenario_write_object":
        if scope == "out" or role not in RESTRUCTURE_READERS:
            return 404
        return ok if role in RESTRUCTURE_WRITERS else 403
    if kind == "correction_object":
        return ok if scope == "in" and role in ("employee", "admin") else 404
    allowed = ROLE_SETS[kind]
    if role not in allowed:
        return 403
    if has_object and scope == "out":
        return 404
    return ok


# --- the endpoints ----------------------------------------------------------------------


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from _walk(entry, route, f"{namespace}:{ns}".strip(":") if ns else namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}".strip(":") if entry.name else ""
            yield name, route, entry


def web_endpoints() -> list[tuple[str, str, URLPattern]]:
    """Every URL pattern except the API operations (checked through the schema)."""
    found = []
    for name, route, entry in _walk(get_resolver()):
        if name.startswith("api:") and name not in WEB:
            continue
        found.append((name, route, entry))
    return found


def api_operations() -> list[tuple[str, str, str]]:
    schema = api.get_openapi_schema()
    return [
        (op["operationId"], method.upper(), path)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]


def test_every_endpoint_is_classified():
    unclassified = [
        name or f"(unnamed) {route}"
        for name, route, _ in web_endpoints()
        if web_access(name, route) is None
    ]
    unclassified += [f"API {op} ({method} {path})" for op, method, path in api_operations()
                     if op not in API]  # fmt: skip
    assert not unclassified, (
        "Endpoints without an access class — add them to penata/accounts/access_registry.py: "
        + ", ".join(unclassified)
    )
    names = {name for name, _, _ in web_endpoints()}
    operations = {op for op, _, _ in api_operations()}
    stale = sorted(set(WEB) - names) + sorted(set(API) - operations)
    assert not stale, f"Classified endpoints that no longer exist: {', '.join(stale)}"


# --- the world and its objects ----------------------------------------------------------


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _objects(w: SimpleNamespace) -> dict[str, tuple[object, object]]:
    """(in scope, out of scope) per object kind named by the registry."""
    job = ImportJob.objects.create(
        instansi=w.inst, kind="employees", file="imports/uji.xlsx", original_name="uji.xlsx",
        status=ImportJob.Status.DONE, created_by=w.users["admin"],
    )  # fmt: skip
    foreign_job = ImportJob.objects.create(
        instansi=w.other, kind="employees", file="imports/skh.xlsx", original_name="skh.xlsx",
        status=ImportJob.Status.DONE, created_by=w.foreign_admin,
    )  # fmt: skip

    def correction(employee):
        request = CorrectionRequest(
            instansi_id=employee.instansi_id, employee=employee, field="phone",
            old_value="", new_value="081299998888", reason="Nomor lama tidak aktif.",
            attachment_name="bukti.pdf",
        )  # fmt: skip
        request.attachment.save("bukti.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        request.save()
        return request

    from penata.restructure.models import Scenario

    scenarios = [
        Scenario.objects.create(instansi=i, name="Uji", base_date=timezone.localdate(),
                                created_by=u)
        for i, u in ((w.inst, w.users["org_analyst"]), (w.other, w.foreign_admin))
    ]  # fmt: skip
    expiry = timezone.now() + dt.timedelta(days=5)
    token, _ = api_token_create(actor=None, user=w.users["employee"], name="in", expires_at=expiry)
    foreign_token, _ = api_token_create(
        actor=None, user=w.foreign_admin, name="out", expires_at=expiry
    )
    return {
        "employee": (w.target, w.foreigner),
        "unit": (w.bidang, w.foreign_unit),
        "position": (w.p_staff, w.p_foreign),
        "import_job": (job, foreign_job),
        "user": (w.bystander, w.foreign_admin),
        "grant": (
            RoleGrant.objects.get(user=w.users["moderator"]),
            RoleGrant.objects.get(user=w.foreign_admin),
        ),
        "audit_event": (
            audit.record(actor=w.users["admin"], action="test.event", instansi_id=w.inst.pk),
            audit.record(actor=w.foreign_admin, action="test.event", instansi_id=w.other.pk),
        ),
        "correction": (correction(w.target), correction(w.foreigner)),
        "api_token": (token, foreign_token),
        "scenario": (scenarios[0], scenarios[1]),
    }


@pytest.fixture
def matrix(db):
    w = build_world()
    clients = {"anonymous": Client()}
    for role in ROLES[1:]:
        clients[role] = Client()
        clients[role].force_login(w.users[role])
    return SimpleNamespace(world=w, objects=_objects(w), clients=clients)


def _kwargs(access: Access, converters: dict, objects, scope: str, label: str) -> dict:
    kwargs: dict = dict(access.params)
    for key, kind in access.objects.items():
        if scope == "missing":
            kwargs[key] = "TIDAKADA" if key in ("code", "token") else 999999999
        else:
            kwargs[key] = objects[kind][0 if scope == "in" else 1].pk
    missing = set(converters) - set(kwargs)
    assert not missing, f"{label}: no object or value for URL parameter(s) {sorted(missing)}"
    return kwargs


def _run(client: Client, method: str, url: str) -> int:
    with transaction.atomic():
        response = client.generic(method, url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response.status_code


def _check(label: str, access: Access, url_for, matrix) -> None:
    if unbuilt(access):
        scopes: tuple[str, ...] = ("missing",)
    else:
        scopes = ("in", "out") if access.objects else ("in",)
    wrong = []
    for scope in scopes:
        url = url_for(scope)
        for role in ROLES:
            got = _run(matrix.clients[role], access.method, url)
            want = expected(access, role, scope)
            if got != want:
                wrong.append(f"{role:>13} {scope:>3} scope: got {got}, expected {want}")
    assert not wrong, f"{label} [{access.access}] {access.method}:\n" + "\n".join(wrong)


WEB_CASES = [
    pytest.param(name, route, entry, id=name or route)
    for name, route, entry in web_endpoints()
    if not route.startswith("admin/")
]


@pytest.mark.parametrize(("name", "route", "entry"), WEB_CASES)
def test_web_matrix(matrix, name, route, entry):
    access = web_access(name, route)
    if access is None:
        pytest.fail(f"{name or route} has no access class (see test_every_endpoint_is_classified)")
    converters = dict(getattr(entry.pattern, "converters", {})) or dict.fromkeys(
        entry.pattern.regex.groupindex
    )

    def url_for(scope: str) -> str:
        return reverse(
            name, kwargs=_kwargs(access, converters, matrix.objects, scope, name) or None
        )

    _check(name, access, url_for, matrix)


def test_django_admin_is_for_django_staff_only(matrix):
    """The admin site as a group: every named admin URL sends every Penata role to the
    admin sign-in (no role makes an account `is_staff`)."""
    values = {"object_id": "1", "content_type_id": "1", "app_label": "auth", "pk": "1"}
    checked = 0
    for name, route, entry in web_endpoints():
        if not route.startswith("admin/") or not name or name.endswith(":None"):
            continue
        groups = set(getattr(entry.pattern, "converters", {})) | set(entry.pattern.regex.groupindex)
        url = reverse(name, kwargs={k: values.get(k, "1") for k in groups} or None)
        want = 200 if name == "admin:login" else 302
        for role in ROLES:
            status = _run(matrix.clients[role], "GET", url)
            assert status == want, f"{name} as {role}: {status}, expected {want}"
        checked += 1
    assert checked >= 10


API_CASES = [pytest.param(op, method, path, id=op) for op, method, path in api_operations()]


@pytest.mark.parametrize(("operation", "method", "path"), API_CASES)
def test_api_matrix(matrix, operation, method, path):
    access = API.get(operation)
    if access is None:
        pytest.fail(f"API {operation} has no access class (see test_every_endpoint_is_classified)")
    params = set(re.findall(r"{(\w+)}", path))

    def url_for(scope: str) -> str:
        values = _kwargs(access, dict.fromkeys(params), matrix.objects, scope, operation)
        return re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), path)

    _check(operation, access, url_for, matrix)
