// Athlete dashboard: plain JS, no build step, uPlot vendored from npm (no CDN).
// Reads the planner's plan API (same origin) and analytics/ingest through /dashboard/api.
"use strict";

const params = new URLSearchParams(location.search);
const athlete = params.get("athlete") || "demo";
document.getElementById("athlete").value = athlete;

const DAY = 86400000;
const iso = (d) => d.toISOString().slice(0, 10);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c ?? "")));
  return e;
};
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "–" : Number(v).toFixed(digits));

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(url + " → " + r.status);
  return r.json();
}

function mondayOf(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const dow = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - dow * DAY);
}

function chart(id, series, data) {
  const host = document.getElementById(id);
  host.replaceChildren();
  const points = data[0].length;
  host.dataset.points = String(points);
  if (points === 0) {
    host.append(el("p", { class: "unavailable" }, "no data yet"));
    return;
  }
  // Fit the card on a phone: never wider than the viewport minus the page and card padding.
  const width = Math.max(240, Math.min(host.clientWidth || 600, window.innerWidth - 56));
  new uPlot({ width, height: 220, series: [{}, ...series], scales: { x: { time: true } } }, data, host);
}

function renderMetrics(days) {
  const t = days.map((d) => Date.parse(d.date + "T00:00:00Z") / 1000);
  const col = (k) => days.map((d) => (d[k] === undefined ? null : d[k]));
  chart("pmc-chart", [
    { label: "CTL", stroke: "#2f6fde", width: 2 },
    { label: "ATL", stroke: "#c4320a" },
    { label: "TSB", stroke: "#067647" },
    { label: "ramp", stroke: "#98a2b3", dash: [4, 4] },
  ], [t, col("ctl"), col("atl"), col("tsb"), col("ramp")]);

  const hasRaw = days.some((d) => d.hrvLnRmssd !== undefined && d.hrvLnRmssd !== null);
  if (hasRaw) {
    const med = col("hrvBaselineMedian"), spread = col("hrvBaselineSpread");
    chart("hrv-chart", [
      { label: "ln rMSSD", stroke: "#7a5af8", width: 2, points: { show: true } },
      { label: "baseline −", stroke: "#d0d5dd", dash: [3, 3] },
      { label: "baseline +", stroke: "#d0d5dd", dash: [3, 3] },
      { label: "7-day mean", stroke: "#2f6fde" },
    ], [t, col("hrvLnRmssd"),
      med.map((m, i) => (m === null || spread[i] === null ? null : m - spread[i])),
      med.map((m, i) => (m === null || spread[i] === null ? null : m + spread[i])),
      col("hrvLnRmssd7")]);
  } else {
    chart("hrv-chart", [
      { label: "z 7-day", stroke: "#7a5af8", width: 2 },
      { label: "z night", stroke: "#b692f6", points: { show: true } },
      { label: "band −0.5", stroke: "#d0d5dd", dash: [3, 3] },
    ], [t, col("hrvZ7"), col("hrvZNight"), t.map(() => -0.5)]);
  }
  chart("sleep-chart", [{ label: "sleep h", stroke: "#155eef", fill: "rgba(21,94,239,.15)" }], [t, col("sleepHours")]);
}

function renderFlags(flags) {
  const list = document.getElementById("flags");
  list.replaceChildren();
  if (!flags.length) {
    list.append(el("li", { class: "good" }, "No flags in this period: nothing wrong."));
    return;
  }
  for (const f of flags.slice(-12).reverse()) {
    const values = Object.entries(f.values || {}).map(([k, v]) => `${k} = ${fmt(v, 2)}`).join(", ");
    list.append(el("li", { class: "flag", "data-flag": f.name },
      el("span", { class: "flag-name sev-" + (f.severity || "LOW") }, f.name), " ",
      el("span", {}, f.date || ""), el("br"),
      el("span", { class: "reason" }, `${values} (threshold ${fmt(f.threshold, 2)}, ${f.severity || ""})`)));
  }
}

// Planner history entries: {weekStart, version, at, cause, decision, reasons[], basePlanVersion}.
function normaliseHistory(raw) {
  const list = Array.isArray(raw) ? raw : raw.entries || [];
  return list.map((h) => ({
    week: h.weekStart || "",
    version: h.version,
    base: h.basePlanVersion,
    cause: h.cause || "",
    outcome: h.decision || h.cause || "",
    reasons: h.reasons || [],
  }));
}

function sessionDiff(original, current) {
  const before = new Map((original?.sessions || []).map((s) => [s.id, s]));
  return (current?.sessions || []).map((s) => {
    const o = before.get(s.id);
    const changes = [];
    if (!o) changes.push("added");
    else {
      if (o.intensity !== s.intensity) changes.push(`intensity ${o.intensity} → ${s.intensity}`);
      if (o.durationMinutes !== s.durationMinutes) changes.push(`${o.durationMinutes} → ${s.durationMinutes} min`);
      if (o.date !== s.date) changes.push(`moved ${o.date} → ${s.date}`);
    }
    return { session: s, changes };
  });
}

