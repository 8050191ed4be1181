"""Named permissions for the estimator and film applications (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.film.models import FilmApplication
from twinning.film.selectors import STUDIO
from twinning.organisations.predicates import is_member, is_member_of

State = FilmApplication.State


@rules.predicate
def is_studio(user: Any, organisation: Any) -> bool:
    return organisation is not None and organisation.kind == STUDIO


# A member of a film/TV studio, who may apply for it.
is_studio_member = is_studio & is_member
is_applicant = is_member_of(lambda application: application.organisation_id, name="is_applicant")


def in_states(*states: str) -> rules.Predicate:
    def check(user: Any, application: FilmApplication | None) -> bool:
        return application is not None and application.state in states

    return rules.Predicate(check, name=f"in_states({', '.join(states)})")


is_editable = in_states(State.DRAFT, State.CHANGES_REQUESTED)

can_create_application = is_studio_member
can_view_application = is_applicant | is_operator
can_edit_application = is_applicant & is_editable
can_start_review = is_operator & in_states(State.SUBMITTED)
can_request_changes = is_operator & in_states(State.SUBMITTED, State.UNDER_REVIEW)
can_decide_application = is_operator & in_states(State.UNDER_REVIEW)
can_mark_paid = is_operator & in_states(State.APPROVED)

rules.add_perm("film.estimate", rules.always_allow)
rules.add_perm("film.list_own_applications", rules.is_authenticated)
rules.add_perm("film.view_queue", is_operator)
rules.add_perm("film.create_application", can_create_application)
rules.add_perm("film.view_application", can_view_application)
rules.add_perm("film.edit_application", can_edit_application)
rules.add_perm("film.submit_application", can_edit_application)
rules.add_perm("film.start_review", can_start_review)
rules.add_perm("film.request_changes", can_request_changes)
rules.add_perm("film.decide_application", can_decide_application)
rules.add_perm("film.mark_paid", can_mark_paid)
# The same tests for the page's buttons, without Django's superuser shortcut, which would offer
# a superuser every step whatever the application's state.
for _name, _predicate in [
    ("edit_application", can_edit_application),
    ("submit_application", can_edit_application),
    ("start_review", can_start_review),
    ("request_changes", can_request_changes),
    ("decide_application", can_decide_application),
    ("mark_paid", can_mark_paid),
]:
    rules.add_rule(f"film.{_name}", _predicate)
