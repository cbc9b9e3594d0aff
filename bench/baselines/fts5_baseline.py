#!/usr/bin/python3
"""The SQLite FTS5 peer of the benchmarks, used as its documentation suggests.

    fts5_baseline.py index DB < corpus.jsonl     one row per article, one transaction
    fts5_baseline.py search DB < queries.tsv     prints QID<TAB>micros<TAB>hits
    fts5_baseline.py run DB [--depth N] [--tag TAG] < queries.tsv
                                                 prints a TREC run (QID Q0 DOCID RANK SCORE TAG)
    fts5_baseline.py optimize DB                 merges the index and vacuums the file

The table is fts5(title, body, id UNINDEXED, tokenize='porter unicode61'),
the id kept to name the articles of a run. `search` runs a query as the
implicit AND of its words, each quoted so that no word is read as an
operator, with "quoted phrases" kept as phrases; the ten best rows by bm25()
are fetched with a snippet() of the body. The time of each query covers its
execution and fetching all ten rows. Add --print to `search` to see the
snippets on stderr.

`run` is the relevance peer (bench/relevance): the words of a query (runs of
letters and digits) and its "quoted phrases" OR-ed, the best DEPTH rows
(default 100) by bm25(), written as a TREC run for `akhbar eval --score-run`.
A query that FTS5 cannot parse returns nothing and is reported on stderr. An
article without an id is named by its row number.
"""

import json
import re
import sqlite3
import sys
import time

RESULTS_PER_QUERY = 10
PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
HAS_WORD_CHARACTER = re.compile(r"\w")
WORD = re.compile(r"\w+")
RUN_DEPTH = 100


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


def fts5_any_words_query(text):
    """The FTS5 expression that matches any word or "quoted phrase" of a
    user's query: each word (a run of letters and digits) quoted, OR-ed."""
    parts = []
    for phrase, word in PHRASE_OR_WORD.findall(text):
        if phrase:
            if HAS_WORD_CHARACTER.search(phrase):
                parts.append(fts5_quoted(phrase))
        else:
            parts.extend(fts5_quoted(w) for w in WORD.findall(word))
    return " OR ".join(parts)


def index(db_path, append=False):
    """Indexes stdin into a new table, or with append into the existing one."""
    db = sqlite3.connect(db_path, isolation_level=None)
    if not append:
        db.execute("DROP TABLE IF EXISTS t")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, id UNINDEXED, tokenize='porter unicode61')")
    rows = skipped = 0
    db.execute("BEGIN")
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            title, body = article.get("title", ""), article.get("body", "")
            article_id = str(article.get("id", ""))
        except (ValueError, AttributeError):
            print(f"fts5_baseline: line {number}: not a JSON object, skipped", file=sys.stderr)
            skipped += 1
            continue
        db.execute("INSERT INTO t(title, body, id) VALUES (?, ?, ?)", (title, body, article_id))
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


def write_run(db_path, depth, tag):
    db = sqlite3.connect(db_path)
    sql = "SELECT rowid, id, bm25(t) FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?"
    out = []
    for line in sys.stdin:
        qid, tab, text = line.rstrip("\n").partition("\t")
        if not tab or not qid.strip() or qid.lstrip().startswith("#"):
            continue
        expression = fts5_any_words_query(text)
        try:
            rows = db.execute(sql, (expression, depth)).fetchall() if expression else []
        except sqlite3.OperationalError as e:
            print(f"fts5_baseline: {qid}: {e}", file=sys.stderr)
            rows = []
        # bm25() is lower for better matches: the run's scores are its negation.
        for rank, (rowid, article_id, score) in enumerate(rows, 1):
            out.append(f"{qid.strip()} Q0 {article_id or rowid} {rank} {-score:.6f} {tag}\n")
    sys.stdout.write("".join(out))
    db.close()


def run_options(args):
    """--depth N and --tag TAG of `run`, or None when they are malformed."""
    depth, tag = RUN_DEPTH, "fts5"
    while args:
        if len(args) < 2 or args[0] not in ("--depth", "--tag"):
            return None
        if args[0] == "--depth":
            if not args[1].isdigit() or int(args[1]) < 1:
                return None
            depth = int(args[1])
        else:
            if not args[1] or any(c.isspace() for c in args[1]):
                return None
            tag = args[1]
        args = args[2:]
    return depth, tag


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
    elif len(argv) >= 3 and argv[1] == "run" and run_options(argv[3:]):
        write_run(argv[2], *run_options(argv[3:]))
    elif len(argv) == 3 and argv[1] == "optimize":
        optimize(argv[2])
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
