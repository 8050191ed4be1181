"""Tourism: tour operators, hotels for delegations and film crews, eco-tourism."""

from twinning.demo.content.blocks import Archetype, T
from twinning.demo.content.food import INVEST, KZ, UK, P

ARCHETYPES = (
    Archetype(
        key="tour-operator",
        sector="tourism",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Travel", "Трэвел", "Трэвел"),
            T("Tours", "Турс", "Турлар"),
            T("Journeys", "Саяхат", "Саяхат"),
            T("Expeditions", "Экспедишнс", "Экспедициялар"),
        ),
        who=T("tour operator", "туроператор", "туроператор"),
        about=T(
            "Tour operator for small groups: walking holidays in the Dales and North York "
            "Moors, heritage tours of York and the Brontë country, incentive trips.",
            "Туроператор: экскурсионные и приключенческие туры по Казахстану — Чарынский "
            "каньон, Кольсайские озёра, Туркестан, Байконур; приём иностранных групп.",
            "Туроператор: Қазақстан бойынша танымдық және шытырман турлар — Шарын шатқалы, "
            "Көлсай көлдері, Түркістан, Байқоңыр; шетелдік топтарды қабылдау.",
        ),
        nace=("79.12", "79.11", "79.90"),
        offers=(
            P(
                "Silk Road tours to Turkistan and Otyrar",
                "туры по Шёлковому пути: Туркестан и Отырар",
                "Жібек жолы турлары: Түркістан мен Отырар",
                "79.12",
                KZ,
            ),
            P(
                "Charyn canyon and Kolsai lakes trekking",
                "треккинг к Чарынскому каньону и Кольсайским озёрам",
                "Шарын шатқалы мен Көлсай көлдеріне треккинг",
                "79.12",
                KZ,
            ),
            P(
                "Yorkshire Dales walking holidays",
                "пешие туры по Йоркширским долинам",
                "Йоркшир аңғарлары бойынша жаяу турлар",
                "79.12",
                UK,
            ),
            P(
                "incentive trips for corporate groups",
                "инсентив-туры для корпоративных групп",
                "корпоративтік топтарға инсентив-турлар",
                "79.12",
            ),
        ),
        requests=(
            P(
                "a receiving partner for group tours",
                "принимающий партнёр для групповых туров",
                "топтық турларға қабылдаушы серіктес",
                "79.11",
            ),
        ),
        types=("tourism", "partnership", "business_request"),
        sizes=("micro", "small"),
        weight=4,
    ),
    Archetype(
        key="hotel-group",
        sector="tourism",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Hotels", "Отель", "Қонақүй"),
            T("Hospitality", "Хоспиталити", "Қонақжайлық"),
            T("Resort", "Резорт", "Курорт"),
        ),
        who=T("hotel group", "гостиничная группа", "қонақүй тобы"),
        about=T(
            "Independent hotel group with four properties, 420 rooms and conference space for "
            "300 delegates; we host trade delegations and film crews.",
            "Гостиничная группа: три отеля, 380 номеров, конференц-залы на 400 человек, "
            "загородный курорт в Бурабае.",
            "Қонақүй тобы: үш қонақүй, 380 нөмір, 400 адамға арналған конференц-залдар, "
            "Бурабайдағы қала сыртындағы курорт.",
        ),
        nace=("55.10", "56.10", "82.30"),
        offers=(
            P(
                "delegation packages with meeting rooms and interpreters",
                "пакеты для делегаций с переговорными и переводчиками",
                "келіссөз бөлмелері мен аудармашылары бар делегация пакеттері",
                "55.10",
            ),
            P(
                "accommodation for film crews on location",
                "размещение съёмочных групп",
                "түсірілім топтарын орналастыру",
                "55.10",
            ),
        ),
        requests=(
            P(
                "an international hotel-management partner",
                "международный оператор гостиничного управления",
                "халықаралық қонақүй басқару операторы",
                "70.22",
            ),
            P(
                "a ski and spa resort near Almaty",
                "горнолыжный и спа-курорт под Алматы",
                "Алматы маңындағы тау шаңғысы және спа курорты",
                "55.10",
                KZ,
                INVEST,
            ),
            P(
                "hospitality staff training",
                "обучение персонала гостеприимства",
                "қонақжайлық персоналын оқыту",
                "85.59",
            ),
        ),
        types=("tourism", "investment_request", "partnership", "business_request"),
        sizes=("medium", "large"),
        weight=3,
        kz_form="ao",
    ),
    Archetype(
        key="eco-guesthouse",
        sector="tourism",
        sides="KZ",
        kind="company",
        brands=(
            T("Eco Camp", "Эко Кемп", "Эко Кемп"),
            T("Guest House", "Гостевой дом", "Қонақ үй"),
            T("Yurt Camp", "Юрточный лагерь", "Киіз үй лагері"),
        ),
        who=T("eco-tourism guest house", "гостевой дом (экотуризм)", "экотуризм қонақ үйі"),
        about=T(
            "Family guest house and yurt camp in a national park: horse treks, eagle hunting "
            "demonstrations, home-cooked beshbarmak.",
            "Семейный гостевой дом и юрточный лагерь в национальном парке: конные маршруты, "
            "показ охоты с беркутом, национальная кухня.",
            "Ұлттық саябақтағы отбасылық қонақ үй және киіз үй лагері: атпен серуен, "
            "бүркітпен аң аулауды көрсету, ұлттық тағамдар.",
        ),
        nace=("55.20", "79.90", "93.29"),
        offers=(
            P(
                "horse treks and yurt stays",
                "конные туры и проживание в юртах",
                "атпен турлар және киіз үйде тұру",
                "55.20",
            ),
            P(
                "eagle-hunting and ethnographic programmes",
                "этнографические программы и охота с беркутом",
                "этнографиялық бағдарламалар және бүркітпен аң аулау",
                "93.29",
            ),
        ),
        requests=(
            P(
                "an online booking and channel-manager system",
                "система онлайн-бронирования",
                "онлайн брондау жүйесі",
                "62.01",
            ),
            P(
                "European tour operators to sell our programmes",
                "европейские туроператоры для продажи наших программ",
                "бағдарламаларымызды сататын еуропалық туроператорлар",
                "79.12",
            ),
        ),
        types=("tourism", "business_request", "distribution"),
        sizes=("micro",),
        weight=2,
        kz_form="ip",
    ),
)
