// The run pages' own script: the pass-rate chart and the diff rows. htmx does the loading.
(() => {
  // Interval whiskers: a line from each bar's low to its high bound, with caps, drawn over the bars.
  const intervals = {
    id: "oroIntervals",
    afterDatasetsDraw(chart, args, opts) {
      const { ctx, scales: { x } } = chart;
      ctx.save();
      ctx.strokeStyle = "#1d1d1f";
      ctx.lineWidth = 1.5;
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const lo = x.getPixelForValue(opts.lows[i]);
        const hi = x.getPixelForValue(opts.highs[i]);
        const y = bar.y;
        const cap = Math.min(7, bar.height / 3);
        ctx.beginPath();
        ctx.moveTo(lo, y); ctx.lineTo(hi, y);
        ctx.moveTo(lo, y - cap); ctx.lineTo(lo, y + cap);
        ctx.moveTo(hi, y - cap); ctx.lineTo(hi, y + cap);
        ctx.stroke();
      });
      ctx.restore();
    }
  };

  const colour = rate => rate >= 80 ? "#4caf72" : rate >= 50 ? "#e0b23c" : "#e06a55";
  // Variant labels share their middle more often than their ends (prompt@version … params): elide the middle.
  const shorten = (label, max) => label.length <= max ? label
    : label.slice(0, Math.ceil(max / 2) - 1) + "…" + label.slice(label.length - Math.floor(max / 2));

  function drawChart(canvas) {
    if (typeof Chart === "undefined" || Chart.getChart(canvas)) return;
    const d = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: d.labels,
        datasets: [{ label: "Pass rate %", data: d.rates, backgroundColor: d.rates.map(colour), borderRadius: 3, barPercentage: 0.7 }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: 100, ticks: { callback: v => v + "%" }, grid: { color: "#eee" } },
          y: { ticks: { callback(value) { return shorten(this.getLabelForValue(value), this.chart.width < 560 ? 20 : 44); } }, grid: { display: false } }
        },
        plugins: {
          legend: { display: false },
          oroIntervals: { lows: d.lows, highs: d.highs },
          tooltip: { callbacks: { label: c => `${c.parsed.x}% passed (95% CI ${d.lows[c.dataIndex]}–${d.highs[c.dataIndex]}%)` } }
        }
      },
      plugins: [intervals]
    });
  }

  // A diff row is loaded once by htmx; the button then only shows or hides it.
  document.addEventListener("click", event => {
    const button = event.target.closest("button.diff-toggle");
    if (!button) return;
    const row = document.getElementById(button.getAttribute("aria-controls"));
    if (!row) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    row.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide diff" : "Diff outputs";
  });

  // A rating is saved by its thumb buttons; Enter in the comment must not submit the form to the page.
  document.addEventListener("submit", event => {
    if (event.target.matches("form.rating")) event.preventDefault();
  });

  // Deferred scripts run before htmx's first load event, so this also sees the first page.
  if (window.htmx) {
    htmx.onLoad(root => root.querySelectorAll("canvas[data-chart]").forEach(drawChart));
  }
})();
