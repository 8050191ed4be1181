"""Hand-written Yorkshire organisations: the key stories, universities and public bodies.

Universities and public bodies keep their real names so the demo is recognisable; every registry
number, person, e-mail address and telephone number attached to them is fictional.
"""

from twinning.demo.content.blocks import Flagship, StoryOpportunity, T

AIRE_VALLEY = Flagship(
    key="aire-valley",
    region="leeds",
    kind="company",
    legal_name="Aire Valley Meat Machinery Ltd",
    name=T("Aire Valley Meat Machinery", "Эйр Вэлли Мит Машинери"),
    description=(
        "Aire Valley Meat Machinery has built meat-processing equipment in Leeds since 1987: "
        "bowl cutters, mincers, vacuum fillers, deboning tables and complete beef and lamb lines "
        "for plants processing 50 to 400 head a day. We design, install and commission the lines "
        "ourselves and train the client's staff. About a third of our output is exported, mostly "
        "to the Gulf and Central Europe; Kazakhstan, with its growing beef exports, is our next "
        "market and we are looking for plants to work with and for a service partner."
    ),
    language="en",
    nace=("28.93", "33.12", "46.69"),
    archetype="meat-machinery",
    size="small",
    year=1987,
    working_languages=("en", "ru"),
    opportunities=(
        StoryOpportunity(
            type="business_offer",
            title="Leeds manufacturer offers meat-processing lines for beef and lamb plants",
            summary=(
                "Aire Valley Meat Machinery supplies complete slaughter, deboning and "
                "further-processing lines (NACE 28.93) for plants of 50–400 head a day, with "
                "installation, training and 15 years of spare parts."
            ),
            description=(
                "We offer turnkey and modular equipment for beef and lamb processing: carcass "
                "splitting saws, deboning and trimming tables, bowl cutters, mincers, vacuum "
                "fillers and smoking chambers. All machines meet UK and EU hygiene rules and can "
                "be supplied with halal line layouts. We are looking for meat plants in "
                "Kazakhstan that plan to modernise or expand, particularly in the Kostanay, "
                "Akmola and North Kazakhstan regions, and can visit sites with our engineer. "
                "Financing through UK Export Finance is possible."
            ),
            nace=("28.93",),
            target_regions=("kostanay", "akmola", "north-kazakhstan"),
        ),
        StoryOpportunity(
            type="local_content",
            title="Partner wanted to assemble and service meat-processing machines in Kazakhstan",
            summary=(
                "We want to assemble our deboning tables and mincers in Kazakhstan with a "
                "local engineering firm, to meet local-content requirements and service "
                "clients quickly."
            ),
            description=(
                "The partner would assemble stainless-steel frames and tables from our drawings, "
                "stock spare parts and provide first-line service. We provide training in Leeds, "
                "tooling and a long-term supply agreement."
            ),
            nace=("28.93", "33.12"),
            status="draft",
        ),
    ),
)

BRONTE_MOOR = Flagship(
    key="bronte-moor",
    region="bradford",
    kind="studio",
    legal_name="Brontë Moor Pictures Ltd",
    name=T("Brontë Moor Pictures"),
    description=(
        "Independent drama and documentary producer based in Bradford, the world's first UNESCO "
        "City of Film. Our last three series were shot on the moors above Haworth and sold to "
        "broadcasters in 20 countries. We are developing a historical drama set along the Silk "
        "Road and want to shoot part of it in Kazakhstan, using the 30% production rebate."
    ),
    language="en",
    nace=("59.11", "59.12"),
    archetype="production-company",
    size="small",
    year=2009,
    opportunities=(
        StoryOpportunity(
            type="film_coproduction",
            title="Bradford producer seeks Kazakh co-producer for a Silk Road drama series",
            summary=(
                "Six-part historical drama, budget £9m, four weeks of location shooting in "
                "Kazakhstan planned for spring; we seek a co-producer and production-services "
                "partner to apply for the 30% rebate."
            ),
            description=(
                "The series follows a Yorkshire wool merchant travelling to the steppe in the "
                "1860s. A UK broadcaster has commissioned development. We need locations in the "
                "Almaty region and Turkistan, local crew and horses, and a partner to co-produce "
                "under the Kazakh cinematography law so that qualifying local spend is "
                "reimbursed."
            ),
            nace=("59.11",),
            target_regions=("almaty-city", "almaty-region", "turkistan"),
        ),
    ),
)

