from django.urls import path

from twinning.programmes import views

app_name = "programmes"
urlpatterns = [
    path("sectors/", views.SectorsView.as_view(), name="sectors"),
    path("sectors/pick/", views.SectorPickerView.as_view(), name="sector_picker"),
    path("sectors/<str:code>/", views.SectorDetailView.as_view(), name="sector"),
]
