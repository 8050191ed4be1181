"""Who may reach the recommendations and the operators' matching pages."""

from tests.access import DENY, LOGIN, OK, Route, member_only, operator_only, owner, post, signed_in


def _organisation(world):
    return [world.organisation.pk]


PAGES = {
    "matching:home": signed_in(),
    # Signed out is refused outright on the recommendation pages (no sign-in detour).
    "matching:organisation": Route(DENY, DENY, OK, OK, args=_organisation),
    "matching:opportunity": Route(
        DENY, DENY, OK, OK, args=lambda w: [w.organisation.pk, w.opportunity.pk]
    ),
    # Feedback is the organisation's own judgement: operators do not give it.
    "matching:feedback": post(
        Route(
            DENY,
            DENY,
            OK,
            DENY,
            args=lambda w: [w.organisation.pk, w.partner.pk],
            data=lambda w: {"kind": "interesting"},
        )
    ),
    "matching:refresh": post(Route(DENY, DENY, OK, OK, args=_organisation)),
    # The operator's recompute job: only its starter and operators follow it.
    "matching:job": operator_only(lambda w: [w.job.pk]),
    "matching:pairs": Route(DENY, DENY, DENY, OK),
    "matching:recompute": post(Route(DENY, DENY, DENY, OK)),
}


def _slug(world):
    return {"slug": world.organisation.slug}


API = {
    "GET /api/organisations/{slug}/recommendations": owner(_slug),
    "POST /api/organisations/{slug}/feedback": post(
        member_only(_slug, data=lambda w: {"candidate": w.partner.slug, "kind": "interesting"})
    ),
    "DELETE /api/organisations/{slug}/feedback/{candidate}": Route(
        LOGIN,
        DENY,
        OK,
        DENY,
        method="DELETE",
        args=lambda w: {"slug": w.organisation.slug, "candidate": w.partner.slug},
    ),
    "POST /api/organisations/{slug}/recommendations/refresh": post(owner(_slug)),
}

API |= {
    "GET /api/matching/pairs": operator_only(),
    "POST /api/matching/recompute": post(operator_only(data=lambda w: {})),
}
