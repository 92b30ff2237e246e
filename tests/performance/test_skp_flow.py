"""The SKP plan flow: draft → submitted → approved / returned, versions after approval, who
may do what, and the pejabat penilai with its fallbacks for vacancies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from penata.core.errors import ApplicationError, ValidationFailed
from penata.core.models import AuditEvent
from penata.performance.errors import Refused
from penata.performance.models import BehaviourExpectation, Indicator, Rhk, Skp, SkpVersion
from penata.performance.selectors.evaluators import evaluatees_of, evaluator_map
from penata.performance.services import rhk as rhk_services
from penata.performance.services import skp as services
from penata.performance.services.rhk import IndicatorInput
from tests.factories import AssignmentFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

INDICATOR = IndicatorInput("kuantitas", "Jumlah laporan pelayanan", Decimal(12), "laporan")


def _snapshot(skp):
    skp.refresh_from_db()
    return (skp.status, skp.version, skp.return_note, Rhk.objects.filter(skp=skp).count())


# --- pejabat penilai ----------------------------------------------------------------------


def test_evaluator_is_the_holder_of_the_position_reported_to(city):
    found = evaluator_map(city.inst.pk, [city.people["agus"].pk, city.people["kabid"].pk])
    agus, kabid = found[city.people["agus"].pk], found[city.people["kabid"].pk]
    assert (agus.employee_id, agus.position_id, agus.acting, agus.is_fallback) == (
        city.people["kasi"].pk,
        city.posts["kasi"].pk,
        "",
        False,
    )
    assert kabid.employee_id == city.people["kadis"].pk


def test_vacant_superior_falls_back_to_the_next_manager_up(city):
    found = evaluator_map(city.inst.pk, [city.people["budi"].pk])[city.people["budi"].pk]
    assert (found.employee_id, found.position_id, found.acting, found.is_fallback) == (
        city.people["kabid"].pk,
        city.posts["kabid"].pk,
        "",
        True,
    )


def test_acting_plt_evaluates_when_the_superior_post_is_vacant(city):
    found = evaluator_map(city.inst.pk, [city.people["fajar"].pk])[city.people["fajar"].pk]
    assert (found.employee_id, found.position_id, found.acting, found.is_fallback) == (
        city.people["rina"].pk,
        city.posts["kabid2"].pk,
        "plt",
        False,
    )


def test_nobody_evaluates_themself_even_as_plt_of_their_superior_post(city):
    found = evaluator_map(city.inst.pk, [city.people["rina"].pk])[city.people["rina"].pk]
    assert (found.employee_id, found.is_fallback) == (city.people["kadis"].pk, True)


def test_top_position_has_no_evaluator(city):
    assert evaluator_map(city.inst.pk, [city.people["kadis"].pk]) == {city.people["kadis"].pk: None}


def test_inactive_holder_is_passed_over(city):
    city.people["kasi"].status = "pensiun"
    city.people["kasi"].save()
    found = evaluator_map(city.inst.pk, [city.people["agus"].pk])[city.people["agus"].pk]
    assert (found.employee_id, found.is_fallback) == (city.people["kabid"].pk, True)


def test_evaluatees_follow_the_same_rules(city):
    names = {pk: k for k, e in city.people.items() for pk in [e.pk]}
    assert sorted(names[e] for e in evaluatees_of(city.inst.pk, city.people["kasi"].pk)) == [
        "agus",
        "dewi",
        "nina",
    ]
    assert sorted(names[e] for e in evaluatees_of(city.inst.pk, city.people["kabid"].pk)) == [
        "budi",
        "kasi",
    ]
    assert sorted(names[e] for e in evaluatees_of(city.inst.pk, city.people["rina"].pk)) == [
        "eko",
        "fajar",
    ]
    assert sorted(names[e] for e in evaluatees_of(city.inst.pk, city.people["kadis"].pk)) == [
        "kabid",
        "rina",
    ]


# --- creating and editing -----------------------------------------------------------------


def test_create_opens_a_draft_on_the_current_post(city):
    skp = services.skp_create(actor=city.users["dewi"], employee=city.people["dewi"], year=2026)
    assert (skp.status, skp.year, skp.position_id, skp.unit_id, skp.perangkat_daerah_id) == (
        "draft",
        2026,
        city.posts["staff"].pk,
        city.seksi.pk,
        city.dinas.pk,
    )
    assert (skp.start, skp.end, skp.frequency) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        "monthly",
    )
    assert skp.evaluator_id == city.people["kasi"].pk  # PPPK too
    assert AuditEvent.objects.filter(action="skp.create", object_id=str(skp.pk)).count() == 1


def test_create_refuses_a_second_plan_and_someone_elses(city, plan):
    plan.skp("agus", approve=False)
    with pytest.raises(ApplicationError) as error:
        services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    assert error.value.code == "skp.exists"
    with pytest.raises(Refused) as refused:
        services.skp_create(actor=city.users["kasi"], employee=city.people["dewi"], year=2026)
    assert refused.value.code == "skp.not_owner"
    assert Skp.objects.filter(employee=city.people["dewi"]).count() == 0


def test_admin_may_open_a_plan_for_an_employee(city):
    skp = services.skp_create(actor=city.users["admin"], employee=city.people["dewi"], year=2026)
    assert skp.employee_id == city.people["dewi"].pk


def test_employee_without_post_cannot_open_a_plan(city):
    loose = EmployeeFactory(instansi=city.inst)
    with pytest.raises(ApplicationError) as error:
        services.skp_create(actor=city.users["admin"], employee=loose, year=2026)
    assert error.value.code == "skp.no_position"


def test_rhk_with_indicators_and_intervention_of_the_superior(city, plan):
    boss = plan.skp("kasi")
    boss_rhk = Rhk.objects.get(skp=boss)
    skp = services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    rhk = rhk_services.rhk_save(
        actor=city.users["agus"],
        skp=skp,
        text="  Tersusunnya   laporan  ",
        kind="utama",
        parent=boss_rhk,
        indicators=[
            INDICATOR,
            IndicatorInput("kualitas", "Laporan sesuai standar", Decimal("100"), "%"),
        ],
    )
    assert (rhk.text, rhk.parent_id, rhk.sort_order) == ("Tersusunnya laporan", boss_rhk.pk, 1)
    assert list(Indicator.objects.filter(rhk=rhk).values_list("aspect", "target", "unit")) == [
        ("kuantitas", Decimal("12.00"), "laporan"),
        ("kualitas", Decimal("100.00"), "%"),
    ]


def test_rhk_may_only_intervene_the_evaluators_rhk(city, plan):
    other = plan.skp("kabid")  # not agus's pejabat penilai
    skp = services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    with pytest.raises(ValidationFailed) as error:
        rhk_services.rhk_save(
            actor=city.users["agus"],
            skp=skp,
            text="Laporan tersusun",
            kind="utama",
            parent=Rhk.objects.get(skp=other),
            indicators=[INDICATOR],
        )
    assert error.value.code == "rhk.parent_not_superior"
    assert not Rhk.objects.filter(skp=skp).exists()


@pytest.mark.parametrize(
    ("indicator", "code"),
    [
        (IndicatorInput("jumlah", "Jumlah laporan", Decimal(1), "laporan"), "indicator.aspect"),
        (IndicatorInput("kuantitas", "ab", Decimal(1), "laporan"), "indicator.text"),
        (IndicatorInput("kuantitas", "Jumlah laporan", Decimal(0), "laporan"), "indicator.target"),
        (IndicatorInput("kuantitas", "Jumlah laporan", Decimal(1), " "), "indicator.unit"),
    ],
)
def test_bad_indicators_are_refused(city, indicator, code):
    skp = services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    with pytest.raises(ValidationFailed) as error:
        rhk_services.rhk_save(
            actor=city.users["agus"],
            skp=skp,
            text="Laporan tersusun",
            kind="utama",
            indicators=[indicator],
        )
    assert error.value.code == code
    assert error.value.extra["field"] == "indicators.1." + code.split(".")[1]
    assert not Rhk.objects.filter(skp=skp).exists()


def test_rhk_needs_an_indicator_and_a_text(city):
    skp = services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    for kwargs, code in (
        ({"text": "Laporan", "indicators": []}, "rhk.no_indicators"),
        ({"text": "abc", "indicators": [INDICATOR]}, "rhk.text"),
    ):
        with pytest.raises(ValidationFailed) as error:
            rhk_services.rhk_save(actor=city.users["agus"], skp=skp, kind="utama", **kwargs)
        assert error.value.code == code


def test_update_keeps_named_indicators_and_drops_the_others(city):
    skp = services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    rhk = rhk_services.rhk_save(
        actor=city.users["agus"],
        skp=skp,
        text="Laporan tersusun",
        kind="utama",
        indicators=[INDICATOR, IndicatorInput("waktu", "Selesai", Decimal(12), "bulan")],
    )
    first = Indicator.objects.filter(rhk=rhk).order_by("sort_order").first()
    rhk_services.rhk_save(
        actor=city.users["agus"],
        skp=skp,
        rhk=rhk,
        text="Laporan tersusun lengkap",
        kind="tambahan",
        indicators=[
            IndicatorInput("kuantitas", "Jumlah laporan", Decimal(24), "laporan", id=first.pk)
        ],
    )
    rhk.refresh_from_db()
    assert (rhk.text, rhk.kind) == ("Laporan tersusun lengkap", "tambahan")
    assert list(Indicator.objects.filter(rhk=rhk).values_list("pk", "target")) == [
        (first.pk, Decimal("24.00"))
    ]


def test_only_the_owner_edits_and_only_while_draft_or_returned(city, plan):
    skp = plan.skp("agus")
    with pytest.raises(ApplicationError) as error:
        rhk_services.rhk_save(
            actor=city.users["agus"],
            skp=skp,
            text="Tambahan baru",
            kind="utama",
            indicators=[INDICATOR],
        )
    assert error.value.code == "skp.not_editable"
    draft = services.skp_create(actor=city.users["dewi"], employee=city.people["dewi"], year=2026)
    with pytest.raises(Refused) as refused:
        rhk_services.rhk_save(
            actor=city.users["kasi"],
            skp=draft,
            text="Dari atasan",
            kind="utama",
            indicators=[INDICATOR],
        )
    assert refused.value.code == "skp.not_owner"
    assert Rhk.objects.filter(skp__in=[skp, draft]).count() == 1


def test_rhk_intervened_by_subordinates_cannot_be_deleted(city, plan):
    boss = plan.skp("kasi", approve=False)
    boss_rhk = Rhk.objects.get(skp=boss)
    mine = services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    rhk_services.rhk_save(
        actor=city.users["agus"],
        skp=mine,
        text="Laporan tersusun",
        kind="utama",
        parent=boss_rhk,
        indicators=[INDICATOR],
    )
    with pytest.raises(ApplicationError) as error:
        rhk_services.rhk_delete(actor=city.users["kasi"], rhk=boss_rhk)
    assert error.value.code == "rhk.has_children"
    assert Rhk.objects.filter(pk=boss_rhk.pk).exists()


# --- the approval flow --------------------------------------------------------------------


def test_submit_needs_a_main_rhk(city, plan):
    skp = plan.skp("agus", approve=False, kinds=("tambahan",))
    with pytest.raises(ApplicationError) as error:
        services.skp_submit(actor=city.users["agus"], skp=skp)
    assert error.value.code == "skp.no_main_rhk"
    assert _snapshot(skp)[0] == "draft"


def test_submit_without_any_evaluator_is_refused(city):
    skp = services.skp_create(actor=city.users["kadis"], employee=city.people["kadis"], year=2026)
    rhk_services.rhk_save(
        actor=city.users["kadis"],
        skp=skp,
        text="Layanan kesehatan meningkat",
        kind="utama",
        indicators=[INDICATOR],
    )
    with pytest.raises(ApplicationError) as error:
        services.skp_submit(actor=city.users["kadis"], skp=skp)
    assert error.value.code == "skp.no_evaluator"
    assert _snapshot(skp)[0] == "draft"


def test_only_the_pejabat_penilai_approves(city, plan):
    skp = plan.skp("agus", approve=False)
    services.skp_submit(actor=city.users["agus"], skp=skp)
    before = _snapshot(skp)
    for who in ("kabid", "kadis", "admin", "dewi"):  # the boss's boss, unit head, admin, a peer
        with pytest.raises(Refused) as error:
            services.skp_approve(actor=city.users[who], skp=skp)
        assert error.value.code == "skp.not_evaluator"
    with pytest.raises(Refused) as error:
        services.skp_approve(actor=city.users["agus"], skp=skp)
    assert error.value.code == "skp.self_approval"
    assert _snapshot(skp) == before
    assert not SkpVersion.objects.filter(skp=skp).exists()
    services.skp_approve(actor=city.users["kasi"], skp=skp)
    assert _snapshot(skp)[:2] == ("approved", 1)


def test_superuser_is_no_pejabat_penilai(city, plan):
    from tests.factories import UserFactory

    root = UserFactory(username="root", is_superuser=True)
    skp = plan.skp("agus", approve=False)
    services.skp_submit(actor=city.users["agus"], skp=skp)
    with pytest.raises(Refused):
        services.skp_approve(actor=root, skp=skp)
    assert _snapshot(skp)[0] == "submitted"


def test_fallback_evaluators_approve(city, plan):
    budi = plan.skp("budi")  # approved by kabid (kasi rujukan vacant)
    fajar = plan.skp("fajar")  # approved by rina as Plt
    assert (budi.status, budi.approved_by_id, budi.evaluator_is_fallback) == (
        "approved",
        city.users["kabid"].pk,
        True,
    )
    assert (fajar.status, fajar.approved_by_id, fajar.evaluator_acting) == (
        "approved",
        city.users["rina"].pk,
        "plt",
    )


def test_return_needs_a_note_and_goes_back_to_the_employee(city, plan):
    skp = plan.skp("agus", approve=False)
    services.skp_submit(actor=city.users["agus"], skp=skp)
    with pytest.raises(ValidationFailed) as error:
        services.skp_return(actor=city.users["kasi"], skp=skp, note=" ")
    assert error.value.code == "skp.note_required"
    services.skp_return(
        actor=city.users["kasi"], skp=skp, note="Target belum selaras dengan RHK seksi."
    )
    skp.refresh_from_db()
    assert (skp.status, skp.return_note) == ("returned", "Target belum selaras dengan RHK seksi.")
    rhk_services.rhk_save(
        actor=city.users["agus"],
        skp=skp,
        text="Laporan kedua tersusun",
        kind="utama",
        indicators=[INDICATOR],
    )
    services.skp_submit(actor=city.users["agus"], skp=skp)
    services.skp_approve(actor=city.users["kasi"], skp=skp)
    skp.refresh_from_db()
    assert (skp.status, skp.version, skp.return_note) == ("approved", 1, "")


def test_changes_after_approval_are_versioned(city, plan):
    skp = plan.skp("agus")
    first = SkpVersion.objects.get(skp=skp)
    assert (first.number, [r["text"] for r in first.snapshot["rhk"]]) == (
        1,
        ["Hasil kerja agus nomor 1"],
    )
    with pytest.raises(ValidationFailed):
        services.skp_revise(actor=city.users["agus"], skp=skp, reason="")
    services.skp_revise(
        actor=city.users["agus"], skp=skp, reason="Tugas tambahan dari kepala seksi"
    )
    skp.refresh_from_db()
    assert (skp.status, skp.version) == ("draft", 1)
    rhk_services.rhk_save(
        actor=city.users["agus"],
        skp=skp,
        text="Tugas tambahan terlaksana",
        kind="tambahan",
        indicators=[INDICATOR],
    )
    services.skp_submit(actor=city.users["agus"], skp=skp)
    services.skp_approve(actor=city.users["kasi"], skp=skp)
    versions = list(SkpVersion.objects.filter(skp=skp).order_by("number"))
    assert [(v.number, v.reason, len(v.snapshot["rhk"])) for v in versions] == [
        (1, "", 1),
        (2, "Tugas tambahan dari kepala seksi", 2),
    ]
    assert versions[0].snapshot["rhk"][0]["indicators"] == [
        {"aspect": "kuantitas", "text": "Jumlah dokumen 1", "target": "12.00", "unit": "dokumen"}
    ]
    skp.refresh_from_db()
    assert (skp.version, skp.revision_reason) == (2, "")


def test_revise_only_an_approved_plan_of_ones_own(city, plan):
    skp = plan.skp("agus")
    with pytest.raises(Refused):
        services.skp_revise(actor=city.users["kasi"], skp=skp, reason="Atasan ingin mengubah")
    draft = plan.skp("dewi", approve=False)
    with pytest.raises(ApplicationError) as error:
        services.skp_revise(actor=city.users["dewi"], skp=draft, reason="Belum disetujui")
    assert error.value.code == "skp.not_approved"


def test_evaluator_is_refreshed_when_a_definitive_head_is_appointed(city, plan):
    skp = plan.skp("budi", approve=False)
    assert skp.evaluator_id == city.people["kabid"].pk
    new_kasi = EmployeeFactory(instansi=city.inst, name="Kasi Rujukan Baru")
    AssignmentFactory(
        employee=new_kasi, position=city.posts["kasi_rujukan"], start=dt.date(2026, 6, 1)
    )
    services.skp_submit(actor=city.users["budi"], skp=skp)
    skp.refresh_from_db()
    assert (skp.evaluator_id, skp.evaluator_is_fallback) == (new_kasi.pk, False)
    with pytest.raises(Refused):
        services.skp_approve(actor=city.users["kabid"], skp=skp)


# --- BerAKHLAK expectations ---------------------------------------------------------------


def test_the_leader_adds_specific_expectations(city, plan):
    skp = plan.skp("agus")
    found = services.expectation_add(
        actor=city.users["kasi"],
        skp=skp,
        value="berorientasi_pelayanan",
        text="Menanggapi aduan warga paling lambat 1×24 jam",
    )
    assert (found.value, found.created_by_id) == ("berorientasi_pelayanan", city.users["kasi"].pk)
    for who, code in (("agus", "skp.self_approval"), ("dewi", "skp.not_evaluator")):
        with pytest.raises(Refused) as error:
            services.expectation_add(
                actor=city.users[who], skp=skp, value="loyal", text="Menjaga rahasia"
            )
        assert error.value.code == code
    with pytest.raises(ValidationFailed) as error:
        services.expectation_add(
            actor=city.users["kasi"], skp=skp, value="rajin", text="Datang pagi hari"
        )
    assert error.value.code == "behaviour.value"
    services.expectation_delete(actor=city.users["kasi"], expectation=found)
    assert not BehaviourExpectation.objects.filter(skp=skp).exists()
