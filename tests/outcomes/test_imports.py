import itertools
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import OperatorFactory
from tests.outcomes.conftest import form_fields
from twinning.organisations.models import Organisation
from twinning.outcomes import services
from twinning.outcomes.models import ImportRun

pytestmark = pytest.mark.integration
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _upload(client, name):  # type: ignore[no-untyped-def]
    url = reverse("outcomes:imports")
    fields = {k: v[0] for k, v in form_fields(client.get(url).content.decode(), url).items()}
    fields["upload"] = SimpleUploadedFile(name, (DATA / name).read_bytes(), "text/csv")
    return client.post(url, fields, follow=True)


def test_a_bad_file_lists_every_bad_row_and_imports_nothing(client, programme):  # type: ignore[no-untyped-def]
    client.force_login(OperatorFactory())
    before = Organisation.objects.count()
    page = _upload(client, "organisations_bad.csv").content.decode()
    run = ImportRun.objects.get()
    assert run.state == "invalid" and len(run.problems) >= 2
    for problem in run.problems:
        assert all(message in page for message in problem["messages"])
    assert Organisation.objects.count() == before
    assert f'action="{reverse("outcomes:import_run", args=[run.pk])}"' not in page


def test_a_good_file_is_checked_then_imported_in_the_background(
    client, programme, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    client.force_login(OperatorFactory())
    page = _upload(client, "organisations_good.csv").content.decode()
    run = ImportRun.objects.get()
    assert run.state == "checked" and not run.problems
    assert not Organisation.objects.filter(legal_name__in=[r["legal_name"] for _, r in run.rows])
    start = reverse("outcomes:import_run", args=[run.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start, form_fields(page, start), follow=True)
    run.refresh_from_db()
    assert run.state == "done" and run.job.state == "done"
    assert (
        run.result["created"]
        == len(run.rows)
        == Organisation.objects.filter(
            legal_name__in=[r["legal_name"] for _, r in run.rows]
        ).count()
    )
    assert response.status_code == 200
    assert "rows were imported" in client.get(start).content.decode()


def test_imports_are_for_operators(client, member):  # type: ignore[no-untyped-def]
    client.force_login(member)
    assert client.get(reverse("outcomes:imports")).status_code == 403


@pytest.mark.pins("outcomes:imports")
def test_the_recent_imports_take_as_many_queries_for_three_as_for_one(  # type: ignore[no-untyped-def]
    client, programme, pinned_queries
):
    """Files checked by a different operator each, good and bad in turn."""
    names = itertools.cycle(["organisations_good.csv", "organisations_bad.csv"])

    def grow():  # type: ignore[no-untyped-def]
        name = next(names)
        upload = SimpleUploadedFile(name, (DATA / name).read_bytes(), "text/csv")
        services.import_check(
            kind="organisations", programme=programme, upload=upload, by=OperatorFactory()
        )

    def check(response, rows):  # type: ignore[no-untyped-def]
        assert len(response.context["runs"]) == rows
        assert response.content.decode().count("organisations_") == rows

    client.force_login(OperatorFactory())
    pinned_queries(reverse("outcomes:imports"), grow, check=check)
