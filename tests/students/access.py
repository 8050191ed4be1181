"""Who may reach the students' registry, positions, job fairs and outreach.

Two more roles on every students route: ``student`` (Aida, who owns the profile, the CV, the fair
registration and the interview below) and ``other_student`` (Bolat, another student at the same
fair, who did not share his profile). The member's organisation is an employer with a booth at the
fair, which Aida's consent lets in; the other organisation has no booth and no consent.
"""

import datetime as dt

from tests.access import (
    DENY,
    LOGIN,
    OK,
    Route,
    post,
    put,
    with_roles,
)


def build(world):
    from django.utils import timezone

    from tests.events.factories import EventFactory
    from tests.students.factories import job_fair, registered, student
    from twinning.core.services import job_finish, job_start
    from twinning.events.models import Event
    from twinning.programmes.models import Sector
    from twinning.students import services
    from twinning.students.allocation import ALLOCATE_JOB
    from twinning.students.models import Interview

    operator, member = world.users["operator"], world.users["member"]
    aida = student(name="Aida Nurlanovna")
    bolat = student(name="Bolat Serikuly", university="sheffield")
    fair = job_fair(world.programme, operator)
    booth = services.booth_add(
        fair=fair, organisation=world.organisation, by=operator, interviewers=2
    )
    aida_at_fair = registered(fair, aida, share=True)
    bolat_at_fair = registered(fair, bolat, share=False)
    position = services.position_create(
        organisation=world.organisation, by=member, title="Graduate engineer",
        description="Drilling data.", language="en", kind="graduate", location="kz",
        closes_on=timezone.localdate() + dt.timedelta(days=60),
        sectors=Sector.objects.filter(code="06"),
    )  # fmt: skip
    services.position_submit(position=position, by=member)
    services.position_publish(position=position, by=operator)
    draft = services.position_create(
        organisation=world.organisation, by=member, title="Summer intern",
        description="Field work.", language="en", kind="internship", location="kz",
        closes_on=timezone.localdate() + dt.timedelta(days=60),
    )  # fmt: skip
    interview = Interview.objects.create(
        fair=fair, booth=booth, registration=aida_at_fair, slot=fair.event.slots.first(),
        status=Interview.Status.OFFERED,
    )  # fmt: skip
    spare = EventFactory(programme=world.programme, kind=Event.Kind.JOB_FAIR, slug="spare-fair")
    welfare = services.welfare_send(
        message="Are you safe?", filters=services.StudentFilter(), by=operator
    )
    services.invitations_send(event=world.event, filters=services.StudentFilter(), by=operator)
    imported = services.student_import_create(
        email="dana@example.ac.uk", full_name="Dana Imported", language="ru", sectors=[],
        university="leeds", course="MSc Mining", level="taught", graduation_year=2027,
    )  # fmt: skip
    # A finished allocation (one under way would make the API's POST .../allocate a 400).
    allocation = job_start(kind=ALLOCATE_JOB, label=str(fair.pk), by=operator, total=3)
    job_finish(job_id=allocation.pk, result={"interviews": 0, "students_without": 0})
    world.users |= {"student": aida.user, "other_student": bolat.user}
    world.extra |= {
        "allocation": allocation,
        "aida": aida,
        "bolat": bolat,
        "fair": fair,
        "booth": booth,
        "aida_at_fair": aida_at_fair,
        "bolat_at_fair": bolat_at_fair,
        "position": position,
        "draft_position": draft,
        "interview": interview,
        "spare_event": spare,
        "welfare": welfare,
        "welfare_answer": welfare.answers.get(student=aida),
        "student_invitation": aida.invitations.get(),
        "claim": services.claim_link(imported).rstrip("/").split("/")[-2:],
    }


def rule(anon, other, member, operator, student, other_student, args=None, **more):
    """A students route with its six answers."""
    if args is not None:
        more["args"] = args
    return with_roles(
        Route(anon, other, member, operator, **more), student=student, other_student=other_student
    )


def everyone(args=None, **more):
    return rule(OK, OK, OK, OK, OK, OK, args, **more)


def operators(args=None, **more):
    return rule(LOGIN, DENY, DENY, OK, DENY, DENY, args, **more)


def employer(args=None, **more):
    """The member's organisation (exhibitor at the fair, owner of the positions) and operators."""
    return rule(LOGIN, DENY, OK, OK, DENY, DENY, args, **more)


def students_only(args=None, **more):
    """A student's own pages: the student's account, whoever else asks."""
    return rule(LOGIN, DENY, DENY, DENY, OK, OK, args, **more)


def _bolat(world):
    return [world.bolat.pk]


def _fair(world):
    return [world.fair.pk]


def _booth(world):
    return [world.fair.pk, world.booth.pk]


def _position(world):
    return [world.position.pk]


def _draft(world):
    return [world.draft_position.pk]


def _link(kind, pk, user, name):
    from twinning.students.services import personal_link

    return {"sesame": personal_link(user=user, kind=kind, pk=pk, name=name).split("=")[-1]}


def _pdf(world):
    from tests.students.factories import pdf

    return {"cv": pdf()}


