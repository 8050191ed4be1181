from django.urls import path

from twinning.core import views

app_name = "core"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("accounts/signup/", views.SignUpView.as_view(), name="signup"),
    path("accounts/signup/sent/", views.SignUpSentView.as_view(), name="signup_sent"),
    path(
        "accounts/signup/confirm/<uidb64>/<token>/",
        views.SignUpConfirmView.as_view(),
        name="signup_confirm",
    ),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password-reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/me/", views.AccountView.as_view(), name="account"),
    path("accounts/me/tokens/", views.ApiTokenCreateView.as_view(), name="api_token_create"),
    path(
        "accounts/me/tokens/<int:pk>/revoke/",
        views.ApiTokenRevokeView.as_view(),
        name="api_token_revoke",
    ),
    path("accounts/me/export/", views.AccountExportView.as_view(), name="account_export"),
    path("accounts/me/delete/", views.AccountDeleteView.as_view(), name="account_delete"),
    path("accounts/me/consents/", views.ConsentsView.as_view(), name="consents"),
    path(
        "accounts/deleted/<str:reference>/",
        views.DeletionReceiptView.as_view(),
        name="deletion_receipt",
    ),
    path("operations/audit/", views.AuditLogView.as_view(), name="audit_log"),
    path(
        "operations/people/<int:pk>/export/",
        views.PersonExportView.as_view(),
        name="person_export",
    ),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("health", views.HealthView.as_view(), name="health"),
    path("health/database", views.DatabaseHealthView.as_view(), name="health_database"),
]

# Pages without an API operation, and why (tests/api/test_parity.py; docs/api.md, "Parity").
PAGE_ONLY = {
    "health": "a JSON probe for load balancers and monitors, outside the API's token scheme",
    "health_database": "a one-query JSON probe for load balancers, outside the API's tokens",
    "privacy": "static text of the privacy notice, with nothing to read or change per user",
    "signup": "an account is opened in a browser, where the consent is given; tokens come after",
    "signup_sent": "an account is opened in a browser, where the consent is given",
    "signup_confirm": "the link of the sign-up e-mail, followed in a browser",
    "login": "the API signs in with a personal token, not a browser session",
    "logout": "the API has no session to end; revoke the token instead",
    "password_reset": "passwords belong to the browser sign-in; the API uses tokens",
    "password_reset_done": "passwords belong to the browser sign-in; the API uses tokens",
    "password_reset_confirm": "passwords belong to the browser sign-in; the API uses tokens",
    "password_reset_complete": "passwords belong to the browser sign-in; the API uses tokens",
    "audit_log": "the operators' reading page; the API serves what people do, not the log of it",
    "person_export": "a ZIP for a request received by post; `/api/me/export` is the API's export",
}
