import json

import pytest

# The events tests' set-up, shared rather than copied: an event, its brokerage-day grid and
# two participants (Lucy Leeds, Aigerim Almaty).
from tests.events.conftest import almaty, day, event, floor, leeds, meeting  # noqa: F401
from twinning.core.services import api_token_create

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def bearer(user):
    _, key = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE_TASKS


def send(client, method, path, data=None, headers=None):
    """A JSON request as an API client sends it."""
    body = json.dumps(data) if data is not None else ""
    call = getattr(client, method.lower())
    return call(path, body, content_type="application/json", **(headers or {}))
