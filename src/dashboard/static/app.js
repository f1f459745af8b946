// The dashboard: log in with an API key, choose a period and filters, and read the figures of
// /kwaliteit/* as charts and tables. Every number carries a data-testid, so a test can compare
// the page with the API. The page computes nothing the API did not give: no sums over suppressed
// cells, no figures of other parties beyond the aggregated rows the API returns.
import { ApiError, apiUrl, forgetKey, getJson, storedKey, storeKey } from './api.js';
import { barChart, stackedChart } from './charts.js';
import { byCountDescending, count, dayAfterMonth, firstDay, isCount, moment, month, monthBefore, monthsNewestFirst, share } from './format.js';

const TOP = 10;
const PAGE = 50;

const $ = (id) => document.getElementById(id);

/** An element with attributes and children; text always goes in as text, never as markup. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}

function setStatus(state, text) {
  document.body.dataset.status = state;
  $('status').textContent = text;
}

/** Test ids name the row: its value, and '-overig' for the aggregated rows of other parties. */
function testId(prefix, value, own) {
  return `${prefix}-${value}${own ? '' : '-overig'}`;
}

/**
 * A count in a table cell. A count the caller may open becomes a button that lists the messages
 * behind it; a suppressed cell ("<5") or another party's figure stays plain text.
 */
function countCell(value, id, drill, format = count) {
  if (value === undefined) return el('td', { class: 'num' });
  const text = format(value);
  if (drill === undefined || !isCount(value) || value === 0) {
    return el('td', { class: 'num' }, el('span', { 'data-testid': id, class: isCount(value) ? 'getal' : 'getal onderdrukt' }, text));
  }
  const button = el('button', { type: 'button', class: 'getal klikbaar', 'data-testid': id, title: 'Toon de berichten' }, text);
  button.addEventListener('click', () => showMessages(drill));
  return el('td', { class: 'num' }, button);
}

function fillTable(tableId, headers, rows) {
  const table = $(tableId);
  table.tHead.rows[0].replaceChildren(...headers.map((h) => el('th', { class: h.num ? 'num' : undefined }, h.text)));
  table.tBodies[0].replaceChildren(...rows);
  if (rows.length === 0) table.tBodies[0].append(el('tr', {}, el('td', { colspan: headers.length, class: 'leeg' }, 'Geen gegevens in deze periode.')));
}

function sectionError(tableId, err) {
  const table = $(tableId);
  const columns = Math.max(1, table.tHead.rows[0].cells.length);
  table.tBodies[0].replaceChildren(el('tr', {}, el('td', { colspan: columns, class: 'fout' }, `Niet beschikbaar: ${err.message}`)));
}

// ---------------------------------------------------------------------------------------------
// State: the code meanings and who is logged in; the filters live in the form.

const state = { codes: null, drill: null };

function filters() {
  return { van: $('filter-van').value, tot: $('filter-tot').value, regio: $('filter-regio').value, type: $('filter-type').value };
}

function period(f) {
  return { van: firstDay(f.van), tot: dayAfterMonth(f.tot) };
}

/** Options of a select from the rows of a breakdown, keeping the current choice. */
function fillOptions(selectId, values) {
  const select = $(selectId);
  const chosen = select.value;
  const options = [...new Set([...values, ...(chosen === '' ? [] : [chosen])])].sort();
  select.replaceChildren(el('option', { value: '' }, 'Alle'), ...options.map((v) => el('option', { value: v }, v)));
  select.value = chosen;
}

/**
 * The rows of one dimension as own and others' counts per value: a party's own figures and the
 * aggregate of everyone else come as separate rows with the same value.
 */
function pivot(rows, dim) {
  const byValue = new Map();
  for (const r of rows) {
    const entry = byValue.get(r[dim]) ?? { value: r[dim], own: undefined, others: undefined };
    if (r.eigen) entry.own = r.aantal;
    else entry.others = r.aantal;
    byValue.set(r[dim], entry);
  }
  return [...byValue.values()];
}

/** Columns for own and others' counts; one plain column when the caller sees only its own rows (the ketenbureau sees all as its own). */
function countHeaders(entries) {
  const others = entries.some((e) => e.others !== undefined);
  return others
    ? [{ text: 'Eigen', num: true }, { text: 'Overige partijen', num: true }]
    : [{ text: 'Defecten', num: true }];
}

function countSeries(entries, label) {
  const others = entries.some((e) => e.others !== undefined);
  const series = [{ label: others ? 'Eigen' : label, values: entries.map((e) => e.own), colour: 'blauw' }];
  if (others) series.push({ label: 'Overige partijen', values: entries.map((e) => e.others), colour: 'grijs' });
  return series;
}

// ---------------------------------------------------------------------------------------------
// Sections.

