from django.urls import path

from twinning.visits.views import invitations, itinerary, planning

app_name = "visits"
urlpatterns = [
    path("", planning.visit_list, name="list"),
    path("new/", planning.visit_create, name="create"),
    path("venues/", planning.venue_list, name="venues"),
    path("venues/travel/", planning.travel_time_set, name="travel_time"),
    path("rsvp/<str:token>/", invitations.rsvp, name="rsvp"),
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
]
