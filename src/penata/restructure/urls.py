from django.urls import include, path

from penata.restructure import views

app_name = "restructure"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("riwayat/", views.history, name="history"),
    path("skenario/", views.scenario_list, name="scenario_list"),
    path("skenario/<int:pk>/", views.scenario_editor, name="scenario_editor"),
    path("skenario/<int:pk>/formulir/", views.operation_form, name="operation_form"),
    path("skenario/<int:pk>/operasi/", views.operation_add, name="operation_add"),
    path("skenario/<int:pk>/batalkan/", views.scenario_undo, name="scenario_undo"),
    path("skenario/<int:pk>/ulangi/", views.scenario_redo, name="scenario_redo"),
    path("skenario/<int:pk>/keputusan/", views.scenario_decide, name="scenario_decide"),
    path("skenario/<int:pk>/cari/<str:what>/", views.search_options, name="search"),
    path("skenario/<int:pk>/banding/", views.comparison, name="comparison"),
    path("skenario/<int:pk>/banding.xlsx", views.comparison_xlsx, name="comparison_xlsx"),
    path("skenario/<int:pk>/banding.pdf", views.comparison_pdf, name="comparison_pdf"),
    path("skenario/<int:pk>/penetapan/", views.enactment, name="enactment"),
    path("", include("penata.restructure.urls_overlap")),
]
