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
API: `api_public`, `api_staff`, `api_staff_object`, `api_scoped_employee`, `api_self` (callers
linked to an employee record; `denied` for the others).
`self` refuses accounts linked to no employee record with `denied` (403 unless given); a
`scoped_employee` endpoint listing `roles` is open only to those roles among the ones whose
reach includes the employee.
`roles` / `api_roles`: allowed to the roles listed with the endpoint, `denied` to others.
Out-of-scope objects answer 404 (no existence leak); a role without the right answers 403.

Object kinds the matrix cannot build yet (`participation.*`, `restructure.*`) are checked with
an id or code that does not exist: 404 for every role allowed in, and the usual refusal for
the others. A kind ending in `_body` names an operation that refuses the (empty) request
body before looking the object up: `ok` (422) for every role allowed in.
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
    # For the generic classes `roles` (web) and `api_roles`: the roles allowed (Role values;
    # `employee` = linked to an employee record), and the status everybody else gets.
    roles: frozenset[str] = frozenset()
    denied: int = 403
    # Roles outside `roles` that get 404 instead of `denied` (the page hides itself).
    not_found_for: frozenset[str] = frozenset()


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
        # Overlap review: readers see it, org_analyst and admin run and decide.
        "restructure:overlap": _a("restructure_readers"),
        "restructure:overlap_heatmap": _a("restructure_readers"),
        "restructure:overlap_start": _a(
            "roles", roles=frozenset({"admin", "org_analyst"}), method="POST", ok=302
        ),
        "restructure:overlap_progress": _a(
            "scenario_object", objects={"pk": "restructure.overlap_run"}
        ),
        "restructure:overlap_cancel": _a(
            "scenario_write_object",
            objects={"pk": "restructure.overlap_run"},
            method="POST",
            ok=302,
        ),
        "restructure:overlap_finding": _a(
            "scenario_object", objects={"pk": "restructure.overlap_finding"}
        ),
        "restructure:overlap_decide": _a(
            "scenario_write_object",
            objects={"pk": "restructure.overlap_finding"},
            method="POST",
            ok=302,
        ),
        "restructure:overlap_to_scenario": _a(
            "scenario_write_object",
            objects={"pk": "restructure.overlap_finding"},
            method="POST",
            ok=302,
        ),
    }
)

# Participation (penata.participation.access): the staff area is for admin, moderator,
# auditor and unit_head; routing, categories and settings for admin; moderation for admin and
# moderator. Citizens' pages are public.
# A made-up citizen sign-in code: the matrix only needs the page to refuse it.
UNKNOWN_SIGN_IN_CODE = "TIDAKADA"
_P_STAFF = frozenset({"admin", "moderator", "auditor", "unit_head"})
_P_TRIAGE = frozenset({"admin", "moderator"})
_ADMIN = frozenset({"admin"})


def _ps(roles: frozenset[str] = _P_STAFF, **kw: object) -> Access:
    return Access("roles", roles=roles, **kw)  # type: ignore[arg-type]


def _obj(kind: str) -> dict[str, str]:
    return {"pk": f"participation.{kind}"}


