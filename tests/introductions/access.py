"""Who may reach the introductions: the partner asked the member's organisation."""

from tests.access import DENY, LOGIN, OK, Route, operator_only, post, signed_in


def _introduction(world):
    return [world.introduction.pk]


PAGES = {
    "introductions:mine": signed_in(),
    "introductions:all": Route(DENY, DENY, DENY, OK),
    # Interest goes across sides: the stranger's organisation is on the partner's side.
    "introductions:new": Route(LOGIN, DENY, OK, DENY, args=lambda w: [w.partner.pk]),
    # The recipient (the member) answers; an operator may broker it.
    "introductions:accept": post(Route(LOGIN, DENY, OK, OK, args=_introduction)),
    "introductions:decline": post(Route(LOGIN, DENY, OK, DENY, args=_introduction)),
    # Only the requester (the partner) withdraws.
    "introductions:withdraw": post(Route(LOGIN, DENY, DENY, DENY, args=_introduction)),
}


def _pk(world):
    return {"pk": world.introduction.pk}


API = {
    "GET /api/introductions": signed_in(),
    # On behalf of the member's organisation: only its members.
    "POST /api/introductions": post(
        Route(
            LOGIN,
            DENY,
            OK,
            DENY,
            data=lambda w: {
                "requester": w.organisation.slug,
                "recipient": w.stranger.slug,
                "message": "Hi",
            },
        )
    ),
    "GET /api/introductions/{pk}": Route(LOGIN, DENY, OK, OK, args=_pk),
    "POST /api/introductions/{pk}/accept": post(Route(LOGIN, DENY, OK, OK, args=_pk)),
    "POST /api/introductions/{pk}/decline": post(Route(LOGIN, DENY, OK, DENY, args=_pk)),
    "POST /api/introductions/{pk}/withdraw": post(Route(LOGIN, DENY, DENY, DENY, args=_pk)),
}

API |= {
    "GET /api/introductions/all": operator_only(),
}
