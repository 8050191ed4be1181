"""A small directory in the three languages, with the vectors matching stores for its texts."""

from tests.factories import OrganisationFactory, PublishedOpportunityFactory, region, sector
from twinning.matching import services as matching
from twinning.organisations.services import opportunity_search_text

# A small directory in the three languages: Yorkshire's offers in English, Kazakhstan's in
# Russian and Kazakh, as their organisations wrote them.
OFFERS = {
    "lamb": ("en", "Lamb and beef cuts for export",
             "Grass-fed Yorkshire lamb and beef, chilled or frozen, for importers."),
    "halal": ("en", "Halal meat processing line",
              "We build and install slaughter and cutting lines for halal meat plants."),
    "cold": ("en", "Cold storage warehousing in Leeds",
             "Temperature-controlled storage and distribution for food and pharmaceuticals."),
    "wool": ("en", "Wool yarn and knitted textiles",
             "Spinning mill offering merino yarn and knitted fabrics."),
    "software": ("en", "Farm management software",
                 "Cloud software for crop planning and machinery fleets."),
    "konina": ("ru", "Поставки конины и говядины",
               "Казахстанский производитель предлагает охлаждённую конину и говядину."),
    "packaging": ("ru", "Компания ищет поставщика упаковки",
                  "Нужны картонные коробки и плёнка для розничной упаковки."),
    "dairy": ("ru", "Молочная продукция: сыры и сливочное масло",
              "Завод в Костанае ищет дистрибьюторов в Великобритании."),
    "poultry": ("ru", "Мясо птицы: поставки курицы",
                "Бройлерная фабрика предлагает тушки и филе."),
    "horse": ("kk", "Жылқы еті экспорты",
              "Қостанайлық шаруашылық жылқы еті мен қазы ұсынады."),
    "flour": ("kk", "Бидай ұны өндірісі",
              "Жоғары сортты бидай ұнын экспортқа ұсынамыз."),
    "tours": ("kk", "Алматыдағы туристік сапарлар",
              "Таулы аймақтарға топтық турлар ұйымдастырамыз."),
}  # fmt: skip


def publish_directory(programme):  # type: ignore[no-untyped-def]
    """The offers, published, with the vectors matching stores for them, by name."""
    uk = OrganisationFactory(programme=programme, region=region("leeds"))
    kz = OrganisationFactory(programme=programme, region=region("kostanay"))
    made = {}
    for name, (language, title, summary) in OFFERS.items():
        opportunity = PublishedOpportunityFactory(
            organisation=uk if language == "en" else kz, title=title, summary=summary,
            description="", languages=language, sectors=[sector("10.11")],
        )  # fmt: skip
        opportunity.search_text = opportunity_search_text(opportunity)
        opportunity.save(update_fields=["search_text"])
        made[name] = opportunity
    matching.recompute_full(programme=programme)
    return made