WEB.update(
    {
        "participation:index": _a("public"),
        "participation:healthz": _a("public"),
        "participation:catalog": _a("public"),
        "participation:service_detail": _a("public", objects=_obj("service")),
        "participation:complaint_new": _a("public"),
        "participation:complaint_lookup": _a("public"),
        "participation:complaint_status": _a(
            "public", objects={"code": "participation.complaint_code"}
        ),
        "participation:complaint_rate": _a(
            "public", objects={"code": "participation.complaint_code"}, method="POST"
        ),
        "participation:survey": _a("public", objects=_obj("survey")),
        "participation:survey_thanks": _a("public", objects=_obj("survey")),
        "participation:results_index": _a("public"),
        "participation:results_service": _a("public", objects=_obj("service")),
        "participation:results_unit": _a("public", objects=_obj("unit")),
        "participation:unit_public": _a("public", objects=_obj("unit")),
        "participation:forum_list": _a("public"),
        "participation:forum_detail": _a("public", objects=_obj("consultation")),
        "participation:forum_comment": _a("public", objects=_obj("consultation"), method="POST"),
        "participation:forum_support": _a("public", objects=_obj("comment"), method="POST"),
        "participation:forum_report": _a("public", objects=_obj("comment"), method="POST"),
        "participation:citizen_login": _a("public"),
        "participation:citizen_verify": _a("public", params={"token": UNKNOWN_SIGN_IN_CODE}),
        "participation:citizen_logout": _a("public", method="POST", ok=302),
        "participation:dashboard": _ps(),
        "participation:inbox": _ps(),
        # Triage: other staff roles get 404 here, not 403 (see the issue note).
        "participation:triage": _ps(_P_TRIAGE, not_found_for=frozenset({"auditor", "unit_head"})),
        "participation:report": _ps(),
        "participation:report_xlsx": _ps(),
        "participation:report_pdf": _ps(),
        "participation:complaint_detail": _ps(objects=_obj("complaint")),
        "participation:complaint_action": _ps(objects=_obj("complaint"), method="POST"),
        "participation:complaint_contact": _ps(objects=_obj("complaint"), method="POST"),
        "participation:complaint_photo": _ps(objects=_obj("complaint")),
        "participation:service_admin": _ps(),
        "participation:service_create": _ps(),
        "participation:service_edit": _ps(objects=_obj("service")),
        "participation:skm_staff": _ps(objects=_obj("service")),
        "participation:skm_xlsx": _ps(objects=_obj("service")),
        "participation:skm_unit": _ps(objects=_obj("unit")),
        "participation:skm_unit_xlsx": _ps(objects=_obj("unit")),
        "participation:routing": _ps(_ADMIN),
        "participation:routing_edit": _ps(_ADMIN, objects=_obj("routing_rule")),
        "participation:routing_delete": _ps(_ADMIN, objects=_obj("routing_rule"), method="POST"),
        "participation:categories": _ps(_ADMIN),
        "participation:category_edit": _ps(_ADMIN, objects=_obj("category")),
        "participation:settings": _ps(_ADMIN),
        "participation:consultations": _ps(),
        "participation:consultation_create": _ps(),
        "participation:consultation_comments": _ps(objects=_obj("consultation")),
        "participation:consultation_edit": _ps(objects=_obj("consultation")),
        "participation:comment_reply": _ps(objects=_obj("comment"), method="POST"),
        "participation:comment_answer": _ps(objects=_obj("comment"), method="POST"),
        "participation:moderation": _ps(_P_TRIAGE),
        "participation:moderate": _ps(objects=_obj("comment"), method="POST"),
    }
)

# Change management (penata.change.access): every staff member reads their feed; admin,
# org_analyst, unit_head (and auditor, read-only) follow up; the first three compose.
_C_FOLLOW = frozenset({"admin", "org_analyst", "unit_head", "auditor"})
_C_COMPOSE = frozenset({"admin", "org_analyst", "unit_head"})


def _cs(kind: str = "announcement", **kw: object) -> Access:
    return Access("staff", objects={"pk": f"change.{kind}"}, **kw)  # type: ignore[arg-type]


def _cr(roles: frozenset[str], kind: str | None = None, **kw: object) -> Access:
    objects = {"pk": f"change.{kind}"} if kind else {}
    return Access("roles", roles=roles, objects=objects, **kw)  # type: ignore[arg-type]


