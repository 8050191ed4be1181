import pytest
from django.test import Client


@pytest.fixture
def member_client(member) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def operator_client(operator) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(operator)
    return client


# The events' and the film's set-ups, for the notification tests (shared rather than copied).
from tests.events.conftest import almaty, event, leeds  # noqa: E402, F401
from tests.film.conftest import producer, studio  # noqa: E402, F401
