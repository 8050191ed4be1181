from django.urls import path

from twinning.students.views import fairs, outreach, positions, registry

app_name = "students"
urlpatterns = [
    path("signup/", registry.StudentSignUpView.as_view(), name="signup"),
    path("claim/<str:uidb64>/<str:token>/", registry.ClaimView.as_view(), name="claim"),
    path("me/", registry.MyProfileView.as_view(), name="me"),
    path("me/consents/", registry.ConsentView.as_view(), name="consent"),
    path("me/cv/upload/", registry.CvUploadView.as_view(), name="cv_upload"),
    path("me/cv/release/", registry.CvReleaseView.as_view(), name="cv_release"),
    path("<int:pk>/", registry.StudentDetailView.as_view(), name="detail"),
    path("<int:pk>/cv/", registry.StudentCvView.as_view(), name="cv"),
    path("positions/", positions.PositionListView.as_view(), name="positions"),
    path(
        "positions/recommended/",
        positions.RecommendedPositionsView.as_view(),
        name="recommended",
    ),
    path(
        "positions/<int:pk>/feedback/",
        positions.PositionFeedbackView.as_view(),
        name="position_feedback",
    ),
    path("positions/mine/", positions.MyPositionsView.as_view(), name="positions_mine"),
    path("positions/queue/", positions.PositionQueueView.as_view(), name="position_queue"),
    path("positions/new/<slug:slug>/", positions.PositionCreateView.as_view(), name="position_new"),
    path("positions/<int:pk>/", positions.PositionDetailView.as_view(), name="position"),
    path("positions/<int:pk>/edit/", positions.PositionEditView.as_view(), name="position_edit"),
    path(
        "positions/<int:pk>/<str:action>/",
        positions.PositionActionView.as_view(),
        name="position_action",
    ),
    path("fairs/", fairs.FairListView.as_view(), name="fairs"),
    path("fairs/new/", fairs.FairCreateView.as_view(), name="fair_new"),
    path("fairs/<int:fair_pk>/", fairs.FairDetailView.as_view(), name="fair"),
    path("fairs/<int:fair_pk>/register/", fairs.FairRegisterView.as_view(), name="fair_register"),
    path("fairs/<int:fair_pk>/rank/", fairs.RankView.as_view(), name="rank"),
    path("fairs/<int:fair_pk>/agenda/", fairs.AgendaView.as_view(), name="agenda"),
    path("fairs/<int:fair_pk>/feed-reset/", fairs.FeedResetView.as_view(), name="feed_reset"),
    path("fairs/<int:fair_pk>/pass/", fairs.PassView.as_view(), name="pass"),
    path("fairs/<int:fair_pk>/manage/", fairs.FairManageView.as_view(), name="fair_manage"),
    path(
        "fairs/<int:fair_pk>/allocations/<int:job_pk>/",
        fairs.AllocationJobView.as_view(),
        name="fair_allocation",
    ),
    path(
        "fairs/<int:fair_pk>/manage/<str:action>/",
        fairs.FairActionView.as_view(),
        name="fair_action",
    ),
    path("fairs/<int:fair_pk>/check-in/", fairs.CheckInView.as_view(), name="check_in"),
    path(
        "fairs/<int:fair_pk>/check-in/<str:token>/",
        fairs.CheckInScanView.as_view(),
        name="check_in_scan",
    ),
    path("fairs/<int:fair_pk>/booths/<int:pk>/", fairs.BoothView.as_view(), name="booth"),
    path(
        "fairs/<int:fair_pk>/booths/<int:pk>/shortlist/",
        fairs.ShortlistView.as_view(),
        name="shortlist",
    ),
    path(
        "fairs/<int:fair_pk>/booths/<int:pk>/notes/<int:registration>/",
        fairs.NoteView.as_view(),
        name="note",
    ),
    path("fairs/<int:fair_pk>/booths/<int:pk>/leads.xlsx", fairs.LeadsView.as_view(), name="leads"),
    path("booths/", fairs.MyBoothsView.as_view(), name="booths_mine"),
    path("feed/<str:token>.ics", fairs.FeedView.as_view(), name="feed"),
    path(
        "interviews/<int:pk>/<str:action>/",
        fairs.InterviewRespondView.as_view(),
        name="interview_respond",
    ),
    path("outreach/invite/", outreach.InviteView.as_view(), name="invite"),
    path("outreach/claims/resend/", outreach.ClaimResendView.as_view(), name="claim_resend"),
    path("outreach/welfare/", outreach.WelfareListView.as_view(), name="welfare_list"),
    path("outreach/welfare/<int:pk>/", outreach.WelfareDetailView.as_view(), name="welfare"),
    path("rsvp/<int:pk>/", outreach.RsvpView.as_view(), name="rsvp"),
    path("welfare/<int:pk>/", outreach.WelfareAnswerView.as_view(), name="welfare_answer"),
    path("unsubscribe/<int:pk>/", outreach.UnsubscribeView.as_view(), name="unsubscribe"),
]

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "signup": "an account is created on the page; API tokens belong to accounts that exist",
    "claim": "opened from the e-mail sent after an import, signed out; the account opens there",
    "cv": "a PDF download through the private-files route; the API says whether a CV exists",
    "pass": "a page showing the QR code to a door scanner; the API checks in by pass token",
    "feed": "already a machine-readable iCalendar resource, authorised by its address token",
    "rsvp": "opened from a personal e-mail link, signed out; answers only for that invitation",
    "welfare_answer": "opened from a personal e-mail link, signed out; its button records it",
    "unsubscribe": "opened from a personal e-mail link, signed out; withdraws one purpose",
}
