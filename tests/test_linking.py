"""Claims across articles: links, groups, curated accept/reject, and what contested makes of them."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from claimgraph.build import build_graph
from claimgraph.cli import cli
from claimgraph.errors import AnnotationError
from claimgraph import linking
from claimgraph.linking import JOIN, ClaimProfile, Link, groups, propose_links, score
from claimgraph.query import contested_claims
from claimgraph.store import open_graph, open_store, rows, run_query
from claimgraph.vocab import CG, ID, LINKS_GRAPH, SCHEMA

ACCUSATION_TEXT = "Alphaland accused Betaland of shelling the border town of Kessa on Monday.\n"
DENIAL_TEXT = "Betaland denied that its army shelled the border town of Kessa, calling the accusation a lie.\n"

ACTORS = """\
actors:
  - id: alphaland
    label: Alphaland
    type: state
  - id: betaland
    label: Betaland
    type: state
"""

ACCUSATION_YAML = """\
article:
  id: {article_id}
  text: {text_name}
  title: "Alphaland accuses Betaland"
  date: 2025-01-02
""" + ACTORS + """\
claims:
  - id: shelling
    label: "Betaland shelled the border town of Kessa"
statements:
  - id: s1
    stance: accuse
    speaker: alphaland
    claim: shelling
    about: [betaland]
    sentence: "Alphaland accused Betaland of shelling the border town of Kessa on Monday."
    method: extracted
    confidence: 0.8
"""

DENIAL_YAML = """\
article:
  id: {article_id}
  text: {text_name}
  title: "Betaland denies"
  date: 2025-01-03
""" + ACTORS + """\
claims:
  - id: army-shelled
    label: "its army shelled the border town of Kessa"
statements:
  - id: s1
    stance: deny
    speaker: betaland
    claim: army-shelled
    about: [alphaland]
    sentence: "Betaland denied that its army shelled the border town of Kessa, calling the accusation a lie."
    method: extracted
    confidence: 0.7
