from django.urls import path

from twinning.visits.views import after, documents, invitations, itinerary, planning

app_name = "visits"
urlpatterns = [
    path("", planning.visit_list, name="list"),
    path("new/", planning.visit_create, name="create"),
    path("venues/", planning.venue_list, name="venues"),
    path("venues/travel/", planning.travel_time_set, name="travel_time"),
    path("rsvp/<str:token>/", invitations.rsvp, name="rsvp"),
    path("follow-up/<str:token>/", after.follow_up, name="follow_up"),
    path("feed/<str:token>.ics", itinerary.feed, name="feed"),
    path("<slug:slug>/", planning.visit_detail, name="detail"),
    path("<slug:slug>/edit/", planning.visit_edit, name="edit"),
    path("<slug:slug>/state/<str:action>/", planning.visit_state, name="state"),
    path("<slug:slug>/people/", planning.person_add, name="person_add"),
    path("<slug:slug>/people/<int:pk>/remove/", planning.person_remove, name="person_remove"),
    path("<slug:slug>/interpreters/", planning.interpreter_add, name="interpreter_add"),
    path("<slug:slug>/sessions/new/", planning.session_create, name="session_create"),
    path("<slug:slug>/sessions/<int:pk>/", planning.session_detail, name="session"),
    path("<slug:slug>/sessions/<int:pk>/edit/", planning.session_edit, name="session_edit"),
    path("<slug:slug>/sessions/<int:pk>/cancel/", planning.session_cancel, name="session_cancel"),
    path("<slug:slug>/sessions/<int:pk>/proposals/", invitations.proposals, name="proposals"),
    path(
        "<slug:slug>/sessions/<int:pk>/proposals/compute/",
        invitations.proposals_compute,
        name="proposals_compute",
    ),
    path("<slug:slug>/sessions/<int:pk>/guests/", invitations.guest_invite, name="guest_invite"),
    path(
        "<slug:slug>/sessions/<int:pk>/attendees/<int:attendee>/withdraw/",
        invitations.attendee_withdraw,
        name="attendee_withdraw",
    ),
    path("<slug:slug>/itinerary/", itinerary.itinerary, name="itinerary"),
    path("<slug:slug>/briefing/", documents.briefing, name="briefing"),
    path("<slug:slug>/briefing.pdf", documents.briefing_pdf, name="briefing_pdf"),
    path(
        "<slug:slug>/sessions/<int:pk>/briefing/",
        documents.session_briefing,
        name="session_briefing",
    ),
    path(
        "<slug:slug>/sessions/<int:pk>/briefing.pdf",
        documents.session_briefing_pdf,
        name="session_briefing_pdf",
    ),
    path("<slug:slug>/sessions/<int:pk>/attendance/", after.attendance, name="attendance"),
    path("<slug:slug>/sessions/<int:pk>/outcomes/", after.outcome_add, name="outcome_add"),
    path("<slug:slug>/report/", documents.report, name="report"),
    path("<slug:slug>/report.<str:kind>", documents.report_download, name="report_download"),
    path("<slug:slug>/follow-ups/", after.follow_ups_send, name="follow_ups_send"),
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
