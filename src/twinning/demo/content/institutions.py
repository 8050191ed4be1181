"""Kinds of institution that appear only as hand-written flagships (weight 0): their products
feed the extra opportunities universities, agencies and associations publish."""

from twinning.demo.content.blocks import Archetype, T
from twinning.demo.content.food import P

PARTNER = ("partnership",)

ARCHETYPES = (
    Archetype(
        key="university",
        sector="education",
        sides="UK KZ",
        kind="university",
        brands=(),
        who=T("university", "университет", "университет"),
        about=T(""),
        nace=("85.42", "72.19"),
        offers=(
            P(
                "joint master's programmes in food science and agri-tech",
                "совместные магистерские программы по пищевым технологиям и агротеху",
                "тамақ технологиялары мен агротех бойынша бірлескен магистратура бағдарламалары",
                "85.42",
                types=PARTNER,
            ),
            P(
                "research partnership in low-carbon energy",
                "научное партнёрство в области низкоуглеродной энергетики",
                "төмен көміртекті энергетика саласындағы ғылыми серіктестік",
                "72.19",
                types=("technology_offer", "partnership"),
            ),
            P(
                "academic staff and PhD exchanges",
                "обмен преподавателями и докторантами",
                "оқытушылар мен докторанттар алмасуы",
                "85.42",
                types=PARTNER,
            ),
            P(
                "summer schools for Kazakh and British students",
                "летние школы для казахстанских и британских студентов",
                "қазақстандық және британдық студенттерге арналған жазғы мектептер",
                "85.42",
                types=PARTNER,
            ),
        ),
        requests=(
            P(
                "industry partners for student placements",
                "отраслевые партнёры для стажировок студентов",
                "студенттердің тағылымдамасына арналған салалық серіктестер",
                "85.42",
            ),
            P(
                "a partner university for a double degree",
                "вуз-партнёр для программы двойного диплома",
                "қос диплом бағдарламасына серіктес университет",
                "85.42",
            ),
        ),
        types=("partnership", "technology_offer", "business_request"),
        weight=0,
    ),
    Archetype(
        key="public-agency",
        sector="services",
        sides="UK KZ",
        kind="public_body",
        brands=(),
        who=T("public agency", "государственное агентство", "мемлекеттік агенттік"),
        about=T(""),
        nace=("84.13", "70.22", "82.30"),
        offers=(
            P(
                "support for investors: land, permits and incentives",
                "сопровождение инвесторов: земля, разрешения, преференции",
                "инвесторларды сүйемелдеу: жер, рұқсаттар, преференциялар",
                "84.13",
                types=("investment_offer", "business_offer"),
            ),
            P(
                "trade mission to the partner region",
                "бизнес-миссия в регион-партнёр",
                "серіктес өңірге бизнес-миссия",
                "82.30",
                types=("partnership", "business_offer"),
            ),
            P(
                "introductions to regional suppliers",
                "знакомство с региональными поставщиками",
                "өңірлік жеткізушілермен таныстыру",
                "84.13",
                types=("partnership", "business_offer"),
            ),
        ),
        requests=(
            P(
                "investors for regional industrial parks",
                "инвесторы для индустриальных зон региона",
                "өңірдің индустриялық аймақтарына инвесторлар",
                "84.13",
            ),
        ),
        types=("investment_offer", "partnership", "business_offer"),
        weight=0,
    ),
    Archetype(
        key="association",
        sector="services",
        sides="UK KZ",
        kind="ngo",
        brands=(),
        who=T("association", "ассоциация", "қауымдастық"),
        about=T(""),
        nace=("94.11", "94.99"),
        offers=(
            P(
                "introductions to our member companies",
                "знакомство с компаниями-членами",
                "мүше компаниялармен таныстыру",
                "94.11",
            ),
            P(
                "joint events and business breakfasts",
                "совместные мероприятия и бизнес-завтраки",
                "бірлескен іс-шаралар мен бизнес-таңғы ас",
                "94.11",
            ),
        ),
        requests=(
            P(
                "partner associations in the other region",
                "ассоциации-партнёры в другом регионе",
                "басқа өңірдегі серіктес қауымдастықтар",
                "94.11",
            ),
        ),
        types=("partnership",),
        weight=0,
    ),
)
