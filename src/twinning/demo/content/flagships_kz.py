"""Hand-written Kazakh organisations: the key stories, universities and public bodies.

Institutions keep their real names so the demo is recognisable; every registry number, person,
e-mail address and telephone number attached to them is fictional.
"""

from twinning.demo.content.blocks import Flagship, StoryOpportunity, T

KOSTANAY_MEAT = Flagship(
    key="kostanay-meat",
    region="kostanay",
    kind="company",
    legal_name="ТОО «Костанайский мясокомбинат»",
    name=T("Kostanay Meat Processing Plant", "Костанайский мясокомбинат", "Қостанай ет комбинаты"),
    description=(
        "ТОО «Костанайский мясокомбинат» — одно из крупнейших мясоперерабатывающих предприятий "
        "севера Казахстана. Убойный цех мощностью 150 голов КРС и 400 голов МРС в смену, "
        "обвалка, производство охлаждённой и замороженной говядины, полуфабрикатов и колбас. "
        "Поставляем продукцию в сети Казахстана, экспортируем говядину в Узбекистан и страны "
        "Персидского залива. В 2026–2027 годах планируем модернизацию обвалочного цеха и выход "
        "на рынок Великобритании."
    ),
    language="ru",
    nace=("10.11", "10.13", "46.32"),
    archetype="meat-plant",
    size="medium",
    year=1998,
    working_languages=("ru", "kk"),
    opportunities=(
        StoryOpportunity(
            type="business_request",
            title="Мясокомбинат ищет поставщика линии обвалки и переработки говядины",
            summary=(
                "ТОО «Костанайский мясокомбинат» (ОКЭД 10.11) ищет производителя оборудования "
                "для модернизации обвалочного цеха: линия обвалки и жиловки говядины на 150 "
                "голов в смену, куттеры, шприцы, термокамеры."
            ),
            description=(
                "Нам нужен поставщик полного цикла: проект цеха, поставка, монтаж, пусконаладка "
                "и обучение персонала, гарантийный и сервисный договор. Оборудование должно "
                "соответствовать требованиям ЕАЭС и Великобритании, так как мы готовимся к "
                "экспорту. Рассматриваем британских производителей; возможна поездка наших "
                "технологов в Йоркшир. Бюджет проекта — около 1,2 млн фунтов, возможно "
                "финансирование через лизинг."
            ),
            nace=("10.11", "28.93"),
            target_regions=("leeds", "bradford", "sheffield"),
        ),
        StoryOpportunity(
            type="investment_request",
            title="Инвестиции в строительство холодильного склада на 5 000 тонн",
            summary=(
                "Ищем соинвестора для строительства холодильника шоковой заморозки и хранения "
                "мяса рядом с комбинатом; доля инвестора — до 49%."
            ),
            description=(
                "Земельный участок и подключение к сетям есть, проектно-сметная документация "
                "готова. Срок окупаемости по бизнес-плану — 6 лет."
            ),
            nace=("10.11", "52.10"),
            status="submitted",
        ),
    ),
)

STEPPE_LIGHT = Flagship(
    key="steppe-light",
    region="almaty-city",
    kind="studio",
    legal_name="Steppe Light Studios LLP",
    name=T("Steppe Light Studios", "Степ Лайт Студиос", "Steppe Light Studios"),
    description=(
        "Steppe Light Studios is an Almaty production company and production-services provider "
        "for foreign crews. We have serviced shoots in the Charyn canyon, the Altyn-Emel desert "
        "and the Caspian coast, and we prepare the paperwork for Kazakhstan's 30% rebate under "
        "the Law on Cinematography. Two sound stages, grip and lighting, and a team that works "
        "in English, Russian and Kazakh."
    ),
    language="en",
    nace=("59.11", "59.12", "77.39"),
    archetype="location-services",
    size="small",
    year=2015,
    working_languages=("en", "ru", "kk"),
    opportunities=(
        StoryOpportunity(
            type="film_coproduction",
            title="Production services and co-production in Kazakhstan with a 30% rebate",
            summary=(
                "Almaty studio offers location scouting, permits, crew, equipment and "
                "co-production for foreign films and series shooting in Kazakhstan, including "
                "the application for the 30% reimbursement of local costs."
            ),
            description=(
                "Landscapes within a day of Almaty: mountains, canyons, deserts, steppe, Soviet "
                "modernist architecture. We act as the Kazakh co-producer or as the service "
                "company, manage the budget split so that qualifying spend is maximised, and "
                "deal with the state film centre. Crews from the UK, Korea and Turkey have "
                "worked with us."
            ),
            nace=("59.11",),
            target_regions=("leeds", "bradford", "kirklees"),
        ),
    ),
)

