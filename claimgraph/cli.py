"""The ``claimgraph`` command: a thin click layer over the library.

Each command calls one library function and turns :class:`ClaimgraphError` into a
one-line ``click.ClickException``. Exit codes: 0 ok; 1 bad input or no result;
2 usage or environment error.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import sys
import textwrap
from pathlib import Path

import click

from . import __version__
from .errors import ClaimgraphError

DEFAULT_SEEDS = Path("seeds")
DEFAULT_GRAPH = Path("graph/claims.trig")
DEFAULT_HTML = Path("graph/claims.html")


class EnvironmentProblem(click.ClickException):
    """Something outside the input is missing (a model, a server): exit code 2."""

    exit_code = 2


def library_errors(func):
    """Run a command body, turning library errors into one-line click errors (exit 1)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = getattr(exc, "exit_code", 1)  # e.g. 2 for an unreachable server
            raise error from None

    return wrapper


def output_options(*formats: str):
    """The shared ``--format`` option (table for people, csv/json for programs)."""

    def decorator(func):
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                            help="Output format: table for people, csv or json for programs.")(func)

    return decorator


graph_option = click.option("--graph", "graph_file", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                            show_default=True, help="Graph file to read (TriG, Turtle, N-Quads or N-Triples).")


class Source:
    """Where a command reads the graph: ``--graph FILE``, ``--store DIR`` or ``--endpoint URL``, opened lazily."""

    def __init__(self, graph=None, store=None, endpoint=None, **endpoint_options):
        self.graph, self.store, self.endpoint, self.endpoint_options = graph, store, endpoint, endpoint_options

    def open(self):
        from .source import open_source

        return open_source(self.graph, self.store, self.endpoint, **self.endpoint_options)


def endpoint_login_options(func):
    """``--user``, ``--auth`` and ``--timeout`` for a remote server; the password never goes on the command line."""
    func = click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                        help="Seconds to wait for the server.")(func)
    func = click.option("--auth", "auth_scheme", type=click.Choice(["basic", "digest"]), default="basic",
                        show_default=True, help="HTTP authentication scheme for --user.")(func)
    return click.option("--user", metavar="NAME", default=None,
                        help="User name for the server; the password is read from $CLAIMGRAPH_PASSWORD, "
                             "else prompted for.")(func)


def _password(user: str | None) -> str | None:
    import os

    from .remote import PASSWORD_ENV

    if not user:
        return None
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return password


def source_options(func):
    """The shared ``--graph FILE | --store DIR | --endpoint URL`` choice; passes ``source`` (a :class:`Source`)."""

    @functools.wraps(func)
    def wrapper(*args, graph_file, store_dir, endpoint, user, auth_scheme, timeout, **kwargs):
        options = {}
        if endpoint:
            options = {"user": user, "password": _password(user), "auth_scheme": auth_scheme, "timeout": timeout}
        elif user:
            raise click.UsageError("--user is only for --endpoint")
        return func(*args, source=Source(graph_file, store_dir, endpoint, **options), **kwargs)

    wrapper = endpoint_login_options(wrapper)
    wrapper = click.option("--endpoint", metavar="URL", default=None,
                           help="Query a remote SPARQL 1.1 endpoint instead (Oxigraph, Fuseki, Virtuoso, "
                                "GraphDB, Neptune).")(wrapper)
    wrapper = click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None,
                           help="Oxigraph store folder to read. Default: graph/store if built, "
                                "else graph/claims.trig.")(wrapper)
    return click.option("--graph", "graph_file", type=click.Path(path_type=Path), default=None,
                        help="Graph file to read instead (TriG, Turtle, N-Quads or N-Triples).")(wrapper)


def print_rows(columns: list[str], rows: list[dict], fmt: str) -> None:
    """Print rows as an aligned table, CSV or a JSON list of objects."""
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        from tabulate import tabulate

        width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
        limits = _column_widths(columns, rows, width)
        cells = [[_wrap(r[c], limits[c]) for c in columns] for r in rows]
        click.echo(tabulate(cells, headers=columns, tablefmt="simple_grid"))


