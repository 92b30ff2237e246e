"""Web pages of the learning module: self-service, competency, training, JP and talent.

Thin: parse the request, call one selector or service, render. Errors become messages on the
page (POST) or status pages (GET, via `staff_view`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.core.errors import ApplicationError, NotFound, ValidationFailed
from penata.core.spreadsheets.writing import xlsx_bytes
from penata.core.web import staff_view
from penata.learning import ninebox, rules, selectors, services
from penata.learning.access import is_admin, is_reader, require_admin, require_reader
from penata.learning.forms import TalentSettingForm
from penata.learning.models import Assessment, Competency, Programme
from penata.org.selectors import instansi_for, position_get_for, unit_get_for
from penata.people.selectors import employee_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOXES = {str(b) for b in range(1, 10)}
BOX_PAGE_SIZE = 50  # people per page in the list behind a 9-box cell
POOL_SHOWN = 15  # names of the talent pool shown beside the grid (box 9 first)


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        return dt.date.today().year
    return year if 2000 <= year <= 2100 else dt.date.today().year


def _unit_path(request: HttpRequest) -> tuple[Any, str | None]:
    raw = request.GET.get("unit", "")
    if not raw.isdigit():
        return None, None
    unit = unit_get_for(request.user, int(raw))
    return unit, unit.path


def _date(raw: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValidationFailed("learning.date", _("Tanggal tidak sah (isi %s).") % field) from None


def _decimal(raw: str, field: str) -> Decimal:
    try:
        return Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationFailed("learning.number", _("%s harus angka.") % field) from None


def _levels(request: HttpRequest, competencies: list[Competency]) -> dict[str, int]:
    levels = {}
    for c in competencies:
        raw = request.POST.get(f"level_{c.code}", "").strip()
        if raw:
            if not raw.isdigit():
                raise ValidationFailed("learning.level", _("Level %s harus 1–5.") % c.name)
            levels[c.code] = int(raw)
    return levels


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    return redirect(request.POST.get("next") or fallback)


def _run(request: HttpRequest, success: str, call: Any) -> bool:
    try:
        call()
    except ApplicationError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


# --- Self-service --------------------------------------------------------------------------------


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    """My competencies and gaps, my JP this year, my recommended training, my enrolments."""
    employee = employee_of(request.user)
    year = dt.date.today().year
    context: dict[str, Any] = {
        "employee": employee,
        "year": year,
        "is_admin": is_admin(request.user),
        "is_reader": is_reader(request.user),
    }
    if employee is not None:
        context.update(
            gaps=selectors.employee_gaps(employee),
            jp=selectors.jp_status(employee, year),
            jp_rows=selectors.jp_records(employee, year),
            recommendations=selectors.recommendations_for(employee, year),
            enrolments=selectors.my_enrolments(employee),
        )
    instansi = instansi_for(request.user)
    context["approvals"] = selectors.approvals_for(request.user, instansi).count()
    return render(request, "learning/home.html", context)


@staff_view
@require_POST
def enrol(request: HttpRequest, session_id: int) -> HttpResponse:
    employee = employee_of(request.user)
    if employee is None:
        raise NotFound("pegawai")
    session = selectors.session_get(instansi_for(request.user), session_id)
    _run(
        request,
        _("Pendaftaran terkirim; menunggu persetujuan atasan."),
        lambda: services.enrolment_request(actor=request.user, employee=employee, session=session),
    )
    return _back(request, "learning:home")


@staff_view
@require_POST
def enrolment_cancel(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for(request.user, enrolment_id)
    _run(
        request,
        _("Pendaftaran dibatalkan."),
        lambda: services.enrolment_cancel(actor=request.user, enrolment=enrolment),
    )
    return _back(request, "learning:home")


@staff_view
@require_POST
def evidence_submit(request: HttpRequest) -> HttpResponse:
    employee = employee_of(request.user)
    if employee is None:
        raise NotFound("pegawai")

    def call() -> None:
        hours = _decimal(request.POST.get("jp", "0") or "0", "JP")
        services.jp_evidence_submit(
            actor=request.user,
            employee=employee,
            title=request.POST.get("title", ""),
            provider=request.POST.get("provider", ""),
            completed_on=_date(request.POST.get("completed_on", ""), _("tanggal selesai")),
            minutes=int(rules.jp_to_minutes(hours)) if hours > 0 else 0,
            evidence=request.FILES.get("evidence"),
        )

    _run(request, _("Bukti pengembangan tersimpan; menunggu verifikasi admin."), call)
    return redirect("learning:home")


@staff_view
def approvals(request: HttpRequest) -> HttpResponse:
    instansi = instansi_for(request.user)
    return render(
        request,
        "learning/approvals.html",
        {"rows": selectors.approvals_for(request.user, instansi)},
    )


@staff_view
@require_POST
def enrolment_decide(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for(request.user, enrolment_id)
    approve = request.POST.get("decision") == "approve"
    _run(
        request,
        _("Keputusan tersimpan."),
        lambda: services.enrolment_decide(actor=request.user, enrolment=enrolment, approve=approve),
    )
    return _back(request, "learning:approvals")


# --- Competency ----------------------------------------------------------------------------------


@staff_view
def dictionary(request: HttpRequest) -> HttpResponse:
    instansi = instansi_for(request.user)
    if request.method == "POST":
        _run(
            request,
            _("Kompetensi teknis ditambahkan."),
            lambda: services.competency_create(
                actor=request.user,
                instansi=instansi,
                code=request.POST.get("code", ""),
                name=request.POST.get("name", ""),
                description=request.POST.get("description", ""),
                levels=[request.POST.get(f"level{n}", "") for n in range(1, 6)],
            ),
        )
        return redirect("learning:dictionary")
    return render(
        request,
        "learning/dictionary.html",
        {"competencies": selectors.competency_list(instansi), "is_admin": is_admin(request.user)},
    )


@staff_view
def standard_edit(request: HttpRequest, position_id: int) -> HttpResponse:
    position = position_get_for(request.user, position_id)
    competencies = list(selectors.competency_list(position.instansi))
    if request.method == "POST":
        require_admin(request.user)
        if request.POST.get("action") == "copy":
            ids = [
                int(x)
                for x in request.POST.get("targets", "").replace(",", " ").split()
                if x.isdigit()
            ]
            targets = [position_get_for(request.user, i) for i in ids]
            _run(
                request,
                _("Standar disalin ke %d jabatan.") % len(targets),
                lambda: services.standard_copy(
                    actor=request.user, source=position, targets=targets
                ),
            )
        else:
            _run(
                request,
                _("Standar kompetensi jabatan tersimpan."),
                lambda: services.standard_set(
                    actor=request.user, position=position, levels=_levels(request, competencies)
                ),
            )
        return redirect("learning:standard_edit", position_id=position.pk)
    standard = selectors.standards_of([position.pk]).get(position.pk, {})
    rows = [(c, standard.get(c.code)) for c in competencies]
    return render(
        request,
        "learning/standard_edit.html",
        {
            "position": position,
            "rows": rows,
            "is_admin": is_admin(request.user),
            "critical": selectors.critical_positions(position.instansi),
        },
    )


@staff_view
def standard_import(request: HttpRequest) -> HttpResponse:
    require_admin(request.user)
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Pilih berkas xlsx."))
        else:
            import tempfile
            from pathlib import Path

            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "standar.xlsx"
                path.write_bytes(upload.read())
                try:
                    result = services.standard_import(
                        actor=request.user, instansi=instansi_for(request.user), path=path
                    )
                except ApplicationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request, _("%(positions)d jabatan dibaca, %(changed)d diubah.") % result
                    )
        return redirect("learning:standard_import")
    return render(request, "learning/standard_import.html", {})


@staff_view
def employee_competency(request: HttpRequest, employee_id: int) -> HttpResponse:
    """An employee's gaps (for readers and supervisors) and the assessment form."""
    employee = selectors.employee_get_for(request.user, employee_id)
    competencies = list(selectors.competency_list(employee.instansi))
    if request.method == "POST":

        def call() -> None:
            raw = request.POST.get("potential_score", "").strip()
            services.assessment_record(
                actor=request.user,
                employee=employee,
                source=request.POST.get("source", ""),
                assessed_on=_date(request.POST.get("assessed_on", ""), _("tanggal penilaian")),
                levels=_levels(request, competencies),
                potential_score=_decimal(raw, _("Nilai potensial")) if raw else None,
                note=request.POST.get("note", ""),
            )

        _run(request, _("Hasil penilaian tersimpan."), call)
        return redirect("learning:employee_competency", employee_id=employee.pk)
    return render(
        request,
        "learning/employee_competency.html",
        {
            "employee": employee,
            "gaps": selectors.employee_gaps(employee),
            "competencies": competencies,
            "sources": Assessment.Source.choices[:3],
            "assessments": employee.competency_assessments.prefetch_related("results__competency")[
                :10
            ],
            "recommendations": selectors.recommendations_for(
                employee, dt.date.today().year, limit=5
            ),
        },
    )


