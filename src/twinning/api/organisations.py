"""Organisations and opportunities: the directory, my organisations, and the workflow."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.auth import OPTIONAL
from twinning.api.forms import cleaned, cleaned_form, require
from twinning.api.parity import pages
from twinning.api.schemas import (
    Error,
    FieldErrors,
    MemberIn,
    MemberOut,
    OpportunityEditIn,
    OpportunityIn,
    OpportunityOut,
    OrganisationIn,
    OrganisationOut,
    RejectIn,
)
from twinning.organisations import selectors, services
from twinning.organisations.forms import MemberAddForm, OpportunityForm, OrganisationForm
from twinning.programmes.selectors import programme_default

router = Router(tags=["organisations"])


def organisation_out(organisation: Any) -> OrganisationOut:
    return OrganisationOut(
        slug=organisation.slug,
        name=organisation.display_name,
        legal_name=organisation.legal_name,
        kind=organisation.kind,
        side=organisation.side.code,
        region=organisation.region.slug,
        size=organisation.size,
        working_languages=organisation.language_list,
        sectors=[s.code for s in organisation.sectors.all()],
        description=organisation.description,
        website=organisation.website,
    )


def opportunity_out(opportunity: Any) -> OpportunityOut:
    organisation = opportunity.organisation
    return OpportunityOut(
        id=opportunity.pk,
        reference=opportunity.reference,
        type=opportunity.type,
        title=opportunity.title,
        summary=opportunity.summary,
        description=opportunity.description,
        status=opportunity.status,
        sectors=[s.code for s in opportunity.sectors.all()],
        languages=opportunity.language_list,
        organisation=organisation.slug,
        side=organisation.side.code,
        region=organisation.region.slug,
        expires_on=opportunity.expires_on,
        published_at=opportunity.published_at,
    )


@router.get(
    "/opportunities",
    response=list[OpportunityOut],
    auth=OPTIONAL,
    openapi_extra=pages("organisations:directory"),
)
@paginate(LimitOffsetPagination)
def directory(
    request: HttpRequest,
    q: str = "",
    type: str = "",
    sector: str = "",
    region: str = "",
    side: str = "",
    language: str = "",
) -> list[OpportunityOut]:
    """Published opportunities, filtered like the public directory (no contact details)."""
    filters = selectors.DirectoryFilters(
        query=q, type=type, sector=sector, region=region, side=side, language=language
    )
    return [opportunity_out(o) for o in selectors.opportunities_published(filters=filters)]


def _visible_opportunity(request: HttpRequest, pk: int) -> Any:
    opportunity = selectors.opportunity_get(pk=pk)
    if opportunity is None or not request.user.has_perm(
        "organisations.view_opportunity", opportunity
    ):
        raise HttpError(404, _("Not found."))
    return opportunity


@router.get(
    "/opportunities/{pk}",
    response={200: OpportunityOut, 404: Error},
    auth=OPTIONAL,
    openapi_extra=pages("organisations:opportunity"),
)
def opportunity_detail(request: HttpRequest, pk: int) -> OpportunityOut:
    return opportunity_out(_visible_opportunity(request, pk))


@router.get(
    "/me/organisations",
    response=list[OrganisationOut],
    openapi_extra=pages("organisations:mine", "matching:home"),
)
@paginate(LimitOffsetPagination)
def my_organisations(request: HttpRequest) -> list[OrganisationOut]:
    return [
        organisation_out(m.organisation)
        for m in selectors.organisations_for_user(user=request.user).prefetch_related(
            "organisation__sectors"
        )
    ]


@router.get(
    "/me/opportunities", response=list[OpportunityOut], openapi_extra=pages("organisations:mine")
)
@paginate(LimitOffsetPagination)
def my_opportunities(request: HttpRequest) -> list[OpportunityOut]:
    return [opportunity_out(o) for o in selectors.opportunities_for_user(user=request.user)]


@router.post(
    "/opportunities",
    response={201: OpportunityOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("organisations:opportunity_create"),
)
def create_opportunity(request: HttpRequest, payload: OpportunityIn) -> Status:
    organisation = selectors.organisation_get(slug=payload.organisation)
    if organisation is None or not request.user.has_perm(
        "organisations.view_private", organisation
    ):
        raise HttpError(404, _("Not found."))
    # The page's form: the expiry in the future, known regions, sides and sectors, the lengths.
    data = cleaned(OpportunityForm, _form_input(payload))
    opportunity = services.opportunity_create(organisation=organisation, by=request.user, **data)
    return Status(201, opportunity_out(selectors.opportunity_get(pk=opportunity.pk)))


def _transition(request: HttpRequest, pk: int, action: str, **extra: Any) -> OpportunityOut:
    opportunity = _visible_opportunity(request, pk)
    function = getattr(services, f"opportunity_{action}")
    function(opportunity=opportunity, by=request.user, **extra)
    return opportunity_out(selectors.opportunity_get(pk=pk))


TRANSITION_RESPONSES = {200: OpportunityOut, 400: FieldErrors, 403: Error, 404: Error}


@router.post(
    "/opportunities/{pk}/submit",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("organisations:opportunity_submit"),
)
def submit(request: HttpRequest, pk: int) -> OpportunityOut:
    return _transition(request, pk, "submit")


@router.post(
    "/opportunities/{pk}/publish",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("organisations:opportunity_publish"),
)
def publish(request: HttpRequest, pk: int) -> OpportunityOut:
    return _transition(request, pk, "publish")


@router.post(
    "/opportunities/{pk}/reject",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("organisations:opportunity_reject"),
)
def reject(request: HttpRequest, pk: int, payload: RejectIn) -> OpportunityOut:
    return _transition(request, pk, "reject", reason=payload.reason)


@router.post(
    "/opportunities/{pk}/close",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("organisations:opportunity_close"),
)
def close(request: HttpRequest, pk: int) -> OpportunityOut:
    return _transition(request, pk, "close")


@router.post(
    "/opportunities/{pk}/renew",
    response=TRANSITION_RESPONSES,
    openapi_extra=pages("organisations:opportunity_renew"),
)
def renew(request: HttpRequest, pk: int) -> OpportunityOut:
    return _transition(request, pk, "renew")


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, 404: Error},
    auth=OPTIONAL,
    openapi_extra=pages("organisations:detail"),
)
def organisation_detail(request: HttpRequest, slug: str) -> OrganisationOut:
    organisation = selectors.organisation_get(slug=slug)
    if organisation is None:
        raise HttpError(404, _("Not found."))
    return organisation_out(organisation)


# ---------------------------------------------------------------- profiles and members


def _organisation(slug: str) -> Any:
    organisation = selectors.organisation_get(slug=slug)
    if organisation is None:
        raise HttpError(404, _("No such organisation."))
    return organisation


def _form_input(payload: Any) -> dict[str, Any]:
    """API input as the page's form takes it: NACE codes are one line of text there."""
    data = payload.model_dump(exclude_unset=True)
    if "sectors" in data:
        data["sectors"] = ", ".join(data["sectors"])
    return data


