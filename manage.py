#!/usr/bin/env python
"""Django's command-line utility; `werkroute` (werkroute/cli.py) is the friendlier front door."""

from werkroute.cli import main

if __name__ == "__main__":
    main()
