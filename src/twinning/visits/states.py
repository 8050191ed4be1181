"""The visit's and the invitation's workflows, declared once (core.transitions): which states
each step may start from. Services move through them; rules ask them."""

from twinning.core.transitions import Workflow, step
from twinning.visits.models import Attendee, Visit

V, A = Visit.State, Attendee.State

VISIT_FLOW = Workflow(
    model=Visit,
    field="state",
    transitions=[
        step("publish", [V.DRAFT], V.PUBLISHED),
        step("hold", [V.PUBLISHED], V.HELD),
        step("cancel", [V.DRAFT, V.PUBLISHED], V.CANCELLED),
    ],
)

ANSWER_FLOW = Workflow(
    model=Attendee,
    field="state",
    transitions=[
        step("accept", [A.INVITED, A.DECLINED], A.ACCEPTED),
        step("wait", [A.INVITED, A.DECLINED], A.WAITING),
        step("decline", [A.INVITED, A.ACCEPTED, A.WAITING, A.DECLINED], A.DECLINED),
        step("promote", [A.WAITING], A.ACCEPTED),
        step("withdraw", [A.INVITED, A.ACCEPTED, A.WAITING], A.WITHDRAWN),
    ],
)
