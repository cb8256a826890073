// sopan's progressive enhancement: every form works without this file. With it, a draft is
// linted as it is typed, contradictions are explained as they are chosen, the text of a
// draft can be copied, and a send button cannot be pressed twice. Requests go to this server only (the page's policy allows no other).
"use strict";

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

async function post(url, data) {
  const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin" });
  return response.ok ? response.text() : null;
}

function replaceWith(id, html) {
  const old = document.getElementById(id);
  if (!old || html === null) return;
  const holder = document.createElement("div");
  holder.innerHTML = html;  // the server's own fragment, every text in it escaped
  const fresh = holder.firstElementChild;
  if (fresh) old.replaceWith(fresh); else old.replaceChildren();
}

document.querySelectorAll("textarea[data-lint-url]").forEach((area) => {
  const channel = area.dataset.channel;
  const lint = debounce(async () => {
    const data = new FormData();
    data.append("channel", channel);
    data.append("text", area.value);
    replaceWith("findings-" + channel, await post(area.dataset.lintUrl, data));
  }, 300);
  area.addEventListener("input", lint);
});

document.querySelectorAll("form[data-check-url]").forEach((form) => {
  const target = form.dataset.checkTarget;
  const check = debounce(async () => {
    const html = await post(form.dataset.checkUrl, new FormData(form));
    const box = document.getElementById(target);
    if (box && html !== null) box.innerHTML = html;
  }, 200);
  form.addEventListener("change", check);
});

document.querySelectorAll("button[data-copy]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) return;
    await navigator.clipboard.writeText(source.textContent);
    button.textContent = button.dataset.copied;
  });
});

// a form that must go once (sending an email): the button is turned off as it is pressed;
// the server sends it once whatever arrives, this only spares a second wait
document.querySelectorAll("form[data-once]").forEach((form) => {
  form.addEventListener("submit", () => {
    form.querySelectorAll("button[type=submit]").forEach((b) => {
      setTimeout(() => { b.disabled = true; }, 0);
    });
  });
});

// a file over the upload limit is said beside its field as it is chosen, and the form is
// not sent while it is chosen: the server would refuse it unread, and what was typed in
// the other fields stays as it is
document.querySelectorAll("input[type=file][data-max-bytes]").forEach((input) => {
  const limit = Number(input.dataset.maxBytes);
  const note = document.createElement("p");
  note.className = "error";
  note.id = input.id + "-too-big";
  note.setAttribute("role", "alert");
  note.hidden = true;
  input.after(note);
  const check = () => {
    const over = [...input.files].some((f) => f.size > limit);
    note.hidden = !over;
    note.textContent = over ? input.dataset.tooBig : "";
    if (over) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    return over;
  };
  input.addEventListener("change", check);
  input.form?.addEventListener("submit", (event) => {
    if (check()) { event.preventDefault(); input.focus(); }
  });
});

const summary = document.getElementById("error-summary");
if (summary) summary.focus();
