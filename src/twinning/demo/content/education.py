"""Education: language schools and vocational training (universities are flagships)."""

from twinning.demo.content.blocks import Archetype, T
from twinning.demo.content.food import KZ, UK, P

ARCHETYPES = (
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
