"""Similar cases from their text: TF-IDF over Chinese character bigrams, words and alarm codes.

Comparing every case with every other is quadratic. Instead each case is reduced to
its strongest terms, leaving out terms so common that they cannot tell cases apart;
the cosine of those short vectors needs a sparse product that touches only cases
sharing a distinctive term, and it is what ranks neighbours and finds duplicates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
from scipy.sparse import csr_matrix

from generator.search.tokens import CJK_RUN, alarm_codes
from generator.shapes import Case

TOP = 5
KEEP_TERMS = 40  # a case's strongest terms used to find candidates
COMMON_SHARE = 0.02  # a term in more than 2% of cases (and at least 50) finds no neighbours on its own
NEAR_DUPLICATE = 0.5  # similarity from which two cases say the same thing (unrelated demo cases stay under 0.3)
WORD = re.compile(r"[a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9]")

Neighbours = dict[str, list[tuple[str, float]]]


def case_text(case: Case) -> str:
    """What a case is about: the title counts twice, the environment (site details) not at all."""
    parts = [case.title, case.title, *map(str, case.aka), case.symptoms, case.cause or "", case.resolution or ""]
    return "\n".join(parts)


def features(case: Case) -> list[str]:
    text = case_text(case)
    words = WORD.findall(CJK_RUN.sub(" ", text).lower())
    # The same product or skill makes two cases closer, as one more shared term would.
    labels = [f"product:{p}" for p in case.products] + [f"skill:{s}" for s in case.skills]
    pairs = [run[i : i + 2] for run in CJK_RUN.findall(text) for i in range(len(run) - 1)]
    return pairs + alarm_codes(text) + [word for word in words if len(word) > 1] + labels


def neighbours(cases: dict[str, Case], top: int = TOP) -> Neighbours:
    """Each case's most similar other cases with their cosine similarity, best first."""
    ids = sorted(cases)
    if len(ids) < 2:
        return {case_id: [] for case_id in ids}
    shortlist = _normalised(_strongest_terms(_tfidf(features(cases[case_id]) for case_id in ids)))
    scores = (shortlist @ shortlist.T).tocsr()
    found: Neighbours = {}
    for row, case_id in enumerate(ids):
        start, end = scores.indptr[row], scores.indptr[row + 1]
        columns, values = scores.indices[start:end], scores.data[start:end]
        if len(values) > top * 4:  # only the best few need sorting; ties are settled by id below
            best = np.argpartition(-values, top * 4)[: top * 4]
            columns, values = columns[best], values[best]
        order = sorted(
            (-value, ids[column])
            for column, value in zip(columns.tolist(), values.tolist(), strict=True)
            if column != row and value > 0
        )
        found[case_id] = [(other, round(-value, 4)) for value, other in order[:top]]
    return found


def near_duplicates(
    cases: dict[str, Case], found: Neighbours, threshold: float = NEAR_DUPLICATE
) -> list[tuple[str, str, float]]:
    """(later case, earlier case, similarity) for pairs that look like the same case written twice."""
    pairs = []
    for case_id, others in found.items():
        earlier = [
            (other, score)
            for other, score in others
            if score >= threshold and _is_later(cases[case_id], case_id, cases[other], other)
        ]
        if earlier:  # the closest one is enough to act on
            pairs.append((case_id, *earlier[0]))
    return sorted(pairs)


def _is_later(case: Case, case_id: str, other: Case, other_id: str) -> bool:
    return (case.solved_on, case_id) > (other.solved_on, other_id)


def _tfidf(documents: Iterable[list[str]]) -> csr_matrix:
    vocabulary: dict[str, int] = {}
    indptr, indices, values = [0], [], []
    for terms in documents:
        for term, count in Counter(terms).items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + math.log(count))  # sublinear: a word said ten times is not ten times the topic
        indptr.append(len(indices))
    matrix = csr_matrix(
        (np.array(values), np.array(indices), np.array(indptr)), shape=(len(indptr) - 1, len(vocabulary))
    )
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + matrix.shape[0]) / (1 + document_frequency)) + 1.0
    return csr_matrix(matrix.multiply(idf))


def _normalised(matrix: csr_matrix) -> csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def _strongest_terms(matrix: csr_matrix) -> csr_matrix:
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    too_common = document_frequency > max(50, COMMON_SHARE * matrix.shape[0])
    indptr, indices, values = [0], [], []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        columns, weights = matrix.indices[start:end], matrix.data[start:end]
        keep = ~too_common[columns]
        columns, weights = columns[keep], weights[keep]
        if len(weights) > KEEP_TERMS:
            best = np.argpartition(-weights, KEEP_TERMS)[:KEEP_TERMS]
            columns, weights = columns[best], weights[best]
        indices.extend(columns.tolist())
        values.extend(weights.tolist())
        indptr.append(len(indices))
    return csr_matrix((np.array(values), np.array(indices, dtype=np.int64), np.array(indptr)), shape=matrix.shape)
