/// The one stylesheet, compiled into the binary so the app serves it from any working directory.
/// It is a small design system (docs/ui.md): tokens first (spacing, type, colours), then the shell, then
/// components. Every text/background pair below meets WCAG AA (4.5:1); the pairs are listed in docs/ui.md.
enum Stylesheet {
    static let css = tokens + shell + components + lists + print

    /// Printing (minutes above all): only the content, black on white, links written out, no forms.
    static let print = """
        @media print {
          .topbar, .sidebar, .site-footer, .skip, form, .no-print, .menu-toggle { display:none !important; }
          body, main, .shell { background:#fff !important; color:#000 !important; display:block !important; margin:0; padding:0; }
          .minutes h2 { break-after:avoid; page-break-after:avoid; }
          .minutes section { break-inside:avoid-page; }
          .minutes a[href^="http"]::after { content:" (" attr(href) ")"; font-size:.8em; }
        }
        """

    /// Spacing scale (4 px steps), type scale (1.125 ratio), colours and radii.
    static let tokens = """
        :root {
          --space-1:.25rem; --space-2:.5rem; --space-3:.75rem; --space-4:1rem; --space-5:1.5rem; --space-6:2rem; --space-7:3rem;
          --text-xs:.8125rem; --text-sm:.875rem; --text-base:1rem; --text-lg:1.125rem; --text-xl:1.375rem; --text-2xl:1.75rem; --text-3xl:2.25rem;
          --ink:#111827; --muted:#4b5563; --line:#e5e7eb; --line-strong:#9ca3af; --bg:#f5f7fa; --card:#fff;
          --accent:#1d4ed8; --accent-hover:#1e40af; --accent-soft:#eff4ff;
          --ok:#166534; --ok-soft:#dcfce7; --bad:#b91c1c; --bad-ink:#991b1b; --bad-soft:#fee2e2;
          --warn:#854d0e; --warn-soft:#fef3c7; --info:#1e40af; --info-soft:#dbeafe; --neutral:#374151; --neutral-soft:#f3f4f6;
          --nav-bg:#0f172a; --nav-ink:#cbd5e1; --nav-heading:#94a3b8; --nav-current:#1e293b;
          --radius:.5rem; --radius-sm:.375rem; --shadow:0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.08);
          --focus:#f59e0b;
          font-family: Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
        }
        """

    /// Page shell: the top bar, the grouped side navigation, the content column, the footer.
    static let shell = """
        * { box-sizing:border-box; }
        html { -webkit-text-size-adjust:100%; }
        body { margin:0; color:var(--ink); background:var(--bg); line-height:1.55; font-size:var(--text-base); }
        a { color:var(--accent); text-underline-offset:.15em; } a:hover { color:var(--accent-hover); }
        .skip { position:absolute; left:-999px; } .skip:focus { left:var(--space-4); top:var(--space-4); background:#fff; padding:var(--space-2); z-index:10; }
        :focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
        .topbar { display:flex; flex-wrap:wrap; gap:var(--space-3) var(--space-5); align-items:center; padding:var(--space-3) var(--space-5);
          background:var(--card); border-bottom:1px solid var(--line); }
        .brand { font-weight:700; font-size:var(--text-lg); color:var(--ink); text-decoration:none; letter-spacing:-.01em; display:flex; align-items:center; gap:var(--space-2); }
        .brand-mark { display:inline-grid; place-items:center; width:1.9rem; height:1.9rem; border-radius:var(--radius-sm); background:var(--accent); color:#fff; font-size:var(--text-sm); }
        .brand-sub { font-weight:400; color:var(--muted); font-size:var(--text-sm); }
        .public-nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:var(--space-1) var(--space-4); margin:0; padding:0; }
        .public-nav a { color:var(--ink); text-decoration:none; font-weight:500; } .public-nav a:hover { color:var(--accent); text-decoration:underline; }
        .public-nav a[aria-current=page] { color:var(--accent); text-decoration:underline; text-underline-offset:.35em; }
        .topbar .login { margin-left:auto; }
        .who { margin-left:auto; display:flex; flex-wrap:wrap; gap:var(--space-3); align-items:center; font-size:var(--text-sm); color:var(--muted); }
        .who strong { color:var(--ink); font-weight:600; }
        .topbar .menu-toggle { display:none; }
        .shell { display:grid; grid-template-columns:15.5rem minmax(0,1fr); min-height:calc(100vh - 3.6rem); }
        .sidebar { background:var(--nav-bg); color:var(--nav-ink); padding:var(--space-4) var(--space-3); }
        .sidebar h2 { font-size:var(--text-xs); text-transform:uppercase; letter-spacing:.06em; color:var(--nav-heading); margin:var(--space-4) var(--space-3) var(--space-1); font-weight:600; }
        .sidebar ul { list-style:none; margin:0; padding:0; }
        .sidebar a { display:block; color:var(--nav-ink); text-decoration:none; padding:var(--space-2) var(--space-3); border-radius:var(--radius-sm); font-size:var(--text-sm); font-weight:500; }
        .sidebar a:hover { background:var(--nav-current); color:#fff; }
        .sidebar a[aria-current=page] { background:var(--nav-current); color:#fff; box-shadow:inset 3px 0 0 #60a5fa; }
        main { width:100%; max-width:76rem; margin:0 auto; padding:var(--space-5) var(--space-6) var(--space-7); min-width:0; }
        .public main { max-width:64rem; }
        h1 { font-size:var(--text-2xl); line-height:1.25; margin:var(--space-2) 0 var(--space-5); letter-spacing:-.015em; }
        h2 { font-size:var(--text-xl); line-height:1.3; margin:var(--space-6) 0 var(--space-3); }
        h3 { font-size:var(--text-lg); margin:var(--space-5) 0 var(--space-2); }
        p { margin:0 0 var(--space-3); }
        .lead { font-size:var(--text-lg); color:var(--muted); }
        .hint, small { color:var(--muted); font-size:var(--text-sm); }
        .site-footer { max-width:76rem; margin:0 auto; padding:var(--space-5) var(--space-6); color:var(--muted); font-size:var(--text-sm);
          display:flex; flex-wrap:wrap; gap:var(--space-3); justify-content:space-between; border-top:1px solid var(--line); }
        .site-footer p { margin:0; }
        @media (max-width: 52rem) {
          .shell { display:block; }
          .js .topbar .menu-toggle { display:inline-flex; }
          .js .sidebar { display:none; } .js .sidebar.open { display:block; }
          .sidebar { padding:var(--space-2) var(--space-3) var(--space-3); }
          .sidebar nav { display:grid; grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr)); gap:0 var(--space-3); }
          main { padding:var(--space-4) var(--space-4) var(--space-6); }
          .topbar { padding:var(--space-3) var(--space-4); }
          .who { margin-left:0; width:100%; }
          h1 { font-size:var(--text-xl); }
          .site-footer { padding:var(--space-4); }
        }
        """

