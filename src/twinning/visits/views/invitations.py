"""Proposed attendees, invitations, and the invitee's answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from twinning.visits import selectors, services
from twinning.visits.forms import AnswerForm, GuestForm, InviteForm
from twinning.visits.proposing import proposals_in_words
from twinning.visits.views.base import attempt, session_for
from twinning.visits.views.planning import EDIT, form_errors


@require_http_methods(["GET", "POST"])
def proposals(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, EDIT)
    rows = list(selectors.proposals(session=session))
    form = InviteForm(request.POST or None, proposals=rows)
    if request.method == "POST" and form.is_valid():
        invited = attempt(
            request,
            lambda: services.attendees_invite(
                session=session, by=request.user, organisations=form.chosen()
            ),
        )
        if invited is not None:
            count = len(invited)
            messages.success(
                request,
                ngettext("%(count)s invitation sent.", "%(count)s invitations sent.", count)
                % {"count": count},
            )
            return redirect("visits:proposals", slug, pk)
    invited = {a.person.organisation_id for a in selectors.attendees(session=session)}
    context = {
        "visit": session.visit,
        "session": session,
        "rows": proposals_in_words(rows),
        "invited": invited,
        "form": form,
        "guest_form": GuestForm(),
        "attendees": selectors.attendees(session=session),
    }
    return render(request, "visits/proposals.html", context)


@require_POST
def proposals_compute(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, EDIT)
    found = services.proposals_compute(session=session, by=request.user)
    if not found:
        messages.warning(request, _("No organisation of the host side fits this session yet."))
    return redirect("visits:proposals", slug, pk)


@require_POST
def guest_invite(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, EDIT)
    form = GuestForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("visits:proposals", slug, pk)
    data = form.cleaned_data
    attempt(
        request,
        lambda: services.guest_invite(session=session, by=request.user, **data),
        _("Invitation sent."),
    )
    return redirect("visits:proposals", slug, pk)


@require_POST
def attendee_withdraw(request: HttpRequest, slug: str, pk: int, attendee: int) -> HttpResponse:
    session = session_for(request, slug, pk, EDIT)
    found = selectors.attendee_get(session=session, pk=attendee)
    if found is None:
        raise Http404
    attempt(
        request,
        lambda: services.attendee_withdraw(attendee=found, by=request.user),
        _("The invitation is withdrawn."),
    )
    return redirect("visits:proposals", slug, pk)


@require_http_methods(["GET", "POST"])
def rsvp(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's answer. The link finds the invitation; only the invitee's account answers."""
    attendee = selectors.attendee_by_token(token=token)
    if attendee is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("visits.view_visit", attendee.session.visit):
        raise Http404
    can_answer = request.user.has_perm("visits.answer_invitation", attendee)
    if not can_answer and attendee.person.user_id != request.user.pk:
        raise PermissionDenied
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and can_answer and form.is_valid():
        answered = attempt(
            request,
            lambda: services.attendee_answer(
                attendee=attendee, by=request.user, attending=form.cleaned_data["attending"]
            ),
        )
        if answered is not None:
            messages.success(request, _("Thank you: your answer is recorded."))
            return redirect("visits:rsvp", token)
    context = {
        "attendee": attendee,
        "session": attendee.session,
        "visit": attendee.session.visit,
        "times": selectors.session_times(session=attendee.session),
        "form": form,
        "can_answer": can_answer,
    }
    return render(request, "visits/rsvp.html", context)
