// What a designer does with what the page finds, in a real browser (harness.mjs): a record's page,
// opened from a search, from the widget and by its address; the precedent brief of a proposal;
// the landscape's map and charts following the search; the page on a phone; errors a person
// understands; and what the query names offered as one-click filters. Expected values come from
// the same server's API.

import { test } from "node:test";
import assert from "node:assert/strict";
import { serverUrl, context, allowedPortal, refusedPortal, shot } from "./harness.mjs";

async function api(path) {
  const response = await fetch(`${serverUrl}${path}`);
  return { status: response.status, body: await response.json() };
}

function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a record opened from a search shows its facts, lessons by kind, source and similar initiatives", async () => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${serverUrl}/?q=Global+Mercury+Project`);
  const first = page.locator("#results > li").first();
  await first.waitFor();
  const id = await first.getAttribute("data-id");
  const { body: record } = await api(`/v1/documents/${id}`);
  const { body: search } = await api("/v1/search?q=Global+Mercury+Project&per_page=1");
  assert.equal(search.hits[0].id, id);
  assert.ok(search.hits[0].source_url, "the hit carries its source");
  assert.equal(await first.locator("a.source-link").getAttribute("href"), search.hits[0].source_url);

  await first.locator("a.record-link").first().click();
  await page.waitForURL(new RegExp(`/records/${id}\\?q=Global`));
  await page.locator("#record-title").waitFor();
  assert.equal(await page.locator("#record-title").textContent(), record.title);
  assert.equal(await page.locator("#record .record-sources a.source-link").getAttribute("href"), record.source_url);
  assert.match(await page.locator("#record .source-file").textContent(), new RegExp(`${id}\\.md`));
  // Every lesson, under a heading for its kind.
  assert.equal(await page.locator("#record .record-original .record-lessons li").count(), record.lessons.length);
  for (const kind of new Set(record.lessons.map((lesson) => lesson.kind))) {
    const count = record.lessons.filter((lesson) => lesson.kind === kind).length;
    assert.equal(await page.locator(`#record .record-original h4.lesson-${kind}`).count(), 1);
    assert.equal(await page.locator(`#record .record-original li.lesson-${kind}`).count(), count);
  }
  // Its translation, by the translated record's title once read.
  const translation = record.translations[0];
  assert.ok(translation, "the record lists its translation");
  const { body: translated } = await api(`/v1/documents/${translation.id}`);
  await page.locator("#record .record-translations a", { hasText: translated.title }).waitFor();
  await page.locator("#record .record-similar .similar-list > li").first().waitFor();
  assert.equal(await page.locator("#record .record-similar .risk h4").count(), 1);
  await page.locator("#record .record-body summary").click();
  assert.ok(await page.locator("#record .record-text p").count() > 1, "the full text is there");
  await shot(page, "20-record");

  // A similar initiative's title leads to its own page; back goes to the search.
  const other = page.locator("#record .record-similar .similar-list > li").first();
  const otherId = await other.getAttribute("data-id");
  await other.locator("a.record-link").click();
  await page.waitForURL(new RegExp(`/records/${otherId}`));
  await page.goBack();
  await page.waitForURL(new RegExp(`/records/${id}`));
  await page.locator("#record a.back").click();
  await page.waitForURL((url) => url.pathname === "/" && url.search.includes("q=Global"));
  await page.locator("#results > li").first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a record's page loaded by its address, in the reader's language", async () => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  const id = "gl05-projeto-global-mercurio-pt";
  const { body: record } = await api(`/v1/documents/${id}`);
  const response = await page.goto(`${serverUrl}/records/${id}?ui=fr`);
  assert.equal(response.status(), 200);
  await page.locator("#record-title").waitFor();
  assert.equal(await page.locator("#record-title").textContent(), record.title);
  assert.equal(await page.locator("#record-title").getAttribute("lang"), "pt");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  // It translates gl05-global-mercury-project: linked by that record's title.
  const { body: original } = await api(`/v1/documents/${record.translation_of}`);
  await page.locator("#record .record-translation_of a", { hasText: original.title }).waitFor();
  await page.locator("#record .record-similar .similar-list > li").first().waitFor();
  assert.equal((await fetch(`${serverUrl}/records/no-such-record`)).status, 200, "the page answers; the record's absence is the API's");
  await page.goto(`${serverUrl}/records/no-such-record`);
  await page.locator("#record .error", { hasText: "no-such-record" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the widget leads to a record's page and its translations, and says when the portal is refused", async () => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${allowedPortal.address().port}/`);
  const input = page.locator("precedent-search input[type=search]");
  await input.fill("Global Mercury Project");
  await input.press("Enter");
  const hit = page.locator("precedent-search li.hit[data-id=gl05-global-mercury-project]");
  await hit.waitFor();
  const link = hit.locator("h3 a").first();
  assert.equal(await link.getAttribute("href"), `${serverUrl}/records/gl05-global-mercury-project?ui=es`);
  const translationLink = hit.locator(".meta a", { hasText: "portugués" });
  assert.equal(await translationLink.getAttribute("href"), `${serverUrl}/records/gl05-projeto-global-mercurio-pt?ui=es`);
  await shot(page, "21-widget-links");
  await page.goto(await link.getAttribute("href"));
  await page.locator("#record-title").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  assert.ok(await page.locator("#record .record-original .record-lessons li").count() > 0);

  const portal = `http://127.0.0.1:${refusedPortal.address().port}`;
  await page.goto(`${portal}/`);
  await page.locator("precedent-search input[type=search]").fill("mercurio");
  await page.locator("precedent-search input[type=search]").press("Enter");
  const error = page.locator("precedent-search .status .error");
  await error.waitFor();
  assert.match(await error.textContent(), new RegExp(`${portal.replace(/\./g, "\\.")}.*--cors-origin`));
  await page.close();
});

