"""Photo uploads: time and memory to take in a 4000 × 3000 phone JPEG, and to show photo lists.

Each step is timed on its own and the whole upload through the admin's form, median of a few
runs: the request's part (the renditions are queued, as with the database task backend) and
the background task's part (photos.tasks.make_renditions, run as the worker runs it).
Memory: tracemalloc sees Python's allocations only (Pillow decodes into its own C memory),
so a fresh process also uploads the photo once and reports how far its resident size peaked
above where it started (VmHWM after resetting it, Linux).
"""

import io
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import _setup  # noqa: F401  (configures Django)
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import override_settings
from PIL import ExifTags, Image

from photos.forms import PhotoForm
from photos.models import Photo
from photos.processing import clean_original
from photos.tasks import make_renditions
from photos.validation import open_verified_image

RUNS = 3
LIST_LENGTH = 20
# Tasks are kept, not run, so the request's time is timed alone; the task is then run by hand.
QUEUED_ONLY = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
}


def phone_photo(width=4000, height=3000):
    """A JPEG like a phone's: detailed content (noise over a gradient), EXIF with orientation."""
    gradient = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 48).convert("RGB")
    picture = Image.blend(gradient, noise, 0.35)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Model] = "Phone 15"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def upload_once(path):
    """In a fresh process: how much one upload raises the peak resident size."""
    data = Path(path).read_bytes()
    with _setup.benchmark_database(), override_settings(TASKS=QUEUED_ONLY):
        # Setting up the database peaks higher than an upload: start the peak afresh (Linux).
        Path("/proc/self/clear_refs").write_text("5")
        before = _status_mb("VmRSS")
        form = PhotoForm(
            data={"position": 0}, files={"image": SimpleUploadedFile("IMG_0001.JPG", data)}
        )
        assert form.is_valid(), form.errors
        form.save()
        print(f"{_status_mb('VmHWM') - before:.0f}")


def _status_mb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def main():
    data = phone_photo()
    print(f"source: 4000 × 3000 JPEG, {len(data) / 1_000_000:.1f} MB")
    with tempfile.NamedTemporaryFile(suffix=".jpg") as source:
        source.write(data)
        source.flush()
        child = subprocess.run(
            [sys.executable, __file__, "--upload-once", source.name],
            capture_output=True,
            text=True,
            check=True,
        )
    upload_rss_mb = child.stdout.strip().splitlines()[-1]

    verify_times, clean_times, upload_times, task_times, peaks = [], [], [], [], []
    with _setup.benchmark_database(), override_settings(TASKS=QUEUED_ONLY):
        for run in range(RUNS):
            seconds, image = timed(lambda: open_verified_image(io.BytesIO(data)))
            verify_times.append(seconds)
            seconds, _ = timed(lambda image=image: clean_original(image))
            clean_times.append(seconds)
            del image

            tracemalloc.start()
            form = PhotoForm(
                data={"caption": "基准测试", "credit": "姚佳佳", "position": run},
                files={"image": SimpleUploadedFile("IMG_0001.JPG", data)},
            )
            seconds, photo = timed(lambda form=form: form.is_valid() and form.save())
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            assert photo, form.errors
            upload_times.append(seconds)
            seconds, written = timed(
                lambda photo=photo: make_renditions.call(photo.pk, photo.image.name)
            )
            assert written == 6, written
            task_times.append(seconds)

        photos = list(Photo.objects.all()) * (LIST_LENGTH // RUNS + 1)
        photos = photos[:LIST_LENGTH]
        list_seconds, _ = timed(
            lambda: [render_to_string("photos/includes/picture.html", {"photo": p}) for p in photos]
        )
        stored = Photo.objects.first()

    print(f"verify (open, verify, full decode):   {statistics.median(verify_times) * 1000:7.0f} ms")
    print(f"clean (upright, sRGB, re-encode):     {statistics.median(clean_times) * 1000:7.0f} ms")
    print(
        "upload request (form + save, renditions queued): "
        f"{statistics.median(upload_times) * 1000:7.0f} ms (median of {RUNS})"
    )
    print(
        "background task (6 renditions, marked ready): "
        f"{statistics.median(task_times) * 1000:7.0f} ms (median of {RUNS})"
    )
    print(f"  stored original: {stored.width} × {stored.height}")
    print(f"python allocations, peak (tracemalloc): {max(peaks) / 1_000_000:7.1f} MB")
    print(f"resident memory peak of one upload request, over the process: {upload_rss_mb} MB")
    print(
        f"render the picture include for {LIST_LENGTH} photos: {list_seconds * 1000:.1f} ms "
        "(no image work)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--upload-once"]:
        upload_once(sys.argv[2])
    else:
        main()
