from django.urls import path

from penata.change import views, views_attachments

app_name = "change"
urlpatterns = [
    path("", views.feed, name="feed"),
    path("beranda/", views.feed_fragment, name="feed_fragment"),
    path("kelola/", views.manage, name="manage"),
    path("kelola/baru/", views.compose, name="compose"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/konfirmasi/", views.acknowledge, name="acknowledge"),
    path("<int:pk>/tanya/", views.ask, name="ask"),
    path("<int:pk>/terbitkan/", views.publish, name="publish"),
    path("<int:pk>/pantau/", views.dashboard, name="dashboard"),
    path("<int:pk>/pantau/xlsx/", views.export, name="export"),
    path("<int:pk>/ingatkan/", views.remind, name="remind"),
    path("<int:pk>/kesiapan/", views.readiness_page, name="readiness"),
    path("<int:pk>/kesiapan/buka/", views.pulse_open, name="pulse_open"),
    path("<int:pk>/lampiran/", views_attachments.add, name="attachment_add"),
    path("lampiran/<int:pk>/", views_attachments.download, name="attachment_download"),
    path("lampiran/<int:pk>/hapus/", views_attachments.remove, name="attachment_remove"),
    path("survei/<int:pk>/", views.pulse_answer, name="pulse_answer"),
    path("pertanyaan/<int:pk>/jawab/", views.answer, name="answer"),
    path("pertanyaan/<int:pk>/gabung/", views.merge, name="merge"),
]