"""


def _dispute(make_article, folder):
    one = make_article("accusation", text=ACCUSATION_TEXT, yaml_text=ACCUSATION_YAML, folder=folder)
    two = make_article("denial", text=DENIAL_TEXT, yaml_text=DENIAL_YAML, folder=folder)
    return one, two


def _links(store) -> list[dict]:
    return rows(run_query(store, f"""SELECT ?status ?confidence ?reason WHERE {{ GRAPH <{LINKS_GRAPH}> {{
        ?l a <{CG}ClaimLink> ; <{CG}linkStatus> ?status ; <{CG}confidence> ?confidence ; <{CG}reason> ?reason }} }}
        ORDER BY ?status"""))[1]


def test_an_accusation_and_the_accuseds_denial_in_two_articles_make_one_dispute(tmp_path, make_article):
    _dispute(make_article, tmp_path / "a")
    out = tmp_path / "g.trig"
    result = build_graph([tmp_path / "a"], out)
    assert result.links.joined == 1
    store = open_graph(out)
    [link] = _links(store)
    assert link["status"] == CG + "joined" and float(link["confidence"]) >= JOIN
    assert "against the other's denial" in link["reason"] and "share" in link["reason"]
    [dispute] = contested_claims(store)
    assert (dispute["supporters"], dispute["disputers"], dispute["articles"]) == (["Alphaland"], ["Betaland"], 2)
    assert {e["article"]["id"] for e in dispute["evidence"]} == {"accusation", "denial"}
    assert {e["method"] for e in dispute["evidence"]} == {"extracted"}


def test_equal_wording_between_different_actors_is_no_link(tmp_path, make_article):
    """The same words about other actors (another dispute) are never compared: no link, no merge."""
    _dispute(make_article, tmp_path / "a")
    other = (DENIAL_YAML.replace("alphaland", "gammaland").replace("Alphaland", "Gammaland")
             .replace("betaland", "deltaland").replace("Betaland", "Deltaland"))
    make_article("denial", text=DENIAL_TEXT.replace("Betaland", "Deltaland"), folder=tmp_path / "b",
                 yaml_text=other.replace('"Betaland denied', '"Deltaland denied'))
    (tmp_path / "a" / "denial.yaml").unlink()
    out = tmp_path / "g.trig"
    result = build_graph([tmp_path / "a", tmp_path / "b"], out)
    assert (result.links.joined, result.links.proposed) == (0, 0)
    assert contested_claims(open_graph(out)) == []


def test_score_is_symmetric_and_needs_more_than_words():
    accused = ClaimProfile("x:1", "A", "Betaland shelled the border town", supporters={"alpha"},
                           speakers={"alpha"}, targets={"beta"}, sentences={"Alphaland accused Betaland."})
    denial = ClaimProfile("x:2", "B", "Betaland shelled the border town", disputers={"beta"},
                          speakers={"beta"}, targets={"alpha"}, sentences={"Betaland denied it."})
    same_words = ClaimProfile("x:3", "C", "Betaland shelled the border town", supporters={"gamma"},
                              speakers={"gamma"}, targets={"delta"}, sentences={"Gammaland said so."})
    assert score(accused, denial) == score(denial, accused)
    assert score(accused, denial)[0] > score(accused, same_words)[0]
    # blocking: claims of other actors are not even compared
    assert propose_links([accused], [accused, same_words]) == []
    assert [(link.a, link.b) for link in propose_links([accused], [accused, denial])] == [("x:1", "x:2")]


def test_groups_pick_a_curated_claim_and_never_cross_a_rejection():
    links = [Link("a", "b", 0.9, "", "joined", ("A", "B")), Link("b", "c", 0.8, "", "joined", ("B", "C")),
             Link("a", "c", 1.0, "", "rejected", ("A", "C"))]
    representative = groups(links, public={"c"})
    assert representative == {"b": "a"}  # the a-b join first (higher confidence); c would join a, rejected
    assert groups(links[:2], public={"c"}) == {"a": "c", "b": "c"}


def test_curated_same_as_and_not_same_as(tmp_path, make_article):
    one, two = _dispute(make_article, tmp_path / "a")
    # a person rejects the link the linking would make
    two.write_text(two.read_text().replace('    label: "its army shelled the border town of Kessa"\n',
                                           '    label: "its army shelled the border town of Kessa"\n'
                                           '    not_same_as: ["accusation:shelling"]\n'))
    out = tmp_path / "g.trig"
    result = build_graph([tmp_path / "a"], out)
    assert (result.links.joined, result.links.curated) == (0, 1)
    assert contested_claims(open_graph(out)) == []
    # and accepts one it would not make (no shared words)
    two.write_text(two.read_text().replace('    label: "its army shelled the border town of Kessa"\n',
                                           '    label: "the lie"\n').replace("not_same_as", "same_as"))
    result = build_graph([tmp_path / "a"], out)
    assert result.links.curated == 1
    [dispute] = contested_claims(open_graph(out))
    assert dispute["articles"] == 2 and dispute["claim_iri"] == ID + "accusation/claim/shelling"


def test_curated_link_to_a_missing_claim_is_a_one_line_error(tmp_path, make_article):
    _, two = _dispute(make_article, tmp_path / "a")
    two.write_text(two.read_text().replace('    label: "its army shelled the border town of Kessa"\n',
                                           '    label: "its army shelled the border town of Kessa"\n'
                                           '    same_as: ["accusation:no-such-claim"]\n'))
    with pytest.raises(AnnotationError, match=r"denial\.yaml.*same_as: no claim 'no-such-claim' in article 'accusation'"):
        build_graph([tmp_path / "a"], tmp_path / "g.trig")
    assert not (tmp_path / "g.trig").exists()
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a"), "--store", str(tmp_path / "store"),
                                       "-o", str(tmp_path / "g.trig")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "same_as: no claim 'no-such-claim'" in result.output
    bad = two.read_text().replace('["accusation:no-such-claim"]', '["denial:army-shelled"]')
    two.write_text(bad)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a"), "--no-store", "-o", str(tmp_path / "g.trig")])
    assert result.exit_code == 1 and "same_as links claims of different articles" in result.output


def test_store_links_incrementally_like_a_full_build(tmp_path, make_article):
    """Adding the denial to a store that has the accusation links them, and the export equals
    an in-memory build; removing it removes the link and the join."""
    one, two = _dispute(make_article, tmp_path / "a")
    two.rename(tmp_path / "denial.yaml.off")
    store_dir, out, reference = tmp_path / "store", tmp_path / "g.trig", tmp_path / "ref.trig"
    build_graph([tmp_path / "a"], out, store=store_dir)
    (tmp_path / "denial.yaml.off").rename(two)
    result = build_graph([tmp_path / "a"], out, store=store_dir)
    assert (result.added, result.links.joined) == (1, 1)
    memory = build_graph([tmp_path / "a"], reference)
    assert out.read_bytes() == reference.read_bytes() and result.triples == memory.triples
    store = open_store(store_dir)
    assert len(_links(store)) == 1 and contested_claims(store)[0]["articles"] == 2
    del store
    two.unlink()
    result = build_graph([tmp_path / "a"], out, store=store_dir)
    assert (result.removed, result.links.joined) == (1, 0)
    store = open_store(store_dir)
    graph = ox.NamedNode(LINKS_GRAPH)
    assert not list(store.quads_for_pattern(None, None, ox.NamedNode(CG + "ClaimLink"), graph))
    assert not list(store.quads_for_pattern(None, ox.NamedNode(CG + "sameClaimAs"), None, None))
    # what remains of the corpus conclusions is the accusation's statement, counted on its own
    assert {(q.predicate.value, q.object.value) for q in store.quads_for_pattern(None, None, None, graph)} == {
        (CG + "countsFor", ID + "actor/alphaland"), (CG + "countsToward", ID + "accusation/claim/shelling"),
        (CG + "supportsClaim", ID + "accusation/claim/shelling"), (SCHEMA + "version", linking.LINKS_VERSION)}


def test_proposed_links_query_lists_the_least_sure_first(tmp_path, make_article, monkeypatch):
    """A link scored between the thresholds is proposed, not joined (a stricter join threshold
    here), and the canned query names its claims as same_as would."""
    monkeypatch.setattr(linking, "JOIN", 0.9)
    make_article("accusation", text=ACCUSATION_TEXT, yaml_text=ACCUSATION_YAML, folder=tmp_path / "a")
    sentence = "Betaland said the talk of Kessa was a lie."
    weaker = (DENIAL_YAML.replace('"its army shelled the border town of Kessa"', '"the talk of Kessa was a lie"')
              .replace('"Betaland denied that its army shelled the border town of Kessa, calling the accusation a lie."',
                       f'"{sentence}"'))
    make_article("denial", text=sentence + "\n", yaml_text=weaker, folder=tmp_path / "a")
    out = tmp_path / "g.trig"
    result = build_graph([tmp_path / "a"], out)
    assert (result.links.joined, result.links.proposed) == (0, 1), result.links
    found = CliRunner().invoke(cli, ["query", "proposed-links", "--graph", str(out), "--format", "csv"])
    assert found.exit_code == 0, found.output
    header, line = found.output.splitlines()[:2]
    assert header == "confidence,claim,claimLabel,other,otherLabel,reason"
    assert line.split(",")[1:3] == ["accusation:shelling", "Betaland shelled the border town of Kessa"]
    assert "a side's claim against the other's denial" in line


PERSON_YAML = """\
article:
  id: {article_id}
  text: {text_name}
  title: "Kara speaks"
  date: 2025-01-04
