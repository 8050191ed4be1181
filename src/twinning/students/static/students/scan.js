// Scans a pass with the camera where the browser has the BarcodeDetector API; elsewhere the
// phone's own camera app opens the pass URL directly, and search by name always works.
(function () {
  "use strict";
  var box = document.getElementById("scanner");
  if (!box || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "btn btn-outline-primary";
  button.textContent = box.dataset.label || "Scan";
  box.appendChild(button);
  button.addEventListener("click", function () {
    var video = document.createElement("video");
    video.setAttribute("playsinline", "");
    video.style.maxWidth = "100%";
    box.appendChild(video);
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.play();
      var look = function () {
        detector.detect(video).then(function (codes) {
          var found = codes.find(function (c) { return c.rawValue.indexOf(box.dataset.scanBase) !== -1; });
          if (found) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            window.location.href = found.rawValue;
          } else {
            window.requestAnimationFrame(look);
          }
        });
      };
      look();
    });
  });
})();
