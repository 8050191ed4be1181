"""Who may reach the events: the member is an approved participant of the world's event."""

from tests.access import (
    DENY,
    INVALID,
    LOGIN,
    OK,
    Route,
    member_only,
    operator_only,
    owner,
    post,
    public,
    signed_in,
)


def participant(args=None, **more):
    """A participant's own pages: anyone else, signed in or not, is told there is nothing."""
    return Route(DENY, DENY, OK, DENY, **({"args": args} if args else {}), **more)


def _slug(world):
    return [world.event.slug]


def _draft(world):
    """Publishing acts on an event not yet published."""
    type(world.event).objects.filter(pk=world.event.pk).update(status="draft")
    world.event.refresh_from_db()


def _run_done(world):
    """The world's schedule run has ended (a new one is refused while one is under way)."""
    type(world.schedule_run).objects.filter(pk=world.schedule_run.pk).update(status="done")


def _with(attribute):
    return lambda world: [world.event.slug, getattr(world, attribute).pk]


PAGES = {
    "events:list": public(),
    "events:create": operator_only(),
    "events:rsvp": public(
        lambda w: [w.invitation.token], reason="the invitation token is the credential"
    ),
    "events:feed": public(
        lambda w: [w.registration.feed_token], reason="the feed token is the credential"
    ),
    "events:request_respond": post(member_only(lambda w: [w.pending_request.pk, "accept"])),
    "events:detail": public(_slug),
    "events:event_ics": public(_slug),
    # The member is registered already: the form is for the others.
    "events:register": Route(LOGIN, OK, DENY, OK, args=_slug),
    # Participants browse each other; a stranger who is not registered may not.
    "events:participants": Route(LOGIN, DENY, OK, OK, args=_slug),
    "events:request_create": post(participant(_with("partner_registration"))),
    "events:my_requests": participant(_slug),
    "events:availability": participant(_slug),
    "events:agenda": participant(_slug),
    "events:feed_reset": post(participant(_slug)),
    # Someone else's agenda, by registration: the operators' view.
    "events:agenda_of": Route(DENY, DENY, DENY, OK, args=_with("registration")),
    # Feedback opens once the meeting is over; the world's meeting is still to come.
    "events:feedback": Route(DENY, DENY, DENY, DENY, args=_with("meeting")),
    "events:manage": operator_only(_slug),
    "events:edit": operator_only(_slug),
    "events:rules": operator_only(_slug),
    "events:programme_rules": operator_only(lambda w: [w.programme.slug]),
    "events:state": post(operator_only(lambda w: [w.event.slug, "publish"])),
    "events:registration_decide": post(
        operator_only(lambda w: [w.event.slug, w.registration.pk, "approve"])
    ),
    "events:invite": post(operator_only(_slug, data=lambda w: {"email": "new@example.org"})),
    "events:setup": operator_only(_slug),
    "events:grid_save": post(operator_only(_slug)),
    "events:tables_save": post(operator_only(_slug, data=lambda w: {"count": "3"})),
    "events:table_save": post(operator_only(_with("table"))),
    "events:interpreter_save": post(operator_only(_slug)),
    "events:interpreter_delete": post(operator_only(_with("interpreter"))),
    "events:schedule": operator_only(_slug),
    "events:run_start": post(operator_only(_slug, setup=_run_done)),
    "events:run_progress": operator_only(_with("schedule_run")),
    "events:move": operator_only(_with("meeting")),
    "events:after": post(operator_only(_with("meeting"))),
    "events:lock": post(operator_only(_with("meeting"))),
    "events:cancel": post(operator_only(_with("meeting"))),
    "events:mark": post(operator_only(_with("meeting"), data=lambda w: {"status": "held"})),
    "events:attendance": operator_only(_slug),
    "events:absent": post(operator_only(_with("registration"))),
    "events:publish": post(operator_only(_slug)),
    "events:print_all": operator_only(_slug),
    "events:check_in": operator_only(_slug),
    "events:check_in_tick": post(operator_only(_with("registration"))),
}


def _event(world):
    return {"slug": world.event.slug}


def _meeting(world):
    return {"slug": world.event.slug, "pk": world.meeting.pk}


def _request(world):
    return {"pk": world.pending_request.pk}


