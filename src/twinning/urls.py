from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from twinning.api.urls import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("twinning.core.urls")),
    path("", include("twinning.programmes.urls")),
    path("", include("twinning.organisations.urls")),
    path("events/", include("twinning.events.urls")),
    path("film/", include("twinning.film.urls")),
    path("visits/", include("twinning.visits.urls")),
    path("matching/", include("twinning.matching.urls")),
    path("introductions/", include("twinning.introductions.urls")),
    path("outcomes/", include("twinning.outcomes.urls")),
    path("students/", include("twinning.students.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "set_language": "the API answers in the language of each request's Accept-Language header",
}
