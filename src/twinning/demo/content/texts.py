"""Sentences that organisation descriptions and opportunities are written from, per language.

Placeholders: {who}/{Who} (what the author is), {product}, {city}, {year}, {n} (head count),
{staff} (Russian word for staff agreeing with {n}), and the partner phrases {in_partner},
{partner_adj}, {partner_country} from PARTNER.
"""

# Where the partner is, as the author would write it: PARTNER[language][author's side].
PARTNER: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "UK": {"in_partner": "in Kazakhstan", "partner_adj": "Kazakh",
               "partner_country": "Kazakhstan"},
        "KZ": {"in_partner": "in the UK", "partner_adj": "British",
               "partner_country": "the UK"},
    },
    "ru": {
        "UK": {"in_partner": "в Казахстане", "partner_adj": "казахстанским",
               "partner_country": "Казахстан"},
        "KZ": {"in_partner": "в Великобритании", "partner_adj": "британским",
               "partner_country": "Великобританию"},
    },
    "kk": {
        "UK": {"in_partner": "Қазақстанда", "partner_adj": "қазақстандық",
               "partner_country": "Қазақстанға"},
        "KZ": {"in_partner": "Ұлыбританияда", "partner_adj": "британдық",
               "partner_country": "Ұлыбританияға"},
    },
}  # fmt: skip

BASE: dict[str, tuple[str, ...]] = {
    "en": (
        "Founded in {year} and based in {city}, we are a team of {n}.",
        "Based in {city} since {year}; {n} people work with us.",
    ),
    "ru": (
        "Работаем с {year} года, г. {city}. В штате {n} {staff}.",
        "Компания основана в {year} году (г. {city}), сегодня у нас {n} {staff}.",
    ),
    "kk": (
        "{year} жылдан бері жұмыс істейміз, {city} қаласы. Қызметкерлер саны — {n}.",
        "Компания {year} жылы {city} қаласында құрылған, бүгінде {n} қызметкер жұмыс істейді.",
    ),
}

INTEREST: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "UK": (
            "Kazakhstan is a priority export market for us and we want to meet buyers there.",
            "We already sell into Central Asia and are looking for partners in Kazakhstan's "
            "regions.",
            "We joined the twinning programme to find distributors and clients in Kazakhstan.",
        ),
        "KZ": (
            "We are looking for partners in the UK, especially in Yorkshire.",
            "We want to work with British companies, investors and universities.",
            "We joined the programme to find partners in Yorkshire.",
        ),
    },
    "ru": {
        "UK": ("Ищем партнёров и клиентов в Казахстане.",),
        "KZ": (
            "Ищем партнёров в Великобритании, прежде всего в Йоркшире.",
            "Открыты к сотрудничеству с британскими компаниями и вузами.",
            "Рассматриваем совместные проекты с британскими партнёрами.",
        ),
    },
    "kk": {
        "UK": ("Қазақстаннан серіктестер іздейміз.",),
        "KZ": (
            "Ұлыбританиядан, әсіресе Йоркширден серіктестер іздейміз.",
            "Британдық компаниялармен және университеттермен ынтымақтастыққа ашықпыз.",
            "Британдық серіктестермен бірлескен жобаларды қарастырамыз.",
        ),
    },
}

