from dataclasses import replace

import numpy as np
import pytest

from tests.matching.builders import (
    KOSTANAY_REQUEST,
    KZ,
    LEEDS_OFFER,
    UK,
    meat_and_friends,
    org,
    vectors_for,
)
from twinning.matching.embeddings import text_key
from twinning.matching.engine import build, ranked, score_profile
from twinning.matching.explain import explain, matches
from twinning.matching.features import WEIGHTS
from twinning.matching.profiles import Feedback, ProgrammeRules, Verdict, vector_keys

pytestmark = pytest.mark.unit


@pytest.fixture
def profiles():
    return meat_and_friends()


@pytest.fixture
def vectors(profiles):
    return vectors_for(profiles, near={KOSTANAY_REQUEST: LEEDS_OFFER})


def side_of(profiles, org_id):
    return next(p.side for p in profiles if p.id == org_id)


def test_every_list_holds_only_the_other_side(profiles, vectors):
    index = build(profiles, vectors=vectors, k=10)
    for p in profiles:
        listed = ranked(index, p.id)
        assert listed, p.id
        assert {side_of(profiles, r.candidate) for r in listed} == {KZ if p.side == UK else UK}


def test_lists_are_sorted_and_cut_at_k(profiles, vectors):
    index = build(profiles, vectors=vectors, k=3)
    for p in profiles:
        scores = [r.score for r in ranked(index, p.id)]
        assert len(scores) == 3
        assert scores == sorted(scores, reverse=True)


def test_meat_machinery_and_meat_plant_are_each_others_first(profiles, vectors):
    index = build(profiles, vectors=vectors)
    assert ranked(index, "leeds-meat-machinery")[0].candidate == "kostanay-meat-plant"
    assert ranked(index, "kostanay-meat-plant")[0].candidate == "leeds-meat-machinery"


def test_reasons_name_types_codes_and_phrases(profiles, vectors):
    index = build(profiles, vectors=vectors)
    top = matches(index, "leeds-meat-machinery")[0]
    by_kind = {r.kind: r.as_dict() for r in top.reasons}
    assert by_kind["types"]["mine"] == "business_offer"
    assert by_kind["types"]["theirs"] == "business_request"
    assert by_kind["types"]["theirs_title"] == KOSTANAY_REQUEST
    assert (by_kind["chain"]["mine"], by_kind["chain"]["theirs"]) == ("28.93", "10.11")
    assert by_kind["chain"]["chain"] == "meat"
    assert (by_kind["text"]["mine"], by_kind["text"]["theirs"]) == (LEEDS_OFFER, KOSTANAY_REQUEST)
    assert any("NACE 28.93" in r.text for r in top.reasons)


def test_reasons_render_in_english_with_codes_and_types(profiles, vectors):
    index = build(profiles, vectors=vectors)
    texts = [r.text for r in matches(index, "kostanay-meat-plant")[0].reasons]
    assert any("business request" in t and "business offer" in t for t in texts)
    assert any("NACE 10.11" in t and "NACE 28.93" in t for t in texts)


def test_parts_add_up_to_the_ranked_score(profiles, vectors):
    index = build(profiles, vectors=vectors)
    for p in profiles:
        for m in matches(index, p.id):
            assert sum(m.parts.values()) == pytest.approx(m.score, abs=1e-5)


def test_score_is_symmetric_without_feedback(profiles, vectors):
    index = build(profiles, vectors=vectors)
    a = explain(index, "leeds-software", "astana-egov")
    b = explain(index, "astana-egov", "leeds-software")
    assert a.score == pytest.approx(b.score)


def test_not_interested_removes_only_from_the_viewers_list(profiles, vectors):
    verdict = Feedback("kostanay-meat-plant", "leeds-meat-machinery", Verdict.NOT_INTERESTED)
    index = build(profiles, vectors=vectors, feedback=[verdict])
    assert "leeds-meat-machinery" not in {r.candidate for r in ranked(index, "kostanay-meat-plant")}
    assert ranked(index, "leeds-meat-machinery")[0].candidate == "kostanay-meat-plant"


def test_must_meet_lifts_to_the_top_and_is_a_reason(profiles, vectors):
    before = build(profiles, vectors=vectors)
    last = ranked(before, "york-tours")[-1]
    verdict = Feedback("york-tours", last.candidate, Verdict.MUST_MEET)
    after = build(profiles, vectors=vectors, feedback=[verdict])
    top = matches(after, "york-tours")[0]
    assert top.candidate.id == last.candidate
    assert top.score == pytest.approx(last.score + WEIGHTS.must_meet, abs=1e-5)
    assert top.reasons[0].as_dict() == {"kind": "feedback", "verdict": "must_meet"}


