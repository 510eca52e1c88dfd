// Live indicator cards: listens to the plan's Server-Sent Events and rewrites the cards in place.
// The page works without this script; it only saves a reload.
(function () {
    var grid = document.getElementById('indikatorer');
    if (!grid || !window.EventSource) return;
    var status = document.getElementById('live-status');
    var number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
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
            card.querySelector('[data-field="value"]').textContent = indicator.value == null ? '–' : number.format(indicator.value);
            card.querySelector('[data-field="status"]').textContent = indicator.statusText;
        });
        grid.setAttribute('data-facts-version', change.factsVersion);
        if (status) status.textContent = 'Uppdaterad ' + new Date().toLocaleTimeString('sv-SE') + '.';
    });
    source.onerror = function () { if (status) status.textContent = 'Direktuppdateringen är bruten; ladda om sidan.'; };
})();
