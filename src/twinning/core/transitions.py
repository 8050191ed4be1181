"""State transitions, declared once per workflow: which states each step may start from.

Every workflow (events, registrations, opportunities, introductions, film applications) is a
state enum plus a `Workflow` naming its transitions with their allowed source states. Services
call `workflow.move(obj, "publish")` inside their transaction, after locking the row: it refuses
a step from any other state with a translated message, so a cancelled event cannot be
republished and a cancellation run twice mails nobody twice. Rules use `workflow.rule("publish")`
so that the pages' buttons and the services agree. `WORKFLOWS` lists them all, for the table test
of every transition from every state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rules
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str


def step(name: str, sources: Iterable[str], target: str) -> Transition:
    return Transition(name=name, sources=frozenset(sources), target=target)


class Workflow:
    def __init__(self, *, model: type, field: str, transitions: Iterable[Transition]) -> None:
        self.model, self.field = model, field
        self.transitions = {transition.name: transition for transition in transitions}
        WORKFLOWS.append(self)

    def __repr__(self) -> str:
        return f"Workflow({self.model.__name__}.{self.field})"

    @property
    def states(self) -> list[str]:
        return [value for value, _label in self.model._meta.get_field(self.field).choices]

    def allows(self, name: str, state: str) -> bool:
        return state in self.transitions[name].sources

    def move(self, obj: Any, name: str) -> str:
        """Set the transition's target state on `obj` (not saved); returns the state it left."""
        current = getattr(obj, self.field)
        if not self.allows(name, current):
            label = getattr(obj, f"get_{self.field}_display")()
            raise ValidationError(
                _("This cannot be done now: it is %(state)s.") % {"state": str(label).lower()},
                code="transition",
            )
        setattr(obj, self.field, self.transitions[name].target)
        return current

    def rule(self, name: str) -> rules.Predicate:
        """A django-rules predicate: the object is in a state the transition may start from."""
        self.transitions[name]

        def check(user: Any, obj: Any) -> bool:
            return obj is not None and self.allows(name, getattr(obj, self.field))

        return rules.Predicate(check, name=f"{self.model.__name__}.can_{name}")


WORKFLOWS: list[Workflow] = []


def in_states(*states: str, field: str = "state") -> rules.Predicate:
    """A predicate on the object's state, for rules that are not one transition."""

    def check(user: Any, obj: Any) -> bool:
        return obj is not None and getattr(obj, field) in states

    return rules.Predicate(check, name=f"in_states({', '.join(states)})")
