"""The demo programme itself: Yorkshire (UK) and Kazakhstan."""

from twinning.core.services import audit_log
from twinning.demo.steps.base import DemoContext, Tally
from twinning.programmes.models import Programme, Side
from twinning.programmes.selectors import side_get

SLUG = "yorkshire-kazakhstan"
NAMES = {
    "name_en": "Yorkshire – Kazakhstan Business Twinning",
    "name_ru": "Деловое партнёрство Йоркшир – Казахстан",
    "name_kk": "Йоркшир – Қазақстан іскерлік серіктестігі",
    "description_en": (
        "Business twinning between the regions of Yorkshire and of Kazakhstan, agreed during "
        "the ambassador's visit to Leeds: trade, investment, meat and food processing, "
        "services, tourism, film and television, education and student careers."
    ),
    "description_ru": (
        "Деловое партнёрство регионов Йоркшира и Казахстана, о котором договорились во время "
        "визита посла в Лидс: торговля, инвестиции, мясопереработка, услуги, туризм, кино и "
        "телевидение, образование и карьера студентов."
    ),
    "description_kk": (
        "Елшінің Лидске сапары кезінде уағдаласылған Йоркшир мен Қазақстан өңірлерінің "
        "іскерлік серіктестігі: сауда, инвестиция, ет өңдеу, қызмет көрсету, туризм, кино және "
        "телевизия, білім беру және студенттердің мансабы."
    ),
}


def load(context: DemoContext) -> Tally:
    programme = Programme.objects.filter(slug=SLUG).first()
    if programme is not None:
        context.programme = programme
        return Tally(existing=1)
    # Programmes have no create service yet: operators set them up in the admin.
    context.programme = Programme.objects.create(
        slug=SLUG, side_a=_side("UK"), side_b=_side("KZ"), **NAMES
    )
    audit_log(action="programme.create", actor=context.operator, target=context.programme)
    return Tally(created=1)


def _side(code: str) -> Side:
    side = side_get(code=code)
    if side is None:
        raise LookupError(f"side {code} is missing: run the migrations first")
    return side
