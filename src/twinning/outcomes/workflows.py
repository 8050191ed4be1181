"""The register's two workflows, declared once (core.transitions): the stage of a partnership
and the partner's confirmation. Rules and services both read them."""

from twinning.core.transitions import Workflow, step
from twinning.outcomes.models import STAGE_ORDER, Outcome

Confirmation = Outcome.Confirmation


def sources_of(stage: str) -> tuple[str, ...]:
    """The stages a move to `stage` may start from: any earlier one; lost from any open one."""
    if stage == Outcome.Stage.LOST:
        return STAGE_ORDER
    return STAGE_ORDER[: STAGE_ORDER.index(stage)]


STAGES = Workflow(
    model=Outcome,
    field="stage",
    transitions=[
        step(f"move_to_{stage}", sources_of(stage), stage)
        for stage in Outcome.Stage.values
        if sources_of(stage)
    ],
)
CONFIRMATION = Workflow(
    model=Outcome,
    field="confirmation",
    transitions=[
        step("confirm", [Confirmation.PENDING, Confirmation.DISPUTED], Confirmation.CONFIRMED),
        step("dispute", [Confirmation.PENDING, Confirmation.CONFIRMED], Confirmation.DISPUTED),
    ],
)
