// End-to-end tests of the web page and the widget in a real browser (harness.mjs starts the real
// server over the bundled collection and Debian's Chromium): search, facets, paging, similar
// initiatives, the proposal check, the language switch, the landscape, and the widget embedded in
// pages served from two other origins, one the server allows (CORS) and one it does not.
//
// Run by ctest (tests/CMakeLists.txt): node --test tests/web/, with PRECEDENT_BINARY and
// PRECEDENT_SOURCE_DIR set.

import { test } from "node:test";
import assert from "node:assert/strict";
import { serverUrl, context, allowedPortal, refusedPortal, shot } from "./harness.mjs";

test("the page and the widget are served with their types, ETags and a strict policy", async () => {
  const page = await fetch(`${serverUrl}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get("content-type"), /^text\/html/);
  assert.match(page.headers.get("content-security-policy"), /default-src 'none'; script-src 'self'/);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  const etag = page.headers.get("etag");
  assert.ok(etag);
  const again = await fetch(`${serverUrl}/`, { headers: { "If-None-Match": etag } });
  assert.equal(again.status, 304);
  const widget = await fetch(`${serverUrl}/widget.js`);
  assert.match(widget.headers.get("content-type"), /^text\/javascript/);
  const size = (await widget.arrayBuffer()).byteLength;
  assert.ok(size < 30 * 1024, `the widget is ${size} bytes`);
  assert.equal((await fetch(`${serverUrl}/app.css`)).headers.get("content-type"), "text/css; charset=utf-8");
  assert.equal((await fetch(`${serverUrl}/../etc/passwd`)).status, 404);
});

test("a designer searches, narrows by a facet, pages, and goes back", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(`${serverUrl}/`);
  await page.locator("#q").fill("mercury ret");
  await page.locator("#suggestions [role=option]").first().waitFor();
  await shot(page, "01-completion");
  await page.locator("#q").fill("mercury retorts");
  await page.locator("#q").press("Enter");
  await page.locator("#results > li").first().waitFor();
  assert.match(page.url(), /q=mercury\+retorts/);
  await page.waitForTimeout(300);  // a completion answer still on its way must not reopen the list
  assert.ok(await page.locator("#suggestions").isHidden(), "the completion list closes on search");
  assert.ok(await page.locator("#results > li").count() > 0);
  // The list first shows the records the empty query browses; the query's results replace it.
  await page.locator("#status", { hasText: "Spanish" }).waitFor();
  assert.ok(await page.locator("#results mark").count() > 0, "matched words are marked");
  const before = await page.locator("#status").textContent();
  await shot(page, "02-results");

  // A facet: the first country narrows the results, and the URL says so.
  const facet = page.locator(".facet-country input[type=checkbox]").first();
  const country = await facet.getAttribute("value");
  await facet.check();
  await page.waitForURL(new RegExp(`country=${country}`));
  await page.locator(".facet-country input:checked").waitFor();  // facets are redrawn with the new results
  const narrowed = await page.locator("#status").textContent();
  assert.ok(parseInt(narrowed, 10) <= parseInt(before, 10), `${narrowed} after ${before}`);
  assert.equal(await page.locator(".facet-country input:checked").count(), 1);
  await shot(page, "03-facet");

  // Clearing the filters.
  await page.locator("#clear-filters").click();
  await page.waitForURL((url) => !url.search.includes("country="));

  // Ranked by how well they answer, a Spanish record leads an English query; asked for records in
  // the query's language first, English ones lead, and the URL keeps the choice.
  await page.goto(`${serverUrl}/?q=Colombia+child+labour`);
  await page.locator("#status", { hasText: "Spanish" }).waitFor();
  assert.equal(await page.locator("#results > li .badge-language").first().textContent(), "Spanish");
  // It is shown machine-translated into the page's language, marked, with the original a click away.
  const first = page.locator("#results > li").first();
  assert.match(await first.locator(".machine-translation-note").textContent(), /Machine translation from Spanish/);
  const translatedTitle = await first.locator(".translated h3").textContent();
  assert.ok(await first.locator(".original").isHidden());
  await first.locator(".machine-translation-note button").click();
  assert.ok(await first.locator(".original").isVisible());
  assert.ok(await first.locator(".translated").isHidden());
  const originalTitle = await first.locator(".original h3").textContent();
  assert.notEqual(originalTitle, translatedTitle);
  assert.equal(await first.locator(".original").getAttribute("lang"), "es");
  await shot(page, "03b-original-of-a-translation");
  await first.locator(".machine-translation-note button").click();
  assert.ok(await first.locator(".translated").isVisible());
  await page.locator("#prefer-lang").check();
  await page.waitForURL(/prefer_lang=true/);
  await page.waitForFunction(() => document.querySelector("#results > li .badge-language").textContent === "English");
  assert.ok(await page.locator("#prefer-lang").isChecked());

  // Paging over a broad query, then the back button.
  await page.goto(`${serverUrl}/?q=mining`);
  await page.locator("#pager a[aria-current=page]", { hasText: "1" }).waitFor();
  const firstTitle = await page.locator("#results > li h3").first().textContent();
  await page.locator("#pager a", { hasText: "Next" }).click();
  await page.waitForURL(/page=2/);
  await page.locator("#pager a[aria-current=page]", { hasText: "2" }).waitFor();
  assert.notEqual(await page.locator("#results > li h3").first().textContent(), firstTitle);
  await shot(page, "04-page-2");
  await page.goBack();
  await page.locator("#pager a[aria-current=page]", { hasText: "1" }).waitFor();
  assert.equal(await page.locator("#results > li h3").first().textContent(), firstTitle);
  assert.deepEqual(errors, []);
  await page.close();
});

test("similar initiatives open under a result with why and their lessons", async () => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/?q=mercury+retorts`);
  const button = page.locator(".similar-button").first();
  await button.click();
  await page.locator(".similar-list > li").first().waitFor();
  assert.equal(await page.locator(".similar-button").first().getAttribute("aria-expanded"), "true");
  assert.match(page.url(), /similar=/);
  assert.match(await page.locator(".similar .why").first().textContent(), /Why: /);
  assert.ok(await page.locator(".similar .risk h4").count() === 1);
  await shot(page, "05-similar");
  await page.close();
});

