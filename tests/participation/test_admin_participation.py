"""Django admin of participation: configuration is editable and audited, complaints and
comments are read-only, and the reporter's contact is not shown there."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from penata.core.models import AuditEvent
from penata.participation.models import (
    Complaint,
    ComplaintCategory,
    Consultation,
    ForumComment,
    ParticipationSettings,
    RoutingRule,
    ServiceStandard,
)
from tests.factories import InstansiFactory, UserFactory
from tests.participation.conftest import REPORTER_CONTACT, REPORTER_NAME, submit

pytestmark = pytest.mark.django_db

EDITABLE = [ServiceStandard, ComplaintCategory, RoutingRule, ParticipationSettings, Consultation]
READ_ONLY = [Complaint, ForumComment]


@pytest.fixture
def root(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", EDITABLE + READ_ONLY, ids=lambda m: m.__name__)
def test_changelist_renders_with_a_search(root, model):
    response = root.get(_url(model, "changelist"), {"q": "jalan"})
    assert response.status_code == 200


@pytest.mark.parametrize("model", EDITABLE, ids=lambda m: m.__name__)
def test_add_page_renders(root, model):
    assert root.get(_url(model, "add")).status_code == 200


@pytest.mark.parametrize("model", READ_ONLY, ids=lambda m: m.__name__)
def test_complaints_and_comments_cannot_be_added_or_changed_here(model):
    model_admin = admin.site._registry[model]
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_change_permission(None)
    assert not model_admin.has_delete_permission(None)


def test_complaint_page_hides_the_reporter_contact(root, world):
    complaint = submit(world)
    page = root.get(_url(Complaint, "change", complaint.pk)).content.decode()
    assert complaint.tracking_code in page
    assert "Jalan berlubang besar" in page
    assert REPORTER_CONTACT not in page and REPORTER_NAME not in page


def test_a_category_added_in_the_admin_is_audited(root):
    instansi = InstansiFactory()
    response = root.post(
        _url(ComplaintCategory, "add"),
        {"instansi": instansi.pk, "code": "pju", "name": "Penerangan Jalan", "sort_order": 3,
         "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    category = ComplaintCategory.objects.get(code="pju")
    assert AuditEvent.objects.filter(action="admin.create", object_id=str(category.pk)).exists()