UNIVERSITIES = (
    Flagship(
        "leeds-university",
        "leeds",
        "university",
        "University of Leeds",
        T("University of Leeds", "Университет Лидса", "Лидс университеті"),
        "Research-intensive university of 39,000 students and home to one of the largest "
        "communities of Kazakh students in the UK. Strengths in food science, engineering, "
        "business and transport; partner of universities in Almaty and Astana.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=1904,
    ),
    Flagship(
        "sheffield-university",
        "sheffield",
        "university",
        "The University of Sheffield",
        T("University of Sheffield", "Шеффилдский университет", "Шеффилд университеті"),
        "Research university known for materials, advanced manufacturing and energy; "
        "works with industry through its research centres in Sheffield and Rotherham.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=1905,
    ),
    Flagship(
        "york-university",
        "york",
        "university",
        "University of York",
        T("University of York", "Йоркский университет", "Йорк университеті"),
        "Collegiate research university: biology and agri-food, environment, computer "
        "science and film and television production.",
        "en",
        ("85.42", "72.11"),
        "university",
        year=1963,
    ),
    Flagship(
        "bradford-university",
        "bradford",
        "university",
        "University of Bradford",
        T("University of Bradford", "Брадфордский университет", "Брэдфорд университеті"),
        "Technology university with strengths in engineering, pharmacy, management and "
        "peace studies; a School of Management with many Central Asian alumni.",
        "en",
        ("85.42",),
        "university",
        year=1966,
    ),
    Flagship(
        "hull-university",
        "hull",
        "university",
        "University of Hull",
        T("University of Hull", "Университет Халла", "Халл университеті"),
        "University on the Humber with a focus on renewable energy, logistics and "
        "the net-zero economy; home of the Energy and Environment Institute.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=1927,
    ),
    Flagship(
        "leeds-beckett",
        "leeds",
        "university",
        "Leeds Beckett University",
        T("Leeds Beckett University", "Университет Лидс Беккет", "Лидс Беккет университеті"),
        "Applied university with a large business school, sport, and the Northern Film "
        "School; many courses taught with industry placements.",
        "en",
        ("85.42", "85.59"),
        "university",
        year=1970,
    ),
    Flagship(
        "sheffield-hallam",
        "sheffield",
        "university",
        "Sheffield Hallam University",
        T(
            "Sheffield Hallam University",
            "Университет Шеффилд Халлам",
            "Шеффилд Халлам университеті",
        ),
        "One of the UK's largest universities, focused on applied research, food "
        "engineering (National Centre of Excellence for Food Engineering) and teacher "
        "training.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=1969,
    ),
    Flagship(
        "huddersfield-university",
        "kirklees",
        "university",
        "University of Huddersfield",
        T("University of Huddersfield", "Хаддерсфилдский университет", "Хаддерсфилд университеті"),
        "University with strengths in precision engineering, rail and music technology; "
        "a Turing Network and 3M Buckley Innovation Centre on campus.",
        "en",
        ("85.42", "72.19"),
        "university",
        year=1992,
    ),
    Flagship(
        "york-st-john",
        "york",
        "university",
        "York St John University",
        T("York St John University", "Университет Йорк-Сент-Джон"),
        "University in the centre of York: business, languages, creative arts and "
        "tourism management; summer schools for international students.",
        "en",
        ("85.42",),
        "university",
        year=1841,
        size="medium",
    ),
    Flagship(
        "amrc",
        "rotherham",
        "university",
        "Advanced Manufacturing Research Centre (University of Sheffield)",
        T(
            "Advanced Manufacturing Research Centre",
            "Центр передовых производственных исследований",
        ),
        "Applied research centre working with manufacturers on machining, casting, "
        "additive manufacturing and digital factories.",
        "en",
        ("72.19", "71.12"),
        "university",
        year=2001,
        size="medium",
        registry="",
    ),
)

