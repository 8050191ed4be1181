import numpy as np
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import sector
from tests.matching.scenario import IMMEDIATE_TASKS, build_scenario
from twinning.core.models import JobProgress
from twinning.matching import embeddings, services
from twinning.matching.models import EmbeddingCache, Feedback, MatchingRun, Recommendation

pytestmark = pytest.mark.integration


@pytest.fixture
def scenario(programme):
    return build_scenario(programme)


def ranked_candidates(organisation, opportunity=None):
    rows = Recommendation.objects.filter(organisation=organisation, opportunity=opportunity)
    return list(rows.order_by("rank").values_list("candidate__slug", flat=True))


def test_russian_request_and_english_offer_find_each_other_first(scenario):
    services.recompute_full(programme=scenario.programme)
    assert ranked_candidates(scenario.leeds)[0] == "kostanay-meat-plant"
    assert ranked_candidates(scenario.kostanay)[0] == "leeds-meat-machines"
    assert ranked_candidates(scenario.kostanay, scenario.kostanay_request)[0] == (
        "leeds-meat-machines"
    )
    assert ranked_candidates(scenario.leeds, scenario.leeds_offer)[0] == "kostanay-meat-plant"


def test_reasons_are_stored_as_structured_data_naming_codes_and_types(scenario):
    services.recompute_full(programme=scenario.programme)
    top = Recommendation.objects.get(
        organisation=scenario.leeds, candidate=scenario.kostanay, opportunity=None
    )
    kinds = {reason["kind"]: reason for reason in top.reasons}
    assert kinds["types"]["mine"] == "business_offer"
    assert kinds["types"]["theirs"] == "business_request"
    assert kinds["types"]["theirs_opportunity"] == scenario.kostanay_request.pk
    assert kinds["chain"]["mine"] == "28.93"
    assert kinds["chain"]["theirs"] == "10.11"
    assert top.rank == 1 and top.score > 0


def test_lists_hold_only_the_other_side(scenario):
    services.recompute_full(programme=scenario.programme)
    for row in Recommendation.objects.select_related("organisation", "candidate"):
        assert row.organisation.side_id != row.candidate.side_id


