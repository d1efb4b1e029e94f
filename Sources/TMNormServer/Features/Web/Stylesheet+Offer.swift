/// The consumer's offer pages (/t/…) and the agent's preview of them: a signing page, one readable column.
/// Kept apart from the app's design system so the two can change independently.
extension Stylesheet {
    static let offer = """
        /* ---- Consumer offer pages (/t/TOKEN) and the sale preview ---- */
        body.offer-page { background:#eef1f5; font-size:1.0625rem; }
        .offer-head { background:#fff; border-bottom:1px solid var(--line); }
        .offer-head-inner, .offer-main, .offer-foot { max-width:44rem; margin:0 auto; padding-left:1.25rem; padding-right:1.25rem; }
        .offer-head-inner { padding-top:1rem; padding-bottom:1rem; }
        .offer-client { font-size:1.35rem; font-weight:700; margin:0; color:#102a43; }
        .offer-seller, .offer-to { margin:.15rem 0 0; color:var(--muted); font-size:.95rem; }
        .offer-main { padding-top:1rem; padding-bottom:1rem; }
        .offer-main h1 { font-size:1.5rem; line-height:1.25; margin:.5rem 0 .75rem; }
        .offer-main h2 { font-size:1.15rem; margin:0 0 .75rem; }
        .offer-lead { font-size:1.05rem; margin:0 0 1rem; }
        .offer-summary, .offer-document, .offer-answer, .offer-receipt, .offer-withdraw, .offer-confirm, .withdraw-form {
          background:#fff; border:1px solid var(--line); border-radius:.75rem; padding:1.25rem; margin:0 0 1rem; }
        .offer-summary dl, .form-facts { margin:0; display:grid; grid-template-columns:minmax(7rem, 40%) 1fr; }
        .offer-summary dt, .offer-summary dd, .form-facts dt, .form-facts dd { padding:.5rem 0; border-bottom:1px solid #e6e9ee; margin:0; }
        .offer-summary dt, .form-facts dt { color:var(--muted); padding-right:1rem; }
        .offer-summary dd, .form-facts dd { font-weight:600; text-align:right; overflow-wrap:anywhere; }
        .offer-summary dl > :nth-last-child(-n+2), .form-facts > :nth-last-child(-n+2) { border-bottom:0; }
        .offer-summary dd.total { font-size:1.2rem; }
        .offer-text { max-width:40rem; line-height:1.65; overflow-wrap:anywhere; }
        .offer-text h3 { font-size:1.05rem; margin:1.25rem 0 .35rem; }
        .offer-text p { margin:0 0 .45rem; }
        .offer-answer { border:2px solid var(--accent); }
        .answer-buttons { display:flex; flex-wrap:wrap; gap:.75rem; margin-top:.75rem; }
        .answer-buttons form { display:block; margin:0; }
        .offer-page .button { display:inline-block; min-height:2.75rem; padding:.7rem 1.4rem; font-size:1.05rem; font-weight:600;
          border-radius:.5rem; text-decoration:none; }
        .offer-page .button.primary { background:#0b5cad; color:#fff; }
        .offer-page .button.secondary { background:#fff; color:#0b5cad; border:2px solid #0b5cad; }
        .offer-page .button.inert { opacity:.75; cursor:not-allowed; }
        .offer-page :focus-visible { outline:3px solid #ffbf47; outline-offset:2px; }
        .offer-receipt { border:2px solid var(--ok); background:#f1f9f3; text-align:left; }
        .offer-receipt.closed { border-color:var(--line); background:#fff; }
        .receipt-mark { display:inline-flex; width:2.5rem; height:2.5rem; border-radius:50%; background:var(--ok); color:#fff;
          align-items:center; justify-content:center; font-size:1.4rem; margin:0 0 .5rem; }
        .receipt-ref strong { font-family:ui-monospace, monospace; font-size:1.1rem; letter-spacing:.03em; }
        .offer-confirm h2 { font-size:1.25rem; }
        .confirm-list { padding-left:1.2rem; margin:0 0 1rem; } .confirm-list li { margin:.25rem 0; }
        .confirm-form { margin:1rem 0; }
        .withdraw-form { max-width:none; } .withdraw-form .form-facts { margin-bottom:1rem; }
        .offer-text h3.doc-title { font-size:1.2rem; margin-top:0; }
        .withdraw-form textarea { width:100%; }
        .confirm-text { font-weight:600; }
        .offer-foot { color:var(--muted); font-size:.9rem; padding-top:.5rem; padding-bottom:2rem; }
        .preview-banner { background:#fff8e1; border-bottom:2px solid var(--warn); padding:.75rem 1.25rem; }
        .preview-banner-inner { max-width:44rem; margin:0 auto; }
        .preview-banner form { display:inline-block; margin:.25rem .5rem .25rem 0; }
        /* The agent's sale form (/campaigns/ID/sales) */
        .sale-form { max-width:44rem; }
        .sale-form fieldset { border:1px solid var(--line); border-radius:.5rem; padding:.75rem 1rem .25rem; margin:0 0 1rem; }
        .sale-form legend { font-weight:700; padding:0 .35rem; }
        p.actions a.button { display:inline-block; text-decoration:none; }
        @media (max-width: 30rem) {
          .offer-head-inner, .offer-main, .offer-foot { padding-left:.75rem; padding-right:.75rem; }
          .offer-summary, .offer-document, .offer-answer, .offer-receipt, .offer-withdraw, .offer-confirm, .withdraw-form { padding:1rem .85rem; }
          .answer-buttons form, .answer-buttons .button, .confirm-form .button, .withdraw-form .button { width:100%; }
          .offer-summary dl, .form-facts { grid-template-columns:1fr; }
          .offer-summary dt, .form-facts dt { border-bottom:0; padding-bottom:0; }
          .offer-summary dd, .form-facts dd { text-align:left; padding-top:.1rem; }
          .offer-summary dl > dt:nth-last-child(2), .form-facts > dt:nth-last-child(2) { border-bottom:0; }
        }
        """
}
