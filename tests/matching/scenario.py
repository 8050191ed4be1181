"""A small Yorkshire–Kazakhstan programme for the matching and introductions tests.

The Leeds maker of meat-processing equipment writes in English, the Kostanay meat plant in
Russian; the others are there so that the pair has to win against plausible company.
"""

from dataclasses import dataclass

from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    region,
    sector,
)

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Real embeddings, computed once per test process: every test's database starts empty, and the
# model takes about a second per ten texts.
_VECTORS: dict = {}


@dataclass
class Scenario:
    programme: object
    leeds: object
    kostanay: object
    almaty_film: object
    sheffield_soft: object
    astana_soft: object
    bradford_film: object
    leeds_user: object
    kostanay_user: object
    leeds_offer: object
    kostanay_request: object


def organisation(programme, slug, region_slug, codes, languages, description, **extra):
    return OrganisationFactory(
        programme=programme,
        slug=slug,
        legal_name=extra.pop("legal_name", slug.replace("-", " ").title()),
        region=region(region_slug),
        working_languages=languages,
        description=description,
        sectors=[sector(c) for c in codes],
        **extra,
    )


def opportunity(org, type_, title, summary, codes, **extra):
    return PublishedOpportunityFactory(
        organisation=org,
        type=type_,
        title=title,
        summary=summary,
        description="",
        sectors=[sector(c) for c in codes],
        **extra,
    )


def build_scenario(programme) -> Scenario:
    leeds = organisation(
        programme, "leeds-meat-machines", "leeds", ["28.93"], "en",
        "We design and build meat-processing equipment: mincers, slicers and sausage lines.",
        legal_name="Leeds Meat Machines Ltd", contact_name="Alice Leeds",
        contact_email="alice@leeds-meat.example", contact_phone="+44 113 496 0000",
    )  # fmt: skip
    kostanay = organisation(
        programme, "kostanay-meat-plant", "kostanay", ["10.11"], "ru,kk",
        "Мясокомбинат в Костанае: убой скота, переработка мяса, колбасные изделия.",
        legal_name="ТОО «Костанайский мясокомбинат»", contact_name="Айгуль Серікова",
        contact_email="aigul@kostanay-meat.example", contact_phone="+7 7142 000000",
    )  # fmt: skip
    almaty_film = organisation(
        programme,
        "almaty-film",
        "almaty-city",
        ["59.11"],
        "kk,ru",
        "Алматыдағы кино студиясы: фильмдер мен телехикаялар түсіреміз.",
    )
    sheffield_soft = organisation(
        programme,
        "sheffield-soft",
        "sheffield",
        ["62.01"],
        "en",
        "Software house writing accounting systems for small firms.",
    )
    astana_soft = organisation(
        programme,
        "astana-soft",
        "astana",
        ["62.01"],
        "ru,en",
        "Разработка программного обеспечения для банков.",
    )
    bradford_film = organisation(
        programme,
        "bradford-film",
        "bradford",
        ["59.11"],
        "en",
        "Independent film production company shooting drama on location.",
    )
    leeds_offer = opportunity(
        leeds, "business_offer", "Meat-processing equipment for abattoirs",
        "Mincers, slicers and complete sausage production lines, installed and serviced.",
        ["28.93"],
    )  # fmt: skip
    kostanay_request = opportunity(
        kostanay, "business_request", "Ищем оборудование для переработки мяса",
        "Нужны мясорубки, слайсеры и линия по производству колбас для нового цеха.",
        ["10.11"],
    )  # fmt: skip
    opportunity(
        almaty_film, "film_coproduction", "Бірлескен фильм түсіру",
        "Ұлыбританиялық студиямен бірлескен көркем фильм.", ["59.11"],
    )  # fmt: skip
    opportunity(
        bradford_film, "film_coproduction", "Drama co-production on the steppe",
        "Looking for a Kazakh studio to co-produce a feature film.", ["59.11"],
    )  # fmt: skip
    warm_embedding_cache(programme)
    return Scenario(
        programme=programme,
        leeds=leeds,
        kostanay=kostanay,
        almaty_film=almaty_film,
        sheffield_soft=sheffield_soft,
        astana_soft=astana_soft,
        bradford_film=bradford_film,
        leeds_user=MembershipFactory(organisation=leeds).user,
        kostanay_user=MembershipFactory(organisation=kostanay, user__language="ru").user,
        leeds_offer=leeds_offer,
        kostanay_request=kostanay_request,
    )


def warm_embedding_cache(programme) -> None:
    """Store the vectors of every text of the programme's profiles in the cache table."""
    from twinning.matching.embeddings import embed, missing
    from twinning.matching.services import _profiles, _store_vectors

    texts = [t for profile in _profiles(programme) for t in profile.texts]
    _VECTORS.update(embed(missing(texts, _VECTORS)))
    _store_vectors(_VECTORS)
