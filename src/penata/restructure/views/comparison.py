"""Side-by-side comparison (baseline vs scenario, or scenario vs scenario) and its exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from penata.core.errors import ApplicationError
from penata.core.web import staff_view
from penata.restructure import selectors
from penata.restructure.exports import PdfUnavailable, comparison_workbook, html_to_pdf
from penata.restructure.graph import Comparison, OrgGraph
from penata.restructure.graph.chart import org_chart
from penata.restructure.models import Scenario
from penata.restructure.views.common import comparison_context, role_flags


@dataclass(frozen=True)
class Sides:
    scenario: Scenario
    other: Scenario | None
    left_name: str
    right_name: str
    left_graph: OrgGraph
    right_graph: OrgGraph
    comparison: Comparison
    operations: list[tuple[int, str]]
    warning: str


def _sides(request: HttpRequest, pk: int) -> Sides:
    scenario = selectors.scenario_get_for(request.user, pk)
    state = selectors.scenario_state(scenario)
    descriptions = state.descriptions(undone=False)
    operations = [
        (op.seq, descriptions.get(op.seq, op.description))
        for op in state.operations
        if op.seq <= scenario.cursor
    ]
    raw_other = request.GET.get("dengan", "").strip()
    if raw_other.isdigit() and int(raw_other) != scenario.pk:
        other = selectors.scenario_get_for(request.user, int(raw_other))
        if other.instansi_id != scenario.instansi_id:
            raise ApplicationError(
                "scenario.other_instansi", _("Skenario berasal dari instansi lain.")
            )
        other_state = selectors.scenario_state(other)
        warning = ""
        if other.base_date != scenario.base_date:
            warning = _(
                "Kedua skenario memakai tanggal struktur dasar yang berbeda (%(a)s dan %(b)s); "
                "perubahan di antara kedua tanggal itu ikut terlihat sebagai selisih."
            ) % {"a": f"{scenario.base_date:%d-%m-%Y}", "b": f"{other.base_date:%d-%m-%Y}"}
        return Sides(
            scenario,
            other,
            scenario.name,
            other.name,
            state.graph,
            other_state.graph,
            selectors.scenario_pair_comparison(state, other_state),
            operations,
            warning,
        )
    return Sides(
        scenario,
        None,
        _("Struktur dasar"),
        scenario.name,
        state.base,
        state.graph,
        state.comparison,
        operations,
        "",
    )


def _context(request: HttpRequest, sides: Sides) -> dict[str, Any]:
    changed = sides.comparison.changed_ids()
    return {
        "scenario": sides.scenario,
        "other": sides.other,
        "left_name": sides.left_name,
        "right_name": sides.right_name,
        "warning": sides.warning,
        "operations": sides.operations,
        "charts": {
            "left": org_chart(sides.left_graph, changed, "base", title=sides.left_name),
            "right": org_chart(sides.right_graph, changed, "other", title=sides.right_name),
        },
        "others": [
            s
            for s in selectors.scenario_list(request.user, instansi=sides.scenario.instansi)
            if s.pk != sides.scenario.pk
        ],
        "now": timezone.now(),
        **comparison_context(sides.comparison),
        **role_flags(request.user, sides.scenario.instansi_id),
    }


@staff_view
def comparison(request: HttpRequest, pk: int) -> HttpResponse:
    sides = _sides(request, pk)
    return render(request, "restructure/comparison.html", _context(request, sides))


def _filename(sides: Sides, extension: str) -> str:
    slug = slugify(sides.scenario.name) or f"skenario-{sides.scenario.pk}"
    if sides.other is not None:
        slug += f"-vs-{slugify(sides.other.name) or sides.other.pk}"
    return f"perbandingan-{slug}.{extension}"


@staff_view
def comparison_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    sides = _sides(request, pk)
    content = comparison_workbook(
        title=_("Perbandingan %(left)s – %(right)s")
        % {"left": sides.left_name, "right": sides.right_name},
        left=sides.left_name,
        right=sides.right_name,
        comparison=sides.comparison,
        operations=sides.operations,
    )
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(sides, "xlsx")}"'
    return response


@staff_view
def comparison_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    sides = _sides(request, pk)
    context = _context(request, sides)
    html = render_to_string("restructure/comparison_pdf.html", context, request=request)
    try:
        content = html_to_pdf(html, base_url=request.build_absolute_uri("/"))
    except PdfUnavailable as error:
        raise ApplicationError(
            "export.pdf_unavailable",
            _(
                "Ekspor PDF tidak tersedia di server ini (WeasyPrint belum terpasang). "
                "Gunakan ekspor Excel."
            ),
        ) from error
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(sides, "pdf")}"'
    return response
