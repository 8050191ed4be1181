"""The select boxes written in Python are Django's, byte for byte."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from twinning.core.renderers import Renderer

CHOICES = [
    ("", "—"),
    ("Fish & <chips>", [("03", "03 Fishing & aquaculture"), ("10.20", '10.20 "Smoked" fish')]),
    ("a'b", "Quote ' and <b>bold</b>"),
    (7, "A number"),
]


class Sample(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, required=False)
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    styled = forms.ChoiceField(
        choices=CHOICES,
        widget=forms.Select(attrs={"class": "form-select", "data-x": 'a"b', "disabled": True}),
    )
    nothing = forms.ChoiceField(choices=[], required=False)


@pytest.mark.parametrize(
    "data",
    [{}, {"one": "10.20", "many": ["03", "7"], "styled": "a'b"}, {"one": "<script>"}],
)
def test_every_select_is_rendered_as_djangos_templates_render_it(data):
    for name in Sample.base_fields:
        django = Sample(data or None, renderer=DjangoTemplates())[name].as_widget()
        ours = Sample(data or None, renderer=Renderer())[name].as_widget()
        assert ours == django, name


def test_a_widget_with_its_own_option_template_is_left_to_the_templates():
    class Custom(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    field = forms.ChoiceField(choices=CHOICES, widget=Custom())
    form = type("F", (forms.Form,), {"x": field})
    assert (
        form(renderer=Renderer())["x"].as_widget()
        == form(renderer=DjangoTemplates())["x"].as_widget()
    )
