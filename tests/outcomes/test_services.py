import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from tests.factories import OperatorFactory
from twinning.outcomes import services
from twinning.outcomes.models import Outcome, StageChange

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.4 signed memorandum"


def _parties(meeting):  # type: ignore[no-untyped-def]
    leeds, almaty = meeting.request.requester, meeting.request.recipient
    return leeds, almaty


def _record(meeting, **changes):  # type: ignore[no-untyped-def]
    leeds, almaty = _parties(meeting)
    values = {
        "reporter": leeds.organisation, "partner": almaty.organisation, "by": leeds.user,
        "title": "Meat-processing line", "kind": Outcome.Kind.SUPPLY, "meetings": [meeting],
        **changes,
    }  # fmt: skip
    return services.outcome_record(**values)


@pytest.mark.parametrize(
    ("amount", "currency", "on", "gbp", "kzt"),
    [
        # 10,000 × 525 / 655 = 8,015.2671… ; 10,000 × 525
        ("10000", "USD", dt.date(2025, 3, 1), "8015.27", "5250000.00"),
        # 2,500 × 545 / 655 = 2,080.1526… ; 2,500 × 545
        ("2500", "EUR", dt.date(2025, 3, 1), "2080.15", "1362500.00"),
        # 1,000,000 / 655 = 1,526.7175…
        ("1000000", "KZT", dt.date(2025, 3, 1), "1526.72", "1000000.00"),
        # the rate of 2 June 2025 (700) applies from that day: 1,000,000 / 700 = 1,428.5714…
        ("1000000", "KZT", dt.date(2025, 7, 1), "1428.57", "1000000.00"),
        # 120,000 × 700
        ("120000", "GBP", dt.date(2025, 7, 1), "120000.00", "84000000.00"),
    ],
)
def test_values_are_reported_in_gbp_and_kzt_from_the_dated_rates(
    meeting, amount, currency, on, gbp, kzt
):  # type: ignore[no-untyped-def]
    outcome = _record(meeting, amount=Decimal(amount), currency=currency, rate_on=on)
    assert (outcome.value_gbp, outcome.value_kzt) == (Decimal(gbp), Decimal(kzt))


def test_a_value_before_any_rate_is_refused_on_the_date_field(meeting):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        _record(meeting, amount=Decimal(5), currency="USD", rate_on=dt.date(2020, 1, 1))
    assert "rate_on" in error.value.message_dict


