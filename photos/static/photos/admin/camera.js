"use strict";
// On a phone, a "take a photo" button beside each photo field opens the camera (accept="image/*"
// with capture); the picture taken goes into the field as if chosen from the gallery, which the
// field itself still offers.
{
    const photoInputs = 'input[type="file"][data-camera-label]';

    function addCamera(input) {
        // The formset's template row is copied for each new row: the copy gets its own button.
        if (input.dataset.cameraReady || input.closest(".empty-form")) {
            return;
        }
        input.dataset.cameraReady = "1";
        const camera = document.createElement("input");
        camera.type = "file";
        camera.accept = "image/*";
        camera.setAttribute("capture", "environment");
        camera.hidden = true;
        camera.className = "photo-camera-input";
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button photo-camera-button";
        button.textContent = input.dataset.cameraLabel;
        button.addEventListener("click", () => camera.click());
        camera.addEventListener("change", () => {
            if (!camera.files.length) {
                return;
            }
            input.files = camera.files;
            input.dispatchEvent(new Event("change", {bubbles: true}));
        });
        input.insertAdjacentElement("afterend", button);
        // Outside the form: the camera's own input is never sent, and the row keeps one file field.
        document.body.appendChild(camera);
    }

    function addCameras(root) {
        root.querySelectorAll(photoInputs).forEach(addCamera);
    }

    document.addEventListener("DOMContentLoaded", () => addCameras(document));
    document.addEventListener("formset:added", (event) => addCameras(event.target));
}
