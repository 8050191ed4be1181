from django.urls import path

from twinning.introductions import views

app_name = "introductions"
urlpatterns = [
    path("", views.MineView.as_view(), name="mine"),
    path("all/", views.OperatorListView.as_view(), name="all"),
    path("new/<int:recipient>/", views.ExpressInterestView.as_view(), name="new"),
    path("<int:pk>/accept/", views.AcceptView.as_view(), name="accept"),
    path("<int:pk>/decline/", views.DeclineView.as_view(), name="decline"),
    path("<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
]