def test_interesting_lifts_less_than_must_meet(profiles, vectors):
    base = {r.candidate: r.score for r in ranked(build(profiles, vectors=vectors), "hull-grain")}
    target = "karaganda-mine"
    scores = {}
    for verdict in (Verdict.INTERESTING, Verdict.MUST_MEET):
        index = build(profiles, vectors=vectors, feedback=[Feedback("hull-grain", target, verdict)])
        scores[verdict] = {r.candidate: r.score for r in ranked(index, "hull-grain")}[target]
    assert base[target] < scores[Verdict.INTERESTING] < scores[Verdict.MUST_MEET]


def test_feedback_never_changes_the_other_sides_lists(profiles, vectors):
    plain = build(profiles, vectors=vectors)
    verdicts = [
        Feedback("kostanay-meat-plant", p.id, v)
        for p, v in zip(
            [p for p in profiles if p.side == UK],
            [Verdict.MUST_MEET, Verdict.NOT_INTERESTED, Verdict.INTERESTING, Verdict.MUST_MEET],
            strict=False,
        )
    ]
    judged = build(profiles, vectors=vectors, feedback=verdicts)
    for p in profiles:
        if p.id != "kostanay-meat-plant":
            assert ranked(judged, p.id) == ranked(plain, p.id)


def test_sector_focus_lifts_pairs_inside_it(profiles, vectors):
    plain = build(profiles, vectors=vectors)
    focused = build(profiles, vectors=vectors, rules=ProgrammeRules(sector_focus=("10", "28.93")))
    before = {r.candidate: r.score for r in ranked(plain, "leeds-meat-machinery")}
    after = {r.candidate: r.score for r in ranked(focused, "leeds-meat-machinery")}
    # Both are inside the focus: the full focus weight; one inside would give half.
    assert after["kostanay-meat-plant"] == pytest.approx(
        before["kostanay-meat-plant"] + WEIGHTS.focus
    )
    assert after["almaty-travel"] == pytest.approx(before["almaty-travel"] + WEIGHTS.focus / 2)
    reasons = matches(focused, "leeds-meat-machinery")[0].reasons
    assert {"kind": "focus", "codes": ["10.11", "28.93"]} in [r.as_dict() for r in reasons]


def test_strict_focus_keeps_only_candidates_inside_it(profiles, vectors):
    rules = ProgrammeRules(sector_focus=("10", "01"), focus_only=True)
    index = build(profiles, vectors=vectors, rules=rules)
    assert {r.candidate for r in ranked(index, "york-tours")} == {
        "kostanay-meat-plant",
        "kostanay-grain",
    }


def test_blocks_do_not_change_the_result(profiles, vectors):
    verdicts = [
        Feedback("almaty-travel", "york-tours", Verdict.NOT_INTERESTED),
        Feedback("hull-grain", "kostanay-grain", Verdict.MUST_MEET),
    ]
    small = build(profiles, vectors=vectors, feedback=verdicts, block=2, k=4)
    large = build(profiles, vectors=vectors, feedback=verdicts, block=512, k=4)
    for p in profiles:
        a, b = ranked(small, p.id), ranked(large, p.id)
        assert [r.candidate for r in a] == [r.candidate for r in b]
        assert np.allclose([r.score for r in a], [r.score for r in b])


@pytest.mark.parametrize("rules", [ProgrammeRules(), ProgrammeRules(("10", "28"), focus_only=True)])
def test_full_lists_fed_from_later_blocks_equal_one_block(profiles, vectors, rules):
    """From the third block on, side 1's full lists take only entries reaching their last one;
    the exclusions and side 1's own verdicts (all three kinds) must hold there too."""
    sides = sorted({p.side for p in profiles})
    later = [p.id for p in profiles if p.side == sides[1]]
    first = [p.id for p in profiles if p.side == sides[0]]
    verdicts = [
        Feedback(later[0], first[-1], Verdict.MUST_MEET),
        Feedback(later[1], first[-2], Verdict.INTERESTING),
        Feedback(later[2], first[-1], Verdict.NOT_INTERESTED),
        Feedback(first[-1], later[0], Verdict.NOT_INTERESTED),
    ]
    small = build(profiles, vectors=vectors, feedback=verdicts, rules=rules, block=1, k=2)
    large = build(profiles, vectors=vectors, feedback=verdicts, rules=rules, block=512, k=2)
    for p in profiles:
        a, b = ranked(small, p.id), ranked(large, p.id)
        assert [r.candidate for r in a] == [r.candidate for r in b], p.id
        assert np.allclose([r.score for r in a], [r.score for r in b])
    if not rules.focus_only:  # the verdicts took effect (with the focus, the mine is left out)
        assert first[-1] in {r.candidate for r in ranked(small, later[0])}
        assert first[-1] not in {r.candidate for r in ranked(small, later[2])}


