"""What a web worker holds: the libraries that only a download, an import or a new union's
name needs stay out of a process that has loaded the whole site (settings, every URL, the
search tokenizer), as gunicorn's master does before forking the workers.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Each of these took 10-57 MB in every worker when it was imported with the views.
NOT_IN_A_WORKER = ["openpyxl", "docx", "icalendar", "pypinyin", "pkg_resources"]

LOAD_THE_SITE = """
import json, sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().resolve("/")
from search.segmentation import tokenizer
tokenizer()
from importer import decoding
print(json.dumps({
    "modules": sorted({name.split(".")[0] for name in sys.modules}),
    "opencc_tables_built": decoding._common_characters.cache_info().currsize > 0,
}))
"""


def test_the_site_loads_without_the_heavy_libraries():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    output = subprocess.run(
        [sys.executable, "-c", LOAD_THE_SITE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    loaded = json.loads(output.strip().splitlines()[-1])
    assert [name for name in NOT_IN_A_WORKER if name in loaded["modules"]] == []
    assert not loaded["opencc_tables_built"]
