"""Announcement attachments: uploaded with the draft (all or nothing), listed and downloaded by
every recipient and by those who follow up, 404 for anybody else, removed by the author only
while the announcement is a draft, every write audited."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from penata.change.errors import ChangeError
from penata.change.models import Announcement, AnnouncementAttachment
from penata.change.services import announcement_create, announcement_publish
from penata.change.services.attachments import MAX_FILES, attachment_remove, attachments_add
from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent

PDF = b"%PDF-1.4\n% SK penggabungan bidang\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"\x00" * 40 + b"word/document.xml"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def pdf(name: str = "SK Wali Kota.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def compose(client: Client, files: list[SimpleUploadedFile]):
    return client.post(
        reverse("change:compose"),
        {"title": "Penggabungan bidang", "body": "Mulai **1 Januari** bidang digabung.",
         "target_unit": "", "target_kinds": ["pelaksana"], "ack_due_days": 7,
         "reminder_days": 3, "attachments": files},
    )  # fmt: skip


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT / "pengumuman"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def draft(city, actor=None):
    return announcement_create(
        actor=actor or city.admin, instansi=city.inst, title="Penggabungan bidang",
        body="Isi pengumuman.", target_unit=city.dinkes,
    )  # fmt: skip


@pytest.fixture
def published(city):
    """A published announcement for Dinas Kesehatan with a PDF and a DOCX attached."""
    announcement = draft(city)
    attachments_add(
        actor=city.admin,
        announcement=announcement,
        files=[pdf(), SimpleUploadedFile("Bagan baru.docx", DOCX)],
    )
    announcement_publish(actor=city.admin, announcement=announcement)
    announcement.refresh_from_db()
    return announcement


def test_the_compose_page_offers_several_files_of_the_allowed_types(city):
    html = client_for(city.analyst).get(reverse("change:compose")).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert 'name="attachments" accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg" multiple' in html
    assert "paling besar 10 MB per berkas" in html


def test_compose_saves_the_draft_with_every_file_and_audits_each(city, settings):
    response = compose(client_for(city.admin), [pdf(), SimpleUploadedFile("Bagan baru.docx", DOCX)])

    announcement = Announcement.objects.get()
    assert response.status_code == 302
    rows = list(announcement.attachments.order_by("id"))
    assert [(a.original_name, a.size, a.uploaded_by) for a in rows] == [
        ("SK Wali Kota.pdf", len(PDF), city.admin),
        ("Bagan baru.docx", len(DOCX), city.admin),
    ]
    month = timezone.now().strftime("%Y/%m")
    assert all(a.file.name.startswith(f"pengumuman/{month}/") for a in rows)
    assert "SK Wali Kota" not in rows[0].file.name  # the stored name is random
    assert rows[0].file.read() == PDF
    assert len(stored_files(settings)) == 2
    assert AuditEvent.objects.filter(action="change.attachment.add").count() == 2


@pytest.mark.parametrize(
    ("upload", "code", "message"),
    [
        (
            SimpleUploadedFile("pemasang.exe", b"MZ\x90\x00"),
            ChangeError.ATTACHMENT_TYPE,
            "Berkas «pemasang.exe» tidak dapat dilampirkan: jenis berkas tidak diizinkan "
            "(hanya PDF, DOCX, XLSX, PPTX, PNG, JPG).",
        ),
        (
            SimpleUploadedFile("gambar.svg", b"<svg onload='alert(1)'/>"),
            ChangeError.ATTACHMENT_TYPE,
            "Berkas «gambar.svg» tidak dapat dilampirkan: jenis berkas tidak diizinkan "
            "(hanya PDF, DOCX, XLSX, PPTX, PNG, JPG).",
        ),
        (
            pdf("Palsu.pdf", b"<html><script>x</script></html>"),
            ChangeError.ATTACHMENT_TYPE,
            "Berkas «Palsu.pdf» tidak dapat dilampirkan: isinya tidak sesuai dengan jenis "
            "berkas .pdf.",
        ),
        (
            pdf("Besar.pdf", PDF + b"0" * 2048),
            ChangeError.ATTACHMENT_TOO_LARGE,
            "Berkas «Besar.pdf» tidak dapat dilampirkan: ukurannya 2 KB, melebihi batas 1 KB.",
        ),
    ],
    ids=["exe", "svg", "content", "too-large"],
)
def test_a_refused_file_on_compose_saves_nothing_at_all(city, settings, upload, code, message):
    settings.PENATA_CHANGE_ATTACHMENT_MAX_BYTES = 1024
    audit_before = AuditEvent.objects.count()

    response = compose(client_for(city.admin), [pdf("Sah.pdf"), upload])

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Announcement.objects.exists()
    assert not AnnouncementAttachment.objects.exists()
    assert stored_files(settings) == []
    assert AuditEvent.objects.count() == audit_before
    with pytest.raises(ValidationFailed) as refused:
        attachments_add(actor=city.admin, announcement=draft(city), files=[upload])
    assert refused.value.code == code


def test_the_size_limit_comes_from_the_setting_and_names_the_megabytes(city, settings):
    settings.PENATA_CHANGE_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = pdf("Lampiran besar.pdf", PDF + b"0" * (1536 * 1024))
    announcement = draft(city)

    with pytest.raises(ValidationFailed) as refused:
        attachments_add(actor=city.admin, announcement=announcement, files=[big])

    assert refused.value.message == (
        "Berkas «Lampiran besar.pdf» tidak dapat dilampirkan: ukurannya 1,5 MB, "
        "melebihi batas 1 MB."
    )
    assert not announcement.attachments.exists()


def test_at_most_max_files_attachments(city, settings):
    announcement = draft(city)
    attachments_add(
        actor=city.admin,
        announcement=announcement,
        files=[pdf(f"{i}.pdf") for i in range(MAX_FILES - 1)],
    )

    with pytest.raises(ValidationFailed) as refused:
        attachments_add(actor=city.admin, announcement=announcement, files=[pdf(), pdf()])

    assert refused.value.code == ChangeError.ATTACHMENT_LIMIT
    assert announcement.attachments.count() == MAX_FILES - 1
    assert len(stored_files(settings)) == MAX_FILES - 1


def test_every_recipient_and_follower_downloads_the_original_bytes(city, published):
    attachment = published.attachments.get(original_name="SK Wali Kota.pdf")
    url = reverse("change:attachment_download", args=[attachment.pk])

    for user in (city.staff_y[0].user, city.kadis.user, city.admin, city.auditor):
        response = client_for(user).get(url)
        assert response.status_code == 200, user.username
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="SK Wali Kota.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"


def test_anybody_the_announcement_did_not_reach_gets_404(city, published):
    url = reverse("change:attachment_download", args=[published.attachments.first().pk])

    for user in (city.guru.user, city.head_disdik):
        assert client_for(user).get(url).status_code == 404, user.username
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_a_draft_attachment_is_not_for_its_future_recipients(city):
    announcement = draft(city)
    attachments_add(actor=city.admin, announcement=announcement, files=[pdf()])
    url = reverse("change:attachment_download", args=[announcement.attachments.get().pk])

    assert client_for(city.staff_y[0].user).get(url).status_code == 404
    assert client_for(city.analyst).get(url).status_code == 200


def test_the_detail_page_lists_the_files_for_recipients_without_edit_controls(city, published):
    page = client_for(city.staff_x[0].user).get(reverse("change:detail", args=[published.pk]))

    html = page.content.decode()
    for attachment in published.attachments.all():
        assert reverse("change:attachment_download", args=[attachment.pk]) in html
        assert attachment.original_name in html
        assert reverse("change:attachment_remove", args=[attachment.pk]) not in html
    assert "bi-file-earmark" in html
    assert reverse("change:attachment_add", args=[published.pk]) not in html
    assert "/media/" not in html


def test_the_author_adds_and_removes_files_on_a_draft(
    city, settings, django_capture_on_commit_callbacks
):
    announcement = draft(city, actor=city.kadis.user)
    client = client_for(city.kadis.user)
    page = client.get(reverse("change:detail", args=[announcement.pk])).content.decode()
    assert reverse("change:attachment_add", args=[announcement.pk]) in page

    added = client.post(
        reverse("change:attachment_add", args=[announcement.pk]),
        {"attachments": [SimpleUploadedFile("Denah.png", PNG), pdf()]},
    )
    assert added.status_code == 302
    assert sorted(announcement.attachments.values_list("original_name", flat=True)) == [
        "Denah.png",
        "SK Wali Kota.pdf",
    ]
    png = announcement.attachments.get(original_name="Denah.png")

    with django_capture_on_commit_callbacks(execute=True):
        removed = client.post(reverse("change:attachment_remove", args=[png.pk]))

    assert removed.status_code == 302
    assert list(announcement.attachments.values_list("original_name", flat=True)) == [
        "SK Wali Kota.pdf"
    ]
    assert len(stored_files(settings)) == 1
    event = AuditEvent.objects.get(action="change.attachment.remove")
    assert (event.object_id, event.actor) == (str(png.pk), city.kadis.user)


def test_a_refused_upload_on_the_detail_page_adds_nothing(city, settings):
    announcement = draft(city)

    response = client_for(city.admin).post(
        reverse("change:attachment_add", args=[announcement.pk]),
        {"attachments": [pdf(), SimpleUploadedFile("skrip.html", b"<script>")]},
        follow=True,
    )

    assert "Berkas «skrip.html» tidak dapat dilampirkan" in response.content.decode()
    assert not announcement.attachments.exists()
    assert stored_files(settings) == []


def test_only_the_author_or_instansi_composers_edit_and_only_while_draft(city, published):
    kadis_draft = draft(city)  # by admin, reaches the kepala dinas' unit
    attachments_add(actor=city.admin, announcement=kadis_draft, files=[pdf()])
    theirs = kadis_draft.attachments.get()

    with pytest.raises(PermissionDenied):
        attachment_remove(actor=city.kadis.user, attachment=theirs)
    with pytest.raises(PermissionDenied):
        attachments_add(actor=city.auditor, announcement=kadis_draft, files=[pdf()])
    attachment_remove(actor=city.analyst, attachment=theirs)  # org_analyst, instansi-wide

    sent = published.attachments.first()
    with pytest.raises(ApplicationError) as locked:
        attachment_remove(actor=city.admin, attachment=sent)
    assert locked.value.code == ChangeError.ATTACHMENT_LOCKED
    response = client_for(city.admin).post(reverse("change:attachment_remove", args=[sent.pk]))
    assert response.status_code == 400
    assert published.attachments.count() == 2
    assert client_for(city.auditor).post(
        reverse("change:attachment_add", args=[published.pk])
    ).status_code == 403  # fmt: skip


def test_the_api_detail_lists_name_size_and_download_address(city, published):
    client = client_for(city.staff_y[1].user)

    body = json.loads(client.get(f"/api/v1/change/announcements/{published.pk}").content)

    assert [(a["name"], a["size"]) for a in body["attachments"]] == [
        ("SK Wali Kota.pdf", len(PDF)),
        ("Bagan baru.docx", len(DOCX)),
    ]
    first = body["attachments"][0]
    assert first["download_url"] == reverse("change:attachment_download", args=[first["id"]])
    assert client.get(first["download_url"]).status_code == 200
    assert first["api_url"] == f"/api/v1/change/attachments/{first['id']}"


def test_an_api_client_with_a_token_downloads_what_its_owner_may_read(city, published):
    from penata.accounts.services import api_token_create

    attachment = published.attachments.get(original_name="SK Wali Kota.pdf")
    url = f"/api/v1/change/attachments/{attachment.pk}"

    def with_token(user) -> Client:
        expiry = timezone.now() + timezone.timedelta(days=1)
        _token, secret = api_token_create(actor=None, user=user, name="aplikasi", expires_at=expiry)
        return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    response = with_token(city.staff_y[0].user).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="SK Wali Kota.pdf"'

    for user in (city.guru.user, city.head_disdik):
        refused = with_token(user).get(url)
        assert refused.status_code == 404, user.username
        assert refused.json()["code"] == "not_found"
    assert Client().get(url).status_code == 401
    assert with_token(city.admin).get("/api/v1/change/attachments/999999").status_code == 404
