"""Pages of participation under /layanan/: public ones for citizens, staff ones under kelola/."""

from django.urls import path

from penata.participation.views import (
    public,
    public_complaints,
    public_forum,
    public_survey,
    staff_catalog,
    staff_complaints,
    staff_forum,
)

app_name = "participation"
urlpatterns = [
    # Public
    path("", public.index, name="index"),
    path("healthz/", public.healthz, name="healthz"),
    path("katalog/", public.catalog, name="catalog"),
    path("katalog/<int:pk>/", public.service_detail, name="service_detail"),
    path("aduan/", public_complaints.complaint_new, name="complaint_new"),
    path("aduan/lacak/", public_complaints.complaint_lookup, name="complaint_lookup"),
    path("aduan/status/<str:code>/", public_complaints.complaint_status, name="complaint_status"),
    path("aduan/status/<str:code>/nilai/", public_complaints.complaint_rate, name="complaint_rate"),
    path("survei/<int:pk>/", public_survey.survey, name="survey"),
    path("survei/<int:pk>/terima-kasih/", public_survey.survey_thanks, name="survey_thanks"),
    path("ikm/", public.results_index, name="results_index"),
    path("ikm/layanan/<int:pk>/", public.results_service, name="results_service"),
    path("ikm/unit/<int:pk>/", public.results_unit, name="results_unit"),
    path("unit/<int:pk>/", public.unit_public, name="unit_public"),
    path("forum/", public_forum.forum_list, name="forum_list"),
    path("forum/<int:pk>/", public_forum.forum_detail, name="forum_detail"),
    path("forum/<int:pk>/komentar/", public_forum.forum_comment, name="forum_comment"),
    path("forum/komentar/<int:pk>/dukung/", public_forum.forum_support, name="forum_support"),
    path("forum/komentar/<int:pk>/laporkan/", public_forum.forum_report, name="forum_report"),
    path("forum/masuk/", public_forum.citizen_login, name="citizen_login"),
    path("forum/masuk/<str:token>/", public_forum.citizen_verify, name="citizen_verify"),
    path("forum/keluar/", public_forum.citizen_logout, name="citizen_logout"),
    # Staff
    path("kelola/", staff_catalog.dashboard, name="dashboard"),
    path("kelola/aduan/", staff_complaints.inbox, name="inbox"),
    path("kelola/aduan/triase/", staff_complaints.triage, name="triage"),
    path("kelola/aduan/laporan/", staff_complaints.weekly_report, name="report"),
    path("kelola/aduan/laporan/xlsx/", staff_complaints.weekly_report_xlsx, name="report_xlsx"),
    path("kelola/aduan/laporan/pdf/", staff_complaints.weekly_report_pdf, name="report_pdf"),
    path("kelola/aduan/<int:pk>/", staff_complaints.complaint_detail, name="complaint_detail"),
    path(
        "kelola/aduan/<int:pk>/tindakan/",
        staff_complaints.complaint_action,
        name="complaint_action",
    ),
    path(
        "kelola/aduan/<int:pk>/kontak/",
        staff_complaints.complaint_contact,
        name="complaint_contact",
    ),
    path("kelola/aduan/<int:pk>/foto/", staff_complaints.complaint_photo, name="complaint_photo"),
    path("kelola/layanan/", staff_catalog.service_admin, name="service_admin"),
    path("kelola/layanan/baru/", staff_catalog.service_edit, name="service_create"),
    path("kelola/layanan/<int:pk>/", staff_catalog.service_edit, name="service_edit"),
    path("kelola/layanan/<int:pk>/skm/", staff_catalog.skm_staff, name="skm_staff"),
    path("kelola/layanan/<int:pk>/skm/xlsx/", staff_catalog.skm_xlsx, name="skm_xlsx"),
    path("kelola/unit/<int:pk>/skm/", staff_catalog.skm_staff, {"kind": "unit"}, name="skm_unit"),
    path(
        "kelola/unit/<int:pk>/skm/xlsx/",
        staff_catalog.skm_xlsx,
        {"kind": "unit"},
        name="skm_unit_xlsx",
    ),
    path("kelola/penerusan/", staff_catalog.routing, name="routing"),
    path("kelola/penerusan/<int:pk>/", staff_catalog.routing, name="routing_edit"),
    path("kelola/penerusan/<int:pk>/hapus/", staff_catalog.routing_delete, name="routing_delete"),
    path("kelola/kategori/", staff_catalog.categories, name="categories"),
    path("kelola/kategori/<int:pk>/", staff_catalog.categories, name="category_edit"),
    path("kelola/pengaturan/", staff_catalog.settings_page, name="settings"),
    path("kelola/forum/", staff_forum.consultations, name="consultations"),
    path("kelola/forum/baru/", staff_forum.consultation_edit, name="consultation_create"),
    path("kelola/forum/<int:pk>/", staff_forum.consultation_comments, name="consultation_comments"),
    path("kelola/forum/<int:pk>/ubah/", staff_forum.consultation_edit, name="consultation_edit"),
    path("kelola/forum/komentar/<int:pk>/balas/", staff_forum.comment_reply, name="comment_reply"),
    path(
        "kelola/forum/komentar/<int:pk>/jawaban/", staff_forum.comment_answer, name="comment_answer"
    ),
    path("kelola/moderasi/", staff_forum.moderation, name="moderation"),
    path("kelola/moderasi/<int:pk>/", staff_forum.moderate, name="moderate"),
]
