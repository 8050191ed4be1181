"""IT, finance and professional services: Leeds as a financial centre, Astana as a hub."""

from twinning.demo.content.blocks import Archetype, T
from twinning.demo.content.food import INVEST, KZ, UK, P

ARCHETYPES = (
    Archetype(
        key="software-house",
        sector="it",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Digital", "Диджитал", "Диджитал"),
            T("Software", "Софт", "Софт"),
            T("Tech", "Тех", "Тех"),
            T("Labs", "Лабс", "Лабс"),
            T("Systems", "Системс", "Системс"),
        ),
        who=T("software company", "IT-компания", "IT-компания"),
        about=T(
            "Software house of 40 engineers building web and mobile products, data platforms "
            "and integrations for retailers, logistics firms and the public sector.",
            "Разработчик программного обеспечения: веб- и мобильные приложения, интеграция "
            "с 1С и ERP, сервисы для госсектора. Участник Astana Hub.",
            "Бағдарламалық қамтамасыз ету әзірлеушісі: веб және мобильді қосымшалар, 1С және "
            "ERP жүйелерімен интеграция, мемлекеттік сектор үшін сервистер. Astana Hub қатысушысы.",
        ),
        nace=("62.01", "62.02", "63.11", "58.29"),
        offers=(
            P(
                "custom mobile and web development",
                "заказная разработка мобильных и веб-приложений",
                "мобильді және веб-қосымшаларды тапсырыс бойынша әзірлеу",
                "62.01",
            ),
            P(
                "ERP integration and data migration",
                "интеграция ERP и миграция данных",
                "ERP интеграциясы және деректерді көшіру",
                "62.02",
            ),
            P(
                "outsourced development team (nearshore)",
                "выделенная команда разработчиков",
                "бөлінген әзірлеушілер командасы",
                "62.01",
            ),
            P(
                "machine-learning for demand forecasting",
                "машинное обучение для прогноза спроса",
                "сұранысты болжауға арналған машиналық оқыту",
                "62.01",
            ),
        ),
        requests=(
            P(
                "a reseller for our SaaS product",
                "реселлер для нашего SaaS-продукта",
                "SaaS өнімімізге реселлер",
                "46.51",
            ),
            P(
                "seed round to open a London office",
                "посевной раунд для открытия офиса в Лондоне",
                "Лондонда кеңсе ашуға арналған посевтік раунд",
                "64.99",
                KZ,
                INVEST,
            ),
            P(
                "growth funding to open an office in Almaty",
                "финансирование роста для открытия офиса в Алматы",
                "Алматыда кеңсе ашуға арналған өсу қаржысы",
                "64.99",
                UK,
                INVEST,
            ),
        ),
        types=("business_offer", "technology_offer", "partnership", "investment_request"),
        sizes=("micro", "small", "small", "medium"),
        weight=5,
    ),
    Archetype(
        key="cybersecurity",
        sector="it",
        sides="UK KZ",
        kind="company",
        brands=(T("Cyber", "Кибер", "Кибер"), T("Secure", "Секьюр", "Секьюр")),
        who=T(
            "cyber-security firm", "компания по кибербезопасности", "киберқауіпсіздік компаниясы"
        ),
        about=T(
            "CREST-accredited penetration testing, managed detection and response, and "
            "security training for banks, universities and councils.",
            "Аудит информационной безопасности, пентесты, SOC-мониторинг 24/7 для банков и "
            "госорганов.",
            "Ақпараттық қауіпсіздік аудиті, пентест, банктер мен мемлекеттік органдарға "
            "24/7 SOC-мониторинг.",
        ),
        nace=("62.02", "80.20", "62.09"),
        offers=(
            P(
                "penetration testing and red-teaming",
                "тестирование на проникновение",
                "ену тестілеуі",
                "62.02",
            ),
            P(
                "managed security operations centre",
                "услуги SOC по подписке",
                "жазылым бойынша SOC қызметі",
                "80.20",
            ),
        ),
        requests=(
            P(
                "threat-intelligence feeds in Russian and Kazakh",
                "данные киберразведки на русском и казахском",
                "орыс және қазақ тілдеріндегі кибербарлау деректері",
                "62.09",
                UK,
            ),
        ),
        types=("technology_offer", "business_offer", "partnership"),
        sizes=("micro", "small"),
        weight=2,
    ),
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
    Archetype(
        key="law-firm",
        sector="services",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Law", "Заң", "Заң"),
            T("Legal", "Лигал", "Лигал"),
            T("Solicitors", "Юридическая фирма", "Заң фирмасы"),
        ),
        who=T("law firm", "юридическая фирма", "заң фирмасы"),
        about=T(
            "Commercial law firm advising on cross-border contracts, international "
            "arbitration, English-law finance and AIFC Court disputes.",
            "Юридическая фирма: корпоративное право, сопровождение иностранных инвестиций, "
            "споры в Суде МФЦА и международном арбитраже.",
            "Заң фирмасы: корпоративтік құқық, шетелдік инвестицияларды сүйемелдеу, АХҚО "
            "Сотындағы және халықаралық арбитраждағы даулар.",
        ),
        nace=("69.10",),
        offers=(
            P(
                "English-law contracts for exporters",
                "контракты по английскому праву для экспортёров",
                "экспорттаушылар үшін ағылшын құқығы бойынша келісімшарттар",
                "69.10",
            ),
            P(
                "company set-up in the AIFC",
                "регистрация компании в МФЦА",
                "АХҚО-да компания тіркеу",
                "69.10",
                KZ,
            ),
        ),
        requests=(
            P(
                "correspondent law firm in Yorkshire",
                "фирма-корреспондент в Йоркшире",
                "Йоркширдегі корреспондент фирма",
                "69.10",
                KZ,
            ),
        ),
        types=("business_offer", "partnership"),
        sizes=("small", "medium"),
        weight=2,
        uk_suffix="LLP",
    ),
    Archetype(
        key="accountancy",
        sector="services",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Accountants", "Аудит", "Аудит"),
            T("Audit & Tax", "Аудит и налоги", "Аудит және салық"),
        ),
        who=T("accountancy firm", "аудиторская компания", "аудиторлық компания"),
        about=T(
            "Chartered accountants: audit, IFRS reporting, tax and payroll for owner-managed "
            "businesses and subsidiaries of overseas groups.",
            "Аудиторская компания: аудит по МСФО, налоговый консалтинг, бухгалтерский "
            "аутсорсинг для дочерних компаний иностранных групп.",
            "Аудиторлық компания: ХҚЕС бойынша аудит, салық кеңесі, шетелдік топтардың "
            "еншілес компанияларына бухгалтерлік аутсорсинг.",
        ),
        nace=("69.20", "70.22"),
        offers=(
            P(
                "IFRS audit and reporting",
                "аудит и отчётность по МСФО",
                "ХҚЕС бойынша аудит және есептілік",
                "69.20",
            ),
            P(
                "tax and payroll for foreign subsidiaries",
                "налоги и зарплата для дочерних компаний иностранцев",
                "шетелдік еншілес компаниялар үшін салық және жалақы",
                "69.20",
            ),
        ),
        requests=(),
        types=("business_offer", "partnership"),
        weight=2,
        uk_suffix="LLP",
    ),
    Archetype(
        key="translation",
        sector="services",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Translations", "Переводы", "Аударма"),
            T("Language Services", "Лингва", "Лингва"),
        ),
        who=T("translation agency", "бюро переводов", "аударма бюросы"),
        about=T(
            "Translation and interpreting in Russian, Kazakh and 40 other languages; "
            "simultaneous interpreters for delegations and trade missions.",
            "Бюро переводов: письменный и синхронный перевод (казахский, русский, английский), "
            "нотариальное заверение, сопровождение делегаций.",
            "Аударма бюросы: жазбаша және ілеспе аударма (қазақ, орыс, ағылшын), нотариалдық "
            "куәландыру, делегацияларды сүйемелдеу.",
        ),
        nace=("74.30",),
        offers=(
            P(
                "simultaneous interpreting for business delegations",
                "синхронный перевод для бизнес-делегаций",
                "іскерлік делегацияларға ілеспе аударма",
                "74.30",
            ),
            P(
                "certified translation of contracts and certificates",
                "заверенный перевод контрактов и сертификатов",
                "келісімшарттар мен сертификаттардың куәландырылған аудармасы",
                "74.30",
            ),
        ),
        requests=(),
        types=("business_offer",),
        sizes=("micro", "small"),
        weight=1,
    ),
    Archetype(
        key="trade-consultancy",
        sector="services",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Trade Consulting", "Трейд Консалтинг", "Сауда Консалтинг"),
            T("Market Entry", "Маркет Энтри", "Маркет Энтри"),
            T("Silk Road Partners", "Шёлковый путь Партнерс", "Жібек жолы Партнерс"),
        ),
        who=T("market-entry consultancy", "консалтинговая компания", "консалтингтік компания"),
        about=T(
            "Market-entry and export consultancy: partner search, market research, trade "
            "missions and local representation in Central Asia.",
            "Консалтинг по выходу на рынки: поиск партнёров, маркетинговые исследования, "
            "бизнес-миссии, представительство британских компаний в Казахстане.",
            "Нарыққа шығу бойынша консалтинг: серіктестер іздеу, маркетингтік зерттеулер, "
            "бизнес-миссиялар, британдық компаниялардың Қазақстандағы өкілдігі.",
        ),
        nace=("70.22", "73.20", "82.30", "46.19"),
        offers=(
            P(
                "market research for food and machinery exporters",
                "маркетинговые исследования для экспортёров",
                "экспорттаушыларға маркетингтік зерттеулер",
                "73.20",
            ),
            P(
                "organisation of trade missions to Yorkshire",
                "организация бизнес-миссий в Йоркшир",
                "Йоркширге бизнес-миссиялар ұйымдастыру",
                "82.30",
                KZ,
            ),
            P(
                "local representation and agency services",
                "представительские и агентские услуги",
                "өкілдік және агенттік қызметтер",
                "46.19",
            ),
        ),
        requests=(
            P(
                "UK manufacturers seeking agents in Kazakhstan",
                "британские производители, ищущие агента в Казахстане",
                "Қазақстанда агент іздеген британдық өндірушілер",
                "46.19",
                KZ,
            ),
        ),
        types=("business_offer", "partnership", "business_request"),
        sizes=("micro", "small"),
        weight=2,
    ),
    Archetype(
        key="freight",
        sector="services",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Freight", "Фрейт", "Фрейт"),
            T("Logistics", "Логистик", "Логистика"),
            T("Cargo", "Карго", "Карго"),
        ),
        who=T("freight forwarder", "экспедиторская компания", "экспедиторлық компания"),
        about=T(
            "Freight forwarding by road, rail and sea between the UK and Central Asia, "
            "including the Middle Corridor via Aktau and Baku; customs brokerage in-house.",
            "Экспедирование грузов автомобильным, железнодорожным и морским транспортом "
            "между Европой и Казахстаном, включая Средний коридор через Актау; таможенный брокер.",
            "Еуропа мен Қазақстан арасында автомобиль, теміржол және теңіз көлігімен жүк "
            "экспедициялау, оның ішінде Ақтау арқылы Орта дәлізбен; кеден брокері.",
        ),
        nace=("52.29", "49.41", "52.24"),
        offers=(
            P(
                "groupage freight UK — Kazakhstan",
                "сборные грузы Великобритания — Казахстан",
                "Ұлыбритания — Қазақстан жиынтық жүктері",
                "52.29",
            ),
            P(
                "Middle Corridor rail and sea freight",
                "перевозки по Среднему коридору",
                "Орта дәліз бойынша тасымалдау",
                "52.29",
            ),
            P(
                "customs brokerage and certification",
                "таможенное оформление и сертификация",
                "кедендік ресімдеу және сертификаттау",
                "52.29",
            ),
        ),
        requests=(
            P(
                "an agent in Hull or Immingham port",
                "агент в порту Халл или Иммингем",
                "Халл немесе Иммингем портындағы агент",
                "52.24",
                KZ,
            ),
        ),
        types=("business_offer", "partnership", "business_request"),
        weight=2,
    ),
)
