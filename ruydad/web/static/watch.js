// News watch views: incidents merged from article reports, and the news held against a dataset.
// Loaded after app.js and uses its helpers (h, api, fmt, errorBox, go); registers its views in
// window.RUYDAD_VIEWS, which app.js's router consults. Text from data goes in with textContent only.
"use strict";

function figureRange(row, what) {
  const best = row[`${what}_best`], low = row[`${what}_low`], high = row[`${what}_high`];
  if (best === null || best === undefined) return "–";
  return low === high ? fmt(best) : `${fmt(best)} (${fmt(low)}–${fmt(high)})`;
}

function placeOf(row) {
  return [row.admin1, row.admin2 || (row.location !== row.admin1 ? row.location : null)].filter(Boolean).join(" / ");
}

function watchForm(params, fields, onApply) {
  const inputs = {};
  const labels = fields.map(([name, label, attrs]) => {
    inputs[name] = h("input", { name, value: params.get(name) || "", ...attrs });
    if (attrs.type === "checkbox") inputs[name].checked = params.get(name) === "1";
    return h("label", {}, label, inputs[name]);
  });
  const form = h("form", { class: "filters", role: "search" }, labels, h("div", {}, h("button", { type: "submit" }, "Apply")));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.type === "checkbox" ? (input.checked ? "1" : "") : input.value.trim();
      if (value) next.set(name, value);
    }
    onApply(next);
  });
  return form;
}

async function incidentsView(main, params) {
  main.append(h("h1", {}, "Incidents"),
    h("p", { class: "muted" }, "Reports of the same incident from different articles, merged. Figures are the best " +
      "estimate with the range the reports give (low–high)."),
    watchForm(params, [["date_from", "From", { type: "date" }], ["date_to", "To", { type: "date" }],
      ["admin1", "Province", { type: "text", placeholder: "name or code" }],
      ["merged", "Only merged", { type: "checkbox", value: "1" }]], next => go("/incidents", next)));
  const card = h("section", { class: "card", "aria-label": "Incidents" });
  main.append(card);
  const q = new URLSearchParams();
  for (const k of ["date_from", "date_to", "admin1"]) if (params.get(k)) q.set(k, params.get(k));
  if (params.get("merged") === "1") q.set("merged", "true");
  try {
    const data = await api(`/api/incidents?${q}`);
    if (!data.incidents.length) {
      card.append(h("p", { class: "empty" }, "No incidents. Add sources with `ruydad watch add URL` and poll them with " +
        "`ruydad watch run --once`."));
      return;
    }
    card.append(h("div", { class: "table-wrap" }, h("table", { class: "incidents" },
      h("thead", {}, h("tr", {}, ["Date", "Place", "Type", "Reports", "Killed", "Wounded", "Detained"].map(t => h("th", {}, t)))),
      h("tbody", {}, data.incidents.map(i => h("tr", { "data-id": i.incident_id },
        h("td", {}, h("a", { href: `#/incidents/${encodeURIComponent(i.incident_id)}` },
          i.first_date === i.last_date ? i.first_date : `${i.first_date}..${i.last_date}`)),
        h("td", {}, placeOf(i)), h("td", {}, i.event_type || "–"),
        h("td", {}, `${i.reports} (${i.outlets} outlet${i.outlets === 1 ? "" : "s"})`),
        h("td", {}, figureRange(i, "killed")), h("td", {}, figureRange(i, "wounded")),
        h("td", {}, figureRange(i, "detained"))))))));
  } catch (err) { card.append(errorBox(err)); }
  main.append(await newsClaimsCard());
}

async function newsClaimsCard() {
  const card = h("section", { class: "card news-claims", "aria-label": "Claims in the news" },
    h("h2", {}, "Claims in the news"),
    h("p", { class: "muted" }, "What articles quote parties as claiming; the same claim from several articles is one row."));
  try {
    const claims = await api("/api/news-claims?limit=30");
    if (!claims.length) card.append(h("p", { class: "empty" }, "No claims quoted in the watched articles yet."));
    else card.append(h("ul", {}, claims.map(c => h("li", { "data-outlets": c.outlets.length },
      h("strong", {}, `${c.subject} ${c.stance === "denies" ? "denies " : ""}${c.predicate.replace(/_/g, " ")} ` +
        `${c.object || ""}`),
      ` — ${c.articles} article${c.articles === 1 ? "" : "s"}, ${c.outlets.length} outlet${c.outlets.length === 1 ? "" : "s"}: `,
      c.reports.flatMap((r, n) => [n ? ", " : "", r.url ? h("a", { href: r.url, rel: "noopener noreferrer",
        target: "_blank" }, r.outlet || r.url) : (r.outlet || "?")]),
      c.claimed_by.length ? h("span", { class: "muted" }, ` (said by ${c.claimed_by.join("; ")})`) : null))));
  } catch (err) { card.append(errorBox(err)); }
  return card;
}

