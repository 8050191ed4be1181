"""Who may reach the core pages (accounts, dashboard, the API's documents)."""

from tests.access import DENY, INVALID, LOGIN, OK, Route, operator_only, post, public, signed_in

PASSWORD = "correct-horse-battery"  # every user of the access matrix's world has it


def _token(world):
    from twinning.core.services import api_token_create

    token, _key = api_token_create(user=world.users["member"], name="matrix")
    return [token.pk]


def _own_token(world):
    from twinning.core.services import api_token_create

    token, _key = api_token_create(user=world.users["member"], name="matrix")
    return {"pk": token.pk}


def _receipt(world):
    from twinning.core.models import DeletionReceipt

    return [DeletionReceipt.objects.create(reference="DEL-MATRIX", summary={"files": 0}).reference]


PAGES = {
    "set_language": post(public(data=lambda w: {"language": "ru", "next": "/"})),
    "core:home": public(),
    "core:privacy": public(),
    "core:signup": public(),
    "core:signup_sent": public(),
    "core:signup_confirm": public(
        lambda w: ["MQ", "bad-token"], reason="an invalid link shows its own message"
    ),
    "core:login": public(),
    "core:logout": post(public()),
    "core:password_reset": public(),
    "core:password_reset_done": public(),
    "core:password_reset_confirm": public(
        lambda w: ["MQ", "bad-token"], reason="an invalid link shows its own message"
    ),
    "core:password_reset_complete": public(),
    "core:account": signed_in(),
    "core:api_token_create": post(
        signed_in(data=lambda w: {"name": "script", "password": PASSWORD})
    ),
    # Only the token's owner: another user's token is not found (operators included).
    "core:api_token_revoke": post(Route(LOGIN, DENY, OK, DENY, args=_token)),
    "core:account_export": signed_in(),
    "core:account_delete": signed_in(),
    "core:dashboard": signed_in(),
    "core:consents": signed_in(),
    "core:deletion_receipt": public(
        _receipt, reason="holds no personal data; its reference is random and unguessable"
    ),
    "core:audit_log": operator_only(),
    # A member asking for another person's archive by id is refused, their own included:
    # a person's own export is /accounts/me/export/.
    "core:person_export": operator_only(lambda w: [w.users["member"].pk]),
    "api:openapi-json": public(reason="the schema documents the API; it holds no data"),
    "api:openapi-view": public(reason="the schema documents the API; it holds no data"),
    "api:api-root": Route(DENY, DENY, DENY, DENY, reason="no API index page; /api/docs is it"),
    "core:health": public(reason="a probe for load balancers: the queue's depth, no personal data"),
    "core:health_database": public(reason="a probe for load balancers: one query, no data"),
    "admin:login": public(),
    "admin:logout": post(public()),
}


API = {
    "GET /api/me": signed_in(),
    "PUT /api/me": Route(
        LOGIN, OK, OK, OK, method="PUT", data=lambda w: {"full_name": "A. Person", "language": "ru"}
    ),
    "GET /api/me/tokens": signed_in(),
    "POST /api/me/tokens": post(signed_in(data=lambda w: {"name": "script", "password": PASSWORD})),
    "POST /api/me/tokens/{pk}/revoke": post(Route(LOGIN, DENY, OK, DENY, args=_own_token)),
    "GET /api/me/export": signed_in(),
    # The sole owner of an organisation hands it over before leaving (the world's users are).
    "POST /api/me/delete": post(
        Route(
            LOGIN,
            INVALID,
            INVALID,
            OK,
            data=lambda w: {"password": "correct-horse-battery", "confirm": True},
        )
    ),
    "GET /api/me/dashboard": signed_in(),
    "GET /api/me/consents": signed_in(),
    "POST /api/me/consents/{purpose}/withdraw": post(
        signed_in(args=lambda w: {"purpose": "marketing"})
    ),
    "GET /api/overview": public(),
}
