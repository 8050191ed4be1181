"""Pages for accounts: home, sign-up, log-in, privacy notice, my account, dashboard."""

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core import lockout, privacy, registry, selectors, services
from twinning.core.actions import attempt
from twinning.core.forms import (
    AccountDeleteForm,
    AccountForm,
    ApiTokenForm,
    AuditFilterForm,
    ConsentChangeForm,
    LoginForm,
    SignUpForm,
    StyledPasswordResetForm,
    StyledSetPasswordForm,
)
from twinning.core.health import database_ok, health
from twinning.core.models import Consent
from twinning.core.pagination import page_of
from twinning.core.site import site_url


class HtmxPartialMixin:
    """Answers HTMX requests with only the part of the page that changes.

    A history restore (the browser's back button after a cache miss) needs the whole page again,
    and caches must not hand the partial to a normal request: hence `Vary: HX-Request`.
    """

    partial_template_name = ""

    def get_template_names(self) -> list[str]:
        htmx = getattr(self.request, "htmx", None)  # type: ignore[attr-defined]
        if htmx and not htmx.boosted and not htmx.history_restore_request:
            return [self.partial_template_name]
        return super().get_template_names()  # type: ignore[misc]

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)  # type: ignore[misc]
        patch_vary_headers(response, ("HX-Request",))
        return response


class UrlObjectMixin(PermissionRequiredMixin):
    """Finds the object the URL names (404 if none); the view's rule is checked against it."""

    not_found: Any = ""

    def find_object(self) -> Any:
        raise NotImplementedError

    def get_object(self) -> Any:
        if not hasattr(self, "_object"):
            self._object = self.find_object()
        if self._object is None:
            raise Http404(self.not_found)
        return self._object


T = TypeVar("T")