API = {
    "GET /api/events": public(),
    "GET /api/events/{slug}": public(_event),
    "GET /api/me/registrations": signed_in(),
    "POST /api/events/{slug}/registrations": post(Route(LOGIN, OK, DENY, OK, args=_event)),
    "DELETE /api/events/{slug}/registration": Route(
        LOGIN, DENY, OK, DENY, method="DELETE", args=_event
    ),
    "GET /api/events/{slug}/participants": Route(LOGIN, DENY, OK, OK, args=_event),
    "GET /api/events/{slug}/requests": member_only(_event),
    "POST /api/events/{slug}/requests": post(
        member_only(_event, data=lambda w: {"recipient": w.newcomer_registration.pk})
    ),
    "POST /api/meeting-requests/{pk}/accept": post(member_only(_request)),
    "POST /api/meeting-requests/{pk}/decline": post(member_only(_request)),
    # Either side withdraws; operators may cancel any.
    "POST /api/meeting-requests/{pk}/cancel": post(owner(_request)),
    "GET /api/events/{slug}/agenda": member_only(_event),
    # One run at a time per event: the world's run is over first.
    "POST /api/events/{slug}/schedule/runs": post(operator_only(_event, setup=_run_done)),
    "POST /api/events/{slug}/schedule/publish": post(operator_only(_event)),
    "GET /api/events/{slug}/meetings/{pk}/after": operator_only(_meeting),
    "PUT /api/events/{slug}/meetings/{pk}/after": Route(
        LOGIN, DENY, DENY, OK, method="PUT", args=_meeting, data=lambda w: {"after": []}
    ),
    "GET /api/events/{slug}/attendance": operator_only(_event),
    "POST /api/events/{slug}/attendance": post(
        operator_only(_event, data=lambda w: {"meetings": {}})
    ),
    "POST /api/events/{slug}/registrations/{pk}/absent": post(
        operator_only(lambda w: {"slug": w.event.slug, "pk": w.registration.pk})
    ),
    "GET /api/events/{slug}/meetings/{pk}/targets": operator_only(_meeting),
    "POST /api/events/{slug}/publish": post(operator_only(_event, setup=_draft)),
    "GET /api/events/{slug}/rules": operator_only(_event),
    "PATCH /api/events/{slug}/rules": Route(
        LOGIN, DENY, DENY, OK, method="PATCH", args=_event, data=lambda w: {"region_quota": 2}
    ),
    "GET /api/programmes/{slug}/rules": operator_only(lambda w: {"slug": w.programme.slug}),
    "PATCH /api/programmes/{slug}/rules": Route(
        LOGIN,
        DENY,
        DENY,
        OK,
        method="PATCH",
        args=lambda w: {"slug": w.programme.slug},
        data=lambda w: {"pairing": "cross_side"},
    ),
    "POST /api/events/{slug}/calendar-link": post(
        Route(LOGIN, DENY, OK, DENY, args=_event, reason="a participant resets their own feed link")
    ),
}


def _registration(world):
    return {"slug": world.event.slug, "pk": world.registration.pk}


def _event_with(attribute):
    return lambda world: {"slug": world.event.slug, "pk": getattr(world, attribute).pk}


def _event_data(world):
    return {
        "title_en": "Brokerage day, revised",
        "starts_on": world.event.starts_on.isoformat(),
        "ends_on": world.event.ends_on.isoformat(),
    }


def _grid(world):
    return {
        "day": world.event.starts_on.isoformat(),
        "morning_start": "09:00",
        "morning_end": "11:00",
        "meeting_minutes": 30,
    }


def _slot(world):
    return world.event.slots.order_by("number").first()


def _placed(world):
    """The world's meeting given a slot and a table (locking and marking need one)."""
    from twinning.events.services import meeting_move

    meeting_move(
        meeting=world.meeting, by=world.users["operator"], slot=_slot(world), table=world.table,
        interpreter=None, force=True,
    )  # fmt: skip


