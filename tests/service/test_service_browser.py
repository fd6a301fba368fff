"""The article page in headless Chromium: font size, translation, evidence highlighting, screenshots."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_fakes import ARTICLE_HTML, FakeTracker, FakeTranslator
from service_helpers import (
    API_KEY,
    AUTH,
    MIXED_CONFIDENCE,
    SECOND_ARTICLE,
    UNDATED_TEXT,
    make_settings,
    write_prices,
)
from service_server import ROOT, ThreadServer, wait_until

from newsimpact.config import Settings
from newsimpact.pipeline import Pipeline
from newsimpact.service.app import create_app
from newsimpact.service.prices import import_price_file

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
    def __init__(
        self, url: str, gate: threading.Event, article_id: int, related_id: int, text_id: int, translator: FakeTranslator
    ) -> None:
        self.url = url
        self.gate = gate
        self.translator = translator
        self.article_id = article_id
        self.related_id = related_id
        """Shares NVDA with the main article; stamped 06:15Z."""
        self.text_id = text_id
        """Posted as plain text: headline and byline lines first, no publication time."""


def post(base: str, body: bytes, ctype: str, **params: str) -> int:
    r = httpx.post(f"{base}/api/articles", content=body, headers={**AUTH, "Content-Type": ctype}, params=params)
    assert r.status_code in (200, 201), r.text
    article_id: int = r.json()["id"]
    wait_until(
        lambda: httpx.get(f"{base}/api/articles/{article_id}").json()["analysis"]["state"] == "done",
        "the analysis",
    )
    return article_id


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    gate = threading.Event()
    translator = FakeTranslator(gate=gate)
    pipeline = Pipeline(Settings(), tracker=FakeTracker(), translator=translator)
    data_dir = tmp_path_factory.mktemp("browser")
    settings = make_settings(data_dir, workers=1, poll_seconds=0.2)
    app = create_app(settings, pipeline=pipeline)
    import_price_file(app.state.store, write_prices(data_dir / "prices.csv"))
    with ThreadServer(app) as server:
        article_id = post(server.url, ARTICLE_HTML, "text/html", url="https://news.example/a/1")
        related_id = post(server.url, SECOND_ARTICLE, "text/html")
        text_id = post(server.url, UNDATED_TEXT.encode(), "text/plain; charset=utf-8", kind="text")
        yield Site(server.url, gate, article_id, related_id, text_id, translator)
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
    # The highlight fades in (a 0.2 s transition): wait for it to show rather than read it mid-fade.
    highlighted.nth(0).evaluate(
        """el => new Promise((resolve, reject) => {
            const started = Date.now();
            const poll = () => {
                if (getComputedStyle(el).backgroundColor !== "rgba(0, 0, 0, 0)") resolve(true);
                else if (Date.now() - started > 3000) reject(new Error("evidence never highlighted"));
                else requestAnimationFrame(poll);
            };
            poll();
        })"""
    )
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
    page.get_by_role("link", name="엔비디아 NVDA").first.click()
    sync_api.expect(page.locator("svg.chart-wide")).to_be_visible()
    assert page.locator("svg.chart-wide .marker-positive").count() == 2
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


# -- issue 11: what a reader and an editor meet, at desktop and phone widths ------------------------

WIDTHS = {
    1280: {"viewport": {"width": 1280, "height": 800}},
    390: {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(params=sorted(WIDTHS), ids=lambda w: f"{w}px")
def width(request: pytest.FixtureRequest) -> int:
    value: int = request.param
    return value


@pytest.fixture
def page(browser: Any, width: int) -> Iterator[Any]:
    context = browser.new_context(**WIDTHS[width])
    tab = context.new_page()
    yield tab
    context.close()


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    view = page.viewport_size
    return bool(box) and box["y"] >= -1 and box["y"] + box["height"] <= view["height"] + 1


def test_panel_shows_every_pick_and_the_disclaimer(page: Any, site: Site, width: int) -> None:
    page.goto(f"{site.url}/articles/{site.article_id}")
    tracker = page.locator("#tracker")
    # No scrolling inside the panel: everything in it is reached by scrolling the page.
    assert tracker.evaluate("el => el.scrollHeight <= el.clientHeight + 1")
    assert tracker.evaluate("el => getComputedStyle(el).overflowY") == "visible"
    for pick in page.locator(".pick").all():
        pick.scroll_into_view_if_needed()
        assert pick.is_visible()
    page.locator(".disclaimer").scroll_into_view_if_needed()
    assert in_viewport(page, ".disclaimer")
    if width == 1280:
        assert page.locator(".jump").first.is_hidden()  # panel sits beside the article
        # This panel fits the window, so it follows the reader down; once the text grows past the
        # window it drops back into the page flow rather than scroll inside itself.
        assert tracker.evaluate("el => getComputedStyle(el).position") == "sticky"
        page.set_viewport_size({"width": 1280, "height": 420})
        sync_api.expect(tracker).not_to_have_class(re.compile("is-sticky"))
        assert tracker.evaluate("el => getComputedStyle(el).position") == "static"
        page.set_viewport_size({"width": 1280, "height": 800})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(OUT / "i11-article-1280.png"), full_page=True)
    else:
        page.evaluate("window.scrollTo(0, 0)")
        page.get_by_role("link", name="종목 추적기 ↓").click()
        sync_api.expect(page.locator("#tracker-heading")).to_be_in_viewport()
        page.get_by_role("link", name="Top으로 ↑").click()
        sync_api.expect(page.locator("header.site")).to_be_in_viewport()
        page.screenshot(path=str(OUT / "i11-article-390.png"), full_page=True)


def test_api_docs_work_offline(page: Any, site: Site, width: int) -> None:
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(site.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(f"{site.url}/articles/{site.article_id}")
    page.get_by_role("link", name="API 문서").click()
    sync_api.expect(page.locator(".swagger-ui .info .title")).to_contain_text("newsimpact")
    sync_api.expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    page.goto(f"{site.url}/redoc")
    sync_api.expect(page.locator("h1").filter(has_text="newsimpact")).to_be_visible(timeout=20_000)
    # ReDoc's bundle tries its "by Redocly" footer logo from its CDN and drops the image when that fails;
    # nothing else may leave the machine.
    assert [u for u in outside if u != "https://cdn.redoc.ly/redoc/logo-mini.svg"] == []
    assert page.request.get(f"{site.url}/favicon.ico").status == 200


def test_ticker_page_from_a_pick_card(page: Any, site: Site, width: int) -> None:
    page.goto(f"{site.url}/articles/{site.article_id}")
    card = page.locator(".pick-item").first
    move = card.locator(".move")
    sync_api.expect(move).to_contain_text("발행 후 +")
    card.get_by_role("link", name="NVDA 종목 페이지 →").click()
    page.wait_for_url("**/tickers/NVDA")
    sync_api.expect(page.locator("h1")).to_contain_text("엔비디아")
    sync_api.expect(page.locator("h1")).to_contain_text("Nvidia")
    sync_api.expect(page.locator(".ticker-head .badge")).to_have_text("정보기술")
    chart = page.locator("svg.chart-wide" if width == 1280 else "svg.chart-narrow")
    sync_api.expect(chart).to_be_visible()
    assert chart.locator(".marker-positive").count() == 2
    # Axis labels stay legible on a phone (the old chart's were about 6 px tall).
    heights = chart.locator("text.tick").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 10, heights
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    sync_api.expect(page.locator(".chart-note").first).to_contain_text("정오를 뜻하지 않습니다")
    page.screenshot(path=str(OUT / f"i11-ticker-{width}.png"), full_page=True)
    response = page.goto(f"{site.url}/tickers/ZZZZ")
    assert response.status == 404
    sync_api.expect(page.locator("h1")).to_have_text("찾을 수 없습니다 (404)")
    page.goto(f"{site.url}/tickers/BRK-B")
    sync_api.expect(page.locator("h1")).to_contain_text("버크셔해서웨이")


def test_front_page_times_and_errors(page: Any, site: Site, width: int) -> None:
    page.goto(f"{site.url}/?ui=ko")
    item = page.locator(".article-item").filter(has=page.locator(f'a[href="/articles/{site.text_id}"]'))
    sync_api.expect(item.locator("h2")).to_have_text("테슬라, 3분기 인도량 예상 밑돌아")
    sync_api.expect(item.locator(".meta")).to_have_text("김하늘 기자")  # no stray "· 김하늘"
    sync_api.expect(page.locator(".chip").first).to_contain_text("테슬라")
    wire = page.locator(".article-item").filter(has=page.locator(f'a[href="/articles/{site.related_id}"]'))
    sync_api.expect(wire.locator("time")).to_have_text("2024년04월10일 15:15")  # 06:15Z in KST
    page.screenshot(path=str(OUT / f"i11-front-{width}.png"), full_page=True)
    page.get_by_label("기사 검색").fill("공급망")
    page.get_by_role("button", name="검색").click()
    sync_api.expect(page.locator(".search-count")).to_have_text("‘공급망’ 검색 결과 1건")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for path in ("/articles/abc", "/articles/-1", "/tickers/a%2Fb"):
        response = page.goto(site.url + path)
        assert response.status == 404, path
        sync_api.expect(page.locator(".error-page p").first).to_have_text(
            "요청하신 페이지를 찾을 수 없습니다. 주소를 확인해 주세요."
        )


def test_text_size_reaches_captions_byline_and_panel(page: Any, site: Site, width: int) -> None:
    page.goto(f"{site.url}/articles/{site.article_id}")
    page.evaluate("localStorage.clear()")
    page.reload()
    targets = ["figcaption", ".byline", ".tracker .rationale", ".article-foot"]

    def sizes() -> list[float]:
        return [float(page.eval_on_selector(t, "el => parseFloat(getComputedStyle(el).fontSize)")) for t in targets]

    before = sizes()
    page.get_by_role("button", name="더 크게", exact=True).click()
    after = sizes()
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)
    page.get_by_role("button", name="보통", exact=True).click()
    assert sizes() == before
    # Each script gets its own fonts, so kanji in a Japanese translation never fall back to Korean glyphs.
    families = page.evaluate(
        """() => ['ja', 'zh-Hans', 'zh-Hant', 'ko'].map(lang => {
            const el = document.createElement('p'); el.lang = lang; el.textContent = '漢字';
            document.body.appendChild(el); const f = getComputedStyle(el).fontFamily; el.remove(); return f; })"""
    )
    assert "Noto Sans CJK JP" in families[0] and "Noto Sans CJK SC" in families[1]
    assert "Noto Sans CJK TC" in families[2] and "Nanum" in families[3]
    assert not families[0].startswith('"Noto Sans KR"')


def test_related_articles_source_and_copyright(page: Any, site: Site, width: int) -> None:
    page.goto(f"{site.url}/articles/{site.article_id}")
    related = page.locator(".related")
    sync_api.expect(related.get_by_role("link", name="엔비디아, 공급망 확대 발표…데이터센터 주문 이어져")).to_be_visible()
    sync_api.expect(page.locator(".article-foot .source a")).to_have_attribute("href", "https://news.example/a/1")
    sync_api.expect(page.locator(".copyright")).to_contain_text("저작권은 테스트뉴스에 있습니다")
    related.get_by_role("link").first.click()
    page.wait_for_url(f"**/articles/{site.related_id}")
    sync_api.expect(page.locator(".times time").first).to_have_text("2024년04월10일 15:15")


def test_desk_hides_and_corrects_picks(page: Any, site: Site, width: int) -> None:
    page.goto(f"{site.url}/desk")
    page.get_by_label("편집자 이름 (수정 기록에 남습니다)").fill("정편집")
    page.get_by_label("API 키").fill(API_KEY)
    page.get_by_role("button", name="들어가기").click()
    sync_api.expect(page.get_by_text("정편집 님으로 편집 중")).to_be_visible()
    page.locator(f'a[href="/desk/articles/{site.article_id}"]').click()
    rows = page.locator(".audit tbody tr").count()  # the other width's run left its own entries
    intc = page.locator('form[action$="/picks/INTC"]')
    intc.get_by_label("방향").select_option("positive")
    intc.get_by_label("판단 근거 (한국어)").fill("편집국 검토: 기사만으로는 하락을 단정하기 어렵습니다.")
    intc.get_by_role("button", name="저장").click()
    nvda = page.locator('form[action$="/picks/NVDA"]')
    nvda.get_by_label("이 종목 숨기기").check()
    nvda.get_by_role("button", name="저장").click()
    sync_api.expect(page.locator(".audit tbody tr")).to_have_count(rows + 2)
    sync_api.expect(page.locator(".audit tbody tr").first).to_contain_text("정편집")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(OUT / f"i11-desk-{width}.png"), full_page=True)

    reader = page.context.new_page()
    reader.goto(f"{site.url}/articles/{site.article_id}")
    sync_api.expect(reader.locator(".pick")).to_have_count(1)
    card = reader.locator(".side-positive .pick")
    sync_api.expect(card).to_contain_text("편집국 검토: 기사만으로는 하락을 단정하기 어렵습니다.")
    sync_api.expect(card.locator(".badge-edited")).to_have_text("편집국 수정")
    reader.screenshot(path=str(OUT / f"i11-article-edited-{width}.png"), full_page=True)
    reader.close()

    # Undo both so the other tests meet the tracker's own picks.
    for ticker in ("INTC", "NVDA"):
        page.locator(f'form[action$="/picks/{ticker}"]').get_by_role("button", name="수정 취소").click()
    sync_api.expect(page.locator(".audit tbody tr")).to_have_count(rows + 4)
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


def test_low_confidence_picks_sit_apart_and_quieter(browser: Any, site: Site) -> None:
    """Last in the module: it adds an article the other tests do not expect on the front page."""
    article_id = post(site.url, MIXED_CONFIDENCE, "text/html")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/articles/{article_id}")
    firm = page.locator(".side-positive .pick")
    tentative = page.locator(".side-tentative .pick")
    sync_api.expect(firm).to_have_count(1)
    sync_api.expect(tentative).to_have_count(1)
    sync_api.expect(page.locator("#side-tentative")).to_have_text("낮은 확신 (참고)")
    sync_api.expect(tentative).to_contain_text("퀄컴")
    # under the firm picks, in the same column, and quieter (a dashed frame on a grey ground)
    firm_box, tentative_box = firm.bounding_box(), tentative.bounding_box()
    assert tentative_box["y"] > firm_box["y"] + firm_box["height"]
    assert abs(tentative_box["x"] - firm_box["x"]) < 2
    style = "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.backgroundColor]; }"
    assert firm.evaluate(style) != tentative.evaluate(style)
    assert tentative.evaluate(style)[0] == "dashed"
    tentative.click()  # its evidence is still highlighted
    sync_api.expect(page.locator(".ev.is-hl")).to_have_count(1)
    sync_api.expect(page.locator(".ev.is-hl")).to_contain_text("퀄컴")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "article-low-confidence-1280.png"), full_page=True)
    context.close()
