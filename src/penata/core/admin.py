"""Admin of the audit trail (read-only) and the audit mixin every Penata admin uses.

Admin pages are a face like any other: each write they make is recorded in the append-only
audit trail with the fields before and after (`penata.core.audit.record`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from penata.core import audit
from penata.core.models import AuditEvent

# Never copied into the audit trail as such: a keyed digest still shows that they changed.
REDACTED_FIELDS = frozenset({"password", "key_hash", "nik"})


def _field_names(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name != "id"]


def _snapshot(obj: models.Model | None) -> dict[str, Any]:
    if obj is None:
        return {}
    values = audit.snapshot(obj, _field_names(obj))
    for name in REDACTED_FIELDS & values.keys():
        raw = values[name]
        # Keyed digest: the same value gives the same mark, yet a NIK (few possible values
        # once region and birth date are known) cannot be recovered without the secret key.
        values[name] = (
            "hmac:" + salted_hmac("penata.audit", str(raw)).hexdigest()[:16] if raw else raw
        )
    return values


class AuditedAdmin(admin.ModelAdmin):
    """Records `admin.create`, `admin.change` and `admin.delete` audit events."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before: dict[str, Any] = {}
        if change and obj.pk:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = _snapshot(old)
        super().save_model(request, obj, form, change)
        self.after_save(request, obj, change)
        audit.record(
            actor=request.user,
            action="admin.change" if change else "admin.create",
            obj=obj,
            before=before,
            after=_snapshot(obj),
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Inline rows are writes too: each one saved or deleted gets its own event."""
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            self.delete_model(request, obj)
        for obj in instances:
            is_new = obj.pk is None
            old = None if is_new else type(obj)._default_manager.filter(pk=obj.pk).first()
            self.before_inline_save(request, obj, is_new)
            obj.save()
            audit.record(
                actor=request.user,
                action="admin.create" if is_new else "admin.change",
                obj=obj,
                before=_snapshot(old),
                after=_snapshot(obj),
            )
        formset.save_m2m()

    def before_inline_save(self, request: HttpRequest, obj: Any, is_new: bool) -> None:
        """Hook to fill fields of an inline row from the request (e.g. who granted it)."""

    def after_save(self, request: HttpRequest, obj: Any, change: bool) -> None:
        """Hook for derived fields that must follow a save (e.g. a unit's tree path)."""

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        before = _snapshot(obj)
        object_type, object_id, label = obj._meta.label_lower, obj.pk, str(obj)
        super().delete_model(request, obj)
        audit.record(
            actor=request.user,
            action="admin.delete",
            object_type=object_type,
            object_id=object_id,
            before=before,
            instansi_id=before.get("instansi"),
            extra={"objek": label},
        )

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail is append-only: nobody adds, changes or deletes an event here."""

    list_display = (
        "created_at",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "ip",
    )
    list_filter = ("action", "object_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("actor_label", "object_repr", "object_id", "request_id", "action")
    date_hierarchy = "created_at"
    list_per_page = 50
    readonly_fields = [f.name for f in AuditEvent._meta.fields]
    ordering = ("-created_at", "-id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


admin.site.site_header = _("Administrasi Penata")
admin.site.site_title = _("Admin Penata")
admin.site.index_title = _("Pengelolaan data")
