/// The events' styles (timeline, badges for A4 label sheets, the door) and the live arrival count.
extension Stylesheet {
    static let events = """
        /* ---- Events (/arrangementer, /events) ---- */
        .timeline { list-style:none; margin:0 0 1.5rem; padding:0; border-left:3px solid var(--line); }
        .timeline .slot { position:relative; display:flex; flex-wrap:wrap; gap:.25rem 1rem; padding:.6rem 0 .6rem 1rem; }
        .timeline .slot::before { content:""; position:absolute; left:-.5rem; top:1rem; width:.7rem; height:.7rem; border-radius:50%; background:var(--line); }
        .timeline .slot-talk::before, .timeline .slot-discussion::before { background:#1f5fbf; }
        .timeline .slot-lunch::before, .timeline .slot-dinner::before { background:#2f855a; }
        .slot-time { font-variant-numeric:tabular-nums; font-weight:600; min-width:7rem; }
        .slot-body { display:flex; flex-direction:column; flex:1 1 14rem; min-width:0; overflow-wrap:anywhere; }
        .slot-kind { font-size:var(--text-xs); text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
        .slot-speaker { color:var(--muted); }
        .event-facts { display:grid; grid-template-columns:max-content 1fr; gap:.25rem 1rem; }
        .event-facts dd { margin:0; }
        .event-tabs ul { list-style:none; display:flex; flex-wrap:wrap; gap:.5rem 1rem; padding:0; margin:0 0 1rem; }
        .check-in-list { list-style:none; padding:0; margin:0; }
        .check-in-list li { display:flex; flex-wrap:wrap; justify-content:space-between; align-items:center; gap:.5rem; padding:.6rem 0; border-bottom:1px solid var(--line); }
        .check-in-list li.arrived .who { color:var(--muted); text-decoration:line-through; }
        .check-in-list .who { display:flex; flex-direction:column; min-width:0; overflow-wrap:anywhere; }
        .arrival-count { font-size:1.25rem; }
        .link-cell { overflow-wrap:anywhere; font-size:var(--text-xs); }
        .badge-sheet { display:grid; grid-template-columns:repeat(auto-fill, minmax(12rem, 1fr)); gap:.5rem; }
        .badge { display:flex; flex-direction:column; justify-content:center; align-items:center; text-align:center; border:1px dashed var(--line);
          padding:.75rem; min-height:8rem; overflow-wrap:anywhere; }
        .badge-name { font-size:1.5rem; font-weight:700; }
        .badge-org { font-size:1.1rem; }
        .badge-event { font-size:.8rem; color:var(--muted); margin-top:.4rem; }
        .score-choice { display:inline-flex; align-items:center; gap:.2rem; margin-right:.8rem; }
        @media print {
          @page { size:A4; margin:14mm 0 0 0; }
          .topbar, .app-header, .sidebar, .site-footer, .skip, .no-print, main > h1 { display:none !important; }
          .shell, main { display:block; margin:0; padding:0; max-width:none; }
          .badge-sheet { display:grid; grid-template-columns:105mm 105mm; grid-auto-rows:57mm; gap:0; }
          .badge { border:none; min-height:0; height:57mm; width:105mm; box-sizing:border-box; break-inside:avoid; page-break-inside:avoid; }
        }
        """
}

extension Script {
    /// The door's arrival count: refreshed every five seconds from `data-live-count` (JSON {arrived, confirmed}).
    static let liveCount = """
        (function () {
          var box = document.querySelector("[data-live-count]");
          if (!box || !window.fetch) return;
          var target = box.querySelector("[data-arrived]");
          setInterval(function () {
            fetch(box.getAttribute("data-live-count"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
              .then(function (r) { return r.ok ? r.json() : null; })
              .then(function (answer) { if (answer && target) target.textContent = String(answer.arrived); })
              .catch(function () {});
          }, 5000);
        })();
        """
}
