"""Film and television: producers, location services under the 30% rebate, post-production."""

from twinning.demo.content.blocks import Archetype, Product, T
from twinning.demo.content.food import KZ, P

ARCHETYPES = (
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
)
