"""Writes for organisations, memberships and the opportunity workflow.

Every transition is one function: it checks the permission, changes the state, writes the audit log
and notifies, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.core.models import User
from twinning.core.rules import require
from twinning.core.selectors import operators
from twinning.core.services import audit_log, notify
from twinning.matching.services import profile_changed
from twinning.organisations.models import OPPORTUNITY_FLOW, Membership, Opportunity, Organisation
from twinning.organisations.registry import validate_registry_id
from twinning.programmes.selectors import side_lock

if TYPE_CHECKING:
    from twinning.programmes.models import Programme, Region, Sector, Side

MAX_SECTORS = 5
OPPORTUNITY_LIFETIME_DAYS = 365
# Within this time, the same opportunity sent again by the same person is the same sending.
RESUBMISSION_WINDOW = dt.timedelta(minutes=2)
ORGANISATION_FIELDS = {
    "kind", "legal_name", "name_en", "name_ru", "name_kk", "size", "year_founded", "website",
    "description", "logo", "contact_name", "contact_email", "contact_phone",
}  # fmt: skip
OPPORTUNITY_FIELDS = {"type", "title", "summary", "description", "target_side", "expires_on"}


def _check_sectors(sectors: Iterable[Sector]) -> list[Sector]:
    sectors = list(sectors)
    if not 1 <= len(sectors) <= MAX_SECTORS:
        raise ValidationError(
            {
                "sectors": ngettext(
                    "Choose between 1 and %(max)d NACE code.",
                    "Choose between 1 and %(max)d NACE codes.",
                    MAX_SECTORS,
                )
                % {"max": MAX_SECTORS}
            }
        )
    return sectors


def _languages(codes: Iterable[str]) -> str:
    allowed = ("en", "ru", "kk")
    chosen = [code for code in allowed if code in set(codes)]
    return ",".join(chosen)


def _unique_slug(base: str) -> str:
    root = slugify(base, allow_unicode=False)[:100] or "organisation"
    slug, n = root, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{root}-{n}"
    return slug


def organisation_search_text(organisation: Organisation) -> str:
    parts = [
        organisation.legal_name,
        organisation.name_en,
        organisation.name_ru,
        organisation.name_kk,
        organisation.description,
        organisation.region.name_en,
        organisation.region.name_ru,
        organisation.region.name_kk,
    ]
    return " ".join(p for p in parts if p).lower()


@transaction.atomic
def organisation_create(
    *,
    programme: Programme,
    by: User,
    legal_name: str,
    region: Region,
    sectors: Iterable[Sector],
    working_languages: Iterable[str] = (),
    registry_id: str = "",
    **fields: Any,
) -> Organisation:
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    organisation = Organisation(
        programme=programme,
        legal_name=legal_name,
        region=region,
        side=region.side,
        slug=_unique_slug(fields.get("name_en") or legal_name),
        working_languages=_languages(working_languages),
        **fields,
    )
    _validate_registry(organisation, registry_id)
    organisation.search_text = organisation_search_text(organisation)
    organisation.full_clean(exclude=["sectors", "members", "slug"])
    organisation.save()
    organisation.sectors.set(_check_sectors(sectors))
    Membership.objects.create(user=by, organisation=organisation, role=Membership.Role.OWNER)
    audit_log(action="organisation.create", actor=by, target=organisation)
    profile_changed(programme=organisation.programme)
    return organisation


def _validate_registry(organisation: Organisation, registry_id: str) -> None:
    try:
        organisation.registry_id = validate_registry_id(registry_id, organisation.side.code)
    except ValidationError as error:
        raise ValidationError({"registry_id": error.messages}) from error
    clash = Organisation.objects.filter(
        side=organisation.side, registry_id=organisation.registry_id
    )
    if organisation.registry_id and clash.exclude(pk=organisation.pk).exists():
        raise ValidationError(
            {"registry_id": _("Another organisation is already registered with this number.")}
        )


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    by: User,
    region: Region | None = None,
    sectors: Iterable[Sector] | None = None,
    working_languages: Iterable[str] | None = None,
    registry_id: str | None = None,
    **fields: Any,
) -> Organisation:
    require(by, "organisations.edit_organisation", organisation)
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(organisation, name, value)
    if region is not None:
        organisation.region, organisation.side = region, region.side
    if working_languages is not None:
        organisation.working_languages = _languages(working_languages)
    if registry_id is not None or region is not None:
        _validate_registry(
            organisation, organisation.registry_id if registry_id is None else registry_id
        )
    organisation.search_text = organisation_search_text(organisation)
    organisation.full_clean(exclude=["sectors", "members"])
    organisation.save()
    if sectors is not None:
        organisation.sectors.set(_check_sectors(sectors))
    audit_log(action="organisation.update", actor=by, target=organisation, fields=sorted(fields))
    profile_changed(programme=organisation.programme)
    return organisation


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by: User) -> Organisation:
    require(by, "core.operate")
    organisation.verified_at = timezone.now()
    organisation.save(update_fields=["verified_at", "updated_at"])
    audit_log(action="organisation.verify", actor=by, target=organisation)
    return organisation


@transaction.atomic
def membership_add(
    *, organisation: Organisation, user: User, by: User, role: str = Membership.Role.MEMBER
) -> Membership:
    require(by, "organisations.manage_members", organisation)
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    audit_log(action="membership.add", actor=by, target=organisation, user=user.email, role=role)
    return membership


@transaction.atomic
def membership_remove(*, organisation: Organisation, user: User, by: User) -> None:
    require(by, "organisations.manage_members", organisation)
    owners = organisation.memberships.filter(role=Membership.Role.OWNER)
    if owners.filter(user=user).exists() and owners.count() == 1:
        raise ValidationError(_("An organisation must keep at least one owner."))
    organisation.memberships.filter(user=user).delete()
    audit_log(action="membership.remove", actor=by, target=organisation, user=user.email)


def opportunity_search_text(opportunity: Opportunity) -> str:
    organisation = opportunity.organisation
    parts = [
        opportunity.reference,
        opportunity.title,
        opportunity.summary,
        opportunity.description,
        organisation.legal_name,
        organisation.name_en,
        organisation.name_ru,
        organisation.name_kk,
    ]
    return " ".join(p for p in parts if p).lower()


def _next_reference(organisation: Organisation) -> str:
    """The side's next number this year. Called under the side's lock, so two organisations
    creating opportunities at once never draw the same number."""
    year = timezone.localdate().year
    prefix = f"{organisation.side.code}{year}"
    count = Opportunity.objects.filter(reference__startswith=prefix).count()
    reference = f"{prefix}-{count + 1:05d}"
    while Opportunity.objects.filter(reference=reference).exists():
        count += 1
        reference = f"{prefix}-{count + 1:05d}"
    return reference


def _just_created(organisation: Organisation, by: User, **fields: str) -> Opportunity | None:
    """The same opportunity by the same person moments ago: the form was sent twice (a double
    click, a resent page), and the second sending gets the first one back."""
    since = timezone.now() - RESUBMISSION_WINDOW
    return (
        Opportunity.objects.filter(
            organisation=organisation, created_by=by, created_at__gte=since, **fields
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def opportunity_create(
    *,
    organisation: Organisation,
    by: User,
    type: str,
    title: str,
    summary: str,
    sectors: Iterable[Sector],
    description: str = "",
    target_side: Side | None = None,
    target_regions: Iterable[Region] = (),
    languages: Iterable[str] = (),
    expires_on: dt.date | None = None,
) -> Opportunity:
    require(by, "organisations.create_opportunity", organisation)
    side_lock(pk=organisation.side_id)
    twin = _just_created(organisation, by, type=type, title=title, summary=summary)
    if twin is not None:
        return twin
    opportunity = Opportunity(
        organisation=organisation,
        reference=_next_reference(organisation),
        type=type,
        title=title,
        summary=summary,
        description=description,
        target_side=target_side,
        languages=_languages(languages),
        expires_on=expires_on or default_expiry(),
        created_by=by,
    )
    opportunity.search_text = opportunity_search_text(opportunity)
    opportunity.full_clean(exclude=["sectors", "target_regions"])
    opportunity.save()
    opportunity.sectors.set(_check_sectors(sectors))
    opportunity.target_regions.set(list(target_regions))
    audit_log(action="opportunity.create", actor=by, target=opportunity)
    return opportunity


def default_expiry() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=OPPORTUNITY_LIFETIME_DAYS)


@transaction.atomic
def opportunity_update(
    *,
    opportunity: Opportunity,
    by: User,
    sectors: Iterable[Sector] | None = None,
    target_regions: Iterable[Region] | None = None,
    languages: Iterable[str] | None = None,
    **fields: Any,
) -> Opportunity:
    require(by, "organisations.edit_opportunity", opportunity)
    unknown = set(fields) - OPPORTUNITY_FIELDS
    if unknown:
        raise TypeError(f"unknown opportunity fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(opportunity, name, value)
    if languages is not None:
        opportunity.languages = _languages(languages)
    opportunity.search_text = opportunity_search_text(opportunity)
    # The creator may since have deleted their account (created_by is SET_NULL, not blank=True).
    opportunity.full_clean(exclude=["sectors", "target_regions", "created_by"])
    opportunity.save()
    if sectors is not None:
        opportunity.sectors.set(_check_sectors(sectors))
    if target_regions is not None:
        opportunity.target_regions.set(list(target_regions))
    audit_log(action="opportunity.update", actor=by, target=opportunity, fields=sorted(fields))
    return opportunity


def _lock(opportunity: Opportunity) -> Opportunity:
    """Re-read the row under a lock so that two operators cannot act on it at once."""
    return (
        Opportunity.objects.select_for_update()
        .select_related("organisation")
        .get(pk=opportunity.pk)
    )


def _notify_members(opportunity: Opportunity, template: str) -> None:
    for user in opportunity.organisation.members.filter(is_active=True):
        notify(recipient=user, template=template, context={"opportunity": opportunity})


@transaction.atomic
def opportunity_submit(*, opportunity: Opportunity, by: User) -> Opportunity:
    opportunity = _lock(opportunity)
    require(by, "organisations.submit_opportunity", opportunity)
    OPPORTUNITY_FLOW.move(opportunity, "submit")
    opportunity.submitted_at = timezone.now()
    opportunity.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_log(action="opportunity.submit", actor=by, target=opportunity)
    for operator in operators():
        notify(
            recipient=operator,
            template="organisations/email/opportunity_submitted",
            context={"opportunity": opportunity},
        )
    return opportunity


@transaction.atomic
def opportunity_publish(*, opportunity: Opportunity, by: User) -> Opportunity:
    opportunity = _lock(opportunity)
    require(by, "organisations.validate_opportunity", opportunity)
    OPPORTUNITY_FLOW.move(opportunity, "publish")
    opportunity.published_at = timezone.now()
    opportunity.rejection_reason = ""
    if opportunity.expires_on <= timezone.localdate():
        opportunity.expires_on = default_expiry()
    opportunity.save(
        update_fields=["status", "published_at", "rejection_reason", "expires_on", "updated_at"]
    )
    audit_log(action="opportunity.publish", actor=by, target=opportunity)
    profile_changed(programme=opportunity.organisation.programme)
    _notify_members(opportunity, "organisations/email/opportunity_published")
    return opportunity


@transaction.atomic
def opportunity_reject(*, opportunity: Opportunity, by: User, reason: str) -> Opportunity:
    if not reason.strip():
        raise ValidationError({"reason": _("Please give the reason, so the members can fix it.")})
    opportunity = _lock(opportunity)
    require(by, "organisations.validate_opportunity", opportunity)
    OPPORTUNITY_FLOW.move(opportunity, "reject")
    opportunity.rejection_reason = reason.strip()
    opportunity.save(update_fields=["status", "rejection_reason", "updated_at"])
    audit_log(action="opportunity.reject", actor=by, target=opportunity, reason=reason.strip())
    _notify_members(opportunity, "organisations/email/opportunity_rejected")
    return opportunity


@transaction.atomic
def opportunity_close(*, opportunity: Opportunity, by: User) -> Opportunity:
    opportunity = _lock(opportunity)
    require(by, "organisations.close_opportunity", opportunity)
    OPPORTUNITY_FLOW.move(opportunity, "close")
    opportunity.closed_at = timezone.now()
    opportunity.save(update_fields=["status", "closed_at", "updated_at"])
    audit_log(action="opportunity.close", actor=by, target=opportunity)
    profile_changed(programme=opportunity.organisation.programme)
    return opportunity


@transaction.atomic
def opportunity_renew(*, opportunity: Opportunity, by: User) -> Opportunity:
    opportunity = _lock(opportunity)
    require(by, "organisations.renew_opportunity", opportunity)
    opportunity.expires_on = default_expiry()
    OPPORTUNITY_FLOW.move(opportunity, "renew")
    opportunity.published_at = opportunity.published_at or timezone.now()
    opportunity.save(update_fields=["expires_on", "status", "published_at", "updated_at"])
    audit_log(action="opportunity.renew", actor=by, target=opportunity)
    profile_changed(programme=opportunity.organisation.programme)
    return opportunity


@transaction.atomic
def opportunities_expire_due(*, today: dt.date | None = None) -> int:
    """Expire every published opportunity whose date has passed; returns how many."""
    today = today or timezone.localdate()
    due = list(
        Opportunity.objects.select_for_update()
        .select_related("organisation")
        .filter(status=Opportunity.Status.PUBLISHED, expires_on__lt=today)
    )
    for opportunity in due:
        OPPORTUNITY_FLOW.move(opportunity, "expire")
        opportunity.save(update_fields=["status", "updated_at"])
        audit_log(action="opportunity.expire", actor=None, target=opportunity)
        profile_changed(programme=opportunity.organisation.programme)
        _notify_members(opportunity, "organisations/email/opportunity_expired")
    return len(due)