# TITLES[language][type]: a few ways people phrase the same kind of notice.
TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "business_offer": ("{Who} from {city} offers {product}", "{Product} from {city}"),
        "business_request": ("{Who} in {city} is looking for {product}", "Wanted: {product}"),
        "technology_offer": (
            "Technology offer: {product}",
            "Technology offer from {city}: {product}",
        ),
        "technology_request": (
            "Technology wanted: {product}",
            "{Who} seeks technology partner for {product}",
        ),
        "investment_offer": ("Investment offer: {product}",),
        "investment_request": (
            "Investment sought: {product}",
            "{Who} in {city} seeks investors: {product}",
        ),
        "partnership": (
            "Partnership proposal: {product}",
            "{Who} seeks a partner {in_partner}: {product}",
        ),
        "distribution": (
            "Distributors wanted {in_partner}: {product}",
            "Agents and distributors sought for {product}",
        ),
        "tourism": ("Tourism offer: {product}", "{Product} for groups from {partner_country}"),
        "film_coproduction": ("Film co-production: {product}",),
        "local_content": ("Local-content supplier: {product}",),
    },
    "ru": {
        "business_offer": (
            "{Who} из г. {city} предлагает: {product}",
            "Предлагаем {partner_adj} партнёрам: {product}",
        ),
        "business_request": ("Ищем партнёра: {product}", "{Who} ищет: {product}"),
        "technology_offer": ("Технологическое предложение: {product}",),
        "technology_request": ("Ищем технологию: {product}", "Технологический запрос: {product}"),
        "investment_offer": ("Инвестиционное предложение: {product}",),
        "investment_request": ("Ищем инвестора: {product}", "Инвестиционный проект: {product}"),
        "partnership": (
            "Предлагаем партнёрство: {product}",
            "Ищем партнёров {in_partner}: {product}",
        ),
        "distribution": ("Ищем дистрибьюторов {in_partner}: {product}",),
        "tourism": ("Туристическое предложение: {product}",),
        "film_coproduction": ("Копродукция: {product}",),
        "local_content": ("Поставщик с казахстанским содержанием: {product}",),
    },
    "kk": {
        "business_offer": ("{Who} ұсынады: {product}",),
        "business_request": ("Серіктес іздейміз: {product}", "{Who} іздейді: {product}"),
        "technology_offer": ("Технологиялық ұсыныс: {product}",),
        "technology_request": ("Технология іздейміз: {product}",),
        "investment_offer": ("Инвестициялық ұсыныс: {product}",),
        "investment_request": ("Инвестор іздейміз: {product}",),
        "partnership": ("Серіктестік ұсынамыз: {product}",),
        "distribution": ("{In_partner} дистрибьюторлар іздейміз: {product}",),
        "tourism": ("Туристік ұсыныс: {product}",),
        "film_coproduction": ("Бірлескен кино өндірісі: {product}",),
        "local_content": ("Қазақстандық қамтуы бар жеткізуші: {product}",),
    },
}

# Summaries by direction: an offer gives something, a request asks for it.
SUMMARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "offer": (
            "We offer {product}. We are an experienced {who} from {city} and want long-term "
            "partners {in_partner}.",
            "{Who} from {city} offers {product}. We are keen to work with partners "
            "{in_partner} and can meet during the programme's events.",
        ),
        "offer_goods": (
            "{Who} based in {city} offers {product} to partners {in_partner}, under a "
            "commercial, licence or joint-venture agreement.",
        ),
        "request": (
            "{Who} based in {city} is looking for {product} and invites proposals from "
            "partners {in_partner}.",
            "We need {product} and would like to hear from experienced companies {in_partner}.",
        ),
    },
    "ru": {
        "offer": (
            "Предлагаем: {product}. Ищем долгосрочных партнёров {in_partner}.",
            "{Who} из г. {city} предлагает {partner_adj} партнёрам: {product}. Готовы обсудить "
            "условия сотрудничества.",
        ),
        "offer_goods": (
            "{Who} из г. {city} предлагает {partner_adj} партнёрам: {product}. Рассмотрим "
            "прямые поставки, лицензию или совместное предприятие.",
        ),
        "request": (
            "{Who} из г. {city} ищет партнёров {in_partner}. Требуется: {product}.",
            "Нам требуется: {product}. Ждём коммерческие предложения от компаний {in_partner}.",
        ),
    },
    "kk": {
        "offer": (
            "Ұсынамыз: {product}. {In_partner} ұзақ мерзімді серіктестер іздейміз.",
            "{city} қаласындағы {who} {partner_adj} серіктестерге ұсынады: {product}. "
            "Ынтымақтастық шарттарын талқылауға дайынбыз.",
        ),
        "offer_goods": (
            "{city} қаласындағы {who} {partner_adj} серіктестерге ұсынады: {product}. Тікелей "
            "жеткізу, лицензия немесе бірлескен кәсіпорын нұсқаларын қарастырамыз.",
        ),
        "request": (
            "{city} қаласындағы {who} {partner_adj} серіктестерді іздейді. Қажет: {product}.",
            "Бізге қажет: {product}. {Partner_adj} тәжірибелі компаниялардың ұсыныстарын күтеміз.",
        ),
    },
}