@staff_view
def gaps(request: HttpRequest) -> HttpResponse:
    require_reader(request.user)
    instansi = instansi_for(request.user)
    unit, path = _unit_path(request)
    return render(
        request,
        "learning/gaps.html",
        {"overview": selectors.gap_overview(request.user, instansi, path), "unit": unit},
    )


# --- Training catalog and sessions ---------------------------------------------------------------


@staff_view
def catalog(request: HttpRequest) -> HttpResponse:
    instansi = instansi_for(request.user)
    competencies = list(selectors.competency_list(instansi))
    if request.method == "POST":

        def call() -> None:
            services.programme_create(
                actor=request.user,
                instansi=instansi,
                code=request.POST.get("code", ""),
                name=request.POST.get("name", ""),
                kind=request.POST.get("kind", ""),
                mode=request.POST.get("mode", ""),
                jp=_decimal(request.POST.get("jp", ""), "JP"),
                provider=request.POST.get("provider", ""),
                cost=_decimal(request.POST.get("cost", "0") or "0", _("Biaya")),
                develops=_levels(request, competencies),
                description=request.POST.get("description", ""),
            )

        _run(request, _("Program pelatihan ditambahkan."), call)
        return redirect("learning:catalog")
    return render(
        request,
        "learning/catalog.html",
        {
            "programmes": selectors.programme_list(instansi),
            "sessions": selectors.session_list(instansi, upcoming_from=dt.date.today()),
            "is_admin": is_admin(request.user),
            "kinds": Programme.Kind.choices,
            "modes": Programme.Mode.choices,
            "competencies": competencies,
        },
    )


