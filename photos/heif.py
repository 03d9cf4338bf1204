"""HEIC/HEIF support (iPhone photos) through pillow-heif, when it is installed."""

try:
    import pillow_heif
except ImportError:  # pragma: no cover - pillow-heif is a pinned dependency
    pillow_heif = None

if pillow_heif is not None:
    # Only the main picture matters to us: skip decoding thumbnails, depth maps and the like.
    pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
    FORMATS = frozenset({"HEIF"})
else:
    FORMATS = frozenset()
