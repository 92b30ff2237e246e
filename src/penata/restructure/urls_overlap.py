from django.urls import path

from penata.restructure import views_overlap as views

urlpatterns = [
    path("tumpang-tindih/", views.overlap_home, name="overlap"),
    path("tumpang-tindih/mulai/", views.overlap_start, name="overlap_start"),
    path("tumpang-tindih/peta/", views.overlap_heatmap, name="overlap_heatmap"),
    path("tumpang-tindih/proses/<int:pk>/", views.overlap_progress, name="overlap_progress"),
    path("tumpang-tindih/proses/<int:pk>/batal/", views.overlap_cancel, name="overlap_cancel"),
    path("tumpang-tindih/<int:pk>/", views.overlap_finding, name="overlap_finding"),
    path("tumpang-tindih/<int:pk>/putuskan/", views.overlap_decide, name="overlap_decide"),
    path(
        "tumpang-tindih/<int:pk>/skenario/",
        views.overlap_to_scenario,
        name="overlap_to_scenario",
    ),
]
