"""Announcements linked to an enactment: audience from its crosswalk (and scenario), the
compose form's enactment choice, the 'not both' rule and the link on the announcement page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from penata.change.audience import audience_from_enactment
from penata.change.errors import ChangeError
from penata.change.models import Announcement
from penata.change.selectors import compose_choices
from penata.change.services import announcement_audience, announcement_create
from penata.core.errors import ValidationFailed
from penata.restructure.services import (
    scenario_add_operation,
    scenario_approve,
    scenario_create,
    scenario_crosswalk,
    scenario_enact,
    scenario_submit,
)

EFFECTIVE = dt.date.today() + dt.timedelta(days=30)


def enact_merge(city, name="Gabung bidang"):
    """Merge Bidang Sumber Daya into Bidang Pelayanan, approved and enacted."""
    scenario = scenario_create(actor=city.analyst, instansi=city.inst, name=name)
    scenario_add_operation(
        actor=city.analyst,
        scenario=scenario,
        kind="unit.merge",
        params={"source": str(city.by.pk), "target": str(city.bx.pk)},
    )
    scenario_submit(actor=city.analyst, scenario=scenario)
    scenario = scenario_approve(actor=city.admin, scenario=scenario)
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    return scenario_enact(
        actor=city.analyst,
        scenario=scenario,
        legal_basis="Perwali Surakarta No. 7 Tahun 2026",
        effective_date=EFFECTIVE,
        crosswalk={row.assignment: row.target for row in proposal.rows},
    )


@pytest.fixture
def client_for(client):
    def make(user):
        client.force_login(user)
        return client

    return make


def test_audience_from_an_enactment_is_the_carried_staff_their_units_and_supervisors(city):
    enactment = enact_merge(city)
    carried = {row["employee"] for row in enactment.crosswalk}
    assert carried == {e.pk for e in [city.kabid_y, *city.staff_y]}

    audience = audience_from_enactment(enactment)

    expected = {e.pk: "affected" for e in [city.kabid_y, *city.staff_y]}
    expected |= {city.kadis.pk: "supervisor"}
    expected |= {e.pk: "unit" for e in [city.kabid_x, *city.staff_x]}
    assert audience == expected
    announcement = announcement_create(
        actor=city.analyst, instansi=city.inst, title="A", body="b", enactment=enactment
    )
    assert (announcement.enactment, announcement.scenario) == (enactment, None)
    assert announcement_audience(announcement) == expected


def test_scenario_and_enactment_together_are_refused(city):
    enactment = enact_merge(city)
    with pytest.raises(ValidationFailed) as raised:
        announcement_create(
            actor=city.analyst,
            instansi=city.inst,
            title="A",
            body="b",
            scenario=enactment.scenario,
            enactment=enactment,
        )
    assert raised.value.code == ChangeError.INVALID
    assert not Announcement.objects.exists()


def test_compose_offers_enactments_by_scenario_name_and_date(city):
    enactment = enact_merge(city, name="Penggabungan Bidang SD")
    label = f"Penggabungan Bidang SD — {EFFECTIVE.day} "
    [(pk, text)] = compose_choices(city.analyst, city.inst).enactments
    assert pk == enactment.pk and text.startswith(label) and text.endswith(str(EFFECTIVE.year))
    # A unit head targets their subtree only; the auditor does not compose at all.
    assert compose_choices(city.kadis.user, city.inst).enactments == []


def test_compose_form_links_an_enactment_and_the_page_shows_it(city, client_for):
    enactment = enact_merge(city)
    c = client_for(city.analyst)
    assert f'value="{enactment.pk}"' in c.get(reverse("change:compose")).content.decode()
    response = c.post(
        reverse("change:compose"),
        {"title": "Bidang digabung", "body": "Isi", "enactment": enactment.pk,
         "ack_due_days": 7, "reminder_days": 3},
    )  # fmt: skip
    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert announcement.enactment == enactment and announcement.scenario is None
    page = c.get(reverse("change:dashboard", args=[announcement.pk])).content.decode()
    assert "Draf ini akan dikirim ke 8 pegawai." in page
    detail = c.get(reverse("change:detail", args=[announcement.pk])).content.decode()
    assert "Terkait penetapan penataan:" in detail
    assert reverse("restructure:enactment", args=[enactment.scenario_id]) in detail
    assert "Perwali Surakarta No. 7 Tahun 2026" in detail


def test_compose_form_refuses_scenario_and_enactment_together(city, client_for):
    enactment = enact_merge(city)
    response = client_for(city.analyst).post(
        reverse("change:compose"),
        {"title": "A", "body": "b", "scenario": enactment.scenario_id,
         "enactment": enactment.pk, "ack_due_days": 7, "reminder_days": 3},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Pilih skenario penataan atau penetapan, tidak keduanya" in response.content.decode()
    assert not Announcement.objects.exists()


def test_compose_ignores_an_enactment_the_actor_may_not_choose(city, client_for):
    enactment = enact_merge(city)
    response = client_for(city.kadis.user).post(
        reverse("change:compose"),
        {"title": "A", "body": "b", "enactment": enactment.pk, "target_unit": city.by.pk,
         "ack_due_days": 7, "reminder_days": 3},
    )  # fmt: skip
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert announcement.enactment is None and announcement.target_unit == city.by
