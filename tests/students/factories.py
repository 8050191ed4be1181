"""Factories and shortcuts for the students tests."""

import datetime as dt
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.events.factories import EventFactory
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    confirm_sign_up,
    region,
)
from twinning.events import services as event_services
from twinning.events.models import Event
from twinning.students import services
from twinning.students.models import FairRegistration, JobFair, Student

NUMBERS = itertools.count(1)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "cv.pdf", body: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def student(
    *, name: str = "", purposes: tuple[str, ...] = ("embassy_contact",), cv: bool = True, **extra
) -> Student:  # type: ignore[no-untyped-def]
    n = next(NUMBERS)
    profile = {
        "university": "leeds",
        "course": "MSc Data Science",
        "level": Student.Level.TAUGHT,
        "graduation_year": 2027,
        "home_region": region("almaty-city"),
        "skills": "python, sql",
        "languages": {"en": "C1", "ru": "native", "kk": "B1"},
        **extra,
    }
    student = services.student_sign_up(
        email=f"student{n}@example.ac.uk",
        password="correct-horse-battery",
        full_name=name or f"Student {n}",
        language="en",
        consent=True,
        purposes=list(purposes),
        cv=pdf() if cv else None,
        **profile,
    )
    assert student is not None
    confirm_sign_up(student.user)
    return student


def job_fair(programme, operator, *, slots_until: dt.time = dt.time(11, 0)) -> JobFair:  # type: ignore[no-untyped-def]
    event = EventFactory(
        programme=programme, kind=Event.Kind.JOB_FAIR, slug=f"job-fair-{next(NUMBERS)}",
        title_en="London job fair for Kazakh students",
    )  # fmt: skip
    event_services.grid_generate(
        event=event, by=operator, day=event.starts_on, morning=(dt.time(10, 0), slots_until)
    )
    return services.fair_create(event=event, by=operator)


def employer(programme, name: str = ""):  # type: ignore[no-untyped-def]
    organisation = OrganisationFactory(
        programme=programme, legal_name=name or f"Employer {next(NUMBERS)} Ltd"
    )
    user = UserFactory(full_name=f"Recruiter {next(NUMBERS)}")
    MembershipFactory(user=user, organisation=organisation)
    return organisation, user


def registered(fair: JobFair, who: Student, *, share: bool = True) -> FairRegistration:
    return services.fair_register(fair=fair, student=who, by=who.user, share_profile=share)
