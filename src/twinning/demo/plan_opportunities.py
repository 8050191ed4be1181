"""Plans the demo opportunities: the hand-written stories, then generated notices in the
author's language, spread over every workflow state with most of them published."""

import random

from twinning.demo.content import ARCHETYPES, FLAGSHIPS
from twinning.demo.content.blocks import Archetype, Product
from twinning.demo.content.places import KZ_REGIONS, UK_REGIONS, city
from twinning.demo.content.texts import (
    DETAILS,
    GOODS_SECTORS,
    OFFER_TYPES,
    PARTNER,
    REJECTIONS,
    SUMMARIES,
    TITLES,
)
from twinning.demo.plan import Login, OpportunityPlan, OrganisationPlan
from twinning.demo.plan_organisations import about

STATUS_WEIGHTS = {"published": 60, "draft": 9, "submitted": 9, "rejected": 7, "expired": 8,
                  "closed": 7}  # fmt: skip
# How many days ago a notice in each state was written.
AGE_DAYS = {"published": (5, 300), "draft": (1, 60), "submitted": (1, 14), "rejected": (3, 40),
            "expired": (380, 520), "closed": (30, 400)}  # fmt: skip
COUNT_WEIGHTS = {0: 1, 1: 6, 2: 4, 3: 1}
# The demo members' own organisations also show a notice returned for changes and one expired.
MEMBER_EXTRA_STATES = ("rejected", "expired")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class OpportunityWriter:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def write(self, organisation: OrganisationPlan, status: str) -> OpportunityPlan | None:
        archetype = ARCHETYPES[organisation.archetype]
        picked = self._type_and_product(archetype, organisation.side)
        if picked is None:
            return None
        type_, product = picked
        language = organisation.language
        fields = self._fields(organisation, archetype, product, language)
        direction = "offer" if type_ in OFFER_TYPES else "request"
        title = self.rng.choice(TITLES[language][type_]).format(**fields)
        summary = self.rng.choice(self._summaries(language, direction, archetype))
        summary = summary.format(**fields)
        details = self.rng.sample(self._details(language, direction, archetype), 2)
        description = "\n\n".join(
            part
            for part in (about(archetype, organisation.side, language), " ".join(details))
            if part
        ).format(**fields)
        return OpportunityPlan(
            organisation=organisation.key,
            type=type_,
            title=title[:200],
            summary=summary[:500],
            description=description,
            nace=self._nace(organisation, product),
            status=status,
            languages=self._languages(organisation),
            target_regions=self._target_regions(organisation.side),
            rejection_reason=self.rng.choice(REJECTIONS[language]) if status == "rejected" else "",
            age_days=self.rng.randint(*AGE_DAYS[status]),
        )

    def status(self) -> str:
        return self.rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]

    def _type_and_product(self, archetype: Archetype, side: str) -> tuple[str, Product] | None:
        types = list(archetype.types)
        self.rng.shuffle(types)
        for type_ in types:
            pool = archetype.offers if type_ in OFFER_TYPES else archetype.requests
            fitting = [product for product in pool if product.fits(side, type_)]
            # Only a project reads right after "Investment sought:", so those need tagging.
            tagged = [product for product in fitting if type_ in product.types]
            if type_ == "investment_request":
                fitting = tagged
            if fitting:
                return type_, self.rng.choice(fitting)
        return None

    def _summaries(self, language: str, direction: str, archetype: Archetype) -> list[str]:
        return _with_goods(SUMMARIES[language], direction, archetype)

    def _details(self, language: str, direction: str, archetype: Archetype) -> list[str]:
        return _with_goods(DETAILS[language], direction, archetype)

    def _fields(
        self, organisation: OrganisationPlan, archetype: Archetype, product: Product, language: str
    ) -> dict[str, str]:
        partner = PARTNER[language][organisation.side]
        who = archetype.who.get(language)
        text = product.text.get(language)
        return {
            "who": who,
            "Who": _capital(who),
            "product": text,
            "Product": _capital(text),
            "city": city(organisation.region).get(language),
            **partner,
            "In_partner": _capital(partner["in_partner"]),
            "Partner_adj": _capital(partner["partner_adj"]),
        }

    def _nace(self, organisation: OrganisationPlan, product: Product) -> tuple[str, ...]:
        codes = [product.nace]
        if organisation.nace[0] != product.nace and self.rng.random() < 0.5:
            codes.append(organisation.nace[0])
        return tuple(codes)

    def _languages(self, organisation: OrganisationPlan) -> tuple[str, ...]:
        language = organisation.language
        bilingual = language != "en" and "en" in organisation.working_languages
        if bilingual and self.rng.random() < 0.3:
            return (language, "en")
        return (language,)

    def _target_regions(self, side: str) -> tuple[str, ...]:
        if self.rng.random() < 0.5:
            return ()
        regions = KZ_REGIONS if side == "UK" else UK_REGIONS
        slugs = self.rng.choices(list(regions), weights=[entry[0] for entry in regions.values()],
                                 k=2)  # fmt: skip
        return tuple(sorted(set(slugs[: self.rng.randint(1, 2)])))


def _with_goods(texts: dict[str, tuple[str, ...]], direction: str,
                archetype: Archetype) -> list[str]:  # fmt: skip
    """Sentences for any offer or request, plus those that only make sense for goods."""
    extra = texts.get(f"{direction}_goods", ()) if archetype.sector in GOODS_SECTORS else ()
    return [*texts[direction], *extra]


def _stories(organisation: OrganisationPlan) -> list[OpportunityPlan]:
    flagships = {flagship.key: flagship for flagship in FLAGSHIPS[organisation.side]}
    flagship = flagships.get(organisation.key)
    if flagship is None:
        return []
    return [
        OpportunityPlan(
            organisation=organisation.key,
            type=story.type,
            title=story.title,
            summary=story.summary,
            description=story.description,
            nace=story.nace,
            status=story.status,
            languages=(organisation.language,),
            target_regions=story.target_regions,
            age_days=12 if story.status == "published" else 3,
        )
        for story in flagship.opportunities
    ]


def _statuses(
    writer: OpportunityWriter, organisation: OrganisationPlan, owned: set[str], stories: int
) -> list[str]:
    if organisation.key in owned:
        return list(MEMBER_EXTRA_STATES)
    if stories:
        return []
    if ARCHETYPES[organisation.archetype].weight == 0:
        return [writer.status()]  # institutions post one notice of their own
    counts = list(COUNT_WEIGHTS)
    count = writer.rng.choices(counts, weights=[COUNT_WEIGHTS[c] for c in counts])[0]
    return [writer.status() for _ in range(count)]


def plan_opportunities(
    rng: random.Random, organisations: list[OrganisationPlan], logins: tuple[Login, ...]
) -> list[OpportunityPlan]:
    writer = OpportunityWriter(rng)
    owned = {login.owns for login in logins if login.owns}
    plans: list[OpportunityPlan] = []
    for organisation in organisations:
        stories = _stories(organisation)
        titles = {story.title for story in stories}
        plans.extend(stories)
        for status in _statuses(writer, organisation, owned, len(stories)):
            plan = writer.write(organisation, status)
            if plan is not None and plan.title not in titles:
                titles.add(plan.title)
                plans.append(plan)
    return plans
