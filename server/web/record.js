// The web page's record page (/records/{id}, app.js routes it): everything the record says, its
// sources, the other records of the same initiative (near-duplicates and translations), and its
// similar initiatives with the duplication-risk report.
"use strict";
(function () {
  var P = window.PrecedentPage;
  var t = P.t, el = P.el, api = P.api;
  function $(id) { return document.getElementById(id); }
  var generation = 0;

  function label(field, values) {
    return values.map(function (v) { return precedentValueLabel(P.ui(), field, v); }).join(", ");
  }

  // The body as the collection writes it (Markdown-like): a paragraph per block, "#" lines as
  // headings. Text only: a record's body is never inserted as markup.
  function fullText(body, lang) {
    var box = el("div", { className: "record-text", lang: lang || "" });
    body.split(/\n\s*\n/).forEach(function (block) {
      var text = block.trim();
      if (!text) return;
      var heading = /^#{1,6}\s+(.*)$/.exec(text);
      box.appendChild(heading && text.indexOf("\n") < 0 ? el("h4", { text: heading[1] }) : el("p", { text: text.replace(/\s*\n\s*/g, " ") }));
    });
    return box;
  }

  // The lessons under a heading per kind, in the order worked, failed, recommendation.
  function lessonsByKind(lessons, translated) {
    var box = el("div", { className: "record-lessons" });
    ["worked", "failed", "recommendation"].forEach(function (kind) {
      var ofKind = [], texts = [];
      lessons.forEach(function (lesson, i) {
        if (lesson.kind !== kind) return;
        ofKind.push(lesson);
        texts.push(translated && translated[i]);
      });
      if (!ofKind.length) return;
      box.append(el("h4", { className: "lesson-" + kind, text: t(kind) + " (" + ofKind.length + ")" }), P.lessonList(ofKind, texts));
    });
    return box;
  }

  // The facts as a definition list, each present field a row.
  function facts(record) {
    var list = el("dl", { className: "facts" });
    function row(key, text) { if (text) list.append(el("dt", { text: t(key) }), el("dd", { text: text })); }
    row("record_countries", record.countries && record.countries.length ? label("country", record.countries) : t("record_global"));
    row("record_years", P.years(record));
    row("record_organisations", (record.organisations || []).join("; "));
    row("record_donors", (record.donors || []).join("; "));
    row("record_themes", label("theme", record.themes || []));
    row("record_commodities", label("commodity", record.commodities || []));
    row("record_failure_reasons", label("failure_reason", record.failure_reasons || []));
    row("record_iati", record.iati_identifier);
    row("record_publisher", record.publisher);
    return list;
  }

  // Where the record comes from: its published source, the file it was read from, and the other
  // records of the same initiative, each by its title once it is read.
  function sources(record) {
    var list = el("ul", { className: "record-sources" });
    if (record.source_url) {
      list.appendChild(el("li", {}, [document.createTextNode(t("record_source_link") + ": "),
        el("a", { href: record.source_url, className: "source-link", target: "_blank", rel: "noopener noreferrer", text: record.source_url })]));
    }
    if (record.source_file) list.appendChild(el("li", { className: "source-file", text: t("record_file", record.source_file) }));
    if (record.file) list.appendChild(el("li", { text: t("record_file_field", record.file) }));
    function linked(key, links) {
      if (!links.length) return;
      var item = el("li", { className: "record-" + key }, [document.createTextNode(t("record_" + key) + ": ")]);
      links.forEach(function (link, i) {
        var anchor = P.recordLink(link.id, link.id);
        if (i) item.appendChild(document.createTextNode(", "));
        item.appendChild(anchor);
        if (link.language) item.appendChild(document.createTextNode(" (" + precedentValueLabel(P.ui(), "language", link.language) + ")"));
        api("/v1/documents/" + encodeURIComponent(link.id)).then(function (other) { anchor.textContent = other.title; }, function () {});
      });
      list.appendChild(item);
    }
    linked("duplicate_of", record.duplicate_of ? [{ id: record.duplicate_of }] : []);
    linked("duplicates", record.duplicates || []);
    linked("translation_of", record.translation_of ? [{ id: record.translation_of }] : []);
    linked("translations", (record.translations || []).filter(function (link) { return link.id !== record.translation_of; }));
    linked("part_of", record.part_of ? [{ id: record.part_of }] : []);
    linked("parts", (record.parts || []).filter(function (id) { return id !== record.part_of; }).map(function (id) { return { id: id }; }));
    return list;
  }

  // The record's title, summary and lessons machine-translated into the reader's language, when
  // it is in another and the index stores them.
  function machineTranslation(record) {
    var ui = P.ui(), translation = (record.machine_translations || {})[ui];
    if (!translation || record.language === ui) return null;
    return el("details", { className: "record-translation", lang: ui }, [
      el("summary", { text: t("machine_translation", precedentValueLabel(ui, "language", record.language)) }),
      el("h3", { text: translation.title }), translation.summary ? el("p", { text: translation.summary }) : null,
      record.lessons && record.lessons.length ? lessonsByKind(record.lessons, translation.lessons) : null]);
  }

  function draw(record) {
    var ui = P.ui(), s = P.state();
    var back = el("a", { href: "/?" + P.stateQuery(s, false).toString(), className: "back", text: "← " + t("back") });
    back.addEventListener("click", function (event) {
      event.preventDefault();
      P.navigate(function (state) { state.view = "search"; state.record = ""; });
    });
    var meta = el("p", { className: "meta" });
    if (record.type) meta.appendChild(P.badge("type", precedentValueLabel(ui, "type", record.type)));
    if (record.outcome) meta.appendChild(P.badge("outcome-" + record.outcome, precedentValueLabel(ui, "outcome", record.outcome)));
    if (record.language) meta.appendChild(P.badge("language", precedentValueLabel(ui, "language", record.language)));
    var original = el("div", { className: "record-original", lang: record.language || "" }, [
      record.summary ? el("section", {}, [el("h3", { text: t("record_summary") }), el("p", { className: "summary", text: record.summary })]) : null,
      record.lessons && record.lessons.length ? el("section", { className: "lessons-section" }, [el("h3", { text: t("record_lessons") }),
                                                                                                 lessonsByKind(record.lessons)]) : null]);
    var similar = el("section", { className: "similar record-similar", "aria-live": "polite" }, [el("p", { text: t("loading") })]);
    $("record").replaceChildren(back,
      el("article", { "data-id": record.id }, [
        el("h2", { id: "record-title", lang: record.language || "", text: record.title }), meta, facts(record),
        machineTranslation(record), original,
        el("section", {}, [el("h3", { text: t("record_sources") }), sources(record)]),
        record.body ? el("details", { className: "record-body" }, [el("summary", { text: t("record_text") }), fullText(record.body, record.language)]) : null,
        similar]));
    document.title = record.title + " · " + t("title");
    return similar;
  }

  function showRecord() {
    var id = P.state().record, mine = ++generation;
    $("record").replaceChildren(el("p", { text: t("loading") }));
    api("/v1/documents/" + encodeURIComponent(id)).then(function (record) {
      if (mine !== generation) return;
      var similar = draw(record);
      return api("/v1/documents/" + encodeURIComponent(id) + "/similar?k=5&ui_lang=" + P.ui()).then(function (body) {
        if (mine !== generation) return;
        similar.replaceChildren(el("h3", { text: t("similar") }), P.similarList(body.similar), P.riskBlock(body.risk, false));
      }, function (error) { similar.replaceChildren(el("p", { className: "error", text: P.errorText(error) })); });
    }, function (error) {
      if (mine === generation) $("record").replaceChildren(el("p", { className: "error", text: P.errorText(error) }));
    });
  }

  P.views.record = showRecord;
})();
