// Live pages without a framework: the region marked data-live-src is re-fetched when the organization's readiness
// stream announces an event, and every data-live-poll seconds as a safety net (an event the stream could not carry,
// such as a pillar change that leaves the case not ready). A fragment that has not changed answers 204.
(function () {
  'use strict';
  const live = document.querySelector('[data-live-src]');
  if (live) {
    let busy = false;
    const refresh = async function () {
      if (busy) { return; }
      busy = true;
      try {
        const current = live.firstElementChild;
        const since = current && current.dataset.liveVersion ? current.dataset.liveVersion : '';
        const url = live.dataset.liveSrc + (live.dataset.liveSrc.indexOf('?') < 0 ? '?' : '&') + 'since=' + encodeURIComponent(since);
        const response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
        if (response.redirected) { window.location.assign(response.url); return; }
        if (response.status === 200) { live.innerHTML = await response.text(); }
      } catch (offline) {
        // The next event or poll tries again.
      } finally {
        busy = false;
      }
    };
    if (window.EventSource) {
      const stream = new EventSource('/console/stream');
      ['ReadyToSchedule', 'ReadinessWithdrawn', 'CaseAtRisk', 'ReauthorizationDue', 'PayerDecisionOverdue', 'AlertResolved']
        .forEach(function (type) { stream.addEventListener(type, refresh); });
    }
    const seconds = Number(live.dataset.livePoll || 0);
    if (seconds > 0) { window.setInterval(refresh, seconds * 1000); }
  }
  document.addEventListener('click', async function (event) {
    const button = event.target.closest('[data-copy-target]');
    if (!button) { return; }
    const text = document.getElementById(button.dataset.copyTarget).textContent.trim();
    const status = button.parentElement.querySelector('.copy-status');
    try {
      await navigator.clipboard.writeText(text);
      if (status) { status.textContent = 'Copied.'; }
    } catch (refused) {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(button.dataset.copyTarget));
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      if (status) { status.textContent = 'Selected: press Ctrl+C to copy.'; }
    }
  });
})();