async function incidentView(main, id) {
  try {
    const i = await api(`/api/incidents/${encodeURIComponent(id)}`);
    main.append(h("p", {}, h("a", { href: "#/incidents" }, "← Incidents")),
      h("h1", {}, `${i.event_type || "Incident"} · ${placeOf(i)} · ${i.first_date}`),
      h("div", { class: "kpis" },
        ["killed", "wounded", "detained"].map(w => h("div", { class: "kpi" },
          h("div", { class: `value figure-${w}` }, figureRange(i, w)), h("div", { class: "label" }, w))),
        h("div", { class: "kpi" }, h("div", { class: "value" }, fmt(i.reports)), h("div", { class: "label" }, "reports"))),
      h("section", { class: "card", "aria-label": "Reports" }, h("h2", {}, "Reports"),
        h("div", { class: "table-wrap" }, h("table", { class: "reports" },
          h("thead", {}, h("tr", {}, ["Outlet", "Published", "Killed", "Wounded", "Detained", "Says", "Why merged"]
            .map(t => h("th", {}, t)))),
          h("tbody", {}, i.report_list.map(r => h("tr", {},
            h("td", {}, r.url ? h("a", { href: r.url, rel: "noopener noreferrer", target: "_blank" }, r.outlet || r.url)
              : (r.outlet || "–")),
            h("td", {}, r.published || "–"), h("td", {}, fmt(r.killed)), h("td", {}, fmt(r.wounded)),
            h("td", {}, fmt(r.detained)), h("td", { class: "sentence" }, r.sentence || ""),
            h("td", { class: "reason" }, r.reason + (r.joined_with ? ` (joined ${r.joined_with})` : "")))))))));
  } catch (err) { main.append(errorBox(err)); }
}

function rateTable(title, rows, dataset) {
  const pct = v => v === null || v === undefined ? "–" : `${Math.round(v * 100)}%`;
  return h("section", { class: "card", "aria-label": title }, h("h2", {}, title),
    h("div", { class: "table-wrap" }, h("table", { class: "rates" },
      h("thead", {}, h("tr", {}, ["", "News incidents", `in ${dataset}`, `${dataset} events`, "in the news"]
        .map(t => h("th", {}, t)))),
      h("tbody", {}, rows.map(r => h("tr", {}, h("td", {}, r.name), h("td", {}, fmt(r.incidents)),
        h("td", {}, `${fmt(r.incidents_in_dataset)} (${pct(r.dataset_coverage)})`), h("td", {}, fmt(r.dataset_events)),
        h("td", {}, `${fmt(r.dataset_events_in_news)} (${pct(r.news_coverage)})`)))))));
}

function incidentLink(row) {
  return h("a", { href: `#/incidents/${encodeURIComponent(row.incident_id)}` },
    `${row.first_date} · ${placeOf(row)} · ${row.event_type || "?"}`);
}

function eventLink(dataset, id) {
  return h("a", { href: `#/event/${encodeURIComponent(dataset)}/${encodeURIComponent(id)}` }, id);
}

async function reconcileView(main, params) {
  const dataset = params.get("dataset") || "acled";
  main.append(h("h1", {}, "News against the datasets"),
    watchForm(params, [["dataset", "Dataset", { type: "text", placeholder: "acled" }],
      ["period", "Period", { type: "text", placeholder: "2022H1" }],
      ["admin1", "Province", { type: "text", placeholder: "name or code" }]], next => go("/reconcile", next)));
  const period = params.get("period");
  if (!period) {
    main.append(h("p", { class: "muted" }, "Choose a period (2022H1, 2022Q2, 2022-06, 2022 or FROM..TO)."));
    return;
  }
  const q = new URLSearchParams({ dataset, period });
  if (params.get("admin1")) q.set("admin1", params.get("admin1"));
  const holder = h("div", { class: "reconcile" });
  main.append(holder);
  try {
    const r = await api(`/api/reconcile?${q}`);
    const s = r.summary;
    holder.append(h("div", { class: "kpis" },
      [["in both", r.both.length, "both"], ["only in the news", r.news_only.length, "news-only"],
        [`only in ${dataset}`, r.dataset_only.length, "dataset-only"]]
        .map(([label, n, key]) => h("div", { class: "kpi", "data-set": key }, h("div", { class: "value" }, fmt(n)),
          h("div", { class: "label" }, label)))),
      h("p", { class: "muted" }, `${r.period}: ${fmt(s.incidents)} news incidents, ${fmt(s.dataset_events)} ${dataset} ` +
        "events."),
      rateTable("By province", r.by_admin1, dataset), rateTable("By event type", r.by_event_type, dataset),
      h("section", { class: "card", "aria-label": "In both" }, h("h2", {}, "In both"), h("ul", { class: "set both" },
        r.both.map(row => h("li", {}, incidentLink(row), " ↔ ", row.events.flatMap((id, n) => [n ? ", " : "",
          eventLink(dataset, id)]), h("span", { class: "muted" }, ` (${row.reason})`))))),
      h("section", { class: "card", "aria-label": "Only in the news" }, h("h2", {}, "Only in the news"),
        h("ul", { class: "set news-only" }, r.news_only.map(row => h("li", {}, incidentLink(row))))),
      h("section", { class: "card", "aria-label": `Only in ${dataset}` }, h("h2", {}, `Only in ${dataset}`),
        h("ul", { class: "set dataset-only" }, r.dataset_only.map(e => h("li", {}, eventLink(dataset, e.dataset_event_id),
          ` · ${e.event_date} · ${[e.admin1, e.admin2].filter(Boolean).join(" / ")} · ${e.event_type || ""}`)))));
  } catch (err) { holder.append(errorBox(err)); }
}

window.RUYDAD_VIEWS = Object.assign(window.RUYDAD_VIEWS || {}, {
  incidents: (main, parts, params) => parts[0] ? incidentView(main, parts[0]) : incidentsView(main, params),
  reconcile: (main, parts, params) => reconcileView(main, params),
});