UNIVERSITIES = (
    Flagship(
        "kaznu",
        "almaty-city",
        "university",
        "НАО «Казахский национальный университет имени аль-Фараби»",
        T(
            "Al-Farabi Kazakh National University",
            "КазНУ имени аль-Фараби",
            "Әл-Фараби атындағы Қазақ ұлттық университеті",
        ),
        "Ведущий классический университет Казахстана: более 25 тысяч студентов, 16 "
        "факультетов, научные парки по биотехнологиям и IT. Развиваем двудипломные "
        "программы с университетами Великобритании и академическую мобильность.",
        "ru",
        ("85.42", "72.19"),
        "university",
        year=1934,
        working_languages=("kk", "ru", "en"),
    ),
    Flagship(
        "nazarbayev-university",
        "astana",
        "university",
        "Autonomous Organisation of Education «Nazarbayev University»",
        T("Nazarbayev University", "Назарбаев Университет", "Назарбаев Университеті"),
        "English-medium research university in Astana with schools of engineering, "
        "medicine, business and sciences; partners include leading UK universities.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=2010,
        working_languages=("en", "kk", "ru"),
    ),
    Flagship(
        "enu",
        "astana",
        "university",
        "НАО «Евразийский национальный университет имени Л. Н. Гумилёва»",
        T(
            "L. N. Gumilyov Eurasian National University",
            "ЕНУ имени Л. Н. Гумилёва",
            "Л. Н. Гумилев атындағы Еуразия ұлттық университеті",
        ),
        "Л. Н. Гумилев атындағы Еуразия ұлттық университеті — елордадағы ірі "
        "университет: халықаралық қатынастар, IT, инженерия және филология. Британ "
        "университеттерімен бірлескен бағдарламаларды дамытамыз.",
        "kk",
        ("85.42",),
        "university",
        year=1996,
        working_languages=("kk", "ru", "en"),
    ),
    Flagship(
        "satbayev",
        "almaty-city",
        "university",
        "НАО «Satbayev University»",
        T("Satbayev University", "Satbayev University", "Satbayev University"),
        "Technical university for mining, metallurgy, petroleum engineering and IT, with "
        "close ties to industry in Karaganda, Pavlodar and Atyrau.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=1934,
        working_languages=("en", "ru", "kk"),
    ),
    Flagship(
        "kostanay-university",
        "kostanay",
        "university",
        "НАО «Костанайский региональный университет имени Ахмета Байтурсынова»",
        T(
            "Akhmet Baitursynov Kostanay Regional University",
            "Костанайский региональный университет имени А. Байтурсынова",
            "Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті",
        ),
        "Региональный университет с сильными аграрными и ветеринарными факультетами, "
        "готовит технологов мясной и молочной промышленности для Костанайской области.",
        "ru",
        ("85.42", "72.19"),
        "university",
        year=1939,
    ),
    Flagship(
        "buketov",
        "karaganda",
        "university",
        "НАО «Карагандинский университет имени академика Е. А. Букетова»",
        T(
            "Karaganda Buketov University",
            "Карагандинский университет имени Букетова",
            "Бөкетов атындағы Қарағанды университеті",
        ),
        "Классический университет Центрального Казахстана: химия, физика, экономика, "
        "педагогика; партнёр горно-металлургических предприятий региона.",
        "ru",
        ("85.42",),
        "university",
        year=1972,
    ),
    Flagship(
        "seifullin",
        "astana",
        "university",
        "«С. Сейфуллин атындағы Қазақ агротехникалық зерттеу университеті» КеАҚ",
        T(
            "S. Seifullin Kazakh Agrotechnical Research University",
            "Казахский агротехнический исследовательский университет имени С. Сейфуллина",
            "С. Сейфуллин атындағы Қазақ агротехникалық зерттеу университеті",
        ),
        "Елдің жетекші аграрлық университеті: агрономия, мал шаруашылығы, ветеринария, "
        "тамақ технологиясы. Шаруашылықтармен бірлескен ғылыми жобалар жүргіземіз.",
        "kk",
        ("85.42", "72.19"),
        "university",
        year=1957,
    ),
    Flagship(
        "kaznaru",
        "almaty-city",
        "university",
        "«Қазақ ұлттық аграрлық зерттеу университеті» КеАҚ",
        T(
            "Kazakh National Agrarian Research University",
            "Казахский национальный аграрный исследовательский университет",
            "Қазақ ұлттық аграрлық зерттеу университеті",
        ),
        "Аграрлық зерттеу университеті: су шаруашылығы, агротехнологиялар, ветеринария "
        "және азық-түлік қауіпсіздігі.",
        "kk",
        ("85.42", "72.19"),
        "university",
        year=1929,
    ),
    Flagship(
        "zhurgenov",
        "almaty-city",
        "university",
        "РГУ «Казахская национальная академия искусств имени Т. К. Жургенова»",
        T(
            "T. Zhurgenov Kazakh National Academy of Arts",
            "Казахская национальная академия искусств имени Т. Жургенова",
            "Т. Жүргенов атындағы Қазақ ұлттық өнер академиясы",
        ),
        "Академия искусств: кинорежиссура, операторское мастерство, актёрское искусство, "
        "анимация. Ищем партнёрские киношколы для совместных студенческих фильмов.",
        "ru",
        ("85.42", "59.11"),
        "university",
        size="medium",
        year=1955,
    ),
    Flagship(
        "toraighyrov",
        "pavlodar",
        "university",
        "НАО «Торайгыров университет»",
        T("Toraighyrov University", "Торайгыров университет", "Торайғыров университеті"),
        "Университет Павлодарского региона: энергетика, металлургия, машиностроение; "
        "центр подготовки кадров для ТЭЦ и алюминиевой промышленности.",
        "ru",
        ("85.42",),
        "university",
        year=1960,
    ),
    Flagship(
        "auezov",
        "shymkent",
        "university",
        "«М. Әуезов атындағы Оңтүстік Қазақстан университеті» КеАҚ",
        T(
            "M. Auezov South Kazakhstan University",
            "Южно-Казахстанский университет имени М. Ауэзова",
            "М. Әуезов атындағы Оңтүстік Қазақстан университеті",
        ),
        "Оңтүстік өңірдің ең ірі университеті: химиялық технология, тамақ өнеркәсібі, "
        "туризм және педагогика.",
        "kk",
        ("85.42",),
        "university",
        year=1943,
    ),
    Flagship(
        "kbtu",
        "almaty-city",
        "university",
        "Kazakh-British Technical University JSC",
        T(
            "Kazakh-British Technical University",
            "Казахстанско-Британский технический университет",
            "Қазақстан-Британ техникалық университеті",
        ),
        "Technical university teaching in English: petroleum engineering, IT, business "
        "and maritime studies, with dual-degree programmes with British universities.",
        "en",
        ("85.42", "72.19"),
        "university",
        size="medium",
        year=2001,
    ),
)

