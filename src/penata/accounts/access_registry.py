"""Who may reach every web page and API operation: one access class per endpoint.

`tests/accounts/test_authz_matrix.py` walks every URL pattern of the resolver and every
operation of the OpenAPI schema, requests each as every role (in and out of scope) and
compares the status with what the endpoint's class promises. An endpoint missing here fails
that test by name: whoever adds a page or an operation classifies it here (docs/security.md
explains the classes).

Classes (web): `public`, `anonymous_page` (sign-in), `signed_in` (any account), `staff`
(any role or employee record), `staff_object` (structure of the actor's instansi),
`scoped_employee` (employees the actor's role reaches), `self` (the actor's own employee
record), `correction_object` (own request, or an admin deciding it), `admin_only`,
`admin_object`, `analyst_or_admin`, `analyst_or_admin_object`, `export_roles` (admin,
org_analyst, auditor), `auditor_or_admin`, `auditor_or_admin_object`, `restructure_readers`
(org_analyst, admin, auditor), `scenario_object` (a scenario its readers see),
`scenario_write_object` (changed by org_analyst and admin only), `django_admin`.
API: `api_public`, `api_staff`, `api_staff_object`, `api_scoped_employee`.
Out-of-scope objects answer 404 (no existence leak); a role without the right answers 403.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Access:
    access: str
    # URL kwarg / path parameter -> kind of object it names (built in and out of scope).
    objects: Mapping[str, str] = field(default_factory=dict)
    # Fixed kwargs that do not name an object (file formats, kinds).
    params: Mapping[str, str] = field(default_factory=dict)
    method: str = "GET"
    # Status of an allowed request when it is not 200 (POST handlers redirect, an empty
    # form answers 400, a finished import's progress 204).
    ok: int = 200


def _a(access: str, **kw: object) -> Access:
    return Access(access, **kw)  # type: ignore[arg-type]


# Every URL whose route starts with one of these belongs to the group (Django's admin site:
# staff accounts only, which no Penata role implies).
WEB_GROUPS: dict[str, Access] = {"admin/": Access("django_admin")}

WEB: dict[str, Access] = {
    # Public face and language switch
    "portal:public_home": _a("public"),
    "portal:public_units": _a("public"),
    "set_language": _a("public", method="POST", ok=302),
    "api:openapi-json": _a("public"),
    "api:openapi-view": _a("public"),
    "api:api-root": _a("public", ok=404),
    # Sign-in and account
    "accounts:login": _a("anonymous_page"),
    "accounts:logout": _a("public", method="POST", ok=302),
    "security:two_factor": _a("signed_in"),
    "accounts:token_list": _a("admin_only"),
    "accounts:token_create": _a("admin_only", method="POST", ok=400),
    "accounts:token_revoke": _a("admin_object", objects={"pk": "api_token"}, method="POST", ok=302),
    # Role administration
    "roles:list": _a("admin_only"),
    "roles:grant": _a("admin_only"),
    "roles:user": _a("admin_object", objects={"pk": "user"}),
    "roles:revoke": _a("admin_object", objects={"pk": "grant"}, method="POST", ok=302),
    "roles:unit_search": _a("admin_only"),
    "roles:user_search": _a("admin_only"),
    # Audit trail
    "audit:list": _a("auditor_or_admin"),
    "audit:detail": _a("auditor_or_admin_object", objects={"pk": "audit_event"}),
    "audit:export": _a("auditor_or_admin", params={"fmt": "csv"}),
    # Personal data: self-service, corrections, breach
    "privacy:my_data": _a("self"),
    "privacy:correction_create": _a("self", method="POST", ok=400),
    "privacy:my_data_download": _a("self", params={"fmt": "json"}),
    "privacy:correction_queue": _a("admin_only"),
    "privacy:correction_detail": _a("admin_object", objects={"pk": "correction"}),
    "privacy:correction_verify": _a(
        "admin_object", objects={"pk": "correction"}, method="POST", ok=302
    ),
    "privacy:correction_reject": _a(
        "admin_object", objects={"pk": "correction"}, method="POST", ok=400
    ),
    "privacy:correction_attachment": _a("correction_object", objects={"pk": "correction"}),
    "privacy:breach": _a("admin_only"),
    # Staff home and structure
    "portal:home": _a("staff"),
    "org:unit_tree": _a("staff"),
    "org:unit_detail": _a("staff_object", objects={"pk": "unit"}),
    "org:unit_children": _a("staff_object", objects={"pk": "unit"}),
    "org:unit_chart": _a("staff_object", objects={"pk": "unit"}),
    "org:unit_chart_data": _a("staff_object", objects={"pk": "unit"}),
    "org:position_detail": _a("staff_object", objects={"pk": "position"}),
    # Employees
    "people:employee_list": _a("staff"),
    "people:employee_detail": _a("scoped_employee", objects={"pk": "employee"}),
    # Imports and exports
    "people:import_home": _a("analyst_or_admin"),
    "people:import_job": _a("analyst_or_admin_object", objects={"pk": "import_job"}),
    "people:import_job_progress": _a(
        "analyst_or_admin_object", objects={"pk": "import_job"}, ok=204
    ),
    "people:import_job_confirm": _a(
        "analyst_or_admin_object", objects={"pk": "import_job"}, method="POST", ok=302
    ),
    "people:import_job_errors": _a("analyst_or_admin_object", objects={"pk": "import_job"}),
    "people:import_template": _a("analyst_or_admin", params={"kind": "employees"}),
    "people:export": _a("export_roles", params={"kind": "employees", "fmt": "csv"}),
}

# Restructuring (penata.restructure): readers are org_analyst, admin and auditor holding the
# role instansi-wide; scenarios out of a reader's instansi, or seen by anybody else, are 404.
WEB.update(
    {
        "restructure:dashboard": _a("restructure_readers"),
        "restructure:history": _a("restructure_readers"),
        "restructure:scenario_list": _a("restructure_readers"),
        "restructure:scenario_editor": _a("scenario_object", objects={"pk": "scenario"}),
        "restructure:operation_form": _a("scenario_object", objects={"pk": "scenario"}),
        "restructure:operation_add": _a(
            "scenario_write_object", objects={"pk": "scenario"}, method="POST", ok=422
        ),
        "restructure:scenario_undo": _a(
            "scenario_write_object", objects={"pk": "scenario"}, method="POST", ok=302
        ),
        "restructure:scenario_redo": _a(
            "scenario_write_object", objects={"pk": "scenario"}, method="POST", ok=302
        ),
        "restructure:scenario_decide": _a(
            "scenario_object", objects={"pk": "scenario"}, method="POST", ok=302
        ),
        "restructure:search": _a(
            "scenario_object", objects={"pk": "scenario"}, params={"what": "unit"}
        ),
        "restructure:comparison": _a("scenario_object", objects={"pk": "scenario"}),
        "restructure:comparison_xlsx": _a("scenario_object", objects={"pk": "scenario"}),
        "restructure:comparison_pdf": _a("scenario_object", objects={"pk": "scenario"}),
        "restructure:enactment": _a("scenario_object", objects={"pk": "scenario"}),
    }
)

API: dict[str, Access] = {
    "penata_org_api_public_unit_list": _a("api_public"),
    "penata_org_api_unit_list": _a("api_staff"),
    "penata_org_api_unit_detail": _a("api_staff_object", objects={"unit_id": "unit"}),
    "penata_org_api_unit_positions": _a("api_staff_object", objects={"unit_id": "unit"}),
    "penata_org_api_unit_chart": _a("api_staff_object", objects={"unit_id": "unit"}),
    "penata_org_api_position_list": _a("api_staff"),
    "penata_org_api_position_detail": _a("api_staff_object", objects={"position_id": "position"}),
    "penata_people_api_employee_list": _a("api_staff"),
    "penata_people_api_employee_detail": _a(
        "api_scoped_employee", objects={"employee_id": "employee"}
    ),
    "penata_people_api_nip_decode": _a("api_staff", params={"nip": "199008172015031001"}),
}


def web_access(name: str, route: str) -> Access | None:
    """The class of a URL (by `namespace:name`, or by route prefix for grouped URLs)."""
    if name in WEB:
        return WEB[name]
    for prefix, access in WEB_GROUPS.items():
        if route.startswith(prefix):
            return access
    return None
