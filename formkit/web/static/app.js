// Progressive enhancement of the upload form. Without this script the form posts as usual
// and the server answers with the whole page; with it, the clerk chooses files (the picker
// or a drop), sees their names, clicks 检查, and the results block is replaced in place.
//
// The chosen files live in `chosen`, not only in the input: a drop cannot always be put
// into the input, and the input must never be cleared behind the clerk's back (clearing it
// after a check made the next click on 检查 send nothing). Every choice and every check
// bumps `seq`; an answer is shown only while its number is still the latest, so an older
// answer never replaces a newer one, nor the results of files chosen since. The words shown
// come from the page (data-msg-*), which takes them from the catalogue.
"use strict";
(function () {
  const form = document.getElementById("upload");
  if (!form || !window.fetch || !window.FormData || !window.AbortController) return;
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const status = document.getElementById("status");
  const list = document.getElementById("chosen");
  const words = form.dataset;
  const limits = {
    file: Number(words.maxFile),
    request: Number(words.maxRequest),
    files: Number(words.maxFiles),
  };

  let chosen = [];
  let seq = 0;
  let inflight = null;

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  }

  function tooBig(files) {
    if (files.length > limits.files) return words.msgTooMany;
    let total = 0;
    for (const f of files) {
      if (f.size > limits.file) return say(words.msgFileTooLarge, { file: f.name });
      total += f.size;
    }
    return total > limits.request ? words.msgRequestTooLarge : "";
  }

  function results() {
    return document.getElementById("results");
  }

  function showRefusal(text) {
    const box = document.createElement("div");
    box.className = "refusal";
    box.setAttribute("role", "alert");
    const head = document.createElement("strong");
    head.textContent = words.msgRefused;
    box.append(head, text);
    results().replaceChildren(box);
    box.scrollIntoView({ block: "nearest" });
  }

  function busy(count) {
    status.textContent = count ? say(words.msgChecking, { count: count }) : "";
    if (count) form.setAttribute("aria-busy", "true");
    else form.removeAttribute("aria-busy");
  }

  function cancel() {
    seq += 1;
    if (inflight) inflight.abort();
    inflight = null;
    busy(0);
  }

  function showChosen(checked) {
    list.replaceChildren();
    list.hidden = !chosen.length;
    if (!chosen.length) return;
    const head = document.createElement("p");
    head.textContent = say(checked ? words.msgChecked : words.msgChosen, { count: chosen.length });
    const names = document.createElement("ul");
    for (const f of chosen) {
      const item = document.createElement("li");
      item.textContent = f.name;
      names.appendChild(item);
    }
    list.append(head, names);
  }

  function choose(files) {
    cancel(); // an answer for the files chosen before is no longer wanted
    chosen = Array.from(files);
    showChosen(false);
    results().replaceChildren(); // the old files' results never stand beside new files
  }

  async function check() {
    cancel();
    if (!chosen.length) { showRefusal(words.msgNoFiles); return; }
    const refusal = tooBig(chosen);
    if (refusal) { showRefusal(refusal); return; }
    const mine = seq;
    const control = new AbortController();
    inflight = control;
    const body = new FormData();
    for (const f of chosen) body.append("files", f, f.name);
    busy(chosen.length);
    try {
      const answer = await fetch(form.action, {
        method: "POST", body: body, headers: { "X-Formkit-Fragment": "1" },
        credentials: "same-origin", signal: control.signal,
      });
      const text = await answer.text();
      if (mine !== seq) return;
      if ((answer.headers.get("content-type") || "").startsWith("text/html")) {
        results().outerHTML = text;
        showChosen(true);
        results().scrollIntoView({ block: "start" }); // the headline, not the form, in view
      } else {
        showRefusal(text);
      }
    } catch (err) {
      if (mine === seq) showRefusal(words.msgNetwork);
    } finally {
      if (mine === seq) { inflight = null; busy(0); }
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); check(); });
  input.addEventListener("change", () => choose(input.files));
  for (const name of ["dragenter", "dragover"]) {
    drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("over"); });
  }
  for (const name of ["dragleave", "drop"]) {
    drop.addEventListener(name, () => drop.classList.remove("over"));
  }
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) choose(event.dataTransfer.files);
  });
  // a file dropped beside the zone must not make the browser open it in place of the page
  for (const name of ["dragover", "drop"]) {
    window.addEventListener(name, (event) => event.preventDefault());
  }
})();
