"""fetch_rows: the rows of a values_list queryset as plain tuples."""

from __future__ import annotations

import pytest

from penata.core.rows import fetch_rows
from penata.org.models import Unit
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_rows_match_values_list_and_an_impossible_filter_gives_none():
    units = [UnitFactory(name=f"Unit {n}") for n in range(3)]
    queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by("pk")
    assert fetch_rows(queryset.values_list("pk", "name")) == list(
        queryset.values_list("pk", "name")
    )
    assert fetch_rows(Unit.objects.filter(pk__in=[]).values_list("pk")) == []
