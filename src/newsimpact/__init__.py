"""newsimpact: clean article, translation and grounded S&P 500 impact picks for a news page."""

from newsimpact.article import Article, Caption, Dateline, Reporter
from newsimpact.errors import NewsImpactError

__all__ = ["Article", "Caption", "Dateline", "NewsImpactError", "Reporter"]
__version__ = "0.1.0"
