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
from .annotation import ClaimgraphError

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
            raise click.ClickException(str(exc)) from None

    return wrapper


def output_options(*formats: str):
    """The shared ``--format`` option (table for people, csv/json for programs)."""

    def decorator(func):
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                            help="Output format: table for people, csv or json for programs.")(func)

    return decorator


graph_option = click.option("--graph", "graph_file", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                            show_default=True, help="Graph file to read (TriG, Turtle, N-Quads or N-Triples).")


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
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check (not recommended).")
@library_errors
def build(paths, output, no_validate):
    """Build the graph from annotated articles (default: seeds/).

    Reads every NAME.yaml (with its NAME.txt) in PATHS, checks it, converts it to RDF
    (one named graph per article), validates it against ontology/shapes.ttl and
    writes OUTPUT only if all of that succeeds.

    Example: claimgraph build seeds/ -o graph/claims.trig
    """
    from .build import build_graph

    result = build_graph(list(paths) or [DEFAULT_SEEDS], output, validate=not no_validate)
    click.echo(f"{result.output}: {len(result.articles)} article(s), {result.statements} statements, "
               f"{result.triples} triples", err=True)


@cli.command()
@click.argument("query", required=False)
@graph_option
@output_options("table", "csv", "json")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries and exit.")
@library_errors
def query(query, graph_file, fmt, list_queries):
    """Run a SPARQL query: a canned query's name, a .rq file, or SPARQL text.

    JSON output is the standard SPARQL 1.1 Query Results JSON format. Exits 1 when the
    query returns no rows.

    Examples: claimgraph query --list;
    claimgraph query mediations --format json;
    claimgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from .query import canned_queries, resolve_query
    from .store import open_graph, rows, run_query

    if list_queries:
        found = [{"name": q.name, "description": q.description} for q in canned_queries().values()
                 if not q.name.startswith("_")]
        print_rows(["name", "description"], found, fmt)
        return
    if not query:
        raise click.UsageError("give a QUERY (a canned query name, a .rq file or SPARQL), or --list")
    results = run_query(open_graph(graph_file), resolve_query(query))
    if "triples" in results:
        click.echo(results["triples"], nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
        columns, found = rows(results)
    else:
        columns, found = rows(results)
        print_rows(columns, found, fmt)
    if not found:
        click.echo("no results", err=True)
        sys.exit(1)


@cli.command()
@graph_option
@output_options("table", "json", "csv")
@library_errors
def contested(graph_file, fmt):
    """List the contested claims: who asserts each, who disputes it, and the evidence.

    A claim is contested when one actor asserts or accuses it and a different actor
    denies it (or asserts a claim marked as contradicting it). Exits 1 when there is none.

    Example: claimgraph contested --format json
    """
    from .query import contested_claims
    from .store import open_graph

    claims = contested_claims(open_graph(graph_file))
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
@graph_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_HTML, show_default=True,
              help="HTML file to write.")
@click.option("--title", default="claimgraph", show_default=True, help="Page title.")
@library_errors
def render(graph_file, output, title):
    """Draw the graph as one self-contained HTML page that works offline.

    Actors, claims and mediations are nodes; stances are edges; contested claims are
    outlined in red; clicking shows the evidence sentence and its source.

    Example: claimgraph render -o graph/claims.html
    """
    from .analysis import project
    from .render import render_file
    from .store import open_graph

    graph = project(open_graph(graph_file))
    render_file(graph, output, title)
    click.echo(f"{output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)


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
        from .analysis import project, to_graphml

        data = to_graphml(project(store))
    else:
        data = dump(store, fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        from .build import write_atomic

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
    from .rdf import validate_file

    conforms, report = validate_file(graph_file)
    click.echo(report)
    if not conforms:
        sys.exit(1)


def main():
    cli()
