// Ruydad dashboard: plain JavaScript over the HTTP API, no external code, works offline.
// Every view's state lives in the URL hash (#/view?filters), so any view can be linked to.
// Text from data is only ever inserted with textContent (via h()), never as HTML.
"use strict";

const EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
  "Strategic developments"];
const FILTER_KEYS = ["date_from", "date_to", "actor", "event_type", "admin1", "dataset"];

function h(tag, attrs, ...children) {
  const el = tag.startsWith("svg:") ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function route() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

function go(path, params) {
  const q = params ? new URLSearchParams([...params].filter(([, v]) => v)) : null;
  location.hash = path + (q && [...q].length ? "?" + q.toString() : "");
}

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error((body && body.detail ? (typeof body.detail === "string" ? body.detail
    : JSON.stringify(body.detail)) : response.statusText) + ` (HTTP ${response.status})`);
  return body;
}

function filterQuery(params, extra) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (params.get(k)) q.set(k, params.get(k));
  for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  return q.toString();
}

function fmt(n) { return n === null || n === undefined ? "–" : Number(n).toLocaleString("en"); }

function errorBox(err) { return h("p", { class: "error", role: "alert" }, String(err.message || err)); }

function setActiveNav(view) {
  document.querySelectorAll(".top nav a").forEach(a => a.classList.toggle("active", a.dataset.view === view));
}

// ---------------------------------------------------------------- overview

// Datasets record many of the same events, so figures never add them up: when the store holds several
// and none is chosen, the view shows the one with the most events and says so.
async function chooseDataset(params) {
  const summary = await api("/api/summary");
  const held = Object.entries(summary.by_dataset || {}).sort((a, b) => b[1] - a[1]);
  if (!params.get("dataset") && held.length > 1) params.set("dataset", held[0][0]);
  return held;
}

function filterForm(params, onApply, datasets) {
  const field = (name, label, input) => h("label", {}, label, input);
  const inputs = {
    date_from: h("input", { type: "date", name: "date_from", value: params.get("date_from") || "" }),
    date_to: h("input", { type: "date", name: "date_to", value: params.get("date_to") || "" }),
    actor: h("input", { type: "text", name: "actor", placeholder: "e.g. NRF", value: params.get("actor") || "" }),
    event_type: h("select", { name: "event_type" }, h("option", { value: "" }, "all event types"),
      EVENT_TYPES.map(t => h("option", { value: t, selected: params.get("event_type") === t }, t))),
    admin1: h("input", { type: "text", name: "admin1", placeholder: "province or code", value: params.get("admin1") || "" }),
  };
  if (datasets && datasets.length > 1) {
    inputs.dataset = h("select", { name: "dataset", title: "Datasets are never added up: one at a time" },
      datasets.map(([name, n]) => h("option", { value: name, selected: params.get("dataset") === name },
        `${name} (${fmt(n)} events)`)));
  }
  const form = h("form", { class: "filters", role: "search" },
    field("date_from", "From", inputs.date_from), field("date_to", "To", inputs.date_to),
    field("actor", "Actor", inputs.actor), field("event_type", "Event type", inputs.event_type),
    field("admin1", "Province", inputs.admin1),
    inputs.dataset ? field("dataset", "Dataset", inputs.dataset) : null,
    h("div", {}, h("button", { type: "submit" }, "Apply"), " ",
      h("button", { type: "button", class: "secondary", onclick: () => onApply(new URLSearchParams()) }, "Clear")));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, el] of Object.entries(inputs)) if (el.value) next.set(k, el.value);
    onApply(next);
  });
  return form;
}

