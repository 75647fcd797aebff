"""The ``claimgraph`` command: a thin click layer over the library.

Each command calls one library function. Library errors (:class:`ClaimgraphError`)
become one-line messages with the error's exit code; anything else is a bug, reported
as such with its own exit code (the traceback only with ``-v``).

Exit codes: 0 ok; 1 bad input or no result; 2 usage or environment error;
70 an unexpected error, a bug (``EX_SOFTWARE`` of sysexits.h).

Library modules are imported inside the commands that use them: the CLI is one
process per command, and importing them all costs 1.2 s (rdflib, networkx, numpy,
pyvis, starlette, tabulate; measured with ``python -X importtime``) where ``claimgraph
query`` needs 0.1 s.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import sys
import textwrap
import traceback
import typing
from pathlib import Path

import click

from . import __version__
from .errors import EXIT_ENVIRONMENT, ClaimgraphError

DEFAULT_SEEDS = Path("seeds")
DEFAULT_GRAPH = Path("graph/claims.trig")
DEFAULT_HTML = Path("graph/claims.html")
#: Exit code of an unexpected error (a bug): EX_SOFTWARE of sysexits.h.
EXIT_BUG = 70
PASSWORD_ENV = "CLAIMGRAPH_PASSWORD"


class ClaimgraphGroup(click.Group):
    """The command group: turns library errors into one-line messages, and bugs into a report request."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimgraphError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit,
                KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as other Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - anything else is a bug, said as one
            if (ctx.obj or {}).get("verbose"):
                traceback.print_exc()
            click.echo(f"Error: unexpected {type(exc).__name__}: {exc}", err=True)
            click.echo("This is a bug in claimgraph, please report it"
                       + ("" if (ctx.obj or {}).get("verbose") else " (run again with -v for the traceback)")
                       + ".", err=True)
            ctx.exit(EXIT_BUG)


def say(message: str) -> None:
    """A message for people on stderr (a summary, a warning), unless ``-q``."""
    ctx = click.get_current_context(silent=True)
    if not (ctx and (ctx.find_root().obj or {}).get("quiet")):
        click.echo(message, err=True)


def progress_bar(label: str = "articles"):
    """The progress reporter for long work (count, rate, ETA), or None with ``-q``."""
    from .build import Progress

    ctx = click.get_current_context(silent=True)
    return None if ctx and (ctx.find_root().obj or {}).get("quiet") else Progress(label=label)


def output_options(*formats: str):
    """The shared ``--format`` option (table for people, csv/json for programs)."""

    def decorator(func):
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                            help="Output format: table for people, csv or json for programs.")(func)

    return decorator


class Source:
    """Where a command reads the graph (``--graph FILE``, ``--store DIR`` or ``--endpoint URL``), opened lazily."""

    def __init__(self, graph=None, store=None, endpoint=None, timeout=None, **endpoint_options):
        self.graph, self.store, self.endpoint, self.endpoint_options = graph, store, endpoint, endpoint_options
        self.timeout = timeout  # for local queries; an endpoint has its own in endpoint_options

    def open(self, local_copy: bool = False):
        """The graph to query; with ``local_copy`` an endpoint's graphs are copied into memory first
        (for commands that read every quad: export, validate)."""
        from .source import open_source, source_warning

        options = dict(self.endpoint_options, timeout=self.timeout or 60.0) if self.endpoint else {}
        opened = open_source(self.graph, self.store, self.endpoint, **options)
        if local_copy and self.endpoint:
            opened = opened.to_store()
        warning = source_warning(opened)
        if warning:
            say(f"warning: {warning}")
        return opened


def _password(user: str | None) -> str | None:
    if not user:
        return None
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return password


def login_options(func, local_timeout: bool = False):
    """``--user``, ``--auth`` and ``--timeout`` for a remote server; the password never goes on the command line."""
    if local_timeout:
        func = click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
                            help="Seconds a query may take, locally or on the server.  [default: 60 for --endpoint, "
                                 "none locally]")(func)
    else:
        func = click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                            help="Seconds to wait for the server.")(func)
    func = click.option("--auth", "auth_scheme", type=click.Choice(["basic", "digest"]), default="basic",
                        show_default=True, help="HTTP authentication scheme for --user.")(func)
    return click.option("--user", metavar="NAME", default=None,
                        help=f"User name for the server; the password is read from ${PASSWORD_ENV}, "
                             "else prompted for.")(func)


