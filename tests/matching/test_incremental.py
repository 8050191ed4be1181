import dataclasses

import numpy as np
import pytest

from tests.matching.builders import KZ, UK, org, random_programme, vectors_for
from twinning.matching.engine import MatchIndex, build, ranked
from twinning.matching.incremental import (
    clear_feedback,
    remove_profile,
    set_feedback,
    update_profile,
)
from twinning.matching.profiles import Feedback, Opportunity, Verdict

pytestmark = pytest.mark.unit

K = 5


@pytest.fixture
def profiles():
    return random_programme(30)


@pytest.fixture
def vectors(profiles):
    return vectors_for(profiles)


@pytest.fixture
def index(profiles, vectors):
    verdicts = [
        Feedback(f"{UK}-0", f"{KZ}-1", Verdict.MUST_MEET),
        Feedback(f"{KZ}-2", f"{UK}-3", Verdict.NOT_INTERESTED),
        Feedback(f"{KZ}-4", f"{UK}-5", Verdict.INTERESTING),
    ]
    return build(profiles, vectors=vectors, feedback=verdicts, k=K, block=8)


def snapshot(index: MatchIndex) -> dict:
    return {org_id: ranked(index, org_id) for org_id in index.profiles}


def assert_same_as_full_recompute(index: MatchIndex) -> None:
    verdicts = [
        Feedback(v, c, verdict) for v, cs in index.feedback.items() for c, verdict in cs.items()
    ]
    full = build(
        index.profiles.values(), vectors=index.vectors, feedback=verdicts, k=K, scale=index.scale
    )
    for org_id in index.profiles:
        got, want = ranked(index, org_id), ranked(full, org_id)
        assert [r.candidate for r in got] == [r.candidate for r in want], org_id
        assert np.allclose([r.score for r in got], [r.score for r in want], atol=1e-5), org_id


def changed_lists(before: dict, index: MatchIndex) -> set:
    return {org_id for org_id, listed in snapshot(index).items() if before.get(org_id) != listed}


def test_changed_profile_equals_full_recompute(index, profiles):
    target = profiles[3]
    changed = dataclasses.replace(
        target,
        nace=("28.93",),
        opportunities=(
            Opportunity("new", "business_offer", "Sausage fillers and mincers", nace=("28.93",)),
        ),
    )
    before = snapshot(index)
    reported = update_profile(index, changed, vectors=vectors_for([changed]))
    assert_same_as_full_recompute(index)
    assert changed_lists(before, index) <= reported
    assert target.id in reported


def test_new_code_and_new_language_are_taken_in(index, profiles):
    changed = dataclasses.replace(profiles[40], nace=("13.10",), languages=("de",))
    update_profile(index, changed, vectors=vectors_for([changed]))
    assert_same_as_full_recompute(index)


def test_new_profile_equals_full_recompute(index):
    newcomer = org(
        "kostanay-newcomer",
        KZ,
        ("10.11",),
        ("business_request", "Нужны мясорубки"),
        size="large",
        languages=("ru",),
    )
    before = snapshot(index)
    reported = update_profile(index, newcomer, vectors=vectors_for([newcomer]))
    assert_same_as_full_recompute(index)
    assert changed_lists(before, index) <= reported
    assert ranked(index, "kostanay-newcomer")


def test_removed_profile_leaves_every_list(index, profiles):
    gone = ranked(index, profiles[0].id)[0].candidate
    before = snapshot(index)
    reported = remove_profile(index, gone)
    assert all(gone not in {r.candidate for r in listed} for listed in snapshot(index).values())
    assert_same_as_full_recompute(index)
    assert changed_lists(before, index) - {gone} <= reported


def test_profile_moving_side_equals_full_recompute(index, profiles):
    moved = dataclasses.replace(profiles[1], side=KZ)
    update_profile(index, moved, vectors=vectors_for([moved]))
    assert_same_as_full_recompute(index)


def test_feedback_changes_only_the_viewers_list(index, profiles):
    viewer = profiles[7].id
    worst = ranked(index, viewer)[-1].candidate
    before = snapshot(index)
    reported = set_feedback(index, Feedback(viewer, worst, Verdict.MUST_MEET))
    assert reported == {viewer} == changed_lists(before, index)
    assert ranked(index, viewer)[0].candidate == worst
    assert_same_as_full_recompute(index)


def test_cleared_feedback_restores_the_list(index, profiles):
    viewer = profiles[8].id
    before = snapshot(index)
    set_feedback(
        index, Feedback(viewer, ranked(index, viewer)[0].candidate, Verdict.NOT_INTERESTED)
    )
    clear_feedback(index, viewer, before[viewer][0].candidate)
    after = snapshot(index)
    # The viewer's row is rescored alone (a matrix-vector product), so float32 sums may differ in
    # the last bit from the block product that made it; the order and the scores are the same.
    for org_id, listed in before.items():
        assert [r.candidate for r in after[org_id]] == [r.candidate for r in listed], org_id
        assert np.allclose([r.score for r in after[org_id]], [r.score for r in listed], atol=1e-6)


def test_many_changes_in_a_row_stay_equal_to_full_recompute(index, profiles):
    rng = np.random.default_rng(3)
    for step in range(6):
        target = profiles[int(rng.integers(len(profiles)))]
        if target.id not in index.profiles:
            continue
        kind = ["business_request", "technology_offer", "tourism"][step % 3]
        changed = dataclasses.replace(
            target, opportunities=(Opportunity(f"s{step}", kind, f"step {step} {kind}"),)
        )
        update_profile(index, changed, vectors=vectors_for([changed]))
    assert_same_as_full_recompute(index)
