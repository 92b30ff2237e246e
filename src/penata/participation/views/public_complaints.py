"""Public complaint pages: the form, the status page by tracking code and the rating."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from penata.core.errors import ApplicationError, ValidationFailed
from penata.participation import images, safety, tracking
from penata.participation.forms import ComplaintForm, LookupForm, RatingForm
from penata.participation.selectors import catalog as catalog_selectors
from penata.participation.selectors import common
from penata.participation.selectors import complaints as selectors
from penata.participation.services import complaints as services
from penata.participation.views.common import apply_error, int_param, public_page


def _form(request: HttpRequest, data: object = None, files: object = None) -> ComplaintForm:
    instansi = common.public_instansi()
    initial = {}
    if (service_id := int_param(request, "layanan")) is not None:
        initial["service"] = service_id
    if (unit_id := int_param(request, "unit")) is not None:
        initial["unit"] = unit_id
    return ComplaintForm(
        data,
        files,
        initial=initial,
        categories=selectors.category_list(instansi),
        kelurahan=common.kelurahan_list(instansi),
        services=catalog_selectors.published_services_for_select(instansi),
        units=common.public_unit_choices(instansi),
    )


def _input(form: ComplaintForm, request: HttpRequest) -> services.ComplaintInput:
    instansi = common.public_instansi()
    data = form.cleaned_data
    photo = None
    upload = data.get("photo")
    if upload:
        photo = images.clean_photo(upload, upload.size)
    service_id = data.get("service")
    unit_id = data.get("unit")
    return services.ComplaintInput(
        category=selectors.category_get(instansi, data["category"]),
        kelurahan=common.kelurahan_get(instansi, data["kelurahan"]),
        description=data["description"],
        location=data.get("location", ""),
        service=catalog_selectors.public_service_get(instansi, service_id) if service_id else None,
        chosen_unit=common.unit_in_instansi(instansi, unit_id) if unit_id else None,
        reporter_name=data.get("reporter_name", ""),
        reporter_contact=data.get("reporter_contact", ""),
        photo=photo,
    )


@public_page
@require_http_methods(["GET", "POST"])
def complaint_new(request: HttpRequest) -> HttpResponse:
    """The complaint form (phone first): category, kelurahan, what happened, optional photo
    and contact. Submitting shows the status page with the new tracking code."""
    if request.method == "POST":
        safety.check_honeypot(request.POST)
        safety.rate_limit(request, "complaint")
        form = _form(request, request.POST, request.FILES)
        if form.is_valid():
            try:
                complaint = services.complaint_submit(
                    instansi=common.public_instansi(), data=_input(form, request)
                )
            except ValidationFailed as error:
                apply_error(form, error)
            else:
                url = reverse("participation:complaint_status", args=[complaint.tracking_code])
                return redirect(f"{url}?baru=1")
    else:
        form = _form(request)
    return render(
        request,
        "participation/complaint_form.html",
        {"form": form, "photo_max_mb": images.max_bytes() // (1024 * 1024)},
        status=422 if form.errors else 200,
    )


@public_page
def complaint_lookup(request: HttpRequest) -> HttpResponse:
    """`?kode=…` → the status page; unknown codes get the same answer whatever they are."""
    form = LookupForm(request.GET or None)
    if form.is_valid():
        safety.rate_limit(request, "lookup")
        complaint = selectors.complaint_by_code(form.cleaned_data["kode"])
        if complaint is not None:
            return redirect("participation:complaint_status", complaint.tracking_code)
        return _not_found(request)
    return render(request, "participation/complaint_lookup.html", {"form": form})


def _not_found(request: HttpRequest) -> HttpResponse:
    # One page for every unknown code: malformed, wrong check character or simply unused.
    return render(
        request,
        "participation/complaint_lookup.html",
        {"form": LookupForm(), "not_found": True},
        status=404,
    )


def _status_page(
    request: HttpRequest, code: str, rating_form: RatingForm | None = None, status: int = 200
) -> HttpResponse:
    complaint = selectors.complaint_by_code(code)
    if complaint is None:
        return _not_found(request)
    if complaint.tracking_code != code:
        return redirect("participation:complaint_status", complaint.tracking_code)
    context = {
        "complaint": complaint,
        "code": tracking.display(complaint.tracking_code),
        "timeline": selectors.public_timeline(complaint),
        "sla": selectors.sla_of(complaint),
        "is_new": request.GET.get("baru") == "1",
        "can_rate": complaint.status in ("resolved", "closed") and complaint.rating is None,
        "rating_form": rating_form or RatingForm(),
    }
    return render(request, "participation/complaint_status.html", context, status=status)


@public_page
def complaint_status(request: HttpRequest, code: str) -> HttpResponse:
    """Timeline and official responses of one complaint — never the reporter's contact."""
    safety.rate_limit(request, "lookup")
    return _status_page(request, code)


@public_page
@require_POST
def complaint_rate(request: HttpRequest, code: str) -> HttpResponse:
    safety.check_honeypot(request.POST)
    safety.rate_limit(request, "rating")
    complaint = selectors.complaint_by_code(code)
    if complaint is None:
        return _not_found(request)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_rate(
                complaint=complaint,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data.get("comment", ""),
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            return redirect("participation:complaint_status", complaint.tracking_code)
    return _status_page(request, complaint.tracking_code, form, status=422)