API |= {
    # The operators' side of an event: set-up, registrations, the schedule and the day.
    "POST /api/events": post(
        operator_only(
            data=lambda w: {
                "title_en": "Autumn brokerage day",
                "starts_on": "2027-10-01",
                "ends_on": "2027-10-01",
                "location": "Leeds",
            }
        )
    ),
    "PATCH /api/events/{slug}": Route(
        LOGIN, DENY, DENY, OK, method="PATCH", args=_event, data=lambda w: {"location": "York"}
    ),
    "POST /api/events/{slug}/cancel": post(operator_only(_event)),
    "GET /api/events/{slug}/counts": operator_only(_event),
    "GET /api/events/{slug}/registrations": operator_only(_event),
    "POST /api/events/{slug}/registrations/{pk}/approve": post(
        operator_only(_event_with("newcomer_registration"))
    ),
    "POST /api/events/{slug}/registrations/{pk}/reject": post(operator_only(_registration)),
    "GET /api/events/{slug}/invitations": operator_only(_event),
    "POST /api/events/{slug}/invitations": post(
        operator_only(
            _event,
            data=lambda w: {"email": "guest@example.org", "name": "A Guest", "language": "en"},
        )
    ),
    "GET /api/events/{slug}/setup": operator_only(_event),
    "PUT /api/events/{slug}/grid": Route(
        LOGIN, DENY, DENY, OK, method="PUT", args=_event, data=_grid
    ),
    "PUT /api/events/{slug}/tables": Route(
        LOGIN, DENY, DENY, OK, method="PUT", args=_event, data=lambda w: {"count": 3}
    ),
    "PATCH /api/events/{slug}/tables/{pk}": Route(
        LOGIN,
        DENY,
        DENY,
        OK,
        method="PATCH",
        args=_event_with("table"),
        data=lambda w: {"name": "Window"},
    ),
    "POST /api/events/{slug}/interpreters": post(
        operator_only(_event, data=lambda w: {"name": "Aliya", "languages": ["en", "kk"]})
    ),
    "DELETE /api/events/{slug}/interpreters/{pk}": Route(
        LOGIN, DENY, DENY, OK, method="DELETE", args=_event_with("interpreter")
    ),
    "GET /api/events/{slug}/schedule": operator_only(_event),
    "GET /api/events/{slug}/schedule/runs/{pk}": operator_only(_event_with("schedule_run")),
    "POST /api/events/{slug}/meetings/{pk}/move": post(
        operator_only(
            _meeting,
            data=lambda w: {"slot": _slot(w).pk, "table": w.table.pk, "force": True},
        )
    ),
    "POST /api/events/{slug}/meetings/{pk}/lock": post(
        operator_only(_meeting, setup=_placed, data=lambda w: {"locked": True})
    ),
    "POST /api/events/{slug}/meetings/{pk}/cancel": post(operator_only(_meeting)),
    "POST /api/events/{slug}/meetings/{pk}/mark": post(
        operator_only(_meeting, setup=_placed, data=lambda w: {"held": True})
    ),
    "GET /api/events/{slug}/check-in": operator_only(_event),
    "POST /api/events/{slug}/check-in/{pk}": post(operator_only(_registration)),
    "DELETE /api/events/{slug}/check-in/{pk}": Route(
        LOGIN, DENY, DENY, OK, method="DELETE", args=_registration
    ),
    # Someone else's agenda, by registration: the operators' view (the member has their own).
    "GET /api/events/{slug}/participants/{pk}/agenda": operator_only(
        _event_with("partner_registration")
    ),
    # The participant's own: availability, feedback (the world's meeting is still to come).
    "GET /api/events/{slug}/availability": Route(LOGIN, DENY, OK, DENY, args=_event),
    "PUT /api/events/{slug}/availability": Route(
        LOGIN,
        DENY,
        OK,
        DENY,
        method="PUT",
        args=_event,
        data=lambda w: {"unavailable": [_slot(w).pk]},
    ),
    "POST /api/events/{slug}/meetings/{pk}/feedback": post(
        Route(
            LOGIN,
            DENY,
            DENY,
            DENY,
            args=_meeting,
            data=lambda w: {"outcome": "met"},
            reason="feedback opens once the meeting is over; the world's is still to come",
        )
    ),
    # The invitation is the member's: with its token, anyone may say no (which cancels nothing
    # but the invitee's own registration), only the invitee signed in may say yes.
    "POST /api/invitations/{token}/answer": post(
        Route(
            INVALID,
            INVALID,
            OK,
            INVALID,
            args=lambda w: {"token": w.invitation.token},
            data=lambda w: {"attending": True},
        )
    ),
}
