// Envol: small enhancements of server-rendered pages. Every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // htmx sends the CSRF token with every request it makes.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  // ---- amounts, parsed with the same rules as org.envol.ledger.Money#parse (for display only:
  // the server parses again and decides)

  /** Cents, or null for an empty field, or NaN when it is not an amount. */
  function parseCents(text) {
    if (text == null) { return null; }
    var s = String(text).trim().replace(/[\u00A0\u202F €]/g, '');
    if (s === '') { return null; }
    var lastComma = s.lastIndexOf(','), lastDot = s.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      // the later one is the decimal separator, the other groups thousands
      s = lastComma > lastDot ? s.replace(/\./g, '').replace(/,/g, '.') : s.replace(/,/g, '');
    } else if (lastComma >= 0) {
      if (s.indexOf(',') !== lastComma) { return NaN; }
      s = s.replace(',', '.');
    }
    if (!/^[-+]?\d+(\.\d{0,2})?$/.test(s)) { return NaN; }
    var negative = s.charAt(0) === '-';
    s = s.replace(/^[-+]/, '');
    var parts = s.split('.');
    var cents = parseInt(parts[0], 10) * 100 + parseInt(((parts[1] || '') + '00').slice(0, 2), 10);
    return negative ? -cents : cents;
  }

  /** As org.envol.ledger.Money#format: 1 234,56 in French, 1,234.56 in English. */
  function formatCents(cents, english) {
    var sign = cents < 0 ? '-' : '';
    var abs = Math.abs(cents);
    var units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, english ? ',' : '\u202F');
    var decimals = String(abs % 100).padStart(2, '0');
    return sign + units + (english ? '.' : ',') + decimals;
  }

  window.envol = { parseCents: parseCents, formatCents: formatCents };

  // ---- the free entry form: lines added and removed, the running imbalance while typing

  function entryForm(form) {
    var body = form.querySelector('[data-lines]');
    var template = form.querySelector('template[data-line-template]');
    var english = document.documentElement.lang === 'en';

    function rows() { return Array.prototype.slice.call(body.querySelectorAll('tr[data-line]')); }

    // names are lines[i].field, numbered without gaps so that line n on screen is line n in messages
    function renumber() {
      rows().forEach(function (row, i) {
        row.id = 'line-' + (i + 1);
        row.querySelector('[data-line-no]').textContent = String(i + 1);
        row.querySelectorAll('[name]').forEach(function (field) {
          field.name = field.name.replace(/^lines\[[^\]]*\]/, 'lines[' + i + ']');
          if (field.id) { field.id = field.id.replace(/^lines\d+/, 'lines' + i); }
        });
      });
    }

    function update() {
      var debit = 0, credit = 0, unreadable = [];
      rows().forEach(function (row, i) {
        ['debit', 'credit'].forEach(function (side) {
          var input = row.querySelector('[data-' + side + ']');
          var cents = parseCents(input.value);
          input.classList.toggle('unreadable', cents !== null && isNaN(cents));
          if (cents !== null && isNaN(cents)) {
            if (unreadable.indexOf(i + 1) < 0) { unreadable.push(i + 1); }
          } else if (cents !== null) {
            if (side === 'debit') { debit += cents; } else { credit += cents; }
          }
        });
      });
      form.querySelector('[data-total-debit]').textContent = formatCents(debit, english);
      form.querySelector('[data-total-credit]').textContent = formatCents(credit, english);
      var out = form.querySelector('[data-imbalance-text]');
      var texts = unreadable.map(function (n) { return form.dataset.unreadable.replace('{0}', n); });
      var difference = debit - credit;
      if (difference !== 0) {
        texts.push(form.dataset.imbalance.replace('{0}', formatCents(difference, english)));
      } else if (debit !== 0 && unreadable.length === 0) {
        texts.push(form.dataset.balanced);
      }
      out.textContent = texts.join(' · ');
      out.classList.toggle('good', difference === 0 && debit !== 0 && unreadable.length === 0);
      out.classList.toggle('bad', difference !== 0 || unreadable.length > 0);
    }

    function addLine() {
      var row = template.content.firstElementChild.cloneNode(true);
      body.appendChild(row);
      renumber();
      update();
      var first = row.querySelector('select, input');
      if (first) { first.focus(); }
    }

    form.addEventListener('click', function (e) {
      if (e.target.closest('[data-add-line]')) {
        e.preventDefault();
        addLine();
      } else if (e.target.closest('[data-remove-line]')) {
        var row = e.target.closest('tr[data-line]');
        if (rows().length > 2) {
          row.remove();
        } else {
          // an entry has at least two lines: empty this one instead
          row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
          row.querySelectorAll('select').forEach(function (select) { select.value = ''; });
        }
        renumber();
        update();
      }
    });
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    // Enter moves to the next field instead of submitting a half-typed entry
    form.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter' || e.target.tagName !== 'INPUT') { return; }
      e.preventDefault();
      var fields = Array.prototype.slice.call(form.querySelectorAll('input:not([type=hidden]), select, button[type=submit]:not(.visually-hidden)'));
      var next = fields[fields.indexOf(e.target) + 1];
      if (next) { next.focus(); }
    });
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-entry-form]').forEach(entryForm);

    // a select that switches something (the active section) submits its form at once
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });

    // "select all" in the general journal
    document.querySelectorAll('[data-select-all]').forEach(function (all) {
      all.addEventListener('change', function () {
        all.closest('form').querySelectorAll('input[type=checkbox][name=ids]').forEach(function (box) { box.checked = all.checked; });
      });
    });
  });

  // acts that cannot be undone ask first
  document.addEventListener('submit', function (e) {
    var button = e.submitter;
    var text = (button && button.dataset.confirm) || e.target.dataset.confirm;
    if (text && !window.confirm(text)) { e.preventDefault(); }
  });
})();
