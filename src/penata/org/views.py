"""Web pages of the organisation structure: unit tree, unit, position and the org chart."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from penata.core import reference
from penata.core.dating import today
from penata.core.web import as_of_date, paginate, staff_view
from penata.org import selectors
from penata.people.selectors import position_assignment_history, visible_employee_ids

PUBLIC_DEPTH = 2  # the public unit list shows units down to this depth (public_unit_list)


def _incumbent_ids(positions: Any) -> set[int]:
    return {a.employee_id for p in positions for a in getattr(p, "incumbents", [])}


@staff_view
def unit_tree(request: HttpRequest) -> HttpResponse:
    """The Perangkat Daerah tree; `?q=` searches names and codes, `?tanggal=` a past date."""
    as_of = as_of_date(request)
    instansi = selectors.instansi_for(request.user)
    query = request.GET.get("q", "").strip()
    context: dict[str, Any] = {"as_of": as_of, "query": query, "instansi": instansi}
    if query:
        page = paginate(
            request,
            selectors.unit_list(request.user, instansi=instansi, as_of=as_of, search=query),
        )
        context["page"] = page
        found = list(page.object_list)
        ancestors = selectors.unit_ancestor_map(found)
        context["results"] = [(unit, ancestors[unit.id]) for unit in found]
    else:
        roots = list(selectors.unit_tree_level(request.user, instansi=instansi, as_of=as_of))
        # A single root (the Pemerintah Kota) opens on its Perangkat Daerah straight away.
        context["roots"] = roots
        context["root_children"] = (
            list(
                selectors.unit_tree_level(
                    request.user, instansi=instansi, parent=roots[0], as_of=as_of
                )
            )
            if len(roots) == 1
            else []
        )
    template = "org/_tree_area.html" if request.headers.get("HX-Request") else "org/unit_tree.html"
    return render(request, template, context)


@staff_view
def unit_children(request: HttpRequest, pk: int) -> HttpResponse:
    """One level of the tree below a unit (htmx fragment)."""
    as_of = as_of_date(request)
    unit = selectors.unit_get_for(request.user, pk)
    units = selectors.unit_tree_level(
        request.user, instansi=unit.instansi, parent=unit, as_of=as_of
    )
    return render(request, "org/_unit_nodes.html", {"units": units, "as_of": as_of})


def _golongan_order(label: str) -> tuple[int, int, str]:
    """PNS golongan by rank (I/a … IV/e), then PPPK (I … XVII), then anything else."""
    if label in reference.PNS_GOLONGAN_BY_LABEL:
        return (0, reference.PNS_GOLONGAN_BY_LABEL[label].rank, label)
    if label in reference.PPPK_GOLONGAN_BY_LABEL:
        return (1, reference.PPPK_GOLONGAN_BY_LABEL[label].rank, label)
    return (2, 0, label)


def _kind_label(kind: str) -> str:
    return _(reference.EMPLOYEE_KINDS[kind]) if kind in reference.EMPLOYEE_KINDS else kind


def _chart_data(headcount: selectors.Headcount) -> dict[str, Any]:
    return {
        "by_kind": [{"name": _kind_label(k), "value": v} for k, v in headcount.by_kind.items()],
        "by_golongan": [
            {"name": k, "value": v}
            for k, v in sorted(headcount.by_golongan.items(), key=lambda kv: _golongan_order(kv[0]))
        ],
        "by_position_kind": [
            {"name": reference.POSITION_KINDS.get(k, k), "value": v}
            for k, v in sorted(
                headcount.by_position_kind.items(),
                key=lambda kv: (
                    list(reference.POSITION_KINDS).index(kv[0])
                    if kv[0] in reference.POSITION_KINDS
                    else 99
                ),
            )
        ],
    }


@staff_view
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    as_of = as_of_date(request)
    unit = selectors.unit_get_for(request.user, pk)
    page = paginate(
        request,
        selectors.position_list(
            request.user, instansi=unit.instansi, unit=unit, as_of=as_of, with_incumbents=True
        ),
    )
    positions = list(page.object_list)
    headcount = selectors.unit_headcount(unit, as_of=as_of)
    context = {
        "unit": unit,
        "as_of": as_of,
        "in_force": unit.is_current(as_of) if as_of else unit.is_current(),
        "ancestors": selectors.unit_ancestors(unit),
        "children": selectors.unit_tree_level(
            request.user, instansi=unit.instansi, parent=unit, as_of=as_of
        ),
        "page": page,
        "positions": positions,
        "linkable": visible_employee_ids(request.user, _incumbent_ids(positions)),
        "headcount": headcount,
        "charts": _chart_data(headcount),
        "is_public": unit.depth <= PUBLIC_DEPTH,
    }
    return render(request, "org/unit_detail.html", context)


@staff_view
def position_detail(request: HttpRequest, pk: int) -> HttpResponse:
    as_of = as_of_date(request)
    position = selectors.position_get_for(request.user, pk)
    chain = list(reversed(selectors.position_reporting_chain(position)))
    history = list(position_assignment_history(position))
    subordinates = list(selectors.position_subordinates(position, as_of=as_of))
    linkable = visible_employee_ids(
        request.user,
        {a.employee_id for a in history} | _incumbent_ids(chain) | _incumbent_ids(subordinates),
    )
    day = as_of or today()
    context = {
        "position": position,
        "as_of": as_of,
        "unit": position.unit,
        "ancestors": selectors.unit_ancestors(position.unit),
        "duties": selectors.duty_list(position),
        "current": [a for a in history if a.start <= day and (a.end is None or a.end >= day)],
        "history": history,
        "chain": chain,
        "head_of_government": position.instansi.head_title,
        "chain_reaches_head": bool(chain)
        and chain[0].title.lower().startswith(position.instansi.head_title.lower()),
        "subordinates": subordinates,
        "linkable": linkable,
    }
    return render(request, "org/position_detail.html", context)


@staff_view
def unit_chart(request: HttpRequest, pk: int) -> HttpResponse:
    as_of = as_of_date(request)
    unit = selectors.unit_get_for(request.user, pk)
    data_url = reverse("org:unit_chart_data", args=[unit.pk])
    context = {
        "unit": unit,
        "as_of": as_of,
        "ancestors": selectors.unit_ancestors(unit),
        "data_url": data_url,
        "unit_url_pattern": reverse("org:unit_detail", args=[0]),
        "position_url_pattern": reverse("org:position_detail", args=[0]),
        "chart_text": {
            "vacant": _("Lowong"),
            "positions": [
                ngettext("%(n)s jabatan", "%(n)s jabatan", 1),
                ngettext("%(n)s jabatan", "%(n)s jabatan", 2),
            ],
            "people": [
                ngettext("%(n)s pegawai", "%(n)s pegawai", 1),
                ngettext("%(n)s pegawai", "%(n)s pegawai", 2),
            ],
            "holders": [
                ngettext("%(n)s pemangku", "%(n)s pemangku", 1),
                ngettext("%(n)s pemangku", "%(n)s pemangku", 2),
            ],
            "subunits": [
                ngettext("%(n)s sub-unit", "%(n)s sub-unit", 1),
                ngettext("%(n)s sub-unit", "%(n)s sub-unit", 2),
            ],
            "subordinates": [
                ngettext("%(n)s bawahan langsung", "%(n)s bawahan langsung", 1),
                ngettext("%(n)s bawahan langsung", "%(n)s bawahan langsung", 2),
            ],
            "open_unit": _("Buka halaman unit"),
            "open_position": _("Buka halaman jabatan"),
            "error": _("Bagan tidak dapat dimuat. Muat ulang halaman atau coba lagi nanti."),
            "empty": _("Tidak ada data untuk ditampilkan pada tanggal ini."),
            "hint": _("Klik untuk membuka/menutup cabang"),
            "unit_kinds": reference.UNIT_KINDS,
            "position_kinds": reference.POSITION_KINDS,
        },
    }
    return render(request, "org/unit_chart.html", context)


@staff_view
def unit_chart_data(request: HttpRequest, pk: int) -> HttpResponse:
    """The org chart as JSON: `?mode=unit` (unit tree, default) or `?mode=jabatan`."""
    as_of = as_of_date(request)
    unit = selectors.unit_get_for(request.user, pk)
    if request.GET.get("mode") == "jabatan":
        roots = selectors.position_chart(unit, as_of=as_of)
        return JsonResponse({"mode": "jabatan", "roots": roots})
    tree = selectors.unit_chart(unit, as_of=as_of)
    if not tree:
        return JsonResponse(
            {
                "code": "unit.not_in_force",
                "message": _("Unit ini tidak berlaku pada tanggal tersebut."),
                "extra": {},
            },
            status=404,
        )
    return JsonResponse({"mode": "unit", "roots": [tree]})
