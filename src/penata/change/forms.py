"""Input forms of the change pages (shape and types only; rules live in the services)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from penata.core.reference import POSITION_KINDS


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    body = forms.CharField(
        label=_("Isi pengumuman"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown sederhana: **tebal**, _miring_, daftar, tautan."),
    )
    reason = forms.CharField(
        label=_("Alasan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    benefits = forms.CharField(
        label=_("Manfaat perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    what_changes = forms.CharField(
        label=_("Apa yang berubah, bagi siapa, kapan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    effective_date = forms.DateField(
        label=_("Berlaku mulai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    scenario = forms.TypedChoiceField(
        label=_("Skenario penataan (sasaran = pegawai terdampak, unitnya, atasannya)"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    enactment = forms.TypedChoiceField(
        label=_("Penetapan penataan (sasaran = pegawai yang dipindahkan, unitnya, atasannya)"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    target_unit = forms.TypedChoiceField(
        label=_("Unit sasaran (beserta unit di bawahnya)"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    target_kinds = forms.MultipleChoiceField(
        label=_("Jenis jabatan sasaran"),
        required=False,
        choices=list(POSITION_KINDS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    target_nips = forms.CharField(
        label=_("Daftar NIP penerima (satu per baris)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ack_due_days = forms.IntegerField(
        label=_("Batas konfirmasi (hari)"), min_value=1, max_value=90, initial=7
    )
    reminder_days = forms.IntegerField(
        label=_("Pengingat setiap (hari)"), min_value=1, max_value=30, initial=3
    )

    def __init__(
        self,
        *args: object,
        scenarios: list[tuple[int, str]],
        units: list[tuple[int, str]],
        enactments: list[tuple[int, str]] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        scenario_field = self.fields["scenario"]
        assert isinstance(scenario_field, forms.TypedChoiceField)
        scenario_field.choices = [("", "—"), *scenarios]
        unit_field = self.fields["target_unit"]
        assert isinstance(unit_field, forms.TypedChoiceField)
        unit_field.choices = [("", "—"), *units]
        if not scenarios:
            del self.fields["scenario"]
        enactment_field = self.fields["enactment"]
        assert isinstance(enactment_field, forms.TypedChoiceField)
        enactment_field.choices = [("", "—"), *(enactments or [])]
        if not enactments:
            del self.fields["enactment"]
        for name, field in self.fields.items():
            if name != "target_kinds":
                css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
                field.widget.attrs.setdefault("class", css)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("scenario") is not None and data.get("enactment") is not None:
            self.add_error(
                "enactment",
                _(
                    "Pilih skenario penataan atau penetapan, tidak keduanya: penetapan sudah "
                    "membawa skenarionya."
                ),
            )
        return data

    def nips(self) -> list[str]:
        raw = self.cleaned_data.get("target_nips") or ""
        return [n.strip().replace(" ", "") for n in raw.splitlines() if n.strip()]
