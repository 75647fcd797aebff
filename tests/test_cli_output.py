"""Exact output of the main commands on the seed, as a user sees it (stdout and stderr apart).

What is printed is part of the interface: scripts parse it and people learn it. These
tests pin it down; a change to any of it must be deliberate (and the README, whose
examples are generated from the same commands, regenerated with `cog -r README.md`).
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from tests.conftest import SEEDS


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args, code=0):
    result = runner.invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result


CONTESTED_JSON = '[\n  {\n    "claim": "The Afghan Taliban harbours armed groups that attack Pakistan, giving sanctuary to the Pakistani Taliban (TTP)",\n    "claim_iri": "https://w3id.org/claimgraph/id/claim/taliban-harbours-militants",\n    "supporters": [\n      "Pakistan"\n    ],\n    "disputers": [\n      "Afghan Taliban"\n    ],\n    "evidence": [\n      {\n        "sentence": "In the context of the historic relationship between the two nations, Pakistan was a significant supporter of the Taliban post-2001; however, relations have soured due to Islamabad\'s claims that the Taliban offers sanctuary to the Pakistan Taliban, responsible for numerous attacks.",\n        "source": "Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks",\n        "actor": "Pakistan",\n        "stance": "Accusation",\n        "side": "supporter",\n        "date": "2025-10-19",\n        "method": "curated",\n        "confidence": null,\n        "article": {\n          "id": "pak-afg-ceasefire",\n          "title": "Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks",\n          "date": "2025-10-19",\n          "url": null\n        }\n      },\n      {\n        "sentence": "Pakistan has long accused the Taliban of harboring armed groups that carry out attacks within its borders, claims the Taliban denies.",\n        "source": "Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks",\n        "actor": "Pakistan",\n        "stance": "Accusation",\n        "side": "supporter",\n        "date": "2025-10-19",\n        "method": "curated",\n        "confidence": null,\n        "article": {\n          "id": "pak-afg-ceasefire",\n          "title": "Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks",\n          "date": "2025-10-19",\n          "url": null\n        }\n      },\n      {\n        "sentence": "Pakistan has long accused the Taliban of harboring armed groups that carry out attacks within its borders, claims the Taliban denies.",\n        "source": "Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks",\n        "actor": "Afghan Taliban",\n        "stance": "Denial",\n        "side": "disputer",\n        "date": "2025-10-19",\n        "method": "curated",\n        "confidence": null,\n        "article": {\n          "id": "pak-afg-ceasefire",\n          "title": "Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks",\n          "date": "2025-10-19",\n          "url": null\n        }\n      }\n    ],\n    "articles": 1,\n    "first": "2025-10-19",\n    "latest": "2025-10-19",\n    "methods": [\n      "curated"\n    ]\n  }\n]\n'

CONTESTED_TABLE = '┌─────┬──────────────────────────────────────────────────────────────────────────────────────────────────┬──────────────┬────────────────┬────────────┬────────────┬────────────┬──────────┐\n│   # │ claim                                                                                            │ supporters   │ disputers      │   articles │ first      │ latest     │ method   │\n├─────┼──────────────────────────────────────────────────────────────────────────────────────────────────┼──────────────┼────────────────┼────────────┼────────────┼────────────┼──────────┤\n│   1 │ The Afghan Taliban harbours armed groups that attack Pakistan, giving sanctuary to the Pakistani │ Pakistan     │ Afghan Taliban │          1 │ 2025-10-19 │ 2025-10-19 │ curated  │\n│     │ Taliban (TTP)                                                                                    │              │                │            │            │            │          │\n└─────┴──────────────────────────────────────────────────────────────────────────────────────────────────┴──────────────┴────────────────┴────────────┴────────────┴────────────┴──────────┘\n'

DISPUTE_TABLE = "The Afghan Taliban harbours armed groups that attack Pakistan, giving sanctuary to the Pakistani Taliban (TTP)\n  for:     Pakistan\n  against: Afghan Taliban\n  3 statement(s) in 1 article(s), 2025-10-19 to 2025-10-19\n┌───────────┬────────────────┬────────────┬────────────┬───────────────────────────────────────────────┬─────────────────────────────────────────────┬──────────┐\n│ side      │ actor          │ stance     │ date       │ sentence                                      │ article                                     │ method   │\n├───────────┼────────────────┼────────────┼────────────┼───────────────────────────────────────────────┼─────────────────────────────────────────────┼──────────┤\n│ supporter │ Pakistan       │ Accusation │ 2025-10-19 │ In the context of the historic relationship   │ Pakistan and Afghan Taliban agree immediate │ curated  │\n│           │                │            │            │ between the two nations, Pakistan was a       │ ceasefire after Qatar- and Turkey-mediated  │          │\n│           │                │            │            │ significant supporter of the Taliban          │ talks                                       │          │\n│           │                │            │            │ post-2001; however, relations have soured due │                                             │          │\n│           │                │            │            │ to Islamabad's claims that the Taliban offers │                                             │          │\n│           │                │            │            │ sanctuary to the Pakistan Taliban,            │                                             │          │\n│           │                │            │            │ responsible for numerous attacks.             │                                             │          │\n├───────────┼────────────────┼────────────┼────────────┼───────────────────────────────────────────────┼─────────────────────────────────────────────┼──────────┤\n│ supporter │ Pakistan       │ Accusation │ 2025-10-19 │ Pakistan has long accused the Taliban of      │ Pakistan and Afghan Taliban agree immediate │ curated  │\n│           │                │            │            │ harboring armed groups that carry out attacks │ ceasefire after Qatar- and Turkey-mediated  │          │\n│           │                │            │            │ within its borders, claims the Taliban        │ talks                                       │          │\n│           │                │            │            │ denies.                                       │                                             │          │\n├───────────┼────────────────┼────────────┼────────────┼───────────────────────────────────────────────┼─────────────────────────────────────────────┼──────────┤\n│ disputer  │ Afghan Taliban │ Denial     │ 2025-10-19 │ Pakistan has long accused the Taliban of      │ Pakistan and Afghan Taliban agree immediate │ curated  │\n│           │                │            │            │ harboring armed groups that carry out attacks │ ceasefire after Qatar- and Turkey-mediated  │          │\n│           │                │            │            │ within its borders, claims the Taliban        │ talks                                       │          │\n│           │                │            │            │ denies.                                       │                                             │          │\n└───────────┴────────────────┴────────────┴────────────┴───────────────────────────────────────────────┴─────────────────────────────────────────────┴──────────┘\n"

QUERY_LIST_CSV = 'name,page,description\naccusations,100,"Who accuses whom, newest first: each accusation with accuser, accused (targets) and the claim."\nanonymous-only,100,"Claims that rest only on anonymous reports, newest first: every statement counting toward them (in any article) is a cg:Report with no named speaker."\ncontested,100,"Contested claims, most disputed first: one row per (claim, side, actor, statement); a claim is contested when an actor asserts or accuses it and a different actor denies it or asserts a contradicting claim. Across the corpus: claims joined across articles count as one and a person counts for the state they act for."\ndenials,100,"Denials, newest first: who denies which claim, and who had put that claim forward anywhere in the corpus."\nextracted,100,"Machine-extracted statements awaiting review (cg:extracted), lowest confidence first, with speaker, stance, claim and evidence."\nharbouring,100,"Who harbours or supports which group, according to whom, newest first: statements on claims with relation harbours or supports, with each claimant and stance."\nmediations,100,"Mediations, newest first (by the talks\' date, else the article\'s): talks with their mediators, parties, place, status, outcome and follow-ups."\nproposed-links,100,"Claim links across articles proposed for review, lowest confidence first: accept one with same_as, reject it with not_same_as (ARTICLE-ID:CLAIM-ID) in a curated annotation."\nstatements-by-actor,100,"Statements with the actor they are attributed to (the speaker, or the organisation it speaks for), newest first, with stance, claim and evidence; filter with VALUES or grep."\nstatements-by-date,100,"Statements by date: a timeline of who took which stance on what, newest first."\n'

MEDIATIONS_CSV = 'date,label,mediators,parties,place,status,outcome,followUpOf,sentence,source,mediation\n2025-10-19,Doha talks,"Qatar, Turkey","Afghan Taliban, Pakistan",Doha,held,Immediate ceasefire,,"The foreign ministry of Qatar, which mediated talks alongside Turkey, stated that both sides agreed to establish mechanisms to consolidate lasting peace and stability.",Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks,https://w3id.org/claimgraph/id/pak-afg-ceasefire/mediation/doha-talks\n2025-10-19,Istanbul talks,,"Afghan Taliban, Pakistan",Istanbul,planned,,Doha talks,Further discussions are planned in Istanbul as both parties aim to navigate the complex dynamics of their historical ties.,Pakistan and Afghan Taliban agree immediate ceasefire after Qatar- and Turkey-mediated talks,https://w3id.org/claimgraph/id/pak-afg-ceasefire/mediation/istanbul-talks\n'


def test_contested_json(runner, seed_trig):
    result = run(runner, "contested", "--graph", seed_trig, "--format", "json")
    assert result.stdout == CONTESTED_JSON and result.stderr == ""


def test_contested_table(runner, seed_trig):
    result = run(runner, "contested", "--graph", seed_trig)
    assert result.stdout == CONTESTED_TABLE and result.stderr == ""


def test_one_dispute_in_full(runner, seed_trig):
    result = run(runner, "contested", "taliban-harbours-militants", "--graph", seed_trig)
    assert result.stdout == DISPUTE_TABLE and result.stderr == ""


def test_one_dispute_a_page_at_a_time(runner, seed_trig):
    """A page of a dispute takes the two sides in turn: two statements are one of each, and
    stderr says how to get the rest."""
    result = run(runner, "contested", "taliban-harbours-militants", "--graph", seed_trig, "--limit", "2",
                 "--format", "csv")
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["side", "supporter", "disputer"]
    result = run(runner, "contested", "taliban-harbours-militants", "--graph", seed_trig, "--limit", "2")
    assert "3 statement(s) in 1 article(s)" in result.stdout
    assert result.stderr == ("statements 1-2 of 3 shown, the two sides in turn, newest first; "
                             "--offset 2 for the next, --all for every one\n")
    beyond = run(runner, "contested", "taliban-harbours-militants", "--graph", seed_trig, "--offset", "5")
    assert beyond.stderr == "no statements from number 6: there are 3\n"


def test_query_list_csv(runner):
    assert run(runner, "query", "--list", "--format", "csv").stdout == QUERY_LIST_CSV


def test_query_csv(runner, seed_trig):
    result = run(runner, "query", "mediations", "--graph", seed_trig, "--format", "csv")
    assert result.stdout == MEDIATIONS_CSV and result.stderr == ""


def test_build_reports_on_stderr_and_quiet_silences_it(runner, tmp_path):
    out, store = tmp_path / "g.trig", tmp_path / "store"
    first = run(runner, "build", SEEDS, "-o", out)
    assert first.stdout == ""
    assert re.fullmatch(
        rf"{re.escape(str(out))}: 1 article\(s\), 21 statements, 1432 triples\n"
        rf"{re.escape(str(store))}: 1 added, 0 updated, 0 removed, 0 unchanged in \d+\.\d s; TriG written\n",
        first.stderr), first.stderr
    again = run(runner, "build", SEEDS, "-o", out)
    assert again.stderr.endswith(" s; TriG already up to date\n")
    assert "0 added, 0 updated, 0 removed, 1 unchanged" in again.stderr
    quiet = run(runner, "-q", "build", SEEDS, "-o", out)
    assert quiet.stdout == quiet.stderr == ""


def test_errors_are_one_line_on_stderr(runner, seed_trig, tmp_path):
    unknown = run(runner, "query", "nosuch", "--graph", seed_trig, code=1)
    assert unknown.stdout == ""
    assert unknown.stderr == ("Error: 'nosuch' is not a canned query, a .rq file or SPARQL; "
                              "see `claimgraph query --list` for the canned queries\n")
    missing = run(runner, "contested", "--graph", tmp_path / "none.trig", code=1)
    assert missing.stderr == f"Error: {tmp_path / 'none.trig'}: graph file not found; check the path\n"
    nobody = run(runner, "render", "--graph", seed_trig, "--actor", "Nobody", "-o", tmp_path / "x.html", code=1)
    assert nobody.stderr.startswith("Error: --actor 'Nobody': no actor with that label or alias; e.g. ")
    assert not (tmp_path / "x.html").exists()


def test_no_result_exits_1_with_a_note(runner, seed_trig):
    result = run(runner, "query", "SELECT ?s WHERE { ?s a <urn:nothing> }", "--graph", seed_trig, code=1)
    assert result.stderr == "no results\n"
    quiet = run(runner, "-q", "query", "SELECT ?s WHERE { ?s a <urn:nothing> }", "--graph", seed_trig, code=1)
    assert quiet.stderr == ""


def test_an_unexpected_error_is_reported_as_a_bug(runner, seed_trig, monkeypatch):
    import claimgraph.query

    def broken(store, **options):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(claimgraph.query, "contested_summary", broken)
    result = run(runner, "contested", "--graph", seed_trig, code=70)
    assert result.stderr == ("Error: unexpected ZeroDivisionError: division by zero\n"
                             "This is a bug in claimgraph, please report it (run again with -v for the traceback).\n")
    verbose = run(runner, "-v", "contested", "--graph", seed_trig, code=70)
    assert "Traceback (most recent call last)" in verbose.stderr and "ZeroDivisionError" in verbose.stderr


def test_python_dash_m(seed_trig):
    import subprocess
    import sys

    help_text = subprocess.run([sys.executable, "-m", "claimgraph", "--help"], capture_output=True, text=True,
                               check=True).stdout
    assert help_text.startswith("Usage: python -m claimgraph [OPTIONS] COMMAND [ARGS]...")
    assert "  contested  " in help_text


def test_tables_strip_terminal_control_sequences(runner, tmp_path, make_article):
    """ESC and BEL from article text never reach a terminal through a table (CSV and JSON keep
    the text as it is: programs read those)."""
    hostile = "Alphaland accused Betaland of shelling the border town.\x1b[2J\x07 Betaland denied the accusation.\n"
    path = make_article(text=hostile, replace=('sentence: "Betaland denied the accusation."',
                                               'sentence: "Betaland of shelling the border town.\\e[2J\\a Betaland '
                                               'denied the accusation."'))
    out = tmp_path / "g.trig"
    run(runner, "build", path, "--no-store", "-o", out)
    table = run(runner, "contested", "betaland-shelled-town", "--graph", out).stdout
    assert "\x1b" not in table and "\x07" not in table and "[2J" in table
    query = run(runner, "query", "denials", "--graph", out).stdout
    assert "\x1b" not in query and "\x07" not in query
    assert "\\u001b[2J\\u0007" in run(runner, "contested", "--graph", out, "--format", "json").stdout


def test_local_query_timeout_and_interrupt(seed_trig):
    """A local query past --timeout stops the command with one line (exit 1); Ctrl-C stops it too.
    Run as processes: the abandoned query ends with its process."""
    import signal
    import subprocess
    import sys
    import time

    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    command = [sys.executable, "-m", "claimgraph", "query", endless, "--graph", str(seed_trig)]
    started = time.monotonic()
    timed = subprocess.run(command + ["--timeout", "1"], capture_output=True, text=True, timeout=60)
    assert timed.returncode == 1 and time.monotonic() - started < 30
    assert timed.stderr == ("Error: query took longer than 1 s (--timeout); narrow it down or raise the timeout\n")
    process = subprocess.Popen(command + ["--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=_interruptible)
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode != 0 and "Traceback" not in stderr and "Aborted!" in stderr


def _interruptible():
    """Give a child process the terminal's Ctrl-C: a test run started in the background (`cmd &`
    in a script) ignores SIGINT, and a Python started with it ignored never raises
    KeyboardInterrupt."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_handed_to_the_query_thread_still_stops_it(seed_trig):
    """The system may hand a Ctrl-C to any thread; one that lands on the query's thread must
    still stop the query (the main thread, asleep in one long wait, never ran the handler). The
    SIGINT is sent to that thread on purpose, once the query has run for a second."""
    import subprocess
    import sys

    script = (
        "import signal, sys, threading, time\n"
        "from claimgraph.store import open_graph, write_query\n"
        "store = open_graph(sys.argv[1])\n"
        "def poke():\n"
        "    while not any(t.name == 'claimgraph-query' for t in threading.enumerate()):\n"
        "        time.sleep(0.1)\n"
        "    time.sleep(1)\n"
        "    worker = next(t for t in threading.enumerate() if t.name == 'claimgraph-query')\n"
        "    signal.pthread_kill(worker.ident, signal.SIGINT)\n"
        "threading.Thread(target=poke, daemon=True).start()\n"
        "try:\n"
        "    write_query(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }',"
        " sys.stdout.buffer)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted')\n"
        "    sys.exit(3)\n")
    done = subprocess.run([sys.executable, "-c", script, str(seed_trig)], capture_output=True, text=True, timeout=60,
                          preexec_fn=_interruptible)
    assert done.returncode == 3 and done.stdout == "interrupted\n"


def test_a_closed_pipe_is_not_a_bug(seed_trig):
    import subprocess
    import sys

    everything = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"  # about 200 kB: more than a pipe holds
    reader = subprocess.Popen([sys.executable, "-m", "claimgraph", "query", everything, "--graph",
                               str(seed_trig), "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.read(10)
    reader.stdout.close()
    stderr = reader.stderr.read().decode()
    reader.wait(timeout=30)
    assert stderr == ""