def _column_widths(columns: list[str], rows: list[dict], total: int) -> dict[str, int]:
    """Share the line between columns: short columns keep their width, long ones split the rest."""
    natural = {c: max([len(c)] + [len(line) for r in rows for line in r[c].splitlines()]) for c in columns}
    budget = max(20 * len(columns), total - 3 * len(columns) - 1)
    limits, open_cols = {}, list(columns)
    while open_cols:
        share = budget // len(open_cols)
        fitting = [c for c in open_cols if natural[c] <= share]
        if not fitting:
            limits.update({c: max(12, share) for c in open_cols})
            break
        for c in fitting:
            limits[c] = natural[c]
            budget -= natural[c]
            open_cols.remove(c)
    return limits


def _wrap(text: str, width: int) -> str:
    """Wrap each line of a cell to ``width``, keeping the line breaks the cell already has."""
    return "\n".join(textwrap.fill(line, width) if len(line) > width else line for line in text.splitlines())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def cli():
    """claimgraph: who said what about whom in the news, as a knowledge graph.

    Build the graph from annotated articles, ask it SPARQL questions, list the
    contested claims and draw it as an interactive page.

    Exit codes: 0 ok, 1 bad input or no result, 2 usage or environment error.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True,
              help="TriG file to write.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of each changed article (not recommended).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None,
              help="Oxigraph store folder to build into incrementally.  [default: store/ next to OUTPUT]")
@click.option("--no-store", is_flag=True, help="Build everything in memory and write OUTPUT only (no store).")
@click.option("--no-export", is_flag=True, help="Update the store only; do not write OUTPUT.")
@click.option("--extract", is_flag=True,
              help="Also take raw NAME.txt articles that have no NAME.yaml, drafted by the extractor "
                   "(marked extracted in the graph; a curated annotation always wins).")
@click.option("--jobs", type=click.IntRange(1), default=None,
              help="Worker processes that load, convert and check changed articles.  [default: one per core, "
                   "at most 4]")
@library_errors
def build(paths, output, no_validate, store_dir, no_store, no_export, extract, jobs):
    """Build the graph from annotated articles (default: seeds/).

    Reads every NAME.yaml (with its NAME.txt) in PATHS, checks it, converts it to RDF
    (one named graph per article), validates it against ontology/shapes.ttl, stores it
    in the on-disk Oxigraph store and exports OUTPUT (sorted TriG) from it.

    The build is incremental: only articles whose annotation or text changed since the
    last build are processed again; deleted articles are removed from the store. A
    build that stops (an error, Ctrl-C, a kill) keeps the articles it had saved, and
    OUTPUT is written only when every article succeeded.

    Changed articles are checked against the shapes one by one with pyshacl-turbo;
    `claimgraph validate` runs the reference engine, pySHACL, over the whole graph.

    Examples: claimgraph build seeds/ -o graph/claims.trig;
    claimgraph build seeds/ news/ --extract --jobs 4
    """
    from .build import Progress, build_graph

    if no_store and (store_dir or no_export):
        raise click.UsageError("--no-store builds OUTPUT in memory; it cannot go with --store or --no-export")
    store = None if no_store else (store_dir or output.parent / "store")
    result = build_graph(list(paths) or [DEFAULT_SEEDS], None if no_export else output, validate=not no_validate,
                         store=store, progress=Progress(), extract=extract, jobs=jobs)
    where = f"{result.output}" if result.output else f"{store}"
    click.echo(f"{where}: {len(result.articles)} article(s), {result.statements} statements, "
               f"{result.triples} triples", err=True)
    if store is not None:
        exported = "" if no_export else ("; TriG written" if result.exported else "; TriG already up to date")
        click.echo(f"{store}: {result.summary()} in {result.seconds:.1f} s{exported}", err=True)


@cli.command()
@click.argument("query", required=False)
@source_options
@output_options("table", "csv", "json")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries and exit.")
@library_errors
def query(query, source, fmt, list_queries):
    """Run a SPARQL query: a canned query's name, a .rq file, or SPARQL text.

    JSON output is the standard SPARQL 1.1 Query Results JSON format. Exits 1 when the
    query returns no rows.

    Examples: claimgraph query --list;
    claimgraph query mediations --format json;
    claimgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from .query import canned_queries, resolve_query
    from .store import rows, run_query, run_query_serialized

    if list_queries:
        found = [{"name": q.name, "description": q.description} for q in canned_queries().values()
                 if not q.name.startswith("_")]
        print_rows(["name", "description"], found, fmt)
        return
    if not query:
        raise click.UsageError("give a QUERY (a canned query name, a .rq file or SPARQL), or --list")
    if fmt == "json":  # the engine's own serialisation, written as is
        kind, data = run_query_serialized(source.open(), resolve_query(query))
        click.echo(data, nl=kind != "triples")
        if kind == "triples":
            return
        results = json.loads(data)
        found = "boolean" in results or results["results"]["bindings"]
    else:
        results = run_query(source.open(), resolve_query(query))
        if "triples" in results:
            click.echo(results["triples"], nl=False)
            return
        columns, found = rows(results)
        print_rows(columns, found, fmt)
    if not found:
        click.echo("no results", err=True)
        sys.exit(1)


