"""Energy: wind and sun in the steppe, oil and gas services, heat networks."""

from twinning.demo.content.blocks import Archetype, Product, T
from twinning.demo.content.food import INVEST, P

ARCHETYPES = (
    Archetype(
        key="renewables-developer",
        sector="energy",
        sides="KZ",
        kind="company",
        brands=(
            T("Wind Power", "Жел Энерго", "Жел Энерго"),
            T("Solar", "Солар", "Күн Энерго"),
            T("Green Energy", "Green Energy", "Жасыл Энергия"),
        ),
        who=T(
            "renewable-energy developer",
            "девелопер ВИЭ-проектов",
            "жаңартылатын энергия жобаларын әзірлеуші",
        ),
        about=T(
            "Developer of wind and solar parks with 250 MW in the pipeline, grid-connection "
            "agreements signed and auctions won in 2023 and 2025.",
            "Девелопер ветровых и солнечных электростанций: портфель проектов 250 МВт, "
            "получены технические условия на подключение к сети, выиграны аукционы ВИЭ.",
            "Жел және күн электр станцияларын әзірлеуші: 250 МВт жобалар портфелі, желіге қосылу "
            "техникалық шарттары алынды, ЖЭК аукциондарында жеңдік.",
        ),
        nace=("35.11", "42.22", "71.12"),
        offers=(
            P(
                "ready-to-build wind park sites with grid connection",
                "площадки под ветропарки с подключением к сети",
                "желіге қосылған жел паркі алаңдары",
                "35.11",
            ),
            P(
                "long-term green power purchase agreements",
                "долгосрочные договоры покупки зелёной электроэнергии",
                "жасыл электр энергиясын сатып алудың ұзақ мерзімді шарттары",
                "35.14",
            ),
        ),
        requests=(
            P(
                "wind turbines of 4–6 MW",
                "ветроустановки мощностью 4–6 МВт",
                "қуаты 4–6 МВт жел қондырғылары",
                "28.11",
            ),
            P(
                "battery energy storage systems",
                "системы накопления энергии",
                "энергия жинақтау жүйелері",
                "27.20",
            ),
            P(
                "a 100 MW wind park with grid connection",
                "ветропарк 100 МВт с подключением к сети",
                "желіге қосылған 100 МВт жел паркі",
                "35.11",
                types=INVEST,
            ),
            P(
                "operations and maintenance training for wind technicians",
                "обучение техников по обслуживанию ветроустановок",
                "жел қондырғыларына қызмет көрсету техниктерін оқыту",
                "85.59",
                types=("business_request",),
            ),
        ),
        types=("investment_request", "technology_request", "business_request", "partnership"),
        sizes=("small", "medium"),
        weight=3,
    ),
    Archetype(
        key="energy-engineering",
        sector="energy",
        sides="UK",
        kind="company",
        brands=(T("Energy Systems"), T("Renewables"), T("Power Engineering"), T("Hydrogen")),
        who=T("energy engineering company"),
        about=T(
            "Engineering and maintenance for onshore and offshore wind, grid-scale batteries "
            "and green hydrogen; our technicians service turbines from the Humber to the Baltic."
        ),
        nace=("71.12", "33.14", "27.11", "35.11"),
        offers=(
            Product(T("wind turbine blade inspection and repair"), "33.14"),
            Product(T("grid-scale battery storage integration"), "27.20"),
            Product(T("green hydrogen electrolyser engineering"), "71.12"),
            Product(T("carbon-capture feasibility studies"), "71.12"),
            Product(T("training for wind-turbine technicians (GWO)"), "85.59"),
        ),
        requests=(Product(T("a local partner for wind-farm maintenance"), "33.14"),),
        types=("business_offer", "technology_offer", "local_content", "partnership"),
        weight=3,
    ),
    Archetype(
        key="oilfield-services",
        sector="energy",
        sides="KZ",
        kind="company",
        brands=(
            T("Oil Service", "Ойл Сервис", "Мұнай Сервис"),
            T("Petro Tech", "Петро Тех", "Петро Тех"),
            T("Caspian Services", "Каспиан Сервисез", "Каспий Сервис"),
        ),
        who=T("oilfield services company", "нефтесервисная компания", "мұнай сервистік компаниясы"),
        about=T(
            "Oilfield services for Tengiz and Karachaganak contractors: pipe inspection, valve "
            "repair and workshop fabrication, 85% Kazakhstani staff.",
            "Нефтесервисная компания: диагностика трубопроводов, ремонт запорной арматуры, "
            "металлоконструкции для операторов Тенгиза и Карачаганака; доля казахстанского "
            "содержания в кадрах — 85%.",
            "Мұнай сервистік компаниясы: құбырларды диагностикалау, бекіту арматурасын жөндеу, "
            "Теңіз бен Қарашығанақ операторларына металл құрылымдар; қызметкерлердегі "
            "қазақстандық қамту үлесі — 85%.",
        ),
        nace=("09.10", "33.12", "25.11", "71.20"),
        offers=(
            P(
                "in-line pipeline inspection",
                "внутритрубная диагностика трубопроводов",
                "құбырлардың ішкі диагностикасы",
                "71.20",
            ),
            P(
                "valve repair and certification",
                "ремонт и сертификация запорной арматуры",
                "бекіту арматурасын жөндеу және сертификаттау",
                "33.12",
            ),
            P(
                "fabricated steel structures for oil and gas",
                "металлоконструкции для нефтегаза",
                "мұнай-газ саласына металл құрылымдар",
                "25.11",
            ),
        ),
        requests=(
            P(
                "non-destructive testing technology",
                "технологии неразрушающего контроля",
                "бұзбайтын бақылау технологиялары",
                "71.20",
            ),
            P(
                "a UK partner for a joint bid to Tengiz",
                "британский партнёр для совместного участия в тендерах Тенгиза",
                "Теңіз тендерлеріне бірлесіп қатысу үшін британдық серіктес",
                "09.10",
                types=("business_request",),
            ),
        ),
        types=("local_content", "technology_request", "partnership", "business_offer"),
        sizes=("small", "medium", "large"),
        weight=2,
    ),
    Archetype(
        key="heat-utility",
        sector="energy",
        sides="KZ",
        kind="company",
        brands=(T("Heat", "Теплоэнерго", "Жылу Энерго"), T("Energy", "Энерго", "Энерго")),
        who=T(
            "heat and power utility",
            "теплоэнергетическое предприятие",
            "жылу-энергетикалық кәсіпорын",
        ),
        about=T(
            "Combined heat and power plant and district heating network serving 120,000 "
            "residents; a modernisation programme is under way until 2030.",
            "ТЭЦ и тепловые сети города: 120 тыс. потребителей, износ сетей 60%, до 2030 года "
            "реализуется программа модернизации.",
            "Қаланың ЖЭО және жылу желілері: 120 мың тұтынушы, желілердің тозуы 60%, 2030 "
            "жылға дейін жаңғырту бағдарламасы жүзеге асырылуда.",
        ),
        nace=("35.30", "35.11"),
        offers=(),
        requests=(
            P(
                "pre-insulated pipes and heat meters",
                "предизолированные трубы и теплосчётчики",
                "алдын ала оқшауланған құбырлар мен жылу есептегіштер",
                "25.99",
            ),
            P(
                "flue-gas cleaning technology",
                "технологии очистки дымовых газов",
                "түтін газдарын тазарту технологиялары",
                "71.12",
            ),
            P(
                "energy-efficiency audit of the heating network",
                "энергоаудит тепловых сетей",
                "жылу желілерінің энергетикалық аудиті",
                "71.12",
            ),
            P(
                "replacement of 40 km of district-heating pipes",
                "замена 40 км тепловых сетей",
                "40 км жылу желілерін ауыстыру",
                "35.30",
                types=INVEST,
            ),
        ),
        types=("technology_request", "business_request", "investment_request"),
        sizes=("large",),
        weight=1,
        kz_form="ao",
    ),
)
