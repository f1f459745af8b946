// Charts with Chart.js (its UMD file sets window.Chart). Suppressed cells ("<5") have no number, so
// a chart leaves them out; the table beside every chart shows them. Without Chart.js the tables remain.

const COLOURS = {
  blauw: '#1f5f8b',
  groen: '#2e7d32',
  rood: '#c62828',
  grijs: '#8a8f98',
  oranje: '#e08a00',
};

const charts = new Map();

function draw(canvasId, config) {
  const Chart = window.Chart;
  const canvas = document.getElementById(canvasId);
  if (Chart === undefined || canvas === null) return;
  charts.get(canvasId)?.destroy();
  // No animation: the page is read, printed and photographed as it is, not watched.
  const options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
  charts.set(canvasId, new Chart(canvas, { ...config, options }));
}

const numberOrNull = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** One bar per label, vertical or horizontal. */
export function barChart(canvasId, { labels, values, label, colour = 'blauw', horizontal = false, max }) {
  draw(canvasId, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values.map(numberOrNull), backgroundColor: COLOURS[colour] }] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: false } },
      scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ...(max === undefined ? {} : { max }), ticks: { precision: 0 } } },
    },
  });
}

/** Stacked bars: `series` is [{ label, values, colour }]. */
export function stackedChart(canvasId, { labels, series, horizontal = false }) {
  draw(canvasId, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({ label: s.label, data: s.values.map(numberOrNull), backgroundColor: COLOURS[s.colour] })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      scales: {
        [horizontal ? 'y' : 'x']: { stacked: true },
        [horizontal ? 'x' : 'y']: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}
