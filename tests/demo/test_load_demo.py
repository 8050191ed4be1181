"""`manage.py load_demo` end to end: what it creates, and that a second run creates nothing.

Loading takes seconds, so one test loads once and runs every check on the result. It loads the
steps this app owns (up to the opportunities); each later step is tested by the app adding it."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from twinning.core.models import AuditEntry, User
from twinning.organisations.models import Membership, Opportunity, Organisation
from twinning.organisations.registry import validate_kz_bin, validate_uk_company_number

pytestmark = pytest.mark.integration


def _counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "opportunities": Opportunity.objects.count(),
        "memberships": Membership.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def _load() -> str:
    out = io.StringIO()
    # Tests run with DEBUG=false, as production does.
    call_command("load_demo", "--until", "opportunities", "--allow-production", stdout=out)
    return out.getvalue()


def test_load_demo(db):  # type: ignore[no-untyped-def]
    output = _load()
    _check_sides_and_states()
    _check_workflow_dates_and_reasons()
    _check_the_meat_story()
    _check_registry_numbers()
    _check_logins(output)
    _check_second_run_changes_nothing()


def _check_sides_and_states() -> None:
    sides = Counter(Organisation.objects.values_list("side__code", flat=True))
    assert sides["UK"] >= 150 and sides["KZ"] >= 150
    states = Counter(Opportunity.objects.values_list("status", flat=True))
    assert sum(states.values()) >= 300
    assert set(states) == set(Opportunity.Status.values)
    assert states["published"] > sum(states.values()) / 2
    types = set(Opportunity.objects.values_list("type", flat=True))
    assert types == set(Opportunity.Type.values)
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"company", "public_body", "university", "ngo", "studio"} <= kinds


def _check_workflow_dates_and_reasons() -> None:
    today = timezone.localdate()
    opportunities = Opportunity.objects.all()
    assert all(o.rejection_reason for o in opportunities.filter(status="rejected"))
    assert all(o.expires_on < today for o in opportunities.filter(status="expired"))
    assert all(o.expires_on >= today for o in opportunities.filter(status="published"))
    assert all(o.published_at and o.published_at > o.created_at for o in opportunities.filter(
        status__in=["published", "expired", "closed"]
    ))  # fmt: skip
    assert all(o.search_text for o in opportunities)
    assert AuditEntry.objects.filter(action="opportunity.expire").count() == (
        opportunities.filter(status="expired").count()
    )


def _check_the_meat_story() -> None:
    leeds = Organisation.objects.get(legal_name="Aire Valley Meat Machinery Ltd")
    assert leeds.region.slug == "leeds" and leeds.sectors.filter(code="28.93").exists()
    offer = leeds.opportunities.get(type="business_offer", status="published")
    assert offer.sectors.filter(code="28.93").exists() and offer.languages == "en"
    kostanay = Organisation.objects.get(legal_name="ТОО «Костанайский мясокомбинат»")
    assert kostanay.region.slug == "kostanay" and kostanay.sectors.filter(code="10.11").exists()
    request = kostanay.opportunities.get(type="business_request", status="published")
    assert request.languages == "ru" and "мясокомбинат" in request.search_text


def _check_registry_numbers() -> None:
    for side, number in Organisation.objects.exclude(registry_id="").values_list(
        "side__code", "registry_id"
    ):
        validator = validate_kz_bin if side == "KZ" else validate_uk_company_number
        assert validator(number) == number


def _check_logins(output: str) -> None:
    assert "Operator: operator@twinning.local / twinning-demo" in output
    operator = User.objects.get(email="operator@twinning.local")
    assert operator.is_staff and operator.is_superuser
    assert operator.check_password("twinning-demo")
    irina = User.objects.get(email="irina.kovalenko@twinning.local")
    assert irina.language == "ru" and irina.check_password("twinning-demo")
    assert irina.memberships.get().organisation.legal_name == "ТОО «Костанайский мясокомбинат»"
    assert User.objects.get(email="aigerim.seitkaliyeva@twinning.local").language == "kk"


def _check_second_run_changes_nothing() -> None:
    before = _counts()
    output = _load()
    assert _counts() == before
    assert "already loaded: nothing to do" in output


def test_a_programme_from_elsewhere_is_left_alone(programme):  # type: ignore[no-untyped-def]
    # The same slug, created by an operator or by an older version of the demo content.
    output = _load()

    assert "was not loaded from this version of the demo content" in output
    assert Organisation.objects.count() == 0 and Opportunity.objects.count() == 0


def test_refuses_without_debug_unless_allowed(db, settings):  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is false"):
        call_command("load_demo", stdout=io.StringIO())
    assert User.objects.count() == 0
