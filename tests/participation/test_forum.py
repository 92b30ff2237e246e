"""Consultations: comments (anonymous, moderated; verified citizens), support, reports,
official replies and answers, moderation with reasons (audited), safe Markdown."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.participation.models import Citizen, Consultation, ForumComment
from penata.participation.safety import Client
from penata.participation.services import forums as services

pytestmark = pytest.mark.django_db
DEVICE = Client("d" * 64, "f" * 64)


@pytest.fixture
def consultation(world):
    now = timezone.now()
    return services.consultation_save(
        actor=world.users["kadis_pu"], instansi=world.inst, unit=world.pu,
        title="Rencana penggabungan Bidang Bina Marga dan Bidang Sumber Daya Air",
        body="## Latar belakang\n\nDua bidang digabung. <script>alert('x')</script> [tautan](javascript:alert(1))",
        opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(days=14), moderation="pre",
    )  # fmt: skip


def test_markdown_is_rendered_safely(client, consultation):
    body = client.get(
        reverse("participation:forum_detail", args=[consultation.pk])
    ).content.decode()

    assert "<h2>Latar belakang</h2>" in body
    assert "<script>alert" not in body
    assert 'href="javascript:' not in consultation.body_html  # left as plain text
    assert "&lt;script&gt;" in consultation.body_html


def test_only_unit_heads_and_admins_open_consultations(world):
    now = timezone.now()
    with pytest.raises(PermissionDenied):
        services.consultation_save(
            actor=world.users["kadis_capil"], instansi=world.inst, unit=world.pu,
            title="Judul konsultasi", body="Uraian konsultasi yang cukup panjang.",
            opens_at=now, closes_at=now + dt.timedelta(days=3), moderation="pre",
        )  # fmt: skip
    assert Consultation.objects.count() == 0


def test_pre_moderation_holds_anonymous_comments(client, world, consultation):
    response = client.post(
        reverse("participation:forum_comment", args=[consultation.pk]),
        {"body": "Setuju, asal **tidak** mengurangi petugas lapangan."},
    )
    page = client.get(
        reverse("participation:forum_detail", args=[consultation.pk])
    ).content.decode()

    comment = ForumComment.objects.get()
    assert response.status_code == 302
    assert comment.status == "pending"
    assert "mengurangi petugas" not in page
    services.comment_moderate(actor=world.users["moderator"], comment=comment, action="approve")
    page = client.get(
        reverse("participation:forum_detail", args=[consultation.pk])
    ).content.decode()
    assert "<strong>tidak</strong> mengurangi petugas" in page


def test_post_moderation_shows_at_once_and_hiding_needs_a_reason(world, consultation):
    consultation.moderation = "post"
    consultation.save()
    comment = services.comment_post(
        consultation=consultation, body="Komentar kasar sekali.", client=DEVICE
    )
    assert comment.status == "published"

    with pytest.raises(ValidationFailed) as error:
        services.comment_moderate(actor=world.users["moderator"], comment=comment, action="hide")
    assert error.value.code == "forum.reason_required"
    services.comment_moderate(
        actor=world.users["moderator"], comment=comment, action="hide", reason="Bahasa kasar."
    )
    services.comment_moderate(
        actor=world.users["moderator"], comment=comment, action="restore", reason="Ditinjau ulang."
    )
    comment.refresh_from_db()
    assert (comment.status, comment.moderation_reason) == ("published", "Ditinjau ulang.")
    actions = list(
        AuditEvent.objects.filter(
            object_type="participation.forumcomment", object_id=str(comment.pk)
        )
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["forum.comment", "forum.hide", "forum.restore"]


def test_only_moderators_moderate(world, consultation):
    comment = services.comment_post(
        consultation=consultation, body="Usul yang baik.", client=DEVICE
    )

    with pytest.raises(PermissionDenied):
        services.comment_moderate(actor=world.users["kadis_pu"], comment=comment, action="approve")
    assert ForumComment.objects.get().status == "pending"


def test_support_once_per_device(client, world, consultation):
    comment = services.comment_post(
        consultation=consultation, body="Usul yang baik.", client=DEVICE
    )
    services.comment_moderate(actor=world.users["moderator"], comment=comment, action="approve")
    url = reverse("participation:forum_support", args=[comment.pk])

    client.post(url)
    client.post(url)
    other = client.__class__(REMOTE_ADDR="10.1.2.3")
    other.post(url)

    comment.refresh_from_db()
    assert comment.support_count == 2


def test_report_puts_the_comment_in_the_queue(client, world, consultation):
    comment = services.comment_post(
        consultation=consultation, body="Nomor HP pak RT 08123456789.", client=DEVICE
    )
    services.comment_moderate(actor=world.users["moderator"], comment=comment, action="approve")

    client.post(reverse("participation:forum_report", args=[comment.pk]), {"reason": "personal"})
    client.post(reverse("participation:forum_report", args=[comment.pk]), {"reason": "spam"})
    client.force_login(world.users["moderator"])
    queue = client.get(reverse("participation:moderation"), {"tab": "reported"}).content.decode()

    comment.refresh_from_db()
    assert comment.report_count == 1
    assert "Memuat data pribadi orang lain" in queue


def test_official_reply_and_answer(client, world, consultation):
    comment = services.comment_post(
        consultation=consultation, body="Apakah ada PHK?", client=DEVICE
    )
    services.comment_moderate(actor=world.users["moderator"], comment=comment, action="approve")
    client.force_login(world.users["kadis_pu"])

    client.post(
        reverse("participation:comment_reply", args=[comment.pk]),
        {"body": "Tidak ada pengurangan pegawai; semua dialihkan ke bidang baru."},
    )
    reply = ForumComment.objects.get(author_kind="official")
    client.post(reverse("participation:comment_answer", args=[reply.pk]), {"is_answer": "1"})
    client.logout()
    page = client.get(
        reverse("participation:forum_detail", args=[consultation.pk])
    ).content.decode()

    reply.refresh_from_db()
    assert reply.is_answer
    assert reply.author_label == "Kepala Dinas Pekerjaan Umum dan Penataan Ruang"
    assert "Jawaban resmi" in page
    assert "Bambang" not in page


def test_closed_consultation_refuses_comments(world, consultation):
    consultation.closes_at = timezone.now() - dt.timedelta(minutes=1)
    consultation.opens_at = consultation.closes_at - dt.timedelta(days=3)
    consultation.save()

    with pytest.raises(ValidationFailed) as error:
        services.comment_post(consultation=consultation, body="Terlambat.", client=DEVICE)
    assert error.value.code == "forum.closed"


def test_citizen_link_is_one_time_and_comments_show_at_once(
    client, world, consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("participation:citizen_login"),
            {"display_name": "Mas Joko", "email": "joko.warga@example.com"},
        )
    link = re.search(
        r"http://testserver(/layanan/forum/masuk/[^/\s]+/)", mail.outbox[0].body
    ).group(1)

    assert client.get(link).status_code == 200  # a confirmation page; the link is still unused
    assert client.post(link).status_code == 302
    assert client.post(link).status_code == 400  # used once
    client.post(
        reverse("participation:forum_comment", args=[consultation.pk]), {"body": "Saya mendukung."}
    )
    page = client.get(
        reverse("participation:forum_detail", args=[consultation.pk])
    ).content.decode()

    comment = ForumComment.objects.get()
    assert (comment.author_kind, comment.status, comment.author_label) == (
        "citizen",
        "published",
        "Mas Joko",
    )
    assert "Mas Joko" in page
    assert "joko.warga@example.com" not in page
    assert Citizen.objects.get().verified_at is not None
