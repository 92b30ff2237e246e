"""Admin of users, role grants (audited, with who granted them) and API tokens (read-only)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from penata.accounts.models import ApiToken, RoleGrant, User
from penata.core.admin import AuditedAdmin


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    fk_name = "user"
    extra = 0
    autocomplete_fields = ("instansi", "unit")
    fields = ("role", "instansi", "unit", "granted_by", "granted_at")
    readonly_fields = ("granted_by", "granted_at")


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = (
        "username",
        "first_name",
        "last_name",
        "email",
        "is_active",
        "is_staff",
        "last_login",
    )
    inlines = (RoleGrantInline,)

    def before_inline_save(self, request: HttpRequest, obj: Any, is_new: bool) -> None:
        if is_new and isinstance(obj, RoleGrant) and isinstance(request.user, User):
            obj.granted_by = request.user


@admin.register(RoleGrant)
class RoleGrantAdmin(AuditedAdmin):
    list_display = ("user", "role", "instansi", "unit", "granted_at", "granted_by")
    list_filter = ("role", "instansi")
    search_fields = ("user__username", "user__first_name", "user__last_name", "unit__name")
    autocomplete_fields = ("user", "instansi", "unit")
    readonly_fields = ("granted_at", "granted_by")
    list_select_related = ("user", "instansi", "unit", "granted_by")
    list_per_page = 50

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created (secret shown once) and revoked on the token pages (/akun/token/)."""

    list_display = (
        "prefix",
        "name",
        "user",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_used_at",
    )
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("prefix", "name", "user__username")
    readonly_fields = [f.name for f in ApiToken._meta.fields if f.name != "key_hash"]
    exclude = ("key_hash",)
    list_select_related = ("user",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
