"""Form fields of the participation pages: parsing and widgets only, no rules (services
decide). Choice lists come from selectors and are passed in by the views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from penata.participation.models.catalog import NAME_MAX, TEXT_MAX
from penata.participation.models.complaints import DESCRIPTION_MAX
from penata.participation.models.forums import BODY_MAX, COMMENT_MAX, TITLE_MAX, ReportReason
from penata.participation.models.skm import SUGGESTION_MAX, AgeBand, Education, Occupation, Sex
from penata.participation.rules import UNSUR
from penata.participation.safety import HONEYPOT_FIELD


class HoneypotMixin(forms.Form):
    """An input people never see; bots that fill every field fill it too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Jangan diisi"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


def _choices(pairs: Any, empty: Any) -> list[tuple[Any, Any]]:
    return [("", empty), *[(str(k), str(v)) for k, v in pairs]]


def _set_choices(form: forms.Form, name: str, choices: list[tuple[Any, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class ComplaintForm(HoneypotMixin):
    category = forms.TypedChoiceField(label=_("Kategori aduan"), coerce=int)
    kelurahan = forms.TypedChoiceField(label=_("Kelurahan lokasi"), coerce=int)
    location = forms.CharField(
        label=_("Detail lokasi (tidak wajib)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Mis. depan Pasar Nusukan, RT 03/RW 05")}),
    )
    description = forms.CharField(
        label=_("Isi aduan"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(
            attrs={"rows": 5, "placeholder": _("Apa yang terjadi, di mana, sejak kapan?")}
        ),
    )
    service = forms.TypedChoiceField(
        label=_("Layanan terkait (tidak wajib)"), coerce=int, required=False, empty_value=None
    )
    unit = forms.TypedChoiceField(
        label=_("Ditujukan kepada (tidak wajib)"), coerce=int, required=False, empty_value=None
    )
    photo = forms.FileField(
        label=_("Foto (tidak wajib)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    reporter_name = forms.CharField(label=_("Nama (tidak wajib)"), required=False, max_length=100)
    reporter_contact = forms.CharField(
        label=_("Nomor HP atau e-mail (tidak wajib)"), required=False, max_length=150
    )

    def __init__(
        self,
        *args: Any,
        categories: Any,
        kelurahan: Any,
        services: Any,
        units: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        category_choices = [(c.pk, c.name) for c in categories]
        _set_choices(self, "category", _choices(category_choices, _("Pilih kategori")))
        kelurahan_choices = [(k.pk, k.name.removeprefix("Kelurahan ")) for k in kelurahan]
        _set_choices(self, "kelurahan", _choices(kelurahan_choices, _("Pilih kelurahan")))
        service_choices = [
            (s.pk, f"{s.name} — {s.unit.short_name or s.unit.name}") for s in services
        ]
        _set_choices(self, "service", _choices(service_choices, _("Tidak ada / tidak tahu")))
        unit_choices = [(u.pk, u.name) for u in units]
        _set_choices(self, "unit", _choices(unit_choices, _("Biarkan petugas yang menentukan")))


class LookupForm(forms.Form):
    kode = forms.CharField(label=_("Kode pelacakan"), max_length=40)


class RatingForm(HoneypotMixin):
    rating = forms.TypedChoiceField(
        label=_("Penilaian Anda"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Komentar (tidak wajib)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SurveyForm(HoneypotMixin):
    age_band = forms.ChoiceField(
        label=_("Usia"), required=False, choices=_choices(AgeBand.choices, _("Tidak diisi"))
    )
    sex = forms.ChoiceField(
        label=_("Jenis kelamin"), required=False, choices=_choices(Sex.choices, _("Tidak diisi"))
    )
    education = forms.ChoiceField(
        label=_("Pendidikan"),
        required=False,
        choices=_choices(Education.choices, _("Tidak diisi")),
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"),
        required=False,
        choices=_choices(Occupation.choices, _("Tidak diisi")),
    )
    suggestion = forms.CharField(
        label=_("Saran dan masukan (tidak wajib)"),
        required=False,
        max_length=SUGGESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for unsur in UNSUR:
            self.fields[unsur.code] = forms.TypedChoiceField(
                label=f"{unsur.code.upper()}. {unsur.question}",
                coerce=int,
                choices=[(i + 1, text) for i, text in enumerate(unsur.answers)],
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )

    def unsur_fields(self) -> list[Any]:
        return [self[u.code] for u in UNSUR]


class CommentForm(HoneypotMixin):
    body = forms.CharField(
        label=_("Komentar Anda"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Boleh memakai **tebal**, *miring*, daftar dan tautan."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReportForm(HoneypotMixin):
    reason = forms.ChoiceField(label=_("Alasan"), choices=ReportReason.choices)
    note = forms.CharField(label=_("Keterangan (tidak wajib)"), required=False, max_length=500)


class CitizenLinkForm(HoneypotMixin):
    display_name = forms.CharField(
        label=_("Nama tampilan"),
        max_length=60,
        help_text=_("Tampil di samping komentar Anda; boleh nama panggilan atau samaran."),
    )
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("Tidak pernah ditampilkan. Tautan masuk dikirim ke sini.")
    )


# --- Staff forms -------------------------------------------------------------------------------


class ServiceForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit penyelenggara"), coerce=int)
    name = forms.CharField(label=_("Nama layanan"), max_length=NAME_MAX)
    description = forms.CharField(
        label=_("Uraian singkat"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    requirements = forms.CharField(
        label=_("Persyaratan"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    procedure = forms.CharField(
        label=_("Sistem, mekanisme dan prosedur"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    time = forms.CharField(label=_("Jangka waktu penyelesaian"), max_length=200)
    cost = forms.CharField(label=_("Biaya/tarif"), max_length=200)
    product = forms.CharField(label=_("Produk pelayanan"), max_length=300)
    complaint_channel = forms.CharField(
        label=_("Penanganan pengaduan, saran dan masukan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    legal_basis = forms.CharField(label=_("Dasar hukum"), required=False, max_length=300)
    is_published = forms.BooleanField(label=_("Tampilkan di katalog publik"), required=False)
    allows_repeat_survey = forms.BooleanField(
        label=_("Izinkan lebih dari satu survei per perangkat (tablet di loket)"), required=False
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "unit", [(u.pk, u.name) for u in units])


class ActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (a, a)
            for a in (
                "verify",
                "assign",
                "start",
                "resolve",
                "reopen",
                "close",
                "reject",
                "respond",
            )
        ]
    )
    message = forms.CharField(required=False, max_length=3000)
    unit = forms.IntegerField(required=False)


class PopulationForm(forms.Form):
    period = forms.CharField(label=_("Periode"), max_length=8)
    population = forms.IntegerField(label=_("Populasi pengguna layanan"), min_value=0)


class RoutingRuleForm(forms.Form):
    category = forms.TypedChoiceField(
        label=_("Kategori"), coerce=int, required=False, empty_value=None
    )
    service = forms.TypedChoiceField(
        label=_("Layanan"), coerce=int, required=False, empty_value=None
    )
    kelurahan = forms.TypedChoiceField(
        label=_("Kelurahan"), coerce=int, required=False, empty_value=None
    )
    unit = forms.TypedChoiceField(label=_("Teruskan ke unit"), coerce=int)
    priority = forms.IntegerField(label=_("Prioritas"), initial=100, min_value=0, max_value=10000)
    is_active = forms.BooleanField(label=_("Aktif"), required=False, initial=True)
    note = forms.CharField(label=_("Catatan"), required=False, max_length=200)

    def __init__(
        self, *args: Any, categories: Any, services: Any, kelurahan: Any, units: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        any_label = _("Semua")
        _set_choices(self, "category", _choices([(c.pk, c.name) for c in categories], any_label))
        _set_choices(self, "service", _choices([(s.pk, s.name) for s in services], any_label))
        _set_choices(self, "kelurahan", _choices([(k.pk, k.name) for k in kelurahan], any_label))
        _set_choices(self, "unit", [(u.pk, u.name) for u in units])


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Nama kategori"), max_length=100)
    sort_order = forms.IntegerField(label=_("Urutan"), initial=0, min_value=0, max_value=10000)
    is_active = forms.BooleanField(label=_("Aktif"), required=False, initial=True)


class SettingsForm(forms.Form):
    response_hours = forms.IntegerField(
        label=_("Target tanggapan (jam)"), min_value=1, max_value=24 * 60
    )
    followup_hours = forms.IntegerField(
        label=_("Target tindak lanjut (jam)"), min_value=1, max_value=24 * 60
    )
    skm_weighting = forms.ChoiceField(
        label=_("Pembobotan IKM"),
        choices=[
            ("rounded", _("0,111 per unsur (PermenPAN-RB 14/2017)")),
            ("exact", _("1/9 per unsur (tepat)")),
        ],
    )
    skm_period_kind = forms.ChoiceField(
        label=_("Periode SKM"),
        choices=[("quarter", _("Triwulan")), ("semester", _("Semester")), ("year", _("Tahun"))],
    )
    forum_moderation = forms.ChoiceField(
        label=_("Moderasi komentar anonim"),
        choices=[
            ("pre", _("Pra-moderasi (tampil setelah disetujui)")),
            ("post", _("Pasca-moderasi (langsung tampil)")),
        ],
    )


class ConsultationForm(forms.Form):
    unit = forms.TypedChoiceField(
        label=_("Unit penyelenggara"), coerce=int, required=False, empty_value=None
    )
    title = forms.CharField(label=_("Judul"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Uraian (Markdown)"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 10})
    )
    opens_at = forms.DateTimeField(
        label=_("Dibuka"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("Ditutup"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    moderation = forms.ChoiceField(
        label=_("Moderasi komentar anonim"),
        choices=[("pre", _("Pra-moderasi")), ("post", _("Pasca-moderasi"))],
    )
    is_published = forms.BooleanField(label=_("Terbitkan"), required=False, initial=True)

    def __init__(self, *args: Any, units: Any, allow_instansi: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(u.pk, u.name) for u in units]
        if allow_instansi:
            choices.insert(0, ("", _("Pemerintah Kota (seluruh instansi)")))
        _set_choices(self, "unit", choices)


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", "approve"), ("hide", "hide"), ("restore", "restore")]
    )
    reason = forms.CharField(required=False, max_length=500)


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Balasan resmi"), max_length=COMMENT_MAX, widget=forms.Textarea)
