"""Demo organisations, created through the organisation services so the audit log and search
text are what real sign-ups would produce."""

from twinning.demo.plan import OrganisationPlan
from twinning.demo.steps.accounts import people_get_or_create
from twinning.demo.steps.base import DemoContext, Tally
from twinning.organisations.models import Membership, Organisation
from twinning.organisations.services import membership_add, organisation_create, organisation_verify
from twinning.programmes.selectors import regions, sectors_by_codes

PROGRESS_EVERY = 100


def load(context: DemoContext) -> Tally:
    plans = context.plan.organisations
    existing = {
        organisation.legal_name: organisation
        for organisation in Organisation.objects.filter(programme=context.programme)
    }
    _owners(context)
    region_by_slug = {region.slug: region for region in regions()}
    codes = sorted({code for plan in plans for code in plan.nace})
    sector_by_code = {sector.code: sector for sector in sectors_by_codes(codes=codes)}
    tally = Tally()
    for plan in plans:
        context.owners[plan.key] = context.users[plan.owner_email]
        organisation = existing.get(plan.legal_name)
        if organisation is None:
            organisation = _create(context, plan, region_by_slug, sector_by_code)
            tally.created += 1
            if tally.created % PROGRESS_EVERY == 0:
                context.report(f"  {tally.created} organisations created …")
        else:
            tally.existing += 1
        context.organisations[plan.key] = organisation
    return tally


def _owners(context: DemoContext) -> None:
    logins = {login.email for login in context.plan.logins}
    people = [
        (plan.owner_email, plan.contact.full_name, plan.contact.language)
        for plan in context.plan.organisations
        if plan.owner_email not in logins
    ]
    people_get_or_create(context, people)


def _create(
    context: DemoContext,
    plan: OrganisationPlan,
    region_by_slug: dict,  # type: ignore[type-arg]
    sector_by_code: dict,
) -> Organisation:  # type: ignore[type-arg]
    organisation = organisation_create(
        programme=context.programme,
        by=context.users[plan.owner_email],
        legal_name=plan.legal_name,
        region=region_by_slug[plan.region],
        sectors=[sector_by_code[code] for code in plan.nace],
        working_languages=plan.working_languages,
        registry_id=plan.registry_id,
        kind=plan.kind,
        name_en=plan.name_en,
        name_ru=plan.name_ru,
        name_kk=plan.name_kk,
        size=plan.size,
        year_founded=plan.year_founded,
        website=plan.website,
        description=plan.description,
        contact_name=plan.contact.full_name,
        contact_email=plan.contact.email,
        contact_phone=plan.contact.phone,
    )
    if plan.verified:
        organisation = organisation_verify(organisation=organisation, by=context.operator)
    return organisation


def load_memberships(context: DemoContext) -> Tally:
    """Demo members who also belong to a second organisation, as plain members."""
    tally = Tally()
    for login in context.plan.logins:
        user = context.users[login.email]
        for key in login.member_of:
            organisation = context.organisations[key]
            if Membership.objects.filter(user=user, organisation=organisation).exists():
                tally.existing += 1
                continue
            membership_add(organisation=organisation, user=user, by=context.operator)
            tally.created += 1
    return tally
