"""Finance: Leeds as the UK's second financial centre, Astana's AIFC, Islamic finance."""

from twinning.demo.content.blocks import Archetype, T
from twinning.demo.content.food import INVEST, UK, P

ARCHETYPES = (
    Archetype(
        key="fintech",
        sector="finance",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Pay", "Пэй", "Пэй"),
            T("Fintech", "Финтех", "Финтех"),
            T("Capital Tech", "Капитал Тех", "Капитал Тех"),
        ),
        who=T("fintech company", "финтех-компания", "финтех-компания"),
        about=T(
            "FCA-authorised payments and open-banking firm; our APIs handle card acquiring, "
            "KYC and cross-border payouts for marketplaces.",
            "Финтех-компания, участник AIFC FinTech Lab: платёжный шлюз, удалённая "
            "идентификация клиентов, переводы в тенге и фунтах.",
            "Финтех-компания, AIFC FinTech Lab қатысушысы: төлем шлюзі, клиенттерді қашықтан "
            "сәйкестендіру, теңге мен фунттағы аударымдар.",
        ),
        nace=("66.19", "64.99", "62.01"),
        offers=(
            P(
                "open-banking payment API",
                "API открытого банкинга для платежей",
                "ашық банкинг төлем API-і",
                "66.19",
            ),
            P(
                "remote KYC and biometric onboarding",
                "удалённая идентификация и биометрия",
                "қашықтан сәйкестендіру және биометрия",
                "62.01",
            ),
            P(
                "GBP–KZT cross-border payouts",
                "переводы между фунтом и тенге",
                "фунт пен теңге арасындағы аударымдар",
                "66.19",
            ),
        ),
        requests=(
            P(
                "a banking partner for a regulatory sandbox",
                "банк-партнёр для регуляторной песочницы",
                "реттеушілік құмсалғышқа арналған серіктес банк",
                "64.19",
            ),
            P(
                "a Series A round to scale our payment platform",
                "раунд A для масштабирования платёжной платформы",
                "төлем платформасын кеңейтуге арналған A раунды",
                "64.99",
                types=INVEST,
            ),
        ),
        types=("technology_offer", "partnership", "investment_request", "business_offer"),
        sizes=("micro", "small", "medium"),
        weight=3,
    ),
    Archetype(
        key="islamic-finance",
        sector="finance",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Islamic Finance", "Исламские финансы", "Ислам қаржысы"),
            T("Sukuk Advisory", "Сукук Эдвайзори", "Сукук Эдвайзори"),
        ),
        who=T(
            "Islamic finance adviser",
            "консультант по исламскому финансированию",
            "ислам қаржысы бойынша кеңесші",
        ),
        about=T(
            "Advisers on Sharia-compliant finance: sukuk structuring, ijara leasing and "
            "Islamic trade finance, with a Sharia board of three scholars.",
            "Консультанты по исламскому финансированию: структурирование сукук, "
            "иджара-лизинг, торговое финансирование; работаем в юрисдикции МФЦА.",
            "Ислам қаржысы бойынша кеңесшілер: сукук құрылымдау, иджара-лизинг, сауданы "
            "қаржыландыру; АХҚО юрисдикциясында жұмыс істейміз.",
        ),
        nace=("66.19", "64.99", "70.22"),
        offers=(
            P(
                "sukuk structuring for infrastructure",
                "структурирование сукук для инфраструктуры",
                "инфрақұрылымға арналған сукук құрылымдау",
                "66.19",
            ),
            P(
                "Sharia-compliant trade finance",
                "торговое финансирование по нормам шариата",
                "шариғат нормаларына сай сауда қаржыландыру",
                "64.99",
            ),
        ),
        requests=(
            P(
                "co-investors for halal food projects",
                "соинвесторы для халал-проектов",
                "халал жобаларына бірлескен инвесторлар",
                "64.30",
            ),
        ),
        types=("investment_offer", "business_offer", "partnership"),
        sizes=("micro", "small"),
        weight=1,
    ),
    Archetype(
        key="investment-fund",
        sector="finance",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Capital", "Капитал", "Капитал"),
            T("Ventures", "Венчурс", "Венчурс"),
            T("Investments", "Инвест", "Инвест"),
            T("Partners", "Партнерс", "Партнерс"),
        ),
        who=T("investment firm", "инвестиционная компания", "инвестициялық компания"),
        about=T(
            "Private-equity and venture investor backing growing firms in food, "
            "manufacturing and technology; tickets of £1–10 million.",
            "Инвестиционная компания: прямые и венчурные инвестиции в агропромышленный "
            "комплекс, переработку и технологии; чек от 500 тыс. до 5 млн долларов.",
            "Инвестициялық компания: агроөнеркәсіптік кешенге, өңдеуге және технологияларға "
            "тікелей және венчурлық инвестициялар; чек 500 мың доллардан 5 млн долларға дейін.",
        ),
        nace=("64.30", "66.30", "64.99"),
        offers=(
            P(
                "growth capital for agri-food processors",
                "капитал роста для агропереработки",
                "агроөңдеуге арналған өсу капиталы",
                "64.30",
            ),
            P(
                "venture funding for B2B software",
                "венчурное финансирование B2B-софта",
                "B2B бағдарламалық қамтамасыз етуді венчурлық қаржыландыру",
                "64.30",
            ),
            P(
                "co-investment in renewable energy",
                "соинвестирование в ВИЭ",
                "жаңартылатын энергияға бірлескен инвестиция",
                "66.30",
            ),
        ),
        requests=(
            P(
                "deal flow in Central Asian food processing",
                "проекты в пищевой переработке Центральной Азии",
                "Орталық Азиядағы тамақ өңдеу жобалары",
                "64.30",
                UK,
            ),
        ),
        types=("investment_offer", "partnership"),
        sizes=("micro", "small"),
        weight=2,
    ),
    Archetype(
        key="leasing",
        sector="finance",
        sides="KZ",
        kind="company",
        brands=(T("Leasing", "Лизинг", "Лизинг"), T("Finance", "Финанс", "Қаржы")),
        who=T("leasing company", "лизинговая компания", "лизинг компаниясы"),
        about=T(
            "Leasing of agricultural machinery, trucks and processing equipment for farms and "
            "SMEs; partner of state support programmes.",
            "Лизинг сельхозтехники, грузового транспорта и перерабатывающего оборудования для "
            "фермеров и МСБ; оператор программ господдержки.",
            "Фермерлер мен ШОБ үшін ауыл шаруашылығы техникасын, жүк көлігін және өңдеу "
            "жабдықтарын лизингке беру; мемлекеттік қолдау бағдарламаларының операторы.",
        ),
        nace=("64.91", "77.31"),
        offers=(
            P(
                "leasing of processing equipment at 6% a year",
                "лизинг перерабатывающего оборудования под 6% годовых",
                "жылдық 6%-бен өңдеу жабдықтарын лизингке беру",
                "64.91",
            ),
        ),
        requests=(
            P(
                "UK equipment manufacturers as leasing partners",
                "британские производители оборудования — партнёры по лизингу",
                "лизинг серіктестері — британдық жабдық өндірушілер",
                "64.91",
            ),
        ),
        types=("investment_offer", "partnership", "business_request"),
        sizes=("small", "medium"),
        weight=1,
    ),
)
