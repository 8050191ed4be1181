"""Who may reach the visits: a draft visit with the member on its delegation.

A draft visit is the operators' and its people's: anyone else, signed in or not, is told there is
nothing. The member reads the itinerary and the briefing; only operators change anything.
"""

from tests.access import DENY, LOGIN, OK, Route, delete, patch, post, public


def build(world):
    import datetime as dt
    import zoneinfo

    from tests.factories import UserFactory, side
    from twinning.visits import services
    from twinning.visits.models import Attendee, FollowUp, Person

    operator, member = world.users["operator"], world.users["member"]
    day = dt.date(2027, 3, 10)
    london = zoneinfo.ZoneInfo("Europe/London")
    visit = services.visit_create(
        programme=world.programme, by=operator, title_en="The ambassador in Leeds",
        host_side=side("UK"), starts_on=day, ends_on=day, delegation_language="ru",
        delegation_time_zone="Asia/Almaty",
    )  # fmt: skip
    venue = services.venue_create(
        programme=world.programme, by=operator, name="Civic Hall",
        address="Calverley Street, Leeds LS1 1UR", time_zone="Europe/London",
    )  # fmt: skip
    delegate = services.person_add(
        visit=visit, by=operator, team="delegation", name="The Member", email=member.email,
        user=member, role="Adviser",
    )  # fmt: skip
    host = services.person_add(
        visit=visit, by=operator, team="hosts", name="Helen Host", email="helen@example.org"
    )
    session = services.session_create(
        visit=visit, by=operator, venue=venue, kind="official", title_en="Round table",
        starts_at=dt.datetime.combine(day, dt.time(10), london),
        ends_at=dt.datetime.combine(day, dt.time(11), london),
    )  # fmt: skip
    guest_user = UserFactory(full_name="Gulnara Guest")
    guest = Person.objects.create(
        visit=visit, email=guest_user.email, team="guest", name="Gulnara Guest", user=guest_user
    )
    attendee = Attendee.objects.create(session=session, person=guest, state="invited")
    follow_up = FollowUp.objects.create(attendee=attendee)
    world.users["guest"] = guest_user
    world.extra |= {
        "visit": visit,
        "venue": venue,
        "delegate": delegate,
        "host": host,
        "session": session,
        "guest": guest,
        "attendee": attendee,
        "visit_follow_up": follow_up,
    }


def _slug(world):
    return [world.visit.slug]


def _session(world):
    return [world.visit.slug, world.session.pk]


def _args(args):
    return {"args": args} if args else {}


def people(args=None, **more):
    """Operators and the visit's own people (the member is a delegate)."""
    return Route(DENY, DENY, OK, OK, **_args(args), **more)


def planners(args=None, **more):
    """Operators plan; the delegate sees the visit but changes nothing (403)."""
    return Route(DENY, DENY, DENY, OK, **_args(args), **more)


def staff(args=None, **more):
    """Operators' pages that refuse outright (403) rather than ask anyone to sign in."""
    return Route(DENY, DENY, DENY, OK, **_args(args), **more)


def personal(args=None, **more):
    """The signed-in person's own view of the visit: operators, who are not on it, have none."""
    return Route(DENY, DENY, OK, DENY, **_args(args), **more)


def invitee(args=None, **more):
    """The guest the invitation is for, signed in; the link alone is not enough."""
    return Route(LOGIN, DENY, DENY, DENY, also={"guest": OK}, **_args(args), **more)


def _published(world):
    from twinning.visits.services import visit_publish

    visit_publish(visit=world.visit, by=world.users["operator"])
    world.visit.refresh_from_db()


def _held(world):
    from twinning.visits.services import visit_mark_held

    _published(world)
    visit_mark_held(visit=world.visit, by=world.users["operator"])
    world.visit.refresh_from_db()


PAGES = {
    "visits:list": Route(OK, OK, OK, OK),
    "visits:create": staff(),
    "visits:venues": staff(),
    "visits:travel_time": post(staff()),
    "visits:detail": people(_slug),
    "visits:edit": planners(_slug),
    "visits:state": post(planners(lambda w: [w.visit.slug, "publish"])),
    "visits:person_add": post(planners(_slug)),
    "visits:person_remove": post(planners(lambda w: [w.visit.slug, w.host.pk])),
    "visits:interpreter_add": post(planners(_slug)),
    "visits:session": people(_session),
    "visits:session_create": planners(_slug),
    "visits:session_edit": planners(_session),
    "visits:session_cancel": post(planners(_session)),
    "visits:proposals": planners(_session),
    "visits:proposals_compute": post(planners(_session)),
    "visits:guest_invite": post(planners(_session)),
    "visits:attendee_withdraw": post(
        planners(lambda w: [w.visit.slug, w.session.pk, w.attendee.pk])
    ),
    "visits:itinerary": personal(_slug),
    "visits:briefing": people(_slug),
    "visits:briefing_pdf": people(_slug),
    "visits:session_briefing": people(_session),
    "visits:session_briefing_pdf": people(_session),
    "visits:attendance": post(planners(_session, setup=_held)),
    "visits:outcome_add": post(
        planners(_session, setup=_held, data=lambda w: {"description": "An order for lamb."})
    ),
    "visits:report": planners(_slug),
    "visits:report_download": planners(lambda w: [w.visit.slug, "xlsx"]),
    "visits:follow_ups_send": post(planners(_slug, setup=_held)),
    # Personal links: the token in the link is the credential, signed in or not.
    "visits:feed": public(
        lambda w: [w.delegate.feed_token], reason="the feed token is the credential"
    ),
    "visits:rsvp": invitee(lambda w: [w.attendee.token]),
    "visits:follow_up": Route(
        DENY,
        DENY,
        DENY,
        DENY,
        args=lambda w: [w.visit_follow_up.token],
        also={"guest": OK},
        reason="a link sent to the guest: only the guest, signed in, may answer it",
    ),
}


