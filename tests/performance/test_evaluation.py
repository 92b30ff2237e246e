"""Evaluations: realisation with evidence, submission, rating by the pejabat penilai, the
predikat matrix through the services, the unit head's rule and JF credit points."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from penata.core.errors import ApplicationError, ValidationFailed
from penata.performance.errors import Refused
from penata.performance.models import (
    Evaluation,
    Indicator,
    OrgPredikat,
    PerformanceSettings,
    Realisation,
    Rhk,
)
from penata.performance.selectors.evaluation import evaluation_view, period_rows
from penata.performance.services import evaluation as services
from penata.performance.services.evaluation import RealisationInput

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"

# DOMAIN §4.1, written out here (not read from rules) so that the wiring is checked too.
MATRIX = {
    ("di_atas", "di_bawah"): "butuh_perbaikan", ("di_atas", "sesuai"): "baik",
    ("di_atas", "di_atas"): "sangat_baik",
    ("sesuai", "di_bawah"): "butuh_perbaikan", ("sesuai", "sesuai"): "baik",
    ("sesuai", "di_atas"): "baik",
    ("di_bawah", "di_bawah"): "sangat_kurang", ("di_bawah", "sesuai"): "kurang",
    ("di_bawah", "di_atas"): "kurang",
}  # fmt: skip


def fill(city, skp, number=1, value="5", who=None, **entry):
    entries = [
        RealisationInput(i.pk, Decimal(value), **entry)
        for i in Indicator.objects.filter(rhk__skp=skp).order_by("pk")
    ]
    kind = "annual" if number == 0 else "periodic"
    return services.realisation_save(
        actor=city.users[who or skp.employee.user.username],
        skp=skp,
        kind=kind,
        number=number,
        entries=entries,
    )


def submitted(city, skp, number=1):
    fill(city, skp, number)
    kind = "annual" if number == 0 else "periodic"
    return services.evaluation_submit(
        actor=city.users[skp.employee.user.username], skp=skp, kind=kind, number=number
    )


def rate(city, evaluation, hasil, perilaku, who="kasi", finalise=False, ratings=None):
    rhks = Rhk.objects.filter(skp_id=evaluation.skp_id)
    return services.evaluation_rate(
        actor=city.users[who],
        evaluation=evaluation,
        rhk_ratings=ratings if ratings is not None else {r.pk: (hasil, "") for r in rhks},
        perilaku_rating=perilaku,
        feedback="Pertahankan.",
        finalise=finalise,
    )


@pytest.mark.parametrize(("perilaku", "hasil"), sorted(MATRIX))
def test_predikat_follows_the_matrix_for_every_cell(city, plan, perilaku, hasil):
    skp = plan.skp("agus")
    evaluation = rate(city, submitted(city, skp), hasil, perilaku)
    assert (evaluation.hasil_kerja_rating, evaluation.perilaku_rating, evaluation.predikat) == (
        hasil,
        perilaku,
        MATRIX[(perilaku, hasil)],
    )
    skp.refresh_from_db()
    assert (skp.predikat, skp.predikat_label, skp.predikat_is_final) == (
        MATRIX[(perilaku, hasil)],
        "Januari 2026",
        False,
    )


def test_hasil_kerja_comes_from_the_rhk_ratings(city, plan):
    skp = plan.skp("agus", rhks=3)
    evaluation = submitted(city, skp)
    rhks = list(Rhk.objects.filter(skp=skp).order_by("pk"))
    # two above, one as expected, no main result below → di atas
    ratings = {
        rhks[0].pk: ("di_atas", "Bagus"),
        rhks[1].pk: ("di_atas", ""),
        rhks[2].pk: ("sesuai", ""),
    }
    assert rate(city, evaluation, None, "sesuai", ratings=ratings).hasil_kerja_rating == "di_atas"
    # one of three main results below (more than 20%) → di bawah
    ratings[rhks[2].pk] = ("di_bawah", "Terlambat")
    assert rate(city, evaluation, None, "sesuai", ratings=ratings).hasil_kerja_rating == "di_bawah"
    assert sorted(evaluation.ratings.values_list("rating", "feedback")) == [
        ("di_atas", ""),
        ("di_atas", "Bagus"),
        ("di_bawah", "Terlambat"),
    ]


# --- realisation ----------------------------------------------------------------------------


def test_realisation_updates_the_indicators_and_the_share(city, plan):
    skp = plan.skp("agus", rhks=2)
    fill(city, skp, 1, value="3", note="  Tiga laporan  ")
    fill(city, skp, 3, value="6")
    fill(city, skp, 2, value="4")  # an earlier period written later does not go back
    values = list(Indicator.objects.filter(rhk__skp=skp).values_list("realised", "realised_on"))
    assert values == [(Decimal("6.00"), dt.date(2026, 3, 31))] * 2
    skp.refresh_from_db()
    assert skp.realisation_share == Decimal("0.5")  # 6 of 12 on both
    first = Realisation.objects.filter(evaluation__number=1).first()
    assert (first.value, first.note, first.updated_by_id) == (
        Decimal("3.00"),
        "Tiga laporan",
        city.users["agus"].pk,
    )


def test_realisation_is_the_employees_after_approval_only(city, plan):
    draft = plan.skp("dewi", approve=False)
    with pytest.raises(ApplicationError) as error:
        fill(city, draft)
    assert error.value.code == "skp.not_approved"
    skp = plan.skp("agus")
    with pytest.raises(Refused) as refused:
        fill(city, skp, who="kasi")
    assert refused.value.code == "skp.not_owner"
    with pytest.raises(ValidationFailed) as period:
        fill(city, skp, 7)  # July has not started on 17 June
    assert period.value.code == "evaluation.period"
    with pytest.raises(ValidationFailed):
        services.realisation_save(
            actor=city.users["agus"], skp=skp, kind="periodic", number=13, entries=[]
        )
    assert not Evaluation.objects.filter(skp=skp).exists()


def test_negative_realisation_and_foreign_indicators_are_refused(city, plan):
    skp = plan.skp("agus")
    other = plan.skp("dewi")
    indicator = Indicator.objects.get(rhk__skp=skp)
    for entry, code in (
        (RealisationInput(indicator.pk, Decimal(-1)), "realisation.value"),
        (
            RealisationInput(Indicator.objects.get(rhk__skp=other).pk, Decimal(1)),
            "realisation.value",
        ),
    ):
        with pytest.raises(ValidationFailed) as error:
            services.realisation_save(
                actor=city.users["agus"], skp=skp, kind="periodic", number=1, entries=[entry]
            )
        assert error.value.code == code
    assert not Realisation.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "link", "code"),
    [
        ("bukti.exe", PDF, "", "evidence.type"),
        ("bukti.pdf", b"MZ not a pdf", "", "evidence.content"),
        ("bukti.pdf", PDF + b"x" * 70_000, "", "evidence.too_large"),
        (None, None, "javascript:alert(1)", "evidence.link"),
        (None, None, "ftp://contoh.go.id/bukti", "evidence.link"),
    ],
)
def test_evidence_is_checked(city, plan, name, content, link, code):
    PerformanceSettings.objects.create(instansi=city.inst, evidence_max_kb=64)
    skp = plan.skp("agus")
    upload = SimpleUploadedFile(name, content) if name else None
    indicator = Indicator.objects.get(rhk__skp=skp)
    with pytest.raises(ValidationFailed) as error:
        services.realisation_save(
            actor=city.users["agus"],
            skp=skp,
            kind="periodic",
            number=1,
            entries=[
                RealisationInput(indicator.pk, Decimal(1), evidence_link=link, evidence_file=upload)
            ],
        )
    assert error.value.code == code
    assert not Realisation.objects.exists()


def test_evidence_file_and_link_are_kept_and_a_new_file_replaces_the_old(city, plan):
    skp = plan.skp("agus")
    indicator = Indicator.objects.get(rhk__skp=skp)

    def save(upload):
        services.realisation_save(
            actor=city.users["agus"],
            skp=skp,
            kind="periodic",
            number=1,
            entries=[
                RealisationInput(
                    indicator.pk,
                    Decimal(2),
                    evidence_link="https://drive.example.go.id/x",
                    evidence_file=upload,
                )
            ],
        )
        return Realisation.objects.get(indicator=indicator)

    first = save(SimpleUploadedFile("laporan januari.pdf", PDF))
    old_path = first.evidence_file.path
    assert (first.evidence_name, first.evidence_link) == (
        "laporan januari.pdf",
        "https://drive.example.go.id/x",
    )
    assert (
        first.evidence_file.name.startswith(f"kinerja/bukti/{city.inst.pk}/")
        and "januari" not in first.evidence_file.name
    )
    second = save(SimpleUploadedFile("revisi.pdf", PDF))
    import os

    assert second.evidence_name == "revisi.pdf" and not os.path.exists(old_path)


# --- submission and rating ------------------------------------------------------------------


def test_submit_needs_every_indicator(city, plan):
    skp = plan.skp("agus", rhks=2)
    first = Indicator.objects.filter(rhk__skp=skp).order_by("pk").first()
    services.realisation_save(
        actor=city.users["agus"],
        skp=skp,
        kind="periodic",
        number=1,
        entries=[RealisationInput(first.pk, Decimal(1))],
    )
    with pytest.raises(ApplicationError) as error:
        services.evaluation_submit(actor=city.users["agus"], skp=skp, kind="periodic", number=1)
    assert error.value.code == "evaluation.incomplete"
    assert Evaluation.objects.get(skp=skp).status == "open"
    fill(city, skp)
    assert (
        services.evaluation_submit(
            actor=city.users["agus"], skp=skp, kind="periodic", number=1
        ).status
        == "submitted"
    )


def test_rating_refusals_change_nothing(city, plan):
    skp = plan.skp("agus")
    fill(city, skp)
    evaluation = Evaluation.objects.get(skp=skp)
    with pytest.raises(ApplicationError) as error:
        rate(city, evaluation, "sesuai", "sesuai")
    assert error.value.code == "evaluation.not_submitted"
    evaluation = submitted(city, skp)
    for who, code in (
        ("agus", "evaluation.self_rating"),
        ("kabid", "evaluation.not_evaluator"),
        ("admin", "evaluation.not_evaluator"),
        ("kadis", "evaluation.not_evaluator"),
    ):
        with pytest.raises(Refused) as refused:
            rate(city, evaluation, "sesuai", "sesuai", who=who)
        assert refused.value.code == code
    with pytest.raises(ValidationFailed) as error:
        rate(city, evaluation, "sesuai", "sesuai", ratings={})
    assert error.value.code == "evaluation.rhk_unrated"
    with pytest.raises(ValidationFailed) as error:
        rate(city, evaluation, "sesuai", "baik")
    assert error.value.code == "evaluation.rating"
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.predikat, evaluation.ratings.count()) == (
        "submitted",
        "",
        0,
    )


def test_rated_evaluations_may_change_until_final(city, plan):
    skp = plan.skp("agus")
    evaluation = rate(city, submitted(city, skp), "sesuai", "sesuai")
    with pytest.raises(ApplicationError) as error:
        fill(city, skp)  # the employee may no longer change a rated period
    assert error.value.code == "evaluation.not_open"
    evaluation = rate(city, evaluation, "di_atas", "di_atas", finalise=True)
    assert (evaluation.status, evaluation.predikat, evaluation.finalised_at is not None) == (
        "final",
        "sangat_baik",
        True,
    )
    with pytest.raises(ApplicationError) as error:
        rate(city, evaluation, "di_bawah", "di_bawah")
    assert error.value.code == "evaluation.final"
    evaluation.refresh_from_db()
    assert evaluation.predikat == "sangat_baik"


def test_plt_rates_and_fallback_manager_rates(city, plan):
    fajar = plan.skp("fajar")
    assert rate(city, submitted(city, fajar), "sesuai", "sesuai", who="rina").predikat == "baik"
    budi = plan.skp("budi")
    assert rate(city, submitted(city, budi), "sesuai", "di_atas", who="kabid").predikat == "baik"


def test_latest_rated_period_and_final_annual_set_the_skp_predikat(city, plan):
    skp = plan.skp("agus")
    rate(city, submitted(city, skp, 2), "di_atas", "di_atas")
    rate(city, submitted(city, skp, 1), "di_bawah", "sesuai")
    skp.refresh_from_db()
    assert (skp.predikat, skp.predikat_label) == ("sangat_baik", "Februari 2026")
    rate(city, submitted(city, skp, 0), "sesuai", "sesuai", finalise=True)
    skp.refresh_from_db()
    assert (skp.predikat, skp.predikat_label, skp.predikat_is_final) == (
        "baik",
        "Tahunan 2026",
        True,
    )


# --- unit heads and JF credit points ----------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "hasil"),
    [
        ("istimewa", "di_atas"),
        ("baik", "sesuai"),
        ("butuh_perbaikan", "di_bawah"),
        ("kurang", "di_bawah"),
        ("sangat_kurang", "di_bawah"),
    ],
)
def test_unit_heads_annual_hasil_kerja_follows_the_organisation(city, plan, org, hasil):
    OrgPredikat.objects.create(instansi=city.inst, unit=city.seksi, year=2026, predikat=org)
    skp = plan.skp("kasi")  # head of Seksi Primer
    evaluation = rate(city, submitted(city, skp, 0), None, "sesuai", who="kabid", ratings={})
    assert (evaluation.hasil_kerja_rating, evaluation.hasil_kerja_from_org) == (hasil, True)
    assert evaluation.predikat == MATRIX[("sesuai", hasil)]


def test_unit_heads_periodic_rating_and_annual_without_org_predikat_use_the_rhk(city, plan):
    skp = plan.skp("kasi")
    OrgPredikat.objects.create(instansi=city.inst, unit=city.seksi, year=2026, predikat="istimewa")
    periodic = rate(city, submitted(city, skp, 1), "di_bawah", "sesuai", who="kabid")
    assert (periodic.hasil_kerja_rating, periodic.hasil_kerja_from_org) == ("di_bawah", False)
    OrgPredikat.objects.all().delete()
    annual = rate(city, submitted(city, skp, 0), "sesuai", "sesuai", who="kabid")
    assert (annual.hasil_kerja_rating, annual.hasil_kerja_from_org) == ("sesuai", False)


def test_staff_annual_rating_ignores_the_org_predikat(city, plan):
    OrgPredikat.objects.create(instansi=city.inst, unit=city.seksi, year=2026, predikat="istimewa")
    skp = plan.skp("agus")
    assert rate(city, submitted(city, skp, 0), "di_bawah", "sesuai").hasil_kerja_from_org is False


@pytest.mark.parametrize(
    ("hasil", "perilaku", "points"),
    [
        ("di_atas", "di_atas", "18.750"),
        ("sesuai", "sesuai", "12.500"),
        ("di_bawah", "sesuai", "9.375"),
        ("sesuai", "di_bawah", "6.250"),
        ("di_bawah", "di_bawah", "3.125"),
    ],
)
def test_jf_annual_evaluation_gives_angka_kredit(city, plan, hasil, perilaku, points):
    skp = plan.skp("nina")  # Epidemiolog Ahli Pertama: 12.5 a year
    evaluation = rate(city, submitted(city, skp, 0), hasil, perilaku)
    assert (evaluation.jf_jenjang, evaluation.angka_kredit) == ("ahli_pertama", Decimal(points))


def test_angka_kredit_uses_the_instansi_coefficients_and_months(city, plan, clock):
    clock.set(dt.date(2026, 12, 21))
    PerformanceSettings.objects.create(instansi=city.inst, ak_coefficients={"ahli_pertama": "15"})
    skp = plan.skp("nina")
    skp.start = dt.date(2026, 7, 1)  # a new appointment in July: six months
    skp.save()
    evaluation = rate(city, submitted(city, skp, 0), "sesuai", "sesuai")
    assert evaluation.angka_kredit == Decimal("7.500")  # 6/12 × 100% × 15


def test_periodic_and_non_jf_evaluations_have_no_angka_kredit(city, plan):
    nina = plan.skp("nina")
    assert rate(city, submitted(city, nina, 1), "sesuai", "sesuai").angka_kredit is None
    agus = plan.skp("agus")
    assert rate(city, submitted(city, agus, 0), "sesuai", "sesuai").angka_kredit is None


# --- what the pages read ------------------------------------------------------------------------


def test_periods_due_and_late_on_17_june(city, plan):
    skp = plan.skp("agus")
    rate(city, submitted(city, skp, 1), "sesuai", "sesuai")
    rows = period_rows(skp, dt.date(2026, 6, 17))
    assert [(r.label, r.is_started, r.is_late) for r in rows[:7]] == [
        ("Januari 2026", True, False),
        ("Februari 2026", True, True),
        ("Maret 2026", True, True),
        ("April 2026", True, True),
        ("Mei 2026", True, True),
        ("Juni 2026", True, False),
        ("Juli 2026", False, False),
    ]
    assert (rows[-1].kind, rows[-1].number, rows[-1].label, rows[-1].is_late) == (
        "annual",
        0,
        "Tahunan 2026",
        False,
    )
    assert rows[4].due == dt.date(2026, 6, 10)


def test_evaluation_view_shows_progress_and_activity_outputs(city, plan):
    from penata.performance.services.activity import ActivityInput, activity_log

    skp = plan.skp("agus")
    rhk = Rhk.objects.get(skp=skp)
    activity_log(
        actor=city.users["agus"],
        data=ActivityInput(dt.date(2026, 6, 16), "Menyusun laporan", 90, rhk.pk, 2),
    )
    activity_log(
        actor=city.users["agus"],
        data=ActivityInput(dt.date(2026, 6, 17), "Menyusun laporan", 30, rhk.pk, 1),
    )
    fill(city, skp, 6, value="6")
    view = evaluation_view(skp, "periodic", 6, dt.date(2026, 6, 17))
    line = view.lines[0]
    assert (line.outputs, line.minutes) == (3, 120)
    progress = line.indicators[0].progress
    assert (progress.realisation_percent, progress.elapsed_percent, progress.status) == (
        Decimal("50.0"),
        Decimal("46.0"),
        "sesuai_jadwal",  # 168 of 365 days
    )
