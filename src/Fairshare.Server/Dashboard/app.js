"use strict";
// The Fairshare dashboard (docs/dashboard.md): plain JavaScript over the node's public /v1 API. Every number is read
// from the API; exact metrics come from /v1/analytics (never computed here). Text is set with textContent only.

const REFRESH_MS = 5000;
const RECENT_BLOCKS = 20;
const FLOW_PAGE = 10000;
const MAX_JOB_ROWS = 100;
const SVG_NS = "http://www.w3.org/2000/svg";
const QUANTITIES = [
  { of: "balances", title: "FSH balances" },
  { of: "provider-income", title: "Provider income" },
  { of: "stake", title: "Stake" },
];

const view = { selectedJob: null, busy: false, data: null };

// ---------- formatting (the tests format API values the same way) ----------

/** Groups the digits of a whole number in threes: 1234567 -> "1,234,567". */
function group(digits) {
  return String(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Base units (decimal string) as a token amount with 4 decimals, truncated toward zero: "1,234.5678". */
function amount(base, decimals = 18, places = 4) {
  if (base === null || base === undefined) return "—";
  const value = BigInt(base);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(decimals);
  const whole = abs / unit;
  const fraction = (abs % unit) * 10n ** BigInt(places) / unit;
  return (negative ? "-" : "") + group(whole.toString()) + "." + fraction.toString().padStart(places, "0");
}

/** A 1e18 mantissa as a percentage with 2 decimals, truncated: "12.34%". */
function mantissaPercent(mantissa) {
  if (mantissa === null || mantissa === undefined) return "—";
  const hundredths = BigInt(mantissa) * 10000n / 10n ** 18n;
  return group((hundredths / 100n).toString()) + "." + (hundredths % 100n).toString().padStart(2, "0") + "%";
}

/** A per-block rate mantissa as a yearly percentage at the observed block time (an estimate for reading, not the protocol's number). */
function yearlyRate(mantissa, blockSeconds) {
  if (!blockSeconds) return "—";
  return (Number(BigInt(mantissa)) / 1e16 * (365 * 24 * 3600 / blockSeconds)).toFixed(2) + "%";
}

/** A metric in [0, 1] or so with 4 decimals; "—" when undefined. */
function ratio(value) {
  return value === null || value === undefined ? "—" : value.toFixed(4);
}

function count(value) {
  return value === null || value === undefined ? "—" : group(String(value));
}

function shortHex(hex) {
  return hex ? hex.slice(0, 10) + "…" : "—";
}

/** "fs1… (role)" as the short address with its role. */
function party(label) {
  const cut = label.indexOf(" (");
  return cut < 0 ? shortAddress(label) : shortAddress(label.slice(0, cut)) + label.slice(cut);
}

function shortAddress(address) {
  return address.length > 14 ? address.slice(0, 8) + "…" + address.slice(-4) : address;
}

function time(ms) {
  return new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

// ---------- DOM helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function table(id, headers, rows) {
  const target = document.getElementById(id);
  const head = el("thead", {}, el("tr", {}, ...headers.map(h => el("th", {}, h))));
  const body = el("tbody", {});
  for (const row of rows) body.append(row);
  if (rows.length === 0) body.append(el("tr", {}, el("td", { colspan: headers.length, class: "muted" }, "none yet")));
  target.replaceChildren(head, body);
}

function cell(text, attrs) {
  return el("td", attrs || {}, text);
}

function num(text, attrs) {
  return el("td", Object.assign({ class: "num" }, attrs || {}), text);
}

function badge(text) {
  return el("span", { class: "badge badge-" + String(text).toLowerCase() }, text);
}

// ---------- data ----------

async function get(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try {
      const problem = await response.json();
      message = problem.code + ": " + (problem.detail ?? problem.message);
    } catch (ignored) {
      // the body was not problem details
    }
    throw new Error(path + " answered " + message);
  }
  return response.json();
}

/** Every JobPayment flow of FSH, paged by height (a page ends before its last, maybe partial, height). */
async function allPayments() {
  const flows = [];
  let from = 0;
  for (;;) {
    const page = await get("v1/flows?tag=JobPayment&asset=FSH&limit=" + FLOW_PAGE + "&from=" + from);
    if (page.length < FLOW_PAGE) return flows.concat(page);
    const last = page[page.length - 1].height;
    if (last === from) return flows.concat(page);
    flows.push(...page.filter(f => f.height < last));
    from = last;
  }
}

async function load() {
  const status = await get("v1/status");
  const head = status.height;
  const back = Math.max(0, Math.min(RECENT_BLOCKS, head - 1));
  const [headBlock, oldBlock, offers, stakePools, jobs, pools, lending, proposals, payments, series, ...concentration] = await Promise.all([
    head > 0 ? get("v1/blocks/" + head) : null,
    back > 0 ? get("v1/blocks/" + (head - back)) : null,
    get("v1/market/offers"),
    get("v1/staking/pools"),
    get("v1/market/jobs"),
    get("v1/amm/pools"),
    get("v1/lending/markets"),
    get("v1/governance/proposals"),
    allPayments(),
    get("v1/analytics/gini-series?of=provider-income&points=24"),
    ...QUANTITIES.map(q => get("v1/analytics/concentration?of=" + q.of)),
  ]);
  const span = headBlock && oldBlock && back > 0 ? (headBlock.timestampMs - oldBlock.timestampMs) / 1000 : 0;
  const blockSeconds = span > 0 ? span / back : null;
  return { status, back, blockSeconds, offers, stakePools, jobs, pools, lending, proposals, payments, series, concentration };
}

// ---------- sections ----------

function earningsByProvider(payments) {
  const sums = new Map();
  for (const flow of payments) sums.set(flow.to, (sums.get(flow.to) || 0n) + BigInt(flow.amount));
  return sums;
}

function renderOverview(d) {
  const s = d.status;
  document.getElementById("chain").textContent = s.chainId;
  const settled = d.jobs.filter(j => j.state === "Settled");
  let jobsPerSecond = "—";
  let blockTime = "—";
  if (d.blockSeconds) {
    const recent = settled.filter(j => j.closedHeight > s.height - d.back).length;
    jobsPerSecond = (recent / (d.blockSeconds * d.back)).toFixed(3);
    blockTime = d.blockSeconds.toFixed(2) + " s";
  }
  const cards = [
    ["Height", group(String(s.height)), "height"],
    ["Last block", s.height > 0 ? time(s.timestampMs) : "genesis", "last-block", "small"],
    ["Block time (last " + d.back + ")", blockTime, "block-time"],
    ["Validators", count(s.members.length), "validators"],
    ["Providers", count(d.offers.filter(p => p.registered).length), "providers"],
    ["Jobs settled", count(settled.length), "jobs-settled"],
    ["Jobs / s (last " + d.back + " blocks)", jobsPerSecond, "jobs-per-second"],
    ["Mempool", count(s.mempoolSize), "mempool"],
  ];
  document.getElementById("overview-cards").replaceChildren(...cards.map(([label, value, key, size]) =>
    el("div", { class: "card" }, el("div", { class: "label" }, label), el("div", { class: size ? "value " + size : "value", "data-test": key }, value))));

  const self = s.role === "leader" ? s.leaderUrl : null;
  table("validators", ["member API", "role", "term", "validator key"], s.members.map(member => el("tr", {},
    cell(member + (member === self ? " (this node)" : "")),
    cell(badge(member === s.leaderUrl ? "leader" : "follower")),
    num(String(s.term)),
    cell(member === self ? shortHex(s.validator) : "—", { class: "mono", title: member === self ? s.validator : "" }))));
  document.getElementById("validators-note").textContent =
    "This node: " + s.role + ", validator key " + shortHex(s.validator) + ", term " + s.term + (s.leaderUrl ? ", leader " + s.leaderUrl : ", no leader known") + ".";
}

function renderProviders(d) {
  const earnings = earningsByProvider(d.payments);
  const commission = new Map(d.stakePools.map(p => [p.provider, p.commissionBps]));
  table("providers-table",
    ["provider", "status", "device", "price / work unit", "capacity", "reputation", "verified", "faults", "missed", "self-bond (FSH)", "stake (FSH)", "commission", "earnings (FSH)"],
    d.offers.map(p => el("tr", { "data-provider": p.provider },
      cell(shortAddress(p.provider), { class: "mono", title: p.provider }),
      cell(badge(p.status)),
      cell(p.device + " · " + group(String(p.memoryMb)) + " MB"),
      num(amount(p.pricePerWorkUnit)),
      num(p.openSlots + " / " + p.capacity),
      num((p.reputationPpm / 10000).toFixed(2) + "%"),
      num(count(p.verified)), num(count(p.faults)), num(count(p.missed)),
      num(amount(p.selfBonded)),
      num(amount(p.bondedTokens)),
      num(commission.has(p.provider) ? (commission.get(p.provider) / 100).toFixed(2) + "%" : "—"),
      num(amount((earnings.get(p.provider) || 0n).toString()), { "data-test": "earnings" }))));
}

function renderJobs(d) {
  const states = new Map();
  for (const job of d.jobs) states.set(job.state, (states.get(job.state) || 0) + 1);
  document.getElementById("job-states").replaceChildren(
    el("span", { class: "chip", "data-state": "total" }, "total ", el("b", {}, count(d.jobs.length))),
    ...[...states.entries()].sort().map(([state, n]) => el("span", { class: "chip", "data-state": state }, state + " ", el("b", {}, count(n)))));

  const newest = d.jobs.slice().sort((a, b) => b.id - a.id).slice(0, MAX_JOB_ROWS);
  table("jobs-table", ["job", "state", "policy", "paid (FSH)", "refunded (FSH)", "blocks"],
    newest.map(j => {
      const row = el("tr", { class: "clickable" + (view.selectedJob === j.id ? " selected" : ""), "data-job": j.id },
        cell("#" + j.id), cell(badge(j.state)), cell(j.policy + " × " + j.replicas),
        num(amount(j.paid)), num(amount(j.refunded)), num(j.createdHeight + " → " + (j.closedHeight === null ? "…" : j.closedHeight)));
      row.addEventListener("click", () => selectJob(j.id));
      return row;
    }));
  if (view.selectedJob !== null) renderTrail(d);
}

function selectJob(id) {
  view.selectedJob = id;
  for (const row of document.querySelectorAll("#jobs-table tr[data-job]")) row.classList.toggle("selected", Number(row.dataset.job) === id);
  if (view.data) renderTrail(view.data);
}

function renderTrail(d) {
  const job = d.jobs.find(j => j.id === view.selectedJob);
  const panel = document.getElementById("job-trail");
  if (!job) {
    panel.replaceChildren(el("p", { class: "muted" }, "Job #" + view.selectedJob + " is not on this node."));
    return;
  }
  const facts = [
    ["state", badge(job.state)], ["client", shortAddress(job.client)], ["kind", job.kind + " · " + job.policy + " × " + job.replicas], ["work units", count(job.workUnits)],
    ["escrow locked", amount(job.locked) + " FSH"], ["paid", amount(job.paid) + " FSH"], ["refunded", amount(job.refunded) + " FSH"],
    ["accepted output", shortHex(job.acceptedOutput)], ["reassignments", String(job.reassignments)],
    ["created / closed", job.createdHeight + " / " + (job.closedHeight === null ? "open" : job.closedHeight)],
  ];
  const slots = el("table", { class: "trail-slots" },
    el("thead", {}, el("tr", {}, ...["#", "provider", "role", "status", "blocks", "price (FSH)", "commitment", "revealed output", "agrees"].map(h => el("th", {}, h)))),
    el("tbody", {}, ...job.slots.map((s, i) => el("tr", { "data-slot": i },
      num(String(i)), cell(shortAddress(s.provider), { class: "mono", title: s.provider }), cell(s.role), cell(badge(s.status)),
      num(s.assignedHeight + " → " + s.deadlineHeight, { title: "assigned in block " + s.assignedHeight + ", due by block " + s.deadlineHeight }),
      num(amount(s.price)),
      cell(shortHex(s.commitment), { class: "mono", title: s.commitment, "data-test": "commitment" }),
      cell(shortHex(s.outputHash), { class: "mono", title: s.outputHash, "data-test": "output" }),
      cell(s.role === "Arbiter" ? "0b" + s.agreeMask.toString(2) : "")))));
  const fromEscrow = job.payouts.filter(p => p.fromEscrow);
  const beside = job.payouts.filter(p => !p.fromEscrow);
  const payoutItem = p => el("li", { "data-kind": p.kind }, amount(p.amount) + " FSH → " + p.kind + (p.party ? " " + party(p.party) : ""));
  const payoutList = el("div", {},
    el("ul", { class: "payouts" }, ...fromEscrow.map(payoutItem)),
    el("p", { class: "muted", "data-test": "payout-total" },
      "Σ " + amount(fromEscrow.reduce((sum, p) => sum + BigInt(p.amount), 0n).toString()) + " FSH = escrow locked " + amount(job.locked) + " FSH"),
    ...(beside.length === 0 ? [] : [el("h5", {}, "Beside the escrow"), el("ul", { class: "payouts beside" }, ...beside.map(payoutItem))]));
  panel.replaceChildren(
    el("h3", {}, "Job #" + job.id + " verification trail"),
    el("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h4", {}, "Slots: commit H(output ‖ salt), then reveal"),
    slots,
    el("h4", {}, "Where the escrow went (the job's own record)"),
    payoutList);
}

function renderMarkets(d) {
  table("pools-table", ["pool", "reserve 0", "reserve 1", "spot price", "TWAP", "LP supply", "TVL"],
    d.pools.map(p => el("tr", { "data-pool": p.id },
      cell(p.asset0 + " / " + p.asset1),
      num(amount(p.reserve0) + " " + p.asset0, { "data-test": "reserve0" }),
      num(amount(p.reserve1) + " " + p.asset1, { "data-test": "reserve1" }),
      num(amount(p.spotPrice0) + " " + p.asset1, { "data-test": "spot" }),
      num(p.twapPrice0 === null ? "—" : amount(p.twapPrice0) + " " + p.asset1),
      num(amount(p.lpSupply)),
      num(amount((2n * BigInt(p.reserve1)).toString()) + " " + p.asset1, { title: "2 × reserve 1: both sides valued at the spot price" }))));
  table("lending-table", ["asset", "cash", "borrows", "reserves", "utilization", "borrow rate / yr*", "supply rate / yr*", "TWAP price", "collateral factor"],
    d.lending.map(m => el("tr", { "data-market": m.asset },
      cell(m.asset), num(amount(m.cash)), num(amount(m.borrows)), num(amount(m.reserves)),
      num(mantissaPercent(m.utilizationMantissa)),
      num(yearlyRate(m.borrowRatePerBlock, d.blockSeconds), { title: m.borrowRatePerBlock + " per block (1e18 mantissa)" }),
      num(yearlyRate(m.supplyRatePerBlock, d.blockSeconds), { title: m.supplyRatePerBlock + " per block (1e18 mantissa)" }),
      num(m.twapPriceMantissa === null ? "—" : amount(m.twapPriceMantissa)), num(mantissaPercent(m.collateralFactorMantissa)))));
}

function renderGovernance(d) {
  const weight = (p, value) => p.rule === "quadratic" ? group(value) : amount(value);
  table("proposals-table", ["#", "proposal", "state", "voting rule", "for", "against", "abstain", "quorum", "voting blocks", "actions"],
    d.proposals.map(p => el("tr", { "data-proposal": p.id },
      num(String(p.id)), cell(p.description), cell(badge(p.state)),
      cell(p.rule + (p.rule === "capped" ? " (" + (p.capBps / 100).toFixed(2) + "%)" : "")),
      num(weight(p, p.for)), num(weight(p, p.against)), num(weight(p, p.abstain)), num(weight(p, p.quorum)),
      num(p.startBlock + " – " + p.endBlock),
      cell(p.actions.map(a => a.parameter + " = " + (a.text ?? a.value)).join(", ")))));
}

function lorenzSvg(points, of) {
  const size = 220;
  const pad = 24;
  const scale = size - 2 * pad;
  const x = v => (pad + v * scale).toFixed(2);
  const y = v => (size - pad - v * scale).toFixed(2);
  const root = svg("svg", { viewBox: "0 0 " + size + " " + size, class: "lorenz", role: "img", "aria-label": "Lorenz curve of " + of });
  root.append(svg("rect", { x: pad, y: pad, width: scale, height: scale, class: "frame" }));
  root.append(svg("line", { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: "equality" }));
  if (points.length > 0) {
    const d = points.map((p, i) => (i === 0 ? "M" : "L") + x(p.x) + " " + y(p.y)).join(" ");
    root.append(svg("path", { d: d + " L" + x(1) + " " + y(0) + " Z", class: "lorenz-area" }));
    root.append(svg("path", { d, class: "lorenz-curve", "data-points": points.length }));
  }
  for (const [text, tx, ty, anchor] of [["0", pad - 4, size - pad + 14, "end"], ["holders →", size - pad, size - pad + 14, "end"], ["share ↑", pad + 2, pad - 8, "start"]]) {
    const label = svg("text", { x: tx, y: ty, "text-anchor": anchor, class: "axis" });
    label.textContent = text;
    root.append(label);
  }
  return root;
}

function renderConcentration(d) {
  const grid = document.getElementById("lorenz-grid");
  grid.replaceChildren(...QUANTITIES.map((q, i) => {
    const c = d.concentration[i];
    const metrics = [
      ["holders (n)", count(c.n), "n"], ["Gini", ratio(c.gini), "gini"], ["Gini (sample)", ratio(c.giniSample), "gini-sample"],
      ["Nakamoto ½", count(c.nakamoto50), "nakamoto50"], ["Nakamoto ⅓", count(c.nakamoto33), "nakamoto33"],
      ["HHI", ratio(c.hhi), "hhi"], ["top 1 share", ratio(c.top1Share), "top1"], ["top 10% share", ratio(c.top10PercentShare), "top10"],
      ["Theil", ratio(c.theil), "theil"], ["Palma", ratio(c.palma), "palma"],
      ["total (" + c.asset + ")", amount(c.total), "total"],
    ];
    return el("div", { class: "panel lorenz-panel", "data-of": q.of },
      el("h3", {}, q.title),
      lorenzSvg(c.lorenz, q.of),
      el("table", { class: "metrics" }, el("tbody", {}, ...metrics.map(([k, v, key]) => el("tr", {}, cell(k), num(v, { "data-metric": key }))))),
      c.undefined ? el("p", { class: "muted" }, "Undefined: " + c.undefined) : null,
      el("p", { class: "population" }, "Population: " + c.population + "; height " + group(String(c.height)) + "."));
  }));
  renderSeries(d.series);
}

function renderSeries(series) {
  const width = 1200, height = 240, left = 48, right = 24, top = 16, bottom = 36;
  const panel = document.getElementById("gini-series");
  const points = series.points;
  const root = svg("svg", { viewBox: "0 0 " + width + " " + height, class: "series", role: "img", "aria-label": "Gini of provider income by height" });
  const minH = points.length ? points[0].height : 0;
  const maxH = points.length ? points[points.length - 1].height : 1;
  const x = h => (left + (maxH === minH ? 0.5 : (h - minH) / (maxH - minH)) * (width - left - right)).toFixed(2);
  const y = g => (height - bottom - g * (height - top - bottom)).toFixed(2);
  for (const g of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg("line", { x1: left, x2: width - right, y1: y(g), y2: y(g), class: "grid" }));
    const label = svg("text", { x: left - 6, y: Number(y(g)) + 4, "text-anchor": "end", class: "axis" });
    label.textContent = g.toFixed(2);
    root.append(label);
  }
  const ticks = points.length ? [[minH, "start"], [Math.round((minH + maxH) / 2), "middle"], [maxH, "end"]] : [];
  for (const [h, anchor] of ticks) {
    const label = svg("text", { x: x(h), y: height - bottom + 16, "text-anchor": anchor, class: "axis" });
    label.textContent = "block " + group(String(h));
    root.append(label);
  }
  const defined = points.filter(p => p.gini !== null);
  if (defined.length > 0) {
    root.append(svg("path", { d: defined.map((p, i) => (i === 0 ? "M" : "L") + x(p.height) + " " + y(p.gini)).join(" "), class: "series-line", "data-points": defined.length }));
    for (const p of defined) {
      const dot = svg("circle", { cx: x(p.height), cy: y(p.gini), r: 3, class: "series-dot" });
      const tip = svg("title", {});
      tip.textContent = "block " + p.height + ": Gini " + ratio(p.gini) + ", Nakamoto ½ " + p.nakamoto50;
      dot.append(tip);
      root.append(dot);
    }
  }
  const last = points.length ? points[points.length - 1] : null;
  panel.replaceChildren(root,
    el("p", { class: "population" }, "Latest: Gini ", el("b", { "data-test": "series-gini" }, ratio(last && last.gini)),
      ", Nakamoto ½ ", el("b", {}, count(last && last.nakamoto50)), " at block " + (last ? group(String(last.height)) : "—") +
      ". Population: " + series.population + "."));
}

// ---------- refresh loop ----------

function showError(error) {
  const banner = document.getElementById("error");
  if (error) {
    banner.textContent = "Could not refresh: " + error.message;
    banner.hidden = false;
  } else {
    banner.hidden = true;
  }
}

async function refresh() {
  if (view.busy) return;
  view.busy = true;
  try {
    const d = await load();
    view.data = d;
    renderOverview(d);
    renderProviders(d);
    renderJobs(d);
    renderMarkets(d);
    renderGovernance(d);
    renderConcentration(d);
    document.getElementById("refreshed").textContent = "updated " + new Date().toLocaleTimeString("en-GB");
    document.body.dataset.height = String(d.status.height);
    document.body.dataset.loaded = "true";
    showError(null);
  } catch (error) {
    showError(error);
  } finally {
    view.busy = false;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
