// The web page for project designers: search with completion and facets, similar initiatives,
// and what the other views share (window.PrecedentPage): the record page (record.js), the
// proposal check (proposal.js) and the landscape (landscape.js) register their view there. Plain
// DOM, no framework; the whole state lives in the URL, a record's page at /records/{id}
// (shareable, and the back button works). Text and DOM helpers come from shared.js.
"use strict";
(function () {
  var FACETS = ["country", "theme", "commodity", "type", "outcome", "language", "year"];
  var FILTERS = ["country", "place", "theme", "commodity", "type", "outcome", "language", "organisation", "donor"];
  var PER_PAGE = 10;
  var ui = "en";
  var state = {};

  function $(id) { return document.getElementById(id); }
  function t(key, n) { return precedentText(ui, key, n); }
  var el = precedentElement;
  var marked = precedentMarked;

  // ---- state <-> URL ----
  function readState() {
    var params = new URLSearchParams(location.search);
    var record = /^\/records\/([^/]+)$/.exec(location.pathname);
    var s = { view: record ? "record" : params.get("view") || "search", record: record ? decodeURIComponent(record[1]) : "", q: params.get("q") || "", page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
              year_from: params.get("year_from") || "", year_to: params.get("year_to") || "", similar: params.get("similar") || "",
              prefer_lang: params.get("prefer_lang") === "true",
              filters: {} };
    FILTERS.forEach(function (name) { s.filters[name] = params.getAll(name); });
    return s;
  }
  function stateQuery(s, withView) {
    var params = new URLSearchParams();
    if (withView && s.view !== "search" && s.view !== "record") params.set("view", s.view);
    if (s.q) params.set("q", s.q);
    FILTERS.forEach(function (name) { s.filters[name].forEach(function (v) { params.append(name, v); }); });
    if (s.year_from) params.set("year_from", s.year_from);
    if (s.year_to) params.set("year_to", s.year_to);
    if (s.prefer_lang) params.set("prefer_lang", "true");
    if (withView && s.page > 1) params.set("page", String(s.page));
    if (withView && s.similar) params.set("similar", s.similar);
    if (withView && ui !== precedentBrowserLanguage()) params.set("ui", ui);
    return params;
  }
  // The page's address for a state: a record's page keeps the search it was opened from.
  function stateHref(s) {
    var query = stateQuery(s, true).toString();
    return (s.view === "record" ? precedentRecordHref("", s.record) : "/") + (query ? "?" + query : "");
  }
  function navigate(change) {
    change(state);
    history.pushState(null, "", stateHref(state));
    render();
  }
  var api = precedentFetch;
  // What to tell the reader about a failed call: the server's own message when it answered (a
  // query it cannot read, say), else that it did not answer.
  function errorText(error, isQuery) {
    if (!error.status) return t("error");
    return isQuery ? t("query_problem", error.message) : error.message;
  }

  // ---- interface language ----
  function applyLanguage() {
    document.documentElement.lang = ui;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (node) {
      node.setAttribute("placeholder", t(node.getAttribute("data-i18n-placeholder")));
    });
    $("ui-language").value = ui;
    document.title = t("title");
  }

  // ---- views ----
  function showView() {
    ["search", "proposal", "landscape"].forEach(function (name) {
      var selected = state.view === name || (name === "search" && state.view === "record");
      $("view-" + name).hidden = state.view !== name;
      $("tab-" + name).setAttribute("aria-selected", selected ? "true" : "false");
      $("tab-" + name).tabIndex = selected ? 0 : -1;
    });
    $("view-record").hidden = state.view !== "record";
    // The search box serves the results and the landscape, which follows the same search.
    $("search-form").hidden = state.view !== "search" && state.view !== "landscape";
  }

  function render() {
    state = readState();
    applyLanguage();
    showView();
    $("q").value = state.q;
    $("year-from").value = state.year_from;
    $("year-to").value = state.year_to;
    $("prefer-lang").checked = state.prefer_lang;
    if (state.view === "search") runSearch();
    if (P.views[state.view]) P.views[state.view]();
    P.onRender.forEach(function (redraw) { redraw(); });  // labels follow the interface language
  }

  // ---- search ----
  function runSearch() {
    var params = stateQuery(state, false);
    params.set("facets", FACETS.join(","));
    params.set("page", String(state.page));
    params.set("per_page", String(PER_PAGE));
    params.set("ui_lang", ui);
    $("status").textContent = t("loading");
    api("/v1/search?" + params.toString()).then(showResults, function (error) {
      $("status").replaceChildren(el("span", { className: "error", text: errorText(error, true) }));
      $("recognised").replaceChildren();
      $("results").replaceChildren();
      $("pager").replaceChildren();
    });
  }

  function badge(kind, text) { return el("span", { className: "badge badge-" + kind, text: text }); }

  function years(record) {
    if (record.start_year && record.end_year && record.end_year !== record.start_year) return record.start_year + "–" + record.end_year;
    return record.start_year ? String(record.start_year) : record.end_year ? String(record.end_year) : "";
  }

  function showResults(body) {
    var status = $("status");
    status.replaceChildren(document.createTextNode(body.total ? t("results", body.total) : t("no_results")));
    if (body.did_you_mean) {
      var link = el("a", { href: "?" + new URLSearchParams({ q: body.did_you_mean }).toString(), text: body.did_you_mean });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        navigate(function (s) { s.q = body.did_you_mean; s.page = 1; });
      });
      status.appendChild(el("span", { className: "did-you-mean" }, [document.createTextNode(" " + t("did_you_mean") + " "), link, document.createTextNode("?")]));
    }
    if (body.expansions && body.expansions.length) {
      var words = [];
      body.expansions.forEach(function (e) { words = words.concat(e.terms); });
      status.appendChild(el("span", { className: "expansions", text: " · " + t("expansions") + ": " + words.slice(0, 8).join(", ") }));
    }
    // What the query became in the collection's other languages, so a reader sees why a record in
    // another language was found.
    Object.keys(body.translations || {}).forEach(function (code) {
      status.appendChild(el("span", { className: "translation", lang: code,
        text: " · " + precedentValueLabel(ui, "language", code) + ": " + body.translations[code] }));
    });
    showRecognised(body.recognised || []);
    var list = $("results");
    list.replaceChildren();
    list.start = (body.page - 1) * body.per_page + 1;
    body.hits.forEach(function (hit) { list.appendChild(resultItem(hit)); });
    showFacets(body.facets || {});
    showPager(body);
  }

  // What the query names that is also a filter (a country, a place, a commodity, an organisation,
  // a donor), as one-click filters.
  function showRecognised(recognised) {
    var box = $("recognised");
    box.replaceChildren();
    recognised.forEach(function (item) {
      if (FILTERS.indexOf(item.field) < 0 || state.filters[item.field].indexOf(item.value) >= 0) return;
      var name = item.field === "country" || item.field === "commodity" ? precedentValueLabel(ui, item.field, item.value) : item.text || item.value;
      var button = el("button", { type: "button", className: "filter-by", "data-field": item.field, "data-value": item.value,
                                  text: t("filter_by", name) });
      if (item.text) button.title = item.text;  // the words of the query it was recognised in
      button.addEventListener("click", function () {
        navigate(function (s) { s.filters[item.field].push(item.value); s.page = 1; s.similar = ""; });
      });
      box.appendChild(button);
    });
    box.hidden = !box.childNodes.length;
  }

  // A record's title as the link to its page; the current search goes along for the way back.
  function recordLink(id, title, lang) {
    var link = el("a", { href: stateHref(Object.assign({}, state, { view: "record", record: id, similar: "", page: 1 })),
                         className: "record-link", text: title });
    if (lang) link.setAttribute("lang", lang);
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;  // a new tab or window
      event.preventDefault();
      navigate(function (s) { s.view = "record"; s.record = id; s.similar = ""; });
      window.scrollTo(0, 0);
    });
    return link;
  }
  function sourceLink(url) {
    return el("a", { href: url, className: "source-link", target: "_blank", rel: "noopener noreferrer", text: t("source") + " ↗" });
  }
  // Lessons with their kind; `translated` their texts in the reader's language when shown so;
  // `markup` when the texts are a search's, HTML-escaped with the matched words marked.
  function lessonList(lessons, translated, markup) {
    var list = el("ul", { className: "lessons" });
    lessons.forEach(function (lesson, i) {
      var text = translated && translated[i] ? translated[i] : lesson.text;
      list.appendChild(el("li", { className: "lesson lesson-" + lesson.kind }, [el("strong", { text: t(lesson.kind) + ": " }),
        markup && !(translated && translated[i]) ? marked(text) : document.createTextNode(text)]));
    });
    return list;
  }
  // Links to the records of an initiative in other languages.
  // The other awards of a funder's project (part_of), shown with the one that answered.
  function partLinks(ids) {
    var line = el("p", { className: "parts" }, [document.createTextNode(t("parts") + " ")]);
    ids.forEach(function (id, i) {
      if (i) line.appendChild(document.createTextNode(", "));
      line.appendChild(recordLink(id, id));
    });
    return line;
  }

  function translationLinks(links) {
    var line = el("p", { className: "translations" });
    links.forEach(function (link, i) {
      line.append(document.createTextNode(i ? ", " : t("translations", "").trim() + " "),
                  recordLink(link.id, precedentValueLabel(ui, "language", link.language)));
    });
    return line;
  }

  function resultItem(hit) {
    var meta = el("p", { className: "meta" });
    if (hit.language) meta.appendChild(badge("language", precedentValueLabel(ui, "language", hit.language)));
    if (hit.outcome) meta.appendChild(badge("outcome-" + hit.outcome, precedentValueLabel(ui, "outcome", hit.outcome)));
    if (hit.type) meta.appendChild(badge("type", precedentValueLabel(ui, "type", hit.type)));
    var where = hit.countries.map(function (c) { return precedentValueLabel(ui, "country", c); }).join(", ");
    var when = years(hit);
    if (where || when) meta.appendChild(el("span", { className: "where", text: [where, when].filter(Boolean).join(" · ") }));
    if (hit.source_url) meta.appendChild(sourceLink(hit.source_url));
    if (hit.iati_identifier) meta.appendChild(el("span", { className: "iati", title: hit.iati_identifier, text: t("iati_activity", hit.publisher || "") }));
    var original = el("div", { className: "original" }, [el("h3", {}, [recordLink(hit.id, hit.title)]),
                                                         el("p", { className: "snippet" }, [marked(hit.snippet)])]);
    if (hit.language) original.setAttribute("lang", hit.language);
    var item = el("li", { className: "result", "data-id": hit.id }, [
      hit.machine_translation ? machineTranslated(hit.machine_translation, hit.id, hit.language, original) : null, original, meta]);
    if (hit.duplicates) item.appendChild(el("p", { className: "duplicates", text: t("duplicates", hit.duplicates) }));
    if (hit.translations && hit.translations.length) item.appendChild(translationLinks(hit.translations));
    if (hit.parts && hit.parts.length) item.appendChild(partLinks(hit.parts));
    if (hit.lessons && hit.lessons.length) item.appendChild(lessonList(hit.lessons, null, true));
    var panel = el("div", { className: "similar", id: "similar-" + hit.id, hidden: "" });
    var button = el("button", { type: "button", className: "similar-button", "aria-expanded": "false", "aria-controls": panel.id, text: t("similar") });
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      navigate(function (s) { s.similar = open ? hit.id : ""; });
    });
    item.appendChild(button);
    item.appendChild(panel);
    if (state.similar === hit.id) openSimilar(hit.id, button, panel);
    return item;
  }

  // A record in another language, shown by its machine translation into the reader's language,
  // marked as such, with a button that shows the original (`original`, hidden meanwhile) instead.
  function machineTranslated(translation, id, language, original) {
    var translated = el("div", { className: "translated", lang: translation.lang }, [
      el("h3", {}, [recordLink(id, translation.title)]),
      translation.summary ? el("p", { className: "summary", text: translation.summary }) : null]);
    var button = el("button", { type: "button", className: "link-button", "aria-pressed": "false", text: t("show_original") });
    button.addEventListener("click", function () {
      var showOriginal = original.hidden;
      original.hidden = !showOriginal;
      translated.hidden = showOriginal;
      button.textContent = t(showOriginal ? "show_translation" : "show_original");
      button.setAttribute("aria-pressed", String(showOriginal));
    });
    original.hidden = true;
    return el("div", { className: "machine-translated" }, [translated,
      el("p", { className: "machine-translation-note" }, [
        document.createTextNode(t("machine_translation", precedentValueLabel(ui, "language", language)) + " · "), button])]);
  }

  function whyText(why) {
    var parts = [];
    if (why.themes && why.themes.length) parts.push(t("shared_themes") + ": " + why.themes.map(function (v) { return precedentValueLabel(ui, "theme", v); }).join(", "));
    if (why.countries && why.countries.length) parts.push(t("shared_countries") + ": " + why.countries.map(function (v) { return precedentValueLabel(ui, "country", v); }).join(", "));
    if (why.terms && why.terms.length) parts.push(t("shared_words") + ": " + why.terms.join(", "));
    if (why.same_type) parts.push(t("same_type"));
    return parts.join("; ");
  }

  function similarList(similar) {
    var list = el("ol", { className: "similar-list" });
    similar.forEach(function (item) {
      var translation = item.machine_translation;
      var entry = el("li", { "data-id": item.id }, [
        el("strong", {}, [recordLink(item.id, translation ? translation.title : item.title)]),
        el("span", { className: "score", text: " " + Math.round(item.score * 100) + "% " + t("score") }),
        item.outcome ? badge("outcome-" + item.outcome, precedentValueLabel(ui, "outcome", item.outcome)) : null,
        el("p", { className: "why", text: t("why") + ": " + whyText(item.why || {}) })
      ]);
      if (translation) {
        entry.insertBefore(el("p", { className: "machine-translation-note",
          text: t("machine_translation", precedentValueLabel(ui, "language", item.language)) + " · " + item.title }), entry.children[1]);
      }
      if (item.source_url) entry.appendChild(el("p", { className: "meta" }, [sourceLink(item.source_url)]));
      if (item.lessons && item.lessons.length) entry.appendChild(lessonList(item.lessons, translation && translation.lessons));
      list.appendChild(entry);
    });
    return list;
  }

  function openSimilar(id, button, panel) {
    button.setAttribute("aria-expanded", "true");
    button.textContent = t("hide_similar");
    panel.hidden = false;
    panel.replaceChildren(el("p", { text: t("loading") }));
    api("/v1/documents/" + encodeURIComponent(id) + "/similar?k=5&ui_lang=" + ui).then(function (body) {
      panel.replaceChildren(el("h4", { text: t("similar") }), similarList(body.similar), riskBlock(body.risk, false));
    }, function (error) { panel.replaceChildren(el("p", { className: "error", text: errorText(error) })); });
  }

  function showFacets(facets) {
    var groups = $("facet-groups");
    groups.replaceChildren();
    FACETS.forEach(function (field) {
      var values = facets[field] || [];
      if (field === "year") values = values.slice().sort(function (a, b) { return Number(a.value) - Number(b.value); });
      if (!values.length) return;
      var set = el("fieldset", { className: "facet facet-" + field }, [el("legend", { text: t("facet_" + field) })]);
      values.slice(0, field === "year" ? 50 : 12).forEach(function (entry) {
        var checked = field === "year" ? state.year_from === entry.value && state.year_to === entry.value
                                       : state.filters[field].indexOf(entry.value) >= 0;
        var box = el("input", { type: "checkbox", name: field, value: entry.value });
        box.checked = checked;
        box.addEventListener("change", function () {
          navigate(function (s) {
            s.page = 1;
            if (field === "year") {
              s.year_from = box.checked ? entry.value : "";
              s.year_to = box.checked ? entry.value : "";
            } else if (box.checked) {
              s.filters[field].push(entry.value);
            } else {
              s.filters[field] = s.filters[field].filter(function (v) { return v !== entry.value; });
            }
          });
        });
        set.appendChild(el("label", {}, [box, document.createTextNode(" " + precedentValueLabel(ui, field, entry.value) + " "),
                                          el("span", { className: "count", text: "(" + entry.count + ")" })]));
      });
      groups.appendChild(set);
    });
  }

  function showPager(body) {
    var pager = $("pager");
    pager.replaceChildren();
    var pages = Math.ceil(body.total / body.per_page);
    if (pages <= 1) return;
    function link(page, text, current) {
      var a = el("a", { href: "?" + (function () { var copy = readState(); copy.page = page; return stateQuery(copy, true).toString(); })(), text: text });
      if (current) a.setAttribute("aria-current", "page");
      a.addEventListener("click", function (event) {
        event.preventDefault();
        navigate(function (s) { s.page = page; s.similar = ""; });
        window.scrollTo(0, 0);
      });
      return a;
    }
    if (body.page > 1) pager.appendChild(link(body.page - 1, t("previous")));
    var first = Math.max(1, body.page - 3), last = Math.min(pages, first + 6);
    for (var p = first; p <= last; ++p) {
      var a = link(p, String(p), p === body.page);
      a.setAttribute("aria-label", t("page", p));
      pager.appendChild(a);
    }
    if (body.page < pages) pager.appendChild(link(body.page + 1, t("next")));
  }

  // ---- completion: a listbox under the search box, driven by the keyboard too ----
  var suggestTimer = null, active = -1, suggestGeneration = 0;
  function closeSuggestions() {
    // An answer to a request made before this is stale (the search it completed has run).
    clearTimeout(suggestTimer);
    ++suggestGeneration;
    $("suggestions").hidden = true;
    $("suggestions").replaceChildren();
    $("q").setAttribute("aria-expanded", "false");
    $("q").removeAttribute("aria-activedescendant");
    active = -1;
  }
  function choose(text) {
    closeSuggestions();
    navigate(function (s) { s.q = text; s.page = 1; s.similar = ""; if (s.view !== "landscape") s.view = "search"; });
  }
  function suggest() {
    var text = $("q").value;
    if (text.trim().length < 2) { closeSuggestions(); return; }
    var generation = suggestGeneration;
    api("/v1/suggest?" + new URLSearchParams({ q: text, limit: "8" }).toString()).then(function (body) {
      if ($("q").value !== text || generation !== suggestGeneration) return;
      var list = $("suggestions");
      list.replaceChildren();
      body.completions.forEach(function (completion, index) {
        var option = el("li", { role: "option", id: "suggestion-" + index, text: completion });
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(completion); });
        list.appendChild(option);
      });
      list.hidden = body.completions.length === 0;
      $("q").setAttribute("aria-expanded", list.hidden ? "false" : "true");
      active = -1;
    }, closeSuggestions);
  }
  function moveActive(step) {
    var options = $("suggestions").querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (active + step + options.length) % options.length;
    options.forEach(function (option, index) { option.setAttribute("aria-selected", index === active ? "true" : "false"); });
    $("q").setAttribute("aria-activedescendant", options[active].id);
  }


  // ---- the duplication-risk report, under similar initiatives and in the proposal check ----
  function riskBlock(risk, withCopy) {
    var block = el("div", { className: "risk risk-" + risk.level }, [
      el("h4", { text: t("risk") + ": " + t("risk_" + risk.level) }),
      el("p", { className: "risk-summary", text: risk.summary })
    ]);
    if (withCopy) {
      var copy = el("button", { type: "button", className: "copy", text: t("copy") });
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(risk.summary).then(function () { copy.textContent = t("copied"); });
      });
      block.appendChild(copy);
    }
    return block;
  }

  // What the other views of the page use (record.js, proposal.js, landscape.js).
  var P = window.PrecedentPage = {
    t: t, el: el, api: api, errorText: errorText, navigate: navigate, stateQuery: stateQuery,
    state: function () { return state; }, ui: function () { return ui; },
    badge: badge, years: years, recordLink: recordLink, sourceLink: sourceLink, lessonList: lessonList,
    translationLinks: translationLinks, similarList: similarList, riskBlock: riskBlock,
    views: {}, onRender: [], onInit: [], FILTERS: FILTERS
  };

  // ---- wiring ----
  function init() {
    var params = new URLSearchParams(location.search);
    ui = params.get("ui") || localStorage.getItem("precedent.ui") || precedentBrowserLanguage();
    if (!PRECEDENT_STRINGS[ui]) ui = "en";
    $("ui-language").addEventListener("change", function () {
      ui = this.value;
      localStorage.setItem("precedent.ui", ui);
      navigate(function () {});
    });
    document.querySelectorAll("[role=tab]").forEach(function (tab) {
      tab.addEventListener("click", function () { navigate(function (s) { s.view = tab.getAttribute("data-view"); }); });
      tab.addEventListener("keydown", function (event) {
        var tabs = Array.prototype.slice.call(document.querySelectorAll("[role=tab]"));
        var i = tabs.indexOf(tab);
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
          var next = tabs[(i + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
          next.focus();
          next.click();
        }
      });
    });
    $("search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      if (active >= 0) { choose($("suggestions").querySelectorAll("[role=option]")[active].textContent); return; }
      closeSuggestions();
      navigate(function (s) { s.q = $("q").value.trim(); s.page = 1; s.similar = ""; });
    });
    $("q").addEventListener("input", function () { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 120); });
    $("q").addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); moveActive(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); moveActive(-1); }
      else if (event.key === "Escape") closeSuggestions();
    });
    $("q").addEventListener("blur", function () { setTimeout(closeSuggestions, 100); });
    $("apply-years").addEventListener("click", function () {
      navigate(function (s) { s.year_from = $("year-from").value; s.year_to = $("year-to").value; s.page = 1; });
    });
    // Language-neutral ranking is the default; a reader who prefers their query's language asks.
    $("prefer-lang").addEventListener("change", function () {
      var checked = $("prefer-lang").checked;
      navigate(function (s) { s.prefer_lang = checked; s.page = 1; });
    });
    $("clear-filters").addEventListener("click", function () {
      navigate(function (s) { FILTERS.forEach(function (f) { s.filters[f] = []; }); s.year_from = ""; s.year_to = ""; s.page = 1; });
    });
    // On a phone the filters fold behind a button, so the results come first (app.css).
    $("toggle-filters").addEventListener("click", function () {
      var open = $("toggle-filters").getAttribute("aria-expanded") !== "true";
      $("toggle-filters").setAttribute("aria-expanded", String(open));
      $("facets").classList.toggle("open", open);
    });
    P.onInit.forEach(function (start) { start(); });
    window.addEventListener("popstate", render);
    render();
  }
  document.addEventListener("DOMContentLoaded", init);
})();
