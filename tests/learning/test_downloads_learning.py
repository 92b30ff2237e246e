"""Training certificates and JP evidence: downloaded only by who may see the employee (the
employee, their supervisor, the unit head, admin), as attachments; 404 for everybody else."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from penata.learning import services

PDF = b"%PDF-1.4\n% sertifikat\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n-bukti-"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def completed(city):
    """Pegawai completed a training with a certificate."""
    programme = services.programme_create(
        actor=city.admin, instansi=city.instansi, code="LATSAR", name="Latihan Dasar",
        kind="teknis", mode="klasikal", jp=D(20), provider="BPSDM", cost=D(0), develops={},
    )  # fmt: skip
    soon = dt.date.today() + dt.timedelta(days=7)
    session = services.session_create(
        actor=city.admin, programme=programme, name="Angkatan I", starts_on=soon,
        ends_on=soon + dt.timedelta(days=2), capacity=5, place="Balai Kota",
    )  # fmt: skip
    enrolment = services.enrolment_bulk(
        actor=city.admin, session=session, employees=[city.pegawai.employee]
    )[0]
    session.starts_on = dt.date.today() - dt.timedelta(days=2)
    session.save()
    services.enrolment_complete(
        actor=city.admin, enrolment=enrolment, completed_on=dt.date.today(),
        certificate=SimpleUploadedFile("sertifikat saya.pdf", PDF, "application/pdf"),
    )  # fmt: skip
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def jp_record(city):
    return services.jp_evidence_submit(
        actor=city.pegawai, employee=city.pegawai.employee, title="Seminar Pelayanan Publik",
        completed_on=dt.date.today().replace(day=1), minutes=90, provider="LAN RI",
        evidence=SimpleUploadedFile("bukti.png", PNG, "image/png"),
    )  # fmt: skip


def test_the_certificate_reaches_the_employee_their_superiors_and_admin(city, completed):
    url = reverse("learning:certificate", args=[completed.pk])
    nip = city.pegawai.employee.nip

    for user in (city.pegawai, city.atasan, city.kadis, city.admin):
        response = client_for(user).get(url)
        assert response.status_code == 200, user.username
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'attachment; filename="sertifikat-{nip}-LATSAR.pdf"'
        )
        assert response["X-Content-Type-Options"] == "nosniff"
    for user in (city.rekan, city.outsider):
        assert client_for(user).get(url).status_code == 404, user.username


def test_jp_evidence_reaches_the_employee_their_superiors_and_admin(city, jp_record):
    url = reverse("learning:jp_evidence", args=[jp_record.pk])

    for user in (city.pegawai, city.atasan, city.kadis, city.admin):
        response = client_for(user).get(url)
        assert response.status_code == 200, user.username
        assert b"".join(response.streaming_content) == PNG
        assert response["Content-Disposition"].startswith('attachment; filename="bukti-jp-')
    for user in (city.rekan, city.outsider):
        assert client_for(user).get(url).status_code == 404, user.username


def test_anonymous_readers_are_sent_to_sign_in(city, completed, jp_record):
    for url in (
        reverse("learning:certificate", args=[completed.pk]),
        reverse("learning:jp_evidence", args=[jp_record.pk]),
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_an_enrolment_without_certificate_or_a_missing_file_is_404(city, completed, jp_record):
    completed.certificate.storage.delete(completed.certificate.name)
    jp_record.evidence = ""
    jp_record.save(update_fields=["evidence"])

    admin = client_for(city.admin)
    assert admin.get(reverse("learning:certificate", args=[completed.pk])).status_code == 404
    assert admin.get(reverse("learning:jp_evidence", args=[jp_record.pk])).status_code == 404


def test_pages_link_the_downloads_and_never_the_storage_path(city, completed, jp_record):
    certificate = reverse("learning:certificate", args=[completed.pk])
    evidence = reverse("learning:jp_evidence", args=[jp_record.pk])

    home = client_for(city.pegawai).get(reverse("learning:home")).content.decode()
    session = client_for(city.admin).get(
        reverse("learning:session_detail", args=[completed.session_id])
    )
    compliance = client_for(city.admin).get(reverse("learning:compliance")).content.decode()

    assert certificate in home and evidence in home
    assert certificate in session.content.decode()
    assert evidence in compliance
    for page in (home, session.content.decode(), compliance):
        assert "/media/" not in page
