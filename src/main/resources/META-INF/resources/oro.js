// Small page helpers shared by every page. Page-specific code lives next to its page.
document.addEventListener("DOMContentLoaded", () => {
  // Mark the current section in the top navigation (longest matching prefix wins).
  const path = location.pathname;
  let best = null;
  document.querySelectorAll("header.top nav a[data-nav]").forEach(a => {
    const p = a.dataset.nav;
    const hit = p === "/" ? path === "/" || path.startsWith("/prompts") : path.startsWith(p);
    if (hit && (!best || p.length > best.dataset.nav.length)) best = a;
  });
  if (best) best.setAttribute("aria-current", "page");
});
