extension Stylesheet {
    /// The evaluation's charts, scorecards and the printable report (print: no navigation, charts whole).
    static let evaluation = """
        .chart-figure { margin:0 0 var(--space-5); max-width:60rem; }
        .chart-figure svg { display:block; width:100%; height:auto; border:1px solid #e5e7eb; border-radius:var(--radius-sm); }
        .chart-figure figcaption { font-size:var(--text-sm); margin-top:var(--space-2); }
        .chart-links { font-size:var(--text-sm); }
        .scorecards { display:grid; gap:var(--space-4); grid-template-columns:repeat(auto-fill, minmax(16rem, 1fr)); }
        .small-multiples { display:grid; gap:var(--space-3); grid-template-columns:repeat(auto-fill, minmax(14rem, 1fr)); }
        .small-multiples figure { margin:0; }
        .light { display:inline-block; padding:.1rem .6rem; border-radius:1rem; font-size:var(--text-xs); font-weight:600; }
        .light-green { background:var(--ok-soft); color:var(--ok); }
        .light-amber { background:var(--warn-soft); color:var(--warn); }
        .light-red { background:var(--bad-soft); color:var(--bad-ink); }
        .light-unknown { background:var(--neutral-soft); color:var(--neutral); }
        .generated-notice { border-style:dashed; }
        .evaluation-filter { display:flex; flex-wrap:wrap; gap:var(--space-3); align-items:flex-end; }
        .evaluation-filter .field { min-width:10rem; }
        @media print {
          .topbar, .sidebar, .skip, footer, .menu-toggle, .no-print, .evaluation-filter { display:none !important; }
          .shell { display:block; }
          main { padding:0; max-width:none; }
          .chart-figure { break-inside:avoid; page-break-inside:avoid; }
          .chart-figure svg { border:none; }
          details { display:block; }
          details > summary { display:none; }
          a { color:inherit; text-decoration:none; }
          h2 { break-before:auto; break-after:avoid; }
          table { font-size:9pt; }
        }
        """
}
