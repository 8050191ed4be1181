import csv
import datetime as dt
import io
import itertools
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.events.factories import EventFactory, accepted_meeting, participant
from tests.factories import OperatorFactory, OrganisationFactory, region
from twinning.events.models import Meeting
from twinning.outcomes import services
from twinning.outcomes.charts import bars
from twinning.outcomes.models import Outcome

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.4 evidence"


def _outcome(meeting, operator=None, **values):  # type: ignore[no-untyped-def]
    leeds, almaty = meeting.request.requester, meeting.request.recipient
    outcome = services.outcome_record(
        reporter=leeds.organisation, partner=almaty.organisation, by=leeds.user,
        kind="supply", meetings=[meeting], stage_on=dt.date(2026, 2, 10), **values,
    )  # fmt: skip
    if operator:
        services.outcome_confirm(outcome=outcome, by=almaty.user)
        services.evidence_add(
            outcome=outcome, by=leeds.user, upload=SimpleUploadedFile("c.pdf", PDF)
        )
        services.outcome_verify(outcome=outcome, by=operator)
    return outcome


@pytest.fixture
def scenario(meeting, method):  # type: ignore[no-untyped-def]
    """Three outcomes whose figures are worked out by hand in the tests."""
    operator = OperatorFactory()
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    # 10,000 USD at 525/655: £8,015.27, 5,250,000.00 ₸; 40 % local content; verified.
    _outcome(meeting, operator, title="Line", stage="contract_signed", amount=Decimal(10000),
             currency="USD", rate_on=dt.date(2025, 3, 1), local_content_share=Decimal(40),
             local_content_method=method)  # fmt: skip
    # 1,000,000 KZT at 655: £1,526.72; 20 % local content; reported only.
    _outcome(meeting, title="Feed", stage="mou_signed", amount=Decimal(1_000_000),
             currency="KZT", rate_on=dt.date(2025, 3, 1), local_content_share=Decimal(20),
             local_content_method=method)  # fmt: skip
    # Negotiating: an outcome, not an agreement.
    _outcome(meeting, title="Talks", stage="negotiating", amount=Decimal(2500), currency="EUR",
             rate_on=dt.date(2025, 3, 1))  # fmt: skip
    return operator


def test_figures_match_the_hand_calculation(client, scenario):  # type: ignore[no-untyped-def]
    client.force_login(scenario)
    response = client.get(reverse("outcomes:dashboard"))
    figures = response.context["figures"]
    assert figures["outcomes"] == 3 and figures["agreements"] == 2 and figures["verified"] == 1
    assert figures["value_gbp"] == Decimal("9541.99")  # 8,015.27 + 1,526.72
    assert figures["value_kzt"] == Decimal("6250000.00")  # 5,250,000 + 1,000,000
    assert figures["verified_gbp"] == Decimal("8015.27")
    assert figures["verified_kzt"] == Decimal("5250000.00")
    assert figures["meetings_held"] == 1 and figures["no_show_rate"] == Decimal("0.0")
    [row] = response.context["dashboard"].local_content
    assert row.outcomes == 2 and row.average == Decimal("30.0")
    # (40 × 8,015.27 + 20 × 1,526.72) / 9,541.99 = 36.799…
    assert row.weighted == Decimal("36.8") and row.verified_weighted == Decimal("40.0")
    html = response.content.decode()
    assert "<svg" in html and f"{reverse('outcomes:definitions')}#no_show_rate" in html


def test_filters_narrow_the_figures(client, scenario, event):  # type: ignore[no-untyped-def]
    client.force_login(scenario)
    url = reverse("outcomes:dashboard")
    figures = client.get(url, {"start": "2026-03-01"}).context["figures"]
    assert figures["outcomes"] == 0
    kostanay = client.get(url, {"sector": "01"}).context["figures"]
    assert kostanay["outcomes"] == 0 and kostanay["organisations"] == 0
    machines = client.get(url, {"sector": "28"}).context["figures"]
    assert machines["outcomes"] == 3
    bad = client.get(url, {"sector": "x", "start": "2026-02-01", "end": "2026-01-01"})
    assert bad.status_code == 200 and "Enter a NACE code" in bad.content.decode()