async function overview(main, params) {
  let datasets = [];
  try { datasets = await chooseDataset(params); } catch (err) { main.append(errorBox(err)); }
  main.append(h("h1", {}, "Overview"), filterForm(params, p => go("/", p), datasets));
  const kpis = h("div", { class: "kpis" });
  const mapCard = h("section", { class: "card", "aria-label": "Province map" }, h("h2", {}, "Events by province"));
  const trendCard = h("section", { class: "card", "aria-label": "Trend" }, h("h2", {}, "Events by month"));
  const tableCard = h("section", { class: "card", "aria-label": "Events" }, h("h2", {}, "Events"));
  main.append(kpis, h("div", { class: "grid" }, mapCard, trendCard), h("div", { style: "height:1rem" }), tableCard);
  const q = filterQuery(params);
  const table = eventTable(params);  // fetched alongside the figures, not after them
  try {
    const [total, byProvince, trend, boundaries] = await Promise.all([
      api(`/api/stats?${q}`), api(`/api/stats?${filterQuery(params, { by: "admin1_code" })}`),
      api(`/api/trend?${filterQuery(params, { period: "month" })}`), api("/api/geo/boundaries?level=1"),
    ]);
    const row = (total.rows && total.rows[0]) || { events: 0, fatalities: 0 };
    kpis.append(kpi("Events", row.events), kpi("Reported fatalities", row.fatalities),
      kpi("Provinces with events", byProvince.rows.filter(r => r.admin1_code).length));
    mapCard.append(choropleth(boundaries, byProvince.rows, params));
    trendCard.append(barChart(trend.rows, "month", "events"));
  } catch (err) { main.prepend(errorBox(err)); }
  tableCard.append(await table);
}

function kpi(label, value) {
  return h("div", { class: "kpi" }, h("div", { class: "value" }, fmt(value)), h("div", { class: "label" }, label));
}

function projector(features) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = c => { if (typeof c[0] === "number") { minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]);
    minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]); } else c.forEach(visit); };
  features.forEach(f => f.geometry && visit(f.geometry.coordinates));
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const width = 600, scale = width / ((maxX - minX) * k || 1), height = (maxY - minY) * scale || 1;
  return { width, height: Math.round(height), at: ([x, y]) => [((x - minX) * k * scale).toFixed(1), ((maxY - y) * scale).toFixed(1)] };
}

function pathData(geometry, at) {
  const rings = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return rings.map(poly => poly.map(ring => "M" + ring.map(p => at(p).join(",")).join("L") + "Z").join("")).join("");
}

const RAMP = ["#f1eef6", "#fcd5c4", "#f9a98b", "#ee7555", "#d44130", "#a50f15"];

function choropleth(geojson, rows, params) {
  const counts = new Map(rows.filter(r => r.admin1_code).map(r => [r.admin1_code, r.events]));
  const max = Math.max(1, ...counts.values());
  const colour = n => !n ? "#e5e8eb" : RAMP[Math.min(RAMP.length - 1, Math.ceil((n / max) * (RAMP.length - 1)))];
  const proj = projector(geojson.features);
  const svg = h("svg:svg", { viewBox: `0 0 ${proj.width} ${proj.height}`, class: "map", role: "img",
    "aria-label": "Choropleth of events by province" });
  for (const f of geojson.features) {
    if (!f.geometry) continue;
    const code = f.properties.admin1_code || f.properties.iso_code || f.properties.shapeISO;
    const n = counts.get(code) || 0;
    const selected = params.get("admin1") && [code, f.properties.name].includes(params.get("admin1"));
    const path = h("svg:path", { d: pathData(f.geometry, proj.at), fill: colour(n), tabindex: 0,
      class: selected ? "selected" : null, "data-code": code, "data-name": f.properties.name,
      onclick: () => { const p = new URLSearchParams(params); p.set("admin1", code); go("/", p); },
      onkeydown: e => { if (e.key === "Enter") e.target.dispatchEvent(new Event("click")); } },
      h("svg:title", {}, `${f.properties.name}: ${fmt(n)} events`));
    svg.append(path);
  }
  const legend = h("div", { class: "legend" }, "0", RAMP.map(c => h("span", { class: "sw", style: `background:${c}` })),
    fmt(max), h("span", { class: "muted" }, " — click a province to filter"));
  return h("div", {}, svg, legend);
}

