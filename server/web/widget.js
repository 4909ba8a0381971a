// The embeddable search widget: <precedent-search endpoint="https://HOST" lang="es"
// filters="theme:mercury">. A custom element in a shadow root, so the portal's CSS cannot reach
// it and its own cannot leak out; themable through CSS custom properties (--precedent-accent,
// --precedent-font, --precedent-radius, --precedent-background, --precedent-text). It calls the
// API across origins, which the server allows for the origins it is configured with.
// Served with shared.js in front of it, as one file.
"use strict";
(function () {
  if (window.customElements === undefined || customElements.get("precedent-search")) return;

  var STYLE =
    ":host{display:block;font-family:var(--precedent-font,system-ui,sans-serif);color:var(--precedent-text,#1d2731);" +
    "background:var(--precedent-background,transparent)}" +
    "form{display:flex;gap:.4rem;position:relative}" +
    "input{flex:1;padding:.55rem .7rem;font:inherit;border:1px solid #8a969f;border-radius:var(--precedent-radius,.4rem)}" +
    "button{font:inherit;cursor:pointer;border-radius:var(--precedent-radius,.4rem)}" +
    "form button{background:var(--precedent-accent,#0b5d7a);color:#fff;border:none;padding:.5rem .9rem}" +
    "ul.suggestions{position:absolute;top:100%;left:0;right:0;z-index:2;list-style:none;margin:.2rem 0;padding:0;background:#fff;" +
    "border:1px solid #d5dbe0;border-radius:var(--precedent-radius,.4rem)}" +
    "ul.suggestions li{padding:.4rem .7rem;cursor:pointer}ul.suggestions li[aria-selected=true],ul.suggestions li:hover{background:#f3f6f8}" +
    "ol{padding-left:1.3rem}li.hit{margin:.7rem 0}h3{font-size:1rem;margin:0 0 .2rem}" +
    ".meta{font-size:.8rem;color:#5b6873}mark{background:#ffe58a;color:inherit}" +
    ".machine-translation{font-size:.8rem;font-style:italic;color:#5b6873}details.original summary{cursor:pointer;font-size:.85rem}" +
    ".similar{background:#f3f6f8;padding:.4rem .7rem;border-radius:var(--precedent-radius,.4rem);margin-top:.3rem}" +
    ".more{background:none;border:1px solid var(--precedent-accent,#0b5d7a);color:var(--precedent-accent,#0b5d7a);padding:.2rem .6rem;font-size:.85rem}" +
    ".status{font-size:.9rem;color:#5b6873}.error{color:#a3262a}h3 a{color:inherit}a{color:var(--precedent-accent,#0b5d7a)}";

  var el = precedentElement;
  var marked = precedentMarked;

  class PrecedentSearch extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var root = this.attachShadow({ mode: "open" });
      this.generation_ = 0;
      var lang = this.getAttribute("lang") || precedentBrowserLanguage();
      this.lang_ = PRECEDENT_STRINGS[lang] ? lang : "en";
      var t = this.t.bind(this);
      this.input = el("input", { type: "search", "aria-label": t("search_label"), placeholder: t("search_placeholder"),
                                 role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", autocomplete: "off" });
      this.suggestions = el("ul", { className: "suggestions", role: "listbox", hidden: "" });
      var form = el("form", { role: "search" }, [this.input, el("button", { type: "submit", text: t("search") }), this.suggestions]);
      this.status = el("p", { className: "status", role: "status", "aria-live": "polite" });
      this.results = el("ol", { className: "results" });
      root.append(el("style", { text: STYLE }), form, this.status, this.results);
      var self = this, timer = null;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        self.hideSuggestions();
        self.search(self.input.value);
      });
      this.input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { self.suggest(); }, 120); });
      this.input.addEventListener("keydown", function (event) { if (event.key === "Escape") self.hideSuggestions(); });
      this.input.addEventListener("blur", function () { setTimeout(function () { self.hideSuggestions(); }, 100); });
    }
    t(key, n) { return precedentText(this.lang_, key, n); }
    endpoint() { return (this.getAttribute("endpoint") || "").replace(/\/+$/, ""); }
    // "theme:mercury country:PE" -> the API's filter parameters.
    filterParams(params) {
      (this.getAttribute("filters") || "").split(/\s+/).forEach(function (part) {
        var colon = part.indexOf(":");
        if (colon > 0) params.append(part.slice(0, colon), part.slice(colon + 1));
      });
      return params;
    }
    api(path) { return precedentFetch(this.endpoint() + path, { mode: "cors", credentials: "omit" }); }
    // A refusal says the server's reason; a call the browser blocked is most often a portal whose
    // origin the server does not allow (its --cors-origin), which the portal's operator can fix.
    errorText(error, isQuery) {
      if (error.status) return isQuery ? this.t("query_problem", error.message) : error.message;
      return error instanceof TypeError ? this.t("widget_blocked", location.origin) : this.t("error");
    }
    // A record's title, linking to its page on the server.
    link(id, title, lang) {
      var a = el("a", { href: precedentRecordHref(this.endpoint(), id, this.lang_), target: "_blank", rel: "noopener", text: title });
      if (lang) a.setAttribute("lang", lang);
      return a;
    }
    hideSuggestions() {
      ++this.generation_;  // an answer already on its way is stale
      this.suggestions.hidden = true;
      this.suggestions.replaceChildren();
      this.input.setAttribute("aria-expanded", "false");
    }
    suggest() {
      var text = this.input.value, self = this, generation = this.generation_;
      if (text.trim().length < 2) { this.hideSuggestions(); return; }
      this.api("/v1/suggest?" + new URLSearchParams({ q: text, limit: "6" })).then(function (body) {
        if (self.input.value !== text || generation !== self.generation_) return;
        self.suggestions.replaceChildren();
        body.completions.forEach(function (completion) {
          var option = el("li", { role: "option", text: completion });
          option.addEventListener("mousedown", function (event) {
            event.preventDefault();
            self.input.value = completion;
            self.hideSuggestions();
            self.search(completion);
          });
          self.suggestions.appendChild(option);
        });
        self.suggestions.hidden = body.completions.length === 0;
        self.input.setAttribute("aria-expanded", self.suggestions.hidden ? "false" : "true");
      }, function () { self.hideSuggestions(); });
    }
    search(query) {
      var self = this, t = this.t.bind(this);
      var params = this.filterParams(new URLSearchParams({ q: query, per_page: "10", ui_lang: this.lang_ }));
      this.status.textContent = t("loading");
      this.api("/v1/search?" + params).then(function (body) {
        self.status.textContent = body.total ? t("results", body.total) : t("no_results");
        self.results.replaceChildren();
        body.hits.forEach(function (hit) { self.results.appendChild(self.hit(hit)); });
      }, function (error) {
        self.results.replaceChildren();
        self.status.replaceChildren(el("span", { className: "error", text: self.errorText(error, true) }));
      });
    }
    hit(hit) {
      var t = this.t.bind(this), lang = this.lang_, self = this;
      var meta = [hit.language && precedentValueLabel(lang, "language", hit.language),
                  hit.outcome && precedentValueLabel(lang, "outcome", hit.outcome),
                  hit.countries.map(function (c) { return precedentValueLabel(lang, "country", c); }).join(", "),
                  hit.start_year].filter(Boolean).join(" · ");
      var panel = el("div", { className: "similar", hidden: "" });
      var more = el("button", { type: "button", className: "more", "aria-expanded": "false", text: t("similar") });
      more.addEventListener("click", function () {
        if (more.getAttribute("aria-expanded") === "true") {
          more.setAttribute("aria-expanded", "false");
          panel.hidden = true;
          return;
        }
        more.setAttribute("aria-expanded", "true");
        panel.hidden = false;
        panel.textContent = t("loading");
        self.api("/v1/documents/" + encodeURIComponent(hit.id) + "/similar?k=4&ui_lang=" + lang).then(function (body) {
          var list = el("ol");
          body.similar.forEach(function (other) {
            var lesson = (other.lessons || [])[0];
            var translated = other.machine_translation;
            var lessonText = lesson && (translated && translated.lessons && translated.lessons[0] || lesson.text);
            list.appendChild(el("li", {}, [el("strong", {}, [self.link(other.id, translated ? translated.title : other.title)]),
              el("div", { className: "meta", text: Math.round(other.score * 100) + "% " + t("score") +
                (other.outcome ? " · " + precedentValueLabel(lang, "outcome", other.outcome) : "") }),
              lesson ? el("div", { text: t(lesson.kind) + ": " + lessonText }) : null]));
          });
          panel.replaceChildren(list, el("p", { text: t("risk") + ": " + t("risk_" + body.risk.level) }));
        }, function (error) { panel.replaceChildren(el("span", { className: "error", text: self.errorText(error) })); });
      });
      // The same initiative in other languages, and the published source.
      var links = el("div", { className: "meta" });
      (hit.translations || []).forEach(function (other, i) {
        links.append(i ? ", " : t("translations", "").trim() + " ", self.link(other.id, precedentValueLabel(lang, "language", other.language)));
      });
      if (hit.source_url) {
        links.append(links.childNodes.length ? " · " : "", el("a", { href: hit.source_url, className: "source", target: "_blank", rel: "noopener", text: t("source") }));
      }
      var translation = hit.machine_translation;
      if (!translation) {
        return el("li", { className: "hit", "data-id": hit.id }, [el("h3", {}, [this.link(hit.id, hit.title)]), el("div", { className: "meta", text: meta }),
          el("p", {}, [marked(hit.snippet)]), links, more, panel]);
      }
      // In another language: its machine translation, marked, and the original a click away.
      var original = el("details", { className: "original", lang: hit.language }, [
        el("summary", { text: t("show_original") }), el("h3", {}, [this.link(hit.id, hit.title)]), el("p", {}, [marked(hit.snippet)])]);
      return el("li", { className: "hit", "data-id": hit.id }, [el("h3", {}, [this.link(hit.id, translation.title, translation.lang)]),
        el("div", { className: "meta", text: meta }),
        el("div", { className: "machine-translation", text: t("machine_translation", precedentValueLabel(lang, "language", hit.language)) }),
        translation.summary ? el("p", { lang: translation.lang, text: translation.summary }) : null, original, links, more, panel]);
    }
  }
  customElements.define("precedent-search", PrecedentSearch);
})();