""" + ACTORS + """\
  - id: kara
    label: Minister Kara
    type: person
claims:
  - id: kara-shelling
    label: "Betaland shelled the border town of Kessa"
statements:
  - id: s1
    stance: accuse
    speaker: kara
    claim: kara-shelling
    about: [betaland]
    sentence: "Kara said Betaland shelled the border town of Kessa."
    method: extracted
    confidence: 0.6
"""


def test_a_person_counts_for_the_state_another_article_names(tmp_path, make_article):
    """Kara's own article does not say whom she speaks for; another article does (Alphaland's
    minister): her accusation counts for Alphaland, and a denial by a Betaland official of a
    claim of Betaland is no dispute of Betaland with itself."""
    folder = tmp_path / "a"
    make_article("denial", text=DENIAL_TEXT, yaml_text=DENIAL_YAML, folder=folder)
    make_article("kara", text="Kara said Betaland shelled the border town of Kessa.\n", yaml_text=PERSON_YAML,
                 folder=folder)
    role = ACCUSATION_YAML.replace("""    type: state
claims:""", """    type: state
  - id: kara
    label: Minister Kara
    type: person
    affiliations:
      - actor: alphaland
        role: minister
claims:""")
    make_article("accusation", text=ACCUSATION_TEXT, yaml_text=role, folder=folder)
    out = tmp_path / "g.trig"
    build_graph([folder], out)
    [dispute] = contested_claims(open_graph(out))
    assert (dispute["supporters"], dispute["disputers"]) == (["Alphaland"], ["Betaland"])
    assert {e["actor"] for e in dispute["evidence"]} == {"Alphaland", "Betaland"}
    assert {e["article"]["id"] for e in dispute["evidence"]} == {"accusation", "denial", "kara"}


SUMMARY_FIELDS = ("claim", "claim_iri", "supporters", "disputers", "articles", "first", "latest", "methods")


def test_kept_summary_answers_as_the_statements_do_after_every_change(tmp_path):
    """The disputes list the build keeps (contested_summary) is the evidence-based answer
    without its evidence, and one dispute asked for by name is its entry in that answer, in
    a fresh build, after an article changes and after one goes."""
    import shutil
    import subprocess
    import sys

    from conftest import ROOT
    from claimgraph.query import contested_summary

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "synth_corpus.py"), "--articles", "40", "--out",
                    str(corpus), "--seed", "5"], check=True, capture_output=True)
    store_dir = tmp_path / "store"

    def check():
        build_graph([corpus], None, validate=False, store=store_dir)
        store = open_store(store_dir)
        evidence = contested_claims(store)
        full = [{k: c[k] for k in SUMMARY_FIELDS} for c in evidence]
        assert len(full) > 5
        assert contested_summary(store) == full
        for dispute in evidence[:3] + evidence[-2:]:  # one dispute in full, from its own lookups
            assert contested_claims(store, claim=dispute["claim_iri"]) == [dispute]
        memory = build_graph([corpus], tmp_path / "memory.trig", validate=False)
        assert contested_summary(open_graph(tmp_path / "memory.trig")) == full and memory.links is not None

    check()
    victim = sorted(corpus.glob("*.yaml"))[3]
    victim.write_text(victim.read_text().replace("stance: deny", "stance: assert"))
    check()
    victim.unlink()
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
    check()


def test_a_claim_and_its_negation_by_the_other_side_contradict():
    shared = ClaimProfile("x:1", "A", "Canada had shared evidence of the killing with India", supporters={"canada"},
                          speakers={"canada"}, targets={"india"}, sentences={"Canada said it had shared evidence."})
    denied = ClaimProfile("x:2", "B", "Canada had not shared any evidence of the killing", supporters={"india"},
                          speakers={"india"}, targets={"canada"}, sentences={"India said Canada had not shared any."})
    [link] = propose_links([shared], [shared, denied])
    assert link.status == "contradicting" and "negates" in link.reason
    triples = linking.link_triples([link], {})
    assert ("x:1", CG + "contradicts", "x:2") in triples and ("x:2", CG + "contradicts", "x:1") in triples
    same_side = ClaimProfile("x:3", "C", "Canada had not shared any evidence of the killing", supporters={"canada"},
                             speakers={"canada"}, targets={"india"}, sentences={"Canada said so."})
    assert all(lk.status != "contradicting" for lk in propose_links([shared], [shared, same_side]))


def test_the_same_subject_and_verb_negated_by_the_other_side_contradict_in_other_words():
    """'Canada had shared the allegations with India' and, in another article, India's 'Ottawa
    had not shared a shred of evidence' share few words, but say the same subject did and did
    not do the same thing (cg:subject and cg:verb): a contradiction. Without the verb, or with
    another subject, the words alone are too few."""
    def profile(iri, article, label, subject, verb, side, other):
        return ClaimProfile(iri, article, label, subject=subject, verb=verb, supporters={side}, speakers={side},
                            targets={other}, sentences={label + "."})

    shared = profile("x:1", "A", "Canada had shared the credible allegations with India many weeks ago",
                     "canada", "share", "canada", "india")
    denied = profile("x:2", "B", 'Ottawa had "not shared a shred of evidence" despite requests',
                     "canada", "share", "india", "canada")
    [link] = propose_links([denied], [shared, denied])
    assert link.status == "contradicting" and "same subject and verb" in link.reason
    for other in (profile("x:3", "B", denied.label, "canada", None, "india", "canada"),
                  profile("x:4", "B", denied.label, "india", "share", "india", "canada")):
        assert all(lk.status != "contradicting" for lk in propose_links([other], [shared, other]))


def test_sparse_best_links_are_kept_incrementally_as_a_full_build_keeps_them(tmp_path, monkeypatch):
    """With one best link per claim (so many candidate links compete for few places), adding,
    changing and removing articles in a store gives the links, groups and summaries a full
    build of the same articles gives, byte for byte."""
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    monkeypatch.setattr(linking, "TOP_LINKS", 1)
    fast = []  # the updates of added articles that wrote only what changed (linking._update_added)
    update_added = linking._update_added
    monkeypatch.setattr(linking, "_update_added", lambda *a: fast.append(update_added(*a)) or fast[-1])
    source = tmp_path / "all"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "synth_corpus.py"), "--articles", "150", "--out",
                    str(source), "--seed", "7"], check=True, capture_output=True)
    corpus, store_dir = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    names = sorted(p.stem for p in source.glob("*.yaml"))

    def add(name):
        for suffix in (".yaml", ".txt"):
            shutil.copy(source / f"{name}{suffix}", corpus / f"{name}{suffix}")

    def check():
        result = build_graph([corpus], tmp_path / "store.trig", validate=False, store=store_dir)
        memory = build_graph([corpus], tmp_path / "memory.trig", validate=False)
        assert (tmp_path / "store.trig").read_bytes() == (tmp_path / "memory.trig").read_bytes()
        assert result.links.joined == memory.links.joined
        assert (result.statements, result.triples) == (memory.statements, memory.triples)  # counts kept, not recounted
        return memory

    for name in names[:140]:
        add(name)
    first = check()
    assert first.links.joined >= 5
    for name in names[140:144]:  # articles added one build at a time
        add(name)
        check()
    changed = next(p for p in sorted(corpus.glob("*.yaml")) if "stance: accuse" in p.read_text())
    changed.write_text(changed.read_text().replace("stance: accuse", "stance: deny"))
    check()
    for name in (names[3], names[141]):
        (corpus / f"{name}.yaml").unlink()
        check()
    assert len(fast) == 4 and all(fast)  # the four added one at a time
    for name in (names[3], names[141]):  # back again: an early id, whose claims may lead the groups they join
        add(name)
        check()
    assert len(fast) == 6 and all(fast)
    import yaml

    def extracted(name):  # the claims of an article that only extracted statements state
        methods = {}
        for st in yaml.safe_load((source / f"{name}.yaml").read_text())["statements"]:
            methods.setdefault(st["claim"], set()).add(st.get("method", "curated"))
        return sum(1 for m in methods.values() if m == {"extracted"})

    first, second = [name for name in names[:140] if extracted(name) >= 2][:2]
    for copy, name in (("aaa-copy", first), ("aab-copy", second), ("zzz-copy", first)):
        # a copy under an id sorting first leads its claims' groups, and wins its ties: joins
        # move from other claims to it, and groups may merge or split
        (corpus / f"{copy}.txt").write_bytes((source / f"{name}.txt").read_bytes())
        (corpus / f"{copy}.yaml").write_text((source / f"{name}.yaml").read_text()
                                             .replace(f"  id: {name}\n", f"  id: {copy}\n", 1)
                                             .replace(f"text: {name}.txt", f"text: {copy}.txt"))
        check()
    assert len(fast) == 9 and all(fast)


def test_summaries_count_a_contradicting_claims_supporters_as_disputers_and_each_article_once():
    """The kept summary of two claims that contradict each other: each one's supporters
    dispute the other, and an article carrying both is counted once."""
    store = ox.Store()
    node = ox.NamedNode
    dcterms = "http://purl.org/dc/terms/"
    a, b = ID + "art-1/claim/a", ID + "art-3/claim/b"
    store.extend([ox.Quad(node(a), node(CG + "contradicts"), node(b)), ox.Quad(node(b), node(CG + "contradicts"), node(a))])
    for st, cls, claim, who, article, day, method in (
            ("s1", "Assertion", a, "x", "art-1", "2025-01-01", "extracted"),
            ("s2", "Denial", a, "y", "art-2", "2025-01-03", None),
            ("s3", "Assertion", b, "z", "art-1", "2025-01-02", None),
            ("s4", "Accusation", b, "y", "art-3", "2024-12-31", None)):
        s = node(ID + st)
        store.extend([ox.Quad(s, node("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), node(CG + cls)),
                      ox.Quad(s, node(CG + "countsToward"), node(claim)),
                      ox.Quad(s, node(CG + "countsFor"), node(ID + "actor/" + who)),
                      ox.Quad(s, node(dcterms + "source"), node(ID + "article/" + article)),
                      ox.Quad(s, node(dcterms + "date"), ox.Literal(day, datatype=node("http://www.w3.org/2001/XMLSchema#date")))]
                     + ([ox.Quad(s, node(CG + "method"), node(CG + method))] if method else []))
    actors = lambda *names: {ID + "actor/" + n for n in names}  # noqa: E731
    assert linking._summary_entries(store, "") == {
        a: (actors("x"), actors("y", "z"), 3, "2024-12-31", "2025-01-03", {CG + "extracted", CG + "curated"}),
        b: (actors("y", "z"), actors("x"), 2, "2024-12-31", "2025-01-02", {CG + "extracted", CG + "curated"})}
    assert linking._summary_entries(store, f"VALUES ?claim {{ <{b}> }}") == {
        b: (actors("y", "z"), actors("x"), 2, "2024-12-31", "2025-01-02", {CG + "extracted", CG + "curated"})}


def _person_article(make_article, folder, name, person_id, label, affiliation=None):
    """An article in which one person (acting for ``affiliation``, or for no one it says) accuses Betaland."""
    role = f"""
    affiliations:
      - actor: {affiliation}
        role: spokesman""" if affiliation else ""
    body = PERSON_YAML.replace("  - id: kara\n    label: Minister Kara\n    type: person\n",
                               f"  - id: {person_id}\n    label: {label}\n    type: person{role}\n")
    body = body.replace("speaker: kara", f"speaker: {person_id}").replace("Kara said", f"{label} said")
    make_article(name, text=f"{label} said Betaland shelled the border town of Kessa.\n", yaml_text=body,
                 folder=folder)


def test_a_surname_alone_counts_for_the_actor_of_the_one_full_name_ending_in_it(tmp_path, make_article):
    """'Kessler said ...' in an article that gives him no role counts for the actor another article
    names for 'Tomas Kessler'; a surname that two people acting for different actors share does not."""
    folder = tmp_path / "a"
    _person_article(make_article, folder, "full", "tomas-kessler", "Tomas Kessler", "alphaland")
    _person_article(make_article, folder, "bare", "kessler", "Kessler")
    _person_article(make_article, folder, "one", "ana-moro", "Ana Moro", "alphaland")
    _person_article(make_article, folder, "two", "luis-moro", "Luis Moro", "betaland")
    _person_article(make_article, folder, "three", "moro", "Moro")
    out = tmp_path / "g.trig"
    build_graph([folder], out)
    found = linking.acting_for(open_graph(out))
    assert found[ID + "actor/kessler"] == ID + "actor/alphaland"
    assert ID + "actor/moro" not in found


def test_links_written_in_bulk_equal_those_written_in_a_transaction(monkeypatch):
    """Many link triples go to the store as N-Quads text through the bulk loader, a few as terms
    in a transaction: the same quads, in the links graph and the union view, whatever a literal
    holds (quotes, backslashes, line breaks, other scripts)."""
    import pyoxigraph as ox

    from claimgraph import linking

    xsd = "http://www.w3.org/2001/XMLSchema#"
    add = {(f"https://w3id.org/claimgraph/id/link/{i}", CG + "reason", (text, xsd + "string"))
           for i, text in enumerate(['shared "wording"', "a \\ b", "two\nlines\r", "تصريح", ""])}
    add |= {("https://w3id.org/claimgraph/id/claim/x", CG + "articleCount", ("3", xsd + "nonNegativeInteger")),
            ("https://w3id.org/claimgraph/id/claim/x", CG + "firstDate", ("2025-10-19", xsd + "date")),
            ("https://w3id.org/claimgraph/id/a/s1", CG + "countsToward", "https://w3id.org/claimgraph/id/claim/x")}
    written = {}
    for bulk_from in (0, 10**9):
        monkeypatch.setattr(linking, "BULK_WRITE_FROM", bulk_from)
        store = ox.Store()
        linking._write(store, set(), add)
        written[bulk_from] = sorted(map(str, store))
    assert written[0] == written[10**9]
    assert len(written[0]) == 2 * len(add)
