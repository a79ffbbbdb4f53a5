"""Cold reader pages timed in one process through Django's test client, to compare two
commits (or two machines) on the same day: run it from each checkout against the same
database; the page cache is off, what is kept below pages (cards, banner) stays on.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench_10k
    export REDIS_URL=redis://127.0.0.1:6379/8 DJANGO_STATIC_ROOT=/tmp/bench-static
    .venv/bin/python manage.py collectstatic --noinput -v0
    .venv/bin/python bench/inprocess.py [--requests 100]

Prints the mean milliseconds per request of the article (the 501st newest live one), the
home page and a search, each after 20 unmeasured requests.
"""

import argparse
import time

from cold_client import article_url, setup  # bench/, beside this script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    client = setup()
    pages = {
        "article": article_url(),
        "home": "/",
        "search": "/tim-kiem/?q=h%E1%BA%A3i+ph%C3%B2ng",
    }
    print("| page | ms per request |\n|---|---:|")
    for name, path in pages.items():
        for _ in range(20):
            assert client.get(path).status_code == 200, path
        start = time.perf_counter()
        for _ in range(args.requests):
            client.get(path)
        print(f"| {name} | {(time.perf_counter() - start) / args.requests * 1000:.1f} |")


if __name__ == "__main__":
    main()
