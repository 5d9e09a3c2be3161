"""`python -m tolltrace`: the same command line as the `tolltrace` script."""

from tolltrace.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
