"""The introduction workflow: requested → accepted / declined / withdrawn.

One function per transition: it checks the permission and the state, changes it, writes the audit
log and notifies the other side in their own language, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.core.models import User
from twinning.core.rules import require
from twinning.core.services import audit_log, notify
from twinning.introductions.models import INTRODUCTION_FLOW, Introduction
from twinning.organisations.selectors import (
    organisation_members_of,
    organisations_lock,
    user_is_member,
)

if TYPE_CHECKING:
    from twinning.organisations.models import Opportunity, Organisation

MESSAGE_MAX = 2000


def _start_of_today() -> dt.datetime:
    now = timezone.localtime()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def _check_daily_limit(requester: Organisation) -> None:
    """Runs with the requester's row locked, so two requests at once cannot both squeeze in."""
    limit = requester.programme.interest_daily_limit
    sent = Introduction.objects.filter(requester=requester, created_at__gte=_start_of_today())
    if sent.count() >= limit:
        raise ValidationError(
            ngettext(
                "Your organisation has already expressed interest %(limit)d time today, the "
                "programme's daily limit. Please try again tomorrow.",
                "Your organisation has already expressed interest %(limit)d times today, the "
                "programme's daily limit. Please try again tomorrow.",
                limit,
            )
            % {"limit": limit}
        )


def _check_pair(
    requester: Organisation, recipient: Organisation, opportunity: Opportunity | None
) -> None:
    if recipient.programme_id != requester.programme_id or recipient.side_id == requester.side_id:
        raise ValidationError(_("Introductions are between the two sides of one programme."))
    if opportunity is not None and opportunity.organisation_id != recipient.pk:
        raise ValidationError(_("This opportunity belongs to another organisation."))
    open_pair = Introduction.objects.filter(
        requester__in=[requester, recipient],
        recipient__in=[requester, recipient],
        state__in=[Introduction.State.REQUESTED, Introduction.State.ACCEPTED],
    )
    if open_pair.exists():
        raise ValidationError(
            _("There is already an open introduction between your organisation and this one.")
        )


def _notify_organisation(
    organisation: Organisation, template: str, introduction: Introduction
) -> None:
    """E-mail every member of `organisation`; `partner` in the template is the other side."""
    partner = (
        introduction.recipient
        if organisation.pk == introduction.requester_id
        else introduction.requester
    )
    for person in organisation_members_of(organisation_id=organisation.pk):
        notify(
            recipient=person,
            template=f"introductions/email/{template}",
            context={
                "introduction": introduction,
                "organisation": organisation,
                "partner": partner,
            },
        )


@transaction.atomic
def introduction_request(
    *,
    requester: Organisation,
    recipient: Organisation,
    by: User,
    message: str,
    opportunity: Opportunity | None = None,
) -> Introduction:
    """Express interest in another organisation (optionally in one of its opportunities)."""
    require(by, "introductions.request", requester)
    message = message.strip()
    if not message or len(message) > MESSAGE_MAX:
        raise ValidationError(
            {
                "message": ngettext(
                    "Write a message of at most %(max)d character.",
                    "Write a message of at most %(max)d characters.",
                    MESSAGE_MAX,
                )
                % {"max": MESSAGE_MAX}
            }
        )
    locked = organisations_lock(requester.pk, recipient.pk)
    requester, recipient = locked[requester.pk], locked[recipient.pk]
    _check_daily_limit(requester)
    _check_pair(requester, recipient, opportunity)
    introduction = Introduction.objects.create(
        programme_id=requester.programme_id,
        requester=requester,
        recipient=recipient,
        opportunity=opportunity,
        message=message,
        requested_by=by,
    )
    audit_log(action="introduction.request", actor=by, target=introduction)
    _notify_organisation(recipient, "requested", introduction)
    return introduction


def _lock(introduction: Introduction) -> Introduction:
    return (
        Introduction.objects.select_for_update(of=("self",))
        .select_related("requester", "recipient")
        .get(pk=introduction.pk)
    )


def _decide(introduction: Introduction, transition: str, by: User, **extra: Any) -> Introduction:
    INTRODUCTION_FLOW.move(introduction, transition)
    introduction.decided_by = by
    introduction.decided_at = timezone.now()
    for field, value in extra.items():
        setattr(introduction, field, value)
    introduction.save(update_fields=["state", "decided_by", "decided_at", *extra])
    return introduction


@transaction.atomic
def introduction_accept(*, introduction: Introduction, by: User) -> Introduction:
    """The recipient says yes, or an operator brokers it on their behalf: contacts open up."""
    introduction = _lock(introduction)
    # Membership, not the permission: a superuser has every permission but answers for nobody.
    brokered = not user_is_member(user=by, organisation_id=introduction.recipient_id)
    require(by, "introductions.broker" if brokered else "introductions.answer", introduction)
    _decide(introduction, "accept", by, brokered=brokered)
    action = "introduction.broker" if brokered else "introduction.accept"
    audit_log(action=action, actor=by, target=introduction)
    _notify_organisation(introduction.requester, "accepted", introduction)
    if brokered:
        _notify_organisation(introduction.recipient, "accepted", introduction)
    return introduction


@transaction.atomic
def introduction_decline(*, introduction: Introduction, by: User) -> Introduction:
    introduction = _lock(introduction)
    require(by, "introductions.answer", introduction)
    _decide(introduction, "decline", by)
    audit_log(action="introduction.decline", actor=by, target=introduction)
    _notify_organisation(introduction.requester, "declined", introduction)
    return introduction


@transaction.atomic
def introduction_withdraw(*, introduction: Introduction, by: User) -> Introduction:
    introduction = _lock(introduction)
    require(by, "introductions.withdraw", introduction)
    _decide(introduction, "withdraw", by)
    audit_log(action="introduction.withdraw", actor=by, target=introduction)
    return introduction
