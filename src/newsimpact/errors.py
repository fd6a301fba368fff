"""Errors a user can act on. The CLI and service turn these into one-line messages, never tracebacks."""


class NewsImpactError(Exception):
    """Base for every error newsimpact reports to a user."""


class InputError(NewsImpactError):
    """The input cannot be read: empty, binary, undecodable or too large."""


class NoArticleError(NewsImpactError):
    """The page was read, but it holds no article (a home page, a list page)."""


class KnowledgeError(NewsImpactError):
    """A knowledge data file is missing or invalid."""


class TranslationError(NewsImpactError):
    """A translation engine could not be loaded or failed."""


class TranslationCancelled(NewsImpactError):
    """A translation stopped on request (the job was cancelled or its reader left)."""
