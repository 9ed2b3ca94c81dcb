// Times velocityjs on one job read from stdin as JSON; prints {"median_ns", "output"}.
//
// Job: {"mode": "render" | "compile", "template": str, "event": {...}, "body": str | null,
//       "warmup_ns": int, "samples": int, "batch_ns": int}
// $input/$util are simplified stand-ins (JSONPath reduced to "$" and dotted names), like the
// airspeed-ext shim on the Python side: comparable work, not AWS's exact output.
"use strict";

const { parse, Compile } = require("velocityjs");

function makeContext(event, bodyOverride) {
  const body = (bodyOverride == null ? event.body : bodyOverride) || "{}";
  const params = {
    path: Object.assign({}, event.pathParameters || {}),
    querystring: Object.assign({}, event.queryStringParameters || {}),
    header: Object.assign({}, event.headers || {}),
  };
  const input = {
    body,
    path(p) {
      let value = JSON.parse(body);
      for (const name of p.replace(/^\$/, "").split(".")) {
        if (name) value = value && typeof value === "object" ? value[name] : undefined;
      }
      return value;
    },
    json(p) {
      return JSON.stringify(this.path(p));
    },
    params(name) {
      if (name === undefined) return params;
      for (const group of Object.values(params)) if (name in group) return group[name];
      return "";
    },
  };
  const util = {
    escapeJavaScript: (s) => JSON.stringify(String(s)).slice(1, -1),
    parseJson: (s) => JSON.parse(s),
  };
  return {
    input,
    util,
    context: event.requestContext || {},
    stageVariables: event.stageVariables || {},
  };
}

function batch(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function run(job) {
  let fn;
  let output = null;
  if (job.mode === "compile") {
    fn = () => new Compile(parse(job.template));
  } else {
    const compiled = new Compile(parse(job.template));
    const context = makeContext(job.event, job.body);
    fn = () => compiled.render(context);
    output = fn();
  }
  const once = Math.max(batch(fn, 1), 1);
  let spent = once;
  while (spent < job.warmup_ns) spent += batch(fn, 1);
  const number = Math.max(1, Math.floor(job.batch_ns / once));
  const samples = [];
  for (let i = 0; i < job.samples; i++) samples.push(batch(fn, number) / number);
  return { median_ns: median(samples), output };
}

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(run(JSON.parse(text))));
});
