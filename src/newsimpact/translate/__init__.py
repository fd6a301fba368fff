"""Article -> Translation, through a Translator engine chosen by configuration.

translator = build_translator(settings.translation)   # engine: local | openai | fake
translation = translator.translate(article, "en")
"""

from __future__ import annotations

from newsimpact.config import TranslationSettings
from newsimpact.errors import TranslationError
from newsimpact.translate.cache import TranslationCache
from newsimpact.translate.engines import ChatMessage, TranslationEngine
from newsimpact.translate.engines.fake import FakeEngine
from newsimpact.translate.glossary import Glossary, load_glossary
from newsimpact.translate.translation import SUPPORTED_TARGETS, SegmentWarning, Translation
from newsimpact.translate.translator import Translator, detect_language

ENGINES = ("local", "openai", "fake")

__all__ = [
    "ENGINES",
    "SUPPORTED_TARGETS",
    "ChatMessage",
    "FakeEngine",
    "Glossary",
    "SegmentWarning",
    "Translation",
    "TranslationEngine",
    "Translator",
    "build_engine",
    "build_translator",
    "detect_language",
]


def build_engine(settings: TranslationSettings) -> TranslationEngine:
    if settings.engine == "fake":
        return FakeEngine()
    if settings.engine == "openai":
        from newsimpact.translate.engines.openai_compat import OpenAIEngine

        if not settings.base_url or not settings.model:
            raise TranslationError(
                "the openai engine needs translation.base_url and translation.model "
                "(NEWSIMPACT_TRANSLATION__BASE_URL, NEWSIMPACT_TRANSLATION__MODEL)"
            )
        return OpenAIEngine(
            settings.base_url,
            settings.model,
            settings.api_key,
            timeout_s=settings.timeout_s,
            seed=settings.seed,
            stream=settings.stream,
            parallel=settings.parallel or 4,
        )
    if settings.engine == "local":
        from newsimpact.translate.engines.local import LlamaCppEngine
        from newsimpact.translate.model_file import MODEL_NAME, packaged_model

        user_path = settings.model_path
        if user_path is not None and not user_path.is_file():
            raise TranslationError(f"translation.model_path {user_path}: no such file")
        return LlamaCppEngine(
            user_path.stem if user_path else MODEL_NAME,
            (lambda: user_path) if user_path else (lambda: packaged_model(settings.cache_dir)),
            n_threads=settings.n_threads,
            slots=settings.parallel,
            n_ctx=settings.n_ctx,
            seed=settings.seed,
            n_gpu_layers=settings.n_gpu_layers,
        )
    raise TranslationError(f"unknown translation engine {settings.engine!r}: expected one of {', '.join(ENGINES)}")


def build_translator(settings: TranslationSettings) -> Translator:
    """A Translator with the configured engine, the glossary and the cache.

    The fake engine caches in memory only, so tests never write to the user's cache folder.
    """
    engine = build_engine(settings)
    path = settings.cache_dir / "translations.sqlite" if settings.cache and settings.engine != "fake" else None
    return Translator(engine, glossary=load_glossary(), cache=TranslationCache(path), retries=settings.retries)
