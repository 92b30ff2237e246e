"""Generate the performance demo rows in memory and write them in bulk (see bulk.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from random import Random
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.conf import settings

from penata.performance import rules, schedule
from penata.performance.demo import texts
from penata.performance.demo.activities import insert_activities
from penata.performance.demo.bulk import next_id, reset_sequences
from penata.performance.demo.plans import IndicatorPlan, RhkPlan, SkpPlan, share_of
from penata.performance.demo.world import World
from penata.performance.demo.writing import insert_plans
from penata.performance.models import (
    Activity,
    BehaviourExpectation,
    Evaluation,
    Indicator,
    OrgPredikat,
    PerformanceSettings,
    Realisation,
    Rhk,
    RhkRating,
    Skp,
    SkpVersion,
    WorkCalendar,
)

GRACE_DAYS = 10
# RHK per plan: unit heads two utama (and one tambahan), staff two from their duties.
HEAD_RHK = 2
STAFF_RHK = 2
TWO = Decimal("0.01")
ORG_PREDIKAT_WEIGHTS = (("istimewa", 2), ("baik", 14), ("butuh_perbaikan", 2), ("kurang", 1))
STATUS_WEIGHTS = (("approved", 85), ("submitted", 5), ("draft", 6), ("returned", 4))
# Tables written with explicit ids or without the ORM: their sequences move on afterwards.
WRITTEN = (
    Skp,
    Rhk,
    Indicator,
    Evaluation,
    RhkRating,
    Realisation,
    Activity,
    SkpVersion,
    BehaviourExpectation,
)


class Generator:
    def __init__(self, world: World, *, seed: int, day: dt.date) -> None:
        self.world = world
        self.rng = Random(f"penata-kinerja-{seed}")
        self.day = day
        self.year = day.year
        self.instansi_id = world.instansi.pk
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self._midnights: dict[dt.date, dt.datetime] = {}
        self._hasil: dict[tuple[tuple[str, bool], ...], str] = {}

    # -- helpers --------------------------------------------------------------------------

    def _at(self, day: dt.date, minute_of_day: int) -> dt.datetime:
        """`minute_of_day` minutes after local midnight of `day`, in UTC."""
        midnight = self._midnights.get(day)
        if midnight is None:
            local = dt.datetime.combine(day, dt.time()).replace(tzinfo=self.tz)
            midnight = self._midnights[day] = local.astimezone(dt.UTC)
        return midnight + dt.timedelta(minutes=min(minute_of_day, 23 * 60 + 59))

    def _hasil_kerja(self, ratings: tuple[tuple[str, bool], ...]) -> str:
        """rules.hasil_kerja_rating_from_indicators, remembered per combination of ratings."""
        found = self._hasil.get(ratings)
        if found is None:
            found = self._hasil[ratings] = rules.hasil_kerja_rating_from_indicators(
                [rules.IndicatorRating(cast(rules.Rating, r), main) for r, main in ratings]
            )
        return found

    def _pick(self, weights: tuple[tuple[str, int], ...]) -> str:
        return self.rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]

    # -- the whole load -------------------------------------------------------------------

    def write(self, *, activities: int | None, window_days: int | None) -> dict[str, int]:
        self._settings()
        skps = self._plan_skps()
        evaluations, ratings, realisations = self._plan_evaluations(skps)
        counts = insert_plans(self, skps, evaluations, ratings, realisations)
        counts["activities"] = insert_activities(self, skps, activities, window_days)
        reset_sequences(WRITTEN)
        return counts

    def _settings(self) -> None:
        inst = self.world.instansi
        PerformanceSettings.objects.update_or_create(
            instansi=inst, defaults={"frequency": "monthly", "grace_days": GRACE_DAYS}
        )
        WorkCalendar.objects.update_or_create(instansi=inst, defaults={"working_weekdays": "01234"})
        kadis = self.world.posts.get(self.world.personas.get("kadis", -1))
        persona_pd = self.world.pd_of.get(kadis.unit_id) if kadis else None
        OrgPredikat.objects.bulk_create(
            [
                OrgPredikat(
                    instansi=inst,
                    unit_id=pd,
                    year=self.year,
                    predikat="baik" if pd == persona_pd else self._pick(ORG_PREDIKAT_WEIGHTS),
                    note="Hasil evaluasi kinerja organisasi (data demo)",
                )
                for pd in self.world.pds
            ]
        )

    # -- plans ----------------------------------------------------------------------------

    def _plan_skps(self) -> dict[int, SkpPlan]:
        world, rng = self.world, self.rng
        first = dt.date(self.year, 1, 1)
        skp_id, rhk_id, ind_id = next_id(Skp), next_id(Rhk), next_id(Indicator)
        plans: dict[int, SkpPlan] = {}
        forced = self._forced_statuses()
        for employee_id in sorted(world.posts):
            post = world.posts[employee_id]
            status = forced.get(employee_id) or self._pick(STATUS_WEIGHTS)
            plans[employee_id] = SkpPlan(
                id=skp_id,
                employee_id=employee_id,
                position_id=post.position_id,
                unit_id=post.unit_id,
                pd_id=world.pd_of.get(post.unit_id),
                start=max(first, min(post.start, dt.date(self.year, 12, 31))),
                status=status,
                evaluator=world.line.resolve(post.position_id, employee_id),
                factor=max(0.6, min(1.35, rng.gauss(1.0, 0.12))),
            )
            skp_id += 1
        for plan in plans.values():
            position = world.positions[plan.position_id]
            unit = world.unit_names.get(plan.unit_id, "")
            items: list[tuple[str, str, list[tuple[str, str, int, str]]]] = []
            if position.is_unit_head:
                for n, text in enumerate(texts.HEAD_RHK[:HEAD_RHK]):
                    inds = [texts.HEAD_INDICATORS[0]] + (
                        list(texts.HEAD_INDICATORS[1:]) if n == 0 else []
                    )
                    items.append(("utama", text.format(unit=unit), inds))
                items.append(
                    ("tambahan", texts.HEAD_EXTRA.format(unit=unit), [texts.HEAD_INDICATORS[0]])
                )
            else:
                for n, duty in enumerate(world.duties.get(plan.position_id, [])[:STAFF_RHK]):
                    inds = [
                        (
                            "kuantitas",
                            f"Jumlah {duty.output_unit.lower()} yang diselesaikan",
                            duty.yearly,
                            duty.output_unit.lower(),
                        )
                    ]
                    if n == 0:
                        inds += [
                            (
                                "kualitas",
                                f"Persentase {duty.output_unit.lower()} sesuai standar",
                                100,
                                "%",
                            ),
                            ("waktu", "Waktu penyelesaian", 12, "bulan"),
                        ]
                    items.append(
                        ("utama" if n < 2 else "tambahan", f"{duty.statement} sesuai standar", inds)
                    )
            for order, (kind, text, inds) in enumerate(items, start=1):
                rhk = RhkPlan(rhk_id, plan.id, kind, text[:1000], order)
                rhk_id += 1
                for i_order, (aspect, i_text, target, i_unit) in enumerate(inds, start=1):
                    rhk.indicators.append(
                        IndicatorPlan(
                            ind_id, rhk.id, aspect, i_text, int(target), i_unit[:40], i_order
                        )
                    )
                    ind_id += 1
                plan.rhks.append(rhk)
        for plan in plans.values():  # cascade: each RHK utama intervenes one of the evaluator's
            boss = plans.get(plan.evaluator.employee_id) if plan.evaluator else None
            if boss is None:
                continue
            targets = [r for r in boss.rhks if r.kind == "utama"]
            mine = [r for r in plan.rhks if r.kind == "utama"]
            for n, rhk in enumerate(mine):
                if targets:
                    rhk.parent_id = targets[(n + plan.employee_id) % len(targets)].id
        return plans

    def _forced_statuses(self) -> dict[int, str]:
        """The demo logins see a complete flow: their own plans approved, and the supervisor
        one subordinate plan waiting for approval."""
        personas = self.world.personas
        forced = {personas[u]: "approved" for u in ("kadis", "atasan", "pegawai") if u in personas}
        atasan = personas.get("atasan")
        if atasan is not None:
            for employee_id in sorted(self.world.posts):
                found = self.world.line.resolve(
                    self.world.posts[employee_id].position_id, employee_id
                )
                if found and found.employee_id == atasan and employee_id not in forced:
                    forced[employee_id] = "submitted"
                    break
        return forced

    def _plan_evaluations(
        self, skps: dict[int, SkpPlan]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        rng, day = self.rng, self.day
        evaluation_id = next_id(Evaluation)
        evaluations: list[tuple[Any, ...]] = []
        ratings: list[tuple[Any, ...]] = []
        realisations: list[tuple[Any, ...]] = []
        for plan in skps.values():
            if plan.status != "approved":
                continue
            periods = schedule.skp_periods(
                self.year, "monthly", plan.start, dt.date(self.year, 12, 31)
            )
            due = schedule.due_periods(periods, day, GRACE_DAYS)
            current = [p for p in periods if p.start <= day and p not in due]
            late = 2 if rng.random() < 0.02 else 1 if rng.random() < 0.06 else 0
            rated = due[: len(due) - late] if late else due
            waiting = due[len(rated) :] + (current[:1] if rng.random() < 0.35 else [])
            rater = self.world.users.get(plan.evaluator.employee_id) if plan.evaluator else None
            perilaku_base = rng.random()
            for period in [*rated, *waiting]:
                is_rated = period in rated
                start = max(period.start, plan.start)
                share = min(Decimal(1), Decimal(period.months[-1]) / 12)
                noise = plan.factor * rng.uniform(0.93, 1.07)
                rhk_ratings = []
                # The running period's realisation was written yesterday, never in the future.
                filled_at = self._at(min(period.end, day - dt.timedelta(days=1)), 15 * 60)
                author = self.world.users.get(plan.employee_id)
                factor = share * Decimal(str(round(noise, 3)))
                for rhk in plan.rhks:
                    for ind in rhk.indicators:
                        if ind.aspect == "kuantitas":
                            value = (ind.target * factor).quantize(TWO)
                        elif ind.aspect == "kualitas":
                            value = Decimal(min(100, round(88 + 10 * noise))).quantize(TWO)
                        else:
                            value = Decimal(period.months[-1]).quantize(TWO)
                        row = (self.instansi_id, evaluation_id, ind.id, plan.employee_id, value)
                        realisations.append((*row, "", "", "", "", filled_at, author))
                        if ind.realised_on is None or period.end >= ind.realised_on:
                            ind.realised, ind.realised_on = value, period.end
                    own = noise * rng.uniform(0.96, 1.04)
                    rating = "di_atas" if own > 1.12 else "di_bawah" if own < 0.85 else "sesuai"
                    rhk_ratings.append((rhk, rating))
                if is_rated:
                    perilaku = (
                        "di_atas"
                        if perilaku_base > 0.85
                        else "di_bawah"
                        if perilaku_base < 0.03
                        else "sesuai"
                    )
                    hasil = self._hasil_kerja(
                        tuple((r, rhk.kind == "utama") for rhk, r in rhk_ratings)
                    )
                    predikat = rules.predikat_kinerja(hasil, perilaku)
                    for rhk, rating in rhk_ratings:
                        ratings.append((self.instansi_id, evaluation_id, rhk.id, rating, ""))
                    rated_at = self._at(
                        schedule.due_date(period.end, 0)
                        + dt.timedelta(days=rng.randint(1, GRACE_DAYS)),
                        10 * 60,
                    )
                    plan.predikat, plan.predikat_label = predikat, period.label
                    evaluations.append(
                        (
                            evaluation_id,
                            self.instansi_id,
                            plan.id,
                            plan.employee_id,
                            plan.pd_id,
                            "periodic",
                            period.number,
                            period.label,
                            start,
                            period.end,
                            "final",
                            hasil,
                            False,
                            perilaku,
                            predikat,
                            texts.FEEDBACK[hasil],
                            "",
                            "",
                            None,
                            rated_at,
                            rated_at,
                            rater,
                            rated_at,
                        )
                    )
                else:
                    status = "submitted" if period in due and rng.random() < 0.5 else "open"
                    submitted = self._at(period.end, 16 * 60) if status == "submitted" else None
                    evaluations.append(
                        (
                            evaluation_id,
                            self.instansi_id,
                            plan.id,
                            plan.employee_id,
                            plan.pd_id,
                            "periodic",
                            period.number,
                            period.label,
                            start,
                            period.end,
                            status,
                            "",
                            False,
                            "",
                            "",
                            "",
                            "",
                            "",
                            None,
                            submitted,
                            None,
                            None,
                            None,
                        )
                    )
                evaluation_id += 1
            plan.share = share_of([i for r in plan.rhks for i in r.indicators])
        return evaluations, ratings, realisations

    # -- writing --------------------------------------------------------------------------
