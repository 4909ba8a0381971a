// The web page for project designers: search with completion and facets, similar initiatives,
// the proposal check and the landscape charts. Plain DOM, no framework; the whole state lives in
// the URL (shareable, and the back button works). Text and DOM helpers come from shared.js.
"use strict";
(function () {
  var FACETS = ["country", "theme", "type", "outcome", "language", "year"];
  var FILTERS = ["country", "theme", "type", "outcome", "language"];
  var PER_PAGE = 10;
  var SVG = "http://www.w3.org/2000/svg";
  var ui = "en";
  var state = {};

  function $(id) { return document.getElementById(id); }
  function t(key, n) { return precedentText(ui, key, n); }
  var el = precedentElement;
  var marked = precedentMarked;

  // ---- state <-> URL ----
  function readState() {
    var params = new URLSearchParams(location.search);
    var s = { view: params.get("view") || "search", q: params.get("q") || "", page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
              year_from: params.get("year_from") || "", year_to: params.get("year_to") || "", similar: params.get("similar") || "",
              prefer_lang: params.get("prefer_lang") === "true",
              filters: {} };
    FILTERS.forEach(function (name) { s.filters[name] = params.getAll(name); });
    return s;
  }
  function stateQuery(s, withView) {
    var params = new URLSearchParams();
    if (withView && s.view !== "search") params.set("view", s.view);
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
  function navigate(change) {
    change(state);
    var query = stateQuery(state, true).toString();
    history.pushState(null, "", query ? "?" + query : location.pathname);
    render();
  }

  function api(path, options) {
    return fetch(path, options).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
        return body;
      });
    });
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
      var selected = state.view === name;
      $("view-" + name).hidden = !selected;
      $("tab-" + name).setAttribute("aria-selected", selected ? "true" : "false");
      $("tab-" + name).tabIndex = selected ? 0 : -1;
    });
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
    if (state.view === "landscape") drawLandscape();
    drawProfile();  // its labels follow the interface language
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
      $("status").textContent = t("error") + " " + error.message;
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
    var list = $("results");
    list.replaceChildren();
    list.start = (body.page - 1) * body.per_page + 1;
    body.hits.forEach(function (hit) { list.appendChild(resultItem(hit)); });
    showFacets(body.facets || {});
    showPager(body);
  }

  function resultItem(hit) {
    var meta = el("p", { className: "meta" });
    if (hit.language) meta.appendChild(badge("language", precedentValueLabel(ui, "language", hit.language)));
    if (hit.outcome) meta.appendChild(badge("outcome-" + hit.outcome, precedentValueLabel(ui, "outcome", hit.outcome)));
    if (hit.type) meta.appendChild(badge("type", precedentValueLabel(ui, "type", hit.type)));
    var where = hit.countries.map(function (c) { return precedentValueLabel(ui, "country", c); }).join(", ");
    var when = years(hit);
    if (where || when) meta.appendChild(el("span", { className: "where", text: [where, when].filter(Boolean).join(" · ") }));
    var original = el("div", { className: "original" }, [el("h3", { text: hit.title }), el("p", { className: "snippet" }, [marked(hit.snippet)])]);
    if (hit.language) original.setAttribute("lang", hit.language);
    var item = el("li", { className: "result", "data-id": hit.id }, [
      hit.machine_translation ? machineTranslated(hit.machine_translation, hit.language, original) : null, original, meta]);
    if (hit.duplicates) item.appendChild(el("p", { className: "duplicates", text: t("duplicates", hit.duplicates) }));
    if (hit.translations && hit.translations.length) {
      item.appendChild(el("p", { className: "translations", text: t("translations", hit.translations.map(function (link) {
        return precedentValueLabel(ui, "language", link.language);
      }).join(", ")) }));
    }
    if (hit.lessons && hit.lessons.length) {
      var lessons = el("ul", { className: "lessons" });
      hit.lessons.forEach(function (lesson) {
        lessons.appendChild(el("li", { className: "lesson lesson-" + lesson.kind }, [
          el("strong", { text: t(lesson.kind) + ": " }), marked(lesson.text)]));
      });
      item.appendChild(lessons);
    }
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
  function machineTranslated(translation, language, original) {
    var translated = el("div", { className: "translated", lang: translation.lang }, [
      el("h3", { text: translation.title }),
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
        el("strong", { text: translation ? translation.title : item.title }),
        el("span", { className: "score", text: " " + Math.round(item.score * 100) + "% " + t("score") }),
        item.outcome ? badge("outcome-" + item.outcome, precedentValueLabel(ui, "outcome", item.outcome)) : null,
        el("p", { className: "why", text: t("why") + ": " + whyText(item.why || {}) })
      ]);
      if (translation) {
        entry.insertBefore(el("p", { className: "machine-translation-note",
          text: t("machine_translation", precedentValueLabel(ui, "language", item.language)) + " · " + item.title }), entry.children[1]);
      }
      if (item.lessons && item.lessons.length) {
        var lessons = el("ul", { className: "lessons" });
        item.lessons.forEach(function (lesson, i) {
          var text = translation && translation.lessons && translation.lessons[i] ? translation.lessons[i] : lesson.text;
          lessons.appendChild(el("li", { className: "lesson lesson-" + lesson.kind }, [
            el("strong", { text: t(lesson.kind) + ": " }), document.createTextNode(text)]));
        });
        entry.appendChild(lessons);
      }
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
    }, function (error) { panel.replaceChildren(el("p", { className: "error", text: t("error") + " " + error.message })); });
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
    navigate(function (s) { s.q = text; s.page = 1; s.similar = ""; s.view = "search"; });
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

  // ---- proposal check ----
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
  // The answer's profile as editable fields. A field the reader edits is sent with the next check
  // and shown as given; the others are left for the server to infer again from the same text.
  var PROFILE = [["countries", "country"], ["themes", "theme"], ["commodities", "commodity"], ["type", "type"]];
  var proposal = null, checkGeneration = 0, profileValues = null;
  // The values a field can take: the collection's, from the same search facets the filters list.
  function collectionValues() {
    if (!profileValues) {
      profileValues = api("/v1/search?facets=country,theme,commodity,type&per_page=1").then(function (body) { return body.facets || {}; },
        function () { profileValues = null; return {}; });
    }
    return profileValues;
  }
  function checkProposal(event) {
    event.preventDefault();
    var text = $("proposal-text").value.trim();
    if (!text) return;
    proposal = { text: text, profile: null, given: {}, values: {} };  // a new text: a fresh inference
    $("profile").hidden = true;
    runCheck();
  }
  function runCheck() {
    var request = { text: proposal.text, k: 8, ui_lang: ui }, generation = ++checkGeneration;
    PROFILE.forEach(function (field) {
      var name = field[0], value = proposal.profile && proposal.profile[name];
      if (!proposal.given[name]) return;
      if (value && value.length) request[name] = value;
      else delete proposal.given[name];  // the API infers a field sent empty, so it is not given
    });
    var target = $("risk");
    target.replaceChildren(el("p", { text: t("loading") }));
    Promise.all([api("/v1/similar", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) }),
                 collectionValues()])
      .then(function (answers) {
        if (generation !== checkGeneration) return;  // an edit since has asked again
        var body = answers[0];
        proposal.profile = body.profile || null;
        proposal.values = answers[1];
        drawProfile();
        target.replaceChildren(riskBlock(body.risk, true), el("h3", { text: t("similar") }), similarList(body.similar));
      }, function (error) {
        if (generation === checkGeneration) target.replaceChildren(el("p", { className: "error", text: t("error") + " " + error.message }));
      });
  }
  function editProfile(name, value, focusId) {
    proposal.profile[name] = value;
    proposal.given[name] = true;
    runCheck();
    drawProfile(focusId);
  }
  // Redrawn whole; the control that had focus (ids are stable) or `focusId` gets it back.
  function drawProfile(focusId) {
    var fields = $("profile-fields");
    var focused = fields.contains(document.activeElement) ? document.activeElement.id : "";
    $("profile").hidden = !(proposal && proposal.profile);
    if ($("profile").hidden) return;
    fields.replaceChildren.apply(fields, PROFILE.map(function (field) { return profileField(field[0], field[1]); }));
    var again = $(focusId || focused);
    if (again) again.focus();
  }
  // Chrome steps a closed select's value with the arrow keys, with a "change" at each step: a value
  // reached that way is applied on Enter or on leaving the select, not at every step.
  function onChoose(select, apply) {
    var stepping = false;
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); if (stepping) { stepping = false; apply(true); } }
      else if (event.key.length === 1 || /^(Arrow|Page|Home|End)/.test(event.key)) stepping = true;
    });
    select.addEventListener("change", function () { if (!stepping) apply(true); });
    select.addEventListener("blur", function () { if (stepping) { stepping = false; setTimeout(function () { apply(false); }); } });
  }
  function profileField(name, facet) {
    var id = "profile-" + name, value = proposal.profile[name];
    var status = proposal.given[name] ? "given" : (proposal.profile.inferred || []).indexOf(name) >= 0 ? "inferred" : "";
    var set = el("fieldset", { className: "profile-field", id: id }, [el("legend", {}, [document.createTextNode(t("facet_" + facet)),
      status ? el("span", { className: "profile-status profile-" + status, text: t("profile_" + status) }) : null])]);
    var label = function (v) { return precedentValueLabel(ui, facet, v); };
    var choices = (proposal.values[facet] || []).map(function (entry) { return entry.value; });
    var select = el("select", { id: id + "-select" });
    if (name === "type") {
      // One type or none; the server infers none.
      if (value && choices.indexOf(value) < 0) choices.push(value);
      select.appendChild(el("option", { value: "", text: t("profile_no_type") }));
      set.appendChild(el("label", { for: select.id, className: "visually-hidden", text: t("facet_type") }));
      onChoose(select, function (focus) { if (select.value !== (value || "")) editProfile(name, select.value || null, focus ? select.id : ""); });
    } else {
      var chips = el("ul", { className: "chips" });
      value.forEach(function (v) {
        var remove = el("button", { type: "button", id: id + "-remove-" + v, "aria-label": t("profile_remove", label(v)), text: "×" });
        remove.addEventListener("click", function () { editProfile(name, value.filter(function (x) { return x !== v; }), select.id); });
        chips.appendChild(el("li", { className: "chip", "data-value": v }, [el("span", { text: label(v) }), remove]));
      });
      if (value.length) set.appendChild(chips);
      choices = choices.filter(function (v) { return value.indexOf(v) < 0; });
      select.appendChild(el("option", { value: "", text: t("profile_add") }));
      set.appendChild(el("label", { for: select.id, className: "visually-hidden", text: t("profile_add_to", t("facet_" + facet)) }));
      onChoose(select, function (focus) { if (select.value) editProfile(name, value.concat([select.value]), focus ? select.id : ""); });
    }
    choices.sort(function (a, b) { return label(a).localeCompare(label(b), ui); }).forEach(function (v) {
      select.appendChild(el("option", { value: v, text: label(v) }));
    });
    select.value = name === "type" ? value || "" : "";
    set.appendChild(select);
    return set;
  }

  // ---- landscape: SVG charts drawn here, for the current query and filters ----
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function barChart(target, entries, field) {
    var rowHeight = 22, labelWidth = 170, width = 520;
    var max = Math.max.apply(null, entries.map(function (e) { return e.count; }).concat([1]));
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + (entries.length * rowHeight + 4), role: "img", class: "chart chart-" + field });
    chart.appendChild(svg("title", {}, entries.map(function (e) { return precedentValueLabel(ui, field, e.value) + ": " + e.count; }).join(", ")));
    entries.forEach(function (entry, i) {
      var y = i * rowHeight + 2, length = (width - labelWidth - 40) * entry.count / max;
      chart.appendChild(svg("text", { x: labelWidth - 6, y: y + 15, "text-anchor": "end", class: "label" }, precedentValueLabel(ui, field, entry.value)));
      chart.appendChild(svg("rect", { x: labelWidth, y: y + 3, width: Math.max(1, length), height: rowHeight - 8, class: "bar" }));
      chart.appendChild(svg("text", { x: labelWidth + length + 4, y: y + 15, class: "value" }, String(entry.count)));
    });
    target.replaceChildren(chart);
  }
  function lineChart(target, series, decades) {
    var width = 560, height = 240, left = 36, bottom = 24, right = 200;
    var max = 1;
    series.forEach(function (s) { decades.forEach(function (d) { max = Math.max(max, s.counts[d] || 0); }); });
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", class: "chart chart-theme" });
    chart.appendChild(svg("title", {}, series.map(function (s) {
      return precedentValueLabel(ui, "theme", s.theme) + ": " + decades.map(function (d) { return d + "s " + (s.counts[d] || 0); }).join(", ");
    }).join("; ")));
    var x = function (i) { return left + (width - left - right) * (decades.length > 1 ? i / (decades.length - 1) : 0.5); };
    var y = function (v) { return height - bottom - (height - bottom - 10) * v / max; };
    decades.forEach(function (d, i) { chart.appendChild(svg("text", { x: x(i), y: height - 6, "text-anchor": "middle", class: "label" }, d + "s")); });
    chart.appendChild(svg("text", { x: 4, y: y(max) + 4, class: "label" }, String(max)));
    series.forEach(function (s, n) {
      var points = decades.map(function (d, i) { return x(i) + "," + y(s.counts[d] || 0); }).join(" ");
      chart.appendChild(svg("polyline", { points: points, class: "line line-" + n }));
      chart.appendChild(svg("text", { x: width - right + 8, y: 16 + n * 18, class: "legend line-" + n }, precedentValueLabel(ui, "theme", s.theme)));
    });
    target.replaceChildren(chart);
  }
  function facetsFor(extra) {
    var params = stateQuery(state, false);
    Object.keys(extra).forEach(function (name) { params.append(name, extra[name]); });
    params.set("facets", "country,theme,outcome,year");
    params.set("per_page", "1");
    return api("/v1/search?" + params.toString()).then(function (body) { return body.facets; });
  }
  function byDecade(yearCounts) {
    var counts = {};
    yearCounts.forEach(function (e) { var d = Math.floor(Number(e.value) / 10) * 10; counts[d] = (counts[d] || 0) + e.count; });
    return counts;
  }
  function drawLandscape() {
    $("landscape-status").textContent = t("loading");
    facetsFor({}).then(function (facets) {
      $("landscape-status").textContent = "";
      barChart($("chart-country"), (facets.country || []).slice(0, 12), "country");
      barChart($("chart-outcome"), facets.outcome || [], "outcome");
      var themes = (facets.theme || []).slice(0, 5).map(function (e) { return e.value; });
      return Promise.all(themes.map(function (theme) { return facetsFor({ theme: theme }); })).then(function (perTheme) {
        var series = themes.map(function (theme, i) { return { theme: theme, counts: byDecade(perTheme[i].year || []) }; });
        var decades = Object.keys(byDecade(facets.year || [])).map(Number).sort();
        lineChart($("chart-theme"), series, decades);
      });
    }).catch(function (error) { $("landscape-status").textContent = t("error") + " " + error.message; });
  }

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
    $("proposal-form").addEventListener("submit", checkProposal);
    window.addEventListener("popstate", render);
    render();
  }
  document.addEventListener("DOMContentLoaded", init);
})();