def _visit(world):
    return {"slug": world.visit.slug}


def _session_pk(world):
    return {"slug": world.visit.slug, "pk": world.session.pk}


def api_people(args=None, **more):
    """A draft visit is nobody else's business: signed out or not, it is not found."""
    return Route(DENY, DENY, OK, OK, **_args(args), **more)


def api_planners(args=None, **more):
    return Route(LOGIN, DENY, DENY, OK, **_args(args), **more)


def _travel(world):
    from twinning.visits import services

    other = services.venue_create(
        programme=world.programme, by=world.users["operator"], name="Leeds Station",
        address="New Station Street, Leeds", time_zone="Europe/London",
    )  # fmt: skip
    return {"venue": world.venue.pk, "other": other.pk, "minutes": 15}


API = {
    "GET /api/visits": Route(OK, OK, OK, OK),
    "GET /api/visits/{slug}": api_people(_visit),
    "POST /api/visits": post(
        api_planners(
            data=lambda w: {
                "title_en": "A second visit",
                "host_side": "UK",
                "starts_on": "2027-05-01",
                "ends_on": "2027-05-02",
                "delegation_time_zone": "Asia/Almaty",
            }
        )
    ),
    "PATCH /api/visits/{slug}": patch(api_planners(_visit, data=lambda w: {"title_en": "Leeds"})),
    "GET /api/visits/{slug}/warnings": api_planners(_visit),
    "POST /api/visits/{slug}/publish": post(api_planners(_visit)),
    "POST /api/visits/{slug}/held": post(api_planners(_visit, setup=_published)),
    "POST /api/visits/{slug}/cancel": post(api_planners(_visit)),
    "GET /api/visits/{slug}/people": Route(LOGIN, DENY, OK, OK, args=_visit),
    "POST /api/visits/{slug}/people": post(
        api_planners(
            _visit,
            data=lambda w: {
                "team": "hosts",
                "name": "Harry Host",
                "email": "harry@example.org",
            },
        )
    ),
    "DELETE /api/visits/{slug}/people/{pk}": delete(
        api_planners(lambda w: {"slug": w.visit.slug, "pk": w.host.pk})
    ),
    "POST /api/visits/{slug}/interpreters": post(
        api_planners(
            _visit,
            data=lambda w: {
                "name": "Inna Interpreter",
                "languages": ["en", "ru"],
            },
        )
    ),
    "GET /api/venues": api_planners(),
    "POST /api/venues": post(
        api_planners(
            data=lambda w: {
                "name": "Royal Armouries",
                "address": "Armouries Drive, Leeds",
                "time_zone": "Europe/London",
            }
        )
    ),
    "POST /api/venues/travel-times": post(api_planners(data=_travel)),
    "POST /api/visits/{slug}/sessions": post(
        api_planners(
            _visit,
            data=lambda w: {
                "kind": "official",
                "title_en": "Lunch",
                "venue": w.venue.pk,
                "day": "2027-03-10",
                "starts": "12:00",
                "ends": "13:00",
            },
        )
    ),
    "PATCH /api/visits/{slug}/sessions/{pk}": patch(api_planners(_session_pk)),
    "DELETE /api/visits/{slug}/sessions/{pk}": delete(api_planners(_session_pk)),
    "GET /api/visits/{slug}/sessions/{pk}/attendees": api_people(_session_pk),
    "GET /api/visits/{slug}/sessions/{pk}/proposals": api_planners(_session_pk),
    "POST /api/visits/{slug}/sessions/{pk}/proposals": post(api_planners(_session_pk)),
    "POST /api/visits/{slug}/sessions/{pk}/invitations": post(
        api_planners(_session_pk, data=lambda w: {"organisations": [w.partner.slug]})
    ),
    "POST /api/visits/{slug}/sessions/{pk}/guests": post(
        api_planners(
            _session_pk,
            data=lambda w: {
                "name": "Gary Guest",
                "email": "gary@example.org",
            },
        )
    ),
    "POST /api/visits/{slug}/sessions/{pk}/attendees/{attendee}/withdraw": post(
        api_planners(lambda w: {**_session_pk(w), "attendee": w.attendee.pk})
    ),
    "POST /api/visits/{slug}/sessions/{pk}/attendance": post(
        api_planners(_session_pk, setup=_held, data=lambda w: {"present": []})
    ),
    "POST /api/visits/{slug}/sessions/{pk}/outcomes": post(
        api_planners(_session_pk, setup=_held, data=lambda w: {"description": "An order."})
    ),
    "POST /api/visits/{slug}/follow-ups": post(api_planners(_visit, setup=_held)),
    "GET /api/me/visit-follow-ups": Route(LOGIN, OK, OK, OK),
    "POST /api/me/visit-follow-ups/{pk}": post(
        Route(
            LOGIN,
            DENY,
            DENY,
            DENY,
            args=lambda w: {"pk": w.visit_follow_up.pk},
            data=lambda w: {"answer": "We agreed a visit to the plant."},
            also={"guest": OK},
        )
    ),
    "GET /api/visits/{slug}/report": api_planners(_visit),
    "GET /api/me/visit-invitations": Route(LOGIN, OK, OK, OK),
    "POST /api/visit-invitations/{pk}/rsvp": post(
        Route(
            LOGIN,
            DENY,
            DENY,
            DENY,
            args=lambda w: {"pk": w.attendee.pk},
            data=lambda w: {"attending": True},
            also={"guest": OK},
            setup=_published,
        )
    ),
    "GET /api/visits/{slug}/itinerary": Route(LOGIN, DENY, OK, DENY, args=_visit),
}