function barChart(rows, key, value) {
  if (!rows.length) return h("p", { class: "muted" }, "No events for these filters.");
  const w = 600, hgt = 220, pad = 30, max = Math.max(1, ...rows.map(r => r[value] || 0));
  const bw = (w - pad) / rows.length;
  const svg = h("svg:svg", { viewBox: `0 0 ${w} ${hgt + 40}`, role: "img", "aria-label": `${value} by ${key}` });
  svg.append(h("svg:text", { x: 0, y: 12, "font-size": 11, fill: "#5f6b73" }, fmt(max)));
  rows.forEach((r, i) => {
    const bh = ((r[value] || 0) / max) * (hgt - 20);
    svg.append(h("svg:rect", { x: pad + i * bw + 1, y: hgt - bh, width: Math.max(1, bw - 2), height: bh, fill: "#9b2c2c" },
      h("svg:title", {}, `${String(r[key]).slice(0, 10)}: ${fmt(r[value])}`)));
  });
  const step = Math.ceil(rows.length / 8);
  rows.forEach((r, i) => { if (i % step === 0) svg.append(h("svg:text", { x: pad + i * bw, y: hgt + 16, "font-size": 11,
    fill: "#5f6b73" }, String(r[key]).slice(0, 7))); });
  return svg;
}

// What each filter term was read as (the query model's reading), so the reader sees what was counted.
function matchedLines(matched) {
  const lines = [];
  for (const [field, value] of Object.entries(matched)) {
    if (value && Array.isArray(value.names)) {
      const names = value.names.map(n => `"${n.name}" (${n.dataset}, ${fmt(n.events)} events)`).join(", ");
      lines.push(`${field} ${value.term}: ${names || value.status}`);
    } else if (Array.isArray(value) && value.length && typeof value[0] === "object") {
      lines.push(`${field}: ` + value.map(p => p.resolved ? `${p.term} → ${p.name} (${p.pcode})` : `${p.term} (as written)`).join(", "));
    }
  }
  return lines;
}

// the columns the event list shows (the API adds date, dataset and id): a page reads these alone
const EVENT_LIST_FIELDS = "event_type,sub_event_type,actor1,actor2,location,admin2,admin1,fatalities,source,notes";

async function eventTable(params, options) {
  const wrap = h("div", {});
  const limit = 25, offset = Number(params.get("offset") || 0);
  try {
    const data = await api(`/api/events?${filterQuery(params, { limit, offset, fields: EVENT_LIST_FIELDS,
      ...(options || {}) })}`);
    const table = h("table", {}, h("thead", {}, h("tr", {}, ["Date", "Type", "Actor 1", "Actor 2", "Place",
      "Fatalities", "Source", "Notes"].map(t => h("th", { scope: "col" }, t)))),
      h("tbody", {}, data.events.map(e => h("tr", {},
        h("td", {}, h("a", { href: `#/event/${encodeURIComponent(e.dataset)}/${encodeURIComponent(e.dataset_event_id)}` },
          String(e.event_date))),
        h("td", {}, e.sub_event_type || e.event_type), h("td", {}, e.actor1), h("td", {}, e.actor2 || ""),
        h("td", {}, [e.location, e.admin2, e.admin1].filter(Boolean).join(", ")), h("td", {}, fmt(e.fatalities)),
        h("td", {}, e.source || e.dataset), h("td", { class: "notes" }, e.notes || "")))));
    const read = matchedLines(data.matched || {}).concat(data.problems || []);
    if (read.length) wrap.append(h("ul", { class: "matched muted small", "aria-label": "What the filters matched" },
      read.map(line => h("li", {}, line))));
    wrap.append(h("div", { class: "table-wrap" }, table));
    const pager = h("div", { class: "pager" }, h("span", { class: "muted" },
      `${fmt(Math.min(data.total, offset + 1))}–${fmt(Math.min(data.total, offset + limit))} of ${fmt(data.total)} events`));
    const page = delta => { const p = new URLSearchParams(params); p.set("offset", Math.max(0, offset + delta));
      go(route().parts.length ? "/" + route().parts.join("/") : "/", p); };
    if (offset > 0) pager.append(h("button", { type: "button", class: "secondary", onclick: () => page(-limit) }, "Previous"));
    if (offset + limit < data.total) pager.append(h("button", { type: "button", class: "secondary", onclick: () => page(limit) }, "Next"));
    pager.append(h("a", { href: `/api/events?${filterQuery(params, { limit: 1000, format: "csv" })}` }, "CSV"));
    wrap.append(pager);
  } catch (err) { wrap.append(errorBox(err)); }
  return wrap;
}

