from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    return {"SITE_NAME": "Twinning", "PRIVACY_NOTICE_VERSION": settings.PRIVACY_NOTICE_VERSION}
