"""The one place that wires the stages together: Page -> Article -> (TrackerReport, Translation)."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict

from newsimpact.article import Article
from newsimpact.config import Settings
from newsimpact.extract import Page, extract
from newsimpact.extract.bounds import bound_paragraphs, for_tracker
from newsimpact.tracker.report import TrackerReport
from newsimpact.translate.engines import StopCheck
from newsimpact.translate.translation import Translation
from newsimpact.translate.translator import ProgressCallback


class ArticleTracker(Protocol):
    def track(self, article: Article) -> TrackerReport: ...


class ArticleTranslator(Protocol):
    def translate(
        self,
        article: Article,
        target: str,
        *,
        progress: ProgressCallback | None = None,
        stop: StopCheck | None = None,
    ) -> Translation: ...


class Analysis(BaseModel):
    """What `newsimpact analyze` prints and the service stores."""

    model_config = ConfigDict(frozen=True)

    article: Article
    tracker: TrackerReport | None = None
    translation: Translation | None = None


class Pipeline:
    """Holds the loaded stages (knowledge, models) so a batch pays their start-up once."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        tracker: ArticleTracker | None = None,
        translator: ArticleTranslator | None = None,
        with_tracker: bool = True,
    ) -> None:
        self.settings = settings or Settings()
        self._tracker = tracker
        self._translator = translator
        self._with_tracker = with_tracker

    @property
    def tracker(self) -> ArticleTracker | None:
        if self._tracker is None and self._with_tracker:
            # Imported here: extraction-only callers never pay for loading the knowledge base.
            from newsimpact.tracker import build_tracker

            self._tracker = build_tracker(self.settings.tracker)
        return self._tracker

    @property
    def translator(self) -> ArticleTranslator:
        if self._translator is None:
            from newsimpact.translate import build_translator

            self._translator = build_translator(self.settings.translation)
        return self._translator

    def extract(self, page: Page) -> Article:
        return extract(page, self.settings.extract)

    def analyze(self, page: Page, *, translate_to: str | None = None) -> Analysis:
        article = self.extract(page)
        return self.analyze_article(article, translate_to=translate_to)

    def analyze_article(self, article: Article, *, translate_to: str | None = None) -> Analysis:
        # Extraction already bounds paragraphs; an Article built elsewhere must not reach the
        # tracker (superlinear in paragraph length) with a megabyte-long one, nor hand it megabytes.
        article = bound_paragraphs(article)
        report = track_bounded(self.tracker, article)
        translation = self.translator.translate(article, translate_to) if translate_to else None
        return Analysis(article=article, tracker=report, translation=translation)


def track_bounded(tracker: ArticleTracker | None, article: Article) -> TrackerReport | None:
    """The tracker's report on what it may read of the article (bounds.for_tracker): every caller of a
    tracker goes through here, so no article reaches it with a megabyte-long paragraph."""
    return tracker.track(for_tracker(article)) if tracker is not None else None


def analyze(page: Page, settings: Settings | None = None, *, translate_to: str | None = None) -> Analysis:
    return Pipeline(settings).analyze(page, translate_to=translate_to)