// ---------------------------------------------------------------- event, actors, claims

async function eventView(main, [dataset, id]) {
  main.append(h("h1", {}, `Event ${id}`));
  try {
    const data = await api(`/api/events/${encodeURIComponent(dataset)}/${encodeURIComponent(id)}`);
    const e = data.event || data.revisions[data.revisions.length - 1];
    const rows = Object.entries(e).filter(([, v]) => v !== null && v !== "");
    main.append(h("section", { class: "card" }, h("div", { class: "table-wrap" }, h("table", {},
      h("tbody", {}, rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, String(v)))))))));
    if (data.revisions.length > 1) main.append(h("p", {}, `${data.revisions.length - 1} earlier revision(s) kept.`));
  } catch (err) { main.append(errorBox(err)); }
}

async function actorsView(main) {
  main.append(h("h1", {}, "Actors"));
  try {
    const actors = await api("/api/actors");
    main.append(h("section", { class: "card table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, ["Actor", "Category", "Also called", "Part of"].map(t => h("th", { scope: "col" }, t)))),
      h("tbody", {}, actors.map(a => h("tr", {}, h("td", {}, h("a", { href: `#/actors/${encodeURIComponent(a.id)}` }, a.name)),
        h("td", {}, a.category || ""), h("td", {}, [...(a.acronyms || []), ...(a.aliases || [])].slice(0, 6).join(", ")),
        h("td", {}, a.parent || "")))))));
  } catch (err) { main.append(errorBox(err)); }
}

function claimCard(c) {
  const stance = c.stance || "asserts";
  const object = c.object_text || c.object_place_code || c.object_value || c.object_actor_id || "";
  return h("div", { class: "claim" },
    h("div", {}, h("strong", {}, c.subject_text || c.subject_actor_id || ""), " ",
      h("span", { class: `chip stance-${stance}` }, `${stance === "denies" ? "denies " : ""}${c.predicate}`), " ", object),
    c.sentence ? h("blockquote", {}, c.sentence) : null,
    h("div", { class: "muted" }, [c.claimed_by_name ? `said by ${c.claimed_by_name}` : null,
      c.claimed_by_role, c.claimed_on ? String(c.claimed_on).slice(0, 10) : null, c.document_id].filter(Boolean).join(" · ")));
}

function network(center, relations) {
  const size = 360, r = 130, cx = size / 2, cy = size / 2;
  const svg = h("svg:svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": "Relations network" });
  const others = [...new Map(relations.map(rel => [rel.other_id || rel.other, rel])).values()];
  others.forEach((rel, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, others.length);
    const x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
    const hostile = rel.relation ? rel.relation === "hostility" || rel.stance === "denies"
      : /fight|denies|no_relation/.test(rel.predicate || "");
    svg.append(h("svg:line", { x1: cx, y1: cy, x2: x, y2: y, stroke: hostile ? "#a50f15" : "#2b6cb0",
      "stroke-width": 2, "stroke-dasharray": hostile ? "4 3" : null }, h("svg:title", {}, rel.predicate || "")));
    svg.append(h("svg:circle", { cx: x, cy: y, r: 6, fill: "#5f6b73" }));
    svg.append(h("svg:text", { x, y: y - 9, "font-size": 11, "text-anchor": "middle" }, rel.other_name || rel.other || ""));
  });
  svg.append(h("svg:circle", { cx, cy, r: 9, fill: "#9b2c2c" }),
    h("svg:text", { x: cx, y: cy + 22, "font-size": 12, "font-weight": 700, "text-anchor": "middle" }, center));
  return svg;
}

