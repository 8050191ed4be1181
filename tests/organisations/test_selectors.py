"""Reads behind the pages: completeness, the directory, the home page figures, sole owners."""

import pytest
from django.utils import timezone

from tests.factories import (
    MembershipFactory,
    OpportunityFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    UserFactory,
    region,
    sector,
)
from twinning.organisations import selectors
from twinning.organisations.models import Membership

pytestmark = pytest.mark.integration


def test_completeness_counts_what_is_filled_in_and_names_what_is_missing(organisation):
    result = selectors.organisation_completeness(organisation=organisation)
    missing = [str(item) for item in result.missing]
    assert "a logo" in missing and "the registry identifier" in missing
    assert "a contact person" not in missing
    assert result.percent == round(100 * (12 - len(missing)) / 12)


def test_a_full_profile_is_complete(organisation):
    organisation.name_ru = "Организация"
    organisation.description = "We design and build food-processing machinery. " * 3
    organisation.year_founded = 1990
    organisation.website = "https://example.org"
    organisation.registry_id = "01234567"
    organisation.logo = "logos/x.png"
    result = selectors.organisation_completeness(organisation=organisation)
    assert result.percent == 100
    assert result.missing == []


def test_published_filters_combine(programme, organisation):
    kz = OrganisationFactory(programme=programme, region=region("almaty-city"))
    match = PublishedOpportunityFactory(
        organisation=kz, sectors=[sector("10.11")], search_text="говядина халал", languages="ru"
    )
    PublishedOpportunityFactory(organisation=kz, sectors=[sector("10.11")], search_text="other")
    PublishedOpportunityFactory(organisation=organisation, search_text="говядина")
    OpportunityFactory(organisation=kz, search_text="говядина")  # a draft
    filters = selectors.DirectoryFilters(query="ГОВЯДИНА", sector="10.1", side="KZ")
    assert list(selectors.opportunities_published(filters=filters)) == [match]
    assert list(
        selectors.opportunities_published(
            filters=selectors.DirectoryFilters(language="ru", region="almaty-city")
        )
    ) == [match]


def test_an_opportunity_with_two_sectors_in_a_section_is_listed_once(organisation):
    PublishedOpportunityFactory(
        organisation=organisation, sectors=[sector("10.11"), sector("10.12")]
    )
    filters = selectors.DirectoryFilters(sector="C")
    assert selectors.opportunities_published(filters=filters).count() == 1


def test_programme_overview_counts_live(programme, organisation):
    OrganisationFactory(programme=programme, region=region("kostanay"), sectors=[sector("01.41")])
    PublishedOpportunityFactory(organisation=organisation)
    OpportunityFactory(organisation=organisation)
    overview = selectors.programme_overview(programme=programme)
    assert overview == {
        "organisations_side_a": 1,
        "organisations_side_b": 1,
        "published_opportunities": 1,
        "sections_represented": 2,
    }


def test_sole_owners_are_found(member, organisation):
    assert list(selectors.organisations_solely_owned_by(user=member)) == [organisation]
    MembershipFactory(organisation=organisation, role=Membership.Role.OWNER)
    assert list(selectors.organisations_solely_owned_by(user=member)) == []


def test_user_by_email_ignores_case_and_inactive_accounts(db):
    user = UserFactory(email="Person@Example.org")
    assert selectors.user_by_email(email=" person@example.ORG ") == user
    user.is_active = False
    user.save()
    assert selectors.user_by_email(email="person@example.org") is None


def test_submitted_queue_is_oldest_first(organisation):

    later = OpportunityFactory(
        organisation=organisation, status="submitted", submitted_at=timezone.now()
    )
    earlier = OpportunityFactory(
        organisation=organisation,
        status="submitted",
        submitted_at=timezone.now() - timezone.timedelta(days=1),
    )
    assert list(selectors.opportunities_submitted()) == [earlier, later]