WEB.update(
    {
        "change:feed": _a("staff"),
        "change:feed_fragment": _a("staff"),
        "change:detail": _cs(),
        "change:acknowledge": _cs(method="POST"),
        "change:ask": _cs(method="POST"),
        "change:manage": _cr(_C_FOLLOW),
        "change:compose": _cr(_C_COMPOSE),
        "change:publish": _cr(_C_FOLLOW, "announcement", method="POST"),
        "change:dashboard": _cr(_C_FOLLOW, "announcement"),
        "change:export": _cr(_C_FOLLOW, "announcement"),
        "change:remind": _cr(_C_FOLLOW, "announcement", method="POST"),
        "change:answer": _cs("question", method="POST"),
        "change:merge": _cs("question", method="POST"),
        "change:readiness": _cr(_C_FOLLOW, "announcement"),
        "change:pulse_open": _cr(_C_FOLLOW, "announcement", method="POST"),
        "change:pulse_answer": _cs("pulse"),
        # Attachments: read by whoever reads the announcement (404 otherwise); added and
        # removed by its author or admin/org_analyst while it is a draft.
        "change:attachment_download": _cs("attachment"),
        "change:attachment_remove": _cs("attachment", method="POST"),
        "change:attachment_add": _cr(_C_COMPOSE, "announcement", method="POST"),
    }
)

# Workload analysis (penata.workload): the structure's readers see the ABK; org_analyst and
# admin edit duties and the settings.
WEB.update(
    {
        "workload:summary": _a("staff"),
        "workload:settings": _a("analyst_or_admin"),
        "workload:unit": _a("staff_object", objects={"pk": "unit"}),
        "workload:outlook": _a("staff_object", objects={"pk": "unit"}),
        "workload:unit_xlsx": _a("staff_object", objects={"pk": "unit"}),
        "workload:unit_pdf": _a("staff_object", objects={"pk": "unit"}),
        "workload:duty_save": _a(
            "roles",
            roles=frozenset({"admin", "org_analyst"}),
            objects={"pk": "workload.duty"},
            method="POST",
        ),
    }
)

# Performance (penata.performance): every staff member keeps their own SKP and daily log
# (refused with 404 for accounts linked to no employee record); supervisors, unit heads,
# admin and auditors follow up; BKPSDM settings, the calendar and organisation predikat are
# for admin. Plans, evaluations, activities and reminders are reached only through
# `<thing>_get_for` (404 outside the actor's reach).
_LINKED_ONLY = {"denied": 404}


def _pf(kind: str, **kw: object) -> Access:
    return Access("staff", objects={"pk": f"performance.{kind}"}, **kw)  # type: ignore[arg-type]


_EVAL = {"params": {"number": "0"}}
# Unit monitoring: supervisors, unit heads, admin and auditors; the city view: admin, auditor.
_K_MONITOR = frozenset({"supervisor", "unit_head", "admin", "auditor"})
_K_CITY = frozenset({"admin", "auditor"})
WEB.update(
    {
        "performance:home": _a("staff"),
        "performance:skp_create": _a("self", method="POST", ok=422, **_LINKED_ONLY),
        "performance:skp_detail": _pf("skp"),
        "performance:rhk_add": _pf("skp"),
        "performance:skp_submit": _pf("skp", method="POST"),
        "performance:skp_approve": _pf("skp", method="POST"),
        "performance:skp_return": _pf("skp", method="POST"),
        "performance:skp_revise": _pf("skp", method="POST"),
        "performance:skp_versions": _pf("skp"),
        "performance:expectation_add": _pf("skp", method="POST"),
        "performance:expectation_delete": _pf("expectation", method="POST"),
        "performance:rhk_edit": _pf("rhk"),
        "performance:rhk_delete": _pf("rhk", method="POST"),
        "performance:rhk_cascade": _pf("rhk"),
        "performance:subordinates": _a("staff"),
        "performance:evaluation": _pf("skp", **_EVAL),
        "performance:evaluation_realisation": _pf("skp", method="POST", **_EVAL),
        "performance:evaluation_submit": _pf("skp", method="POST", **_EVAL),
        "performance:evaluation_rate": _pf("skp", method="POST", **_EVAL),
        "performance:evidence": _pf("realisation"),
        "performance:activity_log": _a("self", **_LINKED_ONLY),
        "performance:activity_edit": _pf("activity"),
        "performance:activity_delete": _pf("activity", method="POST"),
        "performance:reminder_dismiss": _pf("reminder", method="POST"),
        "performance:activity_review": _a("staff"),
        "performance:dashboard": _a("roles", roles=_K_MONITOR),
        "performance:dashboard_live": _a("roles", roles=_K_MONITOR),
        "performance:dashboard_export": _a("roles", roles=_K_MONITOR),
        # The employees a monitor reaches, and the employee themself.
        "performance:person": _a(
            "scoped_employee", objects={"pk": "employee"}, roles=_K_MONITOR | {"employee"}
        ),
        "performance:city": _a("roles", roles=_K_CITY),
        "performance:city_export": _a("roles", roles=_K_CITY),
        "performance:settings": _a("admin_only"),
        "performance:org_predikat": _a("admin_only"),
        "performance:calendar": _a("admin_only"),
        "performance:holiday_delete": _a(
            "roles",
            roles=frozenset({"admin"}),
            objects={"pk": "performance.holiday"},
            method="POST",
        ),
    }
)