PUBLIC_BODIES = (
    Flagship(
        "kazakh-invest",
        "astana",
        "public_body",
        "АО «Национальная компания «KAZAKH INVEST»",
        T("KAZAKH INVEST", "KAZAKH INVEST", "KAZAKH INVEST"),
        "KAZAKH INVEST is the national investment promotion agency: a single point of "
        "contact for foreign investors, from project selection and site visits to permits "
        "and state support. Priority sectors: agri-food processing, machinery, energy and "
        "tourism.",
        "en",
        ("84.13", "70.22"),
        "public-agency",
        size="medium",
        year=2017,
        working_languages=("en", "ru", "kk"),
        opportunities=(
            StoryOpportunity(
                type="investment_offer",
                title="Investment projects in Kazakh meat and grain processing with state support",
                summary="A portfolio of 40 prepared projects in meat, dairy and grain processing "
                "in northern Kazakhstan, with land, utilities and investment preferences; we "
                "accompany investors from the first visit to commissioning.",
                description="Preferences include exemption from customs duties on equipment, "
                "state in-kind grants and tax relief under investment contracts. Yorkshire "
                "machinery makers and food companies are invited to a site visit programme.",
                nace=("84.13", "10.11", "10.61"),
                target_regions=("leeds", "sheffield", "hull"),
            ),
        ),
    ),
    Flagship(
        "aifc",
        "astana",
        "public_body",
        "Astana International Financial Centre Authority",
        T(
            "Astana International Financial Centre",
            "Международный финансовый центр «Астана»",
            "«Астана» халықаралық қаржы орталығы",
        ),
        "The AIFC is a financial hub in Astana operating under English common law, with its "
        "own court and arbitration centre, a fintech lab and an Islamic finance programme. "
        "We partner with financial centres and fintech communities abroad.",
        "en",
        ("66.11", "84.13"),
        "public-agency",
        size="medium",
        year=2015,
        working_languages=("en", "ru", "kk"),
        opportunities=(
            StoryOpportunity(
                type="partnership",
                title="Partnership with Leeds financial and fintech community",
                summary="The AIFC seeks a memorandum with the Leeds financial services "
                "community: fintech sandbox exchanges, joint events and a soft-landing "
                "programme for Leeds fintechs in Astana.",
                description="Leeds is the UK's second financial centre. We propose joint "
                "fintech demo days in Leeds and Astana, mutual access to regulatory sandboxes "
                "and training on Islamic finance and green bonds.",
                nace=("66.11",),
                target_regions=("leeds",),
            ),
        ),
    ),
    Flagship(
        "kazakh-tourism",
        "astana",
        "public_body",
        "АО «НК «Kazakh Tourism»",
        T("Kazakh Tourism", "Kazakh Tourism", "Kazakh Tourism"),
        "Национальная компания по развитию туризма: продвижение Казахстана за рубежом, "
        "работа с туроператорами, субсидирование турпотока.",
        "ru",
        ("84.13", "79.90"),
        "public-agency",
        size="medium",
        year=2017,
        working_languages=("ru", "kk", "en"),
    ),
    Flagship(
        "kazakhfilm",
        "almaty-city",
        "studio",
        "АО «Казахфильм» имени Шакена Айманова",
        T("Kazakhfilm Studios", "Казахфильм", "Қазақфильм"),
        "Национальная киностудия Казахстана: павильоны, костюмерные и реквизиторские цеха, "
        "постпродакшн. Открыты для копродукций и сервисных съёмок иностранных компаний.",
        "ru",
        ("59.11", "59.12"),
        "production-company",
        size="large",
        year=1934,
        working_languages=("ru", "kk", "en"),
    ),
    Flagship(
        "astana-hub",
        "astana",
        "public_body",
        "Корпоративный фонд «Международный технопарк IT-стартапов «Astana Hub»",
        T("Astana Hub", "Astana Hub", "Astana Hub"),
        "International technology park for IT start-ups: tax-free regime for residents, "
        "accelerators and a visa programme for foreign founders.",
        "en",
        ("84.13", "62.01"),
        "public-agency",
        size="medium",
        year=2018,
        working_languages=("en", "ru", "kk"),
    ),
    Flagship(
        "kostanay-chamber",
        "kostanay",
        "public_body",
        "Палата предпринимателей Костанайской области",
        T(
            "Kostanay Region Chamber of Entrepreneurs",
            "Палата предпринимателей Костанайской области",
            "Қостанай облысының кәсіпкерлер палатасы",
        ),
        "Региональная палата предпринимателей: защита интересов бизнеса, сопровождение "
        "экспортёров, бизнес-миссии. Координируем участие костанайских компаний в "
        "программе с Йоркширом.",
        "ru",
        ("94.11",),
        "association",
        size="medium",
        year=2013,
    ),
    Flagship(
        "karaganda-chamber",
        "karaganda",
        "public_body",
        "Қарағанды облысының кәсіпкерлер палатасы",
        T(
            "Karaganda Region Chamber of Entrepreneurs",
            "Палата предпринимателей Карагандинской области",
            "Қарағанды облысының кәсіпкерлер палатасы",
        ),
        "Өңірлік кәсіпкерлер палатасы: бизнестің мүддесін қорғау, экспорттаушыларды "
        "сүйемелдеу, шетелдік серіктестермен кездесулер ұйымдастыру.",
        "kk",
        ("94.11",),
        "association",
        size="medium",
        year=2013,
    ),
    Flagship(
        "north-farmers",
        "north-kazakhstan",
        "ngo",
        "ОЮЛ «Союз фермеров Северного Казахстана»",
        T(
            "North Kazakhstan Farmers' Union",
            "Союз фермеров Северного Казахстана",
            "Солтүстік Қазақстан фермерлер одағы",
        ),
        "Объединяем более 300 фермерских хозяйств: закупка техники и семян, обучение, "
        "защита интересов аграриев. Ищем партнёров в британских фермерских организациях.",
        "ru",
        ("94.11", "01.61"),
        "association",
        size="small",
        year=2005,
    ),
    Flagship(
        "filmmakers-union",
        "almaty-city",
        "ngo",
        "ОО «Союз кинематографистов Казахстана»",
        T(
            "Union of Filmmakers of Kazakhstan",
            "Союз кинематографистов Казахстана",
            "Қазақстан кинематографистер одағы",
        ),
        "Творческий союз режиссёров, сценаристов, операторов и продюсеров Казахстана; "
        "проводим кинофестивали и мастер-классы.",
        "ru",
        ("94.12", "59.11"),
        "association",
        size="small",
        year=1958,
    ),
)

FLAGSHIPS = (KOSTANAY_MEAT, STEPPE_LIGHT, *UNIVERSITIES, *PUBLIC_BODIES)