@router.post(
    "/organisations",
    response={201: OrganisationOut, 400: FieldErrors, 403: Error},
    openapi_extra=pages("organisations:create"),
)
def organisation_create(request: HttpRequest, payload: OrganisationIn) -> Status:
    """Register an organisation in the open programme; I become its owner."""
    require(request, "organisations.create_organisation")
    programme = programme_default()
    if programme is None:
        raise ValidationError(_("No programme is open for registration yet."))
    form = cleaned_form(OrganisationForm, _form_input(payload))
    organisation = services.organisation_create(
        programme=programme, by=request.user, **form.service_arguments()
    )
    return Status(201, organisation_out(selectors.organisation_get(slug=organisation.slug)))


@router.put(
    "/organisations/{slug}",
    response={200: OrganisationOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("organisations:edit"),
)
def organisation_update(request: HttpRequest, slug: str, payload: OrganisationIn) -> Any:
    """Change the profile, with the checks of the page's form; fields left out keep their
    values (the logo stays)."""
    organisation = _organisation(slug)
    require(request, "organisations.edit_organisation", organisation)
    initial = OrganisationForm.initial_for(organisation)
    initial["sectors"] = ", ".join(sector.code for sector in initial["sectors"])
    form = cleaned_form(OrganisationForm, _form_input(payload), initial=initial)
    services.organisation_update(
        organisation=organisation, by=request.user, **form.service_arguments()
    )
    return organisation_out(selectors.organisation_get(slug=slug))


def member_out(membership: Any) -> MemberOut:
    user = membership.user
    return MemberOut(user_id=user.pk, name=str(user), email=user.email, role=membership.role)


@router.get(
    "/organisations/{slug}/members",
    response={200: list[MemberOut], 403: Error, 404: Error},
    openapi_extra=pages("organisations:members"),
)
@paginate(LimitOffsetPagination)
def members(request: HttpRequest, slug: str) -> list[MemberOut]:
    """The members, to every member of the organisation."""
    organisation = _organisation(slug)
    require(request, "organisations.view_private", organisation)
    return [member_out(m) for m in selectors.organisation_members(organisation=organisation)]


@router.post(
    "/organisations/{slug}/members",
    response={201: MemberOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("organisations:members"),
)
def member_add(request: HttpRequest, slug: str, payload: MemberIn) -> Status:
    """Add someone who has an account, by e-mail (owners only)."""
    organisation = _organisation(slug)
    require(request, "organisations.manage_members", organisation)
    data = cleaned(MemberAddForm, payload)
    user = selectors.user_by_email(email=data["email"])
    if user is None:
        raise ValidationError({"email": [_("Nobody has an account with this e-mail address.")]})
    membership = services.membership_add(
        organisation=organisation, user=user, by=request.user, role=data["role"]
    )
    return Status(201, member_out(membership))


@router.delete(
    "/organisations/{slug}/members/{user_id}",
    response={204: None, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("organisations:member_remove"),
)
def member_remove(request: HttpRequest, slug: str, user_id: int) -> Status:
    """Remove a member (owners only); the last owner cannot be removed."""
    organisation = _organisation(slug)
    require(request, "organisations.manage_members", organisation)
    membership = (
        selectors.organisation_members(organisation=organisation).filter(user_id=user_id).first()
    )
    if membership is None:
        raise HttpError(404, _("This person is not a member."))
    services.membership_remove(organisation=organisation, user=membership.user, by=request.user)
    return Status(204, None)


@router.put(
    "/opportunities/{pk}",
    response={200: OpportunityOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("organisations:opportunity_edit"),
)
def opportunity_update(request: HttpRequest, pk: int, payload: OpportunityEditIn) -> Any:
    """Change an opportunity's text and targets, with the checks of the page's form; fields
    left out keep their values."""
    opportunity = _visible_opportunity(request, pk)
    require(request, "organisations.edit_opportunity", opportunity)
    initial = OpportunityForm.initial_for(opportunity)
    initial["sectors"] = ", ".join(sector.code for sector in initial["sectors"])
    data = cleaned(OpportunityForm, _form_input(payload), initial=initial)
    services.opportunity_update(opportunity=opportunity, by=request.user, **data)
    return opportunity_out(selectors.opportunity_get(pk=pk))


@router.get(
    "/validation/queue",
    response={200: list[OpportunityOut], 403: Error},
    openapi_extra=pages("organisations:queue"),
)
@paginate(LimitOffsetPagination)
def validation_queue(request: HttpRequest) -> list[OpportunityOut]:
    """Submitted opportunities waiting for an operator, oldest first."""
    require(request, "organisations.view_validation_queue")
    return [opportunity_out(o) for o in selectors.opportunities_submitted()]