function renderWeek(title, plan, original, reasons) {
  const box = el("div", { class: "week", "data-week": plan ? plan.weekStart : "" }, el("h3", {}, title));
  if (!plan) {
    box.append(el("p", { class: "unavailable" }, "no plan for this week"));
    return box;
  }
  box.firstChild.append(` · ${plan.weekStart} · v${plan.version}`);
  for (const { session: s, changes } of sessionDiff(original, plan)) {
    const row = el("div", { class: "session" + (changes.length ? " changed" : "") },
      el("strong", {}, s.date), " ", s.name || s.sport, " ",
      el("span", { class: "int-" + s.intensity }, s.intensity), ` ${s.durationMinutes} min`);
    if (original && changes.length) row.append(el("div", { class: "diff" }, "changed: " + changes.join("; ")));
    box.append(row);
  }
  if (reasons && reasons.length) {
    box.append(el("div", { class: "reason", "data-reasons": "1" },
      "why: " + reasons.map((r) => `${r.message || r.rule}${r.flag ? " (" + r.flag + ")" : ""}`).join(" · ")));
  }
  return box;
}

async function renderPlans(history) {
  const host = document.getElementById("plans");
  host.replaceChildren();
  const thisWeek = iso(mondayOf(new Date()));
  const nextWeek = iso(new Date(mondayOf(new Date()).getTime() + 7 * DAY));
  const base = `/athletes/${encodeURIComponent(athlete)}/plan`;
  for (const [title, week] of [["This week", thisWeek], ["Next week", nextWeek]]) {
    let plan = null, original = null;
    try { plan = await getJson(`${base}?week=${week}`); } catch (e) { /* no plan yet */ }
    // The newest adaptation of the week names the version it started from: diff against that one.
    const adapted = history.filter((h) => h.week === week && h.cause === "adaptation").pop();
    if (plan && adapted && adapted.base && adapted.base !== plan.version) {
      try { original = await getJson(`${base}?week=${week}&version=${adapted.base}`); } catch (e) { /* gone */ }
    }
    host.append(renderWeek(title, plan, original, adapted ? adapted.reasons : []));
  }
}

function renderHistory(history) {
  const body = document.querySelector("#history tbody");
  body.replaceChildren();
  if (!history.length) body.append(el("tr", {}, el("td", { colspan: "4", class: "unavailable" }, "no decisions yet")));
  for (const h of history.slice(-20).reverse()) {
    body.append(el("tr", { "data-outcome": h.outcome }, el("td", {}, h.week), el("td", {}, h.version ?? ""),
      el("td", {}, h.decision || h.outcome),
      el("td", {}, h.reasons.map((r) => `${r.rule}: ${r.message}${r.flag ? " [" + r.flag + "]" : ""}`).join("; "))));
  }
}

function renderGarmin(samples) {
  const dl = document.getElementById("garmin-health");
  dl.replaceChildren();
  const find = (name, labels = {}) => samples.find((s) => s.name === name &&
    Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  const when = (s) => (s && s.value > 0 ? new Date(s.value * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");
  const expiry = find("garmin_token_expiry_timestamp");
  const breaker = find("garmin_breaker_open");
  const human = samples.filter((s) => s.name === "garmin_human_needed").some((s) => s.value > 0);
  const rows = [
    ["token expires", expiry ? when(expiry) : "no token"],
    ["last daily sync", when(find("flow_last_success_timestamp", { flow: "sync_daily" }))],
    ["last catch-up", when(find("flow_last_success_timestamp", { flow: "sync_catchup" }))],
    ["newest HRV night", when(samples.find((s) => s.name === "hrv_last_timestamp"))],
    ["circuit breaker", breaker && breaker.value > 0 ? "OPEN (Garmin failing)" : "closed"],
    ["sign-in", human ? "NEEDED: sign in to Garmin again" : "ok"],
  ];
  for (const [k, v] of rows) {
    dl.append(el("dt", {}, k), el("dd", { class: /OPEN|NEEDED/.test(v) ? "bad" : "" }, v));
  }
}

async function load() {
  const to = new Date();
  const from = new Date(to.getTime() - 112 * DAY);
  const tasks = [
    getJson(`/dashboard/api/athletes/${encodeURIComponent(athlete)}/metrics?from=${iso(from)}&to=${iso(to)}`)
      .then((m) => {
        const days = m.days || [];
        renderMetrics(days);
        renderFlags(m.flags || days.flatMap((d) => d.flags || []).filter((f) => typeof f === "object"));
      })
      .catch(() => {
        for (const id of ["pmc-chart", "hrv-chart", "sleep-chart"]) {
          document.getElementById(id).replaceChildren(el("p", { class: "unavailable" }, "analytics unavailable"));
        }
        document.getElementById("flags").replaceChildren(el("li", { class: "unavailable" }, "analytics unavailable"));
      }),
    getJson(`/athletes/${encodeURIComponent(athlete)}/plan/history`)
      .then(normaliseHistory)
      .catch(() => [])
      .then(async (history) => { renderHistory(history); await renderPlans(history); }),
    getJson("/dashboard/api/garmin-health").then((h) => renderGarmin(h.samples || []))
      .catch(() => document.getElementById("garmin-health")
        .replaceChildren(el("dt", {}, "status"), el("dd", { class: "unavailable" }, "ingest unavailable"))),
  ];
  await Promise.allSettled(tasks);
  document.body.dataset.loaded = "true";
}

load();
