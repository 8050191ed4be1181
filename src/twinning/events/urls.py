from django.urls import path

from twinning.events.views import operator, participant, public, schedule

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path("new/", operator.event_create, name="create"),
    path("invitation/<str:token>/", public.rsvp, name="rsvp"),
    path("feed/<str:token>.ics", participant.personal_feed, name="feed"),
    path("requests/<int:pk>/<str:action>/", participant.request_respond, name="request_respond"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/event.ics", public.event_ics, name="event_ics"),
    path("<slug:slug>/register/", participant.register, name="register"),
    path("<slug:slug>/participants/", participant.participant_browser, name="participants"),
    path(
        "<slug:slug>/participants/<int:pk>/request/",
        participant.request_create,
        name="request_create",
    ),
    path("<slug:slug>/requests/", participant.my_requests, name="my_requests"),
    path("<slug:slug>/availability/", participant.availability, name="availability"),
    path("<slug:slug>/agenda/", participant.agenda, name="agenda"),
    path("<slug:slug>/agenda/<int:pk>/", participant.agenda, name="agenda_of"),
    path("<slug:slug>/feedback/<int:pk>/", participant.feedback, name="feedback"),
    path("<slug:slug>/manage/", operator.manage, name="manage"),
    path("<slug:slug>/manage/edit/", operator.event_edit, name="edit"),
    path("<slug:slug>/manage/state/<str:action>/", operator.event_state, name="state"),
    path(
        "<slug:slug>/manage/registrations/<int:pk>/<str:action>/",
        operator.registration_decide,
        name="registration_decide",
    ),
    path("<slug:slug>/manage/invite/", operator.invitation_send, name="invite"),
    path("<slug:slug>/manage/setup/", operator.setup, name="setup"),
    path("<slug:slug>/manage/setup/grid/", operator.grid_save, name="grid_save"),
    path("<slug:slug>/manage/setup/tables/", operator.tables_save, name="tables_save"),
    path("<slug:slug>/manage/setup/tables/<int:pk>/", operator.table_save, name="table_save"),
    path(
        "<slug:slug>/manage/setup/interpreters/", operator.interpreter_save, name="interpreter_save"
    ),
    path(
        "<slug:slug>/manage/setup/interpreters/<int:pk>/delete/",
        operator.interpreter_delete,
        name="interpreter_delete",
    ),
    path("<slug:slug>/manage/schedule/", schedule.schedule, name="schedule"),
    path("<slug:slug>/manage/schedule/run/", schedule.run_start, name="run_start"),
    path("<slug:slug>/manage/runs/<int:pk>/", schedule.run_progress, name="run_progress"),
    path("<slug:slug>/manage/meetings/<int:pk>/move/", schedule.meeting_move, name="move"),
    path("<slug:slug>/manage/meetings/<int:pk>/after/", schedule.meeting_after, name="after"),
    path("<slug:slug>/manage/meetings/<int:pk>/lock/", schedule.meeting_lock, name="lock"),
    path("<slug:slug>/manage/meetings/<int:pk>/cancel/", schedule.meeting_cancel, name="cancel"),
    path("<slug:slug>/manage/meetings/<int:pk>/mark/", schedule.meeting_mark, name="mark"),
    path("<slug:slug>/manage/publish/", schedule.publish, name="publish"),
    path("<slug:slug>/manage/print/", schedule.print_all, name="print_all"),
    path("<slug:slug>/manage/check-in/", schedule.check_in_list, name="check_in"),
    path("<slug:slug>/manage/check-in/<int:pk>/", schedule.check_in_tick, name="check_in_tick"),
]

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "feed": "already a machine-readable iCalendar resource, authorised by the token in its address",
    "event_ics": "already a machine-readable iCalendar resource of a public event",
    "print_all": "a print layout of every agenda; GET /api/events/{slug}/schedule gives the data",
}
