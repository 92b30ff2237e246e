from __future__ import annotations

import pytest
from django.core import mail

from penata.change.errors import ChangeError
from penata.change.models import Announcement, Recipient
from penata.change.services import (
    announcement_audience,
    announcement_create,
    announcement_publish,
)
from penata.core.errors import ApplicationError, PermissionDenied
from penata.core.models import AuditEvent
from penata.restructure.services import scenario_add_operation, scenario_create
from tests.change.conftest import publish


def _reasons(announcement):
    return dict(
        Recipient.objects.filter(announcement=announcement).values_list("employee_id", "reason")
    )


def test_audience_from_a_scenario_is_affected_staff_their_units_and_supervisors(city):
    scenario = scenario_create(actor=city.analyst, instansi=city.inst, name="Gabung bidang")
    scenario_add_operation(
        actor=city.analyst,
        scenario=scenario,
        kind="unit.merge",
        params={"source": str(city.by.pk), "target": str(city.bx.pk)},
    )
    announcement = announcement_create(
        actor=city.analyst,
        instansi=city.inst,
        title="Jabatan Kepala Bidang Sumber Daya dihapus",
        body="Penataan Dinas Kesehatan.",
        scenario=scenario,
    )
    audience = announcement_audience(announcement)
    # Bidang Sumber Daya moves into Bidang Pelayanan: its people are affected, the kepala
    # dinas supervises its head, the people of the receiving bidang share the unit.
    expected = {e.pk: "affected" for e in [city.kabid_y, *city.staff_y]}
    expected |= {city.kadis.pk: "supervisor"}
    expected |= {e.pk: "unit" for e in [city.kabid_x, *city.staff_x]}
    assert audience == expected
    assert city.guru.pk not in audience


def test_targeting_by_unit_subtree_kind_and_list(city):
    by_unit = announcement_create(
        actor=city.admin, instansi=city.inst, title="A", body="b", target_unit=city.by
    )
    assert announcement_audience(by_unit) == {e.pk: "target" for e in [city.kabid_y, *city.staff_y]}
    by_kind = announcement_create(
        actor=city.admin,
        instansi=city.inst,
        title="A",
        body="b",
        target_unit=city.dinkes,
        target_kinds=["administrator"],
        target_employees=[city.guru.pk],
    )
    assert announcement_audience(by_kind) == {
        city.kabid_x.pk: "target",
        city.kabid_y.pk: "target",
        city.guru.pk: "list",
    }


def test_publish_notifies_in_app_and_by_mail(city, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        announcement = publish(city, target_unit=city.bx)
    assert announcement.status == "published" and announcement.published_at is not None
    assert set(_reasons(announcement)) == {city.kabid_x.pk, *(e.pk for e in city.staff_x)}
    assert sorted(m.to[0] for m in mail.outbox) == ["kabidx@surakarta.go.id", "sx0@surakarta.go.id",
                                                     "sx1@surakarta.go.id"]  # fmt: skip
    assert mail.outbox[0].subject == "Pengumuman perubahan: Penggabungan Bidang Sumber Daya"
    assert AuditEvent.objects.filter(action="change.announcement.publish").count() == 1
    units = set(Recipient.objects.filter(announcement=announcement).values_list("unit", flat=True))
    assert units == {city.bx.pk}


def test_publishing_twice_is_refused(city):
    announcement = publish(city)
    before = Recipient.objects.count()
    with pytest.raises(ApplicationError) as caught:
        announcement_publish(actor=city.admin, announcement=announcement)
    assert caught.value.code == ChangeError.ALREADY_PUBLISHED
    assert Recipient.objects.count() == before


def test_announcement_needs_an_audience(city):
    with pytest.raises(ApplicationError) as caught:
        announcement_create(actor=city.admin, instansi=city.inst, title="A", body="b")
    assert caught.value.code == ChangeError.NO_AUDIENCE
    assert not Announcement.objects.exists()


def test_unit_head_targets_only_their_subtree(city):
    own = announcement_create(
        actor=city.kadis.user, instansi=city.inst, title="A", body="b", target_unit=city.by
    )
    assert own.target_unit == city.by
    with pytest.raises(PermissionDenied):
        announcement_create(
            actor=city.kadis.user, instansi=city.inst, title="A", body="b", target_unit=city.disdik
        )
    with pytest.raises(PermissionDenied):
        announcement_create(
            actor=city.staff_x[0].user, instansi=city.inst, title="A", body="b",
            target_unit=city.bx,
        )  # fmt: skip
    assert Announcement.objects.count() == 1


def test_body_markdown_is_rendered_safely(city):
    announcement = announcement_create(
        actor=city.admin,
        instansi=city.inst,
        title="A",
        body="**Penting** <script>alert(1)</script> [x](javascript:alert(1))",
        target_unit=city.bx,
    )
    assert "<strong>Penting</strong>" in announcement.body_html
    assert "&lt;script&gt;" in announcement.body_html
    assert "<script>" not in announcement.body_html and "href" not in announcement.body_html
