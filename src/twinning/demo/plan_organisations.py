"""Plans the demo organisations: the hand-written flagships, then generated ones per side."""

import random

from twinning.demo import identities
from twinning.demo.content import ARCHETYPES, FLAGSHIPS
from twinning.demo.content.blocks import Archetype, Flagship, T
from twinning.demo.content.kz_english import ABOUT_KZ_EN
from twinning.demo.content.places import KZ_REGIONS, UK_REGIONS, city
from twinning.demo.content.texts import BASE, INTEREST
from twinning.demo.plan import Login, OrganisationPlan, Person

KZ_AUTHOR_LANGUAGES = (("ru", 5), ("kk", 3), ("en", 2))
HEADCOUNT = {"micro": (2, 9), "small": (10, 49), "medium": (50, 249), "large": (250, 2400)}
FOUNDED = {"micro": (2008, 2024), "small": (1992, 2022), "medium": (1975, 2016),
           "large": (1950, 2010)}  # fmt: skip
KZ_LEGAL_FORMS = {
    "too": {"ru": "ТОО «{}»", "kk": "«{}» ЖШС", "en": "{} LLP"},
    "ao": {"ru": "АО «{}»", "kk": "«{}» АҚ", "en": "{} JSC"},
    "ip": {"ru": "ИП «{}»", "kk": "«{}» ЖК", "en": "{} IE"},
}


def _staff_word(n: int) -> str:
    """Russian plural of «сотрудник» after a number."""
    if n % 10 == 1 and n % 100 != 11:
        return "сотрудник"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "сотрудника"
    return "сотрудников"


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([key for key, _ in pairs], weights=[weight for _, weight in pairs])[0]


