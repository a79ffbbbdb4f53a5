#!/usr/bin/env python
"""The Wagtail reference site's manage.py (bench/README.md, "Wagtail in the same run")."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refsite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
