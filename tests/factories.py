"""factory_boy factories shared by the whole suite."""

import datetime as dt

import factory
from django.utils import timezone

from twinning.core.models import User
from twinning.organisations.models import Membership, Opportunity, Organisation
from twinning.programmes.models import Programme, Region, Sector, Side


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            obj.save()


class OperatorFactory(UserFactory):
    is_staff = True


def side(code: str) -> Side:
    return Side.objects.get(code=code)


def region(slug: str) -> Region:
    return Region.objects.get(slug=slug)


def sector(code: str) -> Sector:
    return Sector.objects.get(code=code)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    slug = "yorkshire-kazakhstan"
    name_en = "Yorkshire – Kazakhstan Business Twinning"
    name_ru = "Деловое партнёрство Йоркшир – Казахстан"
    name_kk = "Йоркшир – Қазақстан іскерлік серіктестігі"
    side_a = factory.LazyFunction(lambda: side("UK"))
    side_b = factory.LazyFunction(lambda: side("KZ"))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    legal_name = factory.Sequence(lambda n: f"Organisation {n} Ltd")
    name_en = factory.LazyAttribute(lambda o: o.legal_name)
    region = factory.LazyFunction(lambda: region("leeds"))
    side = factory.LazyAttribute(lambda o: o.region.side)
    kind = Organisation.Kind.COMPANY
    size = Organisation.Size.SMALL
    working_languages = "en"
    description = "We make things and sell them."
    contact_name = "Jane Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    contact_phone = "+44 113 000 0000"

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            obj.sectors.set(extracted or [sector("28.93")])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.OWNER


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"T-{n:06d}")
    type = Opportunity.Type.BUSINESS_OFFER
    title = factory.Sequence(lambda n: f"Opportunity {n}")
    summary = "A summary of what we offer."
    description = "A longer description."
    languages = "en"
    status = Opportunity.Status.DRAFT
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=365))
    search_text = factory.LazyAttribute(lambda o: f"{o.title} {o.summary}".lower())

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            obj.sectors.set(extracted or [sector("28.93")])


class PublishedOpportunityFactory(OpportunityFactory):
    status = Opportunity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


def confirm_sign_up(user):  # type: ignore[no-untyped-def]
    """What following the sign-up e-mail's link does, for set-ups that need an open account."""
    from twinning.core.services import user_sign_up_confirm

    return user_sign_up_confirm(user=user)


def sign_up_link(outbox) -> str:  # type: ignore[no-untyped-def]
    """The path of the confirmation link in the last sign-up e-mail."""
    line = next(
        line for m in reversed(outbox) for line in m.body.splitlines() if "/confirm/" in line
    )
    return "/" + line.strip().split("://", 1)[1].split("/", 1)[1]


def follow_sign_up_link(page, email: str) -> None:  # type: ignore[no-untyped-def]
    """In a browser test: open the link mailed to `email` on sign-up and confirm the account."""
    from django.core import mail

    page.wait_for_url("**/accounts/signup/sent/")
    page.goto(sign_up_link([m for m in mail.outbox if m.to == [email]]))
    page.locator("main form button[type=submit]").click()
