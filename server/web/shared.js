// What the web page (app.js) and the widget (widget.js, served with this file in front of it)
// share: the widget's interface text in the four languages (the page adds its own, page_text.js,
// with the other vocabularies; countries and languages come from the browser's Intl.DisplayNames),
// the DOM helpers both build with, and how both call the API.
"use strict";
var PRECEDENT_STRINGS = {
  en: {
    source: "Source", query_problem: "The query could not be searched: {n}",
    widget_blocked: "The search service refused this site ({n}): the service’s operator must allow it with --cors-origin.",
    search: "Search", search_label: "Search past initiatives", search_placeholder: "mercury retorts Ghana",
    results: "{n} results", no_results: "No initiative matches.", similar: "Similar initiatives",
    machine_translation: "Machine translation from {n}", show_original: "Show the original",
    worked: "Worked", failed: "Failed", recommendation: "Recommendation", risk: "Duplication risk",
    risk_low: "low", risk_medium: "medium", risk_high: "high",
    risk_not_enough_evidence: "not enough evidence", loading: "Loading…",
    error: "The search service did not answer.", score: "similarity", translations: "also in {n}",
    outcome_ongoing: "Ongoing", outcome_completed: "Completed", outcome_discontinued: "Discontinued",
    outcome_scaled_up: "Scaled up", outcome_unknown: "Unknown"
  },
  es: {
    source: "Fuente", query_problem: "No se pudo buscar la consulta: {n}",
    widget_blocked: "El servicio de búsqueda rechazó este sitio ({n}): su operador debe permitirlo con --cors-origin.",
    search: "Buscar", search_label: "Buscar iniciativas anteriores",
    search_placeholder: "retortas mercurio Perú", results: "{n} resultados",
    no_results: "Ninguna iniciativa coincide.", similar: "Iniciativas parecidas",
    machine_translation: "Traducción automática del {n}", show_original: "Ver el original",
    worked: "Funcionó", failed: "Falló", recommendation: "Recomendación", risk: "Riesgo de duplicación",
    risk_low: "bajo", risk_medium: "medio", risk_high: "alto",
    risk_not_enough_evidence: "evidencia insuficiente", loading: "Cargando…",
    error: "El servicio de búsqueda no respondió.", score: "similitud", translations: "también en {n}",
    outcome_ongoing: "En curso", outcome_completed: "Concluida", outcome_discontinued: "Interrumpida",
    outcome_scaled_up: "Ampliada", outcome_unknown: "Desconocido"
  },
  fr: {
    source: "Source", query_problem: "La recherche n’a pas pu lire la requête : {n}",
    widget_blocked: "Le service de recherche a refusé ce site ({n}) : son exploitant doit l’autoriser avec --cors-origin.",
    search: "Rechercher", search_label: "Rechercher des initiatives passées",
    search_placeholder: "orpaillage mercure Burkina Faso", results: "{n} résultats",
    no_results: "Aucune initiative ne correspond.", similar: "Initiatives semblables",
    machine_translation: "Traduction automatique (original en {n})", show_original: "Voir l’original",
    worked: "A fonctionné", failed: "A échoué", recommendation: "Recommandation", risk: "Risque de doublon",
    risk_low: "faible", risk_medium: "moyen", risk_high: "élevé",
    risk_not_enough_evidence: "éléments insuffisants", loading: "Chargement…",
    error: "Le service de recherche n’a pas répondu.", score: "similarité", translations: "aussi en {n}",
    outcome_ongoing: "En cours", outcome_completed: "Achevée", outcome_discontinued: "Interrompue",
    outcome_scaled_up: "Étendue", outcome_unknown: "Inconnue"
  },
  pt: {
    source: "Fonte", query_problem: "Não foi possível pesquisar a consulta: {n}",
    widget_blocked: "O serviço de pesquisa recusou este site ({n}): seu operador deve permiti-lo com --cors-origin.",
    search: "Pesquisar", search_label: "Pesquisar iniciativas anteriores",
    search_placeholder: "garimpo mercúrio Brasil", results: "{n} resultados",
    no_results: "Nenhuma iniciativa corresponde.", similar: "Iniciativas semelhantes",
    machine_translation: "Tradução automática do {n}", show_original: "Ver o original", worked: "Funcionou",
    failed: "Falhou", recommendation: "Recomendação", risk: "Risco de duplicação", risk_low: "baixo",
    risk_medium: "médio", risk_high: "alto", risk_not_enough_evidence: "evidência insuficiente",
    loading: "Carregando…", error: "O serviço de pesquisa não respondeu.", score: "semelhança",
    translations: "também em {n}", outcome_ongoing: "Em curso", outcome_completed: "Concluída",
    outcome_discontinued: "Interrompida", outcome_scaled_up: "Ampliada", outcome_unknown: "Desconhecido"
  }
};