@cli.command()
@source_options
@output_options("table", "json", "csv")
@library_errors
def contested(source, fmt):
    """List the contested claims: who asserts each, who disputes it, and the evidence.

    A claim is contested when one actor asserts or accuses it and a different actor
    denies it (or asserts a claim marked as contradicting it). Exits 1 when there is none.

    Example: claimgraph contested --format json
    """
    from .query import contested_claims

    claims = contested_claims(source.open())
    if fmt == "json":
        out = [{"claim": c["claim"], "supporters": c["supporters"], "disputers": c["disputers"],
                "evidence": [{"sentence": e["sentence"], "source": e["source"], "actor": e["actor"],
                              "stance": e["stance"]} for e in c["evidence"]]} for c in claims]
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        flat = [{"claim": c["claim"], "supporters": ", ".join(c["supporters"]),
                 "disputers": ", ".join(c["disputers"]),
                 "evidence": "\n".join(f"[{e['actor']}, {e['stance']}] {e['sentence']}" for e in c["evidence"]),
                 "source": "\n".join(sorted({e["source"] for e in c["evidence"]}))} for c in claims]
        print_rows(["claim", "supporters", "disputers", "evidence", "source"], flat, fmt)
    if not claims:
        click.echo("no contested claims", err=True)
        sys.exit(1)


@cli.command()
@source_options
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_HTML, show_default=True,
              help="HTML file to write.")
@click.option("--title", default="claimgraph", show_default=True, help="Page title.")
@click.option("--actor", metavar="NAME", default=None,
              help="Draw only this actor's neighbourhood (label, alias or IRI).")
@click.option("--hops", type=click.IntRange(0), default=1, show_default=True,
              help="With --actor: how far to go (one hop: actor -> claim or mediation -> actor).")
@click.option("--contested-only", is_flag=True, help="Only contested claims, supporters left and disputers right.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="DATE",
              help="Only statements dated on or after DATE (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="DATE",
              help="Only statements dated on or before DATE (YYYY-MM-DD).")
@click.option("--max-nodes", type=click.IntRange(1), default=1500, show_default=True,
              help="Above this many nodes draw actors only, with weighted accusation/denial/mediation edges.")
@library_errors
def render(source, output, title, actor, hops, contested_only, since, until, max_nodes):
    """Draw the graph as one self-contained HTML page that works offline.

    Actors, claims and mediations are nodes; stances are edges (colour, line pattern and
    label). Click for the evidence (sentence, span, source); search by name or alias;
    legend and filters hide what you do not need; the URL fragment keeps the view, so a
    link reopens it; the visible statements download as CSV, the drawing as PNG. Above
    --max-nodes the page aggregates to actors only and says so.

    Examples: claimgraph render -o graph/claims.html;
    claimgraph render --actor Pakistan --hops 1 --since 2025-10-01 -o pakistan.html
    """
    from .projection import narrow, project
    from .render import render_file

    if hops != 1 and not actor:
        raise click.UsageError("--hops needs --actor")
    if since and until and since > until:
        raise click.UsageError("--since is after --until")
    graph = project(source.open())
    graph, note = narrow(graph, actor=actor, hops=hops, contested=contested_only,
                         since=since.date() if since else None, until=until.date() if until else None)
    if graph.number_of_nodes() == 0:
        raise click.ClickException("nothing to draw: no statement matches the options")
    render_file(graph, output, title, max_nodes=max_nodes, note=note)
    drawn = "aggregated to actors" if graph.number_of_nodes() > max_nodes else "drawn in full"
    click.echo(f"{output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {drawn}", err=True)


@cli.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "jsonld", "nt", "nq", "ttl", "trig"]),
              required=True, help="graphml for Gephi/Cytoscape (the network projection); RDF formats otherwise.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output).")
