"""Reads a .bib file as python's bibtexparser 1.x (Debian's python3-bibtexparser) does and prints JSON, for the
tests to compare with the seeds: each field's LaTeX turned into Unicode by bibtexparser's latex_to_unicode, and
each name split by its splitname into first, von, last and jr. Usage: python3 read_with_bibtexparser.py FILE

bibtexparser 1.x's latex_to_unicode deletes every brace, escaped ones too, so an escaped brace is set aside before
it runs and put back after: that is the one thing read differently from bibtexparser's own convert_to_unicode."""
import json
import sys

import bibtexparser
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import splitname
from bibtexparser.latexenc import latex_to_unicode

OPEN, CLOSE = "\ue000", "\ue001"


def to_unicode(value):
    value = value.replace("\\{", OPEN).replace("\\}", CLOSE)
    return latex_to_unicode(value).replace(OPEN, "{").replace(CLOSE, "}")


def names(field):
    """The names of a field, split at 'and' outside braces as BibTeX does, then by splitname."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(field):
        if field[i] == "{" and (i == 0 or field[i - 1] != "\\"):
            depth += 1
        elif field[i] == "}" and (i == 0 or field[i - 1] != "\\"):
            depth -= 1
        elif depth == 0 and field[i:i + 5].lower() == " and ":
            parts.append(field[start:i])
            start = i + 5
        i += 1
    parts.append(field[start:])
    return [{k: [to_unicode(w) for w in v] for k, v in splitname(p.strip(), strict_mode=False).items()} for p in parts if p.strip()]


def customize(record):
    authors = names(record["author"]) if "author" in record else []
    record = {k: to_unicode(v) for k, v in record.items()}
    record["author_names"] = authors
    return record


with open(sys.argv[1], encoding="utf-8") as f:
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False)
    parser.customization = customize
    database = bibtexparser.load(f, parser=parser)
json.dump(database.entries, sys.stdout, ensure_ascii=False)
