"""Personal-data pages (config/urls.py mounts them at the site root):

/saya/                          "Data saya": own record, correction requests, access log
/saya/koreksi/                  file a correction request (POST)
/saya/unduh.json, /saya/unduh.xlsx   everything Penata holds about me
/koreksi-data/                  admin: the verification queue
/koreksi-data/<id>/             admin: one request; …/setujui/ and …/tolak/ (POST)
/koreksi-data/<id>/lampiran/    the attachment (its employee, or the deciding admin)
/pelindungan-data/insiden/      admin: breach look-up
"""

from django.urls import path, re_path

from penata.people import views_self as views

app_name = "privacy"
urlpatterns = [
    path("saya/", views.my_data, name="my_data"),
    path("saya/koreksi/", views.correction_create, name="correction_create"),
    re_path(r"^saya/unduh\.(?P<fmt>json|xlsx)$", views.my_data_download, name="my_data_download"),
    path("koreksi-data/", views.correction_queue, name="correction_queue"),
    path("koreksi-data/<int:pk>/", views.correction_detail, name="correction_detail"),
    path("koreksi-data/<int:pk>/setujui/", views.correction_verify, name="correction_verify"),
    path("koreksi-data/<int:pk>/tolak/", views.correction_reject, name="correction_reject"),
    path(
        "koreksi-data/<int:pk>/lampiran/",
        views.correction_attachment,
        name="correction_attachment",
    ),
    path("pelindungan-data/insiden/", views.breach_lookup, name="breach"),
]
