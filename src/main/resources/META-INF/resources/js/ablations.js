// The ablation page's chart: each rule's effect (Δ mean score) as a bar, its 95% interval as a whisker.
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("ablation-chart");
  if (!canvas || !window.Chart) return;
  const d = JSON.parse(canvas.dataset.chart);
  const colours = { HELPED: "#1f7a3a", HURT: "#b42318", NO_MEASURABLE_DIFFERENCE: "#a0a0a6" };
  const words = { HELPED: "helped", HURT: "hurt", NO_MEASURABLE_DIFFERENCE: "no measurable difference" };
  const fixed = v => (v >= 0 ? "+" : "") + v.toFixed(2);
  // Chart.js has no error bars of its own: draw each interval over its bar once the bars are drawn.
  const whiskers = {
    id: "whiskers",
    afterDatasetsDraw(chart) {
      const { ctx, scales: { x, y } } = chart;
      ctx.save();
      ctx.strokeStyle = "#1d1d1f";
      ctx.lineWidth = 1.5;
      d.labels.forEach((_, i) => {
        const yi = y.getPixelForValue(i);
        const lo = x.getPixelForValue(d.low[i]);
        const hi = x.getPixelForValue(d.high[i]);
        ctx.beginPath();
        ctx.moveTo(lo, yi); ctx.lineTo(hi, yi);
        ctx.moveTo(lo, yi - 6); ctx.lineTo(lo, yi + 6);
        ctx.moveTo(hi, yi - 6); ctx.lineTo(hi, yi + 6);
        ctx.stroke();
      });
      ctx.restore();
    }
  };
  canvas.parentElement.style.height = (d.labels.length * 40 + 70) + "px";
  new Chart(canvas, {
    type: "bar",
    data: { labels: d.labels, datasets: [{ label: "Δ mean score", data: d.estimate, backgroundColor: d.verdict.map(v => colours[v]) }] },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: -1, max: 1, title: { display: true, text: "Δ mean score (variant − base), 95% interval" } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: c => `${fixed(d.estimate[c.dataIndex])} [${fixed(d.low[c.dataIndex])}, ${fixed(d.high[c.dataIndex])}] · ${words[d.verdict[c.dataIndex]]}` } }
      }
    },
    plugins: [whiskers]
  });
  canvas.dataset.drawn = "true";
});
