/// The one script, served from the app (CSP allows scripts from 'self' only). It shows upload progress
/// on forms marked `data-progress`; without JavaScript the forms still post as usual.
enum Script {
    static let js = """
        document.addEventListener("submit", function (event) {
          var form = event.target;
          if (!form.hasAttribute("data-progress") || !window.FormData || !window.XMLHttpRequest) return;
          event.preventDefault();
          var bar = form.querySelector("progress");
          var label = form.querySelector("[data-progress-label]");
          if (bar) { bar.hidden = false; bar.value = 0; }
          var button = form.querySelector("button[type=submit]");
          if (button) button.disabled = true;
          var xhr = new XMLHttpRequest();
          xhr.open("POST", form.action);
          xhr.upload.onprogress = function (e) {
            if (!e.lengthComputable || !bar) return;
            bar.max = e.total; bar.value = e.loaded;
            if (label) label.textContent = Math.round(100 * e.loaded / e.total) + " %";
          };
          xhr.upload.onload = function () { if (label) label.textContent = label.getAttribute("data-progress-label"); };
          xhr.onload = function () {
            if (xhr.responseURL && xhr.responseURL !== form.action) { window.location = xhr.responseURL; return; }
            document.open(); document.write(xhr.responseText); document.close();
          };
          xhr.onerror = function () { if (button) button.disabled = false; if (label) label.textContent = "!"; };
          xhr.send(new FormData(form));
        });
        """
}

extension Script {
    /// The narrow-screen menu button: the page marks itself as scripted (CSS then folds the side navigation
    /// away on phones) and the button opens and closes it. Without JavaScript the navigation stays open.
    static let menu = """
        document.documentElement.classList.add("js");
        document.addEventListener("click", function (event) {
          var button = event.target.closest ? event.target.closest(".menu-toggle") : null;
          if (!button) return;
          var menu = document.getElementById(button.getAttribute("aria-controls"));
          if (!menu) return;
          var open = menu.classList.toggle("open");
          button.setAttribute("aria-expanded", open ? "true" : "false");
        });
        """
}

extension Script {
    /// Suggestions as you type for inputs marked `data-suggest` (the stop-calls form's business): asks the
    /// JSON route after a short pause and fills the input's `<datalist>`. Without JavaScript the field still
    /// takes a name or an organisation number, and a near miss comes back with suggestions from the server.
    static let suggest = """
        (function () {
          var timers = new WeakMap();
          document.addEventListener("input", function (event) {
            var input = event.target;
            if (!input.hasAttribute || !input.hasAttribute("data-suggest") || !window.fetch) return;
            clearTimeout(timers.get(input));
            timers.set(input, setTimeout(function () {
              var text = input.value.trim();
              var list = document.getElementById(input.getAttribute("list"));
              if (!list || text.length < 3) return;
              fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (rows) {
                  list.textContent = "";
                  rows.forEach(function (row) {
                    var option = document.createElement("option");
                    option.value = row.name;
                    option.label = row.orgnr;
                    list.appendChild(option);
                  });
                })
                .catch(function () {});
            }, 200));
          });
        })();
        """
}

extension Script {
    /// The wash form's column preview: when a file is chosen (or the phone column typed), its first 16 KiB go
    /// to the server, which answers with the columns the wash will use; they are shown before the list is
    /// sent. Without JavaScript the wash still detects the columns and says what it found on the result.
    static let columnPreview = """
        (function () {
          function preview(form) {
            var box = form.querySelector("[data-column-preview]");
            var input = form.querySelector("input[type=file]");
            if (!box || !input || !input.files || !input.files[0] || !window.FileReader || !window.fetch) return;
            var reader = new FileReader();
            reader.onload = function () {
              var bytes = new Uint8Array(reader.result), text = "";
              for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
              var body = new URLSearchParams();
              body.set("head", btoa(text));
              var column = form.querySelector("[name=phone_column]");
              if (column && column.value) body.set("phone_column", column.value);
              var token = form.querySelector("[name=_csrf]");
              fetch(box.getAttribute("data-column-preview") + (document.documentElement.lang === "en" ? "?lang=en" : ""), {
                method: "POST", body: body, credentials: "same-origin",
                headers: { "X-CSRF-Token": token ? token.value : "", "Accept": "application/json" }
              }).then(function (r) { return r.ok ? r.json() : null; }).then(function (answer) {
                if (!answer) return;
                var list = box.querySelector("ul");
                list.textContent = "";
                answer.columns.forEach(function (column) {
                  var item = document.createElement("li");
                  item.textContent = column.name + (column.role ? " → " + column.role : "");
                  if (column.role) item.className = "used";
                  list.appendChild(item);
                });
                var summary = box.querySelector("[data-column-summary]");
                summary.textContent = answer.problem ? answer.summary + " " + answer.problem : answer.summary;
                summary.className = answer.problem ? "field-error" : "hint";
                box.hidden = false;
              }).catch(function () {});
            };
            reader.readAsArrayBuffer(input.files[0].slice(0, 16384));
          }
          document.addEventListener("change", function (event) {
            var form = event.target.form;
            if (form && form.querySelector("[data-column-preview]")) preview(form);
          });
        })();
        """
}
