from django.urls import path

from penata.performance.views import activity, admin_pages, dashboard, evaluation, skp

app_name = "performance"
urlpatterns = [
    # SKP plan
    path("", skp.home, name="home"),
    path("skp/buat/", skp.skp_create, name="skp_create"),
    path("skp/<int:pk>/", skp.skp_detail, name="skp_detail"),
    path("skp/<int:pk>/rhk/tambah/", skp.rhk_add, name="rhk_add"),
    path("skp/<int:pk>/ajukan/", skp.skp_submit, name="skp_submit"),
    path("skp/<int:pk>/setujui/", skp.skp_approve, name="skp_approve"),
    path("skp/<int:pk>/kembalikan/", skp.skp_return, name="skp_return"),
    path("skp/<int:pk>/revisi/", skp.skp_revise, name="skp_revise"),
    path("skp/<int:pk>/versi/", skp.skp_versions, name="skp_versions"),
    path("skp/<int:pk>/ekspektasi/", skp.expectation_add, name="expectation_add"),
    path("ekspektasi/<int:pk>/hapus/", skp.expectation_delete, name="expectation_delete"),
    path("rhk/<int:pk>/ubah/", skp.rhk_edit, name="rhk_edit"),
    path("rhk/<int:pk>/hapus/", skp.rhk_delete, name="rhk_delete"),
    path("rhk/<int:pk>/turunkan/", skp.rhk_cascade, name="rhk_cascade"),
    path("bawahan/", skp.subordinates, name="subordinates"),
    # Evaluation (number 0 = annual)
    path("skp/<int:pk>/evaluasi/<int:number>/", evaluation.evaluation, name="evaluation"),
    path(
        "skp/<int:pk>/evaluasi/<int:number>/realisasi/",
        evaluation.evaluation_realisation,
        name="evaluation_realisation",
    ),
    path(
        "skp/<int:pk>/evaluasi/<int:number>/ajukan/",
        evaluation.evaluation_submit,
        name="evaluation_submit",
    ),
    path(
        "skp/<int:pk>/evaluasi/<int:number>/nilai/",
        evaluation.evaluation_rate,
        name="evaluation_rate",
    ),
    path("bukti/<int:pk>/", evaluation.evidence, name="evidence"),
    # Daily activity log
    path("log/", activity.activity_log, name="activity_log"),
    path("log/<int:pk>/ubah/", activity.activity_edit, name="activity_edit"),
    path("log/<int:pk>/hapus/", activity.activity_delete, name="activity_delete"),
    path("log/pengingat/<int:pk>/tutup/", activity.reminder_dismiss, name="reminder_dismiss"),
    path("log/persetujuan/", activity.activity_review, name="activity_review"),
    # Monitoring
    path("pantauan/", dashboard.dashboard, name="dashboard"),
    path("pantauan/langsung/", dashboard.dashboard_live, name="dashboard_live"),
    path("pantauan/unduh/", dashboard.dashboard_export, name="dashboard_export"),
    path("pantauan/pegawai/<int:pk>/", dashboard.person, name="person"),
    path("pantauan/kota/", dashboard.city, name="city"),
    path("pantauan/kota/unduh/", dashboard.city_export, name="city_export"),
    # BKPSDM administration
    path("pengaturan/", admin_pages.settings_page, name="settings"),
    path("predikat-organisasi/", admin_pages.org_predikat, name="org_predikat"),
    path("kalender/", admin_pages.calendar_page, name="calendar"),
    path("kalender/<int:pk>/hapus/", admin_pages.holiday_delete, name="holiday_delete"),
]