def test_the_dashboard_is_for_operators(client, member):  # type: ignore[no-untyped-def]
    client.force_login(member)
    assert client.get(reverse("outcomes:dashboard")).status_code == 403
    assert client.get(reverse("outcomes:export", args=["register", "csv"])).status_code == 403
    assert client.get(reverse("outcomes:report")).status_code == 403
    assert client.get(reverse("outcomes:definitions")).status_code == 200


@pytest.fixture(params=[1, 3])
def programme_of_size(request, event, meeting, method):  # type: ignore[no-untyped-def]
    operator = OperatorFactory()
    for n in range(request.param):
        other = accepted_meeting(participant(event), participant(event))
        Meeting.objects.filter(pk=other.pk).update(status=Meeting.Status.HELD)
        _outcome(meeting, operator if n % 2 else None, title=f"O{n}", stage="in_delivery",
                 amount=Decimal(100), currency="GBP", rate_on=dt.date(2025, 3, 1),
                 local_content_share=Decimal(10), local_content_method=method)  # fmt: skip
    return operator


def test_dashboard_query_count_is_fixed(client, programme_of_size, django_assert_num_queries):  # type: ignore[no-untyped-def]
    client.force_login(programme_of_size)
    # 12 figure statements (the meetings' feedback and their events' first days are read on
    # their own) + the filter lists, the session and what the base template asks
    with django_assert_num_queries(21):
        response = client.get(
            reverse("outcomes:dashboard"), {"sector": "28", "start": "2026-01-01"}
        )
    assert response.status_code == 200


