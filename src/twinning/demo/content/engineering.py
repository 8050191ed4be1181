"""Engineering: Sheffield steel and mining equipment, Kazakh metals and machine works."""

from twinning.demo.content.blocks import Archetype, Product, T
from twinning.demo.content.food import P

ARCHETYPES = (
    Archetype(
        key="precision-engineering",
        sector="engineering",
        sides="UK",
        kind="company",
        brands=(T("Precision Engineering"), T("Forgings"), T("Steel Components"), T("Tooling")),
        who=T("precision engineering firm"),
        about=T(
            "Sheffield-trained machinists and metallurgists making special-steel forgings, "
            "precision machined parts and wear-resistant components for mining, rail and energy."
        ),
        nace=("25.62", "24.10", "25.99", "28.99"),
        offers=(
            Product(T("special-steel forgings up to 12 tonnes"), "24.10"),
            Product(T("precision machined components for mining equipment"), "25.62"),
            Product(T("wear-resistant crusher liners and buckets"), "25.99"),
            Product(T("additive manufacturing of spare parts"), "28.99"),
        ),
        requests=(Product(T("a partner for local manufacturing of wear parts"), "25.62"),),
        types=(
            "business_offer",
            "technology_offer",
            "local_content",
            "partnership",
            "distribution",
        ),
        weight=3,
    ),
    Archetype(
        key="mining-equipment",
        sector="engineering",
        sides="UK",
        kind="company",
        brands=(
            T("Mining Equipment"),
            T("Bulk Handling"),
            T("Crushing & Screening"),
            T("Conveyor Systems"),
        ),
        who=T("mining equipment manufacturer"),
        about=T(
            "Crushers, screens and conveyor systems for quarries and mines, designed in "
            "Yorkshire and supported by field engineers worldwide."
        ),
        nace=("28.92", "33.12", "46.69"),
        offers=(
            Product(T("mobile crushing and screening plants"), "28.92"),
            Product(T("heavy-duty belt conveyors"), "28.92"),
            Product(T("remote condition monitoring of crushers"), "33.12"),
        ),
        requests=(Product(T("a service partner near Karaganda and Pavlodar mines"), "33.12"),),
        types=("business_offer", "distribution", "local_content", "technology_offer"),
        weight=2,
    ),
    Archetype(
        key="metals-mining",
        sector="engineering",
        sides="KZ",
        kind="company",
        brands=(
            T("Metals", "Металл", "Металл"),
            T("Mining", "Майнинг", "Кен"),
            T("Ferroalloys", "Ферросплав", "Ферроқорытпа"),
            T("Steel", "Сталь", "Болат"),
        ),
        who=T(
            "metals and mining company",
            "горно-металлургическая компания",
            "тау-кен металлургия компаниясы",
        ),
        about=T(
            "Mining and metals group producing ferroalloys and copper concentrate; ISO 14001 "
            "and a decarbonisation plan to 2035.",
            "Горно-металлургическое предприятие: добыча и обогащение руды, производство "
            "ферросплавов и медного концентрата; реализуем программу декарбонизации до 2035 года.",
            "Тау-кен металлургия кәсіпорны: кен өндіру және байыту, ферроқорытпалар мен мыс "
            "концентратын өндіру; 2035 жылға дейін декарбонизация бағдарламасын жүзеге асырамыз.",
        ),
        nace=("07.29", "24.10", "24.45", "24.42"),
        offers=(
            P(
                "high-carbon ferrochrome",
                "высокоуглеродистый феррохром",
                "жоғары көміртекті феррохром",
                "24.10",
            ),
            P("copper concentrate", "медный концентрат", "мыс концентраты", "07.29"),
        ),
        requests=(
            P(
                "crusher wear parts and liners",
                "быстроизнашиваемые детали дробилок",
                "ұсақтағыштардың тез тозатын бөлшектері",
                "25.99",
            ),
            P(
                "conveyor belts and idlers",
                "конвейерные ленты и ролики",
                "конвейер таспалары мен роликтер",
                "28.92",
            ),
            P(
                "digital twin of the concentrator",
                "цифровой двойник обогатительной фабрики",
                "байыту фабрикасының цифрлық егізі",
                "62.01",
            ),
        ),
        types=("business_request", "technology_request", "business_offer", "local_content"),
        sizes=("medium", "large"),
        weight=2,
        kz_form="ao",
    ),
    Archetype(
        key="machine-works",
        sector="engineering",
        sides="KZ",
        kind="company",
        brands=(
            T("Machine Works", "Машзавод", "Машина жасау"),
            T("Engineering", "Инжиниринг", "Инжиниринг"),
            T("Repair Works", "Ремонтный завод", "Жөндеу зауыты"),
        ),
        who=T(
            "machine-building and repair plant",
            "машиностроительный и ремонтный завод",
            "машина жасау және жөндеу зауыты",
        ),
        about=T(
            "Machine-building plant: repair of mining and agricultural machinery, "
            "fabrication, CNC machining; we are listed as a local-content supplier.",
            "Машиностроительный завод: ремонт горношахтного и сельхозоборудования, "
            "металлообработка на станках с ЧПУ; входим в реестр отечественных "
            "товаропроизводителей.",
            "Машина жасау зауыты: тау-кен және ауыл шаруашылығы жабдықтарын жөндеу, "
            "CNC станоктарында металл өңдеу; отандық тауар өндірушілер тізіліміне енгенбіз.",
        ),
        nace=("33.12", "25.62", "28.92", "28.30"),
        offers=(
            P(
                "repair of mining and processing equipment",
                "ремонт горно-обогатительного оборудования",
                "тау-кен байыту жабдықтарын жөндеу",
                "33.12",
            ),
            P(
                "CNC machining to customer drawings",
                "механообработка на ЧПУ по чертежам заказчика",
                "тапсырыс берушінің сызбалары бойынша CNC өңдеу",
                "25.62",
            ),
        ),
        requests=(
            P(
                "licensed production of a UK product",
                "лицензионное производство британской продукции",
                "британдық өнімді лицензиялық өндіру",
                "28.99",
            ),
            P(
                "welding and NDT training for staff",
                "обучение сварщиков и дефектоскопистов",
                "дәнекерлеушілер мен дефектоскопистерді оқыту",
                "85.32",
                types=("business_request",),
            ),
        ),
        types=("local_content", "partnership", "business_offer", "technology_request"),
        weight=2,
    ),
    Archetype(
        key="engineering-consultancy",
        sector="engineering",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Consulting Engineers", "Инжиниринг", "Инжиниринг"),
            T("Design Group", "Проект", "Жоба"),
        ),
        who=T("engineering consultancy", "проектная организация", "жобалау ұйымы"),
        about=T(
            "Multi-disciplinary engineering consultancy: structures, process, BIM and "
            "project management for industrial and infrastructure clients.",
            "Проектный институт: промышленное и гражданское проектирование, BIM, экспертиза, "
            "авторский надзор. Лицензия I категории.",
            "Жобалау институты: өнеркәсіптік және азаматтық жобалау, BIM, сараптама, "
            "авторлық қадағалау. I санатты лицензия.",
        ),
        nace=("71.12", "71.11", "74.90"),
        offers=(
            P(
                "BIM design for industrial plants",
                "BIM-проектирование промышленных объектов",
                "өнеркәсіптік нысандарды BIM-жобалау",
                "71.12",
            ),
            P(
                "owner's engineer services",
                "услуги инженера заказчика",
                "тапсырыс беруші инженерінің қызметтері",
                "71.12",
            ),
        ),
        requests=(
            P(
                "a partner for Eurocode adaptation",
                "партнёр по адаптации к Еврокодам",
                "Еурокодтарға бейімдеу бойынша серіктес",
                "71.12",
            ),
        ),
        types=("business_offer", "partnership", "business_request"),
        weight=1,
    ),
)
