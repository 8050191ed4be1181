"""Loads the demo programme: every step of `twinning.demo.steps.STEPS`, in one transaction."""

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from twinning.demo.planner import build_plan
from twinning.demo.steps import STEPS, DemoContext, Tally
from twinning.demo.steps.base import Report

# Loading walks hundreds of notices through the workflow, which notifies members and operators;
# those e-mails would go nowhere useful, so the demo sends them to the dummy backend.
QUIET_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


def demo_load(*, report: Report = lambda _line: None) -> list[tuple[str, Tally]]:
    """Create whatever part of the demo programme is missing; returns a tally per step."""
    context = DemoContext(
        plan=build_plan(), today=timezone.localdate(), now=timezone.now(), report=report
    )
    results = []
    with override_settings(EMAIL_BACKEND=QUIET_EMAIL), transaction.atomic():
        for step in STEPS:
            tally = step.run(context)
            report(f"{step.name}: {tally}")
            results.append((step.name, tally))
    return results