def source_options(remote: bool = True):
    """The one source option group: ``--graph FILE | --store DIR`` and, with ``remote``, ``--endpoint URL``
    with its login options. Passes ``source`` (a :class:`Source`) to the command."""

    def decorator(func):
        if remote:
            @functools.wraps(func)
            def wrapper(*args, graph_file, store_dir, endpoint, user, auth_scheme, timeout, **kwargs):
                options = {}
                if endpoint:
                    options = {"user": user, "password": _password(user), "auth_scheme": auth_scheme}
                elif user:
                    raise click.UsageError("--user is only for --endpoint")
                return func(*args, source=Source(graph_file, store_dir, endpoint, timeout=timeout, **options),
                            **kwargs)
        else:
            @functools.wraps(func)
            def wrapper(*args, graph_file, store_dir, **kwargs):
                return func(*args, source=Source(graph_file, store_dir), **kwargs)

        if remote:
            wrapper = login_options(wrapper, local_timeout=True)
            wrapper = click.option("--endpoint", metavar="URL", default=None,
                                   help="Read a remote SPARQL 1.1 endpoint instead (Oxigraph, Fuseki, Virtuoso, "
                                        "GraphDB, Neptune).")(wrapper)
        wrapper = click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None, metavar="DIR",
                               help="Oxigraph store folder to read. Default: graph/store if built, "
                                    "else graph/claims.trig.")(wrapper)
        return click.option("--graph", "graph_file", type=click.Path(path_type=Path), default=None, metavar="FILE",
                            help="Graph file to read instead (TriG, Turtle, N-Quads, N-Triples or JSON-LD).")(wrapper)

    return decorator


def window_options(func):
    """The shared ``--since``/``--until`` time window; passes ``since`` and ``until`` as dates (or None)."""

    @functools.wraps(func)
    def wrapper(*args, since, until, **kwargs):
        if since and until and since > until:
            raise click.UsageError("--since is after --until")
        return func(*args, since=since.date() if since else None, until=until.date() if until else None, **kwargs)

    wrapper = click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="DATE",
                           help="Only statements dated on or before DATE (YYYY-MM-DD).")(wrapper)
    return click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="DATE",
                        help="Only statements dated on or after DATE (YYYY-MM-DD); contested claims are "
                             "those disputed within the window.")(wrapper)


#: Disputes in a table's page of `claimgraph contested`; a paged canned query has its own page size.
TABLE_PAGE = 100


class Page(typing.NamedTuple):
    """What --limit, --offset and --all asked for (``limit`` None: not given)."""

    limit: int | None
    offset: int
    all: bool

    def size(self, fmt: str, default: int | None) -> int | None:
        """Items to show: --limit, else ``default`` for a table (for people), else every item
        (csv and json are for programs, and --all)."""
        if self.limit is not None:
            return self.limit
        return default if fmt == "table" and not self.all else None


def page_options(func):
    """The shared ``--limit``/``--offset``/``--all`` options; passes ``page`` (a :class:`Page`)."""

    @functools.wraps(func)
    def wrapper(*args, limit, offset, all_items, **kwargs):
        if all_items and limit is not None:
            raise click.UsageError("--all and --limit do not go together")
        return func(*args, page=Page(limit, offset, all_items), **kwargs)

    wrapper = click.option("--all", "all_items", is_flag=True,
                           help="Every item, not one page (the default for csv and json).")(wrapper)
    wrapper = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                           help="Skip the first N items (with --limit: pages).")(wrapper)
    return click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Show N items.  [default: one page in a table, all in csv and json]")(wrapper)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Text without control characters (ESC, BEL...), which article text must not send to a terminal."""
    return _CONTROL.sub("", text)


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
        width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
        rows = [{c: _printable(r[c]) for c in columns} for r in rows]
        limits = _column_widths(columns, rows, width)
        cells = [[_wrap(r[c], limits[c]) for c in columns] for r in rows]
        narrow = all(c.isascii() for c in columns) and all(cell.isascii() for row in cells for cell in row)
        click.echo(_tabulate(narrow)(cells, headers=columns, tablefmt="simple_grid"))
        if any(cell.endswith(CUT_MARK) for row in cells for cell in row):
            say(f"cells longer than {CELL_LINES} lines are cut (…); --format csv or json gives them whole")


