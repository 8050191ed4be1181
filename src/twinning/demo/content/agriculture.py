"""Agriculture: grain and livestock in the steppe, machinery and genetics from Yorkshire."""

from twinning.demo.content.blocks import Archetype, Product, T
from twinning.demo.content.food import INVEST, P

ARCHETYPES = (
    Archetype(
        key="grain-farm",
        sector="agriculture",
        sides="KZ",
        kind="company",
        brands=(
            T("Agro", "Агро", "Агро"),
            T("Astyk", "Астык", "Астық"),
            T("Grain", "Зерно", "Дән"),
            T("Dala", "Дала", "Дала"),
        ),
        who=T("grain producer", "зернопроизводящее хозяйство", "астық өндіруші шаруашылық"),
        about=T(
            "Arable farm of 28,000 hectares growing hard spring wheat, barley, flax and "
            "sunflower under no-till, with its own elevator and seed-cleaning line.",
            "Сельхозпредприятие: 28 тыс. га пашни, яровая твёрдая пшеница, ячмень, лён и "
            "подсолнечник, нулевая технология, собственный элеватор на 30 тыс. тонн.",
            "Ауыл шаруашылығы кәсіпорны: 28 мың гектар егістік, жаздық қатты бидай, арпа, зығыр "
            "және күнбағыс, нөлдік технология, 30 мың тонналық өз элеваторымыз бар.",
        ),
        nace=("01.11", "01.61", "01.63", "46.21"),
        offers=(
            P(
                "hard spring wheat, class 3",
                "пшеница твёрдая яровая, 3 класс",
                "қатты жаздық бидай, 3-сынып",
                "01.11",
            ),
            P("malting barley", "пивоваренный ячмень", "сыра қайнатуға арналған арпа", "01.11"),
            P("flax seed for export", "семена льна на экспорт", "экспортқа зығыр тұқымы", "01.11"),
        ),
        requests=(
            P(
                "precision-farming technology and yield mapping",
                "технологии точного земледелия и картирование урожайности",
                "дәл егіншілік технологиялары және өнімділік картасы",
                "01.61",
            ),
            P(
                "grain dryers and storage silos",
                "зерносушилки и силосы для хранения зерна",
                "астық кептіргіштер мен астық сақтауға арналған силостар",
                "28.30",
            ),
            P(
                "leasing of combine harvesters",
                "лизинг зерноуборочных комбайнов",
                "астық жинайтын комбайндар лизингі",
                "64.91",
            ),
            P(
                "an oilseed-crushing plant for flax and sunflower",
                "завод по переработке льна и подсолнечника",
                "зығыр мен күнбағысты өңдейтін зауыт",
                "10.41",
                types=INVEST,
            ),
        ),
        types=(
            "business_offer",
            "business_request",
            "technology_request",
            "investment_request",
            "distribution",
        ),
        sizes=("small", "medium", "large"),
        weight=4,
    ),
    Archetype(
        key="livestock-farm",
        sector="agriculture",
        sides="KZ",
        kind="company",
        brands=(
            T("Beef Farm", "Мал", "Мал"),
            T("Livestock", "Животновод", "Мал шаруашылығы"),
            T("Steppe Cattle", "Степной бык", "Дала бұқасы"),
        ),
        who=T("beef cattle farm", "хозяйство мясного скотоводства", "етті мал шаруашылығы"),
        about=T(
            "Beef cattle farm with 4,500 head of Kazakh Whiteheaded and Angus cattle, a feedlot "
            "for 3,000 head and 20,000 hectares of pasture.",
            "Хозяйство мясного направления: 4 500 голов КРС казахской белоголовой породы и "
            "ангусов, откормочная площадка на 3 000 голов, 20 тыс. га пастбищ.",
            "Етті бағыттағы шаруашылық: қазақтың ақбас сиыры мен ангус тұқымының 4 500 басы, "
            "3 000 басқа арналған бордақылау алаңы, 20 мың гектар жайылым.",
        ),
        nace=("01.42", "01.45", "01.62"),
        offers=(
            P(
                "live cattle for fattening",
                "бычки на доращивание и откорм",
                "бордақылауға арналған тайыншалар",
                "01.42",
            ),
            P(
                "pedigree Kazakh Whiteheaded heifers",
                "племенные тёлки казахской белоголовой породы",
                "қазақтың ақбас тұқымды асыл тұқымды құнажындары",
                "01.42",
            ),
        ),
        requests=(
            P(
                "Aberdeen Angus and Hereford breeding bulls",
                "племенные быки абердин-ангусской и герефордской пород",
                "абердин-ангус және герефорд тұқымды асыл тұқымды бұқалар",
                "01.62",
            ),
            P(
                "frozen semen and embryos",
                "замороженное семя и эмбрионы",
                "мұздатылған ұрық және эмбриондар",
                "01.62",
            ),
            P(
                "feedlot management training",
                "обучение управлению откормочной площадкой",
                "бордақылау алаңын басқаруға оқыту",
                "85.59",
                types=("business_request",),
            ),
            P(
                "a 5,000-head feedlot",
                "откормочная площадка на 5 000 голов",
                "5 000 басқа арналған бордақылау алаңы",
                "01.42",
                types=INVEST,
            ),
        ),
        types=("business_request", "technology_request", "investment_request", "business_offer"),
        sizes=("small", "medium"),
        weight=3,
    ),
    Archetype(
        key="genetics",
        sector="agriculture",
        sides="UK",
        kind="company",
        brands=(T("Genetics"), T("Livestock Genetics"), T("Pedigree Cattle"), T("Breeders")),
        who=T("livestock genetics supplier"),
        about=T(
            "Pedigree Aberdeen Angus, Hereford and Texel breeders exporting live animals, semen "
            "and embryos; health-tested herds and full export paperwork handled in-house."
        ),
        nace=("01.42", "01.62", "01.45"),
        offers=(
            Product(T("Aberdeen Angus and Hereford breeding bulls"), "01.62"),
            Product(T("frozen semen and embryos from proven sires"), "01.62"),
            Product(T("Texel and Suffolk rams for crossbreeding"), "01.45"),
            Product(T("herd-health and breeding programme advice"), "01.62"),
        ),
        requests=(Product(T("an import partner for breeding livestock"), "46.23"),),
        types=("business_offer", "technology_offer", "partnership", "distribution"),
        weight=2,
    ),
    Archetype(
        key="agri-machinery",
        sector="agriculture",
        sides="UK",
        kind="company",
        brands=(
            T("Agricultural Engineering"),
            T("Farm Machinery"),
            T("Grain Systems"),
            T("Agri Equipment"),
        ),
        who=T("agricultural machinery manufacturer"),
        about=T(
            "We build grain dryers, storage silos, seed drills and sprayers designed for "
            "large arable farms, with telemetry built into every machine."
        ),
        nace=("28.30", "46.61", "33.12"),
        offers=(
            Product(T("continuous-flow grain dryers"), "28.30"),
            Product(T("steel grain storage silos with aeration"), "28.30"),
            Product(T("precision seed drills for no-till farming"), "28.30"),
            Product(T("self-propelled crop sprayers"), "28.30"),
        ),
        requests=(Product(T("a dealer and service centre in northern Kazakhstan"), "46.61"),),
        types=("business_offer", "distribution", "local_content", "technology_offer"),
        weight=2,
    ),
    Archetype(
        key="agritech",
        sector="agriculture",
        sides="UK KZ",
        kind="company",
        brands=(
            T("AgriTech", "АгриТех", "АгроТех"),
            T("Crop Insight", "Агроаналитика", "Агроталдау"),
            T("Field Data", "Поле Дата", "Алқап Дерек"),
        ),
        who=T("agri-tech company", "агротех-компания", "агротехнологиялық компания"),
        about=T(
            "Satellite and drone crop monitoring, soil sensors and variable-rate maps for "
            "arable farms; our software runs on farms in six countries.",
            "Спутниковый и дроновый мониторинг посевов, датчики влажности почвы, карты "
            "дифференцированного внесения удобрений для хозяйств Северного Казахстана.",
            "Егістікті спутник пен дрон арқылы бақылау, топырақ ылғалдылығының датчиктері, "
            "тыңайтқыштарды сараланған енгізу карталары.",
        ),
        nace=("62.01", "72.19", "01.61"),
        offers=(
            P(
                "satellite crop monitoring service",
                "спутниковый мониторинг посевов",
                "егістікті спутниктік бақылау қызметі",
                "01.61",
            ),
            P(
                "wireless soil-moisture sensors",
                "беспроводные датчики влажности почвы",
                "топырақ ылғалдылығының сымсыз датчиктері",
                "72.19",
            ),
        ),
        requests=(
            P(
                "pilot farms for variable-rate fertilising",
                "пилотные хозяйства для дифференцированного внесения удобрений",
                "тыңайтқыштарды сараланған енгізуге арналған пилоттық шаруашылықтар",
                "01.61",
            ),
            P(
                "a seed round to scale our crop-monitoring platform",
                "посевной раунд для масштабирования платформы мониторинга посевов",
                "егістікті бақылау платформасын кеңейтуге арналған посевтік раунд",
                "62.01",
                types=INVEST,
            ),
        ),
        types=("technology_offer", "technology_request", "partnership", "investment_request"),
        sizes=("micro", "small"),
        weight=2,
    ),
)