@staff_view
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    instansi = instansi_for(request.user)
    programme = selectors.programme_get(instansi, programme_id)
    if request.method == "POST":

        def call() -> None:
            services.session_create(
                actor=request.user,
                programme=programme,
                name=request.POST.get("name", ""),
                starts_on=_date(request.POST.get("starts_on", ""), _("tanggal mulai")),
                ends_on=_date(request.POST.get("ends_on", ""), _("tanggal selesai")),
                capacity=int(request.POST.get("capacity", "0") or 0),
                place=request.POST.get("place", ""),
                online_url=request.POST.get("online_url", ""),
            )

        _run(request, _("Angkatan dibuka."), call)
        return redirect("learning:programme_detail", programme_id=programme.pk)
    return render(
        request,
        "learning/programme_detail.html",
        {
            "programme": programme,
            "sessions": selectors.session_list(instansi, programme=programme),
            "is_admin": is_admin(request.user),
        },
    )


@staff_view
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    instansi = instansi_for(request.user)
    session = selectors.session_get(instansi, session_id)
    admin = is_admin(request.user)
    employee = employee_of(request.user)
    mine = session.enrolments.filter(employee=employee).first() if employee else None
    return render(
        request,
        "learning/session_detail.html",
        {
            "session": session,
            "is_admin": admin,
            "mine": mine,
            "enrolments": selectors.session_enrolments(session) if admin else None,
            "today": dt.date.today(),
        },
    )


@staff_view
@require_POST
def session_bulk(request: HttpRequest, session_id: int) -> HttpResponse:
    instansi = instansi_for(request.user)
    session = selectors.session_get(instansi, session_id)
    require_admin(request.user)
    nips = request.POST.get("nips", "").replace(",", " ").split()
    found = selectors.employees_by_nip(instansi, nips)
    missing = sorted(set(nips) - {e.nip for e in found})
    if missing:
        messages.error(request, _("NIP tidak ditemukan: %s") % ", ".join(missing))
    else:
        _run(
            request,
            _("Peserta didaftarkan."),
            lambda: services.enrolment_bulk(actor=request.user, session=session, employees=found),
        )
    return redirect("learning:session_detail", session_id=session.pk)