PAGES = {
    "students:signup": everyone(reason="the sign-up form is for everyone"),
    "students:claim": everyone(
        lambda w: w.claim, reason="the link's token is the credential, for one imported student"
    ),
    "students:me": students_only(),
    "students:consent": post(
        students_only(data=lambda w: {"purpose": "embassy_contact", "give": ""})
    ),
    "students:cv_upload": post(students_only(data=_pdf)),
    "students:cv_release": post(
        students_only(data=lambda w: {"organisation": w.organisation.pk, "days": "30"})
    ),
    # Bolat did not share his profile with the fair's employers: only he and operators see it
    # and his CV (the API's rule below takes Aida, who did share hers).
    "students:detail": rule(LOGIN, DENY, DENY, OK, DENY, OK, _bolat),
    "students:cv": rule(LOGIN, DENY, DENY, OK, DENY, OK, _bolat),
    "students:positions": everyone(),
    "students:recommended": students_only(),
    "students:position_feedback": post(
        students_only(_position, data=lambda w: {"verdict": "interested"})
    ),
    "students:positions_mine": rule(LOGIN, OK, OK, OK, OK, OK),
    "students:position_queue": operators(),
    "students:position_new": rule(
        LOGIN, DENY, OK, DENY, DENY, DENY, lambda w: [w.organisation.slug]
    ),
    # Published: everyone reads it; a draft is its organisation's and the operators'.
    "students:position": everyone(_position),
    "students:position_edit": employer(_draft),
    "students:position_action": post(
        rule(LOGIN, DENY, OK, DENY, DENY, DENY, lambda w: [w.draft_position.pk, "submit"])
    ),
    "students:fairs": everyone(),
    "students:fair": everyone(_fair),
    "students:fair_new": operators(),
    # Bolat is registered already as well: a third student would be let in.
    "students:fair_register": post(
        rule(LOGIN, DENY, DENY, DENY, OK, OK, _fair, data=lambda w: {"share_profile": "on"})
    ),
    "students:rank": post(students_only(_fair, data=lambda w: {"booths": [w.booth.pk]})),
    "students:agenda": students_only(_fair),
    "students:feed_reset": post(students_only(_fair)),
    "students:pass": students_only(_fair),
    "students:fair_manage": operators(_fair),
    "students:fair_allocation": operators(lambda w: [w.fair.pk, w.allocation.pk]),
    "students:fair_action": post(operators(lambda w: [w.fair.pk, "publish"])),
    # Operators and the fair's exhibitors check students in.
    "students:check_in": employer(_fair),
    "students:check_in_scan": employer(lambda w: [w.fair.pk, w.aida_at_fair.pass_token]),
    "students:booth": employer(_booth),
    "students:shortlist": post(employer(_booth, data=lambda w: {"chosen": [w.aida_at_fair.pk]})),
    "students:note": post(
        rule(
            LOGIN,
            DENY,
            OK,
            DENY,
            DENY,
            DENY,
            lambda w: [w.fair.pk, w.booth.pk, w.aida_at_fair.pk],
            data=lambda w: {"text": "Strong candidate", "rating": "4"},
        )
    ),
    "students:leads": employer(_booth),
    "students:booths_mine": rule(LOGIN, OK, OK, OK, OK, OK),
    "students:feed": everyone(
        lambda w: [w.aida_at_fair.feed_token],
        reason="the feed token is the credential",
    ),
    "students:interview_respond": post(
        rule(LOGIN, DENY, DENY, DENY, OK, DENY, lambda w: [w.interview.pk, "accept"])
    ),
    "students:invite": operators(),
    "students:claim_resend": post(operators()),
    "students:welfare_list": operators(),
    "students:welfare": operators(lambda w: [w.welfare.pk]),
    # Personal e-mail links: the signed token in the link is the credential, signed in or not.
    "students:rsvp": everyone(
        lambda w: [w.student_invitation.pk],
        query=lambda w: _link("rsvp", w.student_invitation.pk, w.aida.user, "students:rsvp"),
        reason="the personal link's token is the credential",
    ),
    "students:welfare_answer": everyone(
        lambda w: [w.welfare_answer.pk],
        query=lambda w: {
            **_link("welfare", w.welfare_answer.pk, w.aida.user, "students:welfare_answer"),
            "answer": "safe",
        },
        reason="the personal link's token is the credential",
    ),
    "students:unsubscribe": everyone(
        lambda w: [w.aida.pk],
        query=lambda w: _link("unsubscribe", w.aida.pk, w.aida.user, "students:unsubscribe"),
        reason="the personal link's token is the credential",
    ),
}


def _pk(attribute):
    return lambda world: {"pk": getattr(world, attribute).pk}


def _booth_pk(world):
    return {"fair_pk": world.fair.pk, "pk": world.booth.pk}


def _position_data(world):
    return {
        "title": "Data analyst", "description": "Text.", "kind": "graduate", "location": "kz",
        "closes_on": (dt.date.today() + dt.timedelta(days=90)).isoformat(),
    }  # fmt: skip


PROFILE = {
    "university": "leeds",
    "course": "MSc Geology",
    "level": "taught",
    "graduation_year": 2028,
}

