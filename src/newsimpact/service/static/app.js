// Progressive enhancement: every page works without this file; it adds the remembered text size,
// in-place translation with polling, and evidence highlighting for the stock tracker.
(function () {
  "use strict";

  var FONT_KEY = "newsimpact.fontStep";
  var layout = document.querySelector(".article-layout");

  function setupFontSize() {
    var buttons = document.querySelectorAll(".font-step");
    if (!buttons.length) return;
    function apply(step) {
      document.documentElement.dataset.fontStep = String(step);
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", b.dataset.step === String(step) ? "true" : "false");
      });
    }
    var saved = null;
    try { saved = localStorage.getItem(FONT_KEY); } catch (e) { /* storage may be disabled */ }
    apply(saved && /^[1-5]$/.test(saved) ? saved : "3");
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        apply(b.dataset.step);
        try { localStorage.setItem(FONT_KEY, b.dataset.step); } catch (e) { /* not remembered */ }
      });
    });
  }

  function setupPicks() {
    var picks = document.querySelectorAll(".pick");
    var status = document.getElementById("pick-status");
    if (!picks.length) return;
    picks.forEach(function (button) {
      button.addEventListener("click", function () {
        var id = button.dataset.pick;
        var wasOn = button.getAttribute("aria-pressed") === "true";
        picks.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
        document.querySelectorAll(".is-hl").forEach(function (el) { el.classList.remove("is-hl"); });
        if (wasOn) {
          if (status) status.textContent = status.dataset.cleared;
          return;
        }
        button.setAttribute("aria-pressed", "true");
        var translated = document.getElementById("translated");
        var inTranslation = translated && !translated.hidden;
        var scope = inTranslation ? translated : document;
        var hits = scope.querySelectorAll('[data-picks~="' + id + '"]');
        hits.forEach(function (el) {
          if (!inTranslation || el.tagName === "P") el.classList.add("is-hl");
        });
        var shown = Array.prototype.filter.call(hits, function (el) { return el.classList.contains("is-hl"); });
        if (shown.length) {
          var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
          shown[0].scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
        }
        if (status) {
          status.textContent = inTranslation
            ? status.dataset.translated
            : status.dataset.shown.replace("{n}", String(shown.length));
        }
      });
    });
  }

  function setupTranslation() {
    var form = document.querySelector(".lang-form");
    if (!form || !layout) return;
    var select = form.querySelector("select");
    var submit = form.querySelector(".lang-submit");
    var status = document.getElementById("translate-status");
    var original = document.getElementById("original");
    var originalTitle = document.getElementById("article-title");
    var translatedTitle = document.getElementById("translated-title");
    var translated = document.getElementById("translated");
    var strings = document.getElementById("i18n").dataset;
    var articleId = layout.dataset.articleId;
    var ui = document.documentElement.lang;
    var pollTimer = null;
    var request = 0;
    var waitedFrom = 0;
    var cancelButton = document.getElementById("translate-cancel");
    if (submit) submit.hidden = true;  // the select acts on change; the button is for no-script readers

    function setStatus(text, busy) {
      status.hidden = !text;
      status.textContent = "";
      if (busy) {
        var spin = document.createElement("span");
        spin.className = "spinner";
        spin.setAttribute("aria-hidden", "true");
        status.appendChild(spin);
      }
      if (text) status.appendChild(document.createTextNode(text));
    }

    function showOriginal(push) {
      request += 1;
      clearTimeout(pollTimer);
      setStatus("", false);
      cancelButton.hidden = true;
      translated.hidden = true;
      translatedTitle.hidden = true;
      original.hidden = false;
      originalTitle.hidden = false;
      select.value = "";
      if (push) history.replaceState(null, "", location.pathname + "?ui=" + ui);
    }

    function el(tag, cls, text) {
      var node = document.createElement(tag);
      if (cls) node.className = cls;
      if (text != null) node.textContent = text;
      return node;
    }

    function fill(template, values) {
      return template.replace(/\{(\w+)\}/g, function (m, key) { return values[key] != null ? String(values[key]) : m; });
    }

    function segmentLabel(name) {
      var m = /^(paragraph|caption):(\d+)$/.exec(name);
      return m ? (m[1] === "paragraph" ? "\u00b6" : "\u25a3") + (Number(m[2]) + 1) : name;
    }

    // A finished translation, or the segments a running job has finished so far (the others null).
    function fromProgress(lang, progress) {
      var seg = progress.segments || {};
      var paragraphs = [];
      for (var i = 0; i < progress.paragraphs_total; i++) {
        paragraphs.push(seg["paragraph:" + i] != null ? seg["paragraph:" + i] : null);
      }
      var captions = [];
      Object.keys(seg).forEach(function (name) {
        var m = /^caption:(\d+)$/.exec(name);
        if (m) captions[Number(m[1])] = seg[name];
      });
      return {
        target_language: lang,
        title: seg.title != null ? seg.title : null,
        subtitle: seg.subtitle || null,
        byline: seg.byline || null,
        paragraphs: paragraphs,
        captions: captions,
        warnings: progress.warnings || [],
        partial: true,
      };
    }

    function render(tr) {
      translated.textContent = "";
      translated.lang = tr.target_language;
      var note = el("p", "translated-note", strings.note + " ");
      var back = el("a", "to-original", strings.back);
      back.href = location.pathname + "?ui=" + ui;
      back.addEventListener("click", function (ev) { ev.preventDefault(); showOriginal(true); select.focus(); });
      note.appendChild(back);
      translated.appendChild(note);
      var titleDone = tr.title != null;
      translatedTitle.textContent = titleDone ? tr.title : originalTitle.textContent;
      translatedTitle.lang = titleDone ? tr.target_language : originalTitle.lang;
      if (tr.subtitle) translated.appendChild(el("p", "subtitle", tr.subtitle));
      if (tr.byline) translated.appendChild(el("p", "byline", tr.byline));
      var body = el("div", "article-body");
      var sourceParas = original.querySelectorAll(".article-body > p");
      var warned = {};
      (tr.warnings || []).forEach(function (w) { warned[w.segment] = w.message; });
      tr.paragraphs.forEach(function (text, i) {
        var p = text == null ? el("p", "pending-paragraph", strings.pending) : el("p", null, text);
        p.dataset.index = String(i);
        if (warned["paragraph:" + i]) {
          p.classList.add("has-warning");
          p.title = warned["paragraph:" + i];
        }
        var src = sourceParas[i];
        if (src) {
          // Evidence offsets belong to the original text; in a translation mark whole paragraphs.
          var ids = {};
          src.querySelectorAll("[data-picks]").forEach(function (s) {
            s.dataset.picks.split(" ").forEach(function (id) { ids[id] = true; });
          });
          var list = Object.keys(ids);
          if (list.length) p.dataset.picks = list.join(" ");
          var next = src.nextElementSibling;
          body.appendChild(p);
          while (next && next.tagName === "FIGURE") {
            var fig = next.cloneNode(true);
            var k = Number(fig.dataset.caption);
            var cap = fig.querySelector(".caption-text");
            if (cap && tr.captions && tr.captions[k]) cap.textContent = tr.captions[k];
            body.appendChild(fig);
            next = next.nextElementSibling;
          }
        } else {
          body.appendChild(p);
        }
      });
      translated.appendChild(body);
      if (tr.warnings && tr.warnings.length && !tr.partial) {
        var box = el("details", "translation-warnings");
        box.appendChild(el("summary", null, strings.warnings + " (" + tr.warnings.length + ")"));
        var ul = el("ul");
        tr.warnings.forEach(function (w) {
          var li = el("li");
          li.appendChild(el("span", "warning-segment", segmentLabel(w.segment)));
          li.appendChild(document.createTextNode(w.message));
          ul.appendChild(li);
        });
        box.appendChild(ul);
        translated.appendChild(box);
      }
      original.hidden = true;
      originalTitle.hidden = true;
      translated.hidden = false;
      translatedTitle.hidden = false;
      if (!tr.partial) {
        document.querySelectorAll(".pick[aria-pressed='true']").forEach(function (b) {
          b.setAttribute("aria-pressed", "false");
        });
        document.querySelectorAll(".is-hl").forEach(function (n) { n.classList.remove("is-hl"); });
      }
    }

    function readJson(r) {
      return r.json().then(function (data) {
        return { ok: r.ok, status: r.status, retryAfter: r.headers.get("Retry-After"), data: data };
      });
    }

    function poll(lang, mine) {
      fetch("/api/articles/" + articleId + "/translations/" + encodeURIComponent(lang), {
        headers: { Accept: "application/json" },
      })
        .then(readJson)
        .then(function (res) { handle(lang, mine, res); })
        .catch(function () { if (mine === request) setStatus(strings.failed, false); });
    }

    function handle(lang, mine, res) {
      if (mine !== request) return;  // the reader picked something else meanwhile
      var data = res.data;
      cancelButton.hidden = true;
      if (res.status === 429) {
        setStatus(fill(strings.rateLimited, { seconds: res.retryAfter || "60" }), false);
        return;
      }
      if (!res.ok) {
        setStatus(strings.failed + (data && data.error ? ": " + data.error.message : ""), false);
        return;
      }
      if (data.state === "done" && data.translation) {
        setStatus("", false);
        render(data.translation);
        history.replaceState(null, "", location.pathname + "?ui=" + ui + "&lang=" + encodeURIComponent(lang));
        return;
      }
      if (data.state === "failed") {
        setStatus(strings.failed + (data.error ? ": " + data.error : ""), false);
        return;
      }
      waitedFrom = waitedFrom || Date.now();
      var seconds = Math.round((Date.now() - waitedFrom) / 1000);
      var progress = data.progress;
      if (data.state === "running" && progress && progress.done > 0 && progress.paragraphs_total) {
        render(fromProgress(lang, progress));
        setStatus(fill(strings.progress, {
          done: progress.paragraphs_done, total: progress.paragraphs_total, seconds: Math.round(progress.elapsed_s),
        }), true);
      } else if (data.state === "queued" && data.queue_position) {
        setStatus(fill(strings.queued, { ahead: data.queue_position - 1, seconds: seconds }), true);
      } else {
        setStatus(strings.preparing, true);
      }
      cancelButton.hidden = false;
      pollTimer = setTimeout(function () { poll(lang, mine); }, 1000);
    }

    function translate(lang) {
      request += 1;
      var mine = request;
      waitedFrom = Date.now();
      clearTimeout(pollTimer);
      setStatus(strings.preparing, true);
      fetch("/api/articles/" + articleId + "/translations/" + encodeURIComponent(lang), {
        method: "POST",
        headers: { Accept: "application/json" },
      })
        .then(readJson)
        .then(function (res) { handle(lang, mine, res); })
        .catch(function () { if (mine === request) setStatus(strings.failed, false); });
    }

    // Cancelling frees the worker at once; leaving the page does too, a minute after the polls stop.
    cancelButton.addEventListener("click", function () {
      var lang = select.value;
      if (!lang) return;
      fetch("/api/articles/" + articleId + "/translations/" + encodeURIComponent(lang), {
        method: "DELETE",
        headers: { Accept: "application/json" },
      }).finally(function () { showOriginal(true); });
    });

    select.addEventListener("change", function () {
      if (select.value) translate(select.value);
      else showOriginal(true);
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (select.value) translate(select.value);
      else showOriginal(true);
    });
    // A server-rendered page still waiting for its translation continues by polling.
    if (select.value && translated.hidden && !status.hidden) translate(select.value);
    // Links back to the original in a server-rendered translation stay on the page.
    translated.querySelectorAll(".to-original").forEach(function (a) {
      a.addEventListener("click", function (ev) { ev.preventDefault(); showOriginal(true); });
    });
  }

  function setupAnalysisPoll() {
    // While the tracker is still analysing, check now and then and reload once it is done.
    if (!layout || ["queued", "running"].indexOf(layout.dataset.analysisState) < 0) return;
    var id = layout.dataset.articleId;
    function check() {
      fetch("/api/articles/" + id, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          var s = data.analysis && data.analysis.state;
          if (s === "done" || s === "failed") location.reload();
          else setTimeout(check, 2000);
        })
        .catch(function () { setTimeout(check, 5000); });
    }
    setTimeout(check, 1500);
  }

  function setupPanel() {
    // Beside the article the panel follows the reader down the page, but only while all of it fits in
    // the window: a taller panel stays in the page flow, so its last picks and the disclaimer are never
    // hidden behind an inner scroll bar.
    var panel = document.getElementById("tracker");
    if (!panel) return;
    function fit() {
      var wide = window.matchMedia("(min-width: 900px)").matches;
      panel.classList.toggle("is-sticky", wide && panel.offsetHeight + 32 <= window.innerHeight);
    }
    fit();
    window.addEventListener("resize", fit);
    if (window.ResizeObserver) new ResizeObserver(fit).observe(panel);
  }

  setupFontSize();
  setupPanel();
  setupPicks();
  setupTranslation();
  setupAnalysisPoll();
})();