test("a query the server cannot read shows the server's own message", async () => {
  const page = await context.newPage();
  const { status, body } = await api("/v1/search?q=mercury+AND");
  assert.equal(status, 400);
  await page.goto(`${serverUrl}/?q=mercury+AND`);
  const error = page.locator("#status .error");
  await error.waitFor();
  assert.equal(await error.textContent(), `The query could not be searched: ${body.error.message}`);
  await page.close();
});

test("a country the query names is a one-click filter", async () => {
  const page = await context.newPage();
  const { body } = await api("/v1/search?q=mercurio+Burkina+Faso&per_page=1");
  assert.deepEqual(body.recognised.map((item) => [item.field, item.value]), [["country", "BF"]]);
  await page.goto(`${serverUrl}/?q=mercurio+Burkina+Faso`);
  const button = page.locator("#recognised .filter-by[data-value=BF]");
  await button.waitFor();
  assert.equal(await button.textContent(), "Filter by Burkina Faso");
  await button.click();
  await page.waitForURL(/country=BF/);
  await page.locator(".facet-country input[value=BF]:checked").waitFor();
  const { body: filtered } = await api("/v1/search?q=mercurio+Burkina+Faso&country=BF&per_page=1");
  await page.locator("#status", { hasText: `${filtered.total} results` }).waitFor();
  assert.ok(await page.locator("#recognised").isHidden(), "a filter already applied is not offered again");
  await page.close();
});

