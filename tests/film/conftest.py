import pytest

from twinning.film.rulebook import RuleBook, load_bundled_rulebook


@pytest.fixture(scope="session")
def rulebook() -> RuleBook:
    return load_bundled_rulebook()
