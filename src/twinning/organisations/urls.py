from django.urls import path

from twinning.organisations import views

app_name = "organisations"
urlpatterns = [
    path("opportunities/", views.DirectoryView.as_view(), name="directory"),
    path("opportunities/<int:pk>/", views.OpportunityDetailView.as_view(), name="opportunity"),
    path(
        "opportunities/<int:pk>/edit/", views.OpportunityEditView.as_view(), name="opportunity_edit"
    ),
    path(
        "opportunities/<int:pk>/submit/",
        views.OpportunitySubmitView.as_view(),
        name="opportunity_submit",
    ),
    path(
        "opportunities/<int:pk>/close/",
        views.OpportunityCloseView.as_view(),
        name="opportunity_close",
    ),
    path(
        "opportunities/<int:pk>/renew/",
        views.OpportunityRenewView.as_view(),
        name="opportunity_renew",
    ),
    path(
        "opportunities/<int:pk>/publish/",
        views.OpportunityPublishView.as_view(),
        name="opportunity_publish",
    ),
    path(
        "opportunities/<int:pk>/reject/",
        views.OpportunityRejectView.as_view(),
        name="opportunity_reject",
    ),
    path("validation/", views.ValidationQueueView.as_view(), name="queue"),
    path("my-organisation/", views.MyOrganisationView.as_view(), name="mine"),
    path("organisations/new/", views.OrganisationCreateView.as_view(), name="create"),
    path("organisations/<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
    path("organisations/<slug:slug>/edit/", views.OrganisationEditView.as_view(), name="edit"),
    path("organisations/<slug:slug>/members/", views.MembersView.as_view(), name="members"),
    path(
        "organisations/<slug:slug>/members/<int:user_id>/remove/",
        views.MemberRemoveView.as_view(),
        name="member_remove",
    ),
    path(
        "organisations/<slug:slug>/opportunities/new/",
        views.OpportunityCreateView.as_view(),
        name="opportunity_create",
    ),
]