/**
 * What a drill-down asks /kwaliteit/berichten: the row's own filter, the type filter, and the
 * months of the period (that endpoint takes a month, not a period). Without a regio filter only:
 * the messages cannot be asked per regio, and a list of other regio's messages would mislead.
 */
function drillFor(f, label, params, months) {
  if (f.regio !== '') return undefined;
  return { label, params: { ...params, type: f.type }, months: months ?? monthsNewestFirst(period(f).van, period(f).tot) };
}

function renderMonths(result, f) {
  const entries = pivot(result.rijen, 'maand').sort((a, b) => a.value.localeCompare(b.value));
  document.querySelector('[data-testid="defecten-totaal"]').textContent = count(result.totaal);
  $('totaal-onvolledig').hidden = result.totaalVolledig !== false;
  stackedChart('grafiek-maand', { labels: entries.map((e) => month(e.value)), series: countSeries(entries, 'Defecten') });
  const headers = countHeaders(entries);
  fillTable(
    'tabel-maand',
    [{ text: 'Maand' }, ...headers],
    entries.map((e) =>
      el(
        'tr',
        {},
        el('td', {}, month(e.value)),
        countCell(e.own, testId('defecten-maand', e.value, true), drillFor(f, `defecten in ${month(e.value)}`, {}, [e.value])),
        ...(headers.length > 1 ? [countCell(e.others, testId('defecten-maand', e.value, false))] : []),
      ),
    ),
  );
}

function renderGemeenten(result) {
  const rows = [...result.rijen].sort(byCountDescending((r) => r.aantal));
  const mixed = rows.some((r) => !r.eigen);
  barChart('grafiek-gemeente', { labels: rows.map((r) => r.gemeente), values: rows.map((r) => r.aantal), label: 'Defecten', horizontal: true });
  fillTable(
    'tabel-gemeente',
    [{ text: 'Gemeente' }, { text: 'Defecten', num: true }],
    rows.map((r) =>
      el(
        'tr',
        { class: r.eigen ? 'eigen' : undefined },
        el('td', {}, r.gemeente, r.eigen && mixed ? el('span', { class: 'label' }, 'eigen') : ''),
        countCell(r.aantal, testId('defecten-gemeente', r.gemeente, r.eigen)),
      ),
    ),
  );
}

/** Top rules or top retourcodes, each with its meaning from /kwaliteit/codes. */
function renderTop(dim, result, f) {
  const meanings = (dim === 'regel' ? state.codes?.regels : state.codes?.retourcodes) ?? {};
  const rank = (e) => (isCount(e.own) ? e.own : 0) + (isCount(e.others) ? e.others : 0);
  const entries = pivot(result.rijen, dim)
    .sort((a, b) => rank(b) - rank(a) || String(a.value).localeCompare(String(b.value)))
    .slice(0, TOP);
  const series = countSeries(entries, 'Defecten');
  series[0].colour = dim === 'regel' ? 'oranje' : 'rood';
  stackedChart(`grafiek-${dim}`, { labels: entries.map((e) => e.value), series, horizontal: true });
  const headers = countHeaders(entries);
  fillTable(
    `tabel-${dim}`,
    [{ text: dim === 'regel' ? 'Regel' : 'Retourcode' }, { text: 'Betekenis' }, ...headers],
    entries.map((e) =>
      el(
        'tr',
        {},
        el('td', { class: 'code' }, e.value),
        el('td', { 'data-testid': `betekenis-${dim}-${e.value}` }, meanings[e.value] ?? 'Onbekende code'),
        countCell(e.own, testId(`defecten-${dim}`, e.value, true), drillFor(f, `${dim} ${e.value}`, { [dim]: e.value })),
        ...(headers.length > 1 ? [countCell(e.others, testId(`defecten-${dim}`, e.value, false))] : []),
      ),
    ),
  );
}

function renderSenders(result) {
  const rows = [...result.rijen].sort((a, b) => Number(b.eigen) - Number(a.eigen) || String(a.afzender).localeCompare(String(b.afzender)));
  barChart('grafiek-afzender', {
    labels: rows.map((r) => r.afzender),
    values: rows.map((r) => (isCount(r.aandeel) ? Math.round(r.aandeel * 1000) / 10 : null)),
    label: 'Eerste keer goed (%)',
    colour: 'groen',
    max: 100,
  });
  fillTable(
    'tabel-afzender',
    [{ text: 'Afzender' }, { text: 'Berichten', num: true }, { text: 'Eerste keer goed', num: true }, { text: 'Aandeel', num: true }],
    rows.map((r) => {
      const id = testId('eerste-keer', r.afzender, r.eigen);
      return el(
        'tr',
        { class: r.eigen ? 'eigen' : undefined },
        el('td', {}, r.afzender),
        countCell(r.berichten, `${id}-berichten`),
        countCell(r.eersteKeerGoed, `${id}-goed`),
        countCell(r.aandeel, `${id}-aandeel`, undefined, share),
      );
    }),
  );
}

