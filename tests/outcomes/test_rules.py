"""Every transition's rule over every state, on unsaved outcomes (pretalx's test_rules style)."""

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, OperatorFactory, OrganisationFactory, region
from twinning.outcomes.models import Outcome
from twinning.outcomes.rules import can_confirm, can_dispute, can_move, can_verify, can_view

pytestmark = pytest.mark.integration
ORDER = list(Outcome.ORDER)


@pytest.fixture
def parties(programme):  # type: ignore[no-untyped-def]
    reporter = OrganisationFactory(programme=programme)
    partner = OrganisationFactory(programme=programme, region=region("almaty-city"))
    stranger = OrganisationFactory(programme=programme, region=region("kostanay"))
    return {
        "reporter": MembershipFactory(organisation=reporter).user,
        "partner": MembershipFactory(organisation=partner).user,
        "stranger": MembershipFactory(organisation=stranger).user,
        "operator": OperatorFactory(),
        "outcome": Outcome(programme=programme, reporter=reporter, partner=partner),
    }


@pytest.mark.parametrize("source", Outcome.Stage.values)
@pytest.mark.parametrize("target", Outcome.Stage.values)
def test_a_stage_moves_forward_only_and_lost_ends_it(parties, source, target):  # type: ignore[no-untyped-def]
    outcome = parties["outcome"]
    outcome.stage = source
    forward = source in ORDER and (
        target == "lost" or (target in ORDER and ORDER.index(target) > ORDER.index(source))
    )
    rule = can_move.get(target)  # nothing moves back to "contacted"
    for who in ("reporter", "partner"):
        assert bool(rule and rule.test(parties[who], outcome)) is forward
    for who in ("stranger", "operator"):
        assert not (rule and rule.test(parties[who], outcome))


@pytest.mark.parametrize("confirmation", Outcome.Confirmation.values)
@pytest.mark.parametrize("verified", [False, True])
def test_only_the_partner_confirms_or_disputes_and_only_operators_verify(
    parties, confirmation, verified
):  # type: ignore[no-untyped-def]
    outcome = parties["outcome"]
    outcome.confirmation = confirmation
    outcome.verified_at = timezone.now() if verified else None
    open_ = not verified
    assert can_confirm.test(parties["partner"], outcome) is (
        open_ and confirmation in ("pending", "disputed")
    )
    assert can_dispute.test(parties["partner"], outcome) is (
        open_ and confirmation in ("pending", "confirmed")
    )
    assert can_verify.test(parties["operator"], outcome) is (open_ and confirmation == "confirmed")
    for who in ("reporter", "stranger"):
        assert not can_confirm.test(parties[who], outcome)
        assert not can_dispute.test(parties[who], outcome)
        assert not can_verify.test(parties[who], outcome)


def test_who_sees_an_outcome(parties):  # type: ignore[no-untyped-def]
    outcome = parties["outcome"]
    seen = {who: can_view.test(parties[who], outcome) for who in parties if who != "outcome"}
    assert seen == {"reporter": True, "partner": True, "stranger": False, "operator": True}
