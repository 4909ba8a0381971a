// The web page's proposal check (app.js): a pasted concept note, the profile the server infers
// from it as editable fields, the similar initiatives with the duplication-risk report, and the
// printable precedent brief of the answer (shown only when printing, app.css).
"use strict";
(function () {
  var P = window.PrecedentPage;
  var t = P.t, el = P.el, api = P.api;
  function $(id) { return document.getElementById(id); }

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
    $("brief").replaceChildren();
    runCheck();
  }
  function runCheck() {
    var request = { text: proposal.text, k: 8, ui_lang: P.ui() }, generation = ++checkGeneration;
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
        var print = el("button", { type: "button", className: "print-brief", text: t("brief_print") });
        print.addEventListener("click", function () { window.print(); });
        target.replaceChildren(P.riskBlock(body.risk, true), print, el("h3", { text: t("similar") }), P.similarList(body.similar));
        drawBrief(body);
      }, function (error) {
        if (generation === checkGeneration) target.replaceChildren(el("p", { className: "error", text: P.errorText(error) }));
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
    var label = function (v) { return precedentValueLabel(P.ui(), facet, v); };
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
    choices.sort(function (a, b) { return label(a).localeCompare(label(b), P.ui()); }).forEach(function (v) {
      select.appendChild(el("option", { value: v, text: label(v) }));
    });
    select.value = name === "type" ? value || "" : "";
    set.appendChild(select);
    return set;
  }

  // The precedent brief: the proposal, its profile, the risk report, the similar initiatives with
  // their outcome and lessons, and their sources, as one printable page to attach to a concept note.
  function drawBrief(answer) {
    var ui = P.ui(), profile = proposal.profile || {};
    var label = function (field, values) { return values.map(function (v) { return precedentValueLabel(ui, field, v); }).join(", "); };
    var facts = el("dl", { className: "facts" });
    PROFILE.forEach(function (field) {
      var value = profile[field[0]];
      var values = Array.isArray(value) ? value : value ? [value] : [];
      if (values.length) facts.append(el("dt", { text: t("facet_" + field[1]) }), el("dd", { text: label(field[1], values) }));
    });
    var sources = el("ol", { className: "brief-sources" });
    var precedents = el("ol", { className: "brief-precedents" });
    answer.similar.forEach(function (item) {
      var translation = item.machine_translation;
      var recordUrl = location.origin + precedentRecordHref("", item.id, ui);
      var entry = el("li", { "data-id": item.id }, [
        el("h4", { text: translation ? translation.title : item.title }),
        translation ? el("p", { className: "machine-translation-note", lang: item.language, text: item.title }) : null,
        el("p", { className: "meta", text: [item.outcome ? precedentValueLabel(ui, "outcome", item.outcome) : "",
          label("country", item.countries || []), P.years(item), Math.round(item.score * 100) + "% " + t("score")].filter(Boolean).join(" · ") }),
        item.failure_reasons && item.failure_reasons.length
          ? el("p", { text: t("record_failure_reasons") + ": " + label("failure_reason", item.failure_reasons) }) : null,
        P.lessonList(item.lessons || [], translation && translation.lessons)]);
      precedents.appendChild(entry);
      sources.appendChild(el("li", {}, [document.createTextNode((translation ? translation.title : item.title) + ". " + t("brief_record") + ": "),
        el("a", { href: recordUrl, text: recordUrl }),
        item.source_url ? document.createTextNode(" · " + t("source") + ": ") : null,
        item.source_url ? el("a", { href: item.source_url, text: item.source_url }) : null]));
    });
    var excerpt = proposal.text.length > 900 ? proposal.text.slice(0, 900) + "…" : proposal.text;
    $("brief").replaceChildren(
      el("h2", { text: t("brief_title") }),
      el("p", { className: "help", text: t("brief_made", new Date().toLocaleDateString(ui)) }),
      el("h3", { text: t("brief_proposal") }), el("blockquote", { text: excerpt }), facts,
      P.riskBlock(answer.risk, false),
      el("h3", { text: t("brief_precedents") }), precedents,
      el("h3", { text: t("brief_sources") }), sources);
  }

  P.onRender.push(function () { drawProfile(); });
  P.onInit.push(function () { $("proposal-form").addEventListener("submit", checkProposal); });
})();