class ServiceCallMixin:
    """For buttons and small forms posted from a page: run a service, show its refusal as a
    message instead of an error page, and go back to where the operator was."""

    request: HttpRequest

    def attempt(self, action: Callable[[], T], success: Any = "") -> T | None:
        return attempt(self.request, action, success)

    def refuse_form(self, form: Any) -> None:
        """Every error of an invalid form as a message; a hidden field's is named, since the
        person cannot see the field it belongs to."""
        for name, errors in form.errors.items():
            field = form.fields.get(name)
            label = field.label if field is not None and field.widget.is_hidden else None
            for error in errors:
                messages.error(self.request, f"{label}: {error}" if label else error)

    def back(self, fallback: str, *args: Any) -> HttpResponse:
        """After a POST: htmx asks the page to reload itself; plain forms follow a redirect."""
        if getattr(self.request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return redirect(fallback, *args)


def in_preferred_language(response: HttpResponse, user: Any) -> HttpResponse:
    """From the next page on, the interface speaks the person's preferred language."""
    if user.language:
        # With the flags Django's own language switcher gives it (Secure in production).
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


class HomeView(PermissionRequiredMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "core/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        panels = registry.panels_for(page="home", user=self.request.user)
        return super().get_context_data(panels=panels, **kwargs)


class PrivacyView(PermissionRequiredMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "core/privacy.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(version=settings.PRIVACY_NOTICE_VERSION, **kwargs)


class SignUpView(PermissionRequiredMixin, FormView):
    permission_required = "core.view_public"
    template_name = "core/signup.html"
    form_class = SignUpForm
    success_url = reverse_lazy("core:dashboard")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect("core:dashboard")
        return super().get(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"language": self.request.LANGUAGE_CODE}

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        data = form.cleaned_data
        # The same answer whether the address already has an account or not (see the service).
        services.user_sign_up(
            email=data["email"],
            password=data["password1"],
            full_name=data["full_name"],
            language=data["language"],
            consent=data["consent"],
            matching=data.get("matching", False),
        )
        return redirect("core:signup_sent")


class SignUpSentView(PermissionRequiredMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "core/signup_sent.html"


class SignUpConfirmView(PermissionRequiredMixin, TemplateView):
    """The link of the sign-up e-mail shows a button; only its POST confirms the account and
    signs in, so that a mail scanner following the link signs nobody in."""

    permission_required = "core.view_public"
    template_name = "core/signup_confirm.html"

    def pending(self) -> Any:
        return services.user_sign_up_pending(
            uidb64=self.kwargs["uidb64"], token=self.kwargs["token"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(valid=self.pending() is not None, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = self.pending()
        if user is None:
            return self.get(request, *args, **kwargs)
        user = services.user_sign_up_confirm(user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account has been created."))
        then = request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(then, allowed_hosts={request.get_host()})
        return in_preferred_language(redirect(then if then and safe else "core:dashboard"), user)


class LoginView(PermissionRequiredMixin, auth_views.LoginView):
    permission_required = "core.view_public"
    form_class = LoginForm
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        return in_preferred_language(super().form_valid(form), form.get_user())


class LogoutView(PermissionRequiredMixin, auth_views.LogoutView):
    permission_required = "core.view_public"


class PasswordResetView(PermissionRequiredMixin, auth_views.PasswordResetView):
    permission_required = "core.view_public"
    form_class = StyledPasswordResetForm
    template_name = "core/password_reset_form.html"
    email_template_name = "core/email/password_reset.txt"
    subject_template_name = "core/email/password_reset_subject.txt"
    success_url = reverse_lazy("core:password_reset_done")

    def form_valid(self, form: StyledPasswordResetForm) -> HttpResponse:
        # Too many requests for one address from one client: the lockout page (AxesMiddleware).
        if lockout.reset_request_refused(self.request, email=form.cleaned_data["email"]):
            return self.render_to_response(self.get_context_data(form=form))
        # The link points where every other mail's does (SITE_URL first), never at whatever
        # Host header the request came with.
        self.extra_email_context = {"site_url": site_url()}
        return super().form_valid(form)


class PasswordResetDoneView(PermissionRequiredMixin, auth_views.PasswordResetDoneView):
    permission_required = "core.view_public"
    template_name = "core/password_reset_done.html"


class PasswordResetConfirmView(PermissionRequiredMixin, auth_views.PasswordResetConfirmView):
    permission_required = "core.view_public"
    form_class = StyledSetPasswordForm
    template_name = "core/password_reset_confirm.html"
    success_url = reverse_lazy("core:password_reset_complete")


class PasswordResetCompleteView(PermissionRequiredMixin, auth_views.PasswordResetCompleteView):
    permission_required = "core.view_public"
    template_name = "core/password_reset_complete.html"


class AccountView(PermissionRequiredMixin, FormView):
    permission_required = "core.manage_own_account"
    template_name = "core/account.html"
    form_class = AccountForm
    success_url = reverse_lazy("core:account")

    def get_initial(self) -> dict[str, Any]:
        user = self.request.user
        fields = ("full_name", "phone", "language", "time_zone")
        return {name: getattr(user, name) for name in fields}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            tokens=selectors.api_tokens_for(user=self.request.user),
            token_form=ApiTokenForm(),
            # A new key is shown on the page that follows its creation, and never again.
            new_key=self.request.session.pop(NEW_KEY, None),
            **kwargs,
        )

    def form_valid(self, form: AccountForm) -> HttpResponse:
        user = services.user_update_profile(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Your account has been saved."))
        return in_preferred_language(super().form_valid(form), user)


NEW_KEY = "new_api_key"


class ApiTokenCreateView(PermissionRequiredMixin, View):
    permission_required = "core.manage_own_account"

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ApiTokenForm(request.POST, request=request, user=request.user)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("core:account")
        token, key = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        request.session[NEW_KEY] = {"name": token.name, "key": key}
        return redirect("core:account")


class ApiTokenRevokeView(PermissionRequiredMixin, View):
    permission_required = "core.manage_own_account"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        token = selectors.api_token_get(user=request.user, pk=pk)
        if token is None:
            raise Http404
        services.api_token_revoke(token=token, by=request.user)
        messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
        return redirect("core:account")


class AccountExportView(PermissionRequiredMixin, View):
    """One ZIP with everything about me: `data.json` and the files I uploaded."""

    permission_required = "core.manage_own_account"

    def get(self, request: HttpRequest) -> HttpResponse:
        return _archive_response(services.user_export_archive(user=request.user))


def _archive_response(archive: Any) -> HttpResponse:
    response = StreamingHttpResponse(_blocks(archive), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename="my-twinning-data.zip"
    )
    return response


def _blocks(archive: Any, size: int = 256 * 1024) -> Iterator[bytes]:
    """The spooled archive in blocks, never read whole into memory; closed once sent."""
    try:
        while block := archive.read(size):
            yield block
    finally:
        archive.close()


class AccountDeleteView(PermissionRequiredMixin, FormView):
    permission_required = "core.manage_own_account"
    template_name = "core/account_delete.html"
    form_class = AccountDeleteForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request, "user": self.request.user}

    def form_valid(self, form: AccountDeleteForm) -> HttpResponse:
        try:
            receipt = services.user_delete(user=self.request.user)
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        logout(self.request)
        messages.success(self.request, _("Your account and your personal data have been deleted."))
        return redirect("core:deletion_receipt", receipt.reference)


class DeletionReceiptView(PermissionRequiredMixin, TemplateView):
    """The receipt of an erasure: it names nobody, and its reference cannot be guessed."""

    permission_required = "core.view_public"
    template_name = "core/deletion_receipt.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        receipt = selectors.receipt_get(reference=kwargs["reference"])
        if receipt is None:
            raise Http404(_("No deletion has this reference."))
        lines = privacy.receipt_lines(receipt.summary)
        return super().get_context_data(receipt=receipt, lines=lines, **kwargs)


class ConsentsView(PermissionRequiredMixin, ServiceCallMixin, TemplateView):
    """What I agreed to, when, and the button to withdraw (or give again) each purpose."""

    permission_required = "core.manage_own_account"
    template_name = "core/consents.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        consents = list(selectors.consents_of(user=user))
        active = {c.purpose for c in consents if c.active}
        purposes = [
            (purpose, purpose.label, purpose in active)
            for purpose in Consent.Purpose
            if purpose != Consent.Purpose.TERMS
        ]
        sources = [(source.name, source.lines(user=user)) for source in registry.consent_sources()]
        return super().get_context_data(
            consents=consents, purposes=purposes, sources=sources, **kwargs
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ConsentChangeForm(request.POST)
        if not form.is_valid():
            self.refuse_form(form)
            return redirect("core:consents")
        data = form.cleaned_data
        if data["source"]:
            self._withdraw_elsewhere(data["source"], data["key"])
        elif data["give"]:
            self.attempt(
                lambda: services.consent_give(user=request.user, purpose=data["purpose"]),
                _("Thank you: your consent is recorded."),
            )
        else:
            self.attempt(
                lambda: services.consent_withdraw(user=request.user, purpose=data["purpose"]),
                _("Your consent is withdrawn; it takes effect now."),
            )
        return redirect("core:consents")

    def _withdraw_elsewhere(self, name: str, key: str) -> None:
        source = registry.consent_source(name)
        if source is None or not source.withdraw(user=self.request.user, key=key):
            raise Http404(_("No such consent of yours."))
        messages.success(self.request, _("Your consent is withdrawn; it takes effect now."))


class AuditLogView(PermissionRequiredMixin, TemplateView):
    """Operators: who did what to whose data, newest first, filtered, a page at a time."""

    permission_required = "core.view_audit_log"
    template_name = "core/audit_log.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        filters = AuditFilterForm(self.request.GET or None)
        data = filters.cleaned_data if filters.is_valid() else {}
        entries = selectors.audit_entries(
            action=data.get("action", ""),
            actor=data.get("actor", ""),
            subject=data.get("subject", ""),
            since=data.get("since"),
        )
        return super().get_context_data(
            filters=filters, entries=page_of(self.request, entries), **kwargs
        )


class PersonExportView(UrlObjectMixin, View):
    """Operators answer a subject access request received by post: the person's archive."""

    permission_required = "core.export_personal_data"
    not_found = _("No such person.")

    def find_object(self) -> Any:
        return selectors.user_get(pk=self.kwargs["pk"])

    def get_permission_object(self) -> Any:
        return self.get_object()

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self.get_object()
        archive = services.user_export_archive(user=person, by=request.user)
        return _archive_response(archive)


class DashboardView(PermissionRequiredMixin, TemplateView):
    permission_required = "core.manage_own_account"
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        panels = registry.panels_for(page="dashboard", user=self.request.user)
        return super().get_context_data(panels=panels, **kwargs)


class HealthView(PermissionRequiredMixin, View):
    """For load balancers and monitors: 200 when the database answers and the queue is consumed,
    503 otherwise; the body says which part failed, the queue's depth and its failures."""

    permission_required = "core.view_public"

    def get(self, request: HttpRequest) -> HttpResponse:
        ok, report = health()
        return JsonResponse({"ok": ok, **report}, status=200 if ok else 503)


class DatabaseHealthView(PermissionRequiredMixin, View):
    """The cheapest probe: one query to the database. Load balancers may poll it often; the load
    benchmark serves it beside the pages as the floor they are measured against."""

    permission_required = "core.view_public"

    def get(self, request: HttpRequest) -> HttpResponse:
        ok, error = database_ok()
        return JsonResponse({"ok": ok, "error": error}, status=200 if ok else 503)
