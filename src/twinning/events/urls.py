from django.urls import path

from twinning.events.views import attendance, operator, participant, public, rules, schedule

app_name = "events"
urlpatterns = [
    path("", public.EventListView.as_view(), name="list"),
    path("new/", operator.EventCreateView.as_view(), name="create"),
    path("invitation/<str:token>/", public.RsvpView.as_view(), name="rsvp"),
    path("feed/<str:token>.ics", participant.PersonalFeedView.as_view(), name="feed"),
    path(
        "requests/<int:pk>/<str:action>/",
        participant.RequestRespondView.as_view(),
        name="request_respond",
    ),
    path(
        "programme/<slug:slug>/rules/", rules.ProgrammeRulesView.as_view(), name="programme_rules"
    ),
    path("<slug:slug>/", public.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>/event.ics", public.EventCalendarView.as_view(), name="event_ics"),
    path("<slug:slug>/register/", participant.RegisterView.as_view(), name="register"),
    path(
        "<slug:slug>/participants/",
        participant.ParticipantBrowserView.as_view(),
        name="participants",
    ),
    path(
        "<slug:slug>/participants/<int:pk>/request/",
        participant.RequestCreateView.as_view(),
        name="request_create",
    ),
    path("<slug:slug>/requests/", participant.MyRequestsView.as_view(), name="my_requests"),
    path("<slug:slug>/availability/", participant.AvailabilityView.as_view(), name="availability"),
    path("<slug:slug>/agenda/", participant.AgendaView.as_view(), name="agenda"),
    path("<slug:slug>/agenda/<int:pk>/", participant.AgendaView.as_view(), name="agenda_of"),
    path(
        "<slug:slug>/agenda/calendar-link/",
        participant.FeedResetView.as_view(),
        name="feed_reset",
    ),
    path("<slug:slug>/feedback/<int:pk>/", participant.FeedbackView.as_view(), name="feedback"),
    path("<slug:slug>/manage/", operator.ManageView.as_view(), name="manage"),
    path("<slug:slug>/manage/edit/", operator.EventEditView.as_view(), name="edit"),
    path("<slug:slug>/manage/rules/", rules.EventRulesView.as_view(), name="rules"),
    path(
        "<slug:slug>/manage/state/<str:action>/",
        operator.EventStateView.as_view(),
        name="state",
    ),
    path(
        "<slug:slug>/manage/registrations/<int:pk>/<str:action>/",
        operator.RegistrationDecideView.as_view(),
        name="registration_decide",
    ),
    path("<slug:slug>/manage/invite/", operator.InvitationSendView.as_view(), name="invite"),
    path("<slug:slug>/manage/setup/", operator.SetupView.as_view(), name="setup"),
    path("<slug:slug>/manage/setup/grid/", operator.GridSaveView.as_view(), name="grid_save"),
    path("<slug:slug>/manage/setup/tables/", operator.TablesSaveView.as_view(), name="tables_save"),
    path(
        "<slug:slug>/manage/setup/tables/<int:pk>/",
        operator.TableSaveView.as_view(),
        name="table_save",
    ),
    path(
        "<slug:slug>/manage/setup/interpreters/",
        operator.InterpreterSaveView.as_view(),
        name="interpreter_save",
    ),
    path(
        "<slug:slug>/manage/setup/interpreters/<int:pk>/delete/",
        operator.InterpreterDeleteView.as_view(),
        name="interpreter_delete",
    ),
    path("<slug:slug>/manage/schedule/", schedule.ScheduleView.as_view(), name="schedule"),
    path("<slug:slug>/manage/schedule/run/", schedule.RunStartView.as_view(), name="run_start"),
    path(
        "<slug:slug>/manage/runs/<int:pk>/", schedule.RunProgressView.as_view(), name="run_progress"
    ),
    path(
        "<slug:slug>/manage/meetings/<int:pk>/move/",
        schedule.MeetingMoveView.as_view(),
        name="move",
    ),
    path(
        "<slug:slug>/manage/meetings/<int:pk>/after/",
        schedule.MeetingAfterView.as_view(),
        name="after",
    ),
    path(
        "<slug:slug>/manage/meetings/<int:pk>/lock/",
        schedule.MeetingLockView.as_view(),
        name="lock",
    ),
    path(
        "<slug:slug>/manage/meetings/<int:pk>/cancel/",
        schedule.MeetingCancelView.as_view(),
        name="cancel",
    ),
    path(
        "<slug:slug>/manage/meetings/<int:pk>/mark/",
        schedule.MeetingMarkView.as_view(),
        name="mark",
    ),
    path(
        "<slug:slug>/manage/attendance/",
        attendance.AttendanceView.as_view(),
        name="attendance",
    ),
    path(
        "<slug:slug>/manage/attendance/<int:pk>/absent/",
        attendance.ParticipantAbsentView.as_view(),
        name="absent",
    ),
    path("<slug:slug>/manage/publish/", schedule.PublishView.as_view(), name="publish"),
    path("<slug:slug>/manage/print/", schedule.PrintAllView.as_view(), name="print_all"),
    path("<slug:slug>/manage/check-in/", schedule.CheckInListView.as_view(), name="check_in"),
    path(
        "<slug:slug>/manage/check-in/<int:pk>/",
        schedule.CheckInTickView.as_view(),
        name="check_in_tick",
    ),
]

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "feed": "already a machine-readable iCalendar resource, authorised by the token in its address",
    "event_ics": "already a machine-readable iCalendar resource of a public event",
    "print_all": "a print layout of every agenda; GET /api/events/{slug}/schedule gives the data",
}