class OrganisationPlanner:
    """Keeps what must stay unique (names, registry numbers, e-mails) while planning."""

    def __init__(self, rng: random.Random, logins: tuple[Login, ...]) -> None:
        self.rng = rng
        self.owners = {login.owns: login for login in logins if login.owns}
        self.names: set[str] = set()
        self.registry: set[str] = set()
        self.emails: set[str] = set()

    def description(
        self, about: str, side: str, region: str, language: str, size: str, year: int
    ) -> str:
        rng = self.rng
        n = rng.randint(*HEADCOUNT[size])
        base = rng.choice(BASE[language]).format(
            year=year, city=city(region).get(language), n=n, staff=_staff_word(n)
        )
        interest = rng.choice(INTEREST[language][side])
        return " ".join(part for part in (about, base, interest) if part)

    def registry_id(self, side: str, kind: str, suffix: str, year: int, form: str) -> str:
        while True:
            if side == "UK":
                number = identities.uk_company_number(self.rng, kind, suffix)
            elif form == "ip":
                number = identities.kz_iin(self.rng, self.rng.choice("mf"))
            else:
                number = identities.kz_bin(self.rng, year)
            if number not in self.registry:
                self.registry.add(number)
                return number

    def person(self, side: str, mail_domain: str, region: str, language: str) -> Person:
        while True:
            if side == "UK":
                person = identities.uk_person(self.rng, mail_domain, region)
            else:
                person = identities.kz_person(self.rng, mail_domain, region, language)
            if person.email not in self.emails:
                self.emails.add(person.email)
                return person

    def working_languages(self, side: str, language: str) -> tuple[str, ...]:
        options = {
            ("UK", "en"): [("en",), ("en",), ("en",), ("en",), ("en", "ru"), ("en", "ru", "kk")],
            ("KZ", "ru"): [("ru", "kk"), ("ru", "kk"), ("ru", "en"), ("ru", "kk", "en")],
            ("KZ", "kk"): [("kk", "ru"), ("kk", "ru"), ("kk", "ru", "en")],
            ("KZ", "en"): [("en", "ru", "kk"), ("en", "ru")],
        }
        return self.rng.choice(options.get((side, language), [(language, "en")]))

    def nace(self, archetype: Archetype) -> tuple[str, ...]:
        first, *rest = archetype.nace
        extra = self.rng.sample(rest, self.rng.randint(0, min(len(rest), 3)))
        return (first, *sorted(extra))

    def flagship(self, flagship: Flagship, side: str) -> OrganisationPlan:
        archetype = ARCHETYPES[flagship.archetype]
        mail_domain = identities.domain(flagship.name.en or flagship.key, flagship.kind)
        login = self.owners.get(flagship.key)
        contact = self.person(side, mail_domain, flagship.region, flagship.language)
        if login is not None:
            local = login.email.split("@")[0]
            contact = Person(f"{local}@{mail_domain}", login.full_name, login.language,
                             contact.phone)  # fmt: skip
        registry = flagship.registry
        if registry == "auto":
            registry = self.registry_id(side, flagship.kind, archetype.uk_suffix, flagship.year,
                                        "too")  # fmt: skip
        self.names.add(flagship.legal_name)
        return OrganisationPlan(
            key=flagship.key,
            side=side,
            region=flagship.region,
            kind=flagship.kind,
            legal_name=flagship.legal_name,
            name_en=flagship.name.en,
            name_ru=flagship.name.ru,
            name_kk=flagship.name.kk,
            description=flagship.description,
            language=flagship.language,
            size=flagship.size,
            year_founded=flagship.year,
            website=f"https://www.{mail_domain}",
            working_languages=flagship.working_languages
            or self.working_languages(side, flagship.language),
            nace=flagship.nace,
            registry_id=registry,
            contact=contact,
            archetype=flagship.archetype,
            owner_email=login.email if login else contact.email,
        )

    def generated(self, side: str, number: int) -> OrganisationPlan:
        rng = self.rng
        archetype = self._archetype(side)
        region = _weighted(rng, [(slug, entry[0]) for slug, entry in _regions(side).items()])
        language = "en" if side == "UK" else _weighted(rng, list(KZ_AUTHOR_LANGUAGES))
        size = rng.choice(archetype.sizes)
        year = rng.randint(*FOUNDED[size])
        if side == "KZ":
            year = max(year, rng.randint(1992, 2005))
        form = "ao" if size == "large" and archetype.kz_form != "ip" else archetype.kz_form
        name, legal_name = self._name(archetype, side, region, language, form)
        mail_domain = identities.domain(name.en, archetype.kind)
        contact = self.person(side, mail_domain, region, language)
        return OrganisationPlan(
            key=f"{side.lower()}-{number:03d}",
            side=side,
            region=region,
            kind=archetype.kind,
            legal_name=legal_name,
            name_en=name.en,
            name_ru=name.ru,
            name_kk=name.kk,
            description=self.description(
                about(archetype, side, language), side, region, language, size, year
            ),
            language=language,
            size=size,
            year_founded=year,
            website=f"https://www.{mail_domain}",
            working_languages=self.working_languages(side, language),
            nace=self.nace(archetype),
            registry_id=self.registry_id(side, archetype.kind, archetype.uk_suffix, year, form),
            contact=contact,
            archetype=archetype.key,
            owner_email=contact.email,
            verified=rng.random() < 0.8,
        )

    def _archetype(self, side: str) -> Archetype:
        candidates = [a for a in ARCHETYPES.values() if side in a.sides and a.weight > 0]
        return self.rng.choices(candidates, weights=[a.weight for a in candidates])[0]

    def _name(
        self, archetype: Archetype, side: str, region: str, language: str, form: str
    ) -> tuple[T, str]:
        for _attempt in range(50):
            brand = self.rng.choice(archetype.brands)
            if side == "UK":
                place = self.rng.choice(UK_REGIONS[region][1])
                name = T(f"{place} {brand.en}")
                legal_name = f"{name.en} {archetype.uk_suffix}"
            else:
                place_t = self.rng.choice(KZ_REGIONS[region][1])
                name = T(*(f"{place_t.get(code)} {brand.get(code)}" for code in ("en", "ru", "kk")))
                legal_name = KZ_LEGAL_FORMS[form][language].format(name.get(language))
            if legal_name not in self.names:
                self.names.add(legal_name)
                return name, legal_name
        raise RuntimeError(f"ran out of names for {archetype.key} in {region}")


def about(archetype: Archetype, side: str, language: str) -> str:
    if side == "KZ" and language == "en" and archetype.key in ABOUT_KZ_EN:
        return ABOUT_KZ_EN[archetype.key]
    return archetype.about.get(language)


def _regions(side: str) -> dict[str, tuple]:  # type: ignore[type-arg]
    return UK_REGIONS if side == "UK" else KZ_REGIONS


def plan_organisations(
    rng: random.Random, logins: tuple[Login, ...], per_side: int
) -> list[OrganisationPlan]:
    planner = OrganisationPlanner(rng, logins)
    plans: list[OrganisationPlan] = []
    for side in ("UK", "KZ"):
        flagships = [planner.flagship(flagship, side) for flagship in FLAGSHIPS[side]]
        generated = [planner.generated(side, n) for n in range(1, per_side - len(flagships) + 1)]
        plans.extend(flagships + generated)
    return plans
