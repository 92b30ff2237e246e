"""Routing rules: category, service and kelurahan → unit; the triage queue for the rest."""

from __future__ import annotations

import pytest
from django.urls import reverse

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.participation.complaint_rules import RouteRule, route
from penata.participation.models import RoutingRule
from penata.participation.services.routing import routing_rule_save
from tests.participation.conftest import submit

CATEGORY, SERVICE, KELURAHAN = 10, 20, 30


def test_most_specific_rule_wins():
    rules = [
        RouteRule(id=1, unit_id=100, category_id=CATEGORY),
        RouteRule(id=2, unit_id=200, category_id=CATEGORY, kelurahan_id=KELURAHAN),
        RouteRule(id=3, unit_id=300, kelurahan_id=KELURAHAN),
    ]

    decision = route(rules, category_id=CATEGORY, kelurahan_id=KELURAHAN)

    assert (decision.unit_id, decision.rule_id, decision.reason) == (200, 2, "rule")


def test_priority_then_age_break_ties():
    rules = [
        RouteRule(id=5, unit_id=500, category_id=CATEGORY, priority=50),
        RouteRule(id=4, unit_id=400, category_id=CATEGORY, priority=50),
        RouteRule(id=6, unit_id=600, category_id=CATEGORY, priority=10),
    ]

    assert route(rules, category_id=CATEGORY).unit_id == 600
    assert route(rules[:2], category_id=CATEGORY).unit_id == 400


def test_a_rule_without_criteria_never_matches():
    assert route([RouteRule(id=1, unit_id=1)], category_id=CATEGORY).reason == "triage"


def test_fallbacks_service_unit_then_chosen_unit_then_triage():
    other = [RouteRule(id=1, unit_id=100, category_id=99)]

    assert (
        route(other, category_id=CATEGORY, service_id=SERVICE, service_unit_id=7).reason
        == "service"
    )
    assert route(other, category_id=CATEGORY, chosen_unit_id=8).unit_id == 8
    assert route(other, category_id=CATEGORY).reason == "triage"
    assert route(other, category_id=CATEGORY).unit_id is None


@pytest.mark.django_db
def test_submitted_complaints_follow_the_rules(world):
    road = world.categories["jalan-drainase"]
    routing_rule_save(actor=world.users["admin"], instansi=world.inst, unit=world.pu, category=road)
    routing_rule_save(
        actor=world.users["admin"], instansi=world.inst, unit=world.bina_marga, category=road,
        kelurahan=world.jajar,
    )  # fmt: skip

    in_bumi = submit(world, kelurahan=world.bumi)
    in_jajar = submit(world, kelurahan=world.jajar)
    about_ktp = submit(world, category=world.categories["adminduk"], service=world.service)
    addressed = submit(world, category=world.categories["lainnya"], chosen_unit=world.capil)
    nothing = submit(world, category=world.categories["lainnya"])

    assert (in_bumi.unit_id, in_bumi.routing_reason) == (world.pu.pk, "rule")
    assert in_jajar.unit_id == world.bina_marga.pk
    assert (about_ktp.unit_id, about_ktp.routing_reason) == (world.capil.pk, "service")
    assert (addressed.unit_id, addressed.routing_reason) == (world.capil.pk, "chosen_unit")
    assert (nothing.unit_id, nothing.routing_reason) == (None, "triage")


@pytest.mark.django_db
def test_inactive_rules_are_ignored(world):
    routing_rule_save(
        actor=world.users["admin"], instansi=world.inst, unit=world.pu,
        category=world.categories["jalan-drainase"], is_active=False,
    )  # fmt: skip

    assert submit(world).routing_reason == "triage"


@pytest.mark.django_db
def test_rules_need_a_criterion_and_an_admin(world):
    with pytest.raises(ValidationFailed) as error:
        routing_rule_save(actor=world.users["admin"], instansi=world.inst, unit=world.pu)
    assert error.value.code == "routing.no_criterion"
    with pytest.raises(PermissionDenied):
        routing_rule_save(
            actor=world.users["kadis_pu"], instansi=world.inst, unit=world.pu,
            category=world.categories["bansos"],
        )  # fmt: skip
    with pytest.raises(ValidationFailed):
        routing_rule_save(
            actor=world.users["admin"],
            instansi=world.inst,
            unit=world.pu,
            kelurahan=world.kecamatan,
        )
    assert RoutingRule.objects.count() == 0


@pytest.mark.django_db
def test_admin_manages_rules_on_the_page(client, world):
    client.force_login(world.users["admin"])

    created = client.post(
        reverse("participation:routing"),
        {
            "category": world.categories["trantib"].pk,
            "unit": world.pu.pk,
            "priority": 20,
            "is_active": "on",
        },
    )
    rule = RoutingRule.objects.get()
    deleted = client.post(reverse("participation:routing_delete", args=[rule.pk]))

    assert created.status_code == 302
    assert (rule.category_id, rule.unit_id, rule.priority) == (
        world.categories["trantib"].pk,
        world.pu.pk,
        20,
    )
    assert deleted.status_code == 302
    assert RoutingRule.objects.count() == 0


@pytest.mark.django_db
def test_admin_seeds_the_default_categories_once(client, world):
    from penata.participation.models import ComplaintCategory

    ComplaintCategory.objects.filter(code__in=["bansos", "lainnya"]).delete()
    client.force_login(world.users["admin"])

    client.post(reverse("participation:categories"), {"seed": "1"})
    client.post(reverse("participation:categories"), {"seed": "1"})

    assert ComplaintCategory.objects.filter(instansi=world.inst).count() == 10
