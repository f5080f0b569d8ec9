// /admin/import: when a file is chosen, send it as is (text/csv) to the import API with the page's
// CSRF token, instead of the pasted text limited by the form size. Without JavaScript, or without a
// file, the form posts the textarea as usual.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  var file = document.getElementById('field-file');
  var result = document.getElementById('import-result');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!form || !file || !result || !token || !window.fetch) return;

  function show(lines, isError) {
    result.textContent = '';
    result.className = 'notice ' + (isError ? 'notice--error' : 'notice--success');
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      result.appendChild(p);
    });
    result.focus();
  }

  form.addEventListener('submit', function (event) {
    var chosen = file.files && file.files[0];
    if (!chosen) return;
    event.preventDefault();
    var params = new URLSearchParams();
    params.set('fileName', chosen.name.slice(0, 200));
    if (form.elements.strict.checked) params.set('strict', '1');
    ['factorSet', 'map', 'entity'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    result.setAttribute('tabindex', '-1');
    chosen.text().then(function (text) {
      return fetch('/api/reports/import?' + params.toString(), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'X-CSRF-Token': token.getAttribute('content'), Accept: 'application/json' },
        body: text,
      });
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      var b = answer.body;
      if (b.error) return show([b.error.message], true);
      var lines = [b.rowsRead + ' / ' + b.imported + ' / ' + b.duplicates + ' / ' + b.bad + ' (lues / importées / déjà présentes / en erreur)'];
      if (b.refused) lines.push('--strict : fichier refusé, aucune ligne importée.');
      b.errors.slice(0, 50).forEach(function (e) { lines.push('ligne ' + e.line + ' : ' + e.reason); });
      show(lines, b.refused || b.bad > 0);
    }).catch(function (err) {
      show([String(err)], true);
    });
  });
})();