# Learning (penata.learning.access): every staff member reads the catalogue and the
# dictionary and enrols themself; readers (admin, unit_head, auditor) see compliance, gaps,
# talent, succession and the plan; admin edits standards and runs sessions.
_L_READERS = frozenset({"admin", "unit_head", "auditor"})


def _lf(kind: str, key: str, **kw: object) -> Access:
    return Access("staff", objects={key: f"learning.{kind}"}, **kw)  # type: ignore[arg-type]


WEB.update(
    {
        "learning:home": _a("staff"),
        "learning:enrol": _lf("session", "session_id", method="POST"),
        "learning:enrolment_cancel": _lf("enrolment", "enrolment_id", method="POST"),
        "learning:enrolment_decide": _lf("enrolment", "enrolment_id", method="POST"),
        "learning:enrolment_complete": _lf("enrolment", "enrolment_id", method="POST"),
        "learning:approvals": _a("staff"),
        "learning:evidence_submit": _a("self", method="POST", ok=302, **_LINKED_ONLY),
        "learning:evidence_decide": _lf("jp_record", "record_id", method="POST"),
        # Certificates and JP evidence: whoever may see the employee (404 otherwise).
        "learning:certificate": _lf("enrolment", "enrolment_id"),
        "learning:jp_evidence": _lf("jp_record", "record_id"),
        "learning:compliance": _a("roles", roles=_L_READERS),
        "learning:dictionary": _a("staff"),
        "learning:standard_import": _a("admin_only"),
        "learning:standard_edit": _a("staff_object", objects={"position_id": "position"}),
        "learning:employee_competency": _a("scoped_employee", objects={"employee_id": "employee"}),
        "learning:gaps": _a("roles", roles=_L_READERS),
        "learning:catalog": _a("staff"),
        "learning:programme_detail": _lf("programme", "programme_id"),
        "learning:session_detail": _lf("session", "session_id"),
        "learning:session_bulk": _lf("session", "session_id", method="POST"),
        "learning:talent": _a("roles", roles=_L_READERS),
        "learning:succession": _a("roles", roles=_L_READERS, objects={"position_id": "position"}),
        "learning:plan": _a("roles", roles=_L_READERS),
    }
)

_R_READERS = frozenset({"org_analyst", "admin", "auditor"})
_P_REPORTS = frozenset({"admin", "moderator", "auditor"})


def _api(roles: frozenset[str] | None = None, **kw: object) -> Access:
    """An API operation for the given roles (None: every signed-in caller)."""
    if roles is None:
        return Access("api_staff", **kw)  # type: ignore[arg-type]
    return Access("api_roles", roles=roles, **kw)  # type: ignore[arg-type]