def _tabulate(narrow: bool):
    """tabulate's function, measuring wide characters (CJK, emoji) with wcwidth unless ``narrow``.

    tabulate imports wcwidth, when it is installed, to measure characters that take two
    columns or none; for ASCII text wcwidth measures every character as one, as len() does,
    and importing it costs 26 ms (wcwidth 0.9), a sixth of a small page's answer. So a table
    of ASCII text imports tabulate without it, and the first table with other characters
    hands it to tabulate (its module-level ``wcwidth``, read at each call)."""
    if "tabulate" not in sys.modules and narrow and "wcwidth" not in sys.modules:
        sys.modules["wcwidth"] = None  # `import wcwidth` fails inside tabulate: tabulate goes without
        try:
            import tabulate
        finally:
            del sys.modules["wcwidth"]
    import tabulate

    if not narrow and tabulate.wcwidth is None:
        try:
            import wcwidth
        except ImportError:  # not installed: tabulate counts characters
            pass
        else:
            tabulate.wcwidth, tabulate.WIDE_CHARS_MODE = wcwidth, True
    return tabulate.tabulate


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


#: Lines a table cell shows at most (a table is for people; csv and json give every cell whole).
CELL_LINES = 12
#: How a cut cell ends.
CUT_MARK = " …"


def _wrap(text: str, width: int) -> str:
    """Wrap each line of a cell to ``width``, keeping the line breaks the cell already has, and
    cut it after :data:`CELL_LINES` lines (a cell of hundreds of names would fill screens; only
    the start of a long line is wrapped, as textwrap takes seconds over a page of them)."""
    lines: list[str] = []
    for line in text.splitlines():
        if len(lines) > CELL_LINES:
            break
        if len(line) <= width:
            lines.append(line)
        else:  # the lines still wanted, and a line more to know whether anything is cut
            lines += textwrap.wrap(line[:width * (CELL_LINES - len(lines) + 2)], width)
    if len(lines) <= CELL_LINES:
        return "\n".join(lines)
    last = lines[CELL_LINES - 1]
    return "\n".join(lines[:CELL_LINES - 1] + [last[:max(0, width - len(CUT_MARK))].rstrip() + CUT_MARK])


