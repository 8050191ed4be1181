from django.template import Context, Template

from twinning.core.templatetags.twinning import BREAK_EVERY


def render(text: str, filters: str = "breakable") -> str:
    return Template("{% load twinning %}{{ text|" + filters + " }}").render(Context({"text": text}))


def test_a_very_long_word_gets_a_break_opportunity_every_forty_characters():
    html = render("ет" * 100)
    assert html.split("<wbr>") == ["ет" * (BREAK_EVERY // 2)] * 5


def test_ordinary_words_are_left_as_they_are():
    text = "Poultry processing equipment for a plant near Kostanay"
    assert render(text) == text


def test_user_text_is_still_escaped_inside_and_outside_long_words():
    html = render("<b>bold</b> " + "<script>" * 10)
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;")
    assert "<wbr>" in html


def test_linebreaks_after_it_does_not_escape_the_breaks_twice():
    html = render("first line\n\nsecond " + "x" * 45, "breakable|linebreaks")
    assert html == "<p>first line</p>\n\n<p>second " + "x" * 40 + "<wbr>xxxxx</p>"
