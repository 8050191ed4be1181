"""The demo job fairs, built small: the same services and step as `load_demo`, fewer people."""

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, region
from twinning.demo.plan import DemoPlan, Login
from twinning.demo.steps.base import DemoContext
from twinning.students.demo import STUDENT_LOGIN, Size, job_fairs
from twinning.students.models import Interview, Position, Student, StudentInvitation

pytestmark = pytest.mark.integration


@pytest.fixture
def context(programme, operator):  # type: ignore[no-untyped-def]
    context = DemoContext(
        plan=DemoPlan(logins=(Login(operator.email, operator.full_name, "en", is_operator=True),)),
        today=timezone.localdate(),
        now=timezone.now(),
        report=lambda _line: None,
        programme=programme,
    )
    context.users[operator.email] = operator
    for n in range(8):
        where = region("leeds") if n % 2 else region("almaty-city")
        organisation = OrganisationFactory(programme=programme, region=where, kind="company")
        context.organisations[f"org-{n}"] = organisation
        context.owners[f"org-{n}"] = MembershipFactory(organisation=organisation).user
    return context


def test_small_demo_fairs_are_allocated_and_published(context):  # type: ignore[no-untyped-def]
    size = Size(students=40, employers=8, positions=12, london_students=30, london_employers=6,
                leeds_from=20)  # fmt: skip
    london, leeds = job_fairs(context, size)
    london.refresh_from_db()
    assert Student.objects.count() == 40
    assert set(Position.objects.values_list("language", flat=True)) == {"en", "ru", "kk"}
    assert london.event.starts_on.month == 2 and london.published_at is not None
    for fair in (london, leeds):
        interviews = Interview.objects.filter(fair=fair, status=Interview.Status.SCHEDULED)
        assert interviews.exists()
        asked = fair.registrations.filter(preferences__isnull=False).distinct()
        assert asked.exclude(interviews__in=interviews).count() == 0  # the fairness floor held
    assert StudentInvitation.objects.exclude(answer="").exists()
    demo_student = Student.objects.get(user__email=STUDENT_LOGIN)
    assert demo_student.user.password == context.operator.password
