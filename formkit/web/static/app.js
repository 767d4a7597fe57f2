// Progressive enhancement of the upload form: drag and drop, a size check before sending,
// and the results block replaced in place. Without this script the form posts as usual.
"use strict";
(function () {
  const form = document.getElementById("upload");
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const status = document.getElementById("status");
  if (!form || !window.fetch || !window.FormData) return;

  const limits = {
    file: Number(form.dataset.maxFile),
    request: Number(form.dataset.maxRequest),
    files: Number(form.dataset.maxFiles),
  };
  const mb = (n) => (n / 1048576).toFixed(0);

  function tooBig(files) {
    if (files.length > limits.files) return "一次最多检查 " + limits.files + " 个文件，请分批上传";
    let total = 0;
    for (const f of files) {
      if (f.size > limits.file) return "文件“" + f.name + "”超过 " + mb(limits.file) + " MB 的上限，未检查";
      total += f.size;
    }
    if (total > limits.request) return "本次上传超过 " + mb(limits.request) + " MB 的上限，未检查";
    return "";
  }

  function showRefusal(text) {
    const results = document.getElementById("results");
    results.innerHTML = "";
    const box = document.createElement("div");
    box.className = "refusal";
    box.setAttribute("role", "alert");
    box.textContent = "未检查：" + text;
    results.appendChild(box);
  }

  async function send(files) {
    if (!files.length) { showRefusal("没有收到文件，请选择或拖入要检查的表单文件"); return; }
    const refusal = tooBig(files);
    if (refusal) { showRefusal(refusal); return; }
    const body = new FormData();
    for (const f of files) body.append("files", f, f.name);
    status.textContent = "正在检查 " + files.length + " 个文件…";
    form.setAttribute("aria-busy", "true");
    try {
      const answer = await fetch(form.action, {
        method: "POST", body: body, headers: { "X-Formkit-Fragment": "1" },
        credentials: "same-origin",
      });
      const html = await answer.text();
      if ((answer.headers.get("content-type") || "").startsWith("text/html")) {
        document.getElementById("results").outerHTML = html;
      } else {
        showRefusal(html);
      }
      status.textContent = "";
    } catch (err) {
      showRefusal("网络错误，未能完成检查，请重试");
      status.textContent = "";
    } finally {
      form.removeAttribute("aria-busy");
      input.value = "";
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); send(input.files); });
  input.addEventListener("change", () => { if (input.files.length) send(input.files); });
  for (const name of ["dragenter", "dragover"]) {
    drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("over"); });
  }
  for (const name of ["dragleave", "drop"]) {
    drop.addEventListener(name, () => drop.classList.remove("over"));
  }
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    send(event.dataTransfer.files);
  });
})();