def test_csv_has_a_bom_and_xlsx_opens(client, scenario):  # type: ignore[no-untyped-def]
    client.force_login(scenario)
    csv = client.get(reverse("outcomes:export", args=["stages", "csv"]), {"sector": "28"})
    assert csv["Content-Type"].startswith("text/csv") and csv.content.startswith(b"\xef\xbb\xbf")
    text = csv.content.decode("utf-8-sig")
    assert "Contract signed,1,1,0,1,8015.27,5250000.00,8015.27,5250000.00" in text
    client.cookies["django_language"] = "ru"
    xlsx = client.get(reverse("outcomes:export", args=["register", "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Результат" and len(rows) == 4
    assert client.get(reverse("outcomes:export", args=["nothing", "csv"])).status_code == 404


def test_exports_write_formula_looking_text_as_text(client, scenario):  # type: ignore[no-untyped-def]
    formula = "=1+2"
    Outcome.objects.update(title=formula)
    client.force_login(scenario)
    response = client.get(reverse("outcomes:export", args=["register", "csv"]))
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    csv = b"".join(response.streaming_content)
    assert csv.startswith(b"\xef\xbb\xbf") and b"\n'=1+2," in csv and b"\n=1+2" not in csv
    xlsx = client.get(reverse("outcomes:export", args=["register", "xlsx"]))
    cell = load_workbook(io.BytesIO(xlsx.content)).active["A2"]
    assert cell.data_type == "s" and cell.value == "'" + formula


def test_the_pdf_report_holds_the_figures_in_the_chosen_language(client, scenario):  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    client.force_login(scenario)
    client.cookies["django_language"] = "ru"
    response = client.get(reverse("outcomes:report"))
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(p.extract_text() for p in pages).replace("\xa0", " ").replace("\u202f", " ")
    assert "Отчёт по программе" in text and "8 015,27" in text
    assert "Line" in text and "Feed" not in text  # only verified agreements are listed


def test_charts_escape_their_labels():  # type: ignore[no-untyped-def]
    svg = bars("<t>", [("<script>", 3, 1)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_the_streamed_register_is_written_in_the_language_of_the_request(client, scenario):  # type: ignore[no-untyped-def]
    client.force_login(scenario)
    client.cookies["django_language"] = "ru"
    response = client.get(reverse("outcomes:export", args=["register", "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.startswith("Результат,") and "Договор подписан" in text
    assert "Contract signed" not in text


def test_a_figure_export_computes_its_own_table_only(client, scenario):  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(scenario)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("outcomes:export", args=["stages", "csv"]))
    assert "Contract signed,1,1,0,1,8015.27" in response.content.decode("utf-8-sig")
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert '"outcomes_outcome"' in sql
    assert '"events_meeting"' not in sql and '"introductions_introduction"' not in sql


def test_the_pdf_lists_the_largest_verified_agreements_and_says_so(client, scenario, monkeypatch):  # type: ignore[no-untyped-def]
    from django.utils import timezone
    from pypdf import PdfReader

    from twinning.outcomes import tables

    Outcome.objects.filter(title="Feed").update(  # £1,526.72
        confirmation=Outcome.Confirmation.CONFIRMED, verified_at=timezone.now()
    )
    monkeypatch.setattr(tables, "REPORT_TOP", 1)
    client.force_login(scenario)
    client.cookies["django_language"] = "ru"
    response = client.get(reverse("outcomes:report"))
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(p.extract_text() for p in pages).replace("\n", " ")
    assert "Line" in text and "Feed" not in text  # the larger of the two verified agreements
    assert "1 из 2" in text and "XLSX" in text


def test_the_monthly_export_counts_held_meetings_in_their_events_month(client, scenario, meeting):  # type: ignore[no-untyped-def]
    import csv

    client.force_login(scenario)
    response = client.get(reverse("outcomes:export", args=["monthly", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    held = {row[0]: int(row[2]) for row in rows[1:]}
    assert held[f"{meeting.event.starts_on:%Y-%m}"] == 1 and sum(held.values()) == 1


def test_an_event_outside_the_period_counts_nothing(meeting):  # type: ignore[no-untyped-def]
    """The event filter narrows the period's events; it does not replace the period."""
    from twinning.core.figures import Scope
    from twinning.events.selectors_figures import meeting_figures, request_figures

    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    event = meeting.event
    inside = Scope(programme_id=event.programme_id, event_id=event.pk, start=event.starts_on)
    after = Scope(programme_id=event.programme_id, event_id=event.pk,
                  start=event.starts_on + dt.timedelta(days=1))  # fmt: skip
    assert meeting_figures(scope=inside)["held"] == 1
    assert request_figures(scope=inside)["accepted"] == 1
    assert meeting_figures(scope=after)["held"] == 0
    assert request_figures(scope=after)["requested"] == 0


def _growing_register(programme, operator, method):  # type: ignore[no-untyped-def]
    """`grow`: one more verified agreement, from a held meeting at an event of its own between
    two new organisations (one per side)."""
    numbers = itertools.count(1)

    def grow():  # type: ignore[no-untyped-def]
        n = next(numbers)
        event = EventFactory(programme=programme)
        kazakh = OrganisationFactory(programme=programme, region=region("almaty-city"))
        meeting = accepted_meeting(participant(event), participant(event, organisation=kazakh))
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
        _outcome(meeting, operator, title=f"Agreement {n}", stage="contract_signed",
                 amount=Decimal(1000 * n), currency="GBP", rate_on=dt.date(2025, 3, 1),
                 local_content_share=Decimal(10 * n), local_content_method=method)  # fmt: skip

    return grow


def _body(response) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.pins("outcomes:export")
@pytest.mark.parametrize("name", ["figures", "funnel", "stages", "local-content", "monthly",
                                  "register"])  # fmt: skip
@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_an_export_takes_as_many_queries_for_three_outcomes_as_for_one(  # type: ignore[no-untyped-def]
    client, programme, method, pinned_queries, name, format
):
    operator = OperatorFactory()

    def check(response, rows):  # type: ignore[no-untyped-def]
        body = _body(response)  # a streamed body is read (and its queries run) here, counted
        if format == "csv":
            lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        else:
            lines = list(load_workbook(io.BytesIO(body)).active.values)
        if name == "register":
            assert [line[0] for line in lines[1:]] == [f"Agreement {n}" for n in range(rows, 0, -1)]

    client.force_login(operator)
    pinned_queries(
        reverse("outcomes:export", args=[name, format]),
        _growing_register(programme, operator, method),
        check=check,
    )


@pytest.mark.pins("outcomes:report")
def test_the_pdf_report_takes_as_many_queries_for_three_agreements_as_for_one(  # type: ignore[no-untyped-def]
    client, programme, method, pinned_queries
):
    from pypdf import PdfReader

    operator = OperatorFactory()

    def check(response, rows):  # type: ignore[no-untyped-def]
        assert len(response.context["register"][1]) == rows
        pages = PdfReader(io.BytesIO(response.content)).pages
        text = " ".join(" ".join(p.extract_text() for p in pages).split())
        assert all(f"Agreement {n}" in text for n in range(1, rows + 1)), text

    client.force_login(operator)
    pinned_queries(
        reverse("outcomes:report"), _growing_register(programme, operator, method), check=check
    )
