"""Introductions: my expressions of interest, incoming and outgoing, and their workflow.

A partner's contact details are in the response only when the named rule allows it: after the
introduction is accepted (or to its own members and operators).
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.bounds import Id
from twinning.api.forms import require
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.introductions import selectors, services
from twinning.introductions.models import Introduction
from twinning.organisations.selectors import (
    opportunity_get_by_id,
    organisation_get,
    organisation_ids_of_user,
)

router = Router(tags=["introductions"])


class ContactOut(Schema):
    name: str
    email: str
    phone: str


class PartyOut(Schema):
    slug: str
    name: str
    side: str
    region: str
    contact: ContactOut | None


class IntroductionOut(Schema):
    id: int
    state: str
    direction: str
    requester: PartyOut
    recipient: PartyOut
    opportunity: int | None
    message: str
    brokered: bool
    created_at: dt.datetime
    decided_at: dt.datetime | None


class IntroductionIn(In):
    requester: str
    recipient: str
    message: str
    opportunity: Id | None = None


def _party(request: HttpRequest, organisation: Any) -> PartyOut:
    contact = None
    if request.user.has_perm("organisations.view_contact", organisation):
        contact = ContactOut(
            name=organisation.contact_name,
            email=organisation.contact_email,
            phone=organisation.contact_phone,
        )
    return PartyOut(
        slug=organisation.slug,
        name=organisation.display_name,
        side=organisation.side.code,
        region=organisation.region.slug,
        contact=contact,
    )


def introduction_out(request: HttpRequest, introduction: Introduction, direction: str) -> Any:
    return IntroductionOut(
        id=introduction.pk,
        state=introduction.state,
        direction=direction,
        requester=_party(request, introduction.requester),
        recipient=_party(request, introduction.recipient),
        opportunity=introduction.opportunity_id,
        message=introduction.message,
        brokered=introduction.brokered,
        created_at=introduction.created_at,
        decided_at=introduction.decided_at,
    )


def _direction(request: HttpRequest, introduction: Introduction) -> str:
    """Seen from the caller: an operator who belongs to neither side sees it from outside."""
    mine = organisation_ids_of_user(user=request.user)
    if introduction.requester_id in mine:
        return "outgoing"
    return "incoming" if introduction.recipient_id in mine else "other"


@router.get(
    "/introductions", response=list[IntroductionOut], openapi_extra=pages("introductions:mine")
)
@paginate(LimitOffsetPagination)
def my_introductions(request: HttpRequest, direction: str = "") -> list[Any]:
    """My organisations' introductions, newest first; `direction` is incoming or outgoing."""
    user = request.user
    found: list[Any] = []
    if direction in ("", "incoming"):
        incoming = selectors.introductions_incoming(user=user)
        found += [introduction_out(request, i, "incoming") for i in incoming]
    if direction in ("", "outgoing"):
        outgoing = selectors.introductions_outgoing(user=user)
        found += [introduction_out(request, i, "outgoing") for i in outgoing]
    return sorted(found, key=lambda i: (i.created_at, i.id), reverse=True)


def _visible(request: HttpRequest, pk: int) -> Introduction:
    introduction = selectors.introduction_get(pk=pk)
    if introduction is None or not request.user.has_perm("introductions.view", introduction):
        raise HttpError(404, _("Not found."))
    return introduction


@router.get(
    "/introductions/all",
    response={200: list[IntroductionOut], 403: Error},
    openapi_extra=pages("introductions:all"),
)
@paginate(LimitOffsetPagination)
def all_introductions(request: HttpRequest, state: str = "") -> list[Any]:
    """Every introduction of the programme, newest first (operators); `state` narrows it."""
    require(request, "introductions.operate")
    state = state if state in Introduction.State.values else ""
    # Declared before /introductions/{pk}, which would take "all" for an id.
    return [introduction_out(request, i, "other") for i in selectors.introductions_all(state=state)]


@router.get(
    "/introductions/{pk}",
    response={200: IntroductionOut, 404: Error},
    openapi_extra=pages("introductions:mine"),
)
def introduction_detail(request: HttpRequest, pk: int) -> Any:
    introduction = _visible(request, pk)
    return introduction_out(request, introduction, _direction(request, introduction))


@router.post(
    "/introductions",
    response={201: IntroductionOut, 400: FieldErrors, 404: Error},
    openapi_extra=pages("introductions:new"),
)
def express_interest(request: HttpRequest, payload: IntroductionIn) -> Status:
    """Express interest from one of my organisations in an organisation on the other side,
    optionally about one of its opportunities."""
    requester = organisation_get(slug=payload.requester)
    recipient = organisation_get(slug=payload.recipient)
    if requester is None or not request.user.has_perm("introductions.request", requester):
        raise HttpError(404, _("Not found."))
    if recipient is None:
        raise ValidationError({"recipient": [_("No such organisation.")]})
    opportunity = None
    if payload.opportunity is not None:
        opportunity = opportunity_get_by_id(pk=payload.opportunity)
        if opportunity is None:
            raise ValidationError({"opportunity": [_("No such opportunity.")]})
    introduction = services.introduction_request(
        requester=requester,
        recipient=recipient,
        by=request.user,
        message=payload.message,
        opportunity=opportunity,
    )
    fresh = selectors.introduction_get(pk=introduction.pk)
    return Status(201, introduction_out(request, fresh, "outgoing"))


TRANSITION_RESPONSES = {200: IntroductionOut, 400: FieldErrors, 403: Error, 404: Error}


def _transition(request: HttpRequest, pk: int, transition: Any) -> Any:
    transition(introduction=_visible(request, pk), by=request.user)
    introduction = selectors.introduction_get(pk=pk)
    return introduction_out(request, introduction, _direction(request, introduction))


@router.post(
    "/introductions/{pk}/accept",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("introductions:accept"),
)
def accept(request: HttpRequest, pk: int) -> Any:
    """The recipient accepts (an operator brokers): both sides now see each other's contacts."""
    return _transition(request, pk, services.introduction_accept)


@router.post(
    "/introductions/{pk}/decline",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("introductions:decline"),
)
def decline(request: HttpRequest, pk: int) -> Any:
    return _transition(request, pk, services.introduction_decline)


@router.post(
    "/introductions/{pk}/withdraw",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("introductions:withdraw"),
)
def withdraw(request: HttpRequest, pk: int) -> Any:
    return _transition(request, pk, services.introduction_withdraw)