@library_errors
def export(graph_file, fmt, output):
    """Export the graph for other tools: GraphML, JSON-LD, N-Triples, N-Quads, Turtle or TriG.

    nt and ttl merge all named graphs into one graph; nq, trig and jsonld keep them.

    Example: claimgraph export --format graphml -o graph/claims.graphml
    """
    from .store import dump, open_graph

    store = open_graph(graph_file)
    if fmt == "graphml":
        from .projection import project, to_graphml

        data = to_graphml(project(store))
    else:
        data = dump(store, fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        from .fileio import write_atomic

        write_atomic(output, data)
        click.echo(f"{output}: {fmt}", err=True)


@cli.command()
@graph_option
@library_errors
def validate(graph_file):
    """Check a graph file against ontology/shapes.ttl and print the full SHACL report.

    Exits 1 when the graph does not conform.

    Example: claimgraph validate --graph graph/claims.trig
    """
    from .shacl import validate_source
    from .store import open_graph

    conforms, report = validate_source(open_graph(graph_file))
    click.echo(report)
    if not conforms:
        sys.exit(1)


def _local_source(graph_file, store_dir):
    """A local graph to read for push and serve: --graph FILE or --store DIR (default graph/store, else the TriG)."""
    from .source import open_source

    return open_source(graph_file, store_dir)


local_source_options = [
    click.option("--graph", "graph_file", type=click.Path(path_type=Path), default=None,
                 help="Graph file to read (TriG, Turtle, N-Quads or N-Triples)."),
    click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None,
                 help="Oxigraph store folder to read. Default: graph/store if built, else graph/claims.trig."),
]


def _apply(options):
    def decorator(func):
        for option in reversed(options):
            func = option(func)
        return func

    return decorator


@cli.command()
@click.option("--endpoint", metavar="URL", required=True,
              help="The server's SPARQL query endpoint (e.g. http://127.0.0.1:7878/query).")
@click.option("--graph-store", metavar="URL", default=None,
              help="The server's Graph Store endpoint. Default: from --endpoint, .../query -> .../store "
                   "(Oxigraph), .../sparql -> .../data (Fuseki).")
@_apply(local_source_options)
@endpoint_login_options
@library_errors
def push(endpoint, graph_store, graph_file, store_dir, user, auth_scheme, timeout):
    """Write the graph to a SPARQL server with the Graph Store HTTP Protocol.

    Each article's named graph is sent with one PUT (with the article's document
    description), which replaces that graph on the server, so pushing twice changes
    nothing; other graphs on the server are left alone. The ontology goes in its own
    graph. Queries over pushed data need the server to use the union of its graphs as
    the default graph (Oxigraph: sent per query; Virtuoso and GraphDB: by default;
    Fuseki: tdb2:unionDefaultGraph).

    Example: CLAIMGRAPH_PASSWORD=... claimgraph push --endpoint http://127.0.0.1:7878/query --user me
    """
    from .build import Progress
    from .remote import Endpoint
    from .remote import push as push_graphs

    store = _local_source(graph_file, store_dir)
    remote = Endpoint(endpoint, user=user, password=_password(user), auth_scheme=auth_scheme, timeout=timeout,
                      graph_store=graph_store)
    total = sum(1 for g in store.named_graphs()) + 1
    progress = Progress(label="graphs")
    try:
        graphs, triples = push_graphs(store, remote, progress=lambda done: progress(min(done, total), total))
        on_server = remote.count()
    finally:
        remote.close()
    click.echo(f"{remote.graph_store}: pushed {graphs:,} graph(s), {triples:,} triples; "
               f"the server now holds {on_server:,} triples in named graphs", err=True)


@cli.command()
@_apply(local_source_options)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a query may run before it is answered with 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (or triples) a result may have; longer results are cut and say so in a header.")
@click.option("--title", default="claimgraph", show_default=True, help="Title of the pages.")
@click.option("--workers", type=click.IntRange(min=1), default=4, show_default=True,
              help="Queries that may run at once, each in its own process.")
@click.option("--max-memory", type=click.IntRange(min=64), default=2048, show_default=True, metavar="MB",
              help="Memory a query's process may use; a query that needs more is answered with 503.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (default: only 127.0.0.1 and localhost). Repeatable.")
