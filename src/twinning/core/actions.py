"""Running a service from a page: its refusal becomes a message, not an error page."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

T = TypeVar("T")


def attempt(request: HttpRequest, action: Callable[[], T], success: Any = "") -> T | None:
    """Run a service; show its refusal as a message instead of an error page."""
    try:
        result = action()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return None
    if success:
        messages.success(request, str(success))
    return result