def _pid(name: str, kind: str) -> dict[str, str]:
    return {name: f"participation.{kind}"}


_C_API_FOLLOW = frozenset({"admin", "org_analyst", "unit_head", "auditor"})
_C_ANN = {"announcement_id": "change.announcement"}

_SKP = {"skp_id": "performance.skp"}
_SKP_BODY = {"skp_id": "performance.skp_body"}
_RHK = {"rhk_id": "performance.rhk"}
_RHK_BODY = {"rhk_id": "performance.rhk_body"}
_NUMBER = {"number": "0"}

API_MORE: dict[str, Access] = {
    # Performance: plans, evaluations and activities through `<thing>_get_for` (404 for ids
    # outside the caller's reach); bodies are validated before any look-up.
    "penata_performance_api_skp_skp_list": _api(),
    "penata_performance_api_skp_skp_create": _api(method="POST", ok=422),
    "penata_performance_api_skp_skp_detail": _api(objects=_SKP),
    "penata_performance_api_skp_rhk_add": _api(objects=_SKP_BODY, method="POST", ok=422),
    "penata_performance_api_skp_rhk_update": _api(objects=_RHK_BODY, method="PUT", ok=422),
    "penata_performance_api_skp_rhk_delete": _api(objects=_RHK, method="DELETE"),
    "penata_performance_api_skp_skp_submit": _api(objects=_SKP, method="POST"),
    "penata_performance_api_skp_skp_approve": _api(objects=_SKP, method="POST"),
    "penata_performance_api_skp_skp_return": _api(objects=_SKP_BODY, method="POST", ok=422),
    "penata_performance_api_skp_skp_revise": _api(objects=_SKP_BODY, method="POST", ok=422),
    "penata_performance_api_skp_skp_versions": _api(objects=_SKP),
    "penata_performance_api_skp_expectation_add": _api(objects=_SKP_BODY, method="POST", ok=422),
    "penata_performance_api_skp_rhk_cascade": _api(objects=_RHK_BODY, method="POST", ok=422),
    "penata_performance_api_skp_evaluatees": _api(),
    "penata_performance_api_skp_evaluation_list": _api(objects=_SKP),
    "penata_performance_api_skp_evaluation_detail": _api(objects=_SKP, params=_NUMBER),
    "penata_performance_api_skp_realisation_save": _api(
        objects=_SKP_BODY, params=_NUMBER, method="PUT", ok=422
    ),
    "penata_performance_api_skp_evaluation_submit": _api(
        objects=_SKP, params=_NUMBER, method="POST"
    ),
    "penata_performance_api_skp_evaluation_rate": _api(
        objects=_SKP_BODY, params=_NUMBER, method="POST", ok=422
    ),
    "penata_performance_api_activity_activity_list": _api(),
    "penata_performance_api_activity_activity_create": _api(method="POST", ok=422),
    "penata_performance_api_activity_activity_queue": _api(),
    "penata_performance_api_activity_activity_review": _api(method="POST", ok=422),
    "penata_performance_api_activity_activity_update": _api(
        objects={"activity_id": "performance.activity_body"}, method="PUT", ok=422
    ),
    "penata_performance_api_activity_activity_delete": _api(
        objects={"activity_id": "performance.activity"}, method="DELETE"
    ),
    "penata_performance_api_dashboards_dashboard_unit": _api(_K_MONITOR),
    "penata_performance_api_dashboards_dashboard_live": _api(_K_MONITOR),
    "penata_performance_api_dashboards_dashboard_city": _api(_K_CITY),
    "penata_performance_api_dashboards_org_predikat_list": _api(),
    "penata_performance_api_dashboards_org_predikat_set": _api(method="PUT", ok=422),
    "penata_performance_api_dashboards_holiday_list": _api(),
    # Learning
    # "Saya": callers linked to no employee record get 404.
    "penata_learning_api_my_competencies": _a("api_self", denied=404),
    "penata_learning_api_my_jp": _a("api_self", denied=404),
    "penata_learning_api_my_recommendations": _a("api_self", denied=404),
    "penata_learning_api_programme_list": _api(),
    "penata_learning_api_session_list": _api(),
    "penata_learning_api_enrol": _api(objects={"session_id": "learning.session"}, method="POST"),
    "penata_learning_api_enrolment_decide": _api(
        objects={"enrolment_id": "learning.enrolment_body"}, method="POST", ok=422
    ),
    "penata_learning_api_compliance": _api(_L_READERS),
    "penata_learning_api_talent": _api(_L_READERS),
    "penata_learning_api_talent_setting": _api(_L_READERS),
    "penata_learning_api_talent_setting_set": _api(method="PUT", ok=422),
    "penata_learning_api_succession": _api(_L_READERS, objects={"position_id": "position"}),
    "penata_learning_api_plan": _api(_L_READERS),
    # Change management: recipients' operations answer 404 for unknown ids; reports are for
    # those who follow up (403 for the others before any look-up).
    "penata_change_api_feed": _api(),
    "penata_change_api_announcement_detail": _api(objects=_C_ANN),
    "penata_change_api_acknowledge": _api(objects=_C_ANN, method="POST"),
    "penata_change_api_attachment_download": _api(objects={"attachment_id": "change.attachment"}),
    "penata_change_api_ask": _api(
        objects={"announcement_id": "change.announcement_body"}, method="POST", ok=422
    ),
    "penata_change_api_acknowledgements": _api(_C_API_FOLLOW, objects=_C_ANN),
    "penata_change_api_readiness_report": _api(_C_API_FOLLOW, objects=_C_ANN),
    "penata_change_api_pulse_answer": _api(
        objects={"pulse_id": "change.pulse_body"}, method="POST", ok=422
    ),
    # Workload analysis
    "penata_workload_api_unit_abk": _a("api_staff_object", objects={"unit_id": "unit"}),
    "penata_workload_api_city_summary": _api(),
    "penata_workload_api_duty_update": _api(
        objects={"duty_id": "workload.duty_body"}, method="PATCH", ok=422
    ),
    # Restructuring
    "penata_restructure_api_structure_metrics": _api(_R_READERS),
    "penata_restructure_api_scenario_list": _api(_R_READERS),
    "penata_restructure_api_scenario_create": _api(method="POST", ok=422),
    "penata_restructure_api_scenario_detail": _api(
        _R_READERS, objects={"scenario_id": "scenario"}, denied=404
    ),
    "penata_restructure_api_operation_add": _api(
        objects={"scenario_id": "restructure.scenario_body"}, method="POST", ok=422
    ),
    "penata_restructure_api_scenario_undo": _api(
        _R_READERS, objects={"scenario_id": "restructure.scenario"}, method="POST", denied=404
    ),
    "penata_restructure_api_scenario_redo": _api(
        _R_READERS, objects={"scenario_id": "restructure.scenario"}, method="POST", denied=404
    ),
    # Restructuring: overlap review (runs and findings of another instansi are 404)
    "penata_restructure_api_overlap_overlap_run_start": _api(method="POST", ok=422),
    "penata_restructure_api_overlap_overlap_run_detail": _api(
        _R_READERS, objects={"run_id": "restructure.overlap_run"}, denied=404
    ),
    "penata_restructure_api_overlap_overlap_run_cancel": _api(
        objects={"run_id": "restructure.overlap_run"}, method="POST"
    ),
    "penata_restructure_api_overlap_overlap_finding_list": _api(
        _R_READERS, objects={"run_id": "restructure.overlap_run"}, denied=404
    ),
    "penata_restructure_api_overlap_overlap_heatmap": _api(
        _R_READERS, objects={"run_id": "restructure.overlap_run"}, denied=404
    ),
    "penata_restructure_api_overlap_overlap_decide": _api(
        objects={"finding_id": "restructure.overlap_finding_body"}, method="POST", ok=422
    ),
    "penata_restructure_api_overlap_overlap_to_scenario": _api(
        objects={"finding_id": "restructure.overlap_finding_body"}, method="POST", ok=422
    ),
    # Participation, staff (lists are scoped: empty, not refused, for other roles)
    "penata_participation_api_staff_complaint_list": _api(),
    "penata_participation_api_staff_complaint_detail": _api(
        objects=_pid("complaint_id", "complaint")
    ),
    "penata_participation_api_staff_complaint_action": _api(
        objects=_pid("complaint_id", "complaint_body"), method="POST", ok=422
    ),
    "penata_participation_api_staff_complaint_contact": _api(
        objects=_pid("complaint_id", "complaint"), method="POST"
    ),
    "penata_participation_api_staff_weekly_report": _api(_P_REPORTS, denied=404),
    "penata_participation_api_staff_dashboard": _api(_P_REPORTS, denied=404),
    "penata_participation_api_staff_service_list": _api(),
    "penata_participation_api_staff_service_create": _api(method="POST", ok=422),
    "penata_participation_api_staff_service_update": _api(
        objects=_pid("service_id", "service_body"), method="PUT", ok=422
    ),
    "penata_participation_api_staff_service_population": _api(
        objects=_pid("service_id", "service_body"), method="PUT", ok=422
    ),
    "penata_participation_api_staff_ikm": _api(),
    "penata_participation_api_staff_routing_rule_list": _api(),
    "penata_participation_api_staff_routing_rule_create": _api(method="POST", ok=422),
    "penata_participation_api_staff_routing_rule_delete": _api(
        objects=_pid("rule_id", "routing_rule"), method="DELETE"
    ),
    "penata_participation_api_staff_moderation_queue": _api(),
    "penata_participation_api_staff_comment_moderate": _api(
        objects=_pid("comment_id", "comment_body"), method="POST", ok=422
    ),
    # Participation, public
    "penata_participation_api_public_service_list": _a("api_public"),
    "penata_participation_api_public_service_detail": _a(
        "api_public", objects=_pid("service_id", "service")
    ),
    "penata_participation_api_public_category_list": _a("api_public"),
    "penata_participation_api_public_kelurahan_list": _a("api_public"),
    "penata_participation_api_public_complaint_create": _a("api_public", method="POST", ok=422),
    "penata_participation_api_public_complaint_status": _a(
        "api_public", objects={"code": "participation.complaint_code"}
    ),
    "penata_participation_api_public_complaint_rating": _a(
        "api_public", objects={"code": "participation.complaint_body"}, method="POST", ok=422
    ),
    "penata_participation_api_public_service_ikm": _a(
        "api_public", objects=_pid("service_id", "service")
    ),
    "penata_participation_api_public_service_skm": _a(
        "api_public", objects=_pid("service_id", "service_body"), method="POST", ok=422
    ),
    "penata_participation_api_public_unit_accountability": _a(
        "api_public", objects=_pid("unit_id", "unit")
    ),
    "penata_participation_api_public_consultation_list": _a("api_public"),
    "penata_participation_api_public_consultation_detail": _a(
        "api_public", objects=_pid("consultation_id", "consultation")
    ),
    "penata_participation_api_public_consultation_comment": _a(
        "api_public", objects=_pid("consultation_id", "consultation_body"), method="POST", ok=422
    ),
}

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
    **API_MORE,
}


def web_access(name: str, route: str) -> Access | None:
    """The class of a URL (by `namespace:name`, or by route prefix for grouped URLs)."""
    if name in WEB:
        return WEB[name]
    for prefix, access in WEB_GROUPS.items():
        if route.startswith(prefix):
            return access
    return None
