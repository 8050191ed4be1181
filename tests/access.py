"""The access matrix: who may reach each route, declared per route, checked against the real views.

Every route of the URLconf and every operation of the OpenAPI schema must have a declared rule in
the ``access.py`` module of its app's tests (``PAGES`` keyed by URL name, ``API`` keyed by
``"METHOD /api/path"``); tests/test_access_matrix.py fails on a route without one and on a rule
for a route that no longer exists. Each rule names the answer for the four roles:

- ``anon``: signed out;
- ``other``: a signed-in member of another organisation (a stranger to the objects below);
- ``member``: a member of the organisation that owns the objects below (and a participant of
  the event, the producer of the film application, the recipient of the introduction);
- ``operator``: a programme operator (staff).

Answers: ``OK`` (served or acted on: 2xx, or a redirect elsewhere than sign-in), ``LOGIN`` (pages:
a redirect to sign in; API: 401), ``DENY`` (403, or 404 that hides the object), ``INVALID`` (400:
the input was refused; declare the data so that the permitted roles get ``OK``). Each role is tried
in a rolled-back savepoint, so a permitted POST never changes what the next role sees; ``setup``
brings the world into the state the route needs first (e.g. an application submitted for review).

To declare a new route: add one line to ``PAGES`` or ``API`` in tests/<app>/access.py, using the
shortcuts below (``public``, ``signed_in``, ``owner``, ``operator_only``) or ``Route(...)`` with an
explicit answer per role, and ``args`` built from the ``World`` (add an object to it if needed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

OK, LOGIN, DENY, INVALID = "ok", "login", "deny", "invalid"
ROLES = ("anon", "other", "member", "operator")


@dataclasses.dataclass(frozen=True)
class Route:
    anon: str
    other: str
    member: str
    operator: str
    method: str = "GET"
    #: URL arguments from the world: a list (pages) or a dict of path parameters (API).
    args: Callable[[World], Any] = lambda world: []
    #: Query string parameters and form or JSON data, from the world.
    query: Callable[[World], dict[str, Any]] = lambda world: {}
    data: Callable[[World], dict[str, Any]] = lambda world: {}
    #: Brings the world into the state the route acts on, before the roles try it.
    setup: Callable[[World], None] = lambda world: None
    #: Why a rule looks surprising (a token in the URL, a page everyone may read).
    reason: str = ""
    #: API only: send ``data`` as a multipart form (file uploads) instead of JSON.
    multipart: bool = False
    #: More roles tried on this route, by name in ``World.users`` (students, employers), with
    #: their answers: ``{"student": OK, "other_student": DENY}``.
    also: dict[str, str] = dataclasses.field(default_factory=dict)

    def roles(self) -> tuple[str, ...]:
        return ROLES + tuple(self.also)

    def expected(self, role: str) -> str:
        return self.also[role] if role in self.also else getattr(self, role)


def _route(answers: tuple[str, str, str, str], args: Any, **more: Any) -> Route:
    if args is not None:
        more["args"] = args
    return Route(*answers, **more)


def public(args: Any = None, **more: Any) -> Route:
    return _route((OK, OK, OK, OK), args, **more)


def signed_in(args: Any = None, **more: Any) -> Route:
    return _route((LOGIN, OK, OK, OK), args, **more)


def owner(args: Any = None, **more: Any) -> Route:
    """The owning organisation's members and operators."""
    return _route((LOGIN, DENY, OK, OK), args, **more)


def member_only(args: Any = None, **more: Any) -> Route:
    """Only the people concerned: operators act through the admin, not as a participant."""
    return _route((LOGIN, DENY, OK, DENY), args, **more)


def operator_only(args: Any = None, **more: Any) -> Route:
    return _route((LOGIN, DENY, DENY, OK), args, **more)


def post(route: Route) -> Route:
    return dataclasses.replace(route, method="POST")


def put(route: Route) -> Route:
    return dataclasses.replace(route, method="PUT")


def patch(route: Route) -> Route:
    return dataclasses.replace(route, method="PATCH")


