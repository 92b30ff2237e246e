"""Fixtures shared by the restructure tests: the small city of `test_scenarios.build_city`,
its analyst, admin and auditor, and a scenario with two operations."""

from __future__ import annotations

import pytest

from penata.restructure.services import scenario_add_operation, scenario_create
from tests.factories import InstansiFactory
from tests.restructure.test_scenarios import BASE_DATE, build_city, user_with


@pytest.fixture
def city(db):
    return build_city(InstansiFactory())


@pytest.fixture
def analyst(city):
    return user_with(city.instansi, "org_analyst", "analis")


@pytest.fixture
def admin(city):
    return user_with(city.instansi, "admin", "admin_bkpsdm")


@pytest.fixture
def auditor(city):
    return user_with(city.instansi, "auditor", "inspektur")


@pytest.fixture
def scenario(city, analyst):
    """Bidang Y merged into Bidang X, then Kepala Seksi X1 converted (penyetaraan); the
    operations are stored in Indonesian, as the analyst added them in the default language."""
    s = scenario_create(
        actor=analyst, instansi=city.instansi, name="Penyederhanaan Dinas A", base_date=BASE_DATE
    )
    scenario_add_operation(
        actor=analyst,
        scenario=s,
        kind="unit.merge",
        params={"source": city.units["bidang_y"].pk, "target": city.units["bidang_x"].pk},
    )
    scenario_add_operation(
        actor=analyst,
        scenario=s,
        kind="position.convert",
        params={"position": city.posts["kasi_x1"].pk},
    )
    return s


@pytest.fixture
def alternative(city, analyst):
    """An alternative scenario on the same base: a new bidang under Dinas A."""
    s = scenario_create(
        actor=analyst, instansi=city.instansi, name="Alternatif", base_date=BASE_DATE
    )
    scenario_add_operation(
        actor=analyst,
        scenario=s,
        kind="unit.create",
        params={
            "parent": city.units["dinas"].pk,
            "unit_kind": "bidang",
            "code": "DA.9",
            "name": "Bidang Baru",
        },
    )
    return s
