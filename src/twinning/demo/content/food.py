"""Meat and food processing: the sector the twinning started from."""

from twinning.demo.content.blocks import Archetype, Product, T


def P(  # short on purpose: it starts every row of the product tables
    en: str, ru: str, kk: str, nace: str, sides: str = "UK KZ", types: tuple[str, ...] = ()
) -> Product:
    return Product(T(en, ru, kk), nace, sides, types)


KZ = "KZ"  # a product only Kazakh organisations offer or want
UK = "UK"
INVEST = ("investment_request",)


ARCHETYPES = (
    Archetype(
        key="meat-machinery",
        sector="food",
        sides="UK",
        kind="company",
        brands=(
            T("Meat Machinery"),
            T("Food Machinery"),
            T("Butchery Systems"),
            T("Process Engineering"),
        ),
        who=T("manufacturer of meat-processing machinery"),
        about=T(
            "We design and build meat-processing machinery — bowl cutters, mincers, vacuum "
            "fillers and smoking chambers — for craft butchers and mid-size plants. Every line "
            "is commissioned by our own engineers and supported with spare parts for 15 years."
        ),
        nace=("28.93", "33.12", "46.69"),
        offers=(
            Product(T("bowl cutters and industrial mincers"), "28.93"),
            Product(T("vacuum fillers and clipping machines"), "28.93"),
            Product(T("complete beef and lamb deboning lines"), "28.93"),
            Product(T("smoking and cooking chambers"), "28.93"),
            Product(T("carcass-splitting saws and hygiene stations"), "28.93"),
            Product(T("refurbished meat-processing equipment with warranty"), "46.69"),
        ),
        requests=(Product(T("a service and spare-parts partner in Kazakhstan"), "33.12"),),
        types=(
            "business_offer",
            "technology_offer",
            "distribution",
            "local_content",
            "partnership",
        ),
        sizes=("small", "medium"),
        weight=3,
    ),
    Archetype(
        key="meat-plant",
        sector="food",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Meats", "Мит", "Мит"),
            T("Meat Products", "Мясопродукт", "Ет өнімдері"),
            T("Beef", "Биф", "Биф"),
            T("Foods", "Фудс", "Фудс"),
        ),
        who=T("meat processing plant", "мясоперерабатывающее предприятие", "ет өңдеу кәсіпорны"),
        about=T(
            "Family-run abattoir and cutting plant supplying beef and lamb to butchers, caterers "
            "and supermarkets across the North. BRCGS AA-rated, halal lines available.",
            "Мясоперерабатывающее предприятие полного цикла: убой КРС и МРС, обвалка, "
            "производство полуфабрикатов и колбасных изделий. Работаем по стандартам ХАССП, "
            "есть халал-линия, поставляем продукцию в торговые сети Казахстана и России.",
            "Толық циклді ет өңдеу кәсіпорны: ірі және ұсақ малды сою, етті сүйектен ажырату, "
            "жартылай фабрикаттар мен шұжық өнімдерін өндіру. ХАССП стандарты бойынша жұмыс "
            "істейміз, халал желісі бар.",
        ),
        nace=("10.11", "10.13", "46.32", "01.42"),
        offers=(
            P(
                "chilled halal beef",
                "охлаждённая говядина халал",
                "салқындатылған халал сиыр еті",
                "10.11",
            ),
            P("lamb and mutton carcasses", "туши баранины", "қой етінің ұшалары", "10.11"),
            P("horse meat and kazy", "конина и казы", "жылқы еті мен қазы", "10.13", KZ),
            P(
                "smoked sausages and cured meats",
                "копчёные колбасы и деликатесы",
                "ысталған шұжықтар мен деликатестер",
                "10.13",
            ),
        ),
        requests=(
            P(
                "a modern beef deboning line",
                "современная линия обвалки говядины",
                "сиыр етін сүйектен ажырататын заманауи желі",
                "28.93",
            ),
            P(
                "blast-freezing and cold-storage equipment",
                "оборудование шоковой заморозки и холодильные камеры",
                "шоктық мұздату жабдығы мен тоңазытқыш камералар",
                "28.25",
            ),
            P(
                "consulting on export certification to the UK and EU",
                "консалтинг по экспортной сертификации для рынков Великобритании и ЕС",
                "Ұлыбритания мен ЕО нарығына экспорттық сертификаттау бойынша кеңес",
                "70.22",
                KZ,
            ),
            P(
                "vacuum skin-packaging lines",
                "линии вакуумной скин-упаковки",
                "вакуумдық скин-орау желілері",
                "28.29",
            ),
            P(
                "equipment for sausage production",
                "оборудование для колбасного цеха",
                "шұжық цехына арналған жабдық",
                "28.93",
            ),
            P(
                "a new beef deboning and packing hall",
                "новый цех обвалки и упаковки говядины",
                "сиыр етін сүйектен ажырату және орау жаңа цехы",
                "10.11",
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
        sizes=("small", "medium", "medium", "large"),
        weight=4,
    ),
    Archetype(
        key="dairy",
        sector="food",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Dairy", "Сүт", "Сүт"),
            T("Milk", "Милк", "Милк"),
            T("Creamery", "Молоко", "Сүт"),
        ),
        who=T("dairy", "молочный завод", "сүт зауыты"),
        about=T(
            "Farmhouse dairy making Yorkshire cheeses, yoghurt and butter from our own herd's "
            "milk. We supply delis and export through a London distributor.",
            "Молочный завод: пастеризованное молоко, кисломолочная продукция, сыры и "
            "традиционные напитки — кумыс и шубат. Перерабатываем до 60 тонн молока в сутки.",
            "Сүт зауыты: пастерленген сүт, қышқыл сүт өнімдері, ірімшік және дәстүрлі "
            "сусындар — қымыз бен шұбат. Тәулігіне 60 тоннаға дейін сүт өңдейміз.",
        ),
        nace=("10.51", "01.41", "46.33"),
        offers=(
            P(
                "kumys and shubat in bottles",
                "кумыс и шубат в бутылках",
                "бөтелкедегі қымыз бен шұбат",
                "10.51",
                KZ,
            ),
            P(
                "hard and semi-hard cheeses",
                "твёрдые и полутвёрдые сыры",
                "қатты және жартылай қатты ірімшіктер",
                "10.51",
            ),
            P(
                "dried kurt and dairy snacks",
                "курт и молочные снеки",
                "құрт және сүт снектері",
                "10.51",
                KZ,
            ),
        ),
        requests=(
            P(
                "cheese-making technology and a technologist",
                "технология сыроделия и технолог",
                "ірімшік жасау технологиясы мен технолог",
                "10.51",
            ),
            P(
                "milk collection and cooling tanks",
                "танки-охладители для сбора молока",
                "сүт жинауға арналған салқындатқыш резервуарлар",
                "28.93",
            ),
            P("dairy cattle genetics", "генетика молочного скота", "сүтті мал генетикасы", "01.41"),
        ),
        types=("business_offer", "business_request", "technology_request", "distribution"),
        weight=2,
    ),
    Archetype(
        key="milling",
        sector="food",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Mills", "Мельница", "Диірмен"),
            T("Flour", "Мука", "Ұн"),
            T("Grain Foods", "Зерно Продукт", "Астық Өнім"),
            T("Pasta", "Паста", "Паста"),
        ),
        who=T("flour mill and pasta maker", "мукомольное предприятие", "ұн тартатын кәсіпорын"),
        about=T(
            "Stone-ground and roller-milled flours for artisan and industrial bakeries; we blend "
            "strong wheat from the Wolds with imported durum.",
            "Мукомольный комбинат и макаронная фабрика: мука высшего и первого сорта из "
            "твёрдой пшеницы северного Казахстана, макаронные изделия, отруби.",
            "Ұн тартатын комбинат және макарон фабрикасы: Солтүстік Қазақстанның қатты "
            "бидайынан жоғары және бірінші сортты ұн, макарон өнімдері.",
        ),
        nace=("10.61", "10.73", "10.71", "46.21"),
        offers=(
            P(
                "premium wheat flour",
                "мука пшеничная высшего сорта",
                "жоғары сортты бидай ұны",
                "10.61",
            ),
            P(
                "durum pasta under private label",
                "макаронные изделия из твёрдой пшеницы под СТМ",
                "қатты бидайдан жасалған макарон өнімдері",
                "10.73",
            ),
            P("wheat bran for feed", "отруби пшеничные", "бидай кебегі", "10.61"),
        ),
        requests=(
            P(
                "roller mills and sifters",
                "вальцовые станки и рассевы",
                "валикті станоктар мен електер",
                "28.93",
            ),
            P(
                "a bakery technologist for a new plant",
                "технолог хлебопекарного производства",
                "нан пісіру өндірісінің технологы",
                "10.71",
            ),
        ),
        types=("business_offer", "business_request", "distribution", "technology_request"),
        weight=2,
    ),
    Archetype(
        key="cold-chain",
        sector="food",
        sides="UK KZ",
        kind="company",
        brands=(
            T("Cold Chain", "Колд Чейн", "Колд Чейн"),
            T("Cold Logistics", "Холод Логистик", "Салқын Логистика"),
            T("Reefer", "Рефтранс", "Рефтранс"),
        ),
        who=T(
            "cold-chain logistics company",
            "логистическая компания (холодовая цепь)",
            "суық тізбек логистикасы компаниясы",
        ),
        about=T(
            "Temperature-controlled warehousing and refrigerated road haulage for meat, dairy "
            "and pharma; 12,000 pallet spaces at -25 °C to +5 °C.",
            "Холодильные склады и рефрижераторные перевозки: 8 000 паллетомест, режимы от -25 до "
            "+5 °C, собственный парк из 40 рефрижераторов, маршруты Казахстан — Китай — Европа.",
            "Тоңазытқыш қоймалар мен рефрижераторлық тасымалдау: 8 000 паллет орны, -25-тен "
            "+5 °C-қа дейін, 40 рефрижератордан тұратын өз паркіміз бар.",
        ),
        nace=("52.10", "49.41", "52.29"),
        offers=(
            P(
                "refrigerated road freight Kazakhstan — Europe",
                "рефрижераторные перевозки Казахстан — Европа",
                "Қазақстан — Еуропа рефрижераторлық тасымалдау",
                "49.41",
                KZ,
            ),
            P(
                "cold-storage space for meat and dairy",
                "холодильные складские площади для мяса и молочной продукции",
                "ет пен сүт өнімдеріне арналған тоңазытқыш қойма",
                "52.10",
            ),
        ),
        requests=(
            P(
                "warehouse management software with temperature logging",
                "складская система с мониторингом температуры",
                "температураны бақылайтын қойма жүйесі",
                "62.01",
            ),
            P(
                "a new cold-storage hub near the border crossing",
                "новый холодильный хаб у пограничного перехода",
                "шекара өткеліндегі жаңа тоңазытқыш хаб",
                "52.10",
                types=INVEST,
            ),
        ),
        types=("business_offer", "business_request", "investment_request", "partnership"),
        weight=1,
    ),
    Archetype(
        key="food-packaging",
        sector="food",
        sides="UK",
        kind="company",
        brands=(T("Packaging"), T("Pack Systems"), T("Film & Tray")),
        who=T("food-packaging manufacturer"),
        about=T(
            "Recyclable trays, barrier films and tray sealers for fresh meat and ready meals. "
            "Our mono-material PET trays cut packaging weight by a third."
        ),
        nace=("22.22", "28.29", "46.69"),
        offers=(
            Product(T("recyclable barrier trays for fresh meat"), "22.22"),
            Product(T("semi-automatic tray sealers"), "28.29"),
            Product(T("vacuum skin-packaging films"), "22.22"),
        ),
        requests=(Product(T("a distributor for food-packaging materials"), "46.69"),),
        types=("business_offer", "distribution", "technology_offer"),
        weight=1,
    ),
)
