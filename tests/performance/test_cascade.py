"""Cascading one RHK to many subordinates at once (one service call, bulk inserts)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from penata.core.errors import ValidationFailed
from penata.core.models import AuditEvent
from penata.performance.errors import Refused
from penata.performance.models import Indicator, Rhk, Skp
from penata.performance.services.cascade import rhk_cascade
from penata.performance.services.rhk import IndicatorInput
from tests.factories import AssignmentFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

INDICATORS = [
    IndicatorInput("kuantitas", "Jumlah berkas klaim diverifikasi", Decimal(600), "berkas"),
    IndicatorInput("kualitas", "Berkas sesuai standar", Decimal(100), "%"),
]


def _cascade(city, parent, names, **kw):
    return rhk_cascade(
        actor=kw.pop("actor", city.users["kasi"]),
        parent=parent,
        employee_ids=[city.people[n].pk for n in names],
        text=kw.pop("text", "Terverifikasinya berkas klaim layanan primer"),
        kind=kw.pop("kind", "utama"),
        indicators=kw.pop("indicators", INDICATORS),
    )


def test_one_rhk_becomes_an_rhk_of_every_chosen_subordinate(city, plan):
    boss = plan.skp("kasi")
    parent = Rhk.objects.get(skp=boss)
    plan.skp("agus", approve=False)  # has a draft already; dewi and nina have none
    result = _cascade(city, parent, ["agus", "dewi", "nina"])
    assert result.skps_opened == 2 and result.skipped == {}
    created = (
        Rhk.objects.filter(parent=parent).select_related("skp").order_by("skp__employee__name")
    )
    assert [(r.skp.employee.name, r.text, r.kind, r.skp.year) for r in created] == [
        ("Agus Prasetyo", "Terverifikasinya berkas klaim layanan primer", "utama", 2026),
        ("Dewi Lestari", "Terverifikasinya berkas klaim layanan primer", "utama", 2026),
        ("Nina Kartika", "Terverifikasinya berkas klaim layanan primer", "utama", 2026),
    ]
    assert sorted(r.pk for r in result.created) == sorted(r.pk for r in created)
    agus_rhk = created[0]
    assert agus_rhk.sort_order == 2  # after the RHK agus had
    for rhk in created:
        assert list(
            Indicator.objects.filter(rhk=rhk).values_list("aspect", "target", "unit", "sort_order")
        ) == [
            ("kuantitas", Decimal("600.00"), "berkas", 1),
            ("kualitas", Decimal("100.00"), "%", 2),
        ]
    opened = Skp.objects.get(employee=city.people["dewi"])
    assert (opened.status, opened.evaluator_id, opened.position_id, opened.perangkat_daerah_id) == (
        "draft",
        city.people["kasi"].pk,
        city.posts["staff"].pk,
        city.dinas.pk,
    )
    event = AuditEvent.objects.get(action="skp.rhk_cascade")
    assert sorted(event.changes["_"]["rhk"]) == sorted(r.pk for r in created)


def test_submitted_and_approved_plans_are_skipped(city, plan):
    parent = Rhk.objects.get(skp=plan.skp("kasi"))
    plan.skp("agus")  # approved
    submitted = plan.skp("dewi", approve=False)
    from penata.performance.services.skp import skp_submit

    skp_submit(actor=city.users["dewi"], skp=submitted)
    result = _cascade(city, parent, ["agus", "dewi", "nina"])
    assert result.skipped == {
        city.people["agus"].pk: "SKP sudah disetujui (perlu revisi lebih dulu)",
        city.people["dewi"].pk: "SKP sedang diajukan",
    }
    assert list(
        Rhk.objects.filter(parent=parent).values_list("skp__employee__name", flat=True)
    ) == ["Nina Kartika"]


def test_query_count_does_not_grow_with_the_number_of_subordinates(city, plan):
    from penata.accounts.models import User

    parent_id = Rhk.objects.get(skp=plan.skp("kasi")).pk
    for n in range(6):
        extra = EmployeeFactory(instansi=city.inst, name=f"Staf Tambahan {n}")
        AssignmentFactory(employee=extra, position=city.posts["staff"])
        city.people[f"extra{n}"] = extra

    def counted(names, text):
        actor = User.objects.get(username="kasi")  # fresh: nothing cached on it
        parent = Rhk.objects.get(pk=parent_id)
        with CaptureQueriesContext(connection) as queries:
            _cascade(city, parent, names, actor=actor, text=text)
        return len(queries)

    two = counted(["agus", "dewi"], "Terverifikasinya berkas klaim layanan primer")
    seven = counted(
        ["nina", *[f"extra{n}" for n in range(6)]], "Tersusunnya laporan harian layanan"
    )
    assert seven == two == 22
    assert Rhk.objects.filter(parent_id=parent_id).count() == 9


def test_cascade_to_fallback_evaluatees(city, plan):
    """Kabid evaluates Budi (his kasi is vacant): he may cascade to him too."""
    parent = Rhk.objects.get(skp=plan.skp("kabid"))
    result = _cascade(city, parent, ["budi", "kasi"], actor=city.users["kabid"])
    assert len(result.created) == 2
    assert set(Rhk.objects.filter(parent=parent).values_list("skp__employee__name", flat=True)) == {
        "Budi Rahardjo",
        "Hadi Purnomo",
    }


def test_only_subordinates_may_be_chosen(city, plan):
    parent = Rhk.objects.get(skp=plan.skp("kasi"))
    with pytest.raises(Refused) as error:
        _cascade(city, parent, ["agus", "budi"])  # budi is evaluated by the kabid
    assert error.value.code == "cascade.not_subordinate"
    assert error.value.extra == {"employees": [city.people["budi"].pk]}
    assert not Rhk.objects.filter(parent=parent).exists()
    assert not Skp.objects.filter(employee=city.people["agus"]).exists()


def test_only_the_owner_of_the_rhk_cascades(city, plan):
    parent = Rhk.objects.get(skp=plan.skp("kasi"))
    with pytest.raises(Refused) as error:
        _cascade(city, parent, ["agus"], actor=city.users["kabid"])
    assert error.value.code == "cascade.not_owner"
    assert not Rhk.objects.filter(parent=parent).exists()


def test_cascade_validates_like_a_plan(city, plan):
    parent = Rhk.objects.get(skp=plan.skp("kasi"))
    with pytest.raises(ValidationFailed) as error:
        _cascade(city, parent, [])
    assert error.value.code == "cascade.no_targets"
    with pytest.raises(ValidationFailed) as error:
        _cascade(city, parent, ["agus"], indicators=[])
    assert error.value.code == "rhk.no_indicators"
    assert not Rhk.objects.filter(parent=parent).exists()