async function actorView(main, [id]) {
  try {
    const p = await api(`/api/actors/${encodeURIComponent(id)}`);
    const actor = p.actor || p;
    main.append(h("h1", {}, actor.name || id),
      h("p", {}, h("span", { class: "chip" }, actor.category || ""), " ",
        [...(actor.acronyms || []), ...(actor.aliases || [])].join(", ")));
    const relations = p.relations || [];
    main.append(h("div", { class: "grid" },
      h("section", { class: "card" }, h("h2", {}, "Relations (from claims)"),
        relations.length ? network(actor.name || id, relations) : h("p", { class: "muted" }, "No relations claimed.")),
      h("section", { class: "card" }, h("h2", {}, "Claims"),
        (p.claims || []).length ? (p.claims || []).map(claimCard) : h("p", { class: "muted" }, "No claims stored."))));
    const events = p.events || [];
    main.append(h("section", { class: "card", style: "margin-top:1rem" }, h("h2", {}, `Recorded events (${fmt(p.event_count ?? events.length)})`),
      h("div", { class: "table-wrap" }, h("table", {}, h("tbody", {}, events.map(e => h("tr", {},
        h("td", {}, String(e.event_date)), h("td", {}, e.event_type), h("td", {}, e.actor1), h("td", {}, e.actor2 || ""),
        h("td", {}, e.admin1 || ""), h("td", {}, fmt(e.fatalities)))))))));
  } catch (err) { main.append(h("h1", {}, id), errorBox(err)); }
}

async function claimsView(main, params) {
  main.append(h("h1", {}, "Claims board"));
  try {
    const [claims, conflicts] = await Promise.all([api(`/api/claims?${filterQuery(params, { limit: 1000 })}`),
      api("/api/claims/conflicts")]);
    const byId = new Map(claims.map(c => [c.claim_id || c.id, c]));
    const conflictCard = h("section", { class: "card" }, h("h2", {}, `Conflicting claims (${conflicts.length})`),
      h("p", { class: "muted" }, "Claims that contradict each other, side by side with who made them and where."));
    for (const c of conflicts) {
      const sides = (c.claim_ids || []).map(id => byId.get(id)).filter(Boolean);
      conflictCard.append(h("div", { class: "conflict-block" },
        h("p", {}, h("span", { class: "chip" }, c.kind || "conflict"), " ", c.explanation || ""),
        h("div", { class: "conflict" }, sides.map(claimCard))));
    }
    main.append(conflictCard, h("section", { class: "card", style: "margin-top:1rem" },
      h("h2", {}, `All claims (${claims.length})`), claims.map(claimCard)));
  } catch (err) { main.append(errorBox(err)); }
}

// ---------------------------------------------------------------- article

function highlighted(text, spans) {
  const out = h("div", { class: "doc" });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of spans) {
    if (!(s.start >= at) || !(s.end <= text.length) || s.end <= s.start) continue;
    out.append(text.slice(at, s.start), h("mark", { class: s.kind, title: s.label }, text.slice(s.start, s.end)));
    at = s.end;
  }
  out.append(text.slice(at));
  return out;
}

