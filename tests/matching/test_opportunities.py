"""Opportunity-level matching: each opportunity's own counterparts, and organisation lists built
from them."""

from pathlib import Path

import pytest

from twinning.matching.engine import build
from twinning.matching.opportunities import (
    build_opportunities,
    opportunity_ranked,
    organisation_feedback,
    organisation_pairs,
    organisation_ranked,
    unit_id,
    update_organisation,
)
from twinning.matching.profiles import Feedback, Verdict

pytestmark = pytest.mark.unit

DATA = Path(__file__).parent.parent / "data"
LEEDS, KOSTANAY = "leeds-meat-machinery", "kostanay-meat-plant"


def test_every_opportunity_and_every_silent_organisation_is_a_unit(labelled, vectors):
    index = build_opportunities(labelled.profiles, vectors=vectors, queries=False)
    expected = sum(max(len(p.opportunities), 1) for p in labelled.profiles)
    assert len(index.units) == len(index.index.profiles) == expected


def test_a_request_finds_the_offer_that_answers_it(labelled, vectors):
    index = build_opportunities(labelled.profiles, vectors=vectors, queries=False)
    request = next(o for p in labelled.profiles if p.id == KOSTANAY for o in p.opportunities)
    top = opportunity_ranked(index, KOSTANAY, request.id)[0]
    assert top.candidate == LEEDS and top.opportunity == f"{LEEDS}/1"
    assert len({r.candidate for r in opportunity_ranked(index, KOSTANAY, request.id)}) == len(
        opportunity_ranked(index, KOSTANAY, request.id)
    )


def test_organisation_list_takes_each_candidate_at_its_best_pair(labelled, vectors):
    organisations = build(labelled.profiles, vectors=vectors, k=10)
    index = build_opportunities(labelled.profiles, vectors=vectors, queries=False)
    pairs = organisation_pairs(index, organisations, LEEDS, k=10)
    assert pairs[0].candidate == KOSTANAY and pairs[0].mine == unit_id(LEEDS, f"{LEEDS}/1")
    assert [p.candidate for p in pairs] == [
        r.candidate for r in organisation_ranked(index, organisations, LEEDS, k=10)
    ]
    scores = [p.score for p in pairs]
    assert scores == sorted(scores, reverse=True)


def test_updates_and_feedback_equal_a_rebuild(labelled, vectors):
    index = build_opportunities(labelled.profiles, vectors=vectors, queries=False)
    leeds = next(p for p in labelled.profiles if p.id == LEEDS)
    trimmed = type(leeds)(**{**leeds.__dict__, "opportunities": ()})
    update_organisation(index, trimmed, vectors=vectors)
    organisation_feedback(index, KOSTANAY, LEEDS, Verdict.NOT_INTERESTED)
    changed = [trimmed if p.id == LEEDS else p for p in labelled.profiles]
    fresh = build_opportunities(
        changed,
        vectors=vectors,
        queries=False,
        feedback=[Feedback(KOSTANAY, LEEDS, Verdict.NOT_INTERESTED)],
        scale=index.index.scale,
    )
    for unit in fresh.units:
        got = [r.candidate for r in opportunity_ranked(index, *_owner(index, unit))]
        want = [r.candidate for r in opportunity_ranked(fresh, *_owner(fresh, unit))]
        assert got == want, unit
    assert set(index.of_organisation[LEEDS]) == {unit_id(LEEDS, None)}
    assert LEEDS not in {r.candidate for r in opportunity_ranked(index, KOSTANAY, f"{KOSTANAY}/1")}


def _owner(index, unit):
    u = index.units[unit]
    return u.organisation, u.opportunity