// The text for `key` in `lang` (English when missing), with {n} replaced.
function precedentText(lang, key, n) {
  var table = PRECEDENT_STRINGS[lang] || PRECEDENT_STRINGS.en;
  var text = table[key] !== undefined ? table[key] : (PRECEDENT_STRINGS.en[key] !== undefined ? PRECEDENT_STRINGS.en[key] : key);
  return n === undefined ? text : text.replace("{n}", String(n));
}

// The display name of a facet value: vocabularies from the table, countries and languages from Intl.
function precedentValueLabel(lang, field, value) {
  if (field === "theme" || field === "outcome" || field === "type" || field === "commodity") return precedentText(lang, field + "_" + value);
  if (field === "failure_reason") return precedentText(lang, "failure_" + value);
  try {
    if (field === "country") return new Intl.DisplayNames([lang], { type: "region" }).of(value.toUpperCase()) || value;
    if (field === "language") return new Intl.DisplayNames([lang], { type: "language" }).of(value) || value;
  } catch (e) { /* an unknown code is shown as it is */ }
  return value;
}

// The interface language a browser asks for, among the four.
function precedentBrowserLanguage() {
  var asked = (navigator.languages || [navigator.language || "en"]);
  for (var i = 0; i < asked.length; i++) {
    var code = String(asked[i]).slice(0, 2).toLowerCase();
    if (PRECEDENT_STRINGS[code]) return code;
  }
  return "en";
}

// A new element: attributes by name ("text" sets its text, "className" its class), then children.
function precedentElement(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    if (name === "text") node.textContent = attrs[name];
    else if (name === "className") node.className = attrs[name];
    else node.setAttribute(name, attrs[name]);
  });
  (children || []).forEach(function (child) { if (child) node.appendChild(child); });
  return node;
}

// The server's snippets are HTML-escaped text with <mark> around matched words; anything else a
// snippet might hold is kept as text, never inserted as markup.
function precedentMarked(html) {
  var template = document.createElement("template");
  template.innerHTML = html;
  var out = document.createDocumentFragment();
  template.content.childNodes.forEach(function (node) {
    out.appendChild(node.nodeName === "MARK" ? precedentElement("mark", { text: node.textContent })
                                              : document.createTextNode(node.textContent || ""));
  });
  return out;
}

// The JSON answer of an API call. An answer that is an error rejects with the server's message
// (and its HTTP `status`); a call the browser could not make (no network, or a cross-origin call
// the server does not allow) rejects with fetch's own TypeError.
function precedentFetch(url, options) {
  return fetch(url, options).then(function (response) {
    return response.json().then(function (body) {
      if (response.ok) return body;
      var error = new Error((body.error && body.error.message) || response.statusText);
      error.status = response.status;
      throw error;
    });
  });
}

// The link to a record's page on the server at `base` ("" for the page's own).
function precedentRecordHref(base, id, lang) {
  return base + "/records/" + encodeURIComponent(id) + (lang ? "?ui=" + lang : "");
}
