"""The visit's, its sessions' and the invitation's workflows, declared once (core.transitions):
which states each step may start from. Services move through them; rules ask them."""

from twinning.core.transitions import Workflow, step
from twinning.visits.models import Attendee, Session, Visit

V, A, S = Visit.State, Attendee.State, Session.Status

VISIT_FLOW = Workflow(
    model=Visit,
    field="state",
    transitions=[
        step("publish", [V.DRAFT], V.PUBLISHED),
        step("hold", [V.PUBLISHED], V.HELD),
        step("cancel", [V.DRAFT, V.PUBLISHED], V.CANCELLED),
    ],
)

# A cancelled session is not cancelled again (its people would be told twice).
SESSION_FLOW = Workflow(
    model=Session, field="status", transitions=[step("cancel", [S.SCHEDULED], S.CANCELLED)]
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