async function articleView(main) {
  main.append(h("h1", {}, "Read an article"));
  const text = h("textarea", { name: "text", placeholder: "Paste the article text here" });
  const url = h("input", { type: "url", name: "url", placeholder: "…or an article URL" });
  const published = h("input", { type: "date", name: "published" });
  const result = h("div", {});
  const form = h("form", { class: "card" }, h("label", {}, "Text", text),
    h("div", { class: "filters" }, h("label", {}, "URL", url), h("label", {}, "Published", published),
      h("div", {}, h("button", { type: "submit" }, "Extract"))));
  form.addEventListener("submit", async e => {
    e.preventDefault();
    result.replaceChildren(h("p", { class: "muted" }, "Reading…"));
    const body = { published: published.value || null };
    if (url.value) body.url = url.value; else body.text = text.value;
    try {
      const x = await api("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      renderExtraction(result, body.text || "", x);
    } catch (err) { result.replaceChildren(errorBox(err)); }
  });
  main.append(form, result);
}

function renderExtraction(target, text, x) {
  const spans = [];
  // A mention is [text, start, end] (the extraction contract); objects are accepted too.
  const span = (m, kind, label) => Array.isArray(m) ? { start: m[1], end: m[2], kind, label }
    : { start: m.start, end: m.end, kind, label };
  for (const a of x.actors || []) for (const m of a.mentions || []) spans.push(span(m, "actor", a.name));
  for (const p of x.places || []) for (const m of p.mentions || []) spans.push(span(m, "place", p.admin1_code || p.name));
  const list = (title, items, line) => h("section", { class: "card" }, h("h2", {}, `${title} (${items.length})`),
    items.length ? h("ul", {}, items.map(i => h("li", {}, line(i)))) : h("p", { class: "muted" }, "none found"));
  target.replaceChildren(
    h("p", { class: "legend" }, h("mark", { class: "actor" }, "actor"), h("mark", { class: "place" }, "place")),
    text ? highlighted(text, spans) : null,
    h("div", { class: "grid", style: "margin-top:1rem" },
      list("Actors", x.actors || [], a => `${a.name}${a.new ? " (new)" : ""} — ${a.category || "?"}`),
      list("Places", x.places || [], p => `${p.name} ${p.admin1_code ? "· " + p.admin1_code : ""} ${p.admin2 ? "· " + p.admin2 : ""}`),
      list("Quotes", x.quotes || [], q => `${q.speaker || "?"}${q.role ? " (" + q.role + ")" : ""}: “${q.text}”`),
      list("Claims", x.claims || [], c => `${c.subject} ${c.stance === "denies" ? "denies " : ""}${c.predicate} ${c.object || ""} — ${c.claimed_by || "?"}`),
      list("Statistics", x.statistics || [], s => `${s.qualifier} ${s.value} ${s.measure || s.unit || ""} ${s.actor ? "· " + s.actor : ""} ${s.period_start ? "· " + s.period_start + ".." + s.period_end : ""} ${s.attributed_to ? "· per " + s.attributed_to : ""}`),
      list("Events", x.events || [], ev => `${ev.date || "?"} ${ev.sub_event_type || ev.event_type} ${ev.actor1 || ""} ${ev.actor2 ? "vs " + ev.actor2 : ""} ${ev.location || ev.admin1_code || ""}`)));
}

// ---------------------------------------------------------------- brief

function briefView(main, params) {
  main.append(h("h1", {}, "Situation brief"));
  const from = h("input", { type: "date", name: "date_from", value: params.get("date_from") || "" });
  const to = h("input", { type: "date", name: "date_to", value: params.get("date_to") || "" });
  const form = h("form", { class: "filters card" }, h("label", {}, "From", from), h("label", {}, "To", to),
    h("div", {}, h("button", { type: "submit" }, "Open brief")));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (from.value) q.set("date_from", from.value);
    if (to.value) q.set("date_to", to.value);
    window.open(`/brief?${q}`, "_blank");
  });
  main.append(form, h("p", { class: "muted" }, "The brief is one self-contained HTML file that works offline."));
}

// ---------------------------------------------------------------- router

async function render() {
  const main = document.getElementById("view");
  main.replaceChildren();
  const { parts, params } = route();
  const view = parts[0] || "overview";
  setActiveNav(view === "event" ? "overview" : view);
  if (view === "overview") return overview(main, params);
  if (view === "event") return eventView(main, parts.slice(1));
  if (view === "actors") return parts[1] ? actorView(main, parts.slice(1)) : actorsView(main);
  if (view === "claims") return claimsView(main, params);
  if (view === "article") return articleView(main);
  if (view === "brief") return briefView(main, params);
  const extra = (window.RUYDAD_VIEWS || {})[view];  // views of other modules (watch.js: incidents, reconcile)
  if (extra) return extra(main, parts.slice(1), params);
  main.append(h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/" }, "Back to the overview")));
}

window.addEventListener("hashchange", render);
window.addEventListener("DOMContentLoaded", render);
