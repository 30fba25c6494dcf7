// nacrad serve: the little the pages need from a script (they work without it).
// Served from the jar; the Content-Security-Policy allows no other script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var print = document.getElementById("print");
  if (print) {
    print.addEventListener("click", function () { window.print(); });
  }
  var form = document.getElementById("predict-form");
  if (!form) {
    return;
  }
  var maxFile = Number(form.getAttribute("data-max-file-bytes"));
  var maxUpload = Number(form.getAttribute("data-max-upload-bytes"));
  function mb(b) { return (b / 1048576).toFixed(0) + " MB"; }
  function show(message) {
    var box = document.getElementById("error");
    if (!box) {
      box = document.createElement("div");
      box.id = "error";
      box.className = "error";
      box.setAttribute("role", "alert");
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = message;
    box.scrollIntoView();
  }
  var ihc = document.getElementById("f-her2_ihc");
  var ish = document.getElementById("f-her2_ish");
  if (ihc && ish) {
    var row = ish.closest(".field");
    var update = function () { row.hidden = ihc.value !== "2"; };
    ihc.addEventListener("change", update);
    update();
  }
  form.addEventListener("submit", function (event) {
    var total = 0;
    var inputs = form.querySelectorAll("input[type=file]");
    for (var i = 0; i < inputs.length; i++) {
      var files = inputs[i].files;
      for (var j = 0; j < files.length; j++) {
        total += files[j].size;
        if (files[j].size > maxFile) {
          event.preventDefault();
          show("The '" + inputs[i].name + "' file (" + files[j].name + ") is larger than the " + mb(maxFile)
            + " a file may have.");
          return;
        }
      }
    }
    if (total > maxUpload) {
      event.preventDefault();
      show("The files together (" + mb(total) + ") are larger than the " + mb(maxUpload) + " a request may carry.");
      return;
    }
    document.getElementById("submit").disabled = true;
    document.getElementById("busy").hidden = false;
  });
});
