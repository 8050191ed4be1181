from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from twinning.core.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a key made on the "My account" page or in the admin."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(key=token)
        if user is not None:
            request.user = user
        return user


def anonymous(request: HttpRequest) -> bool:
    """Lets a request through without a token; views then see an anonymous user."""
    return True


# Public endpoints still recognise a token, so members see their own unpublished items.
OPTIONAL = [TokenAuth(), anonymous]
