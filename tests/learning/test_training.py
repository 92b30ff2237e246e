"""Catalog, sessions, enrolment permissions, capacity and waiting list, completion updating
competencies and JP; recommendation ranking via selectors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.learning import selectors, services
from penata.learning.models import EmployeeCompetency, Enrolment, JpRecord

SOON = dt.date.today() + dt.timedelta(days=7)


def programme(city, code, develops, jp=D(20), cost=D(1000000), name=None):
    return services.programme_create(
        actor=city.admin,
        instansi=city.instansi,
        code=code,
        name=name or code,
        kind="teknis",
        mode="klasikal",
        jp=jp,
        provider="BPSDM Jawa Tengah",
        cost=cost,
        develops=develops,
    )


def session(city, prog, capacity=1):
    return services.session_create(
        actor=city.admin,
        programme=prog,
        name="Angkatan I",
        starts_on=SOON,
        ends_on=SOON + dt.timedelta(days=2),
        capacity=capacity,
        place="Balai Kota",
    )


def test_programme_and_session_validation(city):
    with pytest.raises(PermissionDenied):
        services.programme_create(
            actor=city.pegawai,
            instansi=city.instansi,
            code="A",
            name="A",
            kind="teknis",
            mode="klasikal",
            jp=D(2),
            provider="x",
            cost=D(0),
        )
    with pytest.raises(ValidationFailed) as caught:
        programme(city, "A", {"pelayanan_publik": 9})
    assert caught.value.code == "learning.level"
    prog = programme(city, "A", {"pelayanan_publik": 3})
    with pytest.raises(ValidationFailed) as caught:
        services.session_create(
            actor=city.admin,
            programme=prog,
            name="x",
            starts_on=SOON,
            ends_on=SOON - dt.timedelta(days=1),
            capacity=5,
            place="x",
        )
    assert caught.value.code == "learning.session_dates"


def test_only_the_employee_requests_and_only_the_supervisor_or_admin_decides(city):
    s = session(city, programme(city, "A", {}))
    with pytest.raises(PermissionDenied):
        services.enrolment_request(actor=city.rekan, employee=city.pegawai.employee, session=s)
    assert not Enrolment.objects.exists()
    e = services.enrolment_request(actor=city.pegawai, employee=city.pegawai.employee, session=s)
    for outsider in (city.rekan, city.outsider, city.pegawai):
        with pytest.raises(PermissionDenied):
            services.enrolment_decide(actor=outsider, enrolment=e, approve=True)
    e.refresh_from_db()
    assert e.status == "pending"
    with pytest.raises(ValidationFailed) as caught:
        services.enrolment_request(actor=city.pegawai, employee=city.pegawai.employee, session=s)
    assert caught.value.code == "learning.already_enrolled"
    assert services.enrolment_decide(actor=city.atasan, enrolment=e, approve=True).status == (
        "confirmed"
    )


def test_capacity_waiting_list_and_promotion_on_cancel(city):
    s = session(city, programme(city, "A", {}), capacity=1)
    first, second = services.enrolment_bulk(
        actor=city.admin, session=s, employees=[city.pegawai.employee, city.rekan.employee]
    )
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    third = services.enrolment_request(actor=city.atasan, employee=city.atasan.employee, session=s)
    assert (
        services.enrolment_decide(actor=city.admin, enrolment=third, approve=True).status
        == "waitlisted"
    )
    services.enrolment_cancel(actor=city.pegawai, enrolment=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("confirmed", "waitlisted")
    # A bulk re-run leaves existing seats alone.
    assert (
        services.enrolment_bulk(actor=city.admin, session=s, employees=[city.rekan.employee]) == []
    )


def test_enrolment_closes_once_the_session_started(city):
    s = session(city, programme(city, "A", {}))
    s.starts_on = dt.date.today() - dt.timedelta(days=1)
    s.save()
    with pytest.raises(ValidationFailed) as caught:
        services.enrolment_request(actor=city.pegawai, employee=city.pegawai.employee, session=s)
    assert caught.value.code == "learning.session_started"


def test_completion_adds_jp_and_raises_but_never_lowers_competencies(city):
    employee = city.pegawai.employee
    services.assessment_record(
        actor=city.admin,
        employee=employee,
        source="assessment_centre",
        assessed_on=dt.date(2025, 1, 10),
        levels={"pelayanan_publik": 1, "komunikasi": 4},
    )
    s = session(city, programme(city, "A", {"pelayanan_publik": 3, "komunikasi": 2}, jp=D("2.5")))
    e = services.enrolment_bulk(actor=city.admin, session=s, employees=[employee])[0]
    s.starts_on = dt.date.today() - dt.timedelta(days=2)
    s.save()
    with pytest.raises(PermissionDenied):
        services.enrolment_complete(actor=city.atasan, enrolment=e, completed_on=dt.date.today())
    services.enrolment_complete(actor=city.admin, enrolment=e, completed_on=dt.date.today())
    levels = dict(
        EmployeeCompetency.objects.filter(employee=employee).values_list(
            "competency__code", "level"
        )
    )
    assert levels == {"pelayanan_publik": 3, "komunikasi": 4}
    row = JpRecord.objects.get(enrolment=e)
    assert (row.minutes, row.status, row.jp) == (112, "verified", D("2.49"))
    with pytest.raises(ValidationFailed) as caught:
        services.enrolment_complete(actor=city.admin, enrolment=e, completed_on=dt.date.today())
    assert caught.value.code == "learning.not_confirmed"


def test_waitlisted_cannot_complete_and_certificate_type_is_checked(city):
    s = session(city, programme(city, "A", {}), capacity=1)
    first, second = services.enrolment_bulk(
        actor=city.admin, session=s, employees=[city.pegawai.employee, city.rekan.employee]
    )
    s.starts_on = dt.date.today() - dt.timedelta(days=2)
    s.save()
    with pytest.raises(ValidationFailed):
        services.enrolment_complete(
            actor=city.admin, enrolment=second, completed_on=dt.date.today()
        )
    fake = SimpleUploadedFile("sertifikat.pdf", b"MZ not a pdf", "application/pdf")
    with pytest.raises(ValidationFailed) as caught:
        services.enrolment_complete(
            actor=city.admin, enrolment=first, completed_on=dt.date.today(), certificate=fake
        )
    assert caught.value.code == "learning.file_type"
    first.refresh_from_db()
    assert first.status == "confirmed"
    assert not JpRecord.objects.exists()


def test_recommendation_ranking(city):
    services.standard_set(
        actor=city.admin,
        position=city.staff_position,
        levels={"pelayanan_publik": 4, "komunikasi": 3, "integritas": 2},
    )
    employee = city.pegawai.employee
    services.assessment_record(
        actor=city.admin,
        employee=employee,
        source="assessment_centre",
        assessed_on=dt.date(2025, 1, 10),
        levels={"pelayanan_publik": 2, "komunikasi": 2, "integritas": 3},
    )
    programme(city, "PRIMA", {"pelayanan_publik": 4}, jp=D(24))  # closes 2
    programme(city, "KOM", {"komunikasi": 5}, jp=D(16))  # closes 1
    programme(city, "KOM2", {"komunikasi": 3}, jp=D(8))  # closes 1, fewer JP
    programme(city, "INT", {"integritas": 5}, jp=D(8))  # closes nothing
    programme(city, "BOTH", {"pelayanan_publik": 3, "komunikasi": 3})  # closes 2, 20 JP
    recs = selectors.recommendations_for(employee, dt.date.today().year)
    assert [r.programme.code for r in recs] == ["BOTH", "PRIMA", "KOM2", "KOM"]
    assert recs[0].closes == {"pelayanan_publik": 1, "komunikasi": 1}


def test_leadership_training_is_recommended_only_for_its_position_level(city):
    services.standard_set(
        actor=city.admin, position=city.staff_position, levels={"pengambilan_keputusan": 3}
    )
    services.standard_set(
        actor=city.admin, position=city.supervisor_position, levels={"pengambilan_keputusan": 3}
    )
    services.programme_create(
        actor=city.admin,
        instansi=city.instansi,
        code="PKA",
        name="Pelatihan Kepemimpinan Administrator",
        kind="pka",
        mode="klasikal",
        jp=D(420),
        provider="BPSDMD",
        cost=D(0),
        develops={"pengambilan_keputusan": 3},
    )
    programme(city, "MENTOR", {"pengambilan_keputusan": 2}, jp=D(12))
    year = dt.date.today().year
    staff = selectors.recommendations_for(city.pegawai.employee, year)
    boss = selectors.recommendations_for(city.atasan.employee, year)
    assert [r.programme.code for r in staff] == ["MENTOR"]
    assert [r.programme.code for r in boss] == ["PKA", "MENTOR"]
