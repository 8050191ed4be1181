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
