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
