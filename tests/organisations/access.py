"""Who may reach the organisations' pages and API."""

from tests.access import (
    DENY,
    LOGIN,
    OK,
    Route,
    member_only,
    operator_only,
    owner,
    post,
    public,
    signed_in,
)


def _opportunity(world):
    return [world.opportunity.pk]


def _slug(world):
    return [world.organisation.slug]


def _submitted(world):
    from twinning.organisations.services import opportunity_submit

    opportunity_submit(opportunity=world.opportunity, by=world.users["member"])


def _published(world):
    from twinning.organisations.services import opportunity_publish

    _submitted(world)
    world.opportunity.refresh_from_db()
    opportunity_publish(opportunity=world.opportunity, by=world.users["operator"])


PAGES = {
    "organisations:directory": public(),
    # A draft is seen by its organisation and the operators only.
    "organisations:opportunity": Route(LOGIN, DENY, OK, OK, args=_opportunity),
    "organisations:opportunity_edit": owner(_opportunity),
    # Operators validate; they do not submit for an organisation.
    "organisations:opportunity_submit": post(member_only(_opportunity)),
    "organisations:opportunity_close": post(owner(_opportunity)),
    "organisations:opportunity_renew": post(owner(_opportunity, setup=_published)),
    "organisations:opportunity_publish": post(operator_only(_opportunity, setup=_submitted)),
    "organisations:opportunity_reject": post(
        operator_only(_opportunity, setup=_submitted, data=lambda w: {"reason": "Too vague."})
    ),
    "organisations:queue": operator_only(),
    "organisations:mine": signed_in(),
    "organisations:create": signed_in(),
    "organisations:detail": public(_slug),
    "organisations:edit": owner(_slug),
    "organisations:members": owner(_slug),
    "organisations:member_remove": post(
        owner(lambda w: [w.organisation.slug, w.users["member"].pk])
    ),
    "organisations:opportunity_create": member_only(_slug),
}


def _pk(world):
    return {"pk": world.opportunity.pk}


def _org(world):
    return {"slug": world.organisation.slug}


def _second(world):
    """A second member, so that removing one leaves the organisation an owner."""
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=world.organisation, role="member").user_id


NEW_ORGANISATION = {
    "kind": "company",
    "legal_name": "Tobyl Grain LLP",
    "name_en": "Tobyl Grain",
    "region": "kostanay",
    "size": "small",
    "working_languages": ["en", "ru"],
    "sectors": ["01.11"],
    "description": "Grain.",
    "contact_name": "Aidos",
    "contact_email": "aidos@example.org",
}

NEW_OPPORTUNITY = {
    "type": "business_offer",
    "title": "Grain dryers",
    "summary": "We make grain dryers.",
    "sectors": ["28.93"],
}

API = {
    "GET /api/opportunities": public(),
    "POST /api/opportunities": post(
        member_only(data=lambda w: {"organisation": w.organisation.slug, **NEW_OPPORTUNITY})
    ),
    "GET /api/opportunities/{pk}": Route(DENY, DENY, OK, OK, args=_pk),
    "GET /api/me/organisations": signed_in(),
    "GET /api/me/opportunities": signed_in(),
    "POST /api/opportunities/{pk}/submit": post(member_only(_pk)),
    "POST /api/opportunities/{pk}/publish": post(operator_only(_pk, setup=_submitted)),
    "POST /api/opportunities/{pk}/reject": post(
        operator_only(_pk, setup=_submitted, data=lambda w: {"reason": "Too vague."})
    ),
    "POST /api/opportunities/{pk}/close": post(owner(_pk)),
    "POST /api/opportunities/{pk}/renew": post(owner(_pk, setup=_published)),
    "GET /api/organisations/{slug}": public(lambda w: {"slug": w.organisation.slug}),
    "POST /api/organisations": post(signed_in(data=lambda w: NEW_ORGANISATION)),
    "PUT /api/organisations/{slug}": Route(
        LOGIN, DENY, OK, OK, method="PUT", args=_org, data=lambda w: NEW_ORGANISATION
    ),
    "GET /api/organisations/{slug}/members": owner(_org),
    "POST /api/organisations/{slug}/members": post(
        owner(_org, data=lambda w: {"email": w.users["other"].email})
    ),
    "DELETE /api/organisations/{slug}/members/{user_id}": Route(
        LOGIN, DENY, OK, OK, method="DELETE", args=lambda w: {**_org(w), "user_id": _second(w)}
    ),
    "PUT /api/opportunities/{pk}": Route(
        LOGIN,
        DENY,
        OK,
        OK,
        method="PUT",
        args=_pk,
        data=lambda w: {**NEW_OPPORTUNITY, "expires_on": "2030-01-01"},
    ),
    "GET /api/validation/queue": operator_only(),
}
