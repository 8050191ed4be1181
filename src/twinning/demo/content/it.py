"""IT: software houses and cyber security, from Leeds and from Astana Hub."""

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
)
