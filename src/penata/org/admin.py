"""Admin of the organisation: instansi, unit tree, positions (peta jabatan) and duties."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from penata.core.admin import AuditedAdmin
from penata.org.models import Duty, Instansi, Position, Unit


@admin.register(Instansi)
class InstansiAdmin(AuditedAdmin):
    list_display = ("code", "name", "head_title", "effective_minutes")
    search_fields = ("code", "name")


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = (
            "instansi", "parent", "kind", "code", "name", "short_name", "sort_order",
            "region_code", "valid_from", "valid_to", "legal_basis",
        )  # fmt: skip

    def clean_parent(self) -> Unit | None:
        parent: Unit | None = self.cleaned_data.get("parent")
        unit = self.instance
        if parent is not None and unit.pk and parent.path.startswith(unit.path):
            raise forms.ValidationError(
                _("Unit induk tidak boleh unit ini sendiri atau salah satu sub-unitnya.")
            )
        return parent


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    form = UnitForm
    list_display = ("name", "code", "kind", "parent", "depth", "valid_from", "valid_to")
    list_filter = ("kind", "instansi", ("valid_to", admin.EmptyFieldListFilter))
    search_fields = ("name", "code", "short_name", "region_code")
    autocomplete_fields = ("instansi", "parent")
    readonly_fields = ("path", "depth")
    list_select_related = ("parent",)
    list_per_page = 50
    fieldsets = (
        (
            None,
            {"fields": ("instansi", "parent", "kind", "code", "name", "short_name", "sort_order")},
        ),
        (_("Wilayah"), {"fields": ("region_code",)}),
        (_("Masa berlaku"), {"fields": ("valid_from", "valid_to", "legal_basis")}),
        (_("Pohon (otomatis)"), {"fields": ("path", "depth")}),
    )

    def after_save(self, request: HttpRequest, obj: Any, change: bool) -> None:
        """Keep the materialised path of the unit and of its whole subtree in step."""
        parent = obj.parent
        new_path = f"{parent.path if parent else ''}{obj.pk}/"
        old_path = obj.path
        if new_path == old_path:
            return
        shift = (parent.depth + 1 if parent else 0) - obj.depth
        if old_path:
            for unit in Unit.objects.filter(path__startswith=old_path).exclude(pk=obj.pk):
                unit.path = new_path + unit.path.removeprefix(old_path)
                unit.depth += shift
                unit.save(update_fields=["path", "depth"])
        obj.path = new_path
        obj.depth += shift
        obj.save(update_fields=["path", "depth"])


class DutyInline(admin.TabularInline):
    model = Duty
    extra = 0
    fields = ("sort_order", "statement", "output_unit", "volume", "period", "time_norm_minutes")


@admin.register(Position)
class PositionAdmin(AuditedAdmin):
    list_display = (
        "title",
        "unit",
        "kind",
        "jf_jenjang",
        "kelas_jabatan",
        "eselon",
        "is_unit_head",
        "reports_to",
        "valid_to",
    )
    list_filter = (
        "kind",
        "jf_jenjang",
        "is_unit_head",
        "is_penyetaraan",
        "is_critical",
        "instansi",
    )
    search_fields = ("title", "unit__name", "unit__code")
    autocomplete_fields = ("instansi", "unit", "reports_to")
    list_select_related = ("unit", "reports_to")
    list_per_page = 50
    inlines = (DutyInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "instansi",
                    "unit",
                    "title",
                    "kind",
                    "jf_jenjang",
                    "kelas_jabatan",
                    "eselon",
                )
            },
        ),
        (_("Garis pelaporan"), {"fields": ("reports_to", "is_unit_head", "sort_order")}),
        (_("Penandaan"), {"fields": ("is_penyetaraan", "is_critical")}),
        (_("Masa berlaku"), {"fields": ("valid_from", "valid_to", "legal_basis")}),
    )


@admin.register(Duty)
class DutyAdmin(AuditedAdmin):
    list_display = (
        "statement_short",
        "position",
        "output_unit",
        "volume",
        "period",
        "time_norm_minutes",
    )
    list_filter = ("period", "output_unit")
    search_fields = ("statement", "position__title", "output_unit")
    autocomplete_fields = ("instansi", "position")
    list_select_related = ("position",)
    list_per_page = 50

    @admin.display(description=_("uraian tugas"), ordering="statement")
    def statement_short(self, obj: Duty) -> str:
        return obj.statement if len(obj.statement) <= 90 else obj.statement[:87] + "…"
