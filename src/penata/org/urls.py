from django.urls import path

from penata.org import views

app_name = "org"
urlpatterns = [
    path("", views.unit_tree, name="unit_tree"),
    path("unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("unit/<int:pk>/sub-unit/", views.unit_children, name="unit_children"),
    path("unit/<int:pk>/bagan/", views.unit_chart, name="unit_chart"),
    path("unit/<int:pk>/bagan/data/", views.unit_chart_data, name="unit_chart_data"),
    path("jabatan/<int:pk>/", views.position_detail, name="position_detail"),
]
