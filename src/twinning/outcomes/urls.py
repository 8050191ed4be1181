from operator import attrgetter

from django.urls import path

from twinning.core.files import PrivateFileView
from twinning.outcomes.models import Evidence
from twinning.outcomes.views import dashboard, imports, register

app_name = "outcomes"
# Pages without an API operation, and why (tests/api/test_parity.py).
PAGE_ONLY = {
    "evidence_file": "the file itself, served by the permission-checked route the API lists",
    "export": "a download of a dashboard table; the API answers the same figures as JSON",
    "report": "the PDF of the dashboard for funders; the API answers its figures as JSON",
    "imports": "a spreadsheet uploaded in the browser; scripts run manage.py import_organisations",
    "import_run": "the dry run's report and the progress of an import started from the page",
    "follow_up": "answered from the e-mail's link by its token, without an account or a token",
}
urlpatterns = [
    path("", register.MineView.as_view(), name="mine"),
    path("register/", register.OperatorRegisterView.as_view(), name="register"),
    path("new/", register.RecordView.as_view(), name="record"),
    path("<int:pk>/", register.DetailView.as_view(), name="detail"),
    path("follow-up/<str:token>/", register.FollowUpView.as_view(), name="follow_up"),
    path("<int:pk>/edit/", register.EditView.as_view(), name="edit"),
    path("<int:pk>/move/", register.MoveView.as_view(), name="move"),
    path("<int:pk>/confirm/", register.ConfirmView.as_view(), name="confirm"),
    path("<int:pk>/dispute/", register.DisputeView.as_view(), name="dispute"),
    path("<int:pk>/verify/", register.VerifyView.as_view(), name="verify"),
    path("<int:pk>/evidence/", register.EvidenceAddView.as_view(), name="evidence_add"),
    # The only way to read evidence: the rule is asked about the outcome it belongs to.
    path(
        "evidence/<int:pk>/file/",
        PrivateFileView.as_view(
            model=Evidence,
            permission_required="outcomes.view_evidence",
            target=attrgetter("outcome"),
            filename=attrgetter("name"),
        ),
        name="evidence_file",
    ),
]
urlpatterns += [
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("dashboard/definitions/", dashboard.DefinitionsView.as_view(), name="definitions"),
    path("dashboard/report.pdf", dashboard.ReportView.as_view(), name="report"),
    path("dashboard/<slug:name>.<str:format>", dashboard.ExportView.as_view(), name="export"),
]
urlpatterns += [
    path("imports/", imports.ImportView.as_view(), name="imports"),
    path("imports/<int:pk>/", imports.ImportRunView.as_view(), name="import_run"),
]