API = {
    "GET /api/students/me": students_only(),
    "PUT /api/students/me": put(students_only(data=lambda w: PROFILE)),
    "GET /api/students/me/consents": students_only(),
    "POST /api/students/me/consents": post(
        students_only(data=lambda w: {"purpose": "embassy_contact", "give": False})
    ),
    "POST /api/students/me/cv": post(students_only(data=_pdf, multipart=True)),
    "POST /api/students/me/cv-releases": post(
        students_only(data=lambda w: {"organisation": w.organisation.pk, "days": 30})
    ),
    # Aida's profile: Aida, operators, and the employer she shared it with at the fair.
    "GET /api/students/{pk}": rule(LOGIN, DENY, OK, OK, OK, DENY, _pk("aida")),
    "GET /api/positions": everyone(),
    "GET /api/positions/mine": rule(LOGIN, OK, OK, OK, OK, OK),
    "GET /api/positions/recommended": students_only(),
    "PUT /api/positions/{pk}/feedback": put(
        students_only(_pk("position"), data=lambda w: {"verdict": "interested"})
    ),
    "GET /api/positions/queue": operators(),
    "GET /api/positions/{pk}": everyone(_pk("position")),
    "POST /api/organisations/{slug}/positions": post(
        rule(
            LOGIN,
            DENY,
            OK,
            DENY,
            DENY,
            DENY,
            lambda w: {"slug": w.organisation.slug},
            data=_position_data,
        )
    ),
    "PUT /api/positions/{pk}": put(employer(_pk("draft_position"), data=_position_data)),
    "POST /api/positions/{pk}/{action}": post(
        rule(
            LOGIN,
            DENY,
            OK,
            DENY,
            DENY,
            DENY,
            lambda w: {"pk": w.draft_position.pk, "action": "submit"},
        )
    ),
    "GET /api/fairs": everyone(),
    "POST /api/fairs": post(operators(data=lambda w: {"event": w.spare_event.slug})),
    "GET /api/fairs/{pk}": everyone(_pk("fair")),
    "POST /api/fairs/{pk}/registration": post(
        rule(LOGIN, DENY, DENY, DENY, OK, OK, _pk("fair"), data=lambda w: {"share_profile": True})
    ),
    "PUT /api/fairs/{pk}/preferences": put(
        students_only(_pk("fair"), data=lambda w: {"booths": [w.booth.pk]})
    ),
    "GET /api/fairs/{pk}/interviews/mine": students_only(_pk("fair")),
    "POST /api/fairs/{pk}/calendar-link": post(students_only(_pk("fair"))),
    "POST /api/interviews/{pk}/{action}": post(
        rule(
            LOGIN,
            DENY,
            DENY,
            DENY,
            OK,
            DENY,
            lambda w: {"pk": w.interview.pk, "action": "accept"},
        )
    ),
    "GET /api/fairs/{pk}/manage": operators(_pk("fair")),
    "GET /api/fairs/{pk}/interviews": operators(_pk("fair")),
    "POST /api/fairs/{pk}/booths": post(
        operators(
            _pk("fair"),
            data=lambda w: {"organisation": w.partner.slug, "interviewers": 1},
        )
    ),
    "POST /api/fairs/{pk}/allocate": post(operators(_pk("fair"))),
    "POST /api/fairs/{pk}/publish": post(operators(_pk("fair"))),
    "GET /api/fairs/{pk}/check-in": employer(_pk("fair")),
    "POST /api/fairs/{pk}/check-in": post(
        employer(
            _pk("fair"),
            data=lambda w: {"registration": w.aida_at_fair.pk},
        )
    ),
    "GET /api/booths/mine": rule(LOGIN, OK, OK, OK, OK, OK),
    "GET /api/fairs/{fair_pk}/booths/{pk}/candidates": employer(_booth_pk),
    "GET /api/fairs/{fair_pk}/booths/{pk}/interviews": employer(_booth_pk),
    "PUT /api/fairs/{fair_pk}/booths/{pk}/shortlist": put(
        employer(
            _booth_pk,
            data=lambda w: {"chosen": [w.aida_at_fair.pk]},
        )
    ),
    "PUT /api/fairs/{fair_pk}/booths/{pk}/notes/{registration}": put(
        rule(
            LOGIN,
            DENY,
            OK,
            DENY,
            DENY,
            DENY,
            lambda w: {**_booth_pk(w), "registration": w.aida_at_fair.pk},
            data=lambda w: {"text": "Strong candidate", "rating": 4},
        )
    ),
    "GET /api/fairs/{fair_pk}/booths/{pk}/leads": employer(_booth_pk),
    "POST /api/outreach/invitations": post(operators(data=lambda w: {"event": w.event.slug})),
    "GET /api/outreach/welfare": operators(),
    "GET /api/outreach/claims": operators(),
    "POST /api/outreach/claims/resend": post(operators()),
    "POST /api/outreach/welfare": post(operators(data=lambda w: {"message": "All well?"})),
    "GET /api/outreach/welfare/{pk}/answers": operators(_pk("welfare")),
}
