// What the web page (app.js) and the widget (widget.js, served with this file in front of it)
// share: the interface text in the four languages, with the values of the API's vocabularies
// (themes, outcomes, types, commodities; countries and languages come from the browser's Intl.DisplayNames),
// and the two DOM helpers both build with.
"use strict";
var PRECEDENT_STRINGS = {
  en: {
    title: "Precedent", tagline: "Lessons learned from past initiatives, in four languages",
    search: "Search", search_label: "Search past initiatives", search_placeholder: "mercury retorts Ghana",
    results: "{n} results", no_results: "No initiative matches.", did_you_mean: "Did you mean",
    expansions: "Also searched", previous: "Previous", next: "Next", page: "Page {n}",
    filters: "Filters", clear_filters: "Clear filters", prefer_lang: "Records in my query’s language first", years: "Years", from: "From", to: "To", apply: "Apply",
    similar: "Similar initiatives", hide_similar: "Hide similar initiatives", why: "Why",
    machine_translation: "Machine translation from {n}", show_original: "Show the original", show_translation: "Show the translation",
    shared_themes: "themes", shared_countries: "countries", shared_words: "words", same_type: "same type",
    lessons: "Lessons", worked: "Worked", failed: "Failed", recommendation: "Recommendation",
    proposal: "Check my proposal", proposal_label: "Paste your concept note",
    proposal_help: "We compare it with past initiatives and tell you what happened to the closest ones.",
    check: "Check", risk: "Duplication risk", risk_low: "low", risk_medium: "medium", risk_high: "high", risk_not_enough_evidence: "not enough evidence",
    copy: "Copy summary", copied: "Copied", landscape: "Landscape", by_country: "Records by country",
    by_theme: "Records by theme over time", by_outcome: "Outcomes", records: "records",
    loading: "Loading…", error: "The search service did not answer.", language: "Interface language",
    facet_country: "Country", facet_theme: "Theme", facet_type: "Type", facet_outcome: "Outcome",
    facet_language: "Language", facet_year: "Start year", score: "similarity", duplicates: "also published as {n} other record(s)", translations: "also in {n}",
    theme_mercury: "Mercury", theme_formalization: "Formalisation", theme_finance: "Finance", theme_gender: "Gender",
    theme_child_labour: "Child labour", theme_environment: "Environment", theme_health: "Health",
    theme_governance: "Governance", theme_markets_traceability: "Markets and traceability",
    theme_technology: "Technology", theme_capacity_building: "Capacity building", theme_land_rights: "Land rights",
    theme_conflict_minerals: "Conflict minerals",
    outcome_ongoing: "Ongoing", outcome_completed: "Completed", outcome_discontinued: "Discontinued",
    outcome_scaled_up: "Scaled up", outcome_unknown: "Unknown",
    type_initiative: "Initiative", type_report: "Report", type_toolkit: "Toolkit", type_case_study: "Case study",
    type_evaluation: "Evaluation", type_policy: "Policy", type_dataset: "Dataset",
    facet_commodity: "Commodity", profile: "What your proposal is about", profile_help: "Change a field and we check again with it.",
    profile_inferred: "inferred from the text", profile_given: "as you set it", profile_add: "Add…", profile_add_to: "Add to {n}",
    profile_remove: "Remove {n}", profile_no_type: "Not set",
    commodity_gold: "Gold", commodity_silver: "Silver", commodity_platinum: "Platinum", commodity_copper: "Copper",
    commodity_cobalt: "Cobalt", commodity_tin: "Tin", commodity_tantalum: "Tantalum", commodity_tungsten: "Tungsten",
    commodity_niobium: "Niobium", commodity_diamonds: "Diamonds", commodity_gemstones: "Gemstones", commodity_mica: "Mica",
    commodity_lithium: "Lithium", commodity_lead: "Lead", commodity_zinc: "Zinc", commodity_manganese: "Manganese",
    commodity_chromite: "Chromite", commodity_coal: "Coal", commodity_development_minerals: "Development minerals"
  },
  es: {
    title: "Precedent", tagline: "Lecciones aprendidas de iniciativas anteriores, en cuatro idiomas",
    search: "Buscar", search_label: "Buscar iniciativas anteriores", search_placeholder: "retortas mercurio Perú",
    results: "{n} resultados", no_results: "Ninguna iniciativa coincide.", did_you_mean: "Quizás quiso decir",
    expansions: "También se buscó", previous: "Anterior", next: "Siguiente", page: "Página {n}",
    filters: "Filtros", clear_filters: "Quitar filtros", prefer_lang: "Primero, los registros en el idioma de mi búsqueda", years: "Años", from: "Desde", to: "Hasta", apply: "Aplicar",
    similar: "Iniciativas parecidas", hide_similar: "Ocultar iniciativas parecidas", why: "Por qué",
    machine_translation: "Traducción automática del {n}", show_original: "Ver el original", show_translation: "Ver la traducción",
    shared_themes: "temas", shared_countries: "países", shared_words: "palabras", same_type: "mismo tipo",
    lessons: "Lecciones", worked: "Funcionó", failed: "Falló", recommendation: "Recomendación",
    proposal: "Revisar mi propuesta", proposal_label: "Pegue su nota conceptual",
    proposal_help: "La comparamos con iniciativas anteriores y le decimos qué pasó con las más parecidas.",
    check: "Revisar", risk: "Riesgo de duplicación", risk_low: "bajo", risk_medium: "medio", risk_high: "alto", risk_not_enough_evidence: "evidencia insuficiente",
    copy: "Copiar resumen", copied: "Copiado", landscape: "Panorama", by_country: "Registros por país",
    by_theme: "Registros por tema en el tiempo", by_outcome: "Resultados", records: "registros",
    loading: "Cargando…", error: "El servicio de búsqueda no respondió.", language: "Idioma de la interfaz",
    facet_country: "País", facet_theme: "Tema", facet_type: "Tipo", facet_outcome: "Resultado",
    facet_language: "Idioma", facet_year: "Año de inicio", score: "similitud", duplicates: "también publicado como {n} registro(s) más", translations: "también en {n}",
    theme_mercury: "Mercurio", theme_formalization: "Formalización", theme_finance: "Financiamiento", theme_gender: "Género",
    theme_child_labour: "Trabajo infantil", theme_environment: "Medio ambiente", theme_health: "Salud",
    theme_governance: "Gobernanza", theme_markets_traceability: "Mercados y trazabilidad",
    theme_technology: "Tecnología", theme_capacity_building: "Fortalecimiento de capacidades", theme_land_rights: "Derechos sobre la tierra",
    theme_conflict_minerals: "Minerales de conflicto",
    outcome_ongoing: "En curso", outcome_completed: "Concluida", outcome_discontinued: "Interrumpida",
    outcome_scaled_up: "Ampliada", outcome_unknown: "Desconocido",
    type_initiative: "Iniciativa", type_report: "Informe", type_toolkit: "Guía práctica", type_case_study: "Estudio de caso",
    type_evaluation: "Evaluación", type_policy: "Política", type_dataset: "Datos",
    facet_commodity: "Mineral", profile: "De qué trata su propuesta", profile_help: "Cambie un campo y volvemos a revisar con él.",
    profile_inferred: "inferido del texto", profile_given: "indicado por usted", profile_add: "Añadir…", profile_add_to: "Añadir a {n}",
    profile_remove: "Quitar {n}", profile_no_type: "Sin indicar",
    commodity_gold: "Oro", commodity_silver: "Plata", commodity_platinum: "Platino", commodity_copper: "Cobre",
    commodity_cobalt: "Cobalto", commodity_tin: "Estaño", commodity_tantalum: "Tantalio", commodity_tungsten: "Wolframio",
    commodity_niobium: "Niobio", commodity_diamonds: "Diamantes", commodity_gemstones: "Piedras preciosas", commodity_mica: "Mica",
    commodity_lithium: "Litio", commodity_lead: "Plomo", commodity_zinc: "Zinc", commodity_manganese: "Manganeso",
    commodity_chromite: "Cromita", commodity_coal: "Carbón", commodity_development_minerals: "Minerales para el desarrollo"
  },
  fr: {
    title: "Precedent", tagline: "Les leçons des initiatives passées, en quatre langues",
    search: "Rechercher", search_label: "Rechercher des initiatives passées", search_placeholder: "orpaillage mercure Burkina Faso",
    results: "{n} résultats", no_results: "Aucune initiative ne correspond.", did_you_mean: "Vouliez-vous dire",
    expansions: "Recherché aussi", previous: "Précédent", next: "Suivant", page: "Page {n}",
    filters: "Filtres", clear_filters: "Effacer les filtres", prefer_lang: "D’abord les fiches dans la langue de ma recherche", years: "Années", from: "De", to: "À", apply: "Appliquer",
    similar: "Initiatives semblables", hide_similar: "Masquer les initiatives semblables", why: "Pourquoi",
    machine_translation: "Traduction automatique (original en {n})", show_original: "Voir l’original", show_translation: "Voir la traduction",
    shared_themes: "thèmes", shared_countries: "pays", shared_words: "mots", same_type: "même type",
    lessons: "Leçons", worked: "A fonctionné", failed: "A échoué", recommendation: "Recommandation",
    proposal: "Vérifier mon projet", proposal_label: "Collez votre note conceptuelle",
    proposal_help: "Nous la comparons aux initiatives passées et vous disons ce qu’il est advenu des plus proches.",
    check: "Vérifier", risk: "Risque de doublon", risk_low: "faible", risk_medium: "moyen", risk_high: "élevé", risk_not_enough_evidence: "éléments insuffisants",
    copy: "Copier le résumé", copied: "Copié", landscape: "Panorama", by_country: "Fiches par pays",
    by_theme: "Fiches par thème dans le temps", by_outcome: "Issues", records: "fiches",
    loading: "Chargement…", error: "Le service de recherche n’a pas répondu.", language: "Langue de l’interface",
    facet_country: "Pays", facet_theme: "Thème", facet_type: "Type", facet_outcome: "Issue",
    facet_language: "Langue", facet_year: "Année de début", score: "similarité", duplicates: "aussi publié sous {n} autre(s) fiche(s)", translations: "aussi en {n}",
    theme_mercury: "Mercure", theme_formalization: "Formalisation", theme_finance: "Financement", theme_gender: "Genre",
    theme_child_labour: "Travail des enfants", theme_environment: "Environnement", theme_health: "Santé",
    theme_governance: "Gouvernance", theme_markets_traceability: "Marchés et traçabilité",
    theme_technology: "Technologie", theme_capacity_building: "Renforcement des capacités", theme_land_rights: "Droits fonciers",
    theme_conflict_minerals: "Minerais de conflit",
    outcome_ongoing: "En cours", outcome_completed: "Achevée", outcome_discontinued: "Interrompue",
    outcome_scaled_up: "Étendue", outcome_unknown: "Inconnue",
    type_initiative: "Initiative", type_report: "Rapport", type_toolkit: "Boîte à outils", type_case_study: "Étude de cas",
    type_evaluation: "Évaluation", type_policy: "Politique", type_dataset: "Données",
    facet_commodity: "Minerai", profile: "Ce dont traite votre projet", profile_help: "Modifiez un champ et nous vérifions à nouveau avec lui.",
    profile_inferred: "déduit du texte", profile_given: "indiqué par vous", profile_add: "Ajouter…", profile_add_to: "Ajouter à {n}",
    profile_remove: "Retirer {n}", profile_no_type: "Non précisé",
    commodity_gold: "Or", commodity_silver: "Argent", commodity_platinum: "Platine", commodity_copper: "Cuivre",
    commodity_cobalt: "Cobalt", commodity_tin: "Étain", commodity_tantalum: "Tantale", commodity_tungsten: "Tungstène",
    commodity_niobium: "Niobium", commodity_diamonds: "Diamants", commodity_gemstones: "Pierres précieuses", commodity_mica: "Mica",
    commodity_lithium: "Lithium", commodity_lead: "Plomb", commodity_zinc: "Zinc", commodity_manganese: "Manganèse",
    commodity_chromite: "Chromite", commodity_coal: "Charbon", commodity_development_minerals: "Minéraux de développement"
  },
  pt: {
    title: "Precedent", tagline: "Lições aprendidas de iniciativas anteriores, em quatro idiomas",
    search: "Pesquisar", search_label: "Pesquisar iniciativas anteriores", search_placeholder: "garimpo mercúrio Brasil",
    results: "{n} resultados", no_results: "Nenhuma iniciativa corresponde.", did_you_mean: "Você quis dizer",
    expansions: "Também pesquisado", previous: "Anterior", next: "Seguinte", page: "Página {n}",
    filters: "Filtros", clear_filters: "Limpar filtros", prefer_lang: "Primeiro, os registros no idioma da minha pesquisa", years: "Anos", from: "De", to: "Até", apply: "Aplicar",
    similar: "Iniciativas semelhantes", hide_similar: "Ocultar iniciativas semelhantes", why: "Por quê",
    machine_translation: "Tradução automática do {n}", show_original: "Ver o original", show_translation: "Ver a tradução",
    shared_themes: "temas", shared_countries: "países", shared_words: "palavras", same_type: "mesmo tipo",
    lessons: "Lições", worked: "Funcionou", failed: "Falhou", recommendation: "Recomendação",
    proposal: "Verificar minha proposta", proposal_label: "Cole sua nota conceitual",
    proposal_help: "Nós a comparamos com iniciativas anteriores e dizemos o que aconteceu com as mais próximas.",
    check: "Verificar", risk: "Risco de duplicação", risk_low: "baixo", risk_medium: "médio", risk_high: "alto", risk_not_enough_evidence: "evidência insuficiente",
    copy: "Copiar resumo", copied: "Copiado", landscape: "Panorama", by_country: "Registros por país",
    by_theme: "Registros por tema ao longo do tempo", by_outcome: "Resultados", records: "registros",
    loading: "Carregando…", error: "O serviço de pesquisa não respondeu.", language: "Idioma da interface",
    facet_country: "País", facet_theme: "Tema", facet_type: "Tipo", facet_outcome: "Resultado",
    facet_language: "Idioma", facet_year: "Ano de início", score: "semelhança", duplicates: "também publicado como mais {n} registro(s)", translations: "também em {n}",
    theme_mercury: "Mercúrio", theme_formalization: "Formalização", theme_finance: "Financiamento", theme_gender: "Gênero",
    theme_child_labour: "Trabalho infantil", theme_environment: "Meio ambiente", theme_health: "Saúde",
    theme_governance: "Governança", theme_markets_traceability: "Mercados e rastreabilidade",
    theme_technology: "Tecnologia", theme_capacity_building: "Capacitação", theme_land_rights: "Direitos à terra",
    theme_conflict_minerals: "Minerais de conflito",
    outcome_ongoing: "Em curso", outcome_completed: "Concluída", outcome_discontinued: "Interrompida",
    outcome_scaled_up: "Ampliada", outcome_unknown: "Desconhecido",
    type_initiative: "Iniciativa", type_report: "Relatório", type_toolkit: "Guia prático", type_case_study: "Estudo de caso",
    type_evaluation: "Avaliação", type_policy: "Política", type_dataset: "Dados",
    facet_commodity: "Mineral", profile: "Do que trata sua proposta", profile_help: "Altere um campo e verificamos de novo com ele.",
    profile_inferred: "inferido do texto", profile_given: "indicado por você", profile_add: "Adicionar…", profile_add_to: "Adicionar a {n}",
    profile_remove: "Remover {n}", profile_no_type: "Não indicado",
    commodity_gold: "Ouro", commodity_silver: "Prata", commodity_platinum: "Platina", commodity_copper: "Cobre",
    commodity_cobalt: "Cobalto", commodity_tin: "Estanho", commodity_tantalum: "Tântalo", commodity_tungsten: "Tungstênio",
    commodity_niobium: "Nióbio", commodity_diamonds: "Diamantes", commodity_gemstones: "Pedras preciosas", commodity_mica: "Mica",
    commodity_lithium: "Lítio", commodity_lead: "Chumbo", commodity_zinc: "Zinco", commodity_manganese: "Manganês",
    commodity_chromite: "Cromita", commodity_coal: "Carvão", commodity_development_minerals: "Minerais de desenvolvimento"
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
