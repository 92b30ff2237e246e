"""SKP realisation evidence: downloaded as an attachment by the employee, their pejabat
penilai and supervisors, the unit head and admin; 404 for anybody else; never by URL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from penata.performance.models import Indicator, Realisation
from penata.performance.services import evaluation as services
from penata.performance.services.evaluation import RealisationInput

PDF = b"%PDF-1.4\n% laporan kegiatan\n%%EOF\n"


@pytest.fixture
def realisation(city, plan) -> Realisation:
    skp = plan.skp("agus")
    indicator = Indicator.objects.get(rhk__skp=skp)
    services.realisation_save(
        actor=city.users["agus"], skp=skp, kind="periodic", number=1,
        entries=[RealisationInput(indicator.pk, Decimal(2), evidence_file=SimpleUploadedFile(
            "Laporan Januari.pdf", PDF))],
    )  # fmt: skip
    return Realisation.objects.get(indicator=indicator)


def get(city, username: str, url: str):
    client = Client()
    client.force_login(city.users[username])
    return client.get(url)


def test_the_employee_their_superiors_and_admin_download_the_evidence(city, realisation):
    url = reverse("performance:evidence", args=[realisation.pk])

    for username in ("agus", "kasi", "kabid", "kadis", "admin"):
        response = get(city, username, url)
        assert response.status_code == 200, username
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="Laporan Januari.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"


def test_peers_and_other_units_get_404_and_anonymous_signs_in(city, realisation):
    url = reverse("performance:evidence", args=[realisation.pk])

    for username in ("budi", "eko", "dewi"):
        assert get(city, username, url).status_code == 404, username
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_a_realisation_without_file_or_with_a_vanished_file_is_404(city, realisation):
    url = reverse("performance:evidence", args=[realisation.pk])
    realisation.evidence_file.storage.delete(realisation.evidence_file.name)

    assert get(city, "agus", url).status_code == 404
    Realisation.objects.filter(pk=realisation.pk).update(evidence_file="")
    assert get(city, "agus", url).status_code == 404


def test_the_evaluation_page_links_the_download_not_the_stored_file(city, realisation):
    skp = realisation.indicator.rhk.skp
    page = get(city, "kasi", reverse("performance:evaluation", args=[skp.pk, 1]))

    html = page.content.decode()
    assert reverse("performance:evidence", args=[realisation.pk]) in html
    assert "Laporan Januari.pdf" in html
    assert realisation.evidence_file.name not in html
