from django.urls import path

from twinning.programmes import views

app_name = "programmes"
urlpatterns = [
    path("sectors/", views.SectorsView.as_view(), name="sectors"),
    path("sectors/pick/", views.SectorPickerView.as_view(), name="sector_picker"),
    path("sectors/<str:code>/", views.SectorDetailView.as_view(), name="sector"),
]

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "sector_picker": "an htmx fragment of the sector field in forms; GET /api/sectors?q= searches",
}