@click.group(cls=ClaimgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
@click.option("-q", "--quiet", is_flag=True, help="Print only results and errors: no progress, summaries or warnings.")
@click.option("-v", "--verbose", is_flag=True, help="Show the traceback of an unexpected error (a bug).")
@click.pass_context
def cli(ctx, quiet, verbose):
    """claimgraph: who said what about whom in the news, as a knowledge graph.

    Build the graph from annotated articles, ask it SPARQL questions, list the
    contested claims and draw it as an interactive page.

    Exit codes: 0 ok, 1 bad input or no result, 2 usage or environment error,
    70 an unexpected error (a bug: please report it).

    \b
    Examples:
      claimgraph build
      claimgraph contested
      claimgraph render
    """
    ctx.obj = {"quiet": quiet, "verbose": verbose}


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
@click.option("--prune", is_flag=True,
              help="Also remove from the store the articles of other inputs (by default they are kept).")
@click.option("--compact/--no-compact", default=None,
              help="Compact the store after the build, reclaiming the space of replaced and removed articles.  "
                   "[default: when a fifth of the articles were replaced or removed]")
@click.option("--date", "draft_date", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="With --extract: the date of drafted articles whose text gives none (a dateline without a "
                   "year takes its year).  [default: each file's modification date]")
@click.option("--title", "draft_title", default=None,
              help="With --extract: the title of drafted articles whose first line is no headline.  "
                   "[default: from the file name]")
@click.pass_context
def build(ctx, paths, output, no_validate, store_dir, no_store, no_export, extract, jobs, prune, compact,
          draft_date, draft_title):
    """Build the graph from annotated articles (default: seeds/).

    Reads every NAME.yaml (with its NAME.txt) in PATHS, checks it, converts it to RDF
    (one named graph per article), validates it against ontology/shapes.ttl, stores it
    in the on-disk Oxigraph store and exports OUTPUT (sorted TriG) from it.

    The build is incremental: only articles whose annotation or text changed since the
    last build are processed again; articles whose files were deleted from PATHS are
    removed from the store. The store is a corpus: articles built from other folders stay
    in it (--prune removes them). OUTPUT holds the articles of PATHS only, and
    graph/claims.trig, the committed graph of seeds/, is only written for seeds/ unless
    -o names it. A build that stops (an error, Ctrl-C, a kill) keeps the articles it had
    saved, and OUTPUT is written only when every article succeeded.

    Changed articles are checked against the shapes one by one with pyshacl-turbo;
    `claimgraph validate` runs the reference engine, pySHACL, over the whole graph.

    \b
    Examples:
      claimgraph build
      claimgraph build seeds/ -o graph/claims.trig
      claimgraph build seeds/ news/ --extract --jobs 4
      claimgraph build news/ --extract --date 2025-10-19 -o news.trig
    """
    from click.core import ParameterSource

    from .build import build_graph

    if no_store and (store_dir or no_export or prune or compact is not None):
        raise click.UsageError("--no-store builds OUTPUT in memory; it cannot go with --store, --no-export, --prune "
                               "or --compact")
    if (draft_date or draft_title) and not extract:
        raise click.UsageError("--date and --title are for drafted articles: add --extract")
    paths = list(paths) or [DEFAULT_SEEDS]
    default_output = ctx.get_parameter_source("output") is ParameterSource.DEFAULT
    store = None if no_store else (store_dir or output.parent / "store")
    kept_trig = False
    if default_output and any(Path(p).resolve() != DEFAULT_SEEDS.resolve() for p in paths):
        if no_store:
            raise click.UsageError(f"give -o FILE: {DEFAULT_GRAPH} is the graph of {DEFAULT_SEEDS}/ only")
        kept_trig, no_export = not no_export, True
    result = build_graph(paths, None if no_export else output, validate=not no_validate,
                         store=store, progress=progress_bar(), extract=extract, jobs=jobs, prune=prune,
                         compact=compact, draft_date=draft_date.date().isoformat() if draft_date else None,
                         draft_title=draft_title)
    for warning in result.warnings:
        say(f"warning: {warning}")
    if kept_trig:
        say(f"{DEFAULT_GRAPH} not written: it is the graph of {DEFAULT_SEEDS}/ only; give -o FILE to export this "
            f"build")
    where = f"{result.output}" if result.output else f"{store}"
    say(f"{where}: {len(result.articles)} article(s), {result.statements} statements, {result.triples} triples")
    if store is not None:
        exported = "" if no_export else ("; TriG written" if result.exported else "; TriG already up to date")
        exported += "; store compacted" if result.compacted else ""
        say(f"{store}: {result.summary()} in {result.seconds:.1f} s{exported}")
    links = result.links
    if links is not None and (links.joined or links.proposed or links.contradicting or links.curated):
        say(result.links_summary())


@cli.command()
@click.argument("query", required=False)
@source_options()
@page_options
@output_options("table", "csv", "json")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries and exit.")
def query(query, source, fmt, page, list_queries):
    """Run a SPARQL query: a canned query's name, a .rq file, or SPARQL text.

    Canned queries are paged where they pick their items (a line `LIMIT n  # page`), so
    one page answers at corpus scale in the time of its own rows: a table shows the
    query's first page (`--list` gives its size), csv and json every item; --limit,
    --offset and --all choose. JSON output is the standard SPARQL 1.1 Query Results JSON
    format. Exits 1 when the query returns no rows.

    \b
    Examples:
      claimgraph query --list
      claimgraph query accusations --offset 100
      claimgraph query mediations --format json
      claimgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from .query import canned_queries, page_size, paged, resolve_query
    from .store import rows, run_query, write_query

    if list_queries:
        found = [{"name": q.name, "description": q.description, "page": str(q.page_size or "")}
                 for q in canned_queries().values() if not q.name.startswith("_")]
        print_rows(["name", "page", "description"], found, fmt)
        return
    if not query:
        raise click.UsageError("give a QUERY (a canned query name, a .rq file or SPARQL), or --list")
    sparql = resolve_query(query)
    limit = page.size(fmt, page_size(sparql))
    if page_size(sparql) is not None:
        sparql = paged(sparql, limit, page.offset)
    elif page.limit is not None or page.offset:
        raise click.UsageError("this query has no page clause (a line `LIMIT n  # page`); "
                               "write LIMIT and OFFSET into its SPARQL")
    if fmt == "json":  # the engine's own serialisation, streamed as is
        stdout = sys.stdout.buffer
        kind, found = write_query(source.open(), sparql, stdout, timeout=source.timeout)
        if kind == "triples":
            return
        stdout.write(b"\n")
    else:
        results = run_query(source.open(), sparql, timeout=source.timeout)
        if "triples" in results:
            click.echo(results["triples"], nl=False)
            return
        columns, found = rows(results)
        print_rows(columns, found, fmt)
        if fmt == "table" and limit is not None and (len(found) >= limit or page.offset):
            say(f"one page: up to {limit} items from item {page.offset + 1}; --offset {page.offset + limit} "
                f"for the next, --all for every row")
    if not found:
        say("no results")
        sys.exit(1)


@cli.command()
@click.argument("claim", required=False)
@source_options()
@page_options
@output_options("table", "json", "csv")
@click.option("--sort", type=click.Choice(["contested", "latest", "claim"]), default="contested", show_default=True,
              help="contested: most supporters and disputers first; latest: newest dispute first; claim: A-Z.")
@window_options
def contested(claim, source, fmt, sort, page, since, until):
    """List the contested claims, most disputed first; or one dispute in full.

    A claim is contested when one actor asserts or accuses it and a different actor
    denies it (or asserts a claim marked as contradicting it); a person's statement
    counts for the state or organisation it speaks for, as any article gives it, and
    claims the build joined across articles count as one. The list gives each claim's
    supporters and disputers, how many articles carry it, its first and latest date and
    whether it was curated or extracted (the summary the build keeps, so a page answers
    at once on a large corpus). A table shows 100 disputes at a time; csv and json give
    every one (--limit, --offset and --all choose). With CLAIM (its IRI, the end of its
    IRI, or its label) the dispute's statements on both sides are shown with their
    sentences and articles: in a table 100 at a time, the two sides in turn, newest
    first; csv and json give every one.

    JSON is lossless: every dispute with all its evidence (article id, title, date and
    URL, method and confidence). Exits 1 when there is no contested claim.

    \b
    Examples:
      claimgraph contested
      claimgraph contested --since 2025-10-01 --until 2025-10-31 --limit 10
      claimgraph contested taliban-harbours-militants
      claimgraph contested --format json
    """
    from .query import contested_claims, contested_summary, count_contested, dispute

    store = source.open()
    limit = page.size(fmt, TABLE_PAGE)
    if claim:
        _print_dispute(dispute(store, claim, limit=limit, offset=page.offset, since=since, until=until), fmt, page)
        return
    if since or until:  # contested within the window: from its statements, then cut
        claims = contested_claims(store, since=since, until=until, sort=sort)
        total = len(claims)
        claims = claims[page.offset:page.offset + limit if limit else None]
    else:  # the disputes the build keeps: only this page is read
        total = count_contested(store)
        read = contested_claims if fmt == "json" else contested_summary
        claims = read(store, sort=sort, limit=limit, offset=page.offset)
    if fmt == "json":
        click.echo(json.dumps(claims, indent=2, ensure_ascii=False))
    elif claims or fmt == "csv":
        names = _few if fmt == "table" else ", ".join
        columns = ["#", "claim", "supporters", "disputers", "articles", "first", "latest", "method"]
        print_rows(columns, [{"#": str(page.offset + i), "claim": c["claim"], "supporters": names(c["supporters"]),
                              "disputers": names(c["disputers"]), "articles": str(c["articles"]),
                              "first": c["first"] or "", "latest": c["latest"] or "",
                              "method": ", ".join(c["methods"])} for i, c in enumerate(claims, 1)], fmt)
    if fmt == "table" and len(claims) < total:
        say(_shown("contested claims", page.offset, len(claims), total))
    if not total:
        say("no contested claims")
        sys.exit(1)


#: Names a table cell lists before it counts the rest.
FEW = 12


def _few(names: list[str]) -> str:
    """A table cell's list of names: the first FEW, then how many more (csv and json list all)."""
    shown = ", ".join(names[:FEW])
    return shown + (f" and {len(names) - FEW:,} more" if len(names) > FEW else "")


def _print_dispute(dispute: dict, fmt: str, page: Page) -> None:
    """One contested claim: its sides, then its statements (a page of them) with their evidence."""
    if fmt == "json":
        click.echo(json.dumps(dispute, indent=2, ensure_ascii=False))
        return
    rows = [{"side": e["side"], "actor": e["actor"], "stance": e["stance"], "date": e["date"] or "",
             "sentence": e["sentence"], "article": e["article"]["title"] or e["article"]["id"],
             "method": e["method"] + (f" {e['confidence']:.2f}" if e["confidence"] is not None else "")}
            for e in sorted(dispute["evidence"], key=lambda e: (e["side"] != "supporter", e["date"] or "",
                                                                 e["actor"]))]
    if fmt == "table":
        click.echo(_printable(f"{dispute['claim']}\n  for:     {_few(dispute['supporters'])}\n"
                              f"  against: {_few(dispute['disputers'])}\n"
                              f"  {dispute['statements']:,} statement(s) in {dispute['articles']:,} article(s), "
                              f"{dispute['first']} to {dispute['latest']}"))
    print_rows(["side", "actor", "stance", "date", "sentence", "article", "method"], rows, fmt)
    if fmt == "table" and len(rows) < dispute["statements"]:
        say(_shown("statements", page.offset, len(rows), dispute["statements"], ", the two sides in turn, newest first"))


def _shown(what: str, offset: int, shown: int, total: int, how: str = "") -> str:
    """The note under a table that shows one page of ``total`` items: which, and how to get the rest."""
    if not shown:
        return f"no {what} from number {offset + 1:,}: there are {total:,}"
    last = offset + shown
    more = f"--offset {last} for the next, " if last < total else ""
    return f"{what} {offset + 1:,}-{last:,} of {total:,} shown{how}; {more}--all for every one"


@cli.command()
@source_options()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_HTML, show_default=True,
              help="HTML file to write.")
