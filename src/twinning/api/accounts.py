"""One's own account: profile, API tokens, data export and deletion, the dashboard; and the
programme's public overview (the home page's figures)."""

import datetime as dt
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.auth import OPTIONAL
from twinning.api.forms import cleaned, require
from twinning.api.organisations import opportunity_out
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In, OpportunityOut
from twinning.core import selectors, services
from twinning.core.forms import AccountDeleteForm, AccountForm, ApiTokenForm
from twinning.core.models import ApiToken
from twinning.organisations import selectors as organisation_selectors
from twinning.programmes.selectors import programme_default

router = Router(tags=["account"])

OWN_ACCOUNT = "core.manage_own_account"


class ProfileIn(In):
    full_name: str
    phone: str = ""
    language: str
    time_zone: str = ""


class ProfileOut(ProfileIn):
    email: str


class TokenIn(In):
    name: str
    password: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None


class NewTokenOut(TokenOut):
    key: str


class DeleteIn(In):
    password: str
    confirm: bool


class MembershipOut(Schema):
    organisation: str
    name: str
    role: str
    opportunity_count: int


class DashboardOut(Schema):
    memberships: list[MembershipOut]
    opportunities: list[OpportunityOut]
    validation_queue: int | None


class OverviewOut(Schema):
    programme: str | None
    organisations_side_a: int = 0
    organisations_side_b: int = 0
    published_opportunities: int = 0
    sections_represented: int = 0


def profile_out(user: Any) -> ProfileOut:
    fields = ("email", "full_name", "phone", "language", "time_zone")
    return ProfileOut(**{name: getattr(user, name) for name in fields})


def token_out(token: ApiToken) -> dict[str, Any]:
    fields = ("id", "name", "prefix", "created_at", "last_used_at")
    return {name: getattr(token, name) for name in fields}


@router.get("/me", response=ProfileOut, openapi_extra=pages("core:account"))
def profile(request: HttpRequest) -> ProfileOut:
    require(request, OWN_ACCOUNT)
    return profile_out(request.user)


@router.put(
    "/me",
    response={200: ProfileOut, 400: FieldErrors, 403: Error},
    openapi_extra=pages("core:account"),
)
def profile_update(request: HttpRequest, payload: ProfileIn) -> ProfileOut:
    """The same fields and checks as the "My account" form."""
    require(request, OWN_ACCOUNT)
    data = cleaned(AccountForm, payload)
    return profile_out(services.user_update_profile(user=request.user, **data))


@router.get("/me/tokens", response=list[TokenOut], openapi_extra=pages("core:account"))
@paginate(LimitOffsetPagination)
def tokens(request: HttpRequest) -> list[dict[str, Any]]:
    """My tokens still in use, newest first (the key itself is never shown again)."""
    require(request, OWN_ACCOUNT)
    return [token_out(token) for token in selectors.api_tokens_for(user=request.user)]


@router.post(
    "/me/tokens",
    response={201: NewTokenOut, 400: FieldErrors, 403: Error, 429: Error},
    openapi_extra=pages("core:api_token_create"),
)
def token_create(request: HttpRequest, payload: TokenIn) -> Status:
    """A new named token; `key` is in this answer only. Asks for the account's password: too many
    wrong ones lock token creation and sign-in out for a while (429)."""
    require(request, OWN_ACCOUNT)
    data = cleaned(ApiTokenForm, payload, request=request, user=request.user)
    token, key = services.api_token_create(user=request.user, name=data["name"])
    return Status(201, {**token_out(token), "key": key})


@router.post(
    "/me/tokens/{pk}/revoke",
    response={204: None, 403: Error, 404: Error},
    openapi_extra=pages("core:api_token_revoke"),
)
def token_revoke(request: HttpRequest, pk: int) -> Status:
    """The token stops working at once (the one making this request too, if named)."""
    require(request, OWN_ACCOUNT)
    token = selectors.api_token_get(user=request.user, pk=pk)
    if token is None:
        raise HttpError(404, _("Not found."))
    services.api_token_revoke(token=token, by=request.user)
    return Status(204, None)


@router.get(
    "/me/export",
    response={200: dict[str, Any], 403: Error},
    openapi_extra=pages("core:account_export"),
)
def export(request: HttpRequest) -> dict[str, Any]:
    """Everything stored about me, the same document as the page's download."""
    require(request, OWN_ACCOUNT)
    data = services.user_export_data(user=request.user)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))  # type: ignore[no-any-return]


class ReceiptOut(Schema):
    reference: str
    deleted_at: dt.datetime
    summary: dict[str, int]


class ConsentOut(Schema):
    purpose: str
    notice_version: str
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None


@router.post(
    "/me/delete",
    response={200: ReceiptOut, 400: FieldErrors, 403: Error, 429: Error},
    openapi_extra=pages("core:account_delete", "core:deletion_receipt"),
)
def delete(request: HttpRequest, payload: DeleteIn) -> Any:
    """Delete my account and personal data: my password and `confirm: true`, as on the page.
    Refused (400) while I am the only owner of an organisation; too many wrong passwords lock
    this and the sign-in out for a while (429), as for tokens. Answers with the receipt (its
    reference, the time, and what was deleted, by kind), which names nobody."""
    require(request, OWN_ACCOUNT)
    cleaned(AccountDeleteForm, payload, request=request, user=request.user)
    return services.user_delete(user=request.user)


@router.get("/me/consents", response=list[ConsentOut], openapi_extra=pages("core:consents"))
@paginate(LimitOffsetPagination)
def consents(request: HttpRequest) -> Any:
    """What I agreed to, per purpose, with the dates (withdrawn ones included)."""
    require(request, OWN_ACCOUNT)
    return list(selectors.consents_of(user=request.user))


@router.post(
    "/me/consents/{purpose}/withdraw",
    response={204: None, 400: FieldErrors, 403: Error},
    openapi_extra=pages("core:consents"),
)
def consent_withdraw(request: HttpRequest, purpose: str) -> Status:
    """Withdraw one purpose (`matching`, `marketing`, `photos`); it takes effect at once."""
    require(request, OWN_ACCOUNT)
    services.consent_withdraw(user=request.user, purpose=purpose)
    return Status(204, None)


@router.get("/me/dashboard", response=DashboardOut, openapi_extra=pages("core:dashboard"))
def dashboard(request: HttpRequest) -> dict[str, Any]:
    """My organisations with their opportunity counts, my latest opportunities, and for
    operators the length of the validation queue."""
    require(request, OWN_ACCOUNT)
    user = request.user
    memberships = [
        MembershipOut(
            organisation=m.organisation.slug,
            name=m.organisation.display_name,
            role=m.role,
            opportunity_count=m.opportunity_count,
        )
        for m in organisation_selectors.memberships_with_counts(user=user)
    ]
    latest = organisation_selectors.opportunities_for_user(user=user)[:50]
    queue = organisation_selectors.opportunities_submitted().count()
    return {
        "memberships": memberships,
        "opportunities": [opportunity_out(o) for o in latest],
        "validation_queue": queue if user.has_perm("core.operate") else None,
    }


@router.get("/overview", response=OverviewOut, auth=OPTIONAL, openapi_extra=pages("core:home"))
def overview(request: HttpRequest) -> dict[str, Any]:
    """The home page's live figures for the programme."""
    require(request, "core.view_public")
    programme = programme_default()
    if programme is None:
        return {"programme": None}
    figures = organisation_selectors.programme_overview(programme=programme)
    return {"programme": str(programme), **figures}
