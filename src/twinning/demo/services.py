"""Loads the demo programme: every step of `twinning.demo.steps.STEPS`, in one transaction."""

import time

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from twinning.demo.models import DemoLoad
from twinning.demo.plan import plan_version
from twinning.demo.planner import build_plan
from twinning.demo.steps import STEPS, DemoContext, Step, Tally
from twinning.demo.steps.base import Report
from twinning.demo.steps.programme import SLUG
from twinning.programmes.selectors import programme_get

# Loading walks hundreds of notices through the workflow, which notifies members and operators;
# those e-mails would go nowhere useful, so the demo sends them to the dummy backend.
QUIET_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


def demo_load(
    *, report: Report = lambda _line: None, until: str | None = None
) -> list[tuple[str, Tally]]:
    """Create whatever part of the demo programme is missing; returns a tally per step.

    `until` names the last step to run: later steps build on earlier ones, so a part of the demo
    is always a prefix of `STEPS`. Nothing is loaded (and an empty list returned) when the
    programme exists but was not loaded from this version of the demo content.
    """
    steps = steps_until(until)
    plan = build_plan()
    version = plan_version(plan)
    context = DemoContext(plan=plan, today=timezone.localdate(), now=timezone.now(), report=report)
    results = []
    with override_settings(EMAIL_BACKEND=QUIET_EMAIL), transaction.atomic():
        if _other_version_loaded(version):
            report(OTHER_VERSION)
            return []
        for step in steps:
            started = time.perf_counter()
            tally = step.run(context)
            report(f"{step.name}: {tally} ({time.perf_counter() - started:.1f} s)")
            results.append((step.name, tally))
        DemoLoad.objects.get_or_create(version=version)
    return results


OTHER_VERSION = (
    f"The programme {SLUG!r} exists but was not loaded from this version of the demo content, "
    "so nothing was added to it. To load this version, start from an empty database "
    "(make clean && make run)."
)


def _other_version_loaded(version: str) -> bool:
    if programme_get(slug=SLUG) is None:
        return False
    return not DemoLoad.objects.filter(version=version).exists()


def step_names() -> list[str]:
    return [step.name for step in STEPS]


def steps_until(name: str | None) -> tuple[Step, ...]:
    if name is None:
        return STEPS
    names = step_names()
    if name not in names:
        raise ValueError(f"unknown demo step {name!r}; steps: {', '.join(names)}")
    return STEPS[: names.index(name) + 1]
