"""Pages for film incentives: the public estimator, applications and the operators' queue."""

from twinning.film.views.applications import (
    ApplicationDetailView,
    ApplicationEditView,
    ApproveView,
    DocumentAddView,
    DocumentRemoveView,
    MarkPaidView,
    MyApplicationsView,
    QueueView,
    RejectView,
    RequestChangesView,
    StartReviewView,
    SubmitView,
)
from twinning.film.views.estimates import EstimateLinesView, EstimatorView, SaveDraftView

__all__ = [
    "ApplicationDetailView", "ApplicationEditView", "ApproveView", "DocumentAddView",
    "DocumentRemoveView", "EstimateLinesView", "EstimatorView",
    "MarkPaidView", "MyApplicationsView", "QueueView", "RejectView", "RequestChangesView",
    "SaveDraftView", "StartReviewView", "SubmitView",
]  # fmt: skip
