"""InIds: `column IN (ids)` with the list as one parameter, same rows as Django's `__in`."""

from __future__ import annotations

import gc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from penata.core.gc_tuning import freeze_after_startup, gc_paused
from penata.core.id_lists import InIds
from penata.people.models import Assignment, Employee
from tests.factories import AssignmentFactory, EmployeeFactory


@pytest.fixture
def people(instansi):
    return [EmployeeFactory(instansi=instansi) for _ in range(6)]


def test_same_rows_as_the_in_lookup(people):
    wanted = [people[0].pk, people[2].pk, people[5].pk, 10**12]
    found = Employee.objects.filter(InIds("id", wanted)).values_list("pk", flat=True)
    expected = Employee.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    assert sorted(found) == sorted(expected) == sorted(wanted[:3])


def test_an_empty_list_matches_nothing(people):
    assert not Employee.objects.filter(InIds("id", [])).exists()
    assert Employee.objects.exclude(InIds("id", [])).count() == len(people)


def test_negation_and_combination_with_other_filters(people):
    one, two = people[0], people[1]
    one.name = "Bambang"
    one.save()
    rest = Employee.objects.exclude(InIds("id", [one.pk, two.pk]))
    assert set(rest.values_list("pk", flat=True)) == {p.pk for p in people[2:]}
    named = Employee.objects.filter(InIds("id", [one.pk, two.pk]), name="Bambang")
    assert list(named.values_list("pk", flat=True)) == [one.pk]


def test_follows_relations_and_sends_one_parameter_for_the_list(people):
    assignments = [AssignmentFactory(employee=p) for p in people[:3]]
    ids = [people[0].pk, people[1].pk]
    with CaptureQueriesContext(connection) as queries:
        found = list(
            Assignment.objects.filter(InIds("employee__id", ids)).values_list("pk", flat=True)
        )
    assert sorted(found) == sorted(a.pk for a in assignments[:2])
    sql = queries.captured_queries[0]["sql"]
    # Django's __in would send one parameter per id; here the list travels whole.
    query = Assignment.objects.filter(InIds("employee__id", ids)).query
    _sql, params = query.get_compiler(using="default").as_sql()
    assert len(params) == 1
    in_lookup = Assignment.objects.filter(employee__id__in=ids).query
    assert len(in_lookup.get_compiler(using="default").as_sql()[1]) == len(ids)
    if connection.vendor == "sqlite":
        assert "json_each" in sql
    else:
        assert "ANY" in sql


def test_ids_must_be_integers():
    with pytest.raises((TypeError, ValueError)):
        InIds("id", ["1; DROP TABLE people_employee"])


def test_gc_paused_restores_the_collector_even_on_error():
    @gc_paused
    def fails():
        assert not gc.isenabled()
        raise RuntimeError("boom")

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        fails()
    assert gc.isenabled()


def test_freeze_after_startup_moves_objects_to_the_permanent_generation():
    try:
        freeze_after_startup()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
