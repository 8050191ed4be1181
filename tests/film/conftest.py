import pytest
from django.utils import translation

from twinning.film.rulebook import RuleBook, load_bundled_rulebook


@pytest.fixture(scope="session")
def rulebook() -> RuleBook:
    return load_bundled_rulebook()


@pytest.fixture(autouse=True)
def _english():
    """Messages in English whatever an earlier request on this thread left active."""
    with translation.override("en"):
        yield


# Studios and applications, for the tests that use the database.


@pytest.fixture
def studio(db, programme):  # type: ignore[no-untyped-def]
    from tests.factories import OrganisationFactory

    return OrganisationFactory(programme=programme, kind="studio", legal_name="Dales Pictures Ltd")


@pytest.fixture
def producer(studio):  # type: ignore[no-untyped-def]
    """An owner of the studio."""
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=studio, user__email="producer@example.org").user


@pytest.fixture
def application(studio, producer):  # type: ignore[no-untyped-def]
    from tests.film.test_services import new_application

    return new_application(studio, producer)