def delete(route: Route) -> Route:
    return dataclasses.replace(route, method="DELETE")


def with_roles(route: Route, **also: str) -> Route:
    """The same rule tried by more roles (``student=OK, other_student=DENY``)."""
    return dataclasses.replace(route, also={**route.also, **also})


@dataclasses.dataclass
class World:
    """One of each object the routes take, owned by the member's organisation where it matters."""

    users: dict[str, Any]
    programme: Any
    organisation: Any
    opportunity: Any
    partner: Any
    stranger: Any
    introduction: Any
    event: Any
    registration: Any
    partner_registration: Any
    newcomer_registration: Any
    pending_request: Any
    meeting: Any
    table: Any
    interpreter: Any
    schedule_run: Any
    invitation: Any
    film_application: Any
    document: Any
    job: Any
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        """The objects an app's ``build`` added (``world.fair``), as attributes."""
        try:
            return self.__dict__["extra"][name]
        except KeyError:
            raise AttributeError(name) from None


def app_rules() -> list[Any]:
    """The tests/<app>/access.py modules, in the order of the apps' names."""
    import importlib
    import pkgutil

    import tests

    found = []
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            found.append(importlib.import_module(f"tests.{module.name}.access"))
        except ModuleNotFoundError:
            continue
    return found


def build_world() -> World:
    """The world, with what each app's tests/<app>/access.py adds in its ``build(world)``."""
    world = _core_world()
    for access in app_rules():
        if hasattr(access, "build"):
            access.build(world)
    return world


def _core_world() -> World:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.events.factories import EventFactory, participant
    from tests.factories import (
        MembershipFactory,
        OperatorFactory,
        OpportunityFactory,
        OrganisationFactory,
        ProgrammeFactory,
        region,
    )
    from tests.film.test_services import PDF, new_application
    from twinning.core.services import job_start
    from twinning.events import services as events
    from twinning.film import services as film
    from twinning.introductions.services import introduction_request

    programme = ProgrammeFactory()
    operator = OperatorFactory(email="access-operator@example.org")
    organisation = OrganisationFactory(programme=programme, kind="studio")
    partner = OrganisationFactory(programme=programme, region=region("almaty-city"))
    stranger = OrganisationFactory(programme=programme, region=region("kostanay"))
    other = MembershipFactory(organisation=stranger).user
    event = EventFactory(programme=programme)
    events.grid_generate(
        event=event, by=operator, day=event.starts_on, morning=(dt.time(9, 30), dt.time(12, 30))
    )
    tables = events.tables_set_count(event=event, by=operator, count=2)
    registration = participant(event, organisation=organisation)
    member = registration.user
    partner_registration = participant(event, organisation=partner, languages="en,ru")
    third = participant(event)
    request = events.request_create(
        requester=registration, recipient=partner_registration, by=member
    )
    meeting = events.request_accept(request=request, by=partner_registration.user)
    pending = events.request_create(requester=third, recipient=registration, by=third.user)
    introduction = introduction_request(
        requester=partner, recipient=organisation, by=partner_registration.user, message="Hello"
    )
    application = new_application(organisation, member)
    document = film.application_document_add(
        application=application, by=member, kind="script",
        upload=SimpleUploadedFile("script.pdf", PDF),
    )  # fmt: skip
    return World(
        users={"other": other, "member": member, "operator": operator},
        programme=programme,
        organisation=organisation,
        opportunity=OpportunityFactory(organisation=organisation),
        partner=partner,
        stranger=stranger,
        introduction=introduction,
        event=event,
        registration=registration,
        partner_registration=partner_registration,
        newcomer_registration=participant(event),
        pending_request=pending,
        meeting=meeting,
        table=tables[0],
        interpreter=events.interpreter_add(
            event=event, by=operator, name="Ivan", languages=["en", "ru"]
        ),
        schedule_run=events.schedule_run_start(event=event, by=operator),
        invitation=events.invitation_send(event=event, by=operator, email=member.email),
        film_application=application,
        document=document,
        job=job_start(kind="matching.recompute", by=operator),
    )
