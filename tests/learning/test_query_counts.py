"""The learning lists answer in a fixed number of queries: each page and API list is read
with N rows, then with 3N rows, and may not take one query more (no N+1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from penata.learning import services
from penata.learning.models import JpRecord, TalentPlacement
from tests.factories import PositionFactory
from tests.learning.conftest import person
from tests.learning.test_talent import YEAR, skp

N = 3
API = "/api/v1/pengembangan"


def grow(city: Any, start: int, count: int) -> None:
    """Add `count` of everything the lists show: staff (each in their own unit's post, with an
    SKP, an assessment, a JP line), programmes with two competencies, sessions with
    enrolments, then re-place the 9-box."""
    soon = dt.date.today() + dt.timedelta(days=10)
    for i in range(start, start + count):
        post = PositionFactory(
            unit=city.unit, title=f"Penata Layanan {i}", kind="pelaksana",
            reports_to=city.supervisor_position,
        )  # fmt: skip
        services.standard_set(
            actor=city.admin, position=post, levels={"pelayanan_publik": 3, "integritas": 3}
        )
        user = person(city.instansi, post, f"staf{i}")
        skp(user.employee, post, "sangat_baik")
        services.assessment_record(
            actor=city.admin,
            employee=user.employee,
            source="assessment_centre",
            assessed_on=dt.date(YEAR, 3, 1),
            levels={"pelayanan_publik": 2, "integritas": 3},
            potential_score=D(90),
        )
        JpRecord.objects.create(
            instansi=city.instansi,
            employee=user.employee,
            title=f"Webinar {i}",
            completed_on=dt.date(YEAR, 5, 1),
            year=YEAR,
            minutes=90 * (i + 1),
            status=JpRecord.Status.VERIFIED,
        )
        programme = services.programme_create(
            actor=city.admin,
            instansi=city.instansi,
            code=f"PRG{i}",
            name=f"Pelatihan {i}",
            kind="teknis",
            mode="klasikal",
            jp=D(20),
            provider="BPSDMD",
            cost=D(1000000),
            develops={"pelayanan_publik": 3, "integritas": 3},
        )
        session = services.session_create(
            actor=city.admin,
            programme=programme,
            name=f"Angkatan {i}",
            starts_on=soon,
            ends_on=soon,
            capacity=1,
            place="Balai Kota",
        )
        services.enrolment_bulk(
            actor=city.admin, session=session, employees=[user.employee, city.rekan.employee]
        )
    services.talent_place(actor=city.admin, instansi=city.instansi, year=YEAR)


def measure(call: Callable[[], Any]) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        result = call()
    return len(captured), result


def _get(client: Any, url: str) -> Callable[[], Any]:
    def call() -> Any:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return call


def count_text(marker: str) -> Callable[[Any], int]:
    return lambda response: response.content.decode().count(marker)


def count_json(key: str | None = None, *, total: str | None = None) -> Callable[[Any], int]:
    def rows(response: Any) -> int:
        body = response.json()
        if key is not None:
            return sum(len(item[key]) for item in body)
        if total is not None:
            return sum(item[total] for item in body)
        return len(body)

    return rows


def people_planned(response: Any) -> int:
    return int(response.context["total_people"])


PAGES = [
    ("catalog", lambda c: reverse("learning:catalog"), count_text("Pelatihan ")),
    ("compliance", lambda c: f"{reverse('learning:compliance')}?tahun={YEAR}", count_text("Staf")),
    ("gaps", lambda c: reverse("learning:gaps"), count_text("Penata Layanan ")),
    ("plan", lambda c: f"{reverse('learning:plan')}?tahun={YEAR}", people_planned),
    (
        "talent",
        lambda c: f"{reverse('learning:talent')}?tahun={YEAR}&kotak=9",
        count_text("Staf"),
    ),
    (
        "succession",
        lambda c: f"{reverse('learning:succession', args=[c.supervisor_position.pk])}?tahun={YEAR}",
        count_text("Staf"),
    ),
    ("api programmes", lambda c: f"{API}/program", count_json()),
    ("api sessions", lambda c: f"{API}/angkatan", count_json()),
    ("api compliance", lambda c: f"{API}/kepatuhan-jp?year={YEAR}", count_json()),
    ("api talent", lambda c: f"{API}/talenta?year={YEAR}", count_json("employee_ids")),
    (
        "api succession",
        lambda c: f"{API}/suksesi/{c.supervisor_position.pk}?year={YEAR}",
        count_json(),
    ),
    ("api plan", lambda c: f"{API}/rencana?year={YEAR}", count_json(total="count")),
]


def test_list_query_counts_do_not_grow_with_rows(
    client, city, django_assert_max_num_queries, subtests
):
    # One data set for every list: building it is the slow part of this test.
    client.force_login(city.admin)
    services.standard_set(
        actor=city.admin,
        position=city.supervisor_position,
        levels={"pelayanan_publik": 4, "integritas": 3},
    )
    grow(city, 0, N)
    baseline = {}
    for name, url, rows in PAGES:
        queries, response = measure(_get(client, url(city)))
        baseline[name] = (queries, rows(response))
        assert baseline[name][1] >= N, (name, baseline[name])

    grow(city, N, 2 * N)

    assert TalentPlacement.objects.filter(year=YEAR, box=9).count() == 3 * N
    for name, url, rows in PAGES:
        queries, shown = baseline[name]
        with subtests.test(msg=name):
            with django_assert_max_num_queries(queries):
                response = _get(client, url(city))()
            assert rows(response) >= shown + 2 * N, name
