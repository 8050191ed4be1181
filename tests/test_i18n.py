"""The Russian and Kazakh catalogues are complete, and the pages really speak Kazakh."""

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings as django_settings

pytestmark = pytest.mark.integration

LOCALE = Path(django_settings.LOCALE_PATHS[0])
LANGUAGES = ["ru", "kk"]
# Russian as in Django's own catalogue: one, few, many, and a fourth form for fractions.
PLURAL_FORMS = {"ru": 4, "kk": 2}


def catalogue(language: str, domain: str = "django") -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as po:
        return read_po(po, locale=language, domain=domain)


def catalogue_paths() -> list[tuple[str, str]]:
    return [
        (language, po.stem)
        for language in LANGUAGES
        for po in sorted((LOCALE / language / "LC_MESSAGES").glob("*.po"))
    ]


def is_translated(message) -> bool:  # type: ignore[no-untyped-def]
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


@pytest.mark.parametrize(("language", "domain"), catalogue_paths())
def test_every_entry_is_translated_and_none_is_fuzzy(language: str, domain: str) -> None:
    messages = [m for m in catalogue(language, domain) if m.id]
    untranslated = [m.id for m in messages if not is_translated(m)]
    fuzzy = [m.id for m in messages if m.fuzzy]

    assert len(messages) > 100
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize(("language", "domain"), catalogue_paths())
def test_plural_forms_and_placeholders_match_the_language(language: str, domain: str) -> None:
    po = catalogue(language, domain)
    plurals = [m for m in po if m.id and m.pluralizable]
    # Babel checks python-format placeholders and the number of plural forms against the header.
    problems = [(message.id, errors) for message, errors in po.check()]

    assert po.num_plurals == PLURAL_FORMS[language]
    assert all(len(m.string) == PLURAL_FORMS[language] for m in plurals)
    assert problems == []


def app_catalogue_paths() -> list[Path]:
    """The catalogues kept beside some apps (matching, introductions); makemessages skips them."""
    return sorted(LOCALE.parent.glob("*/locale/*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize(
    "path", app_catalogue_paths(), ids=lambda path: "/".join(path.relative_to(LOCALE.parent).parts)
)
def test_app_catalogues_are_complete_and_hold_only_messages_of_the_main_one(path: Path) -> None:
    language = path.parts[-3]
    with path.open("rb") as po:
        app = read_po(po, locale=language, domain=path.stem)
    main = catalogue(language)
    messages = [m for m in app if m.id]

    assert app.num_plurals == PLURAL_FORMS[language]
    assert [m.id for m in messages if not is_translated(m) or m.fuzzy] == []
    assert [m.id for m in messages if main.get(m.id, m.context) is None] == []
    assert [(message.id, errors) for message, errors in app.check()] == []


def test_catalogues_of_both_languages_hold_the_same_messages() -> None:
    ids = {
        language: {(m.context, m.id) for m in catalogue(language) if m.id} for language in LANGUAGES
    }

    assert ids["ru"] == ids["kk"]


@pytest.fixture
def compiled_locale(settings, tmp_path):  # type: ignore[no-untyped-def]
    """The current .po files compiled into a fresh locale folder, so no stale .mo is tested."""
    for language, domain in catalogue_paths():
        target = tmp_path / language / "LC_MESSAGES" / f"{domain}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as mo:
            write_mo(mo, catalogue(language, domain))
    settings.LOCALE_PATHS = [tmp_path]
    return tmp_path


@pytest.mark.django_db
def test_a_page_requested_in_kazakh_is_rendered_in_kazakh(client, compiled_locale) -> None:  # type: ignore[no-untyped-def]
    kazakh = {m.id: m.string for m in catalogue("kk") if m.id}
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "kk"

    response = client.get("/")
    page = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="kk">' in page
    assert kazakh["Skip to main content"] == "Негізгі мазмұнға өту"
    assert "Негізгі мазмұнға өту" in page
    assert kazakh["Log in"] in page
    assert "Skip to main content" not in page


@pytest.mark.django_db
def test_a_browser_asking_for_russian_gets_russian(client, compiled_locale) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5")
    page = response.content.decode()

    assert '<html lang="ru">' in page
    assert "Перейти к основному содержимому" in page


@pytest.mark.django_db
def test_an_api_error_is_answered_in_the_language_asked_for(client, compiled_locale) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/events/nothing-here", HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 404
    assert response.json()["detail"] == "Не найдено."
