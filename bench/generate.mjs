#!/usr/bin/env node
/**
 * Deterministic generators of realistic, XSD-valid iJw 3.2 messages for the benchmarks.
 *
 *   node bench/generate.mjs [--count 2000] [--out bench/out] [--no-verify]
 *
 * writes bench/out/jw301/*.xml, bench/out/jw305/*.xml (one JW305 "start zorg" per JW301
 * "toewijzing", same client and toewijzingen), bench/out/jw323-25mb.xml (one monthly claim just
 * under the 25 MiB size limit, ~37,000 prestaties) and bench/out/manifest.json, then checks every
 * file with `xmllint --noout --schema` against the official XSDs (../shared/ijw-3.2/xsd) or, when
 * those are absent, against ours (schemas/ijw-3.2).
 *
 * All data is synthetic: BSNs are test numbers (999900006–999999990, elfproef-valid), AGB codes
 * and postcodes are made up, names come from a fixed list. Same parameters, same bytes.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const DEFAULT_OUT = join(BENCH_DIR, 'out');
/** DEFAULT_MAX_BYTES in src/validate/preflight.ts: a bigger file would be refused unread. */
export const SIZE_LIMIT = 25 * 1024 * 1024;
/** Where the JW323 stops growing: just under the limit, leaving room for the closing tags. */
export const JW323_TARGET_BYTES = SIZE_LIMIT - 64 * 1024;

