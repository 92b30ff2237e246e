from __future__ import annotations

import pytest
from django.urls import reverse

from penata.change.models import Announcement, Question, Recipient
from penata.change.services import question_ask
from tests.change.conftest import publish


@pytest.fixture
def client_for(client):
    def make(user):
        client.force_login(user)
        return client

    return make


def test_compose_publish_and_feed(city, client_for):
    c = client_for(city.admin)
    response = c.post(
        reverse("change:compose"),
        {
            "title": "Bidang digabung",
            "body": "Isi **penting**",
            "target_unit": city.bx.pk,
            "target_kinds": ["pelaksana"],
            "ack_due_days": 7,
            "reminder_days": 3,
        },
    )
    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("change:dashboard", args=[announcement.pk])
    page = c.get(response.url).content.decode()
    assert "Draf ini akan dikirim ke 2 pegawai." in page
    assert c.post(reverse("change:publish", args=[announcement.pk])).status_code == 302
    assert Recipient.objects.count() == 2
    staff = client_for(city.staff_x[0].user)
    feed = staff.get(reverse("change:feed_fragment")).content.decode()
    assert "Bidang digabung" in feed and "Perlu konfirmasi" in feed
    staff.post(reverse("change:acknowledge", args=[announcement.pk]))
    assert "Sudah dikonfirmasi" in staff.get(reverse("change:feed")).content.decode()


def test_compose_reports_unknown_nip_and_saves_nothing(city, client_for):
    response = client_for(city.admin).post(
        reverse("change:compose"),
        {"title": "A", "body": "b", "target_nips": "199001012020011001",
         "ack_due_days": 7, "reminder_days": 3},
    )  # fmt: skip
    assert response.status_code == 400
    assert "NIP tidak dikenal: 199001012020011001" in response.content.decode()
    assert not Announcement.objects.exists()


def test_employee_cannot_compose_or_open_the_dashboard(city, client_for):
    announcement = publish(city)
    c = client_for(city.staff_x[0].user)
    assert c.get(reverse("change:compose")).status_code == 403
    assert c.get(reverse("change:dashboard", args=[announcement.pk])).status_code == 403
    assert c.get(reverse("change:detail", args=[announcement.pk])).status_code == 200
    outsider = client_for(city.head_disdik)
    assert outsider.get(reverse("change:dashboard", args=[announcement.pk])).status_code == 404


def test_anonymous_asker_is_hidden_from_the_unit_head_but_not_from_admin(city, client_for):
    announcement = publish(city)
    asker = city.staff_y[1]
    question_ask(actor=asker.user, announcement=announcement,
                 text="Apakah tunjangan kinerja saya berubah?", is_anonymous=True)  # fmt: skip
    head_page = client_for(city.kadis.user).get(reverse("change:detail", args=[announcement.pk]))
    body = head_page.content
    assert b"Apakah tunjangan kinerja saya berubah?" in body
    assert asker.name.encode() not in body and asker.nip.encode() not in body
    assert b"Penanya anonim" in body
    dash = client_for(city.kadis.user).get(reverse("change:dashboard", args=[announcement.pk]))
    # The dashboard lists who has not acknowledged, never who asked what.
    assert b"Apakah tunjangan" not in dash.content
    admin_page = client_for(city.admin).get(reverse("change:detail", args=[announcement.pk]))
    assert asker.name.encode() in admin_page.content
    assert Question.objects.get().asked_by == asker


def test_export_lists_recipients_in_reach(city, client_for):
    import io

    import openpyxl

    announcement = publish(city)
    response = client_for(city.admin).get(reverse("change:export", args=[announcement.pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = sorted(row[1] for row in sheet.iter_rows(min_row=4, values_only=True))
    assert len(names) == 8 and "Dr. Sri Wahyuni" in names


def test_pulse_pages_never_name_respondents(city, client_for):
    from penata.change.services import pulse_open

    announcement = publish(city)
    pulse = pulse_open(actor=city.admin, announcement=announcement, title="Survei kesiapan ke-1")
    people = [city.kabid_y, *city.staff_y, city.kabid_x, *city.staff_x]
    for person in people:
        c = client_for(person.user)
        assert b"Survei kesiapan ke-1" in c.get(reverse("change:feed_fragment")).content
        response = c.post(
            reverse("change:pulse_answer", args=[pulse.pk]),
            {f"a{i}": "2" for i in range(5)},
        )
        assert response.status_code == 302
    head = client_for(city.kadis.user)
    page = head.get(reverse("change:readiness", args=[announcement.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    for person in people:
        assert person.name not in body and person.nip not in body
    assert "kurang dari 5 responden" in body  # Bidang Sumber Daya (4) and Pelayanan (3)
    assert ">25,0<" in body  # the whole reach: 7 answers of 2 → index 25
    again = client_for(city.staff_x[0].user).post(
        reverse("change:pulse_answer", args=[pulse.pk]), {f"a{i}": "5" for i in range(5)}
    )
    assert b"sudah mengisi" in again.content
    assert (
        client_for(city.guru.user).get(reverse("change:pulse_answer", args=[pulse.pk])).status_code
        == 404
    )
