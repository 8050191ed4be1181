"""The students app's workflows, declared once (core.transitions): which states each step of a
position and of an interview may start from. Services move with them; rules ask them."""

from twinning.core.transitions import Workflow, step
from twinning.students.models import Interview, Position

P = Position.State
I = Interview.Status  # noqa: E741 - the interview's states, as P is the position's

POSITION = Workflow(
    model=Position,
    field="state",
    transitions=[
        step("submit", [P.DRAFT, P.REJECTED], P.SUBMITTED),
        step("publish", [P.SUBMITTED], P.PUBLISHED),
        step("reject", [P.SUBMITTED], P.REJECTED),
        step("close", [P.DRAFT, P.SUBMITTED, P.PUBLISHED, P.REJECTED], P.CLOSED),
    ],
)

INTERVIEW = Workflow(
    model=Interview,
    field="status",
    transitions=[
        step("publish", [I.PROPOSED], I.SCHEDULED),
        step("accept", [I.OFFERED], I.SCHEDULED),
        step("decline", [I.SCHEDULED, I.OFFERED], I.DECLINED),
        step("cancel", [I.PROPOSED, I.SCHEDULED, I.OFFERED], I.CANCELLED),
    ],
)
