"""An article's title and date, from its own text when it has them.

News copy often carries them: a first-line headline, a dateline opening the body
('ISLAMABAD, Oct 19 (Reuters) -', 'WASHINGTON (AP) —') or a date line ('Oct. 19, 2023').
What the text gives wins; else what the user gave (``--title``/``--date``); else the file's
name and modification day. Every choice is reported in ``notes`` so that a draft can say
where its title and date came from. Pure regular expressions and :mod:`datetime`: the text
itself is never changed, so evidence offsets keep pointing into it.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import NamedTuple

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
#: 'Oct. 19, 2023', 'October 19 2023', 'Oct 19' (year optional), '19 October 2023', '2023-10-19'
_DATE = (rf"{_WEEKDAY}(?:(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
         rf"|(?P<day2>\d{{1,2}})\s+(?P<mon2>{_MONTH})(?:,?\s+(?P<year2>\d{{4}}))?"
         rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))")
#: a dateline opening the body: PLACE in capitals (with an optional region), a date, an agency
#: in brackets, then a dash: 'ISLAMABAD, Oct 19 (Reuters) -', 'KYIV, Ukraine (AP) —', 'GENEVA, Oct. 3, 2023 –'
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z.'\- ]*[A-Z.](?:,\s+[A-Z][A-Za-z.'\- ]*?)?)?\s*,?\s*(?:{_DATE})?\s*"
    rf"(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{{0,30}})\))?\s*[-\u2013\u2014]+\s")
_DATE_LINE = re.compile(rf"(?<![\w-]){_DATE}(?![\w-])")
#: the words a date line may hold besides its date ('Published: Oct. 19, 2023 10:32 am GMT')
DATE_LINE_WORDS = {"published", "updated", "posted", "last", "first", "on", "at", "am", "pm", "a", "m", "p",
                   "gmt", "utc", "et", "edt", "est", "bst", "cet", "cest", "pt", "pst", "pdt", "ist", "date",
                   "dated", "local", "time"}
#: a headline is short: at most this many characters and words
TITLE_CHARS, TITLE_WORDS = 200, 30
#: lines that open an article without being its headline
_NOT_TITLE = re.compile(r"^(?:by\s|updated\b|published\b|posted\b|photo\b|image\b)", re.I)


class ArticleMetadata(NamedTuple):
    """``title`` and ``date`` (ISO 'YYYY-MM-DD' or None) of one article, and ``notes``: one line
    per field saying where it came from, for a draft's header."""
    title: str
    date: str | None
    notes: tuple


def article_metadata(text: str, path=None, date=None, title=None) -> ArticleMetadata:
    """The title and date of the article ``text`` (read from ``path``, if any).

    Order: what the text gives (a first-line headline; a dateline or date line at the top),
    then ``title``/``date`` given by the user (``date`` as 'YYYY-MM-DD' or a :class:`datetime.date`),
    then the file's name and modification day (``path`` may be None: then neither). A dateline
    without a year takes its year from ``date``, else from the file's modification day: the
    last such day not after it ('Dec 30' in a file saved on 2 January is last year's).
    A ``date`` that is no valid 'YYYY-MM-DD' raises ValueError (callers validate user input first).
    """
    given = _iso(date)
    head = _head_lines(text)
    notes = []
    found = headline(head)
    if found:
        out_title = found
        notes.append("title: from the article's first line" + (" (--title not used)" if title else ""))
    elif title:
        out_title = title
        notes.append("title: given (--title)")
    else:
        out_title = _stem(path)
        notes.append("title: from the file name (the text has no headline)" if out_title else "title: none")
    month_day, year, where = text_date(head)
    out_date = None
    if month_day and year:
        out_date = _valid(year, *month_day)
        if out_date:
            notes.append(f"date: from the {where}" + (" (--date not used)" if given else ""))
    elif month_day and (given or path is not None):
        ref = datetime.date.fromisoformat(given or file_day(path))
        out_date = _valid(ref.year, *month_day)
        if out_date and out_date > ref.isoformat():
            out_date = _valid(ref.year - 1, *month_day)   # 'Dec 30' in a file saved on Jan 2
        if out_date:
            notes.append(f"date: from the {where}, the year from "
                         + ("--date" if given else "the file's modification time")
                         + " (the last such day not after it)")
    if out_date is None and given:
        out_date = given
        notes.append("date: given (--date)")
    elif out_date is None and path is not None:
        out_date = file_day(path)
        notes.append("date: the file's modification day (the text gives none)")
    elif out_date is None:
        notes.append("date: none")
    return ArticleMetadata(out_title, out_date, tuple(notes))