def test_embeddings_are_cached_by_text_hash_and_model_version(scenario):
    EmbeddingCache.objects.all().delete()
    first = services.recompute_full(programme=scenario.programme)
    cached = EmbeddingCache.objects.get(
        text_hash=embeddings.text_key(scenario.leeds.description),
        model_version=embeddings.MODEL_VERSION,
    )
    vector = np.frombuffer(bytes(cached.vector), dtype=np.float32)
    assert vector.shape == (embeddings.DIM,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3
    second = services.recompute_full(programme=scenario.programme)
    assert first.embedded > 0
    assert second.embedded == 0
    assert MatchingRun.objects.filter(programme=scenario.programme).count() == 2


def test_not_interested_removes_the_candidate_at_once_and_after_recompute(scenario):
    services.recompute_full(programme=scenario.programme)
    services.feedback_set(
        organisation=scenario.leeds,
        candidate=scenario.kostanay,
        kind=Feedback.Kind.NOT_INTERESTED,
        by=scenario.leeds_user,
    )
    assert "kostanay-meat-plant" not in ranked_candidates(scenario.leeds)
    assert "kostanay-meat-plant" not in ranked_candidates(scenario.leeds, scenario.leeds_offer)
    services.recompute_changes(programme=scenario.programme)
    assert "kostanay-meat-plant" not in ranked_candidates(scenario.leeds)
    # The other side's list does not move: Kostanay cannot learn what Leeds said.
    assert ranked_candidates(scenario.kostanay)[0] == "leeds-meat-machines"


def test_must_meet_lifts_a_candidate_to_the_top_of_the_viewers_list_only(scenario):
    services.recompute_full(programme=scenario.programme)
    before_kostanay = ranked_candidates(scenario.kostanay)
    assert ranked_candidates(scenario.leeds)[0] != "astana-soft"
    services.feedback_set(
        organisation=scenario.leeds,
        candidate=scenario.astana_soft,
        kind=Feedback.Kind.MUST_MEET,
        by=scenario.leeds_user,
    )
    services.recompute_changes(programme=scenario.programme)
    assert ranked_candidates(scenario.leeds)[0] == "astana-soft"
    top = Recommendation.objects.get(
        organisation=scenario.leeds, candidate=scenario.astana_soft, opportunity=None
    )
    assert {"kind": "feedback", "verdict": "must_meet"} in top.reasons
    assert ranked_candidates(scenario.kostanay) == before_kostanay
    astana_reasons = Recommendation.objects.get(
        organisation=scenario.astana_soft, candidate=scenario.leeds, opportunity=None
    ).reasons
    assert all(reason["kind"] != "feedback" for reason in astana_reasons)


def test_feedback_needs_membership_and_the_other_side(scenario):
    with pytest.raises(PermissionDenied):
        services.feedback_set(
            organisation=scenario.leeds,
            candidate=scenario.kostanay,
            kind=Feedback.Kind.MUST_MEET,
            by=scenario.kostanay_user,
        )
    with pytest.raises(ValidationError):
        services.feedback_set(
            organisation=scenario.leeds,
            candidate=scenario.sheffield_soft,
            kind=Feedback.Kind.MUST_MEET,
            by=scenario.leeds_user,
        )
    assert not Feedback.objects.exists()


def test_incremental_recompute_updates_the_changed_list_and_its_counterparts_only(scenario):
    services.recompute_full(programme=scenario.programme)
    untouched = Recommendation.objects.get(
        organisation=scenario.bradford_film, candidate=scenario.almaty_film, opportunity=None
    )
    _retarget_to_film(scenario)
    result = services.recompute_changes(programme=scenario.programme)
    assert not result.full
    assert result.organisations < Recommendation.objects.values("organisation").distinct().count()
    sheffield_list = ranked_candidates(scenario.sheffield_soft)
    assert sheffield_list[0] == "almaty-film"
    assert "sheffield-soft" in ranked_candidates(scenario.almaty_film)[:2]
    untouched.refresh_from_db()  # Bradford's list was not rewritten
    assert Recommendation.objects.filter(pk=untouched.pk).exists()


def _retarget_to_film(scenario) -> None:
    organisation = scenario.sheffield_soft
    organisation.description = "Film production company making documentaries about the steppe."
    organisation.save(update_fields=["description"])
    organisation.sectors.set([sector("59.11")])


def test_incremental_without_an_index_falls_back_to_a_full_recompute(scenario):
    services._INDEXES.clear()
    result = services.recompute_changes(programme=scenario.programme)
    assert result.full
    assert ranked_candidates(scenario.leeds)[0] == "kostanay-meat-plant"


def test_background_recompute_reports_progress_through_the_job(scenario, settings, operator):
    settings.TASKS = IMMEDIATE_TASKS
    job = services.recompute_enqueue(programme=scenario.programme, by=operator, full=True)
    job.refresh_from_db()
    assert job.state == JobProgress.State.DONE
    assert job.percent == 100
    assert job.result["organisations"] == 6
    assert Recommendation.objects.filter(programme=scenario.programme).exists()


def test_full_recompute_queries_do_not_grow_with_the_organisations(scenario):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.matching.scenario import organisation, warm_embedding_cache

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            services.recompute_full(programme=scenario.programme)
        return len(captured.captured_queries)

    few = queries()
    rows = Recommendation.objects.filter(programme=scenario.programme).count()
    for n in range(3):  # same texts as the scenario's, so no embedding is needed
        organisation(
            scenario.programme, f"more-film-{n}", "bradford", ["59.11"], "en",
            scenario.bradford_film.description,
        )  # fmt: skip
        organisation(
            scenario.programme, f"more-soft-{n}", "astana", ["62.01"], "ru,en",
            scenario.astana_soft.description,
        )  # fmt: skip
    warm_embedding_cache(scenario.programme)
    assert Recommendation.objects.filter(programme=scenario.programme).count() < 100  # one batch
    many = queries()
    assert Recommendation.objects.filter(programme=scenario.programme).count() > rows
    # Reading profiles, vectors, feedback and rules, the delete, the insert batch and the run:
    # the same count whatever the number of organisations (rows go in batches, not one by one).
    assert few == many == 12
