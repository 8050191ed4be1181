"""Builds the whole demo plan from one seed."""

import random

from twinning.demo.plan import LOGINS, ORGANISATIONS_PER_SIDE, SEED, DemoPlan
from twinning.demo.plan_opportunities import plan_opportunities
from twinning.demo.plan_organisations import plan_organisations


def build_plan(seed: int = SEED) -> DemoPlan:
    rng = random.Random(seed)  # noqa: S311 - demo content must repeat, not be secret
    organisations = plan_organisations(rng, LOGINS, ORGANISATIONS_PER_SIDE)
    opportunities = plan_opportunities(rng, organisations, LOGINS)
    return DemoPlan(logins=LOGINS, organisations=organisations, opportunities=opportunities)