def test_record_keeps_the_first_stage_in_history_and_asks_the_partner(
    meeting, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(meeting, stage=Outcome.Stage.NEGOTIATING, stage_on=dt.date(2026, 1, 5))
    assert list(outcome.stage_changes.values_list("stage", "on")) == [
        ("negotiating", dt.date(2026, 1, 5))
    ]
    assert list(meeting.outcomes.all()) == [outcome]
    assert [m.to for m in mail.outbox] == [[meeting.request.recipient.user.email]]


def test_the_whole_workflow_record_confirm_evidence_verify(meeting):  # type: ignore[no-untyped-def]
    leeds, almaty = _parties(meeting)
    operator = OperatorFactory()
    outcome = _record(meeting, stage_on=dt.date(2026, 1, 5))
    outcome = services.outcome_move(
        outcome=outcome, by=leeds.user, stage=Outcome.Stage.CONTRACT_SIGNED,
        on=dt.date(2026, 2, 1), note="Signed in Almaty",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.outcome_confirm(outcome=outcome, by=leeds.user)  # not one's own claim
    outcome = services.outcome_confirm(outcome=outcome, by=almaty.user)
    with pytest.raises(ValidationError):
        services.outcome_verify(outcome=outcome, by=operator)  # no evidence yet
    services.evidence_add(
        outcome=outcome, by=leeds.user, upload=SimpleUploadedFile("contract.pdf", PDF)
    )
    with pytest.raises(PermissionDenied):
        services.outcome_verify(outcome=outcome, by=almaty.user)
    outcome = services.outcome_verify(outcome=outcome, by=operator, note="Contract seen")
    assert outcome.is_verified and outcome.confirmation == "confirmed"
    assert list(StageChange.objects.filter(outcome=outcome).values_list("stage", flat=True)) == [
        "contacted", "contract_signed",
    ]  # fmt: skip


def test_a_new_stage_goes_back_to_the_partner_and_lapses_verification(meeting):  # type: ignore[no-untyped-def]
    leeds, almaty = _parties(meeting)
    outcome = _record(meeting, stage=Outcome.Stage.MOU_SIGNED, stage_on=dt.date(2026, 1, 5))
    services.outcome_confirm(outcome=outcome, by=almaty.user)
    services.evidence_add(outcome=outcome, by=leeds.user, upload=SimpleUploadedFile("m.pdf", PDF))
    services.outcome_verify(outcome=outcome, by=OperatorFactory())
    outcome = services.outcome_move(
        outcome=outcome, by=almaty.user, stage=Outcome.Stage.IN_DELIVERY, on=dt.date(2026, 3, 1)
    )
    assert outcome.confirmation == "pending" and not outcome.is_verified


def test_stages_only_move_forward_and_lost_needs_a_reason(meeting):  # type: ignore[no-untyped-def]
    leeds, _ = _parties(meeting)
    outcome = _record(meeting, stage=Outcome.Stage.CONTRACT_SIGNED)
    with pytest.raises(PermissionDenied):
        services.outcome_move(
            outcome=outcome, by=leeds.user, stage="negotiating", on=dt.date.today()
        )
    with pytest.raises(ValidationError) as error:
        services.outcome_move(outcome=outcome, by=leeds.user, stage="lost", on=dt.date.today())
    assert "lost_reason" in error.value.message_dict


def test_dispute_needs_a_reason_and_tells_the_reporter(meeting, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    leeds, almaty = _parties(meeting)
    outcome = _record(meeting)
    with pytest.raises(ValidationError):
        services.outcome_dispute(outcome=outcome, by=almaty.user, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.outcome_dispute(
            outcome=outcome, by=almaty.user, reason="No contract yet"
        )
    assert outcome.confirmation == "disputed"
    assert [m.to for m in mail.outbox] == [[leeds.user.email]]


def test_links_must_belong_to_the_two_organisations(meeting, event):  # type: ignore[no-untyped-def]
    from tests.events.factories import accepted_meeting, participant

    other = accepted_meeting(participant(event), participant(event))
    with pytest.raises(ValidationError) as error:
        _record(meeting, meetings=[other])
    assert "meetings" in error.value.message_dict


def test_local_content_needs_its_method(meeting, method):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        _record(meeting, local_content_share=Decimal(40))
    outcome = _record(meeting, local_content_share=Decimal("42.5"), local_content_method=method)
    assert outcome.local_content_method == method


def test_evidence_is_checked_and_stored_outside_media(meeting, settings):  # type: ignore[no-untyped-def]
    leeds, _ = _parties(meeting)
    outcome = _record(meeting)
    with pytest.raises(ValidationError):
        services.evidence_add(
            outcome=outcome, by=leeds.user, upload=SimpleUploadedFile("x.pdf", b"not a pdf")
        )
    item = services.evidence_add(
        outcome=outcome, by=leeds.user, upload=SimpleUploadedFile("x.pdf", PDF)
    )
    assert not item.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no URL"):
        item.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"stage": "lost", "lost_reason": ""}, "outcome_lost_has_reason"),
        ({"amount": Decimal(1), "currency": "", "rate_on": None}, "outcome_value_complete"),
        ({"local_content_share": Decimal(101)}, "outcome_local_content_with_method"),
        ({"confirmation": "disputed", "dispute_reason": ""}, "outcome_dispute_has_reason"),
        ({"verified_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}, "outcome_verified_is_confirmed"),
    ],
)
def test_the_database_keeps_the_register_consistent(meeting, changes, constraint):  # type: ignore[no-untyped-def]
    outcome = _record(meeting)
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Outcome.objects.filter(pk=outcome.pk).update(**changes)