test("a pasted proposal gets the duplication-risk report and its summary can be copied", async () => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/`);
  await page.locator("#tab-proposal").click();
  await page.locator("#proposal-text").fill(
    "We propose to distribute mercury retorts to artisanal gold miners in Ghana and train them to recover " +
    "mercury, with support from local cooperatives and the district assembly.");
  await page.locator("#proposal-form button[type=submit]").click();
  await page.locator("#risk .risk-summary").waitFor();
  assert.match(await page.locator("#risk .risk h4").textContent(), /Duplication risk: (low|medium|high|not enough evidence)/);
  assert.ok(await page.locator("#risk .similar-list > li").count() > 0);
  await page.locator("#risk .copy").click();
  await page.locator("#risk .copy", { hasText: "Copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator("#risk .risk-summary").textContent());
  assert.match(page.url(), /view=proposal/);
  await shot(page, "06-proposal");
  await page.close();
});

test("a proposal's inferred profile is shown as fields, and an edit checks again with it", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  const similarRequest = () => page.waitForRequest((r) => r.url().endsWith("/v1/similar") && r.method() === "POST");
  const sentBody = async (request) => JSON.parse((await request).postData());
  const listed = () => page.locator("#risk .similar-list > li").evaluateAll((items) => items.map((li) => li.dataset.id));
  const countries = page.locator("#profile-countries");
  await page.goto(`${serverUrl}/?view=proposal`);
  const text = "We propose mercury-free gold processing for artisanal miners in Peru, with gravity " +
    "concentration tables and training through local cooperatives.";
  await page.locator("#proposal-text").fill(text);
  let request = similarRequest();
  await page.locator("#proposal-form button[type=submit]").click();
  let body = await sentBody(request);
  assert.deepEqual(Object.keys(body).sort(), ["k", "text", "ui_lang"], "a first check sends the text alone");

  // The text names Peru: the profile shows it, by name, marked as inferred; so are the commodities.
  await countries.locator(".chip[data-value=PE]").waitFor();
  assert.equal(await countries.locator(".chip[data-value=PE] span").textContent(), "Peru");
  assert.equal(await countries.locator(".profile-status").textContent(), "inferred from the text");
  assert.ok(await page.locator("#profile-commodities .chip[data-value=gold]").isVisible());
  assert.equal(await page.locator("#profile-type-select").inputValue(), "");
  assert.equal(await page.locator("#profile-type .profile-status").count(), 0, "the type is never inferred");
  // The controls are labelled: the add select by its label, the remove button by its aria-label.
  assert.ok(await page.getByLabel("Add to Country").isVisible());
  assert.ok(await page.getByRole("button", { name: "Remove Peru" }).isVisible());
  await page.locator("#risk .similar-list > li").first().waitFor();
  const first = await listed();
  await shot(page, "06b-proposal-profile");

  // Adding Ghana checks again with both countries; the fields left alone stay inferred, unsent.
  request = similarRequest();
  await page.locator("#profile-countries-select").selectOption("GH");
  body = await sentBody(request);
  assert.deepEqual(body.countries, ["PE", "GH"]);
  assert.equal(body.themes, undefined);
  assert.equal(body.commodities, undefined);
  await countries.locator(".chip[data-value=GH]").waitFor();
  assert.equal(await countries.locator(".profile-status").textContent(), "as you set it");
  assert.equal(await page.locator("#profile-commodities .profile-status").textContent(), "inferred from the text");

  // Removing Peru by keyboard: Ghana's records now lead, and focus stays in the field.
  await page.locator("#profile-countries-remove-PE").focus();
  request = similarRequest();
  await page.keyboard.press("Enter");
  body = await sentBody(request);
  assert.deepEqual(body.countries, ["GH"]);
  await page.waitForFunction((before) => {
    const ids = [...document.querySelectorAll("#risk .similar-list > li")].map((li) => li.dataset.id);
    return ids.length > 0 && ids.join() !== before;
  }, first.join());
  assert.equal(await countries.locator(".chip").count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), "profile-countries-select");
  const ghana = await listed();
  assert.notDeepEqual(ghana, first);
  assert.ok(await page.locator("#risk .why", { hasText: /countries: [^;]*Ghana/ }).count() > 0, "a precedent shares Ghana");
  assert.equal(await page.locator("#risk .why", { hasText: /countries: [^;]*Peru/ }).count(), 0, "none is there for Peru");

  // Stepping through a select with the arrow keys sends nothing until Enter.
  await page.locator("#profile-type-select").focus();
  let sent = 0;
  const count = (r) => { if (r.url().endsWith("/v1/similar")) sent++; };
  page.on("request", count);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  assert.equal(sent, 0, "no check while stepping");
  const stepped = await page.locator("#profile-type-select").inputValue();
  assert.notEqual(stepped, "");
  request = similarRequest();
  await page.keyboard.press("Enter");
  body = await sentBody(request);
  page.off("request", count);
  assert.equal(body.type, stepped);
  assert.deepEqual(body.countries, ["GH"], "an edited field stays sent");
  await page.locator("#profile-type .profile-given").waitFor();
  assert.equal(await page.locator("#profile-type-select").inputValue(), stepped);

  // In Spanish, the marks and names follow.
  await page.locator("#ui-language").selectOption("es");
  assert.equal(await page.locator("#profile-commodities .profile-status").textContent(), "inferido del texto");
  assert.equal(await page.locator("#profile-commodities .chip[data-value=gold] span").textContent(), "Oro");
  await page.locator("#ui-language").selectOption("en");

  // On a phone the fields fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  await shot(page, "06c-proposal-profile-phone");

  // Checking the text again starts from a fresh inference: no profile field is sent.
  request = similarRequest();
  await page.locator("#proposal-form button[type=submit]").click();
  body = await sentBody(request);
  assert.deepEqual(Object.keys(body).sort(), ["k", "text", "ui_lang"]);
  await countries.locator(".chip[data-value=PE]").waitFor();
  assert.equal(await countries.locator(".profile-status").textContent(), "inferred from the text");
  assert.equal(await page.locator("#profile-type-select").inputValue(), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the interface switches language, works by keyboard and draws the landscape", async () => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/?q=mercurio`);
  await page.locator("#results > li").first().waitFor();
  await page.locator("#ui-language").selectOption("es");
  await page.locator("#tab-search", { hasText: "Buscar" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  await page.locator("#status", { hasText: "resultados" }).waitFor();
  await shot(page, "07-spanish");

  // Tabs by keyboard: arrow right moves from Search to the proposal check.
  await page.locator("#tab-search").focus();
  await page.keyboard.press("ArrowRight");
  await page.locator("#view-proposal:not([hidden])").waitFor();
  await page.keyboard.press("ArrowRight");
  await page.locator("#view-landscape:not([hidden])").waitFor();
  await page.locator("svg.map path[role=button]").first().waitFor();
  assert.ok(await page.locator("svg.map path[role=button]").count() > 1);
  assert.ok(await page.locator("svg.chart-years rect").count() > 0);
  assert.ok(await page.locator("svg.chart-outcome rect").count() > 0);
  await shot(page, "08-landscape");

  // On a phone the page fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#tab-search").click();
  await page.locator("#results > li").first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  await shot(page, "09-phone");
  await page.close();
});

test("the widget works on a portal the server allows, untouched by the portal's CSS", async () => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${allowedPortal.address().port}/`);
  const input = page.locator("precedent-search input[type=search]");
  await input.fill("mercurio");
  await input.press("Enter");
  await page.locator("precedent-search li.hit").first().waitFor();
  assert.ok(await page.locator("precedent-search li.hit").count() > 0);
  assert.match(await page.locator("precedent-search .status").textContent(), /resultados/);
  // The portal styles inputs with a red border; the shadow root keeps the widget's own.
  const border = await input.evaluate((node) => getComputedStyle(node).borderTopColor);
  assert.notEqual(border, "rgb(255, 0, 0)");
  await page.locator("precedent-search button.more").first().click();
  await page.locator("precedent-search .similar li").first().waitFor();
  await shot(page, "10-widget");
  await page.close();
});

test("the widget on an origin outside the allow-list is refused by the browser", async () => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${refusedPortal.address().port}/`);
  const input = page.locator("precedent-search input[type=search]");
  await input.fill("mercurio");
  await input.press("Enter");
  await page.locator("precedent-search .status .error").waitFor();
  assert.equal(await page.locator("precedent-search li.hit").count(), 0);
  await shot(page, "11-widget-refused");
  await page.close();
});
