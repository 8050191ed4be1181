from django.urls import path

from twinning.visits.views import after, documents, invitations, itinerary, planning

app_name = "visits"
urlpatterns = [
    path("", planning.VisitListView.as_view(), name="list"),
    path("new/", planning.VisitCreateView.as_view(), name="create"),
    path("venues/", planning.VenueListView.as_view(), name="venues"),
    path("venues/travel/", planning.TravelTimeSetView.as_view(), name="travel_time"),
    path("rsvp/<str:token>/", invitations.RsvpView.as_view(), name="rsvp"),
    path("follow-up/<str:token>/", after.FollowUpView.as_view(), name="follow_up"),
    path("feed/<str:token>.ics", itinerary.FeedView.as_view(), name="feed"),
    path("<slug:slug>/", planning.VisitDetailView.as_view(), name="detail"),
    path("<slug:slug>/edit/", planning.VisitEditView.as_view(), name="edit"),
    path("<slug:slug>/state/<str:action>/", planning.VisitStateView.as_view(), name="state"),
    path("<slug:slug>/people/", planning.PersonAddView.as_view(), name="person_add"),
    path(
        "<slug:slug>/people/<int:pk>/remove/",
        planning.PersonRemoveView.as_view(),
        name="person_remove",
    ),
    path(
        "<slug:slug>/interpreters/",
        planning.InterpreterAddView.as_view(),
        name="interpreter_add",
    ),
    path(
        "<slug:slug>/sessions/new/",
        planning.SessionCreateView.as_view(),
        name="session_create",
    ),
    path("<slug:slug>/sessions/<int:pk>/", planning.SessionDetailView.as_view(), name="session"),
    path(
        "<slug:slug>/sessions/<int:pk>/edit/",
        planning.SessionEditView.as_view(),
        name="session_edit",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/cancel/",
        planning.SessionCancelView.as_view(),
        name="session_cancel",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/proposals/",
        invitations.ProposalsView.as_view(),
        name="proposals",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/proposals/compute/",
        invitations.ProposalsComputeView.as_view(),
        name="proposals_compute",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/guests/",
        invitations.GuestInviteView.as_view(),
        name="guest_invite",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/attendees/<int:attendee>/withdraw/",
        invitations.AttendeeWithdrawView.as_view(),
        name="attendee_withdraw",
    ),
    path("<slug:slug>/itinerary/", itinerary.ItineraryView.as_view(), name="itinerary"),
    path("<slug:slug>/briefing/", documents.BriefingView.as_view(), name="briefing"),
    path("<slug:slug>/briefing.pdf", documents.BriefingPdfView.as_view(), name="briefing_pdf"),
    path(
        "<slug:slug>/sessions/<int:pk>/briefing/",
        documents.SessionBriefingView.as_view(),
        name="session_briefing",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/briefing.pdf",
        documents.SessionBriefingPdfView.as_view(),
        name="session_briefing_pdf",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/attendance/",
        after.AttendanceView.as_view(),
        name="attendance",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/outcomes/",
        after.OutcomeAddView.as_view(),
        name="outcome_add",
    ),
    path("<slug:slug>/report/", documents.ReportView.as_view(), name="report"),
    path(
        "<slug:slug>/report.<str:kind>",
        documents.ReportDownloadView.as_view(),
        name="report_download",
    ),
    path(
        "<slug:slug>/follow-ups/",
        after.FollowUpsSendView.as_view(),
        name="follow_ups_send",
    ),
]
# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "feed": "already a machine-readable iCalendar feed that calendar applications subscribe to",
    "briefing": "a printable document for people; its data is in the visit and attendee endpoints",
    "briefing_pdf": "a PDF file for people; its data is in the visit and attendee endpoints",
    "session_briefing": "a printable document for people; its data is in the session endpoints",
    "session_briefing_pdf": "a PDF file for people; its data is in the session endpoints",
    "report_download": "the XLSX and PDF files of the report, whose figures GET report answers",
}
