"""Demo content for ``manage.py seed_demo``: texts written for this project, Pillow photos."""
