import pytest

from tests.matching.scenario import IMMEDIATE_TASKS, build_scenario
from twinning.core.models import JobProgress
from twinning.core.services import job_start
from twinning.matching.models import MatchingRun, Recommendation
from twinning.matching.tasks import recompute_matches

pytestmark = pytest.mark.integration


def test_task_runs_a_full_recompute_and_finishes_the_job(programme, settings):
    settings.TASKS = IMMEDIATE_TASKS
    build_scenario(programme)
    job = job_start(kind="matching.recompute", label=programme.slug)
    result = recompute_matches.enqueue(programme_slug=programme.slug, job_id=job.pk, full=True)
    assert result.return_value["organisations"] == 6
    job.refresh_from_db()
    assert job.state == JobProgress.State.DONE
    assert MatchingRun.objects.filter(programme=programme).count() == 1
    assert Recommendation.objects.filter(programme=programme).exists()


def test_task_for_an_unknown_programme_marks_the_job_failed(db, settings):
    settings.TASKS = IMMEDIATE_TASKS
    job = job_start(kind="matching.recompute", label="nowhere")
    result = recompute_matches.enqueue(programme_slug="nowhere", job_id=job.pk, full=True)
    assert result.status == "FAILED"
    job.refresh_from_db()
    assert job.state == JobProgress.State.FAILED
    assert "nowhere" in job.result["error"]


def test_a_cold_full_recompute_embeds_in_chunks_under_one_progress_bar(
    programme, settings, monkeypatch
):
    from twinning.matching import services
    from twinning.matching.models import EmbeddingCache

    settings.TASKS = IMMEDIATE_TASKS
    build_scenario(programme)
    EmbeddingCache.objects.all().delete()
    settings.MATCHING_EMBED_CHUNK = 3
    chunks = []
    real = services.embed_chunk
    monkeypatch.setattr(
        services, "embed_chunk", lambda **kw: chunks.append(len(kw["texts"])) or real(**kw)
    )
    job = services.recompute_enqueue(programme=programme, by=None, full=True)
    job.refresh_from_db()
    assert len(chunks) >= 2
    assert max(chunks) <= 3
    assert job.state == JobProgress.State.DONE
    assert job.result["organisations"] == 6
    assert EmbeddingCache.objects.count() >= sum(chunks)
    assert Recommendation.objects.filter(programme=programme).exists()


@pytest.mark.integration
def test_many_changes_in_one_transaction_queue_one_refresh_and_a_rollback_none(
    programme, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    from django.db import transaction

    from twinning.matching.services import profile_changed

    refreshes = JobProgress.objects.filter(kind="matching.refresh")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for _ in range(3):
            profile_changed(programme=programme)
    assert len(callbacks) == 3 and refreshes.count() == 1

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                profile_changed(programme=programme)
                raise RuntimeError("the import failed half-way")
        except RuntimeError:
            pass
    assert callbacks == [] and refreshes.count() == 1

    # The mark the rolled-back change left does not swallow the next committed change.
    with django_capture_on_commit_callbacks(execute=True):
        profile_changed(programme=programme)
    assert refreshes.count() == 2