    /// Cards, buttons, forms, notices, badges, empty states, definition lists.
    static let components = """
        .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(13rem,1fr)); gap:var(--space-4); margin-bottom:var(--space-5); }
        .card { display:block; background:var(--card); border:1px solid var(--line); border-radius:var(--radius); padding:var(--space-4) var(--space-5);
          box-shadow:var(--shadow); margin:0 0 var(--space-4); color:inherit; }
        a.card { text-decoration:none; } a.card:hover { border-color:var(--accent); }
        .card > h2:first-child, .card > h3:first-child { margin-top:0; }
        .cards > .card, .tiles > .card, .grid-2 > .card { margin:0; }
        .card .figure { font-size:var(--text-3xl); font-weight:700; line-height:1.1; letter-spacing:-.02em; }
        .card .figure-label { color:var(--muted); font-size:var(--text-sm); }
        .grid-2 { display:grid; grid-template-columns:repeat(auto-fit,minmax(min(20rem,100%),1fr)); gap:var(--space-4); align-items:start; margin-bottom:var(--space-5); }
        .todo { list-style:none; margin:0; padding:0; }
        .todo li { display:flex; flex-wrap:wrap; gap:var(--space-1) var(--space-3); align-items:baseline; justify-content:space-between;
          padding:var(--space-3) 0; border-top:1px solid var(--line); }
        .todo li:first-child { border-top:0; }
        .todo .when { display:block; color:var(--muted); font-size:var(--text-sm); }
        section.card > h2:first-child { font-size:var(--text-lg); }
        .count { display:inline-block; min-width:1.6rem; padding:0 var(--space-2); border-radius:1rem; background:var(--neutral-soft);
          color:var(--neutral); font-size:var(--text-sm); text-align:center; font-weight:600; margin-left:var(--space-2); }
        .count.attention { background:var(--bad-soft); color:var(--bad-ink); }
        .button, button.button { display:inline-flex; align-items:center; justify-content:center; gap:var(--space-2); background:var(--accent); color:#fff;
          border:1px solid var(--accent); padding:.55rem 1.1rem; border-radius:var(--radius-sm); font:inherit; font-weight:600; font-size:var(--text-sm);
          cursor:pointer; text-decoration:none; line-height:1.4; }
        .button:hover { background:var(--accent-hover); color:#fff; }
        .button.secondary { background:#fff; color:var(--ink); border-color:var(--line-strong); }
        .button.secondary:hover { background:var(--neutral-soft); color:var(--ink); }
        .button.danger { background:var(--bad); border-color:var(--bad); color:#fff; } .button.danger:hover { background:var(--bad-ink); }
        .button.small { padding:.3rem .7rem; font-size:var(--text-xs); }
        .button[disabled] { opacity:.6; cursor:progress; }
        .link { background:none; border:0; color:var(--accent); text-decoration:underline; cursor:pointer; font:inherit; padding:0; }
        .who .link { color:var(--muted); }
        .form { background:var(--card); border:1px solid var(--line); border-radius:var(--radius); padding:var(--space-5); max-width:36rem;
          box-shadow:var(--shadow); margin:0 0 var(--space-5); }
        .form.inline, form.inline { display:inline; background:none; border:0; padding:0; box-shadow:none; margin:0; }
        .inline-form { display:flex; flex-wrap:wrap; gap:var(--space-3); align-items:flex-end; }
        .inline-form .field { flex:1 1 14rem; margin:0; }
        .field { margin-bottom:var(--space-4); display:flex; flex-direction:column; gap:var(--space-1); }
        .field.checkbox { flex-direction:row; align-items:center; gap:var(--space-2); }
        .field.checkbox input { width:1.15rem; height:1.15rem; margin:0; flex:none; accent-color:var(--accent); }
        .field.checkbox label { font-weight:500; }
        label { font-weight:600; font-size:var(--text-sm); }
        input, select, textarea { font:inherit; padding:.55rem .7rem; border:1px solid var(--line-strong); border-radius:var(--radius-sm); width:100%;
          background:#fff; color:var(--ink); }
        input:focus, select:focus, textarea:focus { border-color:var(--accent); }
        input[aria-invalid=true] { border-color:var(--bad); }
        input[type=file] { padding:var(--space-2); background:var(--neutral-soft); }
        .field-error, .error { color:var(--bad-ink); font-size:var(--text-sm); margin:0; font-weight:500; }
        .notice, .alert, .success, .warning { border-radius:var(--radius-sm); padding:var(--space-3) var(--space-4); margin:0 0 var(--space-4); border:1px solid; }
        .notice { background:var(--info-soft); border-color:#bfdbfe; color:#1e3a8a; }
        .alert { background:var(--bad-soft); border-color:#fecaca; color:var(--bad-ink); }
        .success { background:var(--ok-soft); border-color:#bbf7d0; color:var(--ok); }
        .warning { background:var(--warn-soft); border-color:#fde68a; color:var(--warn); }
        .secret { font-family:ui-monospace, SFMono-Regular, Menlo, monospace; word-break:break-all; background:#fffbeb; padding:var(--space-2) var(--space-3);
          border:1px dashed var(--warn); border-radius:var(--radius-sm); white-space:pre-wrap; }
        .badge { display:inline-block; padding:.1rem .6rem; border-radius:1rem; font-size:var(--text-xs); font-weight:600; line-height:1.6;
          background:var(--neutral-soft); color:var(--neutral); white-space:nowrap; }
        .badge.tone-ok, .badge.status-approved, .badge.status-sent, .badge.status-active, .badge.status-accepted { background:var(--ok-soft); color:var(--ok); }
        .badge.tone-bad, .badge.status-revoked, .badge.status-dead, .badge.status-failed, .badge.status-rejected, .badge.status-suspended { background:var(--bad-soft); color:var(--bad-ink); }
        .badge.tone-warn, .badge.status-queued, .badge.status-pending, .badge.status-paused, .badge.status-under_review { background:var(--warn-soft); color:var(--warn); }
        .badge.tone-info, .badge.status-sending, .badge.status-draft { background:var(--info-soft); color:var(--info); }
        .badge.tone-neutral, .badge.status-expired, .badge.status-not_approved, .badge.status-ended { background:var(--neutral-soft); color:var(--neutral); }
        .empty { text-align:center; padding:var(--space-6) var(--space-4); background:var(--card); border:1px dashed var(--line-strong);
          border-radius:var(--radius); color:var(--muted); margin:0 0 var(--space-5); }
        .empty strong { display:block; color:var(--ink); font-size:var(--text-lg); margin-bottom:var(--space-1); }
        .empty p { margin:0 auto var(--space-3); max-width:36rem; }
        dl.card, dl.facts { display:grid; grid-template-columns:max-content minmax(0, 1fr); gap:var(--space-2) var(--space-5); }
        dl.card dt, dl.facts dt { color:var(--muted); font-size:var(--text-sm); }
        dl.card dd, dl.facts dd { margin:0; min-width:0; overflow-wrap:anywhere; }
        @media (max-width: 40rem) { dl.card, dl.facts { grid-template-columns:minmax(0, 1fr); gap:0 var(--space-2); } dl.card dd, dl.facts dd { margin-bottom:var(--space-2); } }
        .actions { display:flex; flex-wrap:wrap; gap:var(--space-3); align-items:center; margin:var(--space-4) 0; }
        .hero { background:linear-gradient(135deg,#1e3a8a,#1d4ed8); color:#fff; border-radius:var(--radius); padding:var(--space-6); margin-bottom:var(--space-5); }
        .hero h1 { margin:0 0 var(--space-3); color:#fff; font-size:var(--text-3xl); } .hero p { color:#e0e7ff; font-size:var(--text-lg); max-width:42rem; }
        .tiles { display:grid; grid-template-columns:repeat(auto-fit,minmax(14rem,1fr)); gap:var(--space-4); margin-bottom:var(--space-5); }
        .tiles a.card h2 { font-size:var(--text-lg); margin:0 0 var(--space-2); color:var(--accent); }
        .tiles a.card p { color:var(--muted); margin:0; font-size:var(--text-sm); }
        .upload-progress { display:flex; gap:var(--space-3); align-items:center; } .upload-progress progress { flex:1; max-width:20rem; }
        @media (max-width: 52rem) { dl.card, dl.facts { grid-template-columns:1fr; gap:0; } dl.card dd, dl.facts dd { margin-bottom:var(--space-2); }
          .hero { padding:var(--space-5); } .hero h1 { font-size:var(--text-2xl); } .form { padding:var(--space-4); } }
        """

