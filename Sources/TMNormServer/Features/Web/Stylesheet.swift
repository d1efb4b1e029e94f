/// The one stylesheet, compiled into the binary so the app serves it from any working directory.
enum Stylesheet {
    static let css = """
        :root { --ink:#1d232b; --muted:#5a6472; --line:#d7dce2; --bg:#f6f7f9; --card:#fff; --accent:#0b5cad;
          --ok:#1d7a3a; --bad:#b3261e; --warn:#8a5a00; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        * { box-sizing: border-box; }
        body { margin:0; color:var(--ink); background:var(--bg); line-height:1.5; font-size:1rem; }
        a { color:var(--accent); }
        .skip { position:absolute; left:-999px; } .skip:focus { left:1rem; top:1rem; background:#fff; padding:.5rem; z-index:10; }
        .site-header { display:flex; flex-wrap:wrap; gap:1rem; align-items:center; padding:.75rem 1.25rem; background:#102a43; color:#fff; }
        .site-header a { color:#fff; } .brand { font-weight:700; font-size:1.2rem; text-decoration:none; }
        .site-header nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:.25rem 1rem; margin:0; padding:0; }
        .site-header nav a[aria-current=page] { text-decoration:underline; text-underline-offset:.3em; font-weight:600; }
        .who { margin-left:auto; display:flex; gap:.75rem; align-items:center; font-size:.9rem; }
        main { max-width:72rem; margin:0 auto; padding:1.25rem; }
        h1 { font-size:1.6rem; margin:.5rem 0 1rem; } h2 { font-size:1.2rem; margin-top:1.5rem; }
        .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(14rem,1fr)); gap:1rem; }
        .card { background:var(--card); border:1px solid var(--line); border-radius:.5rem; padding:1rem; }
        .card .figure { font-size:2rem; font-weight:700; }
        table { width:100%; border-collapse:collapse; background:var(--card); }
        th, td { text-align:left; padding:.5rem; border-bottom:1px solid var(--line); vertical-align:top; }
        .table-wrap { overflow-x:auto; }
        .form { background:var(--card); border:1px solid var(--line); border-radius:.5rem; padding:1rem; max-width:32rem; }
        .form.inline, form.inline { display:inline; background:none; border:0; padding:0; }
        .field { margin-bottom:.9rem; display:flex; flex-direction:column; gap:.25rem; }
        label { font-weight:600; } .hint { color:var(--muted); }
        input, select, textarea { font:inherit; padding:.55rem; border:1px solid #9aa5b1; border-radius:.35rem; width:100%; }
        input:focus, select:focus, button:focus, a:focus { outline:3px solid #ffbf47; outline-offset:1px; }
        .button { background:var(--accent); color:#fff; border:0; padding:.6rem 1.1rem; border-radius:.35rem; font:inherit; cursor:pointer; }
        .button.secondary { background:#fff; color:var(--accent); border:1px solid var(--accent); }
        .link { background:none; border:0; color:inherit; text-decoration:underline; cursor:pointer; font:inherit; padding:0; }
        .field-error, .error { color:var(--bad); } .notice { border-left:4px solid var(--accent); background:#eaf2fb; padding:.75rem 1rem; }
        .alert { border-left:4px solid var(--bad); background:#fdecea; padding:.75rem 1rem; }
        .secret { font-family:ui-monospace, monospace; word-break:break-all; background:#fff8e1; padding:.5rem; border:1px dashed var(--warn); }
        .badge { display:inline-block; padding:.1rem .5rem; border-radius:1rem; font-size:.85rem; background:#e6ebf1; }
        .site-footer { max-width:72rem; margin:2rem auto; padding:0 1.25rem; color:var(--muted); font-size:.9rem; }
        @media (max-width: 40rem) { .who { margin-left:0; width:100%; } main { padding:.75rem; } th, td { padding:.4rem; } }
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