def test_an_opportunity_can_be_ranked_on_its_own(profiles, vectors):
    index = build(profiles, vectors=vectors)
    alone = org("leeds-meat-machinery", UK, ("28.93",), ("business_offer", LEEDS_OFFER))
    assert score_profile(index, alone, vectors=vectors)[0].candidate == "kostanay-meat-plant"


def test_a_programme_with_one_side_recommends_nobody():
    only = [org("a", UK, ("10.11",), ("business_offer", "x")), org("b", UK, ("10.11",))]
    index = build(only, vectors=vectors_for(only))
    assert ranked(index, "a") == [] and ranked(index, "b") == []


def test_three_sides_are_refused():
    three = [org("a", UK, ()), org("b", KZ, ()), org("c", "elsewhere", ())]
    with pytest.raises(ValueError):
        build(three, vectors={})


def test_a_profile_from_an_unknown_side_is_refused(profiles, vectors):
    index = build(profiles, vectors=vectors)
    stranger = org("x", "elsewhere", ("10.11",), ("business_offer", LEEDS_OFFER))
    with pytest.raises(ValueError):
        score_profile(index, stranger, vectors=vectors)


def _language_programme():
    """Kazakh requests on one side; on the other, for each, the English offer it asks for and a
    Kazakh offer of something else. Every vector is its topic plus a strong component of its
    language, as e5 vectors carry: uncentred, the Kazakh offers win on language alone."""
    rng = np.random.default_rng(7)
    topics = rng.standard_normal((16, 384))
    english, kazakh = rng.standard_normal(384), rng.standard_normal(384)
    profiles, vectors = [], {}
    for i in range(8):
        offer, other, request = f"Offer number {i}", f"Басқа ұсыныс {i}", f"Сұраныс нөмірі {i}"
        profiles.append(org(f"uk-{i}", UK, (), ("business_offer", offer)))
        profiles.append(org(f"uk-kk-{i}", UK, (), ("business_offer", other)))
        profiles.append(org(f"kz-{i}", KZ, (), ("business_request", request), languages=("kk",)))
        for text, v in (
            (offer, topics[i] + 1.5 * english),
            (other, topics[8 + i] + 1.5 * kazakh),
            (request, topics[i] + 1.5 * kazakh),
        ):
            vectors[text_key(text)] = (v / np.linalg.norm(v)).astype(np.float32)
    return profiles, vectors


def test_texts_are_compared_without_their_language_component():
    profiles, vectors = _language_programme()
    text_only = replace(WEIGHTS, types=0, sector=0)
    centred = build(profiles, vectors=vectors, weights=text_only, k=1)
    plain = build(profiles, vectors=vectors, weights=replace(text_only, centre_languages=False))
    for i in range(8):
        assert ranked(centred, f"kz-{i}")[0].candidate == f"uk-{i}"
    assert sum(ranked(plain, f"kz-{i}")[0].candidate == f"uk-{i}" for i in range(8)) < 4
    assert set(centred.scale.languages) == {"en", "kk"}


def test_a_language_with_few_texts_keeps_what_they_say():
    """One Kazakh request among English texts: its language's mean is mostly the programme's
    (not the request itself, which would centre it to nothing), so it still finds its offer."""
    profiles, vectors = _language_programme()
    lone = [p for p in profiles if p.id.startswith("uk-") and "kk" not in p.id]
    lone += [p for p in profiles if p.id == "kz-3"]
    index = build(lone, vectors=vectors, k=1)
    assert ranked(index, "kz-3")[0].candidate == "uk-3"
    request = vectors[text_key("Сұраныс нөмірі 3")]
    everyone = np.mean([vectors[k] for p in lone for k in vector_keys(p)], axis=0)
    centre = index.scale.languages["kk"]
    assert np.linalg.norm(centre - everyone) < np.linalg.norm(centre - request) / 5
