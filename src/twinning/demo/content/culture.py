"""Tourism, film and television, education."""

from twinning.demo.content.blocks import Archetype, Product, T
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
    Archetype(
        key="production-company",
        sector="film",
        sides="UK KZ",
        kind="studio",
        brands=(
            T("Films", "Фильм", "Фильм"),
            T("Pictures", "Пикчерс", "Пикчерс"),
            T("Productions", "Продакшн", "Продакшн"),
            T("Studios", "Студия", "Студиясы"),
        ),
        who=T("film and TV production company", "кинокомпания", "кинокомпания"),
        about=T(
            "Independent film and television production company: drama, factual and "
            "documentary for UK broadcasters and streamers.",
            "Кинокомпания полного цикла: художественные фильмы, сериалы, документальное кино; "
            "сотрудничаем с телеканалами и онлайн-платформами Казахстана.",
            "Толық циклді кинокомпания: көркем фильмдер, телехикаялар, деректі кино; "
            "Қазақстанның телеарналарымен және онлайн-платформаларымен жұмыс істейміз.",
        ),
        nace=("59.11", "59.12", "59.13"),
        offers=(
            P(
                "co-production of a feature documentary on the Great Steppe",
                "копродукция документального фильма о Великой степи",
                "Ұлы дала туралы деректі фильмнің бірлескен өндірісі",
                "59.11",
                KZ,
            ),
            P(
                "co-production of a drama series",
                "копродукция драматического сериала",
                "драмалық телехикаяның бірлескен өндірісі",
                "59.11",
            ),
            P(
                "production services for foreign crews",
                "продакшн-сервис для иностранных съёмочных групп",
                "шетелдік түсірілім топтарына продакшн-сервис",
                "59.11",
            ),
        ),
        requests=(
            P(
                "a co-producer for a historical drama",
                "копродюсер для исторической драмы",
                "тарихи драмаға бірлескен продюсер",
                "59.11",
            ),
            P(
                "UK distribution for a finished feature",
                "дистрибуция готового фильма в Великобритании",
                "дайын фильмді Ұлыбританияда тарату",
                "59.13",
                KZ,
            ),
        ),
        types=("film_coproduction", "partnership", "business_request"),
        sizes=("micro", "small", "small"),
        weight=4,
    ),
    Archetype(
        key="location-services",
        sector="film",
        sides="KZ",
        kind="studio",
        brands=(
            T("Location Services", "Локейшн Сервис", "Локейшн Сервис"),
            T("Film Service", "Фильм Сервис", "Фильм Сервис"),
        ),
        who=T(
            "film location service",
            "локейшн-сервис для кино",
            "кино түсіруге арналған локейшн-сервис",
        ),
        about=T(
            "Location scouting, permits, fixers and crew for shoots in the steppe, the Tien "
            "Shan and the Caspian coast; we prepare the paperwork for the 30% rebate.",
            "Подбор локаций, разрешения на съёмку, местные группы и техника для съёмок в степи, "
            "горах и на Каспии; готовим документы для возмещения 30% затрат.",
            "Локация іріктеу, түсірілімге рұқсаттар, жергілікті топтар және техника; 30% "
            "шығынды өтеу үшін құжаттарды дайындаймыз.",
        ),
        nace=("59.11", "77.39", "82.99"),
        offers=(
            P(
                "location scouting in the steppe and mountains",
                "подбор локаций в степи и горах",
                "далада және тауда локация іріктеу",
                "59.11",
            ),
            P(
                "filming permits and rebate paperwork",
                "разрешения на съёмку и документы на возмещение 30%",
                "түсірілімге рұқсат және 30% өтемақы құжаттары",
                "82.99",
            ),
            P(
                "camera, grip and lighting rental",
                "аренда камер, грипа и света",
                "камера, грип және жарық жабдықтарын жалға беру",
                "77.39",
            ),
        ),
        requests=(),
        types=("film_coproduction", "business_offer"),
        sizes=("micro", "small"),
        weight=2,
    ),
    Archetype(
        key="post-production",
        sector="film",
        sides="UK",
        kind="studio",
        brands=(T("Post"), T("Post Production"), T("VFX"), T("Sound")),
        who=T("post-production studio"),
        about=T(
            "Post-production house: offline and online editing, colour grading, VFX and "
            "Dolby Atmos mixing for drama and documentary."
        ),
        nace=("59.12", "59.20"),
        offers=(
            Product(T("colour grading and finishing"), "59.12"),
            Product(T("visual effects for drama series"), "59.12"),
            Product(T("sound design and Dolby Atmos mixing"), "59.20"),
        ),
        requests=(Product(T("co-productions qualifying for the Kazakh 30% rebate"), "59.11"),),
        types=("film_coproduction", "business_offer", "partnership"),
        sizes=("micro", "small"),
        weight=2,
    ),
    Archetype(
        key="language-school",
        sector="education",
        sides="UK KZ",
        kind="company",
        brands=(
            T("English School", "Инглиш Скул", "Инглиш Скул"),
            T("Language Centre", "Языковой центр", "Тіл орталығы"),
            T("Academy", "Академия", "Академиясы"),
        ),
        who=T("language school", "языковая школа", "тіл мектебі"),
        about=T(
            "British Council-accredited English school with summer programmes, IELTS "
            "preparation and homestays with local families.",
            "Языковая школа: английский для взрослых и детей, подготовка к IELTS, "
            "программы обучения за рубежом.",
            "Тіл мектебі: ересектер мен балаларға ағылшын тілі, IELTS-ке дайындық, шетелде "
            "оқу бағдарламалары.",
        ),
        nace=("85.59", "85.60"),
        offers=(
            P(
                "IELTS preparation courses",
                "курсы подготовки к IELTS",
                "IELTS-ке дайындық курстары",
                "85.59",
                KZ,
            ),
            P(
                "summer English programmes in Yorkshire",
                "летние программы английского в Йоркшире",
                "Йоркширдегі жазғы ағылшын тілі бағдарламалары",
                "85.59",
                UK,
            ),
        ),
        requests=(
            P(
                "a partner school for student exchanges",
                "школа-партнёр для обмена студентами",
                "студенттер алмасуға арналған серіктес мектеп",
                "85.59",
            ),
        ),
        types=("partnership", "business_offer", "business_request"),
        sizes=("micro", "small"),
        weight=2,
    ),
    Archetype(
        key="training-provider",
        sector="education",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Training", "Тренинг", "Тренинг"),
            T("Skills", "Скиллс", "Дағды"),
            T("College", "Колледж", "Колледжі"),
        ),
        who=T("vocational training provider", "учебный центр", "оқу орталығы"),
        about=T(
            "Vocational training and apprenticeships in engineering, welding, food safety and "
            "health and safety (NEBOSH, IOSH).",
            "Учебный центр: профессиональная подготовка сварщиков, электриков и операторов "
            "пищевых производств, повышение квалификации по охране труда.",
            "Оқу орталығы: дәнекерлеушілер, электриктер мен тамақ өндірісі операторларын "
            "кәсіптік даярлау, еңбекті қорғау бойынша біліктілікті арттыру.",
        ),
        nace=("85.32", "85.59"),
        offers=(
            P(
                "welding and NDT certification courses",
                "курсы сварщиков и дефектоскопистов",
                "дәнекерлеушілер мен дефектоскопистер курстары",
                "85.32",
                types=("business_offer", "partnership"),
            ),
            P(
                "food-safety and HACCP training",
                "обучение пищевой безопасности и ХАССП",
                "тамақ қауіпсіздігі және ХАССП бойынша оқыту",
                "85.59",
                types=("business_offer", "partnership"),
            ),
            P(
                "dual-training curriculum for engineering apprentices",
                "дуальное обучение для инженерных специальностей",
                "инженерлік мамандықтар үшін дуалды оқыту",
                "85.32",
            ),
        ),
        requests=(
            P(
                "internationally recognised qualifications for our graduates",
                "международно признанные квалификации для выпускников",
                "түлектерімізге халықаралық деңгейде танылған біліктіліктер",
                "85.32",
                KZ,
            ),
        ),
        types=("partnership", "business_offer", "technology_offer", "business_request"),
        weight=2,
    ),
)
