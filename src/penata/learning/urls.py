from django.urls import path

from penata.learning import views, views_downloads

app_name = "learning"
urlpatterns = [
    path("", views.home, name="home"),
    path("angkatan/<int:session_id>/daftar/", views.enrol, name="enrol"),
    path("pendaftaran/<int:enrolment_id>/batal/", views.enrolment_cancel, name="enrolment_cancel"),
    path(
        "pendaftaran/<int:enrolment_id>/putuskan/", views.enrolment_decide, name="enrolment_decide"
    ),
    path(
        "pendaftaran/<int:enrolment_id>/selesai/",
        views.enrolment_complete,
        name="enrolment_complete",
    ),
    path(
        "pendaftaran/<int:enrolment_id>/sertifikat/",
        views_downloads.certificate,
        name="certificate",
    ),
    path("persetujuan/", views.approvals, name="approvals"),
    path("jp/bukti/", views.evidence_submit, name="evidence_submit"),
    path("jp/bukti/<int:record_id>/putuskan/", views.evidence_decide, name="evidence_decide"),
    path("jp/bukti/<int:record_id>/", views_downloads.jp_evidence, name="jp_evidence"),
    path("jp/", views.compliance, name="compliance"),
    path("kompetensi/", views.dictionary, name="dictionary"),
    path("standar/impor/", views.standard_import, name="standard_import"),
    path("standar/<int:position_id>/", views.standard_edit, name="standard_edit"),
    path("pegawai/<int:employee_id>/", views.employee_competency, name="employee_competency"),
    path("kesenjangan/", views.gaps, name="gaps"),
    path("katalog/", views.catalog, name="catalog"),
    path("katalog/<int:programme_id>/", views.programme_detail, name="programme_detail"),
    path("angkatan/<int:session_id>/", views.session_detail, name="session_detail"),
    path("angkatan/<int:session_id>/peserta/", views.session_bulk, name="session_bulk"),
    path("talenta/", views.talent, name="talent"),
    path("suksesi/<int:position_id>/", views.succession, name="succession"),
    path("rencana/", views.plan, name="plan"),
]