@click.option("--title", default="claimgraph", show_default=True, help="Page title.")
@click.option("--actor", metavar="NAME", default=None,
              help="Draw only this actor's neighbourhood (label, alias or IRI).")
@click.option("--hops", type=click.IntRange(0), default=1, show_default=True,
              help="With --actor: how far to go (one hop: actor -> claim or mediation -> actor).")
@click.option("--contested-only", is_flag=True, help="Only contested claims, supporters left and disputers right.")
@window_options
@click.option("--max-nodes", type=click.IntRange(1), default=1500, show_default=True,
              help="Above this many nodes draw actors only, with weighted accusation/denial/mediation edges.")
def render(source, output, title, actor, hops, contested_only, since, until, max_nodes):
    """Draw the graph as one self-contained HTML page that works offline.

    Actors, claims and mediations are nodes; stances are edges (colour, line pattern and
    label). Click for the evidence (sentence, span, source); search by name or alias;
    legend and filters hide what you do not need; the URL fragment keeps the view, so a
    link reopens it; the visible statements download as CSV, the drawing as PNG. Above
    --max-nodes the page aggregates to actors only and says so.

    \b
    Examples:
      claimgraph render -o graph/claims.html
      claimgraph render --actor Pakistan --hops 1 --since 2025-10-01 -o pakistan.html
    """
    from .render import render_source

    if hops != 1 and not actor:
        raise click.UsageError("--hops needs --actor")
    drawn = render_source(source.open(), output, title=title, actor=actor, hops=hops, contested=contested_only,
                          since=since, until=until, max_nodes=max_nodes)
    say(f"{output}: {drawn.nodes} nodes, {drawn.edges} edges, "
        f"{'aggregated to actors' if drawn.aggregated else 'drawn in full'}")