DETAILS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "offer": (
            "References from clients in the UK, the Gulf and Central Europe are available.",
            "Our team can visit {partner_country} during the programme's brokerage days.",
            "We work in English and Russian and can prepare proposals in Kazakh.",
            "A first meeting can be held online or at the next brokerage day.",
        ),
        "offer_goods": (
            "We can send samples, technical data sheets and prices ex works or DAP Almaty.",
            "We have experience with EAEU (EAC) certification and Russian-language manuals.",
            "Training and after-sales service are included in every contract.",
        ),
        "request": (
            "Please tell us about similar projects you have delivered.",
            "We would welcome a meeting at the next brokerage event.",
            "We can start with a short online call and an exchange of documents.",
        ),
        "request_goods": (
            "We expect a proposal with prices, lead times and warranty conditions.",
            "A first order is planned within six months.",
        ),
    },
    "ru": {
        "offer": (
            "Есть опыт работы с партнёрами из стран ЕАЭС и Персидского залива.",
            "Готовы принять делегацию и провести встречу онлайн.",
            "Работаем на русском и английском языках.",
        ),
        "offer_goods": (
            "Возможна отгрузка пробной партии.",
            "Предоставим сертификаты и декларации соответствия.",
            "Цены обсуждаются, условия поставки — FCA или DAP.",
        ),
        "request": (
            "Переговоры возможны на русском или английском языке.",
            "Просим рассказать о реализованных похожих проектах.",
            "Готовы начать с онлайн-встречи и обмена документами.",
        ),
        "request_goods": (
            "Просим направить коммерческое предложение с ценами и сроками поставки.",
            "Рассмотрим лизинг или поставку в рассрочку.",
            "Важны сервисное обслуживание и обучение персонала.",
        ),
    },
    "kk": {
        "offer": (
            "ЕАЭО және Парсы шығанағы елдерінің серіктестерімен жұмыс тәжірибеміз бар.",
            "Делегацияны қабылдауға және онлайн кездесу өткізуге дайынбыз.",
            "Қазақ, орыс және ағылшын тілдерінде жұмыс істейміз.",
        ),
        "offer_goods": (
            "Сынақ партиясын жөнелтуге дайынбыз.",
            "Сәйкестік сертификаттары мен декларацияларын ұсынамыз.",
            "ЕАЭО елдеріне жеткізу тәжірибеміз бар.",
        ),
        "request": (
            "Келіссөздерді қазақ, орыс немесе ағылшын тілінде жүргізе аламыз.",
            "Ұқсас жобалар тәжірибеңіз туралы айтып беруіңізді сұраймыз.",
            "Онлайн кездесу мен құжат алмасудан бастауға дайынбыз.",
        ),
        "request_goods": (
            "Баға мен жеткізу мерзімі көрсетілген коммерциялық ұсыныс жіберуіңізді сұраймыз.",
            "Лизинг немесе бөліп төлеу нұсқасын қарастырамыз.",
            "Сервистік қызмет көрсету және персоналды оқыту маңызды.",
        ),
    },
}

# What an operator writes when returning a notice for changes, in the author's language.
REJECTIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "The description contains a telephone number. Contact details are shared only after an "
        "introduction is accepted; please remove it and resubmit.",
        "Please add the technical specification and the expected volume, so partners can judge "
        "whether they fit.",
        "The NACE code does not match the product; please choose the code of what you offer.",
    ),
    "ru": (
        "В описании указан телефон. Контакты раскрываются только после принятия знакомства — "
        "удалите, пожалуйста, и отправьте снова.",
        "Добавьте, пожалуйста, технические характеристики и ожидаемый объём.",
        "Код ОКЭД не соответствует продукции; выберите код того, что вы предлагаете.",
    ),
    "kk": (
        "Сипаттамада телефон нөмірі көрсетілген. Байланыс деректері таныстыру қабылданғаннан "
        "кейін ғана ашылады — өшіріп, қайта жіберіңіз.",
        "Техникалық сипаттамалар мен күтілетін көлемді қосыңыз.",
        "ЭҚЖЖ коды өнімге сәйкес келмейді; ұсынатын өніміңіздің кодын таңдаңыз.",
    ),
}

# Sectors whose offers are physical goods, so samples, certificates and delivery terms apply.
GOODS_SECTORS = frozenset({"food", "agriculture", "engineering"})

OFFER_TYPES = frozenset(
    {"business_offer", "technology_offer", "investment_offer", "partnership", "distribution",
     "tourism", "film_coproduction", "local_content"}
)  # fmt: skip
