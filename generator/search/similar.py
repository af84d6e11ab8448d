"""Similar cases from their text: TF-IDF over Chinese character bigrams, words and alarm codes.

Comparing every case with every other is quadratic. Instead each case is reduced to
its strongest terms, leaving out terms so common that they cannot tell cases apart;
the cosine of those short vectors needs a sparse product that touches only cases
sharing a distinctive term, and it is what ranks neighbours and finds duplicates.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from scipy.sparse import csr_matrix

from generator.search.tokens import CJK_RUN, alarm_codes
from generator.shapes import Case

TOP = 5
KEEP_TERMS = 60  # a case's strongest shared terms, used to compare it
COMMON_SHARE = 0.02  # a term in more than 2% of cases (and at least 50) finds no neighbours on its own
NEAR_DUPLICATE = 0.25  # calibrated on the demo: unrelated cases stay under 0.1, a copy rewritten by a fifth scores 0.3
WORD = re.compile(r"[a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9]")

Neighbours = dict[str, list[tuple[str, float]]]


def case_text(case: Case) -> str:
    """What a case is about: the title counts twice, the environment (site details) not at all."""
    parts = [case.title, case.title, *map(str, case.aka), case.symptoms, case.cause or "", case.resolution or ""]
    return "\n".join(parts)


WORD_IDS = 1 << 42  # above every bigram id (two 21-bit code points)
_TERM_BITS = 43  # every term id is below 2 ** 43: a bigram below WORD_IDS, a word below WORD_IDS + 2 ** 32
_BETWEEN = "\x00"  # between two cases' texts: no record text holds it, and it is neither Chinese nor a word


def features(case: Case) -> np.ndarray:
    """The case's terms as distinct integers, in order: Chinese character bigrams (two code
    points in one number), then words, alarm codes, product and skill."""
    return all_features([case])[1]


def all_features(cases: list[Case]) -> tuple[np.ndarray, np.ndarray]:
    """Every case's terms (`features`), worked out for many cases at once: where each case's
    terms start in the second array (one more entry than cases), and the terms, each case's
    distinct and in order. Ten thousand small sorts cost more than a few large ones; cases are
    taken a few thousand at a time, so that the text's code points are never all in memory."""
    chunks = [_chunk_features(cases[start : start + CHUNK]) for start in range(0, len(cases), CHUNK)]
    counts = np.concatenate([np.diff(indptr) for indptr, _ in chunks]) if chunks else np.zeros(0, dtype=np.int64)
    terms = np.concatenate([terms for _, terms in chunks]) if chunks else np.zeros(0, dtype=np.int64)
    return np.concatenate([[0], np.cumsum(counts)]), terms


CHUNK = 4096  # cases whose texts are looked at together: some 30 MB of code points at most


def _chunk_features(cases: list[Case]) -> tuple[np.ndarray, np.ndarray]:
    texts = [case_text(case) for case in cases]
    joined = _BETWEEN.join(texts)
    starts = np.cumsum([0] + [len(text) + 1 for text in texts])  # in code points, as utf-32 counts
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    chinese = (points >= 0x3400) & (points <= 0x9FFF)
    both = chinese[:-1] & chinese[1:]
    pairs = (points[:-1] << 21 | points[1:])[both]
    pair_owners = np.searchsorted(starts, np.flatnonzero(both), side="right") - 1
    hashed, owners = _hashed_terms(cases, CJK_RUN.sub(" ", joined).lower().split(_BETWEEN), texts)
    keys = np.concatenate([pair_owners << _TERM_BITS | pairs, owners << _TERM_BITS | hashed])
    keys = _distinct(keys)  # by case, then by term: each case's distinct terms in order
    indptr = np.searchsorted(keys >> _TERM_BITS, np.arange(len(cases) + 1))
    return indptr, keys & ((1 << _TERM_BITS) - 1)


