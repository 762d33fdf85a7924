// The playground page. Every (prompt version × model) pair streams into its own panel from
// POST /api/complete/stream, one request per panel, so that one failing pair (an unknown model,
// a missing variable) never stops the others. Model output is only ever set as text.
(() => {
  "use strict";
  const $ = (css, root = document) => root.querySelector(css);
  const $$ = (css, root = document) => Array.from(root.querySelectorAll(css));

  const STATES = { waiting: "waiting", streaming: "streaming…", done: "done", error: "error", stopped: "stopped" };
  // Servers refuse request lines much beyond 4 KB; long variable texts stay out of the link.
  const MAX_LINK = 1800;

  let form, grid, status, controller = null;

  const prompts = () => $$("#pg-chips input[name=prompt]").map(i => ({ ref: i.value, version: i.dataset.version }));
  const models = () => $$("input[name=model]:checked").map(i => ({ name: i.value, priced: i.dataset.priced === "true" }));

  function variables() {
    const out = {};
    // An empty field is left out, so the prompt's default applies or the server names it as missing.
    $$("#pg-vars textarea").forEach(t => { if (t.value !== "") out[t.name.slice("var.".length)] = t.value; });
    return out;
  }

  /** The params to send, or null when one is invalid (the field then says why). */
  function params() {
    const out = {};
    let ok = true;
    $$(".pg-param").forEach(box => {
      const name = box.dataset.param;
      const number = $("#" + name + "-value");
      const problem = paramProblem(box, number.value);
      number.setAttribute("aria-invalid", String(problem !== null));
      box.classList.toggle("invalid", problem !== null);
      if (problem) {
        ok = false;
        hint(box, problem);
      } else if ($("#set-" + name).checked) {
        out[name] = Number(number.value);
      }
    });
    return ok ? out : null;
  }

  function paramProblem(box, text) {
    if (!$("#set-" + box.dataset.param).checked) return null;
    const range = $("input[type=range]", box);
    const value = Number(text);
    const label = $("label", box).textContent;
    const whole = range.step === "1";
    if (text.trim() === "" || !Number.isFinite(value) || value < Number(range.min) || (!whole && value > Number(range.max))
        || (whole && !Number.isInteger(value))) {
      return whole ? `${label} must be a whole number of at least ${range.min}.`
                   : `${label} must be a number from ${range.min} to ${range.max}.`;
    }
    return null;
  }

  function hint(box, text) {
    $(".pg-hint", box).textContent = text;
  }

  function query(withVariables) {
    const q = new URLSearchParams();
    prompts().forEach(p => q.append("prompt", p.ref));
    models().forEach(m => q.append("model", m.name));
    $$(".pg-param").forEach(box => {
      const name = box.dataset.param;
      if ($("#set-" + name).checked) q.append(name, $("#" + name + "-value").value);
    });
    if (withVariables) Object.entries(variables()).forEach(([k, v]) => q.append("var." + k, v));
    return q;
  }

  /** The address bar always holds the current setup, so copying it shares the playground. */
  function syncUrl() {
    let q = query(true).toString();
    if (q.length > MAX_LINK) q = query(false).toString();
    q = q.replace(/%40/g, "@");
    history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
  }

  // --- choosing prompts -------------------------------------------------------------------

  /** Asks the server for the chips and the variables form of these references; keeps typed values. */
  async function choose(refs) {
    const typed = {};
    $$("#pg-vars textarea").forEach(t => { typed[t.name] = t.value; });
    const q = new URLSearchParams();
    refs.forEach(r => q.append("prompt", r));
    let html;
    try {
      const res = await fetch("/playground/selection?" + q);
      if (!res.ok) throw new Error("HTTP " + res.status);
      html = await res.text();
    } catch (e) {
      say("Could not load the prompt versions (" + e.message + ").");
      return;
    }
    // The fragment is rendered (and escaped) by the server's checked template.
    const doc = new DOMParser().parseFromString(html, "text/html");
    ["#pg-chips", "#pg-vars"].forEach(id => $(id).replaceWith(document.adoptNode($(id, doc))));
    $$("#pg-vars textarea").forEach(t => { if (typed[t.name] !== undefined) t.value = typed[t.name]; });
    syncUrl();
  }

  function addTyped() {
    const input = $("#pg-add-prompt");
    const ref = input.value.trim();
    if (!ref) return;
    const refs = prompts().map(p => p.ref);
    if (!refs.includes(ref)) refs.push(ref);
    input.value = "";
    choose(refs).then(() => input.focus());
  }

  function wirePicker() {
    const input = $("#pg-add-prompt");
    $("#pg-add").addEventListener("click", addTyped);
    input.addEventListener("keydown", e => {
      if (e.key === "Enter") {
        e.preventDefault();
        addTyped();
      }
    });
    // Picking a suggestion from the list adds it at once; typing does not.
    input.addEventListener("input", e => {
      const picked = !e.inputType || e.inputType === "insertReplacementText";
      if (picked && $$("#pg-refs option").some(o => o.value === input.value)) addTyped();
    });
    form.addEventListener("click", e => {
      const remove = e.target.closest(".pg-remove");
      if (!remove) return;
      const refs = prompts().map(p => p.ref).filter(r => r !== remove.dataset.ref);
      choose(refs).then(() => input.focus());
    });
  }

  // --- parameters -------------------------------------------------------------------------

  function wireParams() {
    $$(".pg-param").forEach(box => {
      const name = box.dataset.param;
      const set = $("#set-" + name), range = $("#" + name), number = $("#" + name + "-value");
      const mark = on => {
        set.checked = on;
        box.classList.toggle("unset", !on);
        box.classList.remove("invalid");
        number.removeAttribute("aria-invalid");
        hint(box, on ? "Sent with every call." : "Off: each prompt's and profile's own value.");
        syncUrl();
      };
      // Moving the slider or typing a value means "use this value": it switches the override on.
      range.addEventListener("input", () => { number.value = range.value; mark(true); });
      number.addEventListener("input", () => {
        if (number.value !== "") range.value = number.value;
        mark(true);
        const problem = paramProblem(box, number.value);
        if (problem) hint(box, problem);
      });
      set.addEventListener("change", () => mark(set.checked));
    });
  }

  // --- readiness --------------------------------------------------------------------------

  /** Asks for each profile's readiness apart: a slow server delays only its own badge. */
  function checkModels() {
    $$("[data-ready-for]").forEach(badge => {
      const name = badge.dataset.readyFor;
      const detail = $$("[data-ready-detail-for]").find(d => d.dataset.readyDetailFor === name);
      fetch("/api/models/" + encodeURIComponent(name) + "?check=true")
        .then(r => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
        .then(p => {
          badge.textContent = p.ready ? "ready" : "not ready";
          badge.className = "pg-ready badge " + (p.ready ? "pass" : "sev-warning");
          if (detail) detail.textContent = p.ready ? "" : p.detail || "";
        })
        .catch(e => {
          badge.textContent = "unknown";
          if (detail) detail.textContent = "Readiness check failed: " + e.message;
        });
    });
  }

  // --- running ----------------------------------------------------------------------------

  function say(text) {
    status.textContent = text;
  }

  function panel(prompt, model) {
    const node = $("#pg-panel").content.firstElementChild.cloneNode(true);
    $(".pg-panel-ref", node).textContent = prompt.ref;
    $(".pg-v", node).textContent = prompt.version ? "v" + prompt.version : "";
    $(".pg-panel-model", node).textContent = model.name;
    node.setAttribute("aria-label", prompt.ref + " on " + model.name);
    grid.append(node);
    return node;
  }

  function setState(node, state) {
    node.dataset.state = state;
    $(".pg-panel-state", node).textContent = STATES[state];
  }

  function fail(node, message) {
    const error = $(".pg-error", node);
    error.textContent = message;
    error.hidden = false;
    setState(node, "error");
  }

  function ms(value) {
    if (value === null || value === undefined) return "—";
    return value < 1000 ? value + " ms" : (value / 1000).toFixed(2) + " s";
  }

  function money(cost) {
    if (cost === null || cost === undefined) return "—";
    if (cost === 0) return "$0";
    const digits = Math.min(10, Math.max(2, 1 - Math.floor(Math.log10(cost))));
    return "$" + cost.toFixed(digits);
  }

  function finish(node, output, model) {
    const stat = name => $(`[data-stat="${name}"]`, node);
    stat("in").textContent = output.usage ? output.usage.inputTokens : "—";
    stat("out").textContent = output.usage ? output.usage.outputTokens : "—";
    stat("first").textContent = ms(output.firstTokenMs);
    stat("total").textContent = ms(output.latencyMs);
    // A profile without prices has no honest cost: a dash, not $0.
    stat("cost").textContent = model.priced ? money(output.cost) : "—";
    if (output.finishReason === "length") {
      const cut = document.createElement("p");
      cut.className = "pg-note";
      cut.textContent = "Cut short at the max tokens limit.";
      $(".pg-output", node).after(cut);
    }
    setState(node, "done");
  }

  /** One server-sent event, as the SSE format defines it. */
  function parseEvent(raw) {
    let event = "message";
    const data = [];
    for (const line of raw.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    return { event, data: data.join("\n") };
  }

  /** Applies one event to its panel; answers the panel's outcome once it has one. */
  function apply(node, { event, data }, model) {
    if (!data) return null;
    const body = JSON.parse(data);
    const out = $(".pg-output", node);
    switch (event) {
      case "token": {
        if (node.dataset.state !== "streaming") setState(node, "streaming");
        const atBottom = out.scrollHeight - out.scrollTop - out.clientHeight < 8;
        out.append(body.text); // a text node: markup in the output stays text
        if (atBottom) out.scrollTop = out.scrollHeight;
        return null;
      }
      case "done":
        if (body.text && !out.textContent) out.textContent = body.text;
        if (body.error) {
          fail(node, body.error);
          return "error";
        }
        finish(node, body, model);
        return "done";
      case "result":
        if (body.version) $(".pg-v", node).textContent = "v" + body.version;
        return null;
      case "error":
        fail(node, body.detail || "The run failed.");
        return "error";
      default:
        return null;
    }
  }

  async function problem(res) {
    try {
      const body = await res.json();
      return body.detail || body.title || "HTTP " + res.status;
    } catch (e) {
      return "Oro answered HTTP " + res.status + ".";
    }
  }

  async function stream(node, request, model, signal) {
    try {
      const res = await fetch("/api/complete/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(request),
        signal,
      });
      if (!res.ok) {
        fail(node, await problem(res));
        return "error";
      }
      setState(node, "streaming");
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      let outcome = null;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        // JSON data never holds a raw CR, so dropping them normalises CRLF line ends.
        buffer += value.replace(/\r/g, "");
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          outcome = apply(node, parseEvent(buffer.slice(0, cut)), model) || outcome;
          buffer = buffer.slice(cut + 2);
        }
      }
      if (!outcome) {
        fail(node, "The stream ended before the model finished.");
        return "error";
      }
      return outcome;
    } catch (e) {
      if (e.name === "AbortError") {
        if (node.dataset.state !== "done" && node.dataset.state !== "error") setState(node, "stopped");
        return "stopped";
      }
      fail(node, "Could not reach the Oro server: " + e.message);
      return "error";
    }
  }

  function running(on) {
    $("#pg-run").disabled = on;
    $("#pg-stop").disabled = !on;
    grid.setAttribute("aria-busy", String(on));
  }

  function run() {
    if (controller) return;
    const chosen = prompts(), picked = models();
    if (!chosen.length || !picked.length) {
      say(!chosen.length ? "Choose at least one prompt version first." : "Choose at least one model first.");
      return;
    }
    const p = params();
    if (p === null) {
      say("Fix the parameters first.");
      return;
    }
    syncUrl();
    // Empty required fields are marked; the run still goes ahead, and each panel names what is missing.
    $$("#pg-vars textarea[aria-required]").forEach(t => t.setAttribute("aria-invalid", String(t.value === "")));
    const vars = variables();
    controller = new AbortController();
    const signal = controller.signal;
    grid.replaceChildren();
    const started = performance.now();
    const runs = [];
    for (const prompt of chosen) {
      for (const model of picked) {
        const request = { prompt: prompt.ref, variables: vars, models: [model.name], params: p };
        runs.push(stream(panel(prompt, model), request, model, signal));
      }
    }
    running(true);
    say(`Running ${runs.length} ${runs.length === 1 ? "panel" : "panels"}…`);
    Promise.all(runs).then(outcomes => {
      controller = null;
      running(false);
      const count = what => outcomes.filter(o => o === what).length;
      const parts = [count("done") + " done"];
      if (count("error")) parts.push(count("error") + " failed");
      if (count("stopped")) parts.push(count("stopped") + " stopped");
      say(`Finished in ${ms(Math.round(performance.now() - started))}: ${parts.join(", ")}.`);
    });
  }

  function copyLink() {
    syncUrl();
    const done = text => say(text);
    if (!navigator.clipboard) {
      done("Copy the address bar to share this playground.");
      return;
    }
    navigator.clipboard.writeText(location.href).then(() => done("Link copied."),
      () => done("Copy the address bar to share this playground."));
  }

  document.addEventListener("DOMContentLoaded", () => {
    form = $("#pg-form");
    if (!form) return;
    grid = $("#pg-grid");
    status = $("#pg-status");
    form.addEventListener("submit", e => {
      e.preventDefault();
      run();
    });
    document.addEventListener("keydown", e => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        run();
      }
    });
    $("#pg-stop").addEventListener("click", () => controller && controller.abort());
    $("#pg-copy").addEventListener("click", copyLink);
    form.addEventListener("change", e => { if (e.target.name === "model") syncUrl(); });
    form.addEventListener("input", e => {
      if (!e.target.matches("#pg-vars textarea")) return;
      e.target.removeAttribute("aria-invalid");
      syncUrl();
    });
    wirePicker();
    wireParams();
    checkModels();
  });
})();
