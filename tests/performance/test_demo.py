"""The performance demo: plausible, cascaded, deterministic for a seed and a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from penata.performance.demo import performance_data_clear, performance_demo_load
from penata.performance.models import Activity, Evaluation, OrgPredikat, Rhk, Skp
from tests.factories import DutyFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 6, 17)


def signature():
    skps = [
        (s.employee.name, s.status, s.predikat, str(s.realisation_share))
        for s in Skp.objects.select_related("employee").order_by("employee__name")
    ]
    rhks = sorted(
        (r.skp.employee.name, r.text, r.parent.skp.employee.name if r.parent else "")
        for r in Rhk.objects.select_related("skp__employee", "parent__skp__employee")
    )
    evaluations = sorted(
        Evaluation.objects.values_list("employee__name", "number", "status", "predikat")
    )
    activities = sorted(
        Activity.objects.values_list("employee__name", "date", "description", "minutes", "status")
    )
    return skps, rhks, evaluations, activities


@pytest.fixture
def duties(city):
    for key in ("staff", "jf", "rujukan", "program", "data"):
        DutyFactory(
            position=city.posts[key],
            statement=f"Menyusun laporan {key}",
            output_unit="Laporan",
            volume=2,
            period="month",
        )
    return city


def test_a_cascaded_year_with_evaluations_and_logs(duties):
    summary = performance_demo_load(duties.inst, seed=7, as_of=DAY)
    assert summary.skps == 11  # everybody with a post
    staff = Rhk.objects.get(skp__employee=duties.people["agus"], kind="utama")
    assert staff.text == "Menyusun laporan staff sesuai standar"
    assert staff.parent.skp.employee == duties.people["kasi"]  # cascaded from the kepala seksi
    assert Rhk.objects.filter(
        skp__employee=duties.people["kasi"], parent__skp__employee=duties.people["kabid"]
    ).exists()
    approved = Skp.objects.filter(status="approved")
    assert set(Evaluation.objects.filter(status="final").values_list("skp_id", flat=True)) <= set(
        approved.values_list("pk", flat=True)
    )
    assert (
        Evaluation.objects.filter(status="final", end__gte=DAY - dt.timedelta(days=10)).count() == 0
    )  # nothing rated before it is due
    first = Activity.objects.order_by("date").first().date
    assert (
        first >= DAY - dt.timedelta(days=13) and Activity.objects.filter(date__gt=DAY).count() == 0
    )
    assert set(OrgPredikat.objects.values_list("unit__name", flat=True)) == {
        "Dinas Kesehatan",
        "BKPSDM",
    }
    assert summary.activities == Activity.objects.count() > 0


def test_same_seed_and_day_give_the_same_data(duties):
    performance_demo_load(duties.inst, seed=7, as_of=DAY)
    first = signature()
    performance_demo_load(duties.inst, seed=7, as_of=DAY, replace=True)
    assert signature() == first
    performance_demo_load(duties.inst, seed=8, as_of=DAY, replace=True)
    assert signature() != first


def test_heavier_year_spreads_activities_over_the_year(duties):
    summary = performance_demo_load(duties.inst, seed=7, as_of=DAY, activities=2_000)
    assert 1_600 <= summary.activities <= 2_400
    assert Activity.objects.order_by("date").first().date < dt.date(2026, 2, 1)
    performance_data_clear(duties.inst)
    assert (Skp.objects.count(), Activity.objects.count(), Rhk.objects.count()) == (0, 0, 0)


def test_the_command_replaces_the_performance_data(duties):
    from io import StringIO

    from penata.org.demo import structure

    duties.inst.code = structure.ROOT_CODE  # the command works on the demo instansi
    duties.inst.save()
    performance_demo_load(duties.inst, seed=7, as_of=DAY)
    out = StringIO()
    call_command(
        "demo_performance",
        "--activities",
        "500",
        "--as-of",
        "2026-06-17",
        "--format",
        "json",
        stdout=out,
    )
    assert '"skps": 11' in out.getvalue()
    assert Skp.objects.count() == 11
