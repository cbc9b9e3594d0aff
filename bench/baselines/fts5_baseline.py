#!/usr/bin/python3
"""The SQLite FTS5 peer of the benchmarks, used as its documentation suggests.

    fts5_baseline.py index DB < corpus.jsonl     one row per article, one transaction
    fts5_baseline.py search DB < queries.tsv     prints QID<TAB>micros<TAB>hits
    fts5_baseline.py optimize DB                 merges the index and vacuums the file

The table is fts5(title, body, tokenize='porter unicode61'). A query is run as
the implicit AND of its words, each quoted so that no word is read as an
operator, with "quoted phrases" kept as phrases; the ten best rows by bm25()
are fetched with a snippet() of the body. The time of each query covers its
execution and fetching all ten rows. Add --print to `search` to see the
snippets on stderr.
"""

import json
import re
import sqlite3
import sys
import time

RESULTS_PER_QUERY = 10
PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
HAS_WORD_CHARACTER = re.compile(r"\w")


def fts5_quoted(text):
    return '"' + text.replace('"', '""') + '"'


def fts5_query(text):
    """The FTS5 expression for a user's query: quoted phrases and words, ANDed.
    Pieces with no letter or digit are dropped (they would be empty phrases)."""
    parts = []
    for phrase, word in PHRASE_OR_WORD.findall(text):
        piece = phrase if phrase else word
        if HAS_WORD_CHARACTER.search(piece):
            parts.append(fts5_quoted(piece))
    return " ".join(parts)


def index(db_path, append=False):
    """Indexes stdin into a new table, or with append into the existing one."""
    db = sqlite3.connect(db_path, isolation_level=None)
    if not append:
        db.execute("DROP TABLE IF EXISTS t")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')")
    rows = skipped = 0
    db.execute("BEGIN")
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            title, body = article.get("title", ""), article.get("body", "")
        except (ValueError, AttributeError):
            print(f"fts5_baseline: line {number}: not a JSON object, skipped", file=sys.stderr)
            skipped += 1
            continue
        db.execute("INSERT INTO t(title, body) VALUES (?, ?)", (title, body))
        rows += 1
    db.execute("COMMIT")
    db.close()
    note = f", skipped {skipped} bad lines" if skipped else ""
    print(f"fts5_baseline: indexed {rows} articles{note}", file=sys.stderr)


def search(db_path, show):
    db = sqlite3.connect(db_path)
    sql = (f"SELECT rowid, snippet(t, 1, '[', ']', '…', 30) FROM t WHERE t MATCH ? "
           f"ORDER BY bm25(t) LIMIT {RESULTS_PER_QUERY}")
    out = []
    for line in sys.stdin:
        qid, tab, text = line.rstrip("\n").partition("\t")
        if not tab:
            continue
        expression = fts5_query(text)
        start = time.perf_counter_ns()
        try:
            rows = db.execute(sql, (expression,)).fetchall() if expression else []
        except sqlite3.OperationalError as e:
            print(f"fts5_baseline: {qid}: {e}", file=sys.stderr)
            rows = []
        micros = (time.perf_counter_ns() - start) // 1000
        out.append(f"{qid}\t{micros}\t{len(rows)}\n")
        if show:
            for rank, (_, snippet) in enumerate(rows, 1):
                print(f"{qid}  {rank}. {snippet}", file=sys.stderr)
    sys.stdout.write("".join(out))
    db.close()


def optimize(db_path):
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("INSERT INTO t(t) VALUES('optimize')")
    db.execute("VACUUM")
    db.close()


def main(argv):
    if len(argv) == 3 and argv[1] == "index":
        index(argv[2])
    elif len(argv) == 3 and argv[1] == "add":
        index(argv[2], append=True)
    elif len(argv) in (3, 4) and argv[1] == "search" and argv[3:] in ([], ["--print"]):
        search(argv[2], show=len(argv) == 4)
    elif len(argv) == 3 and argv[1] == "optimize":
        optimize(argv[2])
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
