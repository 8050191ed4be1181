import pytest
from django.utils import timezone

from tests.factories import OrganisationFactory, region
from twinning.matching import selectors
from twinning.matching.models import Recommendation

pytestmark = pytest.mark.integration


def _recommend(programme, mine, theirs, score, code):
    Recommendation.objects.create(
        programme=programme, organisation=mine, candidate=theirs, score=score, rank=1,
        reasons=[{"kind": "sector", "level": "class", "mine": code, "theirs": code}],
        computed_at=timezone.now(),
    )  # fmt: skip


def test_a_pair_listed_both_ways_keeps_the_best_score_and_the_first_sides_reasons(programme):
    leeds = OrganisationFactory(programme=programme, region=region("leeds"))
    almaty = OrganisationFactory(programme=programme, region=region("almaty-city"))
    _recommend(programme, almaty, leeds, 0.9, "10.11")
    _recommend(programme, leeds, almaty, 0.5, "28.93")
    (pair,) = selectors.best_pairs(programme=programme)
    first, second = sorted((leeds, almaty), key=lambda o: o.side_id)
    assert (pair.first, pair.second) == (first, second)
    assert pair.first.region.slug in {"leeds", "almaty-city"}
    assert pair.score == pytest.approx(0.9)
    expected = "28" if first == leeds else "10"
    assert pair.division == expected and pair.reasons[0]["mine"][:2] == expected
    assert pair.sentences


def test_the_dashboard_shows_each_organisations_first_unanswered_partners(client, programme):
    """The member's panel: the first NEW_RECOMMENDATIONS partners of each of their
    organisations' lists that nobody has answered yet, linking to the whole list."""
    from tests.factories import MembershipFactory, UserFactory
    from twinning.matching.models import Feedback

    mine = OrganisationFactory(programme=programme, region=region("leeds"), legal_name="Mine Ltd")
    partners = [
        OrganisationFactory(programme=programme, region=region("almaty-city"),
                            legal_name=f"Partner {n}")
        for n in range(5)
    ]  # fmt: skip
    for rank, partner in enumerate(partners, 1):
        Recommendation.objects.create(
            programme=programme, organisation=mine, candidate=partner, score=1 - rank / 10,
            rank=rank, reasons=[], computed_at=timezone.now(),
        )  # fmt: skip
    member = UserFactory()
    MembershipFactory(user=member, organisation=mine)
    Feedback.objects.create(
        organisation=mine, candidate=partners[0], kind=Feedback.Kind.NOT_INTERESTED, by=member
    )
    client.force_login(member)
    page = client.get("/dashboard/").content.decode()
    panel = page[page.index('data-testid="panel-recommendations"') :]
    shown = [p.legal_name for p in partners if p.legal_name in panel]
    assert shown == ["Partner 1", "Partner 2", "Partner 3"]
    assert f"/matching/organisations/{mine.pk}/" in panel
    stranger = UserFactory()
    client.force_login(stranger)
    assert 'data-testid="panel-recommendations"' not in client.get("/dashboard/").content.decode()
