"""Professional services: law, accountancy, translation, market entry, freight."""

from twinning.demo.content.blocks import Archetype, T
from twinning.demo.content.food import KZ, P

ARCHETYPES = (
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
