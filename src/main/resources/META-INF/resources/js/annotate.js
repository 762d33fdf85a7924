// Keyboard shortcuts of the annotation queue. Every action is also a plain button or link, so
// this file only maps keys to them; nothing here builds HTML from user content.
(() => {
  const root = document.querySelector("[data-annotate]");
  if (!root) return;
  const click = id => {
    const el = document.getElementById(id);
    if (el) el.click();
  };
  const focusEnd = id => {
    const el = document.getElementById(id);
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  };
  document.addEventListener("keydown", e => {
    const t = e.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || ["TEXTAREA", "INPUT", "SELECT"].includes(t.tagName));
    if (typing) {
      // Shortcuts never fire while typing; Ctrl+Enter saves the box, Escape leaves it.
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && t.form) {
        e.preventDefault();
        t.form.requestSubmit();
      } else if (e.key === "Escape") {
        t.blur();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const actions = {
      a: () => click("accept"),
      r: () => click("reject"),
      e: () => focusEnd("ideal"),
      n: () => focusEnd("note"),
      j: () => click("next"),
      ArrowRight: () => click("next"),
      k: () => click("prev"),
      ArrowLeft: () => click("prev"),
    };
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  });
})();
