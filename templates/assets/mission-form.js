// Progressive enhancement of the mission form: live estimate (POST /api/quote) and place suggestions
// (GET /api/places). The form works without this file; with it, nothing needs a round trip to see the
// figures. No inline script, no innerHTML: the page's CSP forbids the first, the second is not needed.
(function () {
  'use strict';
  const form = document.querySelector('form[data-mission-form]');
  if (!form || !window.fetch) return;
  const panel = document.getElementById('quote-panel');
  const body = document.getElementById('quote-body');
  const i18n = JSON.parse(panel.dataset.i18n || '{}');
  const lang = document.documentElement.lang || 'fr';
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  const fmt = (key, params) => (i18n[key] || key).replace(/\{(\w+)\}/g, (whole, name) => (params && name in params ? String(params[name]) : whole));
  const kg = (grams) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(grams / 1000) + ' kg CO2e';
  const eur = (cents) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const duration = (minutes) => Math.floor(minutes / 60) + ' h ' + String(Math.round(minutes % 60)).padStart(2, '0');
  const field = (name) => form.elements.namedItem(name);
  const value = (name) => { const el = field(name); return el && 'value' in el ? el.value.trim() : ''; };

  // Europe/Paris offset of a local date-time, e.g. "+01:00" in winter, "+02:00" in summer.
  function parisOffset(date, time) {
    const probe = new Date(date + 'T' + (time || '00:00') + ':00Z');
    if (isNaN(probe.getTime())) return null;
    const part = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).formatToParts(probe).find((p) => p.type === 'timeZoneName');
    const match = part && /GMT([+-]\d{2}:\d{2})/.exec(part.value);
    return match ? match[1] : '+00:00';
  }
  function instant(date, time) {
    if (!date) return undefined;
    const offset = parisOffset(date, time);
    return offset ? date + 'T' + (time || '00:00') + ':00' + offset : undefined;
  }
  function number(text) {
    if (!text) return undefined;
    const n = Number(text.replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  function place(text) {
    if (!text) return undefined;
    const point = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
    return point ? { lat: Number(point[1]), lon: Number(point[2]) } : text;
  }

  function legIndexes() {
    return Array.from(form.querySelectorAll('fieldset[data-leg]')).map((el) => el.dataset.leg);
  }

  function leg(i) {
    const p = 'legs.' + i + '.';
    const mode = value(p + 'mode') || 'plane';
    const roundTrip = !!(field(p + 'roundTrip') && field(p + 'roundTrip').checked);
    const travelers = number(value(p + 'travelers')) || 1;
    if (mode === 'visio') return { mode, travelers, hours: number(value(p + 'hours')) };
    const out = { mode, roundTrip, travelers, from: place(value(p + 'from')), to: place(value(p + 'to')) };
    const distanceKm = number(value(p + 'distanceKm'));
    const fare = number(value(p + 'fareEuros'));
    if (distanceKm !== undefined) out.distanceKm = distanceKm;
    if (fare !== undefined) out.fareCents = Math.round(fare * 100);
    if (mode === 'plane') out.cabin = value(p + 'cabin') || 'economy';
    return out;
  }

  function request() {
    const country = value('destinationCountry');
    const city = value('destinationCity');
    const departAt = instant(value('departDate'), value('departTime'));
    const returnAt = instant(value('returnDate'), value('returnTime'));
    const out = { legs: legIndexes().map(leg) };
    if (departAt && returnAt) { out.departAt = departAt; out.returnAt = returnAt; }
    if (country) out.destination = city ? { country, city } : { country };
    return out;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(quote) {
    const children = [];
    const figures = el('dl', { class: 'figures' });
    const figure = (label, text, key) => {
      const row = el('div');
      row.append(el('dt', {}, label), el('dd', { 'data-figure': key }, text));
      figures.append(row);
    };
    figure(i18n['missions.quote.co2e'], kg(quote.totals.co2eGrams), 'co2e');
    figure(i18n['missions.quote.cost'], eur(quote.totals.costCents), 'cost');
    if (quote.offset.required) figure(i18n['missions.quote.offset'], eur(quote.offset.amountCents), 'offset');
    children.push(figures);
    const flags = quote.policy.filter((p) => p.severity !== 'info');
    if (flags.length) {
      const list = el('ul', { class: 'flags' });
      for (const flag of flags) list.append(el('li', { class: 'flag flag--' + flag.severity }, flag.message));
      children.push(list);
    }
    const legs = el('ul', { class: 'quote-legs' });
    for (const l of quote.legs) {
      legs.append(el('li', {}, fmt('missions.quote.leg', { n: l.index + 1, mode: i18n['missions.mode.' + l.mode] || l.mode, from: l.from ? l.from.label : '—', to: l.to ? l.to.label : '—', co2e: kg(l.co2eGrams) })));
    }
    children.push(legs);
    const byLeg = new Map();
    for (const alt of quote.alternatives) byLeg.set(alt.legIndex, (byLeg.get(alt.legIndex) || []).concat([alt]));
    for (const [legIndex, alternatives] of byLeg) {
      const section = el('section', { class: 'alternatives', 'aria-labelledby': 'alt-title-' + legIndex });
      section.append(el('h3', { id: 'alt-title-' + legIndex }, fmt('missions.alt.title', { n: legIndex + 1 })));
      const list = el('ul');
      for (const alt of alternatives) {
        const item = el('li', { class: 'alternative', 'data-alternative': alt.mode });
        item.append(el('strong', {}, i18n['missions.alt.' + alt.mode]), document.createTextNode(' : '));
        let text = alt.available ? fmt('missions.alt.figures', { co2e: kg(alt.co2eGrams), saved: kg(alt.savedCo2eGrams), cost: eur(alt.costCents) }) : fmt('missions.alt.unavailable', { reason: alt.reason });
        if (alt.available && alt.mode === 'train') text += ', ' + fmt('missions.alt.duration', { duration: duration(alt.travelMinutes) });
        item.append(document.createTextNode(text));
        if (alt.available) {
          item.append(document.createTextNode(' '));
          item.append(el('button', { type: 'submit', class: 'button button--secondary button--small', name: 'intent', value: 'switch:' + legIndex + ':' + alt.mode }, fmt('missions.alt.switch.' + alt.mode, { n: legIndex + 1 })));
        }
        list.append(item);
      }
      section.append(list);
      children.push(section);
    }
    children.push(el('p', { class: 'small' }, fmt('missions.quote.factorSet', { id: quote.factorSet.id, version: quote.factorSet.version })));
    body.replaceChildren(...children);
  }

  function renderError(message) {
    body.replaceChildren(el('p', { class: 'notice notice--error' }, fmt('missions.quote.error', { message })));
  }

  let pending = null;
  let sequence = 0;
  async function refresh() {
    const mine = ++sequence;
    try {
      const answer = await fetch('/api/quote?lang=' + encodeURIComponent(lang), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' }, body: JSON.stringify(request()), credentials: 'same-origin' });
      const json = await answer.json();
      if (mine !== sequence) return; // a newer request is on its way
      if (answer.ok) render(json);
      else renderError(json.error ? json.error.message : String(answer.status));
    } catch (err) {
      if (mine === sequence) renderError(String(err && err.message));
    }
  }
  function schedule() {
    clearTimeout(pending);
    pending = setTimeout(refresh, 400);
  }

  // Only the fields that matter for a mode are shown; the others stay in the form, hidden.
  const relevant = {
    from: (m) => m !== 'visio', to: (m) => m !== 'visio', roundTrip: (m) => m !== 'visio',
    fareEuros: (m) => !['visio', 'walk', 'bike'].includes(m), distanceKm: (m) => m !== 'visio',
    hours: (m) => m === 'visio', cabin: (m) => m === 'plane',
  };
  function showFieldsFor(i) {
    const mode = value('legs.' + i + '.mode');
    for (const [name, show] of Object.entries(relevant)) {
      const input = field('legs.' + i + '.' + name);
      const wrapper = input && input.closest('.field');
      if (wrapper) wrapper.hidden = !show(mode);
    }
  }

  // Place suggestions in a <datalist>: native, keyboard- and screen-reader-friendly.
  const suggestTimers = new WeakMap();
  function attachSuggestions(input) {
    const list = el('datalist', { id: input.id + '-suggestions' });
    input.after(list);
    input.setAttribute('list', list.id);
    input.addEventListener('input', () => {
      clearTimeout(suggestTimers.get(input));
      const q = input.value.trim();
      if (q.length < 2) return;
      suggestTimers.set(input, setTimeout(async () => {
        const legMode = value(input.name.replace(/\.(from|to)$/, '.mode'));
        const kind = legMode === 'plane' ? 'any' : 'city';
        try {
          const answer = await fetch('/api/places?limit=8&kind=' + kind + '&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
          if (!answer.ok) return;
          const { places } = await answer.json();
          list.replaceChildren(...places.map((p) => el('option', { value: p.iata || ((p.city || p.label) + (p.countryCode ? ', ' + p.countryCode : '')) }, p.label)));
        } catch (_) { /* suggestions are a convenience: typing still works */ }
      }, 250));
    });
  }

  for (const i of legIndexes()) {
    showFieldsFor(i);
    field('legs.' + i + '.mode').addEventListener('change', () => showFieldsFor(i));
    for (const end of ['from', 'to']) attachSuggestions(field('legs.' + i + '.' + end));
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