def file_day(path) -> str:
    """The modification day of a file, as 'YYYY-MM-DD' (local time)."""
    return datetime.date.fromtimestamp(Path(path).stat().st_mtime).isoformat()


def headline(lines: list) -> str | None:
    """The first line when it reads as a headline: short, not ending in a full stop, not a
    byline or a dateline, and followed by more text."""
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if (not first or len(first) > TITLE_CHARS or len(first.split()) > TITLE_WORDS or first.endswith((".", ":", ","))
            or _NOT_TITLE.match(first) or is_dateline(first)):
        return None
    if _DATE_LINE.fullmatch(first) or not re.search(r"[A-Za-z]", first):
        return None
    return first


def text_date(lines: list):
    """((month, day), year or None, where) of the date the top of the article gives, else
    (None, None, None): a date line in the header ('Oct. 19, 2023', 'Updated 19 October 2023')
    or a dateline opening the first body paragraph. Dates inside the body tell of events, not
    of the article, and are not read."""
    for line in lines[:4]:
        m = _DATELINE.match(line)
        if m and _date_parts(m):
            return (*_date_parts(m), "dateline")
        m = _DATE_LINE.search(line)
        rest = re.findall(r"[A-Za-z]+", line[:m.start()] + " " + line[m.end():]) if m else None
        if m and _date_parts(m) and all(w.lower() in DATE_LINE_WORDS for w in rest):
            return (*_date_parts(m), "date line")
        if len(line) > TITLE_CHARS or line.endswith((".", '"', "\u201d")):
            break               # the body has begun
    return None, None, None


def is_dateline(line: str) -> bool:
    """True when the line opens with a dateline: a place in capitals with a date or a news
    agency before a dash ('ISLAMABAD, Oct 19 (Reuters) -', 'WASHINGTON (AP) —')."""
    return dateline_length(line) > 0


def dateline_length(line: str) -> int:
    """How many characters of the line its opening dateline takes, dash and space included
    (0 when it opens with none): the extractor parses the sentence after it."""
    m = _DATELINE.match(line + " ")
    found = bool(m) and bool(m.group("agency") or _date_parts(m) or (m.group("place") or "").strip().isupper()
                             and len((m.group("place") or "").strip()) >= 4)
    return min(m.end(), len(line)) if found else 0


def _date_parts(m):
    """((month, day), year or None) of a match of _DATE, or None when it holds no date."""
    if m.group("iso"):
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
        return (mo, d), y
    mon, day, year = m.group("mon"), m.group("day"), m.group("year")
    if not mon:
        mon, day, year = m.group("mon2"), m.group("day2"), m.group("year2")
    if not mon:
        return None
    month = MONTHS[mon.lower().rstrip(".")[:4] if mon.lower().startswith("sept") else mon.lower()[:3]]
    return (month, int(day)), int(year) if year else None


def _head_lines(text: str) -> list:
    """The first few non-empty lines of the text (the header and the start of the body)."""
    out = []
    for line in text.splitlines():
        if line.strip():
            out.append(line.strip())
            if len(out) == 5:
                break
    return out


def _valid(year, month, day) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(date) -> str | None:
    if date is None or date == "":
        return None
    if isinstance(date, datetime.datetime):
        return date.date().isoformat()
    if isinstance(date, datetime.date):
        return date.isoformat()
    return datetime.date.fromisoformat(str(date)).isoformat()


def _stem(path) -> str | None:
    if path is None:
        return None
    name = Path(path).name
    return name[:-4] if name.endswith(".txt") else Path(name).stem
