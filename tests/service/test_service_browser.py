"""The article page in headless Chromium: font size, translation, evidence highlighting, screenshots."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_fakes import ARTICLE_HTML, FakeTracker, FakeTranslator
from service_helpers import AUTH, make_settings
from service_server import ROOT, ThreadServer, wait_until

from newsimpact.config import Settings
from newsimpact.pipeline import Pipeline
from newsimpact.service.app import create_app

CHROMIUM = "/usr/bin/chromium"
OUT = ROOT / "test-output"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"browser tests need Debian chromium at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")


class Site:
    def __init__(self, url: str, gate: threading.Event, article_id: int, translator: FakeTranslator) -> None:
        self.url = url
        self.gate = gate
        self.article_id = article_id
        self.translator = translator


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    gate = threading.Event()
    translator = FakeTranslator(gate=gate)
    pipeline = Pipeline(Settings(), tracker=FakeTracker(), translator=translator)
    settings = make_settings(tmp_path_factory.mktemp("browser"), workers=1, poll_seconds=0.2)
    app = create_app(settings, pipeline=pipeline)
    with ThreadServer(app) as server:
        r = httpx.post(
            f"{server.url}/api/articles", content=ARTICLE_HTML, headers={**AUTH, "Content-Type": "text/html"}
        )
        article_id = r.json()["id"]
        wait_until(
            lambda: httpx.get(f"{server.url}/api/articles/{article_id}").json()["analysis"]["state"] == "done",
            "the analysis",
        )
        yield Site(server.url, gate, article_id, translator)
        gate.set()  # let a held translation finish so the worker thread can stop
        translator.paragraph_gate = None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    OUT.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def body_font_size(page: Any) -> str:
    size: str = page.eval_on_selector(".article-body p", "el => getComputedStyle(el).fontSize")
    return size


def test_font_size_is_changed_and_remembered(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/articles/{site.article_id}")
    assert body_font_size(page) == "18px"
    page.get_by_role("button", name="더 크게", exact=True).click()
    assert body_font_size(page) == "23px"
    assert page.get_by_role("button", name="더 크게", exact=True).get_attribute("aria-pressed") == "true"
    page.reload()
    assert body_font_size(page) == "23px"  # remembered in localStorage
    page.get_by_role("button", name="더 작게", exact=True).click()
    assert body_font_size(page) == "15px"
    page.get_by_role("button", name="보통", exact=True).click()
    assert body_font_size(page) == "18px"
    context.close()


def test_pick_highlights_its_evidence(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/articles/{site.article_id}")
    assert page.locator(".is-hl").count() == 0
    nvda = page.locator('.pick[data-pick="p0"]')
    nvda.focus()
    page.keyboard.press("Enter")  # keyboard accessible
    assert nvda.get_attribute("aria-pressed") == "true"
    highlighted = page.locator(".ev.is-hl")
    assert highlighted.count() == 2
    assert "엔비디아가 18일" in highlighted.nth(0).inner_text()
    background = highlighted.nth(0).evaluate("el => getComputedStyle(el).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"
    assert "근거 문장 2개" in page.locator("#pick-status").inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "article-desktop-1280.png"), full_page=True)

    page.locator('.pick[data-pick="p1"]').click()
    assert nvda.get_attribute("aria-pressed") == "false"
    assert page.locator(".ev.is-hl").count() == 2
    assert all("인텔" in t for t in page.locator(".ev.is-hl").all_inner_texts())
    page.locator('.pick[data-pick="p1"]').click()  # a second press clears
    assert page.locator(".is-hl").count() == 0
    context.close()


def test_switch_language_and_back(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/articles/{site.article_id}")
    sync_api.expect(page.locator(".lang-submit")).to_be_hidden()
    page.get_by_label("번역할 언어 선택").select_option("en")
    status = page.locator("#translate-status")
    sync_api.expect(status).to_have_text("결과물 출력을 준비하고 있어요")  # the job is held by the gate
    page.screenshot(path=str(OUT / "article-translating-1280.png"))
    site.gate.set()
    title = page.locator("#translated-title")
    sync_api.expect(title).to_have_text("[en] 엔비디아, 차세대 AI 칩 공개…인텔은 점유율 하락 우려")
    sync_api.expect(status).to_be_hidden()
    assert page.locator("#original").is_hidden()
    assert page.locator("#translated .article-body p").count() == 4
    assert "lang=en" in page.url
    # Evidence in a translation: the paragraph holding it is highlighted.
    page.locator('.pick[data-pick="p1"]').click()
    assert page.locator("#translated p.is-hl").count() == 1
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "article-translated-1280.png"), full_page=True)

    page.get_by_role("link", name="원문 보기").click()
    sync_api.expect(page.locator("#original")).to_be_visible()
    assert page.locator("#translated").is_hidden()
    assert page.get_by_label("번역할 언어 선택").input_value() == ""

    # A reload with ?lang=en renders the cached translation on the server.
    page.goto(f"{site.url}/articles/{site.article_id}?lang=en")
    sync_api.expect(page.locator("#translated-title")).to_contain_text("[en] 엔비디아")
    context.close()


def test_phone_width_and_english_ui(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site.url}/articles/{site.article_id}")
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('.pick[data-pick="p0"]').click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "article-phone-390.png"), full_page=True)

    page.goto(f"{site.url}/articles/{site.article_id}?ui=en")
    sync_api.expect(page.get_by_role("heading", name="S&P 500 companies this article may move")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(OUT / "article-phone-390-en.png"), full_page=True)
    context.close()


def test_front_and_ticker_pages(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site.url}/?ui=ko")
    page.get_by_role("link", name="NVDA").first.click()
    sync_api.expect(page.locator("svg.chart")).to_be_visible()
    assert page.locator("svg.chart rect.bar-pos").count() == 1
    page.screenshot(path=str(OUT / "ticker-desktop-1280.png"), full_page=True)
    page.goto(f"{site.url}/")
    page.screenshot(path=str(OUT / "front-desktop-1280.png"), full_page=True)
    context.close()


def test_no_javascript_still_reads(browser: Any, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site.url}/articles/{site.article_id}")
    assert page.locator(".font-size").is_hidden()  # needs script; hidden rather than broken
    assert page.locator(".lang-submit").is_visible()
    assert "엔비디아가 18일" in page.locator("#article-body").inner_text()
    context.close()


def test_paragraphs_appear_as_they_finish(browser: Any, site: Site) -> None:
    site.gate.set()
    step = threading.Event()
    site.translator.paragraph_gate = step  # the fake translator waits after each paragraph
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/articles/{site.article_id}")
    page.get_by_label("번역할 언어 선택").select_option("ja")
    done = page.locator("#translated .article-body p:not(.pending-paragraph)")
    sync_api.expect(done).to_have_count(1)
    sync_api.expect(done.first).to_contain_text("[ja] ")
    assert page.locator("#translated .pending-paragraph").count() == 3
    sync_api.expect(page.locator("#translate-status")).to_contain_text("문단 1/4")
    sync_api.expect(page.locator("#translate-cancel")).to_be_visible()
    page.screenshot(path=str(OUT / "article-translation-progress-1280.png"))
    site.translator.paragraph_gate = None
    step.set()
    sync_api.expect(page.locator("#translate-status")).to_be_hidden()
    sync_api.expect(page.locator("#translated .article-body p")).to_have_count(4)
    assert page.locator("#translated .pending-paragraph").count() == 0
    context.close()
