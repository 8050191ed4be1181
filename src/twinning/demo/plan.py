"""What the demo programme contains, decided before anything is written: plain dataclasses built
from the content blocks by a seeded random generator, so every run plans the same programme."""

import hashlib
from dataclasses import dataclass, field

SEED = 20261129
ORGANISATIONS_PER_SIDE = 165
DEMO_PASSWORD = "twinning-demo"  # noqa: S105 - printed on the terminal on purpose: it is a demo


@dataclass(frozen=True)
class Person:
    email: str
    full_name: str
    language: str
    phone: str = ""


@dataclass(frozen=True)
class OrganisationPlan:
    key: str
    side: str
    region: str
    kind: str
    legal_name: str
    name_en: str
    name_ru: str
    name_kk: str
    description: str
    language: str
    size: str
    year_founded: int
    website: str
    working_languages: tuple[str, ...]
    nace: tuple[str, ...]
    registry_id: str
    contact: Person
    archetype: str
    owner_email: str
    verified: bool = True


@dataclass(frozen=True)
class OpportunityPlan:
    organisation: str
    type: str
    title: str
    summary: str
    description: str
    nace: tuple[str, ...]
    status: str
    languages: tuple[str, ...]
    target_regions: tuple[str, ...] = ()
    rejection_reason: str = ""
    age_days: int = 30


@dataclass(frozen=True)
class Login:
    email: str
    full_name: str
    language: str
    is_operator: bool = False
    owns: str = ""
    member_of: tuple[str, ...] = ()


@dataclass
class DemoPlan:
    logins: tuple[Login, ...]
    organisations: list[OrganisationPlan] = field(default_factory=list)
    opportunities: list[OpportunityPlan] = field(default_factory=list)


LOGINS = (
    Login("operator@twinning.local", "Programme Operator", "en", is_operator=True),
    Login("james.hartley@twinning.local", "James Hartley", "en", owns="aire-valley",
          member_of=("leeds-chamber",)),
    Login("emma.clarke@twinning.local", "Emma Clarke", "en", owns="bronte-moor"),
    Login("irina.kovalenko@twinning.local", "Ирина Коваленко", "ru", owns="kostanay-meat"),
    Login("aigerim.seitkaliyeva@twinning.local", "Айгерим Сейткалиева", "kk",
          owns="steppe-light"),
)  # fmt: skip


def plan_version(plan: DemoPlan) -> str:
    """A fingerprint of the planned content: it changes whenever a building block does."""
    content = repr((plan.logins, plan.organisations, plan.opportunities)).encode()
    return hashlib.sha256(content).hexdigest()[:16]
