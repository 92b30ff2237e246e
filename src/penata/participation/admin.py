"""Admin of public participation.

Reference and configuration (service standards, complaint categories, routing rules, SLA and
survey settings, consultations) can be edited here, each write audited. Complaints, their
timelines and forum comments are read-only: their status changes go through the services
(SLA timers, escalation, moderation and notifications) on the staff pages. Citizens' accounts
and survey answers are not shown here at all (personal data; answers are anonymous).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from penata.core.admin import AuditedAdmin
from penata.participation.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    Consultation,
    ForumComment,
    ParticipationSettings,
    RoutingRule,
    ServiceStandard,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Look, never write: these rows change only through their services."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        hidden = set(self.exclude or ())
        return [f.name for f in self.model._meta.concrete_fields if f.name not in hidden]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ServiceStandard)
class ServiceStandardAdmin(AuditedAdmin):
    list_display = ("name", "unit", "time", "cost", "is_published", "updated_at")
    list_filter = ("is_published", "instansi")
    search_fields = ("name", "description", "unit__name")
    autocomplete_fields = ("unit",)
    list_select_related = ("unit",)
    list_per_page = 50


@admin.register(ComplaintCategory)
class ComplaintCategoryAdmin(AuditedAdmin):
    list_display = ("name", "code", "sort_order", "is_active")
    list_filter = ("is_active", "instansi")
    search_fields = ("name", "code")
    list_editable = ("sort_order", "is_active")


@admin.register(RoutingRule)
class RoutingRuleAdmin(AuditedAdmin):
    list_display = ("__str__", "category", "service", "kelurahan", "unit", "priority", "is_active")
    list_filter = ("is_active", "category")
    search_fields = ("note", "unit__name", "kelurahan__name", "service__name")
    autocomplete_fields = ("kelurahan", "unit")
    list_select_related = ("category", "service", "kelurahan", "unit")
    list_per_page = 50


@admin.register(ParticipationSettings)
class ParticipationSettingsAdmin(AuditedAdmin):
    list_display = (
        "instansi",
        "response_hours",
        "followup_hours",
        "skm_weighting",
        "skm_period_kind",
        "forum_moderation",
        "updated_at",
    )


@admin.register(Consultation)
class ConsultationAdmin(AuditedAdmin):
    list_display = ("title", "unit", "opens_at", "closes_at", "moderation", "is_published")
    list_filter = ("is_published", "moderation")
    search_fields = ("title", "body")
    autocomplete_fields = ("unit",)
    readonly_fields = ("body_html", "created_by", "created_at")
    list_select_related = ("unit",)


class ComplaintEventInline(admin.TabularInline):
    model = ComplaintEvent
    fields = ("at", "kind", "status_after", "actor_title", "unit", "message", "is_public")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = ("tracking_code", "status", "category", "unit", "kelurahan", "received_at")
    list_filter = ("status", "category", "channel")
    search_fields = ("tracking_code", "description")
    date_hierarchy = "received_at"
    list_select_related = ("category", "unit", "kelurahan")
    list_per_page = 50
    inlines = (ComplaintEventInline,)
    # The reporter's contact stays on the staff page, where viewing it is scoped.
    exclude = ("reporter_name", "reporter_contact")


@admin.register(ForumComment)
class ForumCommentAdmin(ReadOnlyAdmin):
    list_display = ("consultation", "author_label", "status", "is_answer", "created_at")
    list_filter = ("status", "author_kind", "is_answer")
    search_fields = ("body", "author_label")
    list_select_related = ("consultation",)
    list_per_page = 50
    exclude = ("device_hash", "citizen")
