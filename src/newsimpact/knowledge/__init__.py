"""What the tracker knows: the S&P 500 universe, aliases, themes, relations and lexicons (data, not code)."""

from newsimpact.knowledge.base import KnowledgeBase, load_knowledge, load_knowledge_from
from newsimpact.knowledge.universe import normalise_ticker

__all__ = ["KnowledgeBase", "load_knowledge", "load_knowledge_from", "normalise_ticker"]
