"""Text fit: TF-IDF over Dutch stems, projected to a small dense space (latent semantic analysis).

The projection is a randomised truncated SVD of the offerings' TF-IDF matrix, so words that occur
together (magazijn, orderpicker, heftruck) land close together, and a profile and a vacancy that
share a theme but not the exact words still fit. Tokens come from werkroute.core.text, the same
Dutch normalising, compound splitting and stemming the route map's search uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from werkroute.core.text import index_terms

MIN_DOCUMENT_FREQUENCY = 2
MAX_DOCUMENT_SHARE = 0.5  # words in more than half of all offerings say nothing about fit


def tokens(text: str) -> list[str]:
    return index_terms(text)


@dataclass
class TextSpace:
    vocabulary: dict[str, int]
    idf: np.ndarray  # (terms,)
    projection: np.ndarray  # (terms, dimensions) float32

    @property
    def dimensions(self) -> int:
        return int(self.projection.shape[1])

    @classmethod
    def fit(cls, documents: Sequence[str], dimensions: int = 128, seed: int = 1) -> TextSpace:
        return cls.fit_tokens([tokens(doc) for doc in documents], dimensions, seed)

    @classmethod
    def fit_tokens(
        cls, tokenised: Sequence[list[str]], dimensions: int = 128, seed: int = 1
    ) -> TextSpace:
        """Fit on documents already split into terms (tokenising is the slow part: do it once)."""
        documents = tokenised
        vocabulary = _vocabulary(tokenised)
        counts = _count_matrix(tokenised, vocabulary)
        n_docs = max(len(documents), 1)
        df = np.bincount(counts.indices, minlength=len(vocabulary)).astype(np.float64)
        idf = np.log((1 + n_docs) / (1 + df)) + 1.0
        tfidf = _normalise_rows(_weigh(counts, idf))
        # Small dense factorisations: one BLAS thread is many times faster than several that
        # wait for each other (measured: QR of 1,515 × 138 took 1.5 s on 2 busy threads, 0.03 s
        # on one).
        with threadpool_limits(limits=1, user_api="blas"):
            projection = _randomised_svd_basis(tfidf, dimensions, seed)
        return cls(vocabulary, idf.astype(np.float32), projection)

    def transform(self, documents: Sequence[str]) -> np.ndarray:
        """Unit vectors (documents × dimensions), float32; an empty text gives a zero vector."""
        return self.transform_tokens([tokens(doc) for doc in documents])

    def transform_tokens(self, tokenised: Sequence[list[str]]) -> np.ndarray:
        counts = _count_matrix(tokenised, self.vocabulary)
        dense = np.asarray(_weigh(counts, self.idf) @ self.projection, dtype=np.float32)
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        np.divide(dense, norms, out=dense, where=norms > 0)
        return dense


def _vocabulary(tokenised: Sequence[list[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for doc in tokenised:
        for term in set(doc):
            df[term] = df.get(term, 0) + 1
    ceiling = max(MIN_DOCUMENT_FREQUENCY, MAX_DOCUMENT_SHARE * len(tokenised))
    kept = sorted(t for t, n in df.items() if MIN_DOCUMENT_FREQUENCY <= n <= ceiling)
    return {term: i for i, term in enumerate(kept)}


def _count_matrix(tokenised: Sequence[list[str]], vocabulary: dict[str, int]) -> sp.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    for doc in tokenised:
        indices.extend(i for t in doc if (i := vocabulary.get(t)) is not None)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(tokenised), len(vocabulary)),
    )
    matrix.sum_duplicates()
    return matrix


def _weigh(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    weighted = counts.copy()
    weighted.data = (1.0 + np.log(weighted.data)).astype(np.float32)  # sublinear term frequency
    return weighted @ sp.diags(idf.astype(np.float32))


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ matrix


def _randomised_svd_basis(matrix: sp.csr_matrix, dimensions: int, seed: int) -> np.ndarray:
    """The top right singular vectors of matrix (terms × k), by a randomised range finder."""
    n_terms = matrix.shape[1]
    k = min(dimensions, max(n_terms, 1))
    if n_terms == 0:
        return np.zeros((0, dimensions), dtype=np.float32)
    rng = np.random.default_rng(seed)
    oversample = min(k + 10, n_terms)
    omega = rng.standard_normal((n_terms, oversample)).astype(np.float32)
    sample = matrix @ omega  # documents × oversample
    for _ in range(2):  # power iterations sharpen the spectrum of a text matrix
        sample, _r = np.linalg.qr(sample)
        sample = matrix @ (matrix.T @ sample)
    q, _r = np.linalg.qr(sample)
    small = (matrix.T @ q).T  # oversample × terms
    _u, _s, vt = np.linalg.svd(np.asarray(small), full_matrices=False)
    basis = np.zeros((n_terms, dimensions), dtype=np.float32)
    basis[:, :k] = vt[:k].T
    return basis
