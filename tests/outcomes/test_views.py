import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import OperatorFactory
from tests.outcomes.conftest import form_fields
from twinning.outcomes import services
from twinning.outcomes.models import Outcome

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.4 contract"


def _record(meeting, **changes):  # type: ignore[no-untyped-def]
    leeds, almaty = meeting.request.requester, meeting.request.recipient
    values = {
        "reporter": leeds.organisation, "partner": almaty.organisation, "by": leeds.user,
        "title": "Cold-chain supply", "kind": "supply", "meetings": [meeting], **changes,
    }  # fmt: skip
    return services.outcome_record(**values)


def _single(fields):  # type: ignore[no-untyped-def]
    return {name: values if len(values) != 1 else values[0] for name, values in fields.items()}


def test_a_party_records_an_outcome_from_the_rendered_form(client, meeting, method):  # type: ignore[no-untyped-def]
    leeds, almaty = meeting.request.requester, meeting.request.recipient
    client.force_login(leeds.user)
    url = reverse("outcomes:record")
    page = client.get(url, {"partner": almaty.organisation_id, "meeting": meeting.pk})
    assert page.status_code == 200
    fields = _single(form_fields(page.content.decode(), url))
    assert fields["meetings"] == str(meeting.pk)  # preselected from the link
    fields.update(
        title="Sausage line for Almaty", kind="supply", stage="contract_signed",
        stage_on="2026-01-10", amount="10000", currency="USD", rate_on="2025-03-01",
        local_content_share="35", local_content_method=str(method.pk),
    )  # fmt: skip
    response = client.post(url, fields)
    outcome = Outcome.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "outcomes:detail", args=[outcome.pk]
    )
    assert outcome.value_gbp == Decimal("8015.27") and list(outcome.meetings.all()) == [meeting]
    detail = client.get(response.url).content.decode()
    assert "8,015.27" in detail and "Sausage line for Almaty" in detail


def test_errors_show_on_the_visible_field(client, meeting):  # type: ignore[no-untyped-def]
    leeds, almaty = meeting.request.requester, meeting.request.recipient
    client.force_login(leeds.user)
    url = reverse("outcomes:record")
    page = client.get(url, {"partner": almaty.organisation_id})
    fields = _single(form_fields(page.content.decode(), url))
    fields.update(title="X", kind="supply", amount="5", currency="USD", rate_on="2019-01-01")
    response = client.post(url, fields)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No exchange rate converts USD to GBP" in html and 'id="id_rate_on"' in html


def test_the_partner_confirms_and_an_operator_verifies_through_the_pages(client, meeting):  # type: ignore[no-untyped-def]
    outcome = _record(meeting)
    almaty = meeting.request.recipient
    detail = reverse("outcomes:detail", args=[outcome.pk])
    client.force_login(almaty.user)
    page = client.get(detail).content.decode()
    confirm = reverse("outcomes:confirm", args=[outcome.pk])
    assert client.post(confirm, form_fields(page, confirm)).status_code == 302
    upload = reverse("outcomes:evidence_add", args=[outcome.pk])
    client.post(upload, {"upload": SimpleUploadedFile("mou.pdf", PDF)})
    operator = OperatorFactory()
    client.force_login(operator)
    page = client.get(detail).content.decode()
    verify = reverse("outcomes:verify", args=[outcome.pk])
    fields = _single(form_fields(page, verify))
    fields["note"] = "Signed MoU seen"
    assert client.post(verify, fields).status_code == 302
    outcome.refresh_from_db()
    assert outcome.is_verified and outcome.verification_note == "Signed MoU seen"


def test_another_organisation_cannot_read_an_outcome_or_its_evidence_by_id(
    client, meeting, outsider
):  # type: ignore[no-untyped-def]
    outcome = _record(meeting)
    item = services.evidence_add(
        outcome=outcome, by=meeting.request.requester.user,
        upload=SimpleUploadedFile("contract.pdf", PDF),
    )  # fmt: skip
    urls = [
        reverse("outcomes:detail", args=[outcome.pk]),
        reverse("outcomes:edit", args=[outcome.pk]),
        reverse("outcomes:evidence_file", args=[item.pk]),
    ]
    for user in (outsider, None):
        client.logout()
        if user:
            client.force_login(user)
        for url in urls:
            # 404 for the outcome's pages, 403 for the file; signed out: sent to sign in.
            assert client.get(url).status_code in ((403, 404) if user else (302, 404)), url
        assert client.post(reverse("outcomes:confirm", args=[outcome.pk])).status_code == 404
    client.force_login(meeting.request.recipient.user)
    response = client.get(urls[2])
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_stranger_cannot_record_for_someone_else(client, meeting, outsider):  # type: ignore[no-untyped-def]
    client.force_login(outsider)
    url = reverse("outcomes:record")
    almaty = meeting.request.recipient
    page = client.get(url, {"partner": almaty.organisation_id})
    assert b'name="title"' not in page.content  # not a partner of theirs


def test_operator_register_is_for_operators(client, member):  # type: ignore[no-untyped-def]
    client.force_login(member)
    assert client.get(reverse("outcomes:register")).status_code == 403


def _growing(meeting):  # type: ignore[no-untyped-def]
    """Records one more outcome of the meeting at each call."""
    numbers = itertools.count()
    return lambda: _record(meeting, title=f"Outcome {next(numbers)}", amount=Decimal(100),
                           currency="GBP", rate_on=dt.date(2025, 3, 1))  # fmt: skip


@pytest.mark.pins("outcomes:mine")
def test_my_register_query_count_does_not_grow(client, meeting, pinned_queries):  # type: ignore[no-untyped-def]
    client.force_login(meeting.request.recipient.user)

    def check(response, rows):  # type: ignore[no-untyped-def]
        assert response.content.decode().count('id="outcome-') == 2 * rows

    assert pinned_queries(reverse("outcomes:mine"), _growing(meeting), check=check) == 10


@pytest.mark.pins("outcomes:register")
def test_operator_register_query_count_does_not_grow(client, meeting, pinned_queries):  # type: ignore[no-untyped-def]
    client.force_login(OperatorFactory())

    def check(response, rows):  # type: ignore[no-untyped-def]
        assert response.content.decode().count('id="outcome-') == rows

    # the page's count included
    assert pinned_queries(reverse("outcomes:register"), _growing(meeting), check=check) == 8


def test_the_partner_sees_the_outcome_on_their_dashboard_panel(client, meeting):  # type: ignore[no-untyped-def]
    outcome = _record(meeting, title="Panel outcome")
    client.force_login(meeting.request.recipient.user)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="panel-outcomes"' in page and "Panel outcome" in page
    assert reverse("outcomes:detail", args=[outcome.pk]) in page
    client.force_login(meeting.request.requester.user)
    assert (
        'data-testid="panel-outcomes"' not in client.get(reverse("core:dashboard")).content.decode()
    )