const BASIS_NS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';
const msgNs = (prefix) => `http://www.istandaarden.nl/ijw/3_2/${prefix}/schema`;
/** The versions in the XSD appinfo, which IV034 has senders copy into XsdVersie. */
const XSD_VERSIE = '0.1.0';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and test BSNs

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** The elfproef of elfproef.md: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
export function elfproef(bsn) {
  if (!/^[0-9]{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  return (sum - Number(bsn[8])) % 11 === 0;
}

/** All elfproef-valid test BSNs (range 999900006–999999990) in ascending order. */
export function* testBsns() {
  for (let n = 99990000; n <= 99999999; n++) {
    const first8 = String(n);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(first8[i]);
    const check = sum % 11;
    if (check < 10) yield first8 + String(check);
  }
}

/** n distinct test BSNs, spread over the range with a fixed stride so neighbours differ. */
export function bsnList(n, offset = 0) {
  const all = [...testBsns()];
  if (n > all.length) throw new Error(`only ${all.length} test BSNs exist, ${n} asked`);
  const stride = 7; // coprime with the list length (9091), so the walk visits every BSN once
  const out = [];
  for (let i = 0; i < n; i++) out.push(all[(offset + i * stride) % all.length]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reference data (synthetic but plausible)

const GEMEENTEN = [
  { code: '0363', naam: 'Amsterdam', pc: [1011, 1109] },
  { code: '0599', naam: 'Rotterdam', pc: [3011, 3089] },
  { code: '0518', naam: "'s-Gravenhage", pc: [2491, 2599] },
  { code: '0344', naam: 'Utrecht', pc: [3511, 3585] },
  { code: '0772', naam: 'Eindhoven', pc: [5611, 5658] },
  { code: '0014', naam: 'Groningen', pc: [9711, 9747] },
  { code: '0855', naam: 'Tilburg', pc: [5011, 5049] },
  { code: '0034', naam: 'Almere', pc: [1311, 1358] },
  { code: '0758', naam: 'Breda', pc: [4811, 4839] },
  { code: '0268', naam: 'Nijmegen', pc: [6511, 6546] },
  { code: '0202', naam: 'Arnhem', pc: [6811, 6846] },
  { code: '0193', naam: 'Zwolle', pc: [8011, 8043] },
];
const AANBIEDERS = ['41250017', '42420001', '45320885', '47110213', '48770065', '98071234', '98412003', '98830117'];
const ACHTERNAMEN = [
  ['Jansen'], ['Vries', 'de'], ['Berg', 'van den'], ['Bakker'], ['Visser'], ['Smit'], ['Meijer'], ['Boer', 'de'],
  ['Mulder'], ['Groot', 'de'], ['Bos'], ['Vos'], ['Peters'], ['Hendriks'], ['Leeuwen', 'van'], ['Dekker'],
  ['Brouwer'], ['Wit', 'de'], ['Dijkstra'], ['Smits'], ['Graaf', 'de'], ['Meer', 'van der'], ['Kok'], ['Jacobs'],
  ['Haan', 'de'], ['Vermeulen'], ['Heuvel', 'van den'], ['Veen', 'van der'], ['Broek', 'van den'], ['Bruijn', 'de'],
  ['Jong', 'de'], ['El Amrani'], ['Yılmaz'], ['Öztürk'], ['Nguyen'], ['Kaya'], ['Bouzid'], ['Sedney'],
];
const VOORNAMEN_M = ['Daan', 'Sem', 'Liam', 'Noah', 'Lucas', 'Finn', 'Levi', 'Milan', 'Mohamed', 'Jesse', 'Thijs', 'Luuk', 'Ayoub', 'Björn'];
const VOORNAMEN_V = ['Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Yara', 'Noor', 'Fenna', 'Lina', 'Anaïs', 'Fatima'];
const OUDERNAMEN_M = ['Peter', 'Mark', 'Dennis', 'Erik', 'Youssef', 'Martijn', 'Kevin', 'Jeroen'];
const OUDERNAMEN_V = ['Linda', 'Sandra', 'Anouk', 'Samira', 'Esther', 'Iris', 'Marieke', 'Naima'];
const STRATEN = [
  'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Dorpsstraat', 'Julianalaan', 'Wilhelminastraat', 'Beatrixlaan', 'Stationsweg',
  'Van Woustraat', 'Lindenlaan', 'Eikenlaan', 'Parallelweg', 'Marktplein', 'Prins Hendrikkade', 'Nieuwe Binnenweg',
];
const TALEN = ['Arabisch', 'Turks', 'Pools', 'Engels', 'Tigrinya', 'Papiaments'];
const COMMENTAAR_CLIENT = [
  'Graag contact opnemen met moeder voor het intakegesprek.',
  'Client verblijft om de week bij vader; beide ouders hebben gezag.',
  'Afspraken bij voorkeur na schooltijd.',
  'Tolk gewenst bij het eerste gesprek.',
];
/** Products: category, code, unit (WJ756), frequency (WMO757), volume range, tariff in cents. */
const PRODUCTEN = [
  { cat: '45', code: '45A04', eenheid: '04', freq: '2', vol: [1, 6], tarief: 9_850, per: 'week' }, // ambulant, uren/week
  { cat: '45', code: '45A03', eenheid: '01', freq: '2', vol: [60, 360], tarief: 164, per: 'week' }, // ambulant, minuten/week
  { cat: '41', code: '41A05', eenheid: '16', freq: '2', vol: [1, 5], tarief: 6_720, per: 'week' }, // dagbehandeling, dagdelen
  { cat: '43', code: '43A02', eenheid: '14', freq: '4', vol: [28, 31], tarief: 27_400, per: 'month' }, // verblijf, etmalen/maand
  { cat: '54', code: '54001', eenheid: '01', freq: '2', vol: [60, 240], tarief: 178, per: 'week' }, // specialistische ggz
  { cat: '42', code: '42A01', eenheid: '82', freq: '2', vol: [2, 10], tarief: 2_150, per: 'week' }, // vervoer, ritten
];

// ---------------------------------------------------------------------------------------------
// Dates

const pad = (n, w = 2) => String(n).padStart(w, '0');
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d, n) => new Date(d.getTime() + n * 86_400_000);

// ---------------------------------------------------------------------------------------------
// A tiny XML writer: indentation with a configurable unit, text escaped.

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ESC[c]);

class Xml {
  constructor(indent = '\t') {
    this.parts = [];
    this.depth = 0;
    this.indent = indent;
  }
  open(name, attrs = '') {
    this.parts.push(`${this.indent.repeat(this.depth++)}<${name}${attrs}>\n`);
    return this;
  }
  close(name) {
    this.parts.push(`${this.indent.repeat(--this.depth)}</${name}>\n`);
    return this;
  }
  leaf(name, value) {
    if (value === undefined || value === null) return this;
    this.parts.push(`${this.indent.repeat(this.depth)}<${name}>${esc(value)}</${name}>\n`);
    return this;
  }
  toString() {
    return this.parts.join('');
  }
}

function header(x, p, { berichtCode, afzender, ontvanger, identificatie, dagtekening }) {
  x.open(`${p}:Header`)
    .leaf(`${p}:BerichtCode`, berichtCode)
    .leaf(`${p}:BerichtVersie`, '3')
    .leaf(`${p}:BerichtSubversie`, '2')
    .leaf(`${p}:Afzender`, afzender)
    .leaf(`${p}:Ontvanger`, ontvanger)
    .open(`${p}:BerichtIdentificatie`)
    .leaf('ijw:Identificatie', identificatie)
    .leaf('ijw:Dagtekening', dagtekening)
    .close(`${p}:BerichtIdentificatie`)
    .open(`${p}:XsdVersie`)
    .leaf('ijw:BasisschemaXsdVersie', XSD_VERSIE)
    .leaf('ijw:BerichtXsdVersie', XSD_VERSIE)
    .close(`${p}:XsdVersie`)
    .close(`${p}:Header`);
}

function begin(x, p) {
  x.parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  x.open(`${p}:Bericht`, ` xmlns:${p}="${msgNs(p)}" xmlns:ijw="${BASIS_NS}"`);
}

function naamXml(x, p, naam, { volledig }) {
  x.open(`${p}:Naam`).open('ijw:Geslachtsnaam').leaf('ijw:Achternaam', naam.achternaam).leaf('ijw:Voorvoegsel', naam.voorvoegsel).close('ijw:Geslachtsnaam');
  if (volledig && naam.partner) {
    x.open('ijw:Partnernaam').leaf('ijw:Achternaam', naam.partner.achternaam).leaf('ijw:Voorvoegsel', naam.partner.voorvoegsel).close('ijw:Partnernaam');
  }
  x.leaf('ijw:Voornamen', naam.voornamen).leaf('ijw:Voorletters', naam.voorletters);
  if (volledig) x.leaf('ijw:NaamGebruik', naam.partner ? '4' : '1');
  x.close(`${p}:Naam`);
}

function persoonsnaam(r, voornamen, achternaam) {
  const [a, v] = achternaam ?? r.pick(ACHTERNAMEN);
  const voornaam = r.pick(voornamen);
  const tweede = r.chance(0.4) ? r.pick(voornamen) : null;
  const namen = tweede && tweede !== voornaam ? `${voornaam} ${tweede}` : voornaam;
  const voorletters = namen.split(' ').map((n) => n[0]).join('').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return { achternaam: a, voorvoegsel: v, voornamen: namen, voorletters };
}

function adres(r, gemeente, huisnummer) {
  const pc = `${r.int(gemeente.pc[0], gemeente.pc[1])}${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}`;
  return {
    huisnummer,
    huisletter: r.chance(0.1) ? r.pick(['A', 'B', 'C']) : undefined,
    toevoeging: r.chance(0.1) ? r.pick(['1', '2', 'HS', 'BIS']) : undefined,
    postcode: pc,
    straat: r.pick(STRATEN),
    plaats: gemeente.naam === "'s-Gravenhage" ? 'Den Haag' : gemeente.naam,
  };
}

function contactXml(x, p, c) {
  x.open(`${p}:Contact`).leaf(`${p}:Soort`, c.soort).open(`${p}:Adres`).open('ijw:Huis').leaf('ijw:Huisnummer', c.adres.huisnummer)
    .leaf('ijw:Huisletter', c.adres.huisletter).leaf('ijw:HuisnummerToevoeging', c.adres.toevoeging).close('ijw:Huis')
    .leaf('ijw:Postcode', c.adres.postcode).leaf('ijw:Straatnaam', c.adres.straat).leaf('ijw:Plaatsnaam', c.adres.plaats)
    .leaf('ijw:LandCode', 'NL').close(`${p}:Adres`);
  if (c.telefoon) {
    x.open(`${p}:Telefoon`).open('ijw:Telefoon01').leaf('ijw:Telefoonnummer', c.telefoon).leaf('ijw:Landnummer', '0031').close('ijw:Telefoon01').close(`${p}:Telefoon`);
  }
  x.leaf(`${p}:Emailadres`, c.email).close(`${p}:Contact`);
}

// ---------------------------------------------------------------------------------------------
// JW301 toewijzing and the matching JW305 start zorg

/**
 * The facts of one toewijzing: a client of gemeente G assigned 1–3 products at aanbieder A.
 * JW301 number i and JW305 number i are built from the same case.
 */
function toewijzingCase(i, bsn, seed) {
  const r = rng(seed * 1_000_003 + i);
  const gemeente = GEMEENTEN[i % GEMEENTEN.length];
  const aanbieder = AANBIEDERS[(i * 5) % AANBIEDERS.length];
  const geslacht = r.pick(['1', '2']);
  const familie = r.pick(ACHTERNAMEN);
  const naam = persoonsnaam(r, geslacht === '1' ? VOORNAMEN_M : VOORNAMEN_V, familie);
  const geboren = addDays(day(2008, 1, 1), r.int(0, 16 * 365));
  const dagtekening = addDays(day(2026, 3, 2), r.int(0, 40));
  const woon = adres(r, gemeente, r.int(1, 240));
  const ouders = [];
  const nOuders = r.int(0, 2);
  for (let k = 0; k < nOuders; k++) {
    const m = k === 0 ? r.chance(0.6) : !ouders[0].man;
    ouders.push({
      man: m,
      naam: persoonsnaam(r, m ? OUDERNAMEN_M : OUDERNAMEN_V, m || r.chance(0.5) ? familie : undefined),
      geboren: addDays(day(1970, 1, 1), r.int(0, 25 * 365)),
      telefoon: `06${pad(r.int(10_000_000, 99_999_999), 8)}`,
      email: r.chance(0.7) ? `ouder${i}.${k}@voorbeeld.nl` : undefined,
    });
  }
  const producten = [];
  const nProducten = r.chance(0.6) ? 1 : r.int(2, 3);
  const ingang = addDays(dagtekening, r.int(0, 14));
  for (let k = 0; k < nProducten; k++) {
    const prod = PRODUCTEN[(i + k * 2) % PRODUCTEN.length];
    producten.push({
      nummer: 2_000_000 + i * 3 + k,
      referentie: r.chance(0.5) ? `REF-${aanbieder.slice(-4)}-${i}-${k + 1}` : undefined,
      prod,
      volume: r.int(prod.vol[0], prod.vol[1]),
      ingang,
      eind: addDays(ingang, r.pick([90, 182, 364])),
      tijd: `${pad(r.int(8, 17))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`,
      begin: addDays(ingang, r.int(0, 10)),
    });
  }
  return {
    i, r, gemeente, aanbieder, bsn, geslacht, naam, geboren, dagtekening, woon, ouders, producten,
    communicatie: r.chance(0.1) ? r.pick(TALEN) : undefined,
    juridisch: r.chance(0.15) ? r.pick(['01', '02', '03']) : undefined,
    commentaar: r.chance(0.3) ? r.pick(COMMENTAAR_CLIENT) : undefined,
    telefoon: `0${r.int(10, 79)}${pad(r.int(1_000_000, 9_999_999), 7)}`,
  };
}

export function jw301(c, indent = '\t') {
  const p = 'jw301';
  const x = new Xml(indent);
  begin(x, p);
  header(x, p, { berichtCode: '436', afzender: c.gemeente.code, ontvanger: c.aanbieder, identificatie: `301${pad(c.i + 1, 9)}`, dagtekening: iso(c.dagtekening) });
  x.open(`${p}:Client`).leaf(`${p}:Bsn`, c.bsn).open(`${p}:Geboortedatum`).leaf('ijw:Datum', iso(c.geboren)).close(`${p}:Geboortedatum`).leaf(`${p}:Geslacht`, c.geslacht);
  naamXml(x, p, c.naam, { volledig: true });
  if (c.communicatie) x.open(`${p}:Communicatie`).leaf('ijw:Vorm', '1').leaf('ijw:Taal', c.communicatie).close(`${p}:Communicatie`);
  x.leaf(`${p}:JuridischeStatus`, c.juridisch).leaf(`${p}:Commentaar`, c.commentaar);
  if (c.ouders.length > 0) {
    x.open(`${p}:Relaties`);
    c.ouders.forEach((o, k) => {
      x.open(`${p}:Relatie`).leaf(`${p}:Nummer`, String(k + 1)).leaf(`${p}:Volgorde`, String(k + 1)).leaf(`${p}:Soort`, '10')
        .open(`${p}:Geboortedatum`).leaf('ijw:Datum', iso(o.geboren)).close(`${p}:Geboortedatum`).leaf(`${p}:Geslacht`, o.man ? '1' : '2');
      naamXml(x, p, o.naam, { volledig: true });
      contactXml(x, p, { soort: '01', adres: c.woon, telefoon: o.telefoon, email: o.email });
      x.close(`${p}:Relatie`);
    });
    x.close(`${p}:Relaties`);
  }
  x.open(`${p}:Contactgegevens`);
  contactXml(x, p, { soort: '01', adres: c.woon, telefoon: c.telefoon });
  x.close(`${p}:Contactgegevens`).open(`${p}:ToegewezenProducten`);
  for (const t of c.producten) {
    x.open(`${p}:ToegewezenProduct`).leaf(`${p}:ToewijzingNummer`, t.nummer).leaf(`${p}:ReferentieAanbieder`, t.referentie)
      .open(`${p}:Product`).leaf('ijw:Categorie', t.prod.cat).leaf('ijw:Code', t.prod.code).close(`${p}:Product`)
      .leaf(`${p}:Toewijzingsdatum`, iso(c.dagtekening)).leaf(`${p}:Toewijzingstijd`, t.tijd)
      .leaf(`${p}:Ingangsdatum`, iso(t.ingang)).leaf(`${p}:Einddatum`, iso(t.eind))
      .open(`${p}:Omvang`).leaf('ijw:Volume', t.volume).leaf('ijw:Eenheid', t.prod.eenheid).leaf('ijw:Frequentie', t.prod.freq).close(`${p}:Omvang`)
      .close(`${p}:ToegewezenProduct`);
  }
  x.close(`${p}:ToegewezenProducten`).close(`${p}:Client`).close(`${p}:Bericht`);
  return x.toString();
}

export function jw305(c, indent = '\t') {
  const p = 'jw305';
  const x = new Xml(indent);
  begin(x, p);
  const dagtekening = c.producten.reduce((d, t) => (t.begin > d ? t.begin : d), c.dagtekening);
  header(x, p, { berichtCode: '438', afzender: c.aanbieder, ontvanger: c.gemeente.code, identificatie: `305${pad(c.i + 1, 9)}`, dagtekening: iso(addDays(dagtekening, 1)) });
  x.open(`${p}:Client`).leaf(`${p}:Bsn`, c.bsn).open(`${p}:Geboortedatum`).leaf('ijw:Datum', iso(c.geboren)).close(`${p}:Geboortedatum`).leaf(`${p}:Geslacht`, c.geslacht);
  naamXml(x, p, c.naam, { volledig: false });
  x.open(`${p}:StartProducten`);
  for (const t of c.producten) {
    x.open(`${p}:StartProduct`).leaf(`${p}:ToewijzingNummer`, t.nummer)
      .open(`${p}:Product`).leaf('ijw:Categorie', t.prod.cat).leaf('ijw:Code', t.prod.code).close(`${p}:Product`)
      .leaf(`${p}:ToewijzingIngangsdatum`, iso(t.ingang)).leaf(`${p}:Begindatum`, iso(t.begin)).leaf(`${p}:StatusAanlevering`, '1')
      .close(`${p}:StartProduct`);
  }
  x.close(`${p}:StartProducten`).close(`${p}:Client`).close(`${p}:Bericht`);
  return x.toString();
}

/** count JW301s and the count JW305s that start the same zorg, as { name, xml } pairs. */
export function generateSmall({ count = 2000, seed = 301 } = {}) {
  const bsns = bsnList(count);
  const jw301s = [];
  const jw305s = [];
  for (let i = 0; i < count; i++) {
    const c = toewijzingCase(i, bsns[i], seed);
    jw301s.push({ name: `jw301-${pad(i + 1, 5)}.xml`, xml: jw301(c) });
    jw305s.push({ name: `jw305-${pad(i + 1, 5)}.xml`, xml: jw305(c) });
  }
  return { jw301: jw301s, jw305: jw305s };
}

// ---------------------------------------------------------------------------------------------
// JW323: one monthly claim (April 2026) of a large aanbieder to one gemeente.

/** Periods of a product within April 2026: calendar weeks clipped to the month, or the month. */
function perioden(per) {
  const begin = day(2026, 4, 1);
  const eind = day(2026, 4, 30);
  if (per === 'month') return [[begin, eind]];
  const out = [];
  let b = begin;
  while (b <= eind) {
    const dow = (b.getUTCDay() + 6) % 7; // Monday 0
    let e = addDays(b, 6 - dow);
    if (e > eind) e = eind;
    out.push([b, e]);
    b = addDays(e, 1);
  }
  return out;
}

/**
 * Builds the claim client by client until the next client would pass targetBytes. Every
 * Prestatie's IngediendBedrag = GeleverdVolume × ProductTarief, all debet, and
 * TotaalIngediendBedrag is their sum; ReferentieNummers and ToewijzingNummers are unique.
 * One element per line without indentation (as many claim systems write it) puts ~37,000
 * prestaties (~700 bytes each) in just under 25 MiB; with indentation it would be ~28,000.
 */
export function generateJw323({ targetBytes = JW323_TARGET_BYTES, seed = 323, indent = '' } = {}) {
  const r = rng(seed);
  const p = 'jw323';
  const bsns = bsnList(9091, 4242);
  const gemeente = GEMEENTEN[1]; // Rotterdam
  const aanbieder = '98830117';
  const declaratieNummer = 'D2026040117';

  // Header and Declaratie head are written last (the total is not known yet); their size is fixed
  // enough to reserve: ~1.2 KB.
  const reserve = 1536;
  const clientChunks = [];
  let bytes = reserve;
  let prestaties = 0;
  let totaal = 0;
  let refSeq = 0;
  let toewijzing = 3_100_000;
  let clients = 0;
  for (const bsn of bsns) {
    const x = new Xml(indent);
    x.depth = 3;
    x.open(`${p}:Client`).leaf(`${p}:Bsn`, bsn).open(`${p}:Prestaties`);
    const nProducten = r.chance(0.45) ? 1 : r.chance(0.7) ? 2 : 3;
    let clientPrestaties = 0;
    let clientTotaal = 0;
    const used = new Set();
    for (let k = 0; k < nProducten; k++) {
      let prod = r.pick(PRODUCTEN);
      while (used.has(prod.code)) prod = r.pick(PRODUCTEN);
      used.add(prod.code);
      const nummer = toewijzing++;
      for (const [b, e] of perioden(prod.per)) {
        const days = (e - b) / 86_400_000 + 1;
        let volume;
        if (prod.per === 'month') volume = days;
        else if (prod.eenheid === '01') volume = Math.max(15, Math.round((r.int(prod.vol[0], prod.vol[1]) * days) / 7 / 15) * 15);
        else volume = Math.max(1, Math.round((r.int(prod.vol[0], prod.vol[1]) * days) / 7));
        const bedrag = volume * prod.tarief;
        refSeq++;
        x.open(`${p}:Prestatie`)
          .open(`${p}:ProductReferentie`).leaf('ijw:ReferentieNummer', `${declaratieNummer}-${pad(refSeq, 6)}`).close(`${p}:ProductReferentie`)
          .leaf(`${p}:ToewijzingNummer`, nummer).leaf(`${p}:ProductCategorie`, prod.cat).leaf(`${p}:ProductCode`, prod.code)
          .open(`${p}:ProductPeriode`).leaf('ijw:Begindatum', iso(b)).leaf('ijw:Einddatum', iso(e)).close(`${p}:ProductPeriode`)
          .leaf(`${p}:GeleverdVolume`, volume).leaf(`${p}:Eenheid`, prod.eenheid).leaf(`${p}:ProductTarief`, prod.tarief)
          .open(`${p}:IngediendBedrag`).leaf('ijw:Bedrag', bedrag).leaf('ijw:DebetCredit', 'D').close(`${p}:IngediendBedrag`)
          .close(`${p}:Prestatie`);
        clientPrestaties++;
        clientTotaal += bedrag;
      }
    }
    x.close(`${p}:Prestaties`).close(`${p}:Client`);
    const chunk = x.toString();
    const chunkBytes = Buffer.byteLength(chunk);
    if (bytes + chunkBytes > targetBytes) {
      refSeq -= clientPrestaties;
      break;
    }
    clientChunks.push(chunk);
    bytes += chunkBytes;
    prestaties += clientPrestaties;
    totaal += clientTotaal;
    clients++;
  }
  if (clients === bsns.length) throw new Error('ran out of test BSNs before reaching the target size');

  const x = new Xml(indent);
  begin(x, p);
  header(x, p, { berichtCode: '490', afzender: aanbieder, ontvanger: gemeente.code, identificatie: '323000004117', dagtekening: '2026-05-06' });
  x.open(`${p}:Declaratie`).leaf(`${p}:DeclaratieNummer`, declaratieNummer)
    .open(`${p}:DeclaratiePeriode`).leaf('ijw:Begindatum', '2026-04-01').leaf('ijw:Einddatum', '2026-04-30').close(`${p}:DeclaratiePeriode`)
    .leaf(`${p}:DeclaratieDagtekening`, '2026-05-06')
    .open(`${p}:TotaalIngediendBedrag`).leaf('ijw:TotaalBedrag', totaal).leaf('ijw:DebetCredit', 'D').close(`${p}:TotaalIngediendBedrag`)
    .open(`${p}:Clienten`);
  const head = x.toString();
  const tail = `${indent.repeat(2)}</${p}:Clienten>\n${indent}</${p}:Declaratie>\n</${p}:Bericht>\n`;
  const xml = head + clientChunks.join('') + tail;
  const size = Buffer.byteLength(xml);
  if (size > SIZE_LIMIT) throw new Error(`JW323 is ${size} bytes, over the ${SIZE_LIMIT}-byte limit`);
  return { xml, bytes: size, clients, prestaties, totaal };
}

// ---------------------------------------------------------------------------------------------
// Writing and verifying

/** The official schemas when they are on this machine, else ours. */
export function referenceXsdDir() {
  const official = process.env.IJW_OFFICIAL_XSD ?? resolve(REPO_ROOT, '..', 'shared', 'ijw-3.2', 'xsd');
  if (existsSync(join(official, 'jw301.xsd'))) return { dir: official, official: true };
  return { dir: join(REPO_ROOT, 'schemas', 'ijw-3.2'), official: false };
}

/** Runs `xmllint <args> --schema xsd` over files in batches; returns the files it rejected. */
export function xmllintBatches(xsd, files, { batch = 500, extra = ['--noout'] } = {}) {
  const rejected = [];
  for (let i = 0; i < files.length; i += batch) {
    const part = files.slice(i, i + batch);
    const res = spawnSync('xmllint', [...extra, '--schema', xsd, ...part], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (res.error) throw res.error;
    if (res.status !== 0) {
      for (const line of res.stderr.split('\n')) {
        const m = /^(.*) fails to validate$/.exec(line);
        if (m) rejected.push(m[1]);
      }
      if (rejected.length === 0) throw new Error(`xmllint exited ${res.status}: ${res.stderr.slice(0, 2000)}`);
    }
  }
  return rejected;
}

/** Fingerprint of what the files depend on: this generator's source and the parameters. */
export function fingerprint(params) {
  return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(JSON.stringify(params)).digest('hex').slice(0, 16);
}

/**
 * Writes the messages under outDir unless a manifest with the same fingerprint is there already.
 * Returns the manifest: file lists (absolute paths) and the JW323's size and counts.
 */
export function ensureGenerated({ outDir = DEFAULT_OUT, count = 2000, force = false, log = console.log } = {}) {
  const params = { count, jw323TargetBytes: JW323_TARGET_BYTES };
  const fp = fingerprint(params);
  const manifestPath = join(outDir, 'manifest.json');
  if (!force && existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const abs = (f) => join(outDir, f);
    if (m.fingerprint === fp && [...m.jw301, ...m.jw305, m.jw323.file].every((f) => existsSync(abs(f)))) {
      return { ...m, outDir, fresh: false, files: { jw301: m.jw301.map(abs), jw305: m.jw305.map(abs), jw323: abs(m.jw323.file) } };
    }
  }
  const t0 = performance.now();
  for (const d of ['jw301', 'jw305']) rmSync(join(outDir, d), { recursive: true, force: true });
  const small = generateSmall({ count });
  const rel = { jw301: [], jw305: [] };
  for (const type of ['jw301', 'jw305']) {
    mkdirSync(join(outDir, type), { recursive: true });
    for (const { name, xml } of small[type]) {
      writeFileSync(join(outDir, type, name), xml);
      rel[type].push(`${type}/${name}`);
    }
  }
  const big = generateJw323();
  writeFileSync(join(outDir, 'jw323-25mb.xml'), big.xml);
  const manifest = {
    fingerprint: fp,
    params,
    generated: new Date().toISOString(),
    jw301: rel.jw301,
    jw305: rel.jw305,
    jw323: { file: 'jw323-25mb.xml', bytes: big.bytes, clients: big.clients, prestaties: big.prestaties, totaalBedrag: big.totaal },
    verified: null,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  log(`generated ${count} JW301 + ${count} JW305 + JW323 (${big.bytes} bytes, ${big.clients} clients, ${big.prestaties} prestaties) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const abs = (f) => join(outDir, f);
  return { ...manifest, outDir, fresh: true, files: { jw301: rel.jw301.map(abs), jw305: rel.jw305.map(abs), jw323: abs(manifest.jw323.file) } };
}

/** xmllint --noout --schema over every generated file; records the verdict in the manifest. */
export function verifyGenerated(manifest, { log = console.log } = {}) {
  const ref = referenceXsdDir();
  const label = ref.official ? 'the official XSDs' : 'our XSDs (the official ones were not found)';
  const bad = [
    ...xmllintBatches(join(ref.dir, 'jw301.xsd'), manifest.files.jw301),
    ...xmllintBatches(join(ref.dir, 'jw305.xsd'), manifest.files.jw305),
    ...xmllintBatches(join(ref.dir, 'jw323.xsd'), [manifest.files.jw323], { extra: ['--noout', '--stream'] }),
  ];
  if (bad.length > 0) throw new Error(`xmllint rejects ${bad.length} generated file(s), e.g. ${bad.slice(0, 3).join(', ')}`);
  log(`xmllint: all ${manifest.files.jw301.length + manifest.files.jw305.length + 1} generated files validate against ${label}`);
  const manifestPath = join(manifest.outDir, 'manifest.json');
  const stored = JSON.parse(readFileSync(manifestPath, 'utf8'));
  stored.verified = { schemas: relative(REPO_ROOT, ref.dir) || ref.dir, official: ref.official, at: new Date().toISOString() };
  writeFileSync(manifestPath, JSON.stringify(stored, null, 2));
  return stored.verified;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const manifest = ensureGenerated({ outDir: resolve(opt('--out', DEFAULT_OUT)), count: Number(opt('--count', 2000)), force: true });
  if (!args.includes('--no-verify')) verifyGenerated(manifest);
}
