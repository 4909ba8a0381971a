#!/usr/bin/env python3
"""Writes the small evaluation sets of the test suite (tests/data/eval/) from the full ones.

For each set: QUERIES test queries of qrels/test.tsv, taken in the order they first appear there
(the first ones, or every QUERY_STEP-th), their qrels rows, every document those rows judge, and
of the other documents every DOC_STRIDE-th in corpus order (1 keeps them all). Lines of corpus.jsonl and queries.jsonl are
copied byte for byte, in their original order; the qrels keep their header. Deterministic: the
same input gives the same bytes.

Usage: make_smoke_set.py [--source DIR] [--out DIR]
  defaults: --source ../shared/eval (from the repository root), --out tests/data/eval
"""
import argparse
import json
import os

# (set folder, smoke folder, queries kept, query step, stride over the other documents).
# SciFact: the first 40 claims, which are on 40 different topics. XQuAD: the questions come
# grouped by paragraph (the first 40 ask about 3 paragraphs of one article), so every 29th is
# taken, which spreads the 40 over the articles and about 40 paragraphs.
SETS = [
    ('scifact', 'scifact-smoke', 40, 1, 9),
    ('xquad-es', 'xquad-es-smoke', 40, 29, 1),
]


def query_ids(qrels_lines, count, step):
    ids = []
    for line in qrels_lines:
        query = line.split('\t')[0]
        if query not in ids:
            ids.append(query)
    return ids[::step][:count]


def make(source, out, queries_kept, query_step, stride):
    with open(os.path.join(source, 'qrels', 'test.tsv'), encoding='utf-8', newline='') as f:
        header, *rows = f.read().splitlines(keepends=True)
    wanted = set(query_ids(rows, queries_kept, query_step))
    kept_rows = [row for row in rows if row.split('\t')[0] in wanted]
    judged = {row.split('\t')[1] for row in kept_rows}

    corpus = []
    with open(os.path.join(source, 'corpus.jsonl'), encoding='utf-8', newline='') as f:
        others = 0
        for line in f:
            doc_id = json.loads(line)['_id']
            if doc_id in judged:
                corpus.append(line)
            else:
                if others % stride == 0:
                    corpus.append(line)
                others += 1
    queries = []
    with open(os.path.join(source, 'queries.jsonl'), encoding='utf-8', newline='') as f:
        for line in f:
            if json.loads(line)['_id'] in wanted:
                queries.append(line)

    os.makedirs(os.path.join(out, 'qrels'), exist_ok=True)
    with open(os.path.join(out, 'corpus.jsonl'), 'w', encoding='utf-8', newline='') as f:
        f.writelines(corpus)
    with open(os.path.join(out, 'queries.jsonl'), 'w', encoding='utf-8', newline='') as f:
        f.writelines(queries)
    with open(os.path.join(out, 'qrels', 'test.tsv'), 'w', encoding='utf-8', newline='') as f:
        f.writelines([header] + kept_rows)
    print('%s: %d documents (%d judged), %d queries, %d qrels rows' %
          (out, len(corpus), len(judged), len(queries), len(kept_rows)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--source', default=os.path.join('..', 'shared', 'eval'),
                        help='folder holding the full sets (default ../shared/eval)')
    parser.add_argument('--out', default=os.path.join('tests', 'data', 'eval'),
                        help='folder to write the smoke sets into (default tests/data/eval)')
    args = parser.parse_args()
    for name, smoke, queries_kept, query_step, stride in SETS:
        make(os.path.join(args.source, name), os.path.join(args.out, smoke), queries_kept, query_step, stride)


if __name__ == '__main__':
    main()
