"""The demo plan on its own: deterministic, well-formed, realistic enough to read."""

import re
from collections import Counter

import pytest

from twinning.demo.planner import build_plan
from twinning.organisations.registry import validate_kz_bin, validate_uk_company_number

pytestmark = pytest.mark.unit

KAZAKH_LETTERS = re.compile("[әғқңөұүһі]", re.IGNORECASE)
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture(scope="module")
def plan():  # type: ignore[no-untyped-def]
    return build_plan()


def test_same_seed_gives_the_same_plan(plan):  # type: ignore[no-untyped-def]
    again = build_plan()
    assert again.organisations == plan.organisations
    assert again.opportunities == plan.opportunities


def test_names_registry_numbers_and_emails_are_unique(plan):  # type: ignore[no-untyped-def]
    organisations = plan.organisations
    assert len({o.legal_name for o in organisations}) == len(organisations)
    assert len({(o.side, o.registry_id) for o in organisations if o.registry_id}) == len(
        [o for o in organisations if o.registry_id]
    )
    assert len({o.owner_email for o in organisations}) == len(organisations)


def test_registry_numbers_are_valid_for_their_side(plan):  # type: ignore[no-untyped-def]
    validators = {"UK": validate_uk_company_number, "KZ": validate_kz_bin}
    for organisation in plan.organisations:
        if organisation.registry_id:
            assert validators[organisation.side](organisation.registry_id)


def test_contacts_are_fictional(plan):  # type: ignore[no-untyped-def]
    reserved = re.compile(r"@[a-z0-9.-]+\.example\.(com|org)$")
    for organisation in plan.organisations:
        assert reserved.search(organisation.contact.email), organisation.contact.email
        assert ".example.com" in organisation.website or ".example.org" in organisation.website
    uk_phones = [o.contact.phone for o in plan.organisations if o.side == "UK"]
    drama = ("+44 113 496 0", "+44 114 496 0", "+44 1632 960", "+44 7700 900")
    assert all(phone.startswith(drama) for phone in uk_phones)


def test_descriptions_are_written_in_the_three_languages(plan):  # type: ignore[no-untyped-def]
    kz = [o for o in plan.organisations if o.side == "KZ"]
    languages = Counter(o.language for o in kz)
    assert languages["ru"] > languages["kk"] > 0 and languages["en"] > 0
    assert all(KAZAKH_LETTERS.search(o.description) for o in kz if o.language == "kk")
    russian = [o for o in kz if o.language == "ru"]
    assert all(CYRILLIC.search(o.description) for o in russian)
    uk = [o for o in plan.organisations if o.side == "UK"]
    assert sum(o.language == "en" for o in uk) > 0.95 * len(uk)


def test_opportunities_fit_the_model(plan):  # type: ignore[no-untyped-def]
    keys = {o.key for o in plan.organisations}
    for opportunity in plan.opportunities:
        assert opportunity.organisation in keys
        assert len(opportunity.title) <= 200 and len(opportunity.summary) <= 500
        assert 1 <= len(opportunity.nace) <= 5
        assert (opportunity.status == "rejected") == bool(opportunity.rejection_reason)
        assert "{" not in opportunity.title + opportunity.summary + opportunity.description


def test_opportunities_are_written_in_the_authors_language(plan):  # type: ignore[no-untyped-def]
    language = {o.key: o.language for o in plan.organisations}
    for opportunity in plan.opportunities:
        author = language[opportunity.organisation]
        assert opportunity.languages[0] == author
        if author == "kk":
            assert KAZAKH_LETTERS.search(opportunity.title + opportunity.summary)
        if author == "en":
            assert not CYRILLIC.search(opportunity.title)
