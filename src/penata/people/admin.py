"""Admin of employees and their assignments (and the read-only import log)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from penata.core.admin import AuditedAdmin
from penata.people import rules
from penata.people.models import Assignment, Employee, ImportJob


class EmployeeForm(forms.ModelForm):
    """Refuses a NIP that does not decode, or that disagrees with birth date and sex."""

    # Wider than the 18 stored digits: people type the NIP with its spaces (19860926 201505 1 001).
    nip = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=24,
        help_text=_("18 digit; spasi di antara kelompok angka boleh diketik."),
    )

    class Meta:
        model = Employee
        fields = (
            "instansi", "nip", "front_title", "name", "back_title", "user", "kind", "golongan",
            "tmt_golongan", "status", "education", "education_major", "birth_date", "sex", "nik",
            "email", "phone",
        )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        nip = data.get("nip")
        if nip:
            try:
                decoded = rules.parse_nip(nip, kind=data.get("kind"))
            except rules.RuleError as error:
                self.add_error("nip", error.message)
            else:
                data["nip"] = decoded.nip
                for mismatch in rules.nip_mismatches(
                    decoded, birth_date=data.get("birth_date"), sex=data.get("sex")
                ):
                    field = "birth_date" if mismatch.code == "nip.birth_date_mismatch" else "sex"
                    self.add_error(field, mismatch.message)
        kind, golongan = data.get("kind"), data.get("golongan")
        if kind and golongan:
            try:
                rules.golongan_for(kind, golongan)
            except rules.RuleError as error:
                self.add_error("golongan", error.message)
        nik = data.get("nik")
        if nik:
            try:
                rules.parse_nik(nik)
            except rules.RuleError as error:
                self.add_error("nik", error.message)
        return data


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fk_name = "employee"
    extra = 0
    autocomplete_fields = ("position",)
    fields = ("position", "start", "end", "acting", "sk_number", "instansi")


@admin.register(Employee)
class EmployeeAdmin(AuditedAdmin):
    form = EmployeeForm
    list_display = ("name", "nip", "kind", "golongan", "education", "status", "user")
    list_filter = ("kind", "status", "education", "sex", "instansi")
    search_fields = ("name", "nip")
    autocomplete_fields = ("instansi",)
    raw_id_fields = ("user",)
    list_select_related = ("user",)
    list_per_page = 50
    inlines = (AssignmentInline,)
    fieldsets = (
        (None, {"fields": ("instansi", "nip", "front_title", "name", "back_title", "user")}),
        (_("Kepegawaian"), {"fields": ("kind", "golongan", "tmt_golongan", "status")}),
        (_("Pendidikan"), {"fields": ("education", "education_major")}),
        (
            _("Data pribadi"),
            {
                "fields": ("birth_date", "sex", "nik", "email", "phone"),
                "description": _(
                    "NIK adalah data pribadi spesifik (UU 27/2022): isi hanya dari dokumen resmi."
                ),
            },
        ),
    )


@admin.register(Assignment)
class AssignmentAdmin(AuditedAdmin):
    list_display = ("employee", "position", "start", "end", "acting", "sk_number")
    list_filter = ("acting", ("end", admin.EmptyFieldListFilter), "instansi")
    search_fields = ("employee__name", "employee__nip", "position__title", "sk_number")
    autocomplete_fields = ("instansi", "employee", "position")
    list_select_related = ("employee", "position")
    date_hierarchy = "start"
    list_per_page = 50


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """The import log: imports run from the import pages, never from here."""

    list_display = ("created_at", "kind", "original_name", "status", "done", "total", "created_by")
    list_filter = ("status", "kind")
    search_fields = ("original_name",)
    readonly_fields = [f.name for f in ImportJob._meta.fields]
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
