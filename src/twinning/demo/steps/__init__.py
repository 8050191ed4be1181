"""The demo is loaded step by step; each domain contributes its own step.

A step is a function taking the shared `DemoContext` and returning a `Tally`. It must be
idempotent on its own: find what already exists, create only what is missing. To extend the demo
(events, matching, students ...), add a module here and append its step to `STEPS`.
"""

from twinning.demo.steps import accounts, opportunities, organisations, programme
from twinning.demo.steps.base import DemoContext, Step, Tally
from twinning.events import demo as events_demo
from twinning.film import demo as film_demo
from twinning.introductions import demo as introductions_demo
from twinning.matching import demo as matching_demo
from twinning.outcomes import demo as outcomes_demo
from twinning.students import demo as students_demo
from twinning.visits import demo as visits_demo

STEPS: tuple[Step, ...] = (
    Step("accounts", accounts.load),
    Step("programme", programme.load),
    Step("organisations", organisations.load),
    Step("memberships", organisations.load_memberships),
    Step("opportunities", opportunities.load),
    Step("recommendations", matching_demo.load),
    Step("introductions", introductions_demo.load),
    Step("brokerage day", events_demo.load),
    Step("film applications", film_demo.load),
    Step("delegation visits", visits_demo.load),
    Step("outcomes", outcomes_demo.load),
    Step("students and job fairs", students_demo.load),
)

__all__ = ["STEPS", "DemoContext", "Step", "Tally"]