    /// Tables and the list toolbar (search, filters, paging, CSV).
    static let lists = """
        .table-wrap { overflow-x:auto; -webkit-overflow-scrolling:touch; background:var(--card); border:1px solid var(--line); border-radius:var(--radius);
          box-shadow:var(--shadow); margin:0 0 var(--space-4); max-width:100%; }
        table { width:100%; border-collapse:collapse; font-size:var(--text-sm); }
        caption { text-align:left; padding:var(--space-3) var(--space-4); color:var(--muted); font-size:var(--text-sm); caption-side:top; }
        th, td { text-align:left; padding:var(--space-3) var(--space-4); border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f9fafb; color:var(--muted); font-weight:600; font-size:var(--text-xs); text-transform:uppercase; letter-spacing:.04em; white-space:nowrap; }
        tbody tr:last-child td { border-bottom:0; } tbody tr:hover { background:#f9fafb; }
        td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
        td.nowrap { white-space:nowrap; }
        .toolbar { display:flex; flex-wrap:wrap; gap:var(--space-3); align-items:flex-end; margin:0 0 var(--space-3); }
        .toolbar .field { margin:0; flex:1 1 12rem; max-width:22rem; }
        .toolbar .spacer { flex:1; }
        .pager { display:flex; flex-wrap:wrap; gap:var(--space-3); align-items:center; justify-content:space-between; margin:0 0 var(--space-5);
          color:var(--muted); font-size:var(--text-sm); }
        .pager nav { display:flex; gap:var(--space-2); }
        .columns-preview { display:flex; flex-wrap:wrap; gap:var(--space-2); list-style:none; padding:0; }
        .columns-preview li { background:var(--neutral-soft); border-radius:var(--radius-sm); padding:var(--space-1) var(--space-3); font-size:var(--text-sm); }
        .columns-preview li.used { background:var(--ok-soft); color:var(--ok); font-weight:600; }
        @media (max-width: 52rem) { th, td { padding:var(--space-2) var(--space-3); } .toolbar .field { max-width:none; } }
        """
}

extension Stylesheet {
    /// Green/red answers for the agent's number check.
    static let verdicts = """
        .verdict { margin-top:1rem; padding:.75rem 1rem; border-radius:.5rem; border:2px solid; }
        .verdict.ok { border-color:var(--ok); background:#e8f5ec; }
        .verdict.refused { border-color:var(--bad); background:#fdecea; }
        .verdict-title { font-weight:700; font-size:1.15rem; margin:0 0 .25rem; }
        /* Offers keep their line breaks but wrap long lines, so a phone shows the whole text without sideways scrolling. */
        pre.offer-text, pre.message-text { white-space:pre-wrap; overflow-wrap:anywhere; max-width:48rem; }
        /* Hashes and other long unbroken words wrap instead of widening the page on a phone. */
        main { overflow-wrap:break-word; } td code { white-space:nowrap; }
        ul.plain { list-style:none; margin:0; padding:0; }
        pre { white-space:pre-wrap; overflow-wrap:anywhere; }
        /* On a phone every table scrolls inside its own box, whether or not a view wrapped it. */
        @media (max-width: 40rem) { main table { display:block; max-width:100%; overflow-x:auto; } }
        """
}