@library_errors
def serve(graph_file, store_dir, port, timeout, max_rows, title, workers, max_memory, allow_hosts):
    """Serve the graph read-only on 127.0.0.1: the page, a SPARQL endpoint and the canned queries.

    / is the interactive graph page; /sparql answers the SPARQL 1.1 Protocol (GET and
    POST; JSON, XML, CSV or TSV results and Turtle, N-Triples, N-Quads, RDF/XML or
    JSON-LD graphs by the Accept header) and refuses updates; /queries lists the canned
    queries, each at /queries/NAME with .json and .csv forms. A rebuild of the store
    (or graph file) is picked up at the next request, without a restart. Stop with Ctrl-C.

    Each query runs in a worker process that is stopped at --timeout. Queries that call
    other servers (SERVICE), nest deeper than the parser can take, or POST more than
    1 MB are refused, and so are requests for host names other than 127.0.0.1 and
    localhost unless given with --allow-host.

    Example: claimgraph serve --port 8000, then open http://127.0.0.1:8000/
    """
    from .server import Served, Settings
    from .server import serve as run_server

    served = Served(graph_file, store_dir)

    def ready(bound):
        click.echo(f"serving on http://127.0.0.1:{bound}/ (SPARQL at /sparql, queries at /queries); "
                   f"Ctrl-C to stop", err=True)

    run_server(served, port, Settings(title=title, timeout=timeout, max_rows=max_rows, workers=workers,
                                      max_memory_mb=max_memory, allowed_hosts=list(allow_hosts)), ready=ready)


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="yaml: folder for the drafts (default: each article's own folder); "
                   "jsonl: file to write (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "jsonl"]), default="yaml", show_default=True,
              help="yaml: a draft annotation per article for people to review; jsonl: scorer records for programs.")
@click.option("--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes, each parsing a share of the files.")
@click.option("--force", is_flag=True, help="Overwrite existing NAME.yaml files (curated ones too!).")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Article date for the drafts.  [default: each file's modification date]")
@click.option("--title", default=None, help="Article title (one article only).  [default: from the file name]")
@library_errors
def extract(articles, output, fmt, jobs, force, date, title):
    """Draft annotations from raw news articles (.txt) by automatic attribution extraction.

    yaml (default) writes one draft NAME.yaml per article in the schema of seeds/README.md,
    every statement marked method: extracted with a confidence, for an analyst to review
    before `claimgraph build`. An existing NAME.yaml is never overwritten without --force.
    jsonl prints one record per line in the protocol of the evaluation scorer.

    Unusable files (missing, empty, binary, not UTF-8) are reported one line each and the
    others still processed; exits 1 when any file failed.

    Example: claimgraph extract news/*.txt -o drafts/ --jobs 4
    """
    import time

    from .extract import ExtractorUnavailable, extract_files, to_jsonl_records, write_draft

    if title and len(articles) > 1:
        raise click.UsageError("--title names one article; give a single ARTICLE or drop --title")
    if fmt == "jsonl" and (force or date or title):
        raise click.UsageError("--force, --date and --title are for --format yaml")
    started, tty = time.monotonic(), sys.stderr.isatty()

    def progress(done, total, words):
        if tty and total > 1 and (done == total or done % 5 == 0):
            secs = max(time.monotonic() - started, 1e-6)
            eta = (total - done) * secs / done
            click.echo(f"\r{done}/{total} articles, {words / secs:,.0f} words/s, ETA {eta:.0f} s ",
                       err=True, nl=done == total)

    sink = None
    if fmt == "jsonl":
        sink = io.StringIO() if output else sys.stdout
    ok = failed = words = 0
    try:
        for path, result in extract_files(list(articles), jobs=jobs, progress=progress):
            if not isinstance(result, dict):
                failed += 1
                click.echo(f"error: {result}", err=True)
                continue
            words += result.get("words", 0)
            if fmt == "jsonl":
                for record in to_jsonl_records(result):
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                ok += 1
                continue
            try:
                target = write_draft(result, path, output, force=force, title=title,
                                     date=date.date().isoformat() if date else None)
            except ClaimgraphError as exc:  # an existing file, or a draft the loader would refuse
                failed += 1
                click.echo(f"error: {exc}", err=True)
                continue
            click.echo(f"{target}: {len(result['statements'])} statements", err=True)
            ok += 1
    except ExtractorUnavailable as exc:
        raise EnvironmentProblem(str(exc)) from None
    if fmt == "jsonl" and output:
        from .fileio import write_atomic

        write_atomic(output, sink.getvalue().encode("utf-8"))
    secs = max(time.monotonic() - started, 1e-6)
    click.echo(f"{ok} extracted, {failed} failed ({words:,} words in {secs:.1f} s, {words / secs:,.0f} words/s)",
               err=True)
    if failed:
        sys.exit(1)


def main():
    cli()