def _distinct(numbers: np.ndarray) -> np.ndarray:
    """The distinct numbers in order: np.unique, without the hash table it builds first."""
    numbers = np.sort(numbers)
    return numbers[np.concatenate(([True], numbers[1:] != numbers[:-1]))] if len(numbers) else numbers


def _hashed_terms(cases: list[Case], lowered: list[str], texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Words, alarm codes and the product and skill labels, hashed above the bigrams: the terms
    and, for each, the index of its case."""
    terms: list[str] = []
    counts: list[int] = []
    for index, case in enumerate(cases):
        words = [word for word in WORD.findall(lowered[index]) if len(word) > 1]
        # The same product or skill makes two cases closer, as one more shared term would.
        labels = [f"product:{p}" for p in case.products] + [f"skill:{s}" for s in case.skills]
        found = words + alarm_codes(texts[index]) + labels
        terms.extend(found)
        counts.append(len(found))
    number = {term: WORD_IDS + zlib.crc32(term.encode()) for term in set(terms)}  # most terms recur
    hashed = np.fromiter(map(number.__getitem__, terms), dtype=np.int64, count=len(terms))
    return hashed, np.repeat(np.arange(len(cases), dtype=np.int64), counts)


def neighbours(cases: dict[str, Case], top: int = TOP) -> Neighbours:
    """Each case's most similar other cases with their cosine similarity, best first."""
    ids = sorted(cases)
    if len(ids) < 2:
        return {case_id: [] for case_id in ids}
    matrix = _tfidf(*all_features([cases[case_id] for case_id in ids]))
    # The cosine over the shortlisted terms, divided by the full lengths: a slight underestimate,
    # whose product only touches cases that share a distinctive term.
    shortlist = csr_matrix(_strongest_terms(matrix).multiply(1.0 / _norms(matrix)[:, None]))
    del matrix  # every term of every case: a third of the peak memory at 100,000 cases, not needed now
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


def _tfidf(indptr: np.ndarray, every: np.ndarray) -> csr_matrix:
    """Which terms each case has (presence, not counts: a case repeats its subject), weighted by rarity."""
    # np.unique(every, return_inverse=True), with less memory than its sort and permutation
    vocabulary = _distinct(every)
    columns = np.searchsorted(vocabulary, every)
    del every
    document_frequency = np.bincount(columns, minlength=len(vocabulary))
    idf = np.log((1 + len(indptr) - 1) / (1 + document_frequency)) + 1.0
    # each term's weight is its idf (presence is 1): the matrix of ones times idf, made at once
    return csr_matrix((idf[columns], columns, indptr), shape=(len(indptr) - 1, len(vocabulary)))


def _norms(matrix: csr_matrix) -> np.ndarray:
    # The rows' sums of squares, by the same product scipy's sum makes, without a squared copy of the indices.
    squares = csr_matrix((matrix.data * matrix.data, matrix.indices, matrix.indptr), shape=matrix.shape)
    norms = np.sqrt(np.asarray(squares.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return norms


def _strongest_terms(matrix: csr_matrix) -> csr_matrix:
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    # A term of one case only can match nothing; one in very many cases tells nothing.
    useless = (document_frequency < 2) | (document_frequency > max(50, COMMON_SHARE * matrix.shape[0]))
    lengths, indices, values = [], [], []  # arrays, not lists of numbers: 6,000,000 of them at 100,000 cases
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        columns, weights = matrix.indices[start:end], matrix.data[start:end]
        keep = ~useless[columns]
        columns, weights = columns[keep], weights[keep]
        if len(weights) > KEEP_TERMS:
            best = np.argpartition(-weights, KEEP_TERMS)[:KEEP_TERMS]
            columns, weights = columns[best], weights[best]
        indices.append(columns)
        values.append(weights)
        lengths.append(len(columns))
    indptr = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
    every_index = np.concatenate(indices).astype(np.int64) if indices else np.zeros(0, dtype=np.int64)
    every_value = np.concatenate(values) if values else np.zeros(0)
    return csr_matrix((every_value, every_index, indptr), shape=matrix.shape)