PUBLIC_BODIES = (
    Flagship(
        "leeds-chamber",
        "leeds",
        "public_body",
        "Leeds Chamber of Commerce",
        T("Leeds Chamber of Commerce", "Торговая палата Лидса", "Лидс сауда палатасы"),
        "Business membership organisation for Leeds firms: export documentation, trade "
        "missions and international introductions. We lead the Yorkshire side of the "
        "twinning programme.",
        "en",
        ("94.11", "82.30"),
        "association",
        size="small",
        year=1785,
        working_languages=("en", "ru"),
    ),
    Flagship(
        "sheffield-chamber",
        "sheffield",
        "public_body",
        "Sheffield Chamber of Commerce and Industry",
        T("Sheffield Chamber of Commerce and Industry", "Торгово-промышленная палата Шеффилда"),
        "Supports Sheffield City Region businesses to trade internationally: export "
        "documents, training and trade missions.",
        "en",
        ("94.11",),
        "association",
        size="small",
        year=1857,
    ),
    Flagship(
        "hull-chamber",
        "hull",
        "public_body",
        "Hull and Humber Chamber of Commerce",
        T("Hull and Humber Chamber of Commerce", "Торговая палата Халла и Хамбера"),
        "Chamber for the Humber ports and energy estuary; export documentation and "
        "international trade support.",
        "en",
        ("94.11",),
        "association",
        size="small",
        year=1837,
    ),
    Flagship(
        "wyca",
        "leeds",
        "public_body",
        "West Yorkshire Combined Authority",
        T("West Yorkshire Combined Authority", "Объединённая администрация Западного Йоркшира"),
        "The combined authority for Bradford, Calderdale, Kirklees, Leeds and Wakefield: "
        "inward investment, skills and trade, led by the Mayor of West Yorkshire.",
        "en",
        ("84.11", "84.13"),
        "public-agency",
        year=2014,
        registry="",
    ),
    Flagship(
        "leeds-council",
        "leeds",
        "public_body",
        "Leeds City Council",
        T("Leeds City Council", "Городской совет Лидса", "Лидс қалалық кеңесі"),
        "Local authority for the city of Leeds; the Lord Mayor's office hosts official "
        "visits and the civic reception of the twinning programme.",
        "en",
        ("84.11",),
        "public-agency",
        year=1974,
        registry="",
    ),
    Flagship(
        "screen-yorkshire",
        "leeds",
        "ngo",
        "Screen Yorkshire",
        T("Screen Yorkshire", "Скрин Йоркшир"),
        "The screen agency for Yorkshire and the Humber: production support, locations "
        "database, crew and facilities, and investment in film and TV made in the region.",
        "en",
        ("59.11", "84.13"),
        "association",
        size="small",
        year=2002,
    ),
    Flagship(
        "visit-york",
        "york",
        "public_body",
        "Visit York",
        T("Visit York", "Визит Йорк"),
        "Tourism board for York: destination marketing, group travel and the conference bureau.",
        "en",
        ("79.90", "84.13"),
        "public-agency",
        size="small",
        year=2008,
    ),
    Flagship(
        "yorkshire-kazakh-society",
        "leeds",
        "ngo",
        "Yorkshire Kazakh Society",
        T("Yorkshire Kazakh Society", "Йоркширское казахское общество", "Йоркшир қазақ қоғамы"),
        "Community association of Kazakh students, graduates and families in Yorkshire. "
        "We organise Nauryz, film nights and careers evenings, and help newcomers settle.\n\n"
        "Объединяем казахстанских студентов и выпускников в Йоркшире, проводим Наурыз, "
        "кинопоказы и карьерные встречи.",
        "en",
        ("94.99",),
        "association",
        size="micro",
        year=2016,
        working_languages=("en", "ru", "kk"),
    ),
)

DIASPORA_FIRMS = (
    Flagship(
        "silk-road-trade-house",
        "leeds",
        "company",
        "Silk Road Trade House Ltd",
        T("Silk Road Trade House", "Торговый дом «Шёлковый путь»", "«Жібек жолы» сауда үйі"),
        "Торговый дом в Лидсе: экспорт британского оборудования и продуктов питания в "
        "Казахстан и Центральную Азию, поиск поставщиков, таможенное оформление, "
        "сопровождение сделок на русском и английском языках.",
        "ru",
        ("46.19", "46.69", "70.22"),
        "trade-consultancy",
        size="micro",
        year=2014,
        working_languages=("en", "ru"),
    ),
    Flagship(
        "eurasia-food-import",
        "bradford",
        "company",
        "Eurasia Food Import Ltd",
        T("Eurasia Food Import", "Евразия Фуд Импорт"),
        "Импорт продуктов из Казахстана и Центральной Азии для магазинов и ресторанов "
        "Великобритании: конина, казы, курт, мёд, кондитерские изделия. Ищем новых "
        "производителей с сертификатами для экспорта в Великобританию.",
        "ru",
        ("46.38", "46.32"),
        "trade-consultancy",
        size="micro",
        year=2018,
        working_languages=("en", "ru"),
        opportunities=(
            StoryOpportunity(
                type="business_request",
                title="Ищем производителей конины и казы с правом экспорта в Великобританию",
                summary="Импортёр из Брадфорда ищет мясоперерабатывающие предприятия Казахстана, "
                "включённые в список экспортёров в Великобританию, для регулярных поставок "
                "казы, шужука и копчёной конины.",
                description="Объём — от 2 тонн в месяц, упаковка под вакуумом, маркировка на "
                "английском. Готовы помочь с сертификацией и логистикой через Средний коридор.",
                nace=("10.13", "46.32"),
                target_regions=("kostanay", "pavlodar", "almaty-region"),
            ),
        ),
    ),
    Flagship(
        "altyn-consulting",
        "sheffield",
        "company",
        "Altyn Consulting Ltd",
        T("Altyn Consulting", "Алтын Консалтинг", "Алтын Консалтинг"),
        "Sheffield consultancy founded by Kazakh graduates of Sheffield universities: we "
        "help British engineering firms enter Kazakhstan and Kazakh firms buy British "
        "technology. Работаем на английском, русском и казахском.",
        "en",
        ("70.22", "74.30"),
        "trade-consultancy",
        size="micro",
        year=2019,
        working_languages=("en", "ru", "kk"),
    ),
)

FLAGSHIPS = (AIRE_VALLEY, BRONTE_MOOR, *UNIVERSITIES, *PUBLIC_BODIES, *DIASPORA_FIRMS)
