"""The pages under the Content-Security-Policy in headless Chromium: nothing they need is refused."""

from __future__ import annotations

from typing import Any

import pytest
from test_service_browser import CHROMIUM, Site, browser, site  # noqa: F401 - fixtures shared with those tests

pytestmark = [pytest.mark.browser]


def test_pages_raise_no_policy_violation(browser: Any, site: Site) -> None:  # noqa: F811
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    for path in ("/", f"/articles/{site.article_id}", "/tickers/NVDA", "/articles/424242"):
        response = page.goto(site.url + path)
        assert response is not None and "frame-ancestors 'none'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('js')")  # the head script ran
    page.close()
    assert refused == [], refused
