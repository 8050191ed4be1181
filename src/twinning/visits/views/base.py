"""What every visit page shares: the visit or session the URL names, under the view's rule."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.views.generic.edit import FormMixin

from twinning.core.views import ServiceCallMixin, UrlObjectMixin
from twinning.visits import selectors
from twinning.visits.models import Session, Visit

VIEW = "visits.view_visit"
EDIT = "visits.edit_itinerary"


class PageMixin(ServiceCallMixin):
    """A method the page does not take is refused (405) before anything is looked up, and a
    refusal is the same signed in or not: visit pages do not ask anyone to sign in first."""

    raise_exception = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        method = (request.method or "").lower()
        allowed = self.http_method_names  # type: ignore[attr-defined]
        if method not in allowed or not hasattr(self, method):
            return self.http_method_not_allowed(request, *args, **kwargs)  # type: ignore[attr-defined]
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def refuse_form_with_labels(self, form: Any) -> None:
        """Every error of an invalid form as a message, each named by its field's label (core's
        `refuse_form` names only a hidden field's)."""
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(self.request, f"{label}: {error}" if label else error)


class PostedFormMixin(FormMixin):
    """The page's form is bound only to a POST that carries data: an empty one shows the page
    as if nothing had been sent."""

    request: HttpRequest

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if not self.request.POST:
            kwargs.pop("data", None)
            kwargs.pop("files", None)
        return kwargs


class VisitMixin(PageMixin, UrlObjectMixin):
    """The visit of the URL's slug; the view's `permission_required` is checked against it.

    Whoever may not see the visit is told it does not exist (404); whoever sees it but may not
    do what the view does is refused (403).
    """

    permission_required = VIEW
    kwargs: dict[str, Any]

    def find_object(self) -> Visit | None:
        visit = selectors.visit_get(slug=self.kwargs["slug"])
        if visit is None or not self.request.user.has_perm(VIEW, visit):
            return None
        return visit

    @property
    def visit(self) -> Visit:
        return self.get_object()  # type: ignore[no-any-return]

    def has_permission(self) -> bool:
        perms = tuple(self.get_permission_required())
        target = self.get_permission_object()  # 404 first
        return perms == (VIEW,) or self.request.user.has_perms(perms, target)


class SessionMixin(VisitMixin):
    """A session of the visit: one that is not there is not found (404), whatever the rule."""

    def get_session(self) -> Session:
        if not hasattr(self, "_session"):
            self._session = selectors.session_get(visit=self.visit, pk=self.kwargs["pk"])
        if self._session is None:
            raise Http404
        return self._session

    @property
    def session(self) -> Session:
        return self.get_session()

    def get_permission_object(self) -> Visit:
        self.get_session()
        return self.visit
