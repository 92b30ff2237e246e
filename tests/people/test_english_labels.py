"""Employee status and the other reference labels shown on pages, and the personal-data field
labels, read in English when English is active; the reference tables themselves stay the
Indonesian source text the importers match."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from penata.core import reference
from penata.core.templatetags.penata_web import employee_kind_label
from penata.people.personal_data import label_of
from penata.people.privacy import action_label
from tests.accounts.world import build_world
from tests.factories import EmployeeFactory


@pytest.mark.django_db
def test_employee_status_sex_and_kind_in_english():
    employee = EmployeeFactory(status="tugas_belajar", sex="P", kind="pppk_pw")

    with translation.override("en"):
        shown = (
            employee.get_status_display(),
            employee.get_sex_display(),
            employee.get_kind_display(),
            employee_kind_label("pppk_pw"),
        )

    assert shown == ("Study assignment", "Female", "Part-time PPPK", "Part-time PPPK")
    assert employee.get_status_display() == "Tugas belajar"
    assert reference.EMPLOYEE_STATUSES["meninggal"] == "Meninggal dunia"


def test_personal_data_labels_in_english():
    with translation.override("en"):
        labels = [label_of(f) for f in ("status", "education_major", "nik", "unknown_field")]
        action = action_label("correction.verify")

    assert labels == ["Employment status", "Field of study", "NIK", "unknown_field"]
    assert action == "Correction request approved"
    assert label_of("status") == "Status kepegawaian"


@pytest.mark.django_db
def test_employee_list_filters_and_my_data_read_in_english(in_english):
    world = build_world()
    in_english.force_login(world.users["admin"])

    listing = in_english.get(reverse("people:employee_list")).content.decode()
    in_english.force_login(world.users["employee"])
    my_data = in_english.get(reverse("privacy:my_data")).content.decode()

    assert ">Temporarily suspended</option>" in listing
    assert ">Part-time PPPK</option>" in listing
    assert "Diberhentikan sementara" not in listing
    assert "(now: " in my_data
    assert "(kini: " not in my_data
    assert "Employment status" in my_data