test("a place and an organisation the query names are one-click filters too", async () => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/?q=${encodeURIComponent("AGC retorts Madre de Dios")}`);
  const place = page.locator("#recognised .filter-by[data-field=place]");
  await place.waitFor();
  assert.equal(await place.textContent(), "Filter by Madre de Dios");
  assert.equal(await page.locator("#recognised .filter-by[data-field=organisation]").textContent(),
               "Filter by AGC");
  await place.click();
  await page.waitForURL(/place=PE-MDD/);
  const { body: filtered } = await api(`/v1/search?q=${encodeURIComponent("AGC retorts Madre de Dios")}&place=PE-MDD&per_page=1`);
  assert.ok(filtered.total >= 1);
  await page.locator("#status", { hasText: `${filtered.total} result` }).waitFor();
  await page.close();
});

test("a funder's IATI activity is marked with its publisher, its other awards listed, and its identifier on its page", async () => {
  const page = await context.newPage();
  const query = "Reducing Mercury Use in Ghana";
  const { body } = await api(`/v1/search?q=${encodeURIComponent(query)}&per_page=5`);
  const hit = body.hits.find((h) => h.iati_identifier && h.parts.length);
  assert.ok(hit, "a hit with an IATI identifier and other awards");
  await page.goto(`${serverUrl}/?q=${encodeURIComponent(query)}`);
  const item = page.locator(`li.result[data-id="${hit.id}"]`);
  await item.waitFor();
  assert.equal(await item.locator(".iati").textContent(), `IATI activity, published by ${hit.publisher}`);
  assert.equal(await item.locator(".parts a").count(), hit.parts.length);
  await item.locator("h3 a.record-link").first().click();
  await page.waitForURL(new RegExp(`/records/${hit.id}(\\?|$)`));
  const facts = page.locator("dl.facts");
  await facts.waitFor();
  assert.ok((await facts.textContent()).includes(hit.iati_identifier));
  await page.locator(".record-parts a").first().waitFor();
  await page.close();
});

test("the landscape follows the search: a map whose click filters, and charts titled with the search", async () => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${serverUrl}/?view=landscape&q=mercury`);
  await page.locator("svg.map path[role=button]").first().waitFor();
  const { body } = await api("/v1/search?q=mercury&facets=country,outcome&per_page=1");
  assert.ok(await page.locator("svg.map path").count() > 150, "the world's countries are drawn");
  const coloured = await page.locator("svg.map path[role=button]").evaluateAll((paths) => paths.map((p) => p.dataset.country));
  const missing = body.facets.country.filter((entry) => !coloured.includes(entry.value));
  assert.ok(missing.length <= 2, `countries with records but not drawn: ${JSON.stringify(missing)}`);
  assert.ok(coloured.every((code) => body.facets.country.some((entry) => entry.value === code)));
  assert.match(await page.locator("#caption-outcome").textContent(), /Outcomes — “mercury”/);
  const outcomes = body.facets.outcome.map((e) => `${{ completed: "Completed", ongoing: "Ongoing", unknown: "Unknown",
    scaled_up: "Scaled up", discontinued: "Discontinued" }[e.value]}: ${e.count}`).join(", ");
  assert.equal(await page.locator("svg.chart-outcome > title").textContent(), outcomes);
  await shot(page, "22-landscape");

  // A click on Peru filters by it; the charts follow.
  await page.locator("svg.map path[data-country=PE]").click();
  await page.waitForURL(/country=PE/);
  const { body: peru } = await api("/v1/search?q=mercury&country=PE&facets=outcome&per_page=1");
  await page.locator("#landscape-status", { hasText: `${peru.total} results` }).waitFor();
  assert.match(await page.locator("#caption-years").textContent(), /“mercury” · Country: Peru/);
  await page.waitForFunction((n) => document.querySelector("svg.chart-outcome > title")?.textContent.split(", ").length === n,
                             peru.facets.outcome.length);
  // Another search: the charts show it.
  await page.locator("#q").fill("cobalt");
  await page.locator("#q").press("Enter");
  await page.waitForURL(/q=cobalt/);
  const { body: cobalt } = await api("/v1/search?q=cobalt&country=PE&per_page=1");
  await page.locator("#landscape-status", { hasText: `${cobalt.total} results` }).waitFor();
  assert.match(await page.locator("#caption-map").textContent(), /“cobalt” · Country: Peru/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("on a phone the results come first, the filters fold behind a button and the tabs fit", async () => {
  const phone = await context.browser().newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await page.goto(`${serverUrl}/?q=mercury`);
  const first = page.locator("#results > li").first();
  await first.waitFor();
  const box = await first.boundingBox();
  assert.ok(box.y + 60 < 844, `the first result starts at ${box.y}px`);
  assert.ok(await page.locator("#facet-groups").isHidden());
  for (const tab of await page.locator("[role=tab]").all()) {
    const { x, width } = await tab.boundingBox();
    assert.ok(x >= 0 && x + width <= 390, `a tab spans ${x}..${x + width}`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  await shot(page, "23-phone-results");
  await page.locator("#toggle-filters").click();
  await page.locator(".facet-country input").first().waitFor();
  assert.equal(await page.locator("#toggle-filters").getAttribute("aria-expanded"), "true");
  await shot(page, "24-phone-filters");
  await page.goto(`${serverUrl}/records/gl05-global-mercury-project`);
  await page.locator("#record .record-similar .similar-list > li").first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 1);
  await shot(page, "25-phone-record");
  await phone.close();
});

test("a proposal's answer prints as a precedent brief with its profile, precedents, risk and sources", async () => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/?view=proposal`);
  await page.locator("#proposal-text").fill(
    "We propose mercury-free gold processing for artisanal miners in Peru, with gravity concentration " +
    "tables and training through local cooperatives.");
  const answer = page.waitForResponse((r) => r.url().endsWith("/v1/similar"));
  await page.locator("#proposal-form button[type=submit]").click();
  const body = await (await answer).json();
  await page.locator("#risk .similar-list > li").first().waitFor();
  assert.ok(await page.locator("#brief").isHidden(), "on screen the brief is not shown");
  await shot(page, "26-proposal-answer");
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator("#brief").isVisible());
  assert.ok(await page.locator("header.top").isHidden());
  assert.ok(await page.locator("#proposal-form").isHidden());
  assert.match(await page.locator("#brief .facts").textContent(), /Peru/);
  assert.equal(await page.locator("#brief .brief-precedents > li").count(), body.similar.length);
  assert.match(await page.locator("#brief .risk h4").textContent(), new RegExp(`Duplication risk`));
  for (const item of body.similar.filter((hit) => hit.source_url)) {
    assert.equal(await page.locator(`#brief .brief-sources a[href="${item.source_url}"]`).count(), 1);
  }
  assert.ok(await page.locator("#brief .brief-precedents .lessons li").count() > 0);
  await shot(page, "27-precedent-brief-print");
  await page.close();
});
