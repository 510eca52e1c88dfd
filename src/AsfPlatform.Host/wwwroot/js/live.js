// Live dashboard: listens to the plan's Server-Sent Events, rewrites the indicator cards in place and fetches the
// lists (latest events, totals, findings) again. The page works without this script; it only saves a reload.
(function () {
    var grid = document.getElementById('indikatorer');
    if (!grid || !window.EventSource) return;
    var lists = document.getElementById('listor');
    var status = document.getElementById('live-status');
    var space = '\u00a0';
    var number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

    // The same wording as the server's IndicatorCard: "33,3 %", "+5 %", "586 st", "Ja"/"Nej", "–".
    function format(kind, unit, value) {
        if (value == null) return '–';
        if (kind === 'Milestone') return value > 0 ? 'Ja' : 'Nej';
        if (kind === 'GrowthRelativeToBaseline') return (value > 0 ? '+' : '') + number.format(value) + space + '%';
        if (kind === 'Rate' || unit === '%') return number.format(value) + space + '%';
        return number.format(value) + (unit && (kind === 'CountInPeriod' || kind === 'StockAtDate') ? ' ' + unit : '');
    }

    var pending = null;
    function refreshLists() {
        if (!lists) return;
        // One fetch at a time; a change during it fetches once more afterwards.
        if (pending) { pending.again = true; return; }
        pending = { again: false };
        fetch(lists.getAttribute('data-lists'), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html !== null) {
                    lists.innerHTML = html;
                    lists.setAttribute('data-updated', String(Date.now()));
                }
            })
            .catch(function () { })
            .then(function () {
                var again = pending.again;
                pending = null;
                if (again) refreshLists();
            });
    }

    var source = new EventSource('/api/live/' + grid.getAttribute('data-topic'));
    source.addEventListener('ansluten', function () {
        grid.setAttribute('data-live', 'ansluten');
        if (status) status.textContent = 'Uppdateras direkt.';
    });
    source.addEventListener('indikatorer', function (message) {
        var change = JSON.parse(message.data);
        (change.indicators || []).forEach(function (indicator) {
            var card = grid.querySelector('[data-indicator="' + CSS.escape(indicator.indicatorId) + '"]');
            if (!card) return;
            card.className = 'indicator status-' + String(indicator.status).toLowerCase();
            card.querySelector('[data-field="value"]').textContent =
                format(card.getAttribute('data-kind'), card.getAttribute('data-unit'), indicator.value);
            card.querySelector('[data-field="status"]').textContent = indicator.statusText;
            var latest = card.querySelector('[data-field="latest"]');
            if (latest && indicator.latestFigure) latest.textContent = indicator.latestFigure;
        });
        grid.setAttribute('data-facts-version', change.factsVersion);
        refreshLists();
        if (status) status.textContent = 'Uppdaterad ' + new Date().toLocaleTimeString('sv-SE') + '.';
    });
    source.onerror = function () { if (status) status.textContent = 'Direktuppdateringen är bruten; ladda om sidan.'; };
})();
