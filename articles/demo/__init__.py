"""Demo content for ``manage.py seed_demo``: texts written for this project, Pillow photos;
and in ``bench`` the benchmark archive ``manage.py seed_bench`` plans and writes."""
