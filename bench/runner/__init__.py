"""``bench/run``: the reader pages under wrk, cold and warm, with an nginx ceiling (issue #9).

bench/README.md, "bench/run", says how to run it and what it measures.
"""
