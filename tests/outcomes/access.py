"""Who may reach the partnership register, its dashboard and the imports.

The world's outcome was recorded by the partner organisation with the member's organisation as
its other party: the member confirms or disputes it; the other organisation is a stranger to it.
"""

import datetime as dt

from tests.access import DENY, LOGIN, OK, Route, operator_only, post, put, signed_in


def build(world):
    from tests.students.factories import pdf
    from twinning.outcomes import services
    from twinning.outcomes.models import FollowUp, ImportRun

    reporter = world.partner_registration.user
    outcome = services.outcome_record(
        reporter=world.partner, partner=world.organisation, by=reporter,
        title="Distribution agreement", kind="distribution",
    )  # fmt: skip
    evidence = services.evidence_add(outcome=outcome, by=reporter, upload=pdf("contract.pdf"))
    follow_up = FollowUp.objects.create(
        meeting=world.meeting, registration=world.registration, months=3
    )
    run = ImportRun.objects.create(
        kind="organisations", programme=world.programme, file_name="orgs.csv",
        state=ImportRun.State.CHECKED,
    )  # fmt: skip
    world.extra |= {
        "outcome": outcome,
        "evidence": evidence,
        "follow_up": follow_up,
        "import_run": run,
    }


def _outcome(world):
    return [world.outcome.pk]


def _confirmed(world):
    from twinning.outcomes.services import outcome_confirm

    outcome_confirm(outcome=world.outcome, by=world.users["member"])
    world.outcome.refresh_from_db()


def _pdf(world):
    from tests.students.factories import pdf

    return {"upload": pdf("minutes.pdf")}


def _args(args):
    return {"args": args} if args else {}


def party(args=None, **more):
    """The outcome's two parties and operators; anyone else, signed in or not, is told there is
    nothing (ids reveal nothing)."""
    return Route(DENY, DENY, OK, OK, **_args(args), **more)


def parties_only(args=None, **more):
    """The parties change the claim; operators verify it instead."""
    return Route(DENY, DENY, OK, DENY, **_args(args), **more)


def staff(args=None, **more):
    """The operators' dashboard and imports: refused outright to everyone else."""
    return Route(DENY, DENY, DENY, OK, **_args(args), **more)


_MOVE = {"stage": "negotiating", "on": dt.date.today().isoformat()}
_CLAIM = {"title": "Distribution agreement, signed", "kind": "distribution"}

PAGES = {
    "outcomes:mine": signed_in(),
    "outcomes:register": staff(),
    # Recorded on behalf of one's organisation: operators have none.
    "outcomes:record": Route(LOGIN, OK, OK, DENY),
    "outcomes:detail": party(_outcome),
    "outcomes:edit": Route(LOGIN, DENY, OK, DENY, args=_outcome),
    "outcomes:move": post(parties_only(_outcome, data=lambda w: _MOVE)),
    # The party that did not record it confirms or disputes.
    "outcomes:confirm": post(parties_only(_outcome, data=lambda w: {"confirm": "on"})),
    "outcomes:dispute": post(parties_only(_outcome, data=lambda w: {"reason": "Not signed."})),
    "outcomes:verify": post(
        Route(
            DENY,
            DENY,
            DENY,
            OK,
            args=_outcome,
            setup=_confirmed,
            data=lambda w: {"note": "Seen the contract."},
        )
    ),
    "outcomes:evidence_add": post(party(_outcome, data=_pdf)),
    "outcomes:evidence_file": Route(LOGIN, DENY, OK, OK, args=lambda w: [w.evidence.pk]),
    "outcomes:follow_up": Route(
        OK,
        OK,
        OK,
        OK,
        args=lambda w: [w.follow_up.token],
        reason="answered from the e-mail's link: the token is the credential",
    ),
    "outcomes:dashboard": staff(),
    "outcomes:definitions": Route(OK, OK, OK, OK, reason="how the figures are defined; no data"),
    "outcomes:report": staff(),
    "outcomes:export": staff(lambda w: ["stages", "csv"]),
    "outcomes:imports": staff(),
    "outcomes:import_run": staff(lambda w: [w.import_run.pk]),
}


def _pk(world):
    return {"pk": world.outcome.pk}


API = {
    "GET /api/outcomes": signed_in(),
    "GET /api/outcomes/register": operator_only(),
    "POST /api/outcomes": post(
        Route(
            LOGIN,
            DENY,
            OK,
            DENY,
            data=lambda w: {
                **_CLAIM,
                "reporter": w.organisation.slug,
                "partner": w.partner.slug,
            },
            reason="on behalf of the member's organisation: only its members",
        )
    ),
    "GET /api/outcomes/{pk}": Route(LOGIN, DENY, OK, OK, args=_pk),
    "PUT /api/outcomes/{pk}": put(Route(LOGIN, DENY, OK, DENY, args=_pk, data=lambda w: _CLAIM)),
    "POST /api/outcomes/{pk}/move": post(
        Route(LOGIN, DENY, OK, DENY, args=_pk, data=lambda w: _MOVE)
    ),
    "POST /api/outcomes/{pk}/confirm": post(Route(LOGIN, DENY, OK, DENY, args=_pk)),
    "POST /api/outcomes/{pk}/dispute": post(
        Route(LOGIN, DENY, OK, DENY, args=_pk, data=lambda w: {"reason": "Not signed."})
    ),
    "POST /api/outcomes/{pk}/verify": post(
        operator_only(_pk, setup=_confirmed, data=lambda w: {"note": "Seen the contract."})
    ),
    "POST /api/outcomes/{pk}/evidence": post(
        Route(LOGIN, DENY, OK, OK, args=_pk, data=_pdf, multipart=True)
    ),
    "GET /api/outcomes/dashboard/figures": operator_only(),
    "GET /api/outcomes/definitions": Route(OK, OK, OK, OK, reason="definitions only; no data"),
}