EXPORT_FORMATS = ["graphml", "jsonld", "nt", "nq", "ttl", "trig"]


@cli.command()
@source_options()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="graphml for Gephi/Cytoscape/igraph (the network projection); RDF formats otherwise.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output).")
def export(source, fmt, output):
    """Export the graph for other tools: GraphML, JSON-LD, N-Triples, N-Quads, Turtle or TriG.

    nt and ttl merge all named graphs into one graph; nq, trig and jsonld keep them.
    JSON-LD is compacted with the claimgraph prefixes as its @context. Every RDF export
    of a valid graph passes `claimgraph validate`.

    \b
    Examples:
      claimgraph export --format graphml -o graph/claims.graphml
      claimgraph export --format jsonld --store graph/store -o claims.jsonld
    """
    from .fileio import write_atomic
    from .projection import export_graph

    data = export_graph(source.open(local_copy=True), fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_atomic(output, data)
        say(f"{output}: {fmt}")


@cli.command()
@source_options()
def validate(source):
    """Check the graph against ontology/shapes.ttl and print the full SHACL report.

    Runs pySHACL, the reference engine, on each article's named graph with the
    document descriptions (a file with one merged graph is checked as a whole).
    Exits 1 when the graph does not conform.

    \b
    Examples:
      claimgraph validate
      claimgraph validate --graph claims.jsonld
    """
    from .shacl import validate_source

    conforms, report = validate_source(source.open(local_copy=True))
    click.echo(report)
    if not conforms:
        sys.exit(1)


@cli.command()
@click.option("--endpoint", metavar="URL", required=True,
              help="The server's SPARQL query endpoint (e.g. http://127.0.0.1:7878/query).")
@click.option("--graph-store", metavar="URL", default=None,
              help="The server's Graph Store endpoint. Default: from --endpoint, .../query -> .../store "
                   "(Oxigraph), .../sparql -> .../data (Fuseki).")
@source_options(remote=False)
@login_options
def push(endpoint, graph_store, source, user, auth_scheme, timeout):
    """Write the graph to a SPARQL server with the Graph Store HTTP Protocol.

    Each article's named graph is sent with one PUT (with the article's document
    description), which replaces that graph on the server, so pushing twice changes
    nothing; other graphs on the server are left alone. The ontology goes in its own
    graph. Queries over pushed data need the server to use the union of its graphs as
    the default graph (Oxigraph: sent per query; Virtuoso and GraphDB: by default;
    Fuseki: tdb2:unionDefaultGraph).

    \b
    Examples:
      claimgraph push --endpoint http://127.0.0.1:7878/query
      CLAIMGRAPH_PASSWORD=... claimgraph push --endpoint https://example.org/sparql --user me
    """
    from .remote import Endpoint, push_all

    remote = Endpoint(endpoint, user=user, password=_password(user), auth_scheme=auth_scheme, timeout=timeout,
                      graph_store=graph_store)
    graphs, triples, on_server = push_all(source.open(), remote, progress=progress_bar("graphs"))
    say(f"{remote.graph_store}: pushed {graphs:,} graph(s), {triples:,} triples; "
        f"the server now holds {on_server:,} triples in named graphs")


@cli.command()
@source_options(remote=False)
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
def serve(source, port, timeout, max_rows, title, workers, max_memory, allow_hosts):
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

    \b
    Examples:
      claimgraph serve --port 8000
      (then open http://127.0.0.1:8000/)
    """
    from .server import Served, Settings
    from .server import serve as run_server

    served = Served(source.graph, source.store)

    def ready(bound):
        say(f"serving on http://127.0.0.1:{bound}/ (SPARQL at /sparql, queries at /queries); Ctrl-C to stop")

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
              help="Article date for the drafts when the text gives none (a dateline without a year takes "
                   "its year).  [default: each file's modification date]")
@click.option("--title", default=None, help="Article title (one article only) when its first line is no "
                                            "headline.  [default: from the file name]")
def extract(articles, output, fmt, jobs, force, date, title):
    """Draft annotations from raw news articles (.txt) by automatic attribution extraction.

    yaml (default) writes one draft NAME.yaml per article in the schema of seeds/README.md,
    every statement marked method: extracted with a confidence, for an analyst to review
    before `claimgraph build`. An existing NAME.yaml is never overwritten without --force.
    jsonl prints one record per line in the protocol of the evaluation scorer.

    Unusable files (missing, empty, binary, not UTF-8) are reported one line each and the
    others still processed; exits 1 when any file failed.

    \b
    Examples:
      claimgraph extract news/*.txt -o drafts/ --jobs 4
      claimgraph extract article.txt --format jsonl
    """
    import time

    from .extract import extract_files, to_jsonl_records, write_draft
    from .fileio import write_atomic

    if title and len(articles) > 1:
        raise click.UsageError("--title names one article; give a single ARTICLE or drop --title")
    if fmt == "jsonl" and (force or date or title):
        raise click.UsageError("--force, --date and --title are for --format yaml")
    started = time.monotonic()
    bar = progress_bar()

    def progress(done, total, words):
        if bar is not None and total > 1:
            bar(done, total)

    sink = None
    if fmt == "jsonl":
        sink = io.StringIO() if output else sys.stdout
    ok = failed = words = 0
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
        say(f"{target}: {len(result['statements'])} statements")
        ok += 1
    if fmt == "jsonl" and output:
        write_atomic(output, sink.getvalue().encode("utf-8"))
    secs = max(time.monotonic() - started, 1e-6)
    say(f"{ok} extracted, {failed} failed ({words:,} words in {secs:.1f} s, {words / secs:,.0f} words/s)")
    if failed:
        sys.exit(1)


def main():
    cli()
