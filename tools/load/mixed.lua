-- wrk script: a mix of what the server is asked in production. Most requests are searches (words,
-- phrases, filters, facets, lessons, paging), then completions, similar initiatives by id, record
-- reads, and about one in twenty a write of a record (POST /v1/documents with the test key).
local searches = {
  "/v1/search?q=mercury+retorts", "/v1/search?q=mercurio&country=PE&facets=country,theme",
  "/v1/search?q=%22gold+buying%22", "/v1/search?q=orpaillage+Burkina", "/v1/search?q=child+labour+kind:failed",
  "/v1/search?q=cooperatives+finance&facets=outcome,year&page=2", "/v1/search?q=garimpo&lang=pt",
  "/v1/search?q=formalisation+-licence&theme=formalization", "/v1/search?q=cyanide+tailings&per_page=50",
  "/v1/search?q=&facets=country,theme,type,outcome,language,year",
}
local others = {
  "/v1/suggest?q=merc", "/v1/suggest?q=form", "/v1/documents/la01-proyecto-gama",
  "/v1/documents/la01-proyecto-gama/similar?k=5", "/v1/documents/af01-uneca-best-practices-small-scale-mining/similar?k=5",
}
local key = os.getenv("PRECEDENT_LOAD_KEY") or ""
local counter = 0

request = function()
  counter = counter + 1
  if key ~= "" and counter % 20 == 0 then
    local id = string.format("load-%d-%d", math.random(1, 1000000000), counter)
    local body = string.format('{"id": "%s", "title": "Load test record %d", "summary": "Retorts and mercury recovery in camp %d", "body": "Written by the load test."}', id, counter, counter)
    return wrk.format("POST", "/v1/documents", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
  end
  if counter % 4 == 0 then return wrk.format("GET", others[(counter / 4) % #others + 1]) end
  return wrk.format("GET", searches[counter % #searches + 1])
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.0f/s; p50 %.2f ms, p99 %.2f ms; socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
end
