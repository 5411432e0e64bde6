// Progressive enhancement only: the page works the same without this file.
// Nothing here stores, sends or logs a secret; the paste is read in the page and the form
// is submitted as usual.
"use strict";

// the page's words for this script, in the page's language (see js_strings in app.py)
const WORDS = JSON.parse(document.body ? document.body.dataset.i18n || "{}" : "{}");
function word(key, values = {}) {
  let text = WORDS[key] || key;
  for (const [name, value] of Object.entries(values)) text = text.replace(`%(${name})s`, value);
  return text;
}

const NAMES = {
  aws_access_key_id: "access_key_id",
  aws_secret_access_key: "secret_access_key",
  aws_session_token: "session_token",
  aws_security_token: "session_token",
  accesskeyid: "access_key_id",
  secretaccesskey: "secret_access_key",
  sessiontoken: "session_token",
};
const KEY_ID = /^[A-Z0-9]{20}$/;
const SECRET = /^[A-Za-z0-9/+]{40}$/;
const TOKEN = /^[A-Za-z0-9/+=]{60,}$/;
const SECTION = /^\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]\s*$/;
const ASSIGNMENT = /^\s*(?:export\s+|set\s+|\$env:)?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*(.*?)\s*;?\s*$/i;

function unquote(value) {
  const v = value.trim();
  return v.length >= 2 && "\"'`".includes(v[0]) && v[0] === v[v.length - 1] ? v.slice(1, -1).trim() : v;
}

function fromJson(text) {
  let data;
  try { data = JSON.parse(text); } catch (e) { return null; }
  if (!data || typeof data !== "object") return null;
  const creds = data.Credentials && typeof data.Credentials === "object" ? data.Credentials : data;
  const out = {};
  for (const [k, v] of Object.entries(creds)) {
    const name = NAMES[k.toLowerCase()];
    if (name && typeof v === "string") out[name] = v;
  }
  return out.access_key_id ? { values: out } : null;
}

function fromAssignments(text) {
  const sections = new Map();
  let current = "";
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || /^\s*[#;]/.test(line)) continue;
    const header = SECTION.exec(line);
    if (header) { current = header[1]; continue; }
    const found = ASSIGNMENT.exec(line);
    if (found && NAMES[found[1].toLowerCase()]) {
      if (!sections.has(current)) sections.set(current, {});
      sections.get(current)[NAMES[found[1].toLowerCase()]] = unquote(found[2]);
    }
  }
  const withKeys = [...sections.entries()].filter(([, v]) => v.access_key_id);
  if (withKeys.length === 0) return null;
  if (withKeys.length > 1) return { profiles: withKeys.map(([name, values]) => ({ name, values })) };
  return { values: withKeys[0][1], profile: withKeys[0][0] };
}

function fromCsv(text) {
  const lines = text.trim().split(/\r?\n/);
  if (lines.length < 2) return null;
  const header = lines[0].split(",").map((h) => h.trim().toLowerCase());
  const row = lines[1].split(",").map((c) => c.trim());
  const key = header.indexOf("access key id");
  const secret = header.indexOf("secret access key");
  if (key < 0 || secret < 0) return null;
  return { values: { access_key_id: row[key], secret_access_key: row[secret] } };
}

function fromBare(text) {
  const parts = text.trim().split(/[\s,;]+/).filter(Boolean).map(unquote);
  if (parts.length !== 2 && parts.length !== 3) return null;
  const keys = parts.filter((p) => KEY_ID.test(p));
  const secrets = parts.filter((p) => SECRET.test(p) && !KEY_ID.test(p));
  const tokens = parts.filter((p) => TOKEN.test(p) && !secrets.includes(p));
  if (keys.length !== 1 || secrets.length !== 1 || parts.length - 2 !== tokens.length) return null;
  return { values: { access_key_id: keys[0], secret_access_key: secrets[0], session_token: tokens[0] || "" } };
}

// the same formats, in the same order, as credcheck/paste.py reads on the server
function parsePaste(text) {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!trimmed) return null;
  for (const parser of [fromJson, fromAssignments, fromCsv, fromBare]) {
    const found = parser(trimmed);
    if (found) return found;
  }
  return null;
}

function fillFields(form, values) {
  for (const name of ["access_key_id", "secret_access_key", "session_token"]) {
    const input = form.elements.namedItem(name);
    if (input) input.value = values[name] || "";
  }
}

function enhancePaste(form) {
  const pasted = form.elements.namedItem("pasted");
  const profile = form.elements.namedItem("profile");
  if (!pasted) return;
  const status = document.createElement("p");
  status.className = "note";
  status.setAttribute("role", "status");
  pasted.insertAdjacentElement("afterend", status);
  const update = () => {
    const found = parsePaste(pasted.value);
    if (!pasted.value.trim()) { status.textContent = ""; return; }
    if (!found) { status.textContent = word("none"); return; }
    if (found.profiles) {
      const wanted = profile && profile.value.trim();
      const chosen = found.profiles.find((p) => p.name === wanted);
      if (chosen) {
        fillFields(form, chosen.values);
        status.textContent = word("filledProfile", { name: chosen.name });
      } else {
        status.textContent = word("several", { names: found.profiles.map((p) => p.name).join(", ") });
      }
      return;
    }
    fillFields(form, found.values);
    status.textContent = word("filled");
  };
  pasted.addEventListener("input", update);
  if (profile) profile.addEventListener("input", update);
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // older browsers, or a page served over plain HTTP to another host
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

function enhanceCopyButtons() {
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await copyText(source.textContent.trim());
        button.textContent = word("copied");
      } catch (e) {
        button.textContent = word("copyFailed");
      }
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
}

function addShowHide(input) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "toggle";
  button.textContent = word("show");
  button.setAttribute("aria-controls", input.id);
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", () => {
    const shown = input.type === "text";
    input.type = shown ? "password" : "text";
    button.textContent = shown ? word("show") : word("hide");
    button.setAttribute("aria-pressed", String(!shown));
  });
  input.insertAdjacentElement("afterend", button);
  // never leave a secret showing when the form goes
  input.form.addEventListener("submit", () => { input.type = "password"; });
}

document.addEventListener("DOMContentLoaded", () => {
  enhanceCopyButtons();
  for (const id of ["secret_access_key", "session_token"]) {
    const input = document.getElementById(id);
    if (input) addShowHide(input);
  }
  const result = document.getElementById("result");
  if (result && result.dataset.console) {
    // the original page's console output, kept for those who look there
    if (result.dataset.ok === "true") console.log(result.dataset.console);
    else console.error(result.dataset.console);
    result.focus();
  }
  const form = document.querySelector("form.check-form");
  if (form) {
    enhancePaste(form);
    form.addEventListener("submit", () => {
      const button = form.querySelector("[type=submit]");
      if (button) {
        button.disabled = true;
        button.value = word("checking");
      }
    });
  }
});
