from django.urls import path

from twinning.matching import views

app_name = "matching"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("organisations/<int:pk>/", views.RecommendationsView.as_view(), name="organisation"),
    path(
        "organisations/<int:pk>/opportunities/<int:opportunity_pk>/",
        views.RecommendationsView.as_view(),
        name="opportunity",
    ),
    path(
        "organisations/<int:pk>/feedback/<int:candidate>/",
        views.FeedbackView.as_view(),
        name="feedback",
    ),
    path("organisations/<int:pk>/refresh/", views.RefreshView.as_view(), name="refresh"),
    path("jobs/<int:job_id>/", views.JobView.as_view(), name="job"),
    path("pairs/", views.PairsView.as_view(), name="pairs"),
    path("pairs/recompute/", views.RecomputeView.as_view(), name="recompute"),
]