@staff_view
@require_POST
def enrolment_complete(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for(request.user, enrolment_id)
    _run(
        request,
        _("Kelulusan dicatat; JP dan kompetensi pegawai diperbarui."),
        lambda: services.enrolment_complete(
            actor=request.user,
            enrolment=enrolment,
            completed_on=_date(request.POST.get("completed_on", ""), _("tanggal lulus")),
            certificate=request.FILES.get("certificate"),
        ),
    )
    return redirect("learning:session_detail", session_id=enrolment.session_id)


# --- JP ledger -----------------------------------------------------------------------------------


@staff_view
def compliance(request: HttpRequest) -> HttpResponse:
    require_reader(request.user)
    instansi = instansi_for(request.user)
    year = _year(request)
    unit, path = _unit_path(request)
    below = request.GET.get("kurang") == "1"
    rows = selectors.compliance_rows(request.user, instansi, year, unit_path=path, below_only=below)
    if request.GET.get("format") == "xlsx":
        header = [
            "NIP",
            _("Nama"),
            _("Unit"),
            _("Jabatan"),
            _("JP tercapai"),
            _("Kekurangan JP"),
            _("Sisa bulan"),
            _("Status"),
        ]
        data = [
            [
                r.employee.nip,
                r.employee.full_name,
                r.position.unit.name if r.position else "",
                r.position.title if r.position else "",
                r.compliance.achieved_jp,
                r.compliance.remaining_jp,
                r.compliance.months_left,
                str(r.compliance.status_label),
            ]
            for r in rows
        ]
        response = HttpResponse(xlsx_bytes(header, data), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="kepatuhan-jp-{year}.xlsx"'
        return response
    return render(
        request,
        "learning/compliance.html",
        {
            "rows": rows,
            "units": selectors.compliance_by_unit(rows),
            "year": year,
            "unit": unit,
            "below": below,
            "pending": selectors.pending_evidence(instansi) if is_admin(request.user) else None,
        },
    )


@staff_view
@require_POST
def evidence_decide(request: HttpRequest, record_id: int) -> HttpResponse:
    row = selectors.jp_record_get(instansi_for(request.user), record_id)
    _run(
        request,
        _("Bukti diputuskan."),
        lambda: services.jp_evidence_decide(
            actor=request.user, jp_record=row, approve=request.POST.get("decision") == "approve"
        ),
    )
    return redirect("learning:compliance")


# --- Talent, succession, plan --------------------------------------------------------------------


def _talent_setting_post(
    request: HttpRequest, instansi: Any, year: int
) -> tuple[TalentSettingForm, bool]:
    """Save the period's 9-box configuration from the form; the form and whether it saved."""
    form = TalentSettingForm(request.POST)
    if not form.is_valid():
        return form, False
    try:
        _setting, summary = services.talent_setting_set(
            actor=request.user, instansi=instansi, year=year, **form.cleaned_data
        )
    except ValidationFailed as error:
        named = error.extra.get("errors") or [{"field": None, "message": error.message}]
        for item in named:
            field = item["field"] if item["field"] in form.fields else None
            form.add_error(field, item["message"])
        return form, False
    messages.success(
        request,
        _(
            "Konfigurasi 9-box periode %(year)d disimpan; %(placed)d pegawai ditempatkan ulang "
            "(%(no_predikat)d tanpa predikat SKP, %(no_potential)d tanpa nilai potensial)."
        )
        % {"year": year, **summary},
    )
    return form, True


@staff_view
def talent(request: HttpRequest) -> HttpResponse:
    require_reader(request.user)
    instansi = instansi_for(request.user)
    year = _year(request)
    setting_form = None
    if request.method == "POST":
        posted = request.POST.get("year", "")
        year = int(posted) if posted.isdigit() and 2000 <= int(posted) <= 2100 else year
        if request.POST.get("action") == "setting":
            setting_form, saved = _talent_setting_post(request, instansi, year)
            if saved:
                return redirect(f"{request.path}?tahun={year}")
        else:
            try:
                summary = services.talent_place(actor=request.user, instansi=instansi, year=year)
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "%(placed)d pegawai ditempatkan; %(no_predikat)d tanpa predikat SKP, "
                        "%(no_potential)d tanpa nilai potensial."
                    )
                    % summary,
                )
            return redirect(f"{request.path}?tahun={year}")
    unit, path = _unit_path(request)
    grid = selectors.nine_box_grid(selectors.placements(request.user, instansi, year, path))
    layout = [[4, 7, 9], [2, 5, 8], [1, 3, 6]]
    selected = int(request.GET["kotak"]) if request.GET.get("kotak", "") in BOXES else None
    box_page = (
        Paginator(grid[selected], BOX_PAGE_SIZE).get_page(request.GET.get("halaman"))
        if selected
        else None
    )
    pool = [p for b in (9, 8, 7) for p in grid[b]]
    setting = ninebox.talent_setting_get(instansi, year)
    config = ninebox.talent_config_of(setting)
    admin = is_admin(request.user)
    if admin and setting_form is None:
        setting_form = TalentSettingForm(initial=ninebox.talent_setting_values(setting))
    return render(
        request,
        "learning/talent.html",
        {
            "year": year,
            "unit": unit,
            "grid": grid,
            "layout": [[(b, grid[b], rules.BOX_ACTIONS[b]) for b in row] for row in layout],
            "pool": pool[:POOL_SHOWN],
            "pool_count": len(pool),
            "pool_by_box": [(b, len(grid[b])) for b in (9, 8, 7)],
            "is_admin": admin,
            "selected": selected,
            "selected_actions": rules.BOX_ACTIONS[selected] if selected else [],
            "page": box_page,
            "critical": selectors.critical_positions(instansi),
            "setting": setting,
            "config": config,
            "preset_label": rules.TALENT_PRESET_LABELS[setting.preset if setting else "default"],
            "components": [
                (axis, [(rules.COMPONENT_LABELS[k], w * 100) for k, w in weights.items()])
                for axis, weights in (
                    (_("Kinerja"), config.kinerja_weights),
                    (_("Potensial"), config.potensial_weights),
                )
            ],
            "talent_percent": [w * 100 for w in config.talent_weights],
            "setting_form": setting_form,
        },
        status=400 if setting_form is not None and setting_form.is_bound else 200,
    )


