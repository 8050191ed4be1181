"""Demo logins: one operator and a few organisation members, all with the demo password."""

from django.contrib.auth.hashers import make_password

from twinning.core.models import User
from twinning.core.services import consent_record
from twinning.demo.plan import DEMO_PASSWORD, Login
from twinning.demo.steps.base import DemoContext, Tally


def load(context: DemoContext) -> Tally:
    tally = Tally()
    logins = context.plan.logins
    existing = {
        user.email: user for user in User.objects.filter(email__in=[x.email for x in logins])
    }
    password = ""
    for login in logins:
        user = existing.get(login.email)
        if user is None:
            password = password or make_password(DEMO_PASSWORD)  # once: hashing is slow
            user = _create(login, password)
            tally.created += 1
        else:
            tally.existing += 1
        context.users[login.email] = user
    return tally


def _create(login: Login, password: str) -> User:
    user = User(
        email=login.email,
        full_name=login.full_name,
        language=login.language,
        is_staff=login.is_operator,
        is_superuser=login.is_operator,
        password=password,
    )
    user.save()
    consent_record(user=user)
    return user


def people_get_or_create(context: DemoContext, people: list[tuple[str, str, str]]) -> int:
    """Accounts for contact people who own demo organisations; they have no usable password
    until they reset it. Returns how many were created."""
    emails = [email for email, _, _ in people]
    known = {user.email: user for user in User.objects.filter(email__in=emails)}
    created = 0
    for email, full_name, language in people:
        user = known.get(email)
        if user is None:
            user = User.objects.create_user(email=email, full_name=full_name, language=language)
            consent_record(user=user)
            created += 1
        context.users[email] = user
    return created
