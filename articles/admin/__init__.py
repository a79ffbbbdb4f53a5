from . import article, banner, photo, section, tag  # noqa: F401  (registers the admins)
