from operator import attrgetter

from django.urls import path

from twinning.core.files import PrivateFileView
from twinning.film import views
from twinning.film.models import ApplicationDocument

app_name = "film"
urlpatterns = [
    path("", views.EstimatorView.as_view(), name="estimator"),
    path("estimate/lines/", views.EstimateLinesView.as_view(), name="estimate_lines"),
    path("estimate/save/", views.SaveDraftView.as_view(), name="save_draft"),
    path("applications/", views.MyApplicationsView.as_view(), name="mine"),
    path("queue/", views.QueueView.as_view(), name="queue"),
    path("applications/<int:pk>/", views.ApplicationDetailView.as_view(), name="application"),
    path("applications/<int:pk>/edit/", views.ApplicationEditView.as_view(), name="edit"),
    path("applications/<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
    path("applications/<int:pk>/review/", views.StartReviewView.as_view(), name="review"),
    path("applications/<int:pk>/changes/", views.RequestChangesView.as_view(), name="changes"),
    path("applications/<int:pk>/approve/", views.ApproveView.as_view(), name="approve"),
    path("applications/<int:pk>/reject/", views.RejectView.as_view(), name="reject"),
    path("applications/<int:pk>/paid/", views.MarkPaidView.as_view(), name="paid"),
    path("applications/<int:pk>/documents/", views.DocumentAddView.as_view(), name="document_add"),
    path(
        "documents/<int:pk>/",
        PrivateFileView.as_view(
            model=ApplicationDocument,
            permission_required="film.view_application",
            target=attrgetter("application"),
            filename=attrgetter("original_name"),
        ),
        name="document",
    ),
    path("documents/<int:pk>/remove/", views.DocumentRemoveView.as_view(), name="document_remove"),
]

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "estimate_lines": "an htmx fragment that adds budget-line rows to the estimator's form",
}
