"""Demo opportunities, walked through the workflow services to the state the plan gives them,
then dated back on the demo's clock so the directory shows a programme that has been running
for a year: notices written weeks or months ago, and some expired."""

import datetime as dt

from twinning.demo.plan import OpportunityPlan
from twinning.demo.steps.base import DemoContext, Tally
from twinning.organisations.models import Opportunity
from twinning.organisations.services import (
    OPPORTUNITY_LIFETIME_DAYS,
    opportunities_expire_due,
    opportunity_close,
    opportunity_create,
    opportunity_publish,
    opportunity_reject,
    opportunity_submit,
)
from twinning.programmes.selectors import regions, sectors_by_codes

PROGRESS_EVERY = 100
SUBMITTED_STATES = {"submitted", "rejected", "published", "expired", "closed"}
PUBLISHED_STATES = {"published", "expired", "closed"}
DATED_FIELDS = ["created_at", "expires_on", "submitted_at", "published_at", "closed_at"]


def load(context: DemoContext) -> Tally:
    plans = context.plan.opportunities
    existing = set(
        Opportunity.objects.filter(organisation__programme=context.programme).values_list(
            "organisation_id", "title"
        )
    )
    lookups = _lookups(plans)
    tally, created = Tally(), []
    for plan in plans:
        organisation = context.organisations[plan.organisation]
        if (organisation.pk, plan.title) in existing:
            tally.existing += 1
            continue
        created.append((_walk(context, plan, lookups), plan))
        tally.created += 1
        if tally.created % PROGRESS_EVERY == 0:
            context.report(f"  {tally.created} opportunities created …")
    _date_back(context, created)
    opportunities_expire_due(today=context.today)
    return tally


def _lookups(plans: list[OpportunityPlan]) -> dict[str, dict]:  # type: ignore[type-arg]
    codes = sorted({code for plan in plans for code in plan.nace})
    return {
        "sectors": {sector.code: sector for sector in sectors_by_codes(codes=codes)},
        "regions": {region.slug: region for region in regions()},
    }


def _walk(context: DemoContext, plan: OpportunityPlan, lookups: dict) -> Opportunity:  # type: ignore[type-arg]
    organisation = context.organisations[plan.organisation]
    author, operator = context.owners[plan.organisation], context.operator
    programme = context.programme
    target_side = (
        programme.side_b if organisation.side_id == programme.side_a_id else programme.side_a
    )
    opportunity = opportunity_create(
        organisation=organisation,
        by=author,
        type=plan.type,
        title=plan.title,
        summary=plan.summary,
        description=plan.description,
        sectors=[lookups["sectors"][code] for code in plan.nace],
        target_side=target_side,
        target_regions=[lookups["regions"][slug] for slug in plan.target_regions],
        languages=plan.languages,
    )
    if plan.status in SUBMITTED_STATES:
        opportunity = opportunity_submit(opportunity=opportunity, by=author)
    if plan.status == "rejected":
        reason = plan.rejection_reason
        opportunity = opportunity_reject(opportunity=opportunity, by=operator, reason=reason)
    if plan.status in PUBLISHED_STATES:
        opportunity = opportunity_publish(opportunity=opportunity, by=operator)
    if plan.status == "closed":
        opportunity = opportunity_close(opportunity=opportunity, by=author)
    return opportunity


def _date_back(context: DemoContext, created: list[tuple[Opportunity, OpportunityPlan]]) -> None:
    """Move each new notice's dates to when the plan says it was written. The workflow services
    stamp "now"; this is the demo's clock, not a workflow change, so it writes the dates only."""
    lifetime = dt.timedelta(days=OPPORTUNITY_LIFETIME_DAYS)
    for opportunity, plan in created:
        written = context.now - dt.timedelta(days=plan.age_days)
        opportunity.created_at = written
        opportunity.expires_on = (written + lifetime).date()
        if plan.status in SUBMITTED_STATES:
            opportunity.submitted_at = written + dt.timedelta(hours=20)
        if plan.status in PUBLISHED_STATES:
            opportunity.published_at = written + dt.timedelta(days=2)
        if plan.status == "closed":
            opportunity.closed_at = written + dt.timedelta(days=min(plan.age_days - 1, 90))
    Opportunity.objects.bulk_update(
        [opportunity for opportunity, _ in created], DATED_FIELDS, batch_size=200
    )
