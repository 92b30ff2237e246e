"""Demo data of the restructure app: two draft scenarios for Dinas Kesehatan, so that the
scenario editor, the comparison with the baseline and the comparison of two scenarios have
something to show the first time the demo opens.

The first scenario is the change the change app's demo announcement tells staff about
(the Bidang Pelayanan dan Sumber Daya Kesehatan keeps one seksi fewer and its pengawas posts
are converted into functional posts); the second is an alternative an analyst might weigh
against it. Operations go through the service, so they are validated like an analyst's."""

from __future__ import annotations

from penata.accounts.models import User
from penata.org.models import Instansi, Position, Unit
from penata.restructure.services import scenario_add_operation, scenario_create

DINKES = "Dinas Kesehatan"


def _unit(instansi: Instansi, name: str, *, under: Unit | None = None) -> Unit:
    units = Unit.objects.filter(instansi=instansi, name=name, valid_to__isnull=True)
    if under is not None:
        units = units.filter(path__startswith=under.path)
    return units.get()


def _head(unit: Unit) -> Position:
    return Position.objects.get(unit=unit, is_unit_head=True, valid_to__isnull=True)


def restructure_demo_load(*, instansi: Instansi) -> None:
    analyst = User.objects.get(username="analis")
    dinkes = _unit(instansi, DINKES)
    pelayanan = _unit(instansi, "Seksi Pelayanan Kesehatan", under=dinkes)
    farmasi = _unit(instansi, "Seksi Kefarmasian dan Alat Kesehatan", under=dinkes)
    sdmk = _unit(instansi, "Seksi Sumber Daya Manusia Kesehatan", under=dinkes)

    first = scenario_create(
        actor=analyst,
        instansi=instansi,
        name="Penyederhanaan Bidang Pelayanan dan SDK Dinkes 2027",
        description=(
            "Seksi Kefarmasian dan Alat Kesehatan digabung ke Seksi Pelayanan Kesehatan; "
            "jabatan pengawas yang tersisa disetarakan menjadi jabatan fungsional."
        ),
    )
    for kind, params in (
        ("unit.merge", {"source": farmasi.pk, "target": pelayanan.pk}),
        ("position.convert", {"position": _head(sdmk).pk}),
        ("position.convert", {"position": _head(pelayanan).pk}),
    ):
        scenario_add_operation(actor=analyst, scenario=first, kind=kind, params=params)

    second = scenario_create(
        actor=analyst,
        instansi=instansi,
        name="Alternatif: gabung Bidang Kesmas dan P2P",
        description=(
            "Pembanding: Bidang Pencegahan dan Pengendalian Penyakit digabung ke Bidang "
            "Kesehatan Masyarakat, seksi tetap."
        ),
    )
    scenario_add_operation(
        actor=analyst,
        scenario=second,
        kind="unit.merge",
        params={
            "source": _unit(instansi, "Bidang Pencegahan dan Pengendalian Penyakit").pk,
            "target": _unit(instansi, "Bidang Kesehatan Masyarakat").pk,
        },
    )
