"""The annotation loader: the seed loads, and every kind of bad input is refused with a located error."""
from __future__ import annotations

import pytest

from claimgraph.annotation import AnnotationError, find_annotations, load_annotation
from tests.conftest import SEED_YAML


def test_seed_loads_with_offsets_that_point_into_the_text():
    ann = load_annotation(SEED_YAML)
    assert ann.article.id == "pak-afg-ceasefire"
    assert len(ann.statements) >= 18
    for st in ann.statements:
        assert ann.article.text[st.sentence.start:st.sentence.end] == st.sentence.text
        if st.span:
            assert ann.article.text[st.span.start:st.span.end] == st.span.text
            assert st.sentence.start <= st.span.start < st.span.end <= st.sentence.end


def test_person_speaks_for_its_affiliation_by_default():
    ann = load_annotation(SEED_YAML)
    by_speaker = {st.speaker: st for st in ann.statements if st.speaker}
    person = next(a for a in ann.actors if a.type == "person" and a.affiliations)
    assert by_speaker[person.id].attributed_to == person.affiliations[0].actor


def test_minimal_article_loads(make_article):
    ann = load_annotation(make_article())
    assert [s.stance for s in ann.statements] == ["accuse", "deny"]
    assert ann.statements[1].span is None
    assert ann.claims[0].object_is_actor is False


def _error(path) -> AnnotationError:
    with pytest.raises(AnnotationError) as info:
        load_annotation(path)
    message = str(info.value)
    assert "\n" not in message, "errors are one line"
    assert str(path) in message or "minimal.txt" in message
    return info.value


def test_malformed_yaml_names_line(make_article):
    err = _error(make_article(replace=("  - id: s2\n", "  - id: s2\n    about: [unclosed\n")))
    assert "malformed YAML" in str(err)
    assert err.line is not None


def test_unknown_actor_names_field_and_line(make_article):
    path = make_article(replace=("speaker: betaland", "speaker: gammaland"))
    err = _error(path)
    assert err.field == "statements[1].speaker"
    assert "gammaland" in str(err)
    lines = path.read_text().splitlines()
    assert "gammaland" in lines[err.line - 1]


def test_unknown_stance(make_article):
    err = _error(make_article(replace=("stance: deny", "stance: scold")))
    assert err.field == "statements[1].stance" and "scold" in err.message


def test_sentence_not_in_text(make_article):
    err = _error(make_article(replace=("Betaland denied the accusation.\"", "Betaland denied everything.\"")))
    assert err.field == "statements[1].sentence"
    assert "not found verbatim" in err.message


def test_span_not_in_sentence(make_article):
    err = _error(make_article(replace=('span: "Betaland of shelling', 'span: "Gammaland of shelling')))
    assert err.field == "statements[0].span"


def test_missing_text_file(make_article):
    path = make_article()
    path.with_suffix(".txt").unlink()
    err = _error(path)
    assert err.field == "article.text" and "not found" in err.message


def test_non_utf8_text_file(make_article):
    err = _error(make_article(text="Alphaland accused Betaland caf\xe9.".encode("latin-1")))
    assert "not valid UTF-8" in err.message


def test_binary_text_file(make_article):
    err = _error(make_article(text=b"\x00\x01binary"))
    assert "binary" in err.message


def test_duplicate_statement_id(make_article):
    err = _error(make_article(replace=("  - id: s2\n", "  - id: s1\n")))
    assert err.field == "statements[1].id" and "duplicate id 's1'" in err.message


def test_duplicate_yaml_key(make_article):
    err = _error(make_article(replace=("    stance: deny\n", "    stance: deny\n    stance: assert\n")))
    assert "duplicate key" in err.message


def test_report_must_not_have_speaker(make_article):
    err = _error(make_article(replace=("stance: deny", "stance: report")))
    assert err.field == "statements[1].speaker"


def test_speaker_required_for_named_stances(make_article):
    err = _error(make_article(replace=("    speaker: betaland\n", "")))
    assert err.field == "statements[1].speaker" and "required" in err.message


def test_unknown_field_is_refused(make_article):
    err = _error(make_article(replace=("    stance: deny\n", "    stance: deny\n    stanse: deny\n")))
    assert "unknown field 'stanse'" in err.message


def test_bad_confidence(make_article):
    err = _error(make_article(replace=("    stance: deny\n", "    stance: deny\n    confidence: 1.5\n")))
    assert err.field == "statements[1].confidence"


def test_top_level_must_be_mapping(make_article):
    err = _error(make_article(yaml_text="- just\n- a list\n"))
    assert "mapping" in err.message


def test_find_annotations_sorted_and_missing_path(tmp_path, make_article):
    b = make_article("b-article")
    a = make_article("a-article")
    assert find_annotations([a.parent]) == [a, b]
    with pytest.raises(AnnotationError, match="no such file or folder"):
        find_annotations([tmp_path / "nope"])


def test_annotation_paths_are_the_sorted_set_of_paths(tmp_path):
    """Files of several folders, named twice (as a folder's file and on their own, in another
    spelling), raw articles with --extract: once each, in Path's order, as strings."""
    from claimgraph.annotation import annotation_paths

    for folder, names in {"x": ["b.yaml", "b.txt", "a-1.yaml", "a-1.txt", "raw.txt", "A.yaml"],
                          "x/sub": ["c.yaml", "c.txt"], "x-y": ["d.yaml", "d.txt"]}.items():
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        for name in names:
            (tmp_path / folder / name).write_text("")
    inputs = [tmp_path / "x-y", tmp_path / "x", tmp_path / "x" / "sub" / ".." / "sub" / "c.txt",
              tmp_path / "x" / "sub" / "c.yaml"]
    for extract in (False, True):
        expected = {tmp_path / "x" / n for n in ("A.yaml", "a-1.yaml", "b.yaml")} | {tmp_path / "x-y" / "d.yaml"}
        expected |= {tmp_path / "x" / "sub" / ".." / "sub" / "c.yaml", tmp_path / "x" / "sub" / "c.yaml"}
        if extract:
            expected.add(tmp_path / "x" / "raw.txt")
        assert annotation_paths(inputs, extract) == [str(p) for p in sorted(expected)]
        assert find_annotations(inputs, extract) == sorted(expected)
