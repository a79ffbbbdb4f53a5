"""Where a cold article page's time goes: cProfile over requests through Django's test
client, page cache off (what is kept below pages stays on), against a bench database.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench_10k
    export REDIS_URL=redis://127.0.0.1:6379/8 DJANGO_STATIC_ROOT=/tmp/bench-static
    .venv/bin/python manage.py collectstatic --noinput -v0
    .venv/bin/python bench/profile_article.py [--requests 200] [--lines 40]

Profiles the 501st newest live article after 30 unmeasured requests and prints the top of
the cumulative and the own-time tables (bench/RESULTS.md, 10k-s7-wagtail, quotes one run).
"""

import argparse
import cProfile
import io
import pstats

from cold_client import article_url, setup  # bench/, beside this script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    client = setup()
    url = article_url()
    for _ in range(30):
        client.get(url)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        client.get(url)
    profile.disable()
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.lines)
        print(out.getvalue())


if __name__ == "__main__":
    main()
