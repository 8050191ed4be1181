import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.matching.scenario import build_scenario
from twinning.core.models import JobProgress
from twinning.matching.models import Recommendation

pytestmark = pytest.mark.integration


@pytest.fixture
def scenario(programme):
    return build_scenario(programme)


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_recompute_matches_fills_every_list_and_records_a_job(scenario):
    out = run("recompute_matches", "--programme", scenario.programme.slug)
    assert "6 organisations" in out
    assert (
        Recommendation.objects.filter(opportunity=None).values("organisation").distinct().count()
        == 6
    )
    job = JobProgress.objects.get(kind="matching.recompute")
    assert job.state == JobProgress.State.DONE and job.result["organisations"] == 6


def test_recompute_matches_incremental_after_a_full_run(scenario):
    run("recompute_matches", "--programme", scenario.programme.slug)
    out = run("recompute_matches", "--programme", scenario.programme.slug, "--incremental")
    assert "0 organisations" in out  # nothing changed since


def test_recompute_matches_refuses_an_unknown_programme(db):
    with pytest.raises(CommandError):
        run("recompute_matches", "--programme", "nowhere")


def test_recommendations_by_slug_prints_scores_and_reasons(scenario):
    run("recompute_matches", "--programme", scenario.programme.slug)
    out = run("recommendations", "leeds-meat-machines", "--top", "2")
    lines = out.splitlines()
    assert lines[0].startswith("Leeds Meat Machines Ltd")
    assert lines[1].lstrip().startswith("1.")
    assert "Костанайский" in lines[1]
    assert any("meets their business request" in line for line in lines)
    assert sum(1 for line in lines if line[:4].strip().endswith(".")) == 2


def test_recommendations_by_id_as_json_in_russian(scenario):
    run("recompute_matches", "--programme", scenario.programme.slug)
    out = run("recommendations", str(scenario.kostanay.pk), "--json", "--language", "ru")
    data = json.loads(out)
    assert data[0]["candidate"]["slug"] == "leeds-meat-machines"
    assert data[0]["rank"] == 1
    assert {r["kind"] for r in data[0]["reasons"]} >= {"types", "chain"}
    assert any("Ваш" in sentence for sentence in data[0]["sentences"])


def test_recommendations_refuses_an_unknown_organisation(db):
    with pytest.raises(CommandError):
        run("recommendations", "nobody")
