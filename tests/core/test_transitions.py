"""Every transition of every workflow, tried from every state: allowed from its declared
sources, refused (with a sentence, the state unchanged) from all others. Workflows are found
through `core.transitions.WORKFLOWS`, so a new app's are tried here too."""

import pytest
from django.core.exceptions import ValidationError

from twinning.core.transitions import WORKFLOWS

pytestmark = pytest.mark.unit

CASES = [
    (workflow, name, state)
    for workflow in WORKFLOWS
    for name in workflow.transitions
    for state in workflow.states
]


def test_the_apps_declare_their_workflows():
    names = {repr(workflow) for workflow in WORKFLOWS}
    assert {
        "Workflow(Event.status)", "Workflow(Registration.status)", "Workflow(Opportunity.status)",
        "Workflow(Introduction.state)", "Workflow(FilmApplication.state)",
        "Workflow(MeetingRequest.status)", "Workflow(Meeting.status)",
        "Workflow(Invitation.status)", "Workflow(Session.status)",
    } <= names  # fmt: skip


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=repr)
def test_every_transition_names_states_of_its_model(workflow):
    for transition in workflow.transitions.values():
        assert transition.sources <= set(workflow.states)
        assert transition.target in workflow.states


@pytest.mark.parametrize(
    ("workflow", "name", "state"), CASES, ids=[f"{w!r}-{n}-from-{s}" for w, n, s in CASES]
)
def test_a_transition_from_a_state(workflow, name, state):
    obj = workflow.model(**{workflow.field: state})
    rule = workflow.rule(name)
    if state in workflow.transitions[name].sources:
        assert rule.test(None, obj)
        assert workflow.move(obj, name) == state
        assert getattr(obj, workflow.field) == workflow.transitions[name].target
    else:
        assert not rule.test(None, obj)
        with pytest.raises(ValidationError, match="This cannot be done now"):
            workflow.move(obj, name)
        assert getattr(obj, workflow.field) == state
