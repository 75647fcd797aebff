"""Whom a person acts for, from the article's own role descriptions.

All sentences are invented for these tests (none comes from the evaluation sets).
"""
import pytest

from claimgraph import extract as E

pytestmark = pytest.mark.nlp  # every test here needs spaCy and its English model


@pytest.fixture(scope="module")
def nlp():
    return E.load_model()


def run(nlp, text):
    return E.extract_text(text, "t", nlp=nlp)


def affiliations(result):
    """Each person's label -> the labels of the actors it acts for, in order."""
    labels = {a["id"]: a["label"] for a in result["actors"]}
    return {a["label"]: [labels[f["actor"]] for f in a["affiliations"]]
            for a in result["actors"] if a["type"] == "person"}


def sides(result):
    labels = {a["id"]: a["label"] for a in result["actors"]}
    return [labels.get(s["actor"]) for s in result["statements"]]


def test_a_portfolio_named_in_capitals_is_no_second_body(nlp):
    """'External Affairs' in "Peru's External Affairs Minister" is an office, not a body he also acts for."""
    r = run(nlp, "Peru's External Affairs Minister Rui Costa said the talks would resume.")
    assert affiliations(r) == {"Rui Costa": ["Peru"]}


def test_the_name_before_an_apposed_role_leaves_the_role_out(nlp):
    """'Ana Silva, Peru's prime minister, said ...': the person is Ana Silva, and a later 'Silva'
    is the same person, acting for Peru."""
    r = run(nlp, "Ana Silva, Peru's prime minister, said the talks would resume. Silva added that Chile had lied.")
    assert sides(r) == ["Peru", "Peru"]
    assert not any("minister" in name for name in affiliations(r))


def test_title_of_a_country_before_the_name(nlp):
    """'Prime Minister of Chile Ana Silva' (one PERSON entity 'Chile Ana Silva' to the model)."""
    r = run(nlp, "Prime Minister of Chile Ana Silva said the talks would resume. Silva also said Peru had lied.")
    assert affiliations(r) == {"Ana Silva": ["Chile"]}
    assert sides(r) == ["Chile", "Chile"]


def test_a_name_that_starts_like_a_country_is_no_country(nlp):
    r = run(nlp, "Jordan Hale said the talks would resume.")
    assert affiliations(r) == {"Jordan Hale": []}