@staff_view
def succession(request: HttpRequest, position_id: int) -> HttpResponse:
    require_reader(request.user)
    instansi = instansi_for(request.user)
    position = position_get_for(request.user, position_id)
    if position.instansi_id != instansi.pk:
        raise NotFound("jabatan")
    year = _year(request)
    return render(
        request,
        "learning/succession.html",
        {
            "position": position,
            "year": year,
            "standard": selectors.standards_of([position.pk]).get(position.pk, {}),
            "rows": selectors.succession_list(instansi, position, year),
        },
    )


@staff_view
def plan(request: HttpRequest) -> HttpResponse:
    require_reader(request.user)
    instansi = instansi_for(request.user)
    year = _year(request)
    unit, path = _unit_path(request)
    lines = selectors.training_plan(request.user, instansi, year, path)
    if request.GET.get("format") == "xlsx":
        header = [
            _("Program"),
            _("Jenis"),
            _("Penyelenggara"),
            _("Jumlah peserta"),
            _("JP per peserta"),
            _("Total JP"),
            _("Biaya per peserta (Rp)"),
            _("Perkiraan biaya (Rp)"),
        ]
        data = [
            [
                x.programme.name,
                x.programme.get_kind_display(),
                x.programme.provider,
                x.count,
                x.programme.jp,
                x.jp,
                x.programme.cost,
                x.cost,
            ]
            for x in lines
        ]
        response = HttpResponse(xlsx_bytes(header, data), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="rencana-pelatihan-{year}.xlsx"'
        return response
    return render(
        request,
        "learning/plan.html",
        {
            "lines": lines,
            "year": year,
            "unit": unit,
            "total_cost": sum((x.cost for x in lines), Decimal(0)),
            "total_jp": sum((x.jp for x in lines), Decimal(0)),
            "total_people": sum(x.count for x in lines),
        },
    )