function renderDeadlines(result) {
  const rows = [...result.rijen].sort((a, b) => a.maand.localeCompare(b.maand) || String(a.partij).localeCompare(String(b.partij)) || String(a.soort).localeCompare(String(b.soort)));
  const months = [...new Set(rows.map((r) => r.maand))];
  // Summed per month from the numbers only; a suppressed cell cannot be added and is in the table.
  const sum = (field) => months.map((m) => rows.filter((r) => r.maand === m && isCount(r[field])).reduce((total, r) => total + r[field], 0));
  stackedChart('grafiek-termijnen', {
    labels: months.map(month),
    series: [
      { label: 'Op tijd', values: sum('opTijd'), colour: 'groen' },
      { label: 'Te laat', values: sum('teLaat'), colour: 'rood' },
      { label: 'Open', values: sum('open'), colour: 'grijs' },
    ],
  });
  fillTable(
    'tabel-termijnen',
    [{ text: 'Partij' }, { text: 'Maand' }, { text: 'Soort' }, { text: 'Op tijd', num: true }, { text: 'Te laat', num: true }, { text: 'Open', num: true }],
    rows.map((r) => {
      const id = testId(`termijnen-${r.maand}-${r.soort}`, r.partij, r.eigen);
      return el(
        'tr',
        { class: r.eigen ? 'eigen' : undefined },
        el('td', {}, r.partij),
        el('td', {}, month(r.maand)),
        el('td', {}, r.soort),
        countCell(r.opTijd, `${id}-opTijd`),
        countCell(r.teLaat, `${id}-teLaat`),
        countCell(r.open, `${id}-open`),
      );
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Drill-down: the messages behind a number, as far as the API lets this caller see them.

function messageRow(item) {
  const link = el('a', { href: apiUrl(`berichten/${encodeURIComponent(item.id)}`), 'data-testid': 'bericht-link', 'data-id': item.id }, item.id);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    showDetail(item.id);
  });
  return el(
    'tr',
    { 'data-testid': 'bericht-rij' },
    el('td', {}, link),
    el('td', {}, item.type ?? ''),
    el('td', {}, moment(item.ontvangen)),
    el('td', {}, item.afzender ?? ''),
    el('td', {}, item.ontvanger ?? ''),
    el('td', {}, item.status ?? ''),
    el('td', {}, (item.retourcodes ?? []).join(', ')),
    el('td', {}, (item.regels ?? []).join(', ')),
  );
}

/** Shows a page of messages, newest month first; "Meer berichten" continues where it stopped. */
async function showMessages(drill, more = false) {
  if (!more) state.drill = { ...drill, month: 0, after: undefined };
  const d = state.drill;
  const body = $('tabel-berichten').tBodies[0];
  $('berichten').hidden = false;
  $('bericht-detail').hidden = true;
  $('berichten-selectie').textContent = d.label;
  if (!more) body.replaceChildren();
  setStatus('laden', 'Berichten laden…');
  try {
    let shown = 0;
    while (shown < PAGE && d.month < d.months.length) {
      const page = await getJson('kwaliteit/berichten', { ...d.params, maand: d.months[d.month], limit: PAGE - shown, after: d.after });
      body.append(...page.items.map(messageRow));
      shown += page.items.length;
      if (page.next === null || page.next === undefined) {
        d.month += 1;
        d.after = undefined;
      } else {
        d.after = page.next;
      }
    }
    $('berichten-leeg').hidden = body.rows.length > 0;
    $('berichten-meer').hidden = d.month >= d.months.length;
    setStatus('klaar', `${body.rows.length} bericht(en) getoond.`);
  } catch (err) {
    failed(err);
  }
  $('berichten').scrollIntoView({ block: 'start' });
}

/** One message's validation outcome from /berichten/:id: codes and Dutch texts, never the XML. */
async function showDetail(id) {
  const panel = $('bericht-detail');
  setStatus('laden', 'Bericht laden…');
  try {
    const detail = await getJson(`berichten/${encodeURIComponent(id)}`);
    const facts = [
      ['Bericht', detail.id],
      ['Type', detail.type ?? ''],
      ['Status', detail.status],
      ['Ontvangen', moment(detail.receivedAt)],
      ['Afzender', detail.afzender ?? ''],
      ['Ontvanger', detail.ontvanger ?? ''],
      ['Retourcodes', (detail.retourcodes ?? []).join(', ') || '–'],
    ];
    const fouten = detail.report?.fouten ?? [];
    panel.replaceChildren(
      el('h3', {}, 'Bericht ', el('span', { 'data-testid': 'detail-id' }, detail.id)),
      el('dl', {}, ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      fouten.length === 0
        ? el('p', {}, 'Geen fouten gevonden.')
        : el(
            'table',
            { 'data-testid': 'detail-fouten' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Regel'), el('th', {}, 'Retourcode'), el('th', { class: 'num' }, 'Regelnummer'), el('th', {}, 'Melding'))),
            el(
              'tbody',
              {},
              ...fouten.map((f) => el('tr', {}, el('td', { class: 'code' }, f.code), el('td', { class: 'code' }, f.retourcode), el('td', { class: 'num' }, f.line), el('td', {}, f.message))),
            ),
          ),
    );
    panel.hidden = false;
    setStatus('klaar', `Bericht ${detail.id} getoond.`);
  } catch (err) {
    failed(err);
  }
}

// ---------------------------------------------------------------------------------------------
// Loading.

function failed(err) {
  if (err instanceof ApiError && err.status === 401) {
    logout('De API-sleutel is niet (meer) geldig.');
    return;
  }
  setStatus('fout', `Fout: ${err.message}`);
}

/** Each section loads on its own: one unavailable figure does not blank the others. */
async function section(tableId, load) {
  try {
    await load();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) throw err;
    sectionError(tableId, err);
  }
}

function showWho(result) {
  document.querySelector('[data-testid="partij"]').textContent = result.perspectief?.partij ?? '';
  document.querySelector('[data-testid="rol"]').textContent = result.perspectief?.rol ?? '';
  for (const node of document.querySelectorAll('[data-testid="drempel"], .drempel')) node.textContent = count(result.drempel);
  $('wie').hidden = false;
}

async function load() {
  const f = filters();
  const p = period(f);
  const slice = { ...p, regio: f.regio, type: f.type };
  setStatus('laden', 'Gegevens laden…');
  $('berichten').hidden = true;
  try {
    state.codes ??= await getJson('kwaliteit/codes');
    const defects = (per) => getJson('kwaliteit/defecten', { ...slice, per });
    await Promise.all([
      section('tabel-maand', async () => {
        // The filter choices come from the period itself, unfiltered.
        const [regios, types, months] = await Promise.all([
          getJson('kwaliteit/defecten', { ...p, per: 'regio' }),
          getJson('kwaliteit/defecten', { ...p, per: 'type' }),
          defects('maand'),
        ]);
        fillOptions('filter-regio', regios.rijen.map((r) => r.regio).filter((r) => r && !r.startsWith('(')));
        fillOptions('filter-type', types.rijen.map((r) => r.type).filter((t) => /^JW\d{3}$/.test(t ?? '')));
        showWho(months);
        renderMonths(months, f);
      }),
      section('tabel-gemeente', async () => renderGemeenten(await defects('gemeente'))),
      section('tabel-regel', async () => renderTop('regel', await defects('regel'), f)),
      section('tabel-retourcode', async () => renderTop('retourcode', await defects('retourcode'), f)),
      section('tabel-afzender', async () => renderSenders(await getJson('kwaliteit/eerste-keer', { ...slice, per: 'afzender' }))),
      section('tabel-termijnen', async () => renderDeadlines(await getJson('kwaliteit/termijnen', p))),
    ]);
    setStatus('klaar', `Bijgewerkt: ${moment(new Date().toISOString())}.`);
  } catch (err) {
    failed(err);
  }
}

/** First view: the period the API chooses by default, shown in the filter fields. */
async function start() {
  $('inloggen').hidden = true;
  $('dashboard').hidden = false;
  setStatus('laden', 'Gegevens laden…');
  try {
    if ($('filter-van').value === '' || $('filter-tot').value === '') {
      const defaults = await getJson('kwaliteit/defecten', { per: 'maand' });
      $('filter-van').value = defaults.van.slice(0, 7);
      $('filter-tot').value = monthBefore(defaults.tot);
    }
    await load();
  } catch (err) {
    failed(err);
  }
}

function logout(message = '') {
  forgetKey();
  state.codes = null;
  $('dashboard').hidden = true;
  $('wie').hidden = true;
  $('inloggen').hidden = false;
  $('inlog-fout').textContent = message;
  document.body.dataset.status = message === '' ? 'uit' : 'fout';
}

$('inlog-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('api-sleutel').value.trim();
  if (key === '') return;
  storeKey(key);
  $('api-sleutel').value = '';
  $('inlog-fout').textContent = '';
  start();
});

$('uitloggen').addEventListener('click', () => logout());

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  if ($('filter-van').value > $('filter-tot').value) {
    setStatus('fout', 'De beginmaand ligt na de eindmaand.');
    return;
  }
  load();
});

$('berichten-sluiten').addEventListener('click', () => {
  $('berichten').hidden = true;
});

$('berichten-meer').addEventListener('click', () => {
  if (state.drill !== null) showMessages(state.drill, true);
});

if (storedKey() === null) logout();
else start();
